/**
 * Prints SQLite's plan (EXPLAIN QUERY PLAN) of every query /status and /pending run, and the reminders'
 * `unitStates`, and of the lookups by role and the unreachable-chats join, on a seeded database:
 *
 *   node --import tsx test/bench/explain-status.ts [--db data/bench.sqlite]
 */
import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import type { DB } from "../../db/connection.js";
import { officeRecipients } from "../../db/notices.js";
import { listUnreachable, unitStates } from "../../db/reminders.js";
import { loadRoundFacts, loadRoundSummaries } from "../../db/round-status.js";
import type { Database } from "../../db/schema.js";
import { listUsersWithPersonalMenus } from "../../db/users.js";
import { NAMES_SHOWN } from "../../src/reminders/render.js";

const at = process.argv.indexOf("--db");
const path = at < 0 ? "data/bench.sqlite" : (process.argv[at + 1] ?? "data/bench.sqlite");
const sqlite = new SQLite(path, { readonly: true });
const seen = new Map<string, readonly unknown[]>();
const db: DB = new Kysely<Database>({
  dialect: new SqliteDialect({ database: sqlite }),
  log: (event) => {
    if (event.level === "query") seen.set(event.query.sql, event.query.parameters);
  },
});

async function explain(title: string, run: () => Promise<unknown>): Promise<void> {
  seen.clear();
  await run();
  console.log(`\n## ${title}`);
  for (const [sql, parameters] of seen) {
    console.log(`\n${sql.length > 400 ? `${sql.slice(0, 400)}…` : sql}`);
    if (sql.startsWith("--")) continue;
    const plan = sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...parameters) as Array<{ detail: string }>;
    for (const row of plan) console.log(`  ${row.detail}`);
  }
}

const year = 2026;
await explain("/status, /pending: loadRoundSummaries", () => loadRoundSummaries(db, year, 15));
await explain("/status <code>: loadRoundFacts of one unit", () => loadRoundFacts(db, year, 1));
await explain("reminders: unitStates (first 10 units shown)", async () => {
  let reads = 0;
  await unitStates(db, year, NAMES_SHOWN, async () => {
    reads += 1;
    if (reads === 1) seen.set("-- (later reads repeat these)", []);
  });
});
await explain("menus: people by role", () => listUsersWithPersonalMenus(db));
await explain("notices: the Office by role", () => officeRecipients(db, []));
await explain("/unreachable: the unreachable_chats join", () => listUnreachable(db));
await db.destroy();
