import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { type DB, migrateToLatest, openDatabase } from "../../../db/connection.js";

/**
 * 0013 rebuilds the nominations table to free its status column. The records that reference it
 * (history, award drafts) must come through whole: SQLite would cascade a drop to the history.
 */
describe("migration 0013 (routes and the Council)", () => {
  let db: DB;
  afterEach(async () => {
    await db.destroy();
  });

  it("keeps every nomination, its history and its number sequence, and takes any route step as a status", async () => {
    db = openDatabase(":memory:");
    await migrateToLatest(db, "0012_move_requests");
    const at = "2026-12-01T00:00:00.000Z";
    await sql`INSERT INTO units (id, code, name, created_at) VALUES (1, 'vp', 'Văn phòng Sở', ${at})`.execute(
      db,
    );
    await sql`INSERT INTO rounds (year, campaign_id, status, deadline_at, opened_by, opened_at)
      VALUES (2026, 'stp', 'open', '2027-01-04T17:00:00.000Z', 1, ${at})`.execute(db);
    for (const [id, status] of [
      [1, "awarded"],
      [2, "recommended"],
      [3, "draft"],
    ] as const)
      await sql`INSERT INTO nominations (id, round_year, unit_id, form_id, nominee_kind, nominee_id, nominee_name,
          eligible, result_summary, status, created_by, created_at, updated_at, decision_number)
        VALUES (${id}, 2026, 1, 'giay-khen-giam-doc-so', 'individual', ${100 + id}, ${`Người ${id}`}, 1, '{}',
          ${status}, 1, ${at}, ${at}, ${id === 1 ? "125/QĐ-STP" : null})`.execute(db);
    // The last draft was deleted before the migration: its number is not to be given again.
    await sql`DELETE FROM nominations WHERE id = 3`.execute(db);
    for (const [nomination, to] of [
      [1, "submitted"],
      [1, "awarded"],
      [2, "recommended"],
    ] as const)
      await sql`INSERT INTO nomination_history (nomination_id, from_status, to_status, by, by_role, at)
        VALUES (${nomination}, NULL, ${to}, 1, 'office', ${at})`.execute(db);
    await sql`INSERT INTO award_drafts (nomination_id, office_id, decision_number, updated_at)
      VALUES (2, 1, '7/QĐ-STP', ${at})`.execute(db);

    expect((await migrateToLatest(db))[0]).toBe("0013_routes_and_council");

    const nominations = await db
      .selectFrom("nominations")
      .select(["id", "status", "decision_number"])
      .execute();
    expect(nominations).toEqual([
      { id: 1, status: "awarded", decision_number: "125/QĐ-STP" },
      { id: 2, status: "recommended", decision_number: null },
    ]);
    expect(
      await db.selectFrom("nomination_history").select(["nomination_id", "to_status"]).execute(),
    ).toEqual([
      { nomination_id: 1, to_status: "submitted" },
      { nomination_id: 1, to_status: "awarded" },
      { nomination_id: 2, to_status: "recommended" },
    ]);
    expect(await db.selectFrom("award_drafts").select("decision_number").execute()).toEqual([
      { decision_number: "7/QĐ-STP" },
    ]);
    // A route step the old check did not know, and the next number after the deleted draft's.
    await db.updateTable("nominations").set({ status: "council_passed" }).where("id", "=", 2).execute();
    const added = await sql<{
      id: number;
    }>`INSERT INTO nominations (round_year, unit_id, form_id, nominee_kind,
        nominee_id, nominee_name, eligible, result_summary, status, created_by, created_at, updated_at)
      VALUES (2026, 1, 'giay-khen-giam-doc-so', 'individual', 200, 'Người mới', 1, '{}', 'draft', 1, ${at}, ${at})
      RETURNING id`.execute(db);
    expect(added.rows[0]?.id).toBe(4);
    // The references still hold, and are enforced again after migrating.
    expect((await sql`PRAGMA foreign_key_check`.execute(db)).rows).toEqual([]);
    await expect(
      sql`INSERT INTO nomination_history (nomination_id, to_status, by, by_role, at)
        VALUES (999, 'draft', 1, 'office', ${at})`.execute(db),
    ).rejects.toThrow(/FOREIGN KEY/);
    // Deleting a nomination still takes its history with it (the cascade points at the new table).
    await db.deleteFrom("award_drafts").execute();
    await db.deleteFrom("nominations").where("id", "=", 2).execute();
    expect(await db.selectFrom("nomination_history").select("nomination_id").execute()).toEqual([
      { nomination_id: 1 },
      { nomination_id: 1 },
    ]);
  });
});
