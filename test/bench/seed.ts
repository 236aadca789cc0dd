/**
 * Seeds an SQLite file for the /status, /pending and planner benchmarks, through the project's migrations, in
 * one transaction of multi-row inserts: units (one archived), people in their current units (a few moved from
 * another unit after assessing), three rounds (two closed, the last open), assessments in every state,
 * nominations in every status, dossier file versions (some documents uploaded twice) and dossiers.
 *
 *   node --import tsx test/bench/seed.ts --people 50000 --units 200 --rounds 3 --out data/bench.sqlite
 *
 * The data is deterministic: the same options give the same database.
 */
import { rmSync } from "node:fs";
import { pathToFileURL } from "node:url";
import type { Insertable } from "kysely";
import { type DB, migrateToLatest, openDatabase } from "../../db/connection.js";
import type {
  AssessmentTable,
  DossierFileVersionTable,
  DossierTable,
  NominationTable,
  UserTable,
} from "../../db/schema.js";
import type { NominationStatus } from "../../src/domain/nominations.js";

export interface SeedOptions {
  people: number;
  units: number;
  rounds: number;
}

export interface SeedSummary {
  /** The open round, the last one seeded. */
  openYear: number;
  /** A registered Office member (in the first unit). */
  officeId: number;
  units: number;
  people: number;
  assessments: number;
  nominations: number;
  fileVersions: number;
}

const FIRST_PERSON = 10_000_000;
const CAMPAIGN = "stp-cchc-2023-2025";
const FORMS = ["giay-khen-giam-doc-so", "bang-khen-chu-tich-tinh", "bang-khen-thu-tuong"] as const;
const STATUSES: readonly NominationStatus[] = [
  "draft",
  "submitted",
  "under_review",
  "recommended",
  "awarded",
  "returned",
  "rejected",
  "withdrawn",
];
const SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"];
const MIDDLE = ["Văn", "Thị", "Minh", "Thu", "Quang", "Ngọc", "Đức", "Thanh"];
const GIVEN = ["An", "Bình", "Cường", "Dung", "Giang", "Hà", "Hùng", "Lan", "Long", "Mai", "Nam", "Phương"];

/** Rows per insert: the widest table binds 16 values a row, well under SQLite's 32,766 a statement. */
const CHUNK = 500;

