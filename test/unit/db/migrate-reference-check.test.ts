import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { type DB, migrateToLatest, openDatabase } from "../../../db/connection.js";

const AT = "2026-12-02T02:00:00.000Z";

/** A person in a unit that does not exist, written with the references unenforced (as a migration might). */
async function addDanglingPerson(db: DB): Promise<void> {
  await sql`PRAGMA foreign_keys = OFF`.execute(db);
  await sql`INSERT INTO users (telegram_id, full_name, position, unit_id, role, consented_at, created_at, updated_at)
    VALUES (501, 'Người lạc', 'Chuyên viên', 999, 'employee', ${AT}, ${AT}, ${AT})`.execute(db);
  await sql`PRAGMA foreign_keys = ON`.execute(db);
}

describe("the reference check around migrations", () => {
  let db: DB;
  afterEach(async () => {
    await db.destroy();
  });

  it("refuses a migration that leaves a broken reference, saying how many and which", async () => {
    db = openDatabase(":memory:");
    await migrateToLatest(db, "0019_one_open_round");
    await addDanglingPerson(db);

    await expect(migrateToLatest(db)).rejects.toThrow(
      /Database migration left 1 broken references: .*"users"/,
    );
    // The references are enforced again afterwards.
    await expect(
      sql`INSERT INTO users (telegram_id, full_name, position, unit_id, role, consented_at, created_at, updated_at)
        VALUES (502, 'Người khác', 'Chuyên viên', 998, 'employee', ${AT}, ${AT}, ${AT})`.execute(db),
    ).rejects.toThrow(/FOREIGN KEY/);
  });

  it("does not read every table again at a start with nothing to migrate", async () => {
    db = openDatabase(":memory:");
    await migrateToLatest(db);
    await addDanglingPerson(db);

    expect(await migrateToLatest(db)).toEqual([]);
    expect((await sql`PRAGMA foreign_key_check`.execute(db)).rows).toHaveLength(1);
  });
});
