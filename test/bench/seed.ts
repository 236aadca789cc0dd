/**
 * The benchmarks' one seeder: an SQLite file through the project's migrations, filled in one transaction of
 * multi-row inserts with `units` units (every other one with its group bound), `people` people in them (one head
 * a unit, a tenth reading English) and `rounds` rounds (the last open, the others closed), and, as a bench needs:
 * - `progress`: how far the open round is (the shares of people who submitted and who started; units alike);
 * - `answers`: every assessment answered criterion by criterion and area by area (what /export reads);
 * - `nominations`: in every status with their documents (some uploaded twice) and dossiers ("mixed"), three a
 *   unit sent to the Office with their moves ("sent"), or none;
 * - `churn`: one unit dissolved (archived) and some people moved to another unit after assessing.
 * /status and /pending (`STATUS_FILL`), the reminder planner (`PLANNER_FILL`) and /export (`EXPORT_FILL`) each
 * seed with their own fill; the data is deterministic: the same options give the same database.
 *
 *   node --import tsx test/bench/seed.ts --people 50000 --units 200 --rounds 3 --out data/bench.sqlite
 */
import { copyFileSync, existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import SQLite from "better-sqlite3";
import { type Insertable, Kysely, type Migration, SqliteDialect, sql } from "kysely";
import { type DB, migrateToLatest, openDatabase } from "../../db/connection.js";
import type {
  AssessmentItemTable,
  AssessmentTable,
  DossierFileVersionTable,
  DossierTable,
  NominationHistoryTable,
  NominationTable,
  UserTable,
} from "../../db/schema.js";
import { loadCampaign } from "../../src/campaign/load.js";
import type { Criterion } from "../../src/campaign/schema.js";
import { areaKey, type CriterionAnswer, criterionKey } from "../../src/domain/assessment.js";
import type { NominationStatus } from "../../src/domain/nominations.js";

/** Shares, from 0 to 1, of those who submitted their assessment and of those who started it. */
export interface Progress {
  submitted: number;
  inProgress: number;
}

/** What a bench needs in the database besides units, people and rounds. */
export interface Fill {
  /** The open round: people's own assessments, and units' (closed rounds are nearly all submitted). */
  progress: { people: Progress; units: Progress };
  /** Every assessment answered item by item, as the flow stores answers. */
  answers: boolean;
  nominations: "mixed" | "sent" | "none";
  /** A dissolved unit (besides `units`), and people moved to another unit after assessing. */
  churn: boolean;
}

/** /status and /pending: every state a unit's row shows. */
export const STATUS_FILL: Fill = {
  progress: { people: { submitted: 0.5, inProgress: 0.2 }, units: { submitted: 0.45, inProgress: 0.3 } },
  answers: false,
  nominations: "mixed",
  churn: true,
};

/** The reminder planner, 14 days before the deadline: nine in ten people still to remind. */
export const PLANNER_FILL: Fill = {
  progress: { people: { submitted: 0.1, inProgress: 0.1 }, units: { submitted: 0.45, inProgress: 0.3 } },
  answers: false,
  nominations: "mixed",
  churn: true,
};

/** /export once the round is in: every assessment submitted with every answer, every unit's nominations sent. */
export const EXPORT_FILL: Fill = {
  progress: { people: { submitted: 1, inProgress: 0 }, units: { submitted: 1, inProgress: 0 } },
  answers: true,
  nominations: "sent",
  churn: false,
};

export interface SeedOptions {
  people: number;
  units: number;
  rounds: number;
  /** What else to fill: /status's by default. */
  fill?: Fill;
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
  answers: number;
}

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
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
const SUBMITTED_AT = (year: number) => `${year}-12-20T03:00:00.000Z`;

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

/** A full answer to a criterion, as the flow stores it, with evidence of a realistic length. */
function answerTo(criterion: Criterion, n: number): CriterionAnswer {
  const evidence = criterion.evidence;
  switch (evidence.kind) {
    case "rating":
      return { rating: evidence.levels[n % evidence.levels.length]?.id ?? "", met: true };
    case "initiative":
      return {
        met: true,
        initiativeName: `Sáng kiến cải cách hành chính số ${n}`,
        decisionNumber: `${100 + (n % 900)}/QĐ-STP`,
        decisionDate: "2026-10-15",
        council: evidence.councils[n % evidence.councils.length]?.id ?? "",
        filesDone: true,
      };
    case "account":
      return {
        met: true,
        account: `Thực hiện nghiêm túc, đầy đủ nhiệm vụ được giao trong năm; kết quả cụ thể số ${n}.`,
        filesDone: true,
      };
  }
}

/** Submitted below `submitted`, started below both together, not started above. */
function personState(r: number, shares: Progress): "submitted" | "in_progress" | null {
  return r < shares.submitted ? "submitted" : r < shares.submitted + shares.inProgress ? "in_progress" : null;
}

/** Not started below the rest's share, submitted next, started above. */
function unitState(r: number, shares: Progress): "submitted" | "in_progress" | null {
  const none = 1 - shares.submitted - shares.inProgress;
  return r < none ? null : r < none + shares.submitted ? "submitted" : "in_progress";
}

/** Seeds an empty, migrated database. */
export async function seedBench(db: DB, options: SeedOptions): Promise<SeedSummary> {
  const fill = options.fill ?? STATUS_FILL;
  const campaign = loadCampaign();
  const rnd = random(20_261_201);
  const years = Array.from({ length: options.rounds }, (_, i) => 2026 - options.rounds + 1 + i);
  const openYear = years.at(-1) ?? 2026;
  const at = (year: number) => `${year}-11-01T00:00:00.000Z`;
  const perUnit = Math.max(1, Math.floor(options.people / options.units));
  const unitOf = (i: number) => Math.min(options.units, Math.floor(i / perUnit) + 1);

  const units = Array.from({ length: options.units + (fill.churn ? 1 : 0) }, (_, u) => ({
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
    const moved = fill.churn && i % perUnit !== 0 && i % 97 === 13 && options.units > 1;
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

  // Ids in the order of insertion, so that answers can name their assessment.
  const assessments: Array<Insertable<AssessmentTable> & { id: number }> = [];
  const assess = (
    year: number,
    subject: "individual" | "unit",
    subjectId: number,
    unitId: number,
    state: "submitted" | "in_progress",
  ) =>
    assessments.push({
      id: assessments.length + 1,
      round_year: year,
      subject,
      subject_id: subjectId,
      unit_id: unitId,
      status: state,
      started_at: at(year),
      submitted_at: state === "submitted" ? (fill.answers ? SUBMITTED_AT(year) : at(year)) : null,
      updated_at: state === "submitted" && fill.answers ? SUBMITTED_AT(year) : at(year),
    });
  for (const year of years) {
    const open = year === openYear;
    for (const person of people) {
      const r = rnd();
      // Closed rounds are nearly done.
      const state = open ? personState(r, fill.progress.people) : r < 0.95 ? "submitted" : null;
      if (state === null) continue;
      assess(
        year,
        "individual",
        person.telegram_id,
        movedFrom.get(person.telegram_id) ?? person.unit_id,
        state,
      );
    }
    for (const unit of units) {
      // One draw a unit in every round, so that the rounds before the open one are the same whatever its fill.
      const r = rnd();
      const state = open ? unitState(r, fill.progress.units) : "submitted";
      if (state !== null) assess(year, "unit", unit.id, unit.id, state);
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
  const history: Insertable<NominationHistoryTable>[] = [];
  const files: Insertable<DossierFileVersionTable>[] = [];
  const dossiers: Insertable<DossierTable>[] = [];
  if (fill.nominations === "mixed") mixedNominations();
  else if (fill.nominations === "sent") sentNominations();

  /** Nominations in every status, documents uploaded (some twice) and dossiers in every state. */
  function mixedNominations(): void {
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
  }

  /** Three nominations a unit (the unit, its head and one person) sent to the Office, some returned, with their moves. */
  function sentNominations(): void {
    const forms = campaign.awardForms.map((form) => form.id);
    for (const year of years) {
      for (const unit of units) {
        const [head, person] = membersOf.get(unit.id) ?? [];
        const nominees = [
          { kind: "collective" as const, id: unit.id, name: unit.name },
          { kind: "individual" as const, id: head?.telegram_id ?? 0, name: head?.full_name ?? "" },
          { kind: "individual" as const, id: person?.telegram_id ?? 0, name: person?.full_name ?? "" },
        ];
        for (const [n, nominee] of nominees.entries()) {
          const id = nominations.length + 1;
          const returned = unit.id % 4 === 0 && n === 1;
          const by = head?.telegram_id ?? FIRST_PERSON;
          const reason = n === 2 ? "Có nhiều đóng góp nổi bật trong năm" : null;
          nominations.push({
            id,
            round_year: year,
            unit_id: unit.id,
            form_id: forms[n % forms.length] ?? "",
            nominee_kind: nominee.kind,
            nominee_id: nominee.id,
            nominee_name: nominee.name,
            eligible: n === 2 ? 0 : 1,
            result_summary: JSON.stringify({ met: 6, total: 6, progress: "submitted" }),
            reason,
            status: returned ? "returned" : "submitted",
            created_by: by,
            created_at: at(year),
            updated_at: SUBMITTED_AT(year),
          });
          history.push(
            {
              nomination_id: id,
              from_status: null,
              to_status: "draft",
              by,
              by_role: "unit_head",
              reason,
              at: at(year),
            },
            {
              nomination_id: id,
              from_status: "draft",
              to_status: "submitted",
              by,
              by_role: "unit_head",
              at: SUBMITTED_AT(year),
            },
          );
          if (returned)
            history.push({
              nomination_id: id,
              from_status: "submitted",
              to_status: "returned",
              by: FIRST_PERSON,
              by_role: "office",
              reason: "Thiếu báo cáo thành tích, đề nghị bổ sung",
              at: `${year}-12-28T03:00:00.000Z`,
            });
        }
      }
    }
  }

  /** Every item of one assessment: its criteria, and for a person the reform areas. */
  const itemsOf = (
    assessment: Insertable<AssessmentTable> & { id: number },
  ): Insertable<AssessmentItemTable>[] => {
    const n = assessment.id;
    const individual = assessment.subject === "individual";
    const criteria = individual ? campaign.criteria.individual : campaign.criteria.collective;
    return [
      ...criteria.map((criterion) => ({
        assessment_id: n,
        item_key: criterionKey(criterion.id),
        data: JSON.stringify(answerTo(criterion, n)),
        updated_at: at(assessment.round_year),
      })),
      ...campaign.reformAreas.map((area) => ({
        assessment_id: n,
        item_key: areaKey(area.id),
        data: JSON.stringify({
          text: `Kết quả ${area.id}: rà soát ${n % 40} văn bản, đơn giản hóa thủ tục.`,
        }),
        updated_at: at(assessment.round_year),
      })),
    ];
  };

  let answers = 0;
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
    if (fill.answers) {
      // Item by item, a chunk of assessments at a time, so that the seeding itself stays small.
      for (let i = 0; i < assessments.length; i += CHUNK) {
        const items = assessments.slice(i, i + CHUNK).flatMap(itemsOf);
        answers += items.length;
        await insertChunked(items, (chunk) => trx.insertInto("assessment_items").values(chunk).execute());
      }
    }
    await insertChunked(nominations, (chunk) => trx.insertInto("nominations").values(chunk).execute());
    await insertChunked(history, (chunk) => trx.insertInto("nomination_history").values(chunk).execute());
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
    answers,
  };
}

/**
 * A copy of a seeded database as an older tree (checked out at `baseRoot`) knows it: the migrations it does not
 * have are undone on the copy, so that a bench can run that tree's code beside this one's on the same data.
 */
export async function baseDatabase(path: string, baseRoot: string): Promise<string> {
  const copy = `${path}.base.sqlite`;
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${copy}${suffix}`, { force: true });
  copyFileSync(path, copy);
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new SQLite(copy) }) });
  const done = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name DESC`.execute(db);
  for (const { name } of done.rows) {
    if (existsSync(join(baseRoot, "db/migrations", `${name}.ts`))) continue;
    const migration: Migration = await import(join(ROOT, "db/migrations", `${name}.ts`));
    if (!migration.down) throw new Error(`migration ${name} cannot be undone for the base`);
    await migration.down(db);
    await sql`DELETE FROM kysely_migration WHERE name = ${name}`.execute(db);
  }
  await db.destroy();
  return copy;
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
