import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type DB, migrateToLatest, openDatabase } from "../../../db/connection.js";
import { removeFromCouncil, setCouncilRole } from "../../../db/council-members.js";
import { recordUnreachable } from "../../../db/reminders.js";
import { setLanguage, speakerFacts } from "../../../db/users.js";

/** The actor's one statement for who speaks: their language, their Council role now, whether they are unreachable. */
describe("speakerFacts", () => {
  let db: DB;
  const now = new Date("2026-12-01T03:00:00Z");
  beforeEach(async () => {
    db = openDatabase(":memory:");
    await migrateToLatest(db);
  });
  afterEach(() => db.destroy());

  it("knows nothing of someone the bot never met", async () => {
    expect(await speakerFacts(db, 42)).toEqual({
      language: undefined,
      councilRole: undefined,
      unreachable: false,
    });
  });

  it("reads each fact of the person asked, and no one else's", async () => {
    await setLanguage(db, 42, "en");
    await setCouncilRole(db, { telegramId: 42, role: "chair" }, 1, now);
    await recordUnreachable(db, 42, "bot kicked", now);
    await setLanguage(db, 43, "vi");
    expect(await speakerFacts(db, 42)).toEqual({ language: "en", councilRole: "chair", unreachable: true });
    expect(await speakerFacts(db, 43)).toEqual({
      language: "vi",
      councilRole: undefined,
      unreachable: false,
    });
  });

  it("counts only the current Council membership", async () => {
    await setCouncilRole(db, { telegramId: 42, role: "secretary" }, 1, now);
    await setCouncilRole(db, { telegramId: 42, role: "member" }, 1, now);
    expect((await speakerFacts(db, 42)).councilRole).toBe("member");
    await removeFromCouncil(db, 42, 1, now);
    expect((await speakerFacts(db, 42)).councilRole).toBeUndefined();
  });
});
