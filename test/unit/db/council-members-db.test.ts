import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type DB, migrateToLatest, openDatabase } from "../../../db/connection.js";
import { councilMembership, joinCouncil, setCouncilRole } from "../../../db/council-members.js";

/** Migration 0015 and the membership queries: one chair, one secretary, a join that never demotes. */
describe("the Council's membership", () => {
  let db: DB;
  const now = new Date("2026-12-01T03:00:00Z");
  beforeEach(async () => {
    db = openDatabase(":memory:");
    await migrateToLatest(db);
  });
  afterEach(async () => {
    await db.destroy();
  });

  it("adds invites.council, 0 for every invite made before", async () => {
    const columns = await db.introspection.getTables();
    const invites = columns.find((t) => t.name === "invites");
    expect(invites?.columns.find((c) => c.name === "council")?.hasDefaultValue).toBe(true);
  });

  it("keeps one current secretary in the database itself", async () => {
    const row = (telegramId: number) => ({
      telegram_id: telegramId,
      role: "secretary" as const,
      added_by: 1,
      added_at: now.toISOString(),
    });
    await db.insertInto("council_members").values(row(10)).execute();
    await expect(db.insertInto("council_members").values(row(11)).execute()).rejects.toThrow(/UNIQUE/);
    // A former secretary's row does not count.
    await db.updateTable("council_members").set({ removed_at: now.toISOString(), removed_by: 1 }).execute();
    await db.insertInto("council_members").values(row(11)).execute();
  });

  it("hands the secretary's role to the new one, the old one staying a member", async () => {
    await setCouncilRole(db, { telegramId: 10, role: "secretary" }, 1, now);
    await setCouncilRole(db, { telegramId: 11, role: "secretary" }, 1, now);
    expect((await councilMembership(db, 10))?.role).toBe("member");
    expect((await councilMembership(db, 11))?.role).toBe("secretary");
  });

  it("joins a person once, and never changes the role of one already on the Council", async () => {
    await setCouncilRole(db, { telegramId: 10, role: "chair" }, 1, now);
    expect(await joinCouncil(db, 10, 1, now)).toBe(false);
    expect((await councilMembership(db, 10))?.role).toBe("chair");
    expect(await joinCouncil(db, 12, 1, now)).toBe(true);
    expect(await joinCouncil(db, 12, 1, now)).toBe(false);
    expect((await councilMembership(db, 12))?.role).toBe("member");
  });
});
