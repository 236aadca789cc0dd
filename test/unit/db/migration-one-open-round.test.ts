import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { type DB, migrateToLatest, openDatabase } from "../../../db/connection.js";
import { openRound } from "../../../db/rounds.js";

const AT = "2026-11-28T02:00:00.000Z";
const NOW = new Date(AT);
const addRound = (db: DB, year: number, status: "open" | "closed") =>
  sql`INSERT INTO rounds (year, campaign_id, status, deadline_at, opened_by, opened_at)
    VALUES (${year}, 'stp', ${status}, ${`${year + 1}-01-04T17:00:00.000Z`}, 1, ${AT})`.execute(db);
const rounds = (db: DB) =>
  db.selectFrom("rounds").select(["year", "status", "closed_at"]).orderBy("year").execute();

/** 0019: one open round at a time, held by a partial unique index. */
describe("migration 0019 (one open round)", () => {
  let db: DB;
  afterEach(async () => {
    await db.destroy();
  });

  it("keeps the latest open year open and closes the other open ones, leaving closed rounds as they were", async () => {
    db = openDatabase(":memory:");
    await migrateToLatest(db, "0018_profile_details");
    await addRound(db, 2024, "closed");
    await addRound(db, 2025, "open");
    await addRound(db, 2026, "open");
    await addRound(db, 2027, "open");

    expect((await migrateToLatest(db))[0]).toBe("0019_one_open_round");

    const after = await rounds(db);
    expect(after.map((r) => [r.year, r.status])).toEqual([
      [2024, "closed"],
      [2025, "closed"],
      [2026, "closed"],
      [2027, "open"],
    ]);
    expect(after[0]?.closed_at).toBeNull();
    expect(after[1]?.closed_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(after[3]?.closed_at).toBeNull();
  });

  it("refuses a second open round whatever writes it, and lets rounds close and open again one at a time", async () => {
    db = openDatabase(":memory:");
    await migrateToLatest(db);
    await addRound(db, 2026, "open");
    await expect(addRound(db, 2027, "open")).rejects.toThrow(/UNIQUE/);
    await addRound(db, 2025, "closed");
    await sql`UPDATE rounds SET status = 'closed' WHERE year = 2026`.execute(db);
    await sql`UPDATE rounds SET status = 'open' WHERE year = 2025`.execute(db);
    expect((await rounds(db)).map((r) => [r.year, r.status])).toEqual([
      [2025, "open"],
      [2026, "closed"],
    ]);
  });
});

describe("openRound", () => {
  let db: DB;
  afterEach(async () => {
    await db.destroy();
  });

  const open = (year: number) =>
    openRound(
      db,
      { year, campaignId: "stp", deadline: new Date(`${year + 1}-01-04T17:00:00.000Z`), openedBy: 1 },
      NOW,
    );

  it("opens one of two years asked for at once and names the open year to the other, storing nothing for it", async () => {
    db = openDatabase(":memory:");
    await migrateToLatest(db);
    const [first, second] = await Promise.all([open(2026), open(2027)]);
    expect(first).toEqual({ opened: true });
    expect(second).toEqual({ opened: false, openYear: 2026 });
    expect((await rounds(db)).map((r) => [r.year, r.status])).toEqual([[2026, "open"]]);
    // Reopening the open year itself is not refused.
    expect(await open(2026)).toEqual({ opened: true });
  });
});
