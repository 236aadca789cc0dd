/**
 * The reminder planner at scale: seeds an SQLite file with 200 units × 250 people (50,000), opens the round and
 * plans the slot that falls 14 days before the deadline (a unit, an employee and a digest slot at once), three
 * times from an empty outbox. Prints min/median/max, and how long the event loop was held at most while planning
 * (a timer that should fire every 10 ms, measured as the longest gap between its firings).
 *
 *   node --import tsx test/bench/planner-bench.ts [--units 200] [--people 250] [--runs 3] [--db path]
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Insertable } from "kysely";
import { type DB, migrateToLatest, openDatabase } from "../../db/connection.js";
import type { AssessmentTable } from "../../db/schema.js";
import { loadCampaign } from "../../src/campaign/load.js";
import { createI18n } from "../../src/i18n.js";
import { createLogger } from "../../src/logger.js";
import { planDueReminders } from "../../src/reminders/plan.js";

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at < 0 ? fallback : Number(process.argv[at + 1]) || fallback;
}
const units = option("units", 200);
const perUnit = option("people", 250);
const runs = option("runs", 3);
const dbFlag = process.argv.indexOf("--db");
const keptPath = dbFlag < 0 ? undefined : process.argv[dbFlag + 1];

const YEAR = 2026;
/** 05/01/2027 00:00 in Asia/Ho_Chi_Minh. */
const DEADLINE = new Date("2027-01-04T17:00:00Z");
/** 22/12/2026 08:00 local, 14 days before the deadline's date: unit, employee and digest slots are due. */
const NOW = new Date("2026-12-22T01:00:00Z");
const AT = "2026-11-01T00:00:00.000Z";
const CHUNK = 500;

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/** One transaction of multi-row inserts: units, people (one head each), languages, assessments, the round. */
async function seed(db: DB): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("rounds")
      .values({
        year: YEAR,
        campaign_id: "stp-cchc-2023-2025",
        status: "open",
        deadline_at: DEADLINE.toISOString(),
        opened_at: AT,
        opened_by: 1,
      })
      .execute();
    const unitRows = Array.from({ length: units }, (_, u) => ({
      id: u + 1,
      code: `DV${String(u + 1).padStart(3, "0")}`,
      name: `Phòng nghiệp vụ số ${u + 1}`,
      created_at: AT,
      // Every other unit has bound its group.
      group_chat_id: u % 2 === 0 ? -1_000_000_000_000 - u : null,
    }));
    await insertChunked(unitRows, (chunk) => trx.insertInto("units").values(chunk).execute());
    const people = Array.from({ length: units * perUnit }, (_, i) => {
      const unitId = Math.floor(i / perUnit) + 1;
      return {
        telegram_id: 10_000_000 + i,
        full_name: `Nguyễn Văn Người ${String(i).padStart(6, "0")}`,
        position: "Chuyên viên",
        unit_id: unitId,
        role: i % perUnit === 0 ? ("unit_head" as const) : ("employee" as const),
        consented_at: AT,
        created_at: AT,
        updated_at: AT,
      };
    });
    await insertChunked(people, (chunk) => trx.insertInto("users").values(chunk).execute());
    const english = people
      .filter((_, i) => i % 10 === 3)
      .map((p) => ({ telegram_id: p.telegram_id, language: "en" as const }));
    await insertChunked(english, (chunk) => trx.insertInto("preferences").values(chunk).execute());
    // A tenth submitted, a tenth in progress, the rest not started.
    const assessments: Array<Omit<Insertable<AssessmentTable>, "id">> = people
      .filter((_, i) => i % 10 < 2)
      .map((p, i) => ({
        round_year: YEAR,
        subject: "individual",
        subject_id: p.telegram_id,
        unit_id: p.unit_id,
        status: i % 2 === 0 ? "submitted" : "in_progress",
        started_at: AT,
        submitted_at: i % 2 === 0 ? AT : null,
        updated_at: AT,
      }));
    await insertChunked(assessments, (chunk) => trx.insertInto("assessments").values(chunk).execute());
  });
}

async function reset(db: DB): Promise<void> {
  await db.deleteFrom("reminder_outbox").execute();
  await db.deleteFrom("reminder_slots").execute();
}

/** The longest gap between firings of a 10 ms interval while `work` runs: how long updates would wait. */
async function longestStall<T>(work: () => Promise<T>): Promise<{ result: T; stallMs: number }> {
  let last = performance.now();
  let stallMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 10);
  try {
    const result = await work();
    stallMs = Math.max(stallMs, performance.now() - last);
    return { result, stallMs };
  } finally {
    clearInterval(timer);
  }
}

async function main(): Promise<void> {
  const dir = keptPath ? undefined : mkdtempSync(join(tmpdir(), "thidua-planner-"));
  const path = keptPath ?? join(dir ?? ".", "planner.sqlite");
  const fresh = !existsSync(path);
  const db = openDatabase(path);
  try {
    await migrateToLatest(db);
    if (fresh) {
      const t0 = performance.now();
      await seed(db);
      console.log(`seeded ${units} units × ${perUnit} people in ${(performance.now() - t0).toFixed(0)} ms`);
    }
    const deps = {
      db,
      campaign: loadCampaign(),
      i18n: createI18n(),
      officeAdminIds: [1, 2, 3],
      logger: createLogger({ level: "silent", botToken: "" }),
    };
    const times: number[] = [];
    for (let run = 1; run <= runs; run++) {
      await reset(db);
      const t0 = performance.now();
      const { result, stallMs } = await longestStall(() => planDueReminders(deps, NOW));
      const ms = performance.now() - t0;
      times.push(ms);
      const counts = result.map(({ slot, rows }) => `${slot.key}: ${rows.length}`).join(", ");
      console.log(
        `run ${run}: ${ms.toFixed(0)} ms, event loop held at most ${stallMs.toFixed(0)} ms (${counts})`,
      );
    }
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
    console.log(
      `planner, one slot, ${units * perUnit} people: min ${(sorted[0] ?? 0).toFixed(0)} ms, ` +
        `median ${median.toFixed(0)} ms, max ${(sorted.at(-1) ?? 0).toFixed(0)} ms (target ≤ 500 ms)`,
    );
    console.log(JSON.stringify({ bench: "planner", people: units * perUnit, medianMs: Math.round(median) }));
  } finally {
    await db.destroy();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
