import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { BusyWait } from "../../../db/busy.js";
import { atomically, type DB, migrateToLatest, openDatabase } from "../../../db/connection.js";
import { finishUpdate, wasHandled } from "../../../db/processed-updates.js";

let dir: string;
let path: string;
let db: DB;
let waits: BusyWait[];
/** Another program's connection to the same file (a backup, an `sqlite3` shell). */
let other: SQLite.Database;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "thidua-busy-"));
  path = join(dir, "bot.sqlite");
  waits = [];
  db = openDatabase(path, { onLockWait: (wait) => waits.push(wait) });
  await migrateToLatest(db);
  await sql`create table marks (id integer primary key)`.execute(db);
  other = new SQLite(path);
});

afterEach(async () => {
  if (other.inTransaction) other.exec("rollback");
  other.close();
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

const marks = async (on: DB) =>
  (await sql<{ id: number }>`select id from marks order by id`.execute(on)).rows.map((row) => row.id);

/** Settles `promise` into a list of events, so that the test can tell what happened before what. */
function track(events: string[], name: string, promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => events.push(`${name} done`),
    (error: unknown) => events.push(`${name} failed: ${String(error)}`),
  );
}

/** Lets the event loop turn a few times (timers included): what waits asynchronously gets its chances. */
const turns = async (count: number) => {
  for (let i = 0; i < count; i++) await new Promise((resolve) => setTimeout(resolve, 30));
};

describe("a write lock held by another program", () => {
  it("keeps reads answering and writes waiting without blocking, and the writes go through once it is let go", async () => {
    await sql`insert into marks (id) values (1)`.execute(db);
    other.exec("begin immediate");
    const events: string[] = [];
    const write = track(events, "write", sql`insert into marks (id) values (2)`.execute(db));
    const transaction = track(
      events,
      "transaction",
      atomically(db, async (trx) => {
        const [first] = await marks(trx);
        await sql`insert into marks (id) values (${(first ?? 0) + 2})`.execute(trx);
      }),
    );
    // A precompiled write, which runs directly when the connection is free.
    const mark = track(events, "mark", finishUpdate(db, 7, new Date(0), new Date(0)));
    await turns(5);
    events.push(`read ${JSON.stringify(await marks(db))}`);
    events.push(`handled ${await wasHandled(db, 7)}`);
    await turns(5);
    events.push("lock let go");
    other.exec("commit");
    await Promise.all([write, transaction, mark]);

    expect(events.slice(0, 3)).toEqual(["read [1]", "handled false", "lock let go"]);
    expect(events.slice(3).sort()).toEqual(["mark done", "transaction done", "write done"]);
    expect(await marks(db)).toEqual([1, 2, 3]);
    expect(await wasHandled(db, 7)).toBe(true);
    expect(waits.length).toBeGreaterThanOrEqual(1);
  });

  it("gives up after its bound and the statement fails as busy, leaving the connection usable", async () => {
    await db.destroy();
    db = openDatabase(path, { busyPolicy: { firstPauseMs: 5, longestPauseMs: 20, giveUpAfterMs: 100 } });
    other.exec("begin immediate");
    const failed = await sql`insert into marks (id) values (5)`.execute(db).then(
      () => "written",
      (error: unknown) => (error as { code?: string }).code,
    );
    const transactionFailed = await atomically(db, (trx) =>
      sql`insert into marks (id) values (6)`.execute(trx),
    ).then(
      () => "written",
      (error: unknown) => (error as { code?: string }).code,
    );
    other.exec("rollback");

    expect(failed).toBe("SQLITE_BUSY");
    expect(transactionFailed).toBe("SQLITE_BUSY");
    await sql`insert into marks (id) values (7)`.execute(db);
    expect(await marks(db)).toEqual([7]);
  });
});