/** A small deterministic generator (mulberry32), so that runs compare on the same data. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function pick<T>(items: readonly T[], r: number): T {
  const item = items[Math.floor(r * items.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
}

async function insertChunked<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/** Seeds an empty, migrated database. */
export async function seedBench(db: DB, options: SeedOptions): Promise<SeedSummary> {
  const rnd = random(20_261_201);
  const years = Array.from({ length: options.rounds }, (_, i) => 2026 - options.rounds + 1 + i);
  const openYear = years.at(-1) ?? 2026;
  const at = (year: number) => `${year}-11-01T00:00:00.000Z`;
  const perUnit = Math.max(1, Math.floor(options.people / options.units));
  const unitOf = (i: number) => Math.min(options.units, Math.floor(i / perUnit) + 1);

  const units = Array.from({ length: options.units + 1 }, (_, u) => ({
    id: u + 1,
    code: `DV${String(u + 1).padStart(3, "0")}`,
    name: `Phòng nghiệp vụ số ${u + 1}`,
    created_at: at(years[0] ?? openYear),
    group_chat_id: u % 2 === 0 ? -1_000_000_000_000 - u : null,
    // The last unit was dissolved: its people stay in the database but it shows nowhere.
    archived_at: u === options.units ? at(openYear) : null,
  }));

  // Who moved: assessed (in earlier rounds and this one) in their first unit, now counted in the next one.
  const movedFrom = new Map<number, number>();
  const people: Insertable<UserTable>[] = Array.from({ length: options.people }, (_, i) => {
    const first = unitOf(i);
    const moved = i % perUnit !== 0 && i % 97 === 13 && options.units > 1;
    if (moved) movedFrom.set(FIRST_PERSON + i, first);
    const r = rnd();
    return {
      telegram_id: FIRST_PERSON + i,
      full_name: `${pick(SURNAMES, r)} ${pick(MIDDLE, rnd())} ${pick(GIVEN, rnd())} ${String(i).padStart(6, "0")}`,
      position: "Chuyên viên",
      unit_id: moved ? (first % options.units) + 1 : first,
      role: i === 0 ? "office" : i % perUnit === 0 ? "unit_head" : "employee",
      consented_at: at(years[0] ?? openYear),
      created_at: at(years[0] ?? openYear),
      updated_at: at(openYear),
    };
  });

  const assessments: Insertable<AssessmentTable>[] = [];
  for (const year of years) {
    const open = year === openYear;
    for (const person of people) {
      const r = rnd();
      // In the open round about half submitted, a fifth started, the rest not yet; closed rounds are nearly done.
      const state = open
        ? r < 0.5
          ? "submitted"
          : r < 0.7
            ? "in_progress"
            : null
        : r < 0.95
          ? "submitted"
          : null;
      if (state === null) continue;
      assessments.push({
        round_year: year,
        subject: "individual",
        subject_id: person.telegram_id,
        unit_id: movedFrom.get(person.telegram_id) ?? person.unit_id,
        status: state,
        started_at: at(year),
        submitted_at: state === "submitted" ? at(year) : null,
        updated_at: at(year),
      });
    }
    for (const unit of units) {
      const r = rnd();
      if (open && r < 0.25) continue;
      assessments.push({
        round_year: year,
        subject: "unit",
        subject_id: unit.id,
        unit_id: unit.id,
        status: !open || r < 0.7 ? "submitted" : "in_progress",
        started_at: at(year),
        submitted_at: !open || r < 0.7 ? at(year) : null,
        updated_at: at(year),
      });
    }
  }

  const membersOf = new Map<number, Insertable<UserTable>[]>();
  for (const person of people) {
    if (movedFrom.has(person.telegram_id)) continue;
    const list = membersOf.get(person.unit_id);
    if (list) list.push(person);
    else membersOf.set(person.unit_id, [person]);
  }
  const nominations: Insertable<NominationTable>[] = [];
  const files: Insertable<DossierFileVersionTable>[] = [];
  const dossiers: Insertable<DossierTable>[] = [];
  const file = (year: number, unitId: number, documentId: string, documentKey: string, version: number) =>
    files.push({
      round_year: year,
      unit_id: unitId,
      document_id: documentId,
      document_key: documentKey,
      version,
      file_id: `F-${year}-${unitId}-${documentId}-${documentKey}-${version}`,
      file_unique_id: `U-${files.length}`,
      file_name: `${documentId}.pdf`,
      mime_type: "application/pdf",
      file_size: 100_000,
      uploaded_by: FIRST_PERSON + (unitId - 1) * perUnit,
      uploaded_by_name: "Trưởng phòng",
      uploaded_at: at(year),
    });
  for (const year of years) {
    for (const unit of units) {
      const members = membersOf.get(unit.id) ?? [];
      const individuals = Math.min(members.length, Math.floor(rnd() * 5));
      const nominees: Array<{ kind: "individual" | "collective"; id: number; name: string }> = members
        .slice(1, 1 + individuals)
        .map((m) => ({ kind: "individual", id: m.telegram_id, name: m.full_name }));
      if (unit.id % 3 === 0) nominees.push({ kind: "collective", id: unit.id, name: unit.name });
      const ids: number[] = [];
      for (const [n, nominee] of nominees.entries()) {
        const id = nominations.length + 1;
        const status = pick(STATUSES, rnd());
        nominations.push({
          id,
          round_year: year,
          unit_id: unit.id,
          form_id: pick(FORMS, n === 0 ? 0 : rnd()),
          nominee_kind: nominee.kind,
          nominee_id: nominee.id,
          nominee_name: nominee.name,
          eligible: rnd() < 0.8 ? 1 : 0,
          result_summary: JSON.stringify({ met: 6, total: 6, progress: "submitted" }),
          reason: null,
          status,
          created_by: FIRST_PERSON + (unit.id - 1) * perUnit,
          created_at: at(year),
          updated_at: at(year),
          decision_number: status === "awarded" ? `${id}/QĐ-STP` : null,
          decision_date: status === "awarded" ? `${year + 1}-01-20` : null,
          decision_issuer: status === "awarded" ? "Giám đốc Sở Tư pháp" : null,
        });
        ids.push(id);
      }
      if (ids.length === 0) continue;
      const r = rnd();
      // Units that nominated upload the Tờ trình (some twice) and most reports (some twice).
      if (r < 0.8) {
        file(year, unit.id, "to-trinh", "", 1);
        if (r < 0.2) file(year, unit.id, "to-trinh", "", 2);
      }
      for (const id of ids) {
        const s = rnd();
        if (s < 0.7) file(year, unit.id, "bao-cao-thanh-tich", `n:${id}`, 1);
        if (s < 0.15) file(year, unit.id, "bao-cao-thanh-tich", `n:${id}`, 2);
      }
      const d = year === openYear ? rnd() : 0;
      if (d > 0.85) continue;
      const status = d < 0.4 ? "submitted" : d < 0.5 ? "returned" : "open";
      dossiers.push({
        round_year: year,
        unit_id: unit.id,
        status,
        submitted_at: status === "open" ? null : at(year),
        submitted_by: status === "open" ? null : FIRST_PERSON + (unit.id - 1) * perUnit,
        late: d < 0.05 ? 1 : 0,
        returned_at: status === "returned" ? at(year) : null,
        returned_by: status === "returned" ? FIRST_PERSON : null,
        return_reason: status === "returned" ? "Thiếu báo cáo thành tích" : null,
        updated_at: at(year),
      });
    }
  }

  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("rounds")
      .values(
        years.map((year) => ({
          year,
          campaign_id: CAMPAIGN,
          status: year === openYear ? ("open" as const) : ("closed" as const),
          deadline_at: `${year + 1}-01-04T17:00:00.000Z`,
          opened_at: at(year),
          opened_by: FIRST_PERSON,
          closed_at: year === openYear ? null : `${year + 1}-02-01T00:00:00.000Z`,
        })),
      )
      .execute();
    await insertChunked(units, (chunk) => trx.insertInto("units").values(chunk).execute());
    await insertChunked(people, (chunk) => trx.insertInto("users").values(chunk).execute());
    const english = people
      .filter((_, i) => i % 10 === 3)
      .map((p) => ({ telegram_id: p.telegram_id, language: "en" as const }));
    await insertChunked(english, (chunk) => trx.insertInto("preferences").values(chunk).execute());
    await insertChunked(assessments, (chunk) => trx.insertInto("assessments").values(chunk).execute());
    await insertChunked(nominations, (chunk) => trx.insertInto("nominations").values(chunk).execute());
    await insertChunked(files, (chunk) => trx.insertInto("dossier_file_versions").values(chunk).execute());
    await insertChunked(dossiers, (chunk) => trx.insertInto("dossiers").values(chunk).execute());
  });
  return {
    openYear,
    officeId: FIRST_PERSON,
    units: options.units,
    people: options.people,
    assessments: assessments.length,
    nominations: nominations.length,
    fileVersions: files.length,
  };
}

/** Creates (replacing any file there) and seeds a database file; returns it open. */
export async function seedFile(
  path: string,
  options: SeedOptions,
): Promise<{ db: DB; summary: SeedSummary }> {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${path}${suffix}`, { force: true });
  const db = openDatabase(path);
  await migrateToLatest(db);
  return { db, summary: await seedBench(db, options) };
}

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at < 0 ? fallback : Number(process.argv[at + 1]) || fallback;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const outAt = process.argv.indexOf("--out");
  const out = outAt < 0 ? "data/bench.sqlite" : (process.argv[outAt + 1] ?? "data/bench.sqlite");
  const started = performance.now();
  const { db, summary } = await seedFile(out, {
    people: option("people", 50_000),
    units: option("units", 200),
    rounds: option("rounds", 3),
  });
  await db.destroy();
  console.log(
    `seeded ${out} in ${((performance.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(summary)}`,
  );
}
