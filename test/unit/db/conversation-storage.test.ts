import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type DB, migrateToLatest, openDatabase } from "../../../db/connection.js";
import { sqliteConversationStorage } from "../../../db/conversation-storage.js";

const clock = () => new Date("2026-12-01T03:00:00Z");
const state = (step: string) => ({ version: [0, 1] as [0, number], state: { step } });

describe("sqliteConversationStorage", () => {
  let db: DB;
  beforeEach(async () => {
    db = openDatabase(":memory:");
    await migrateToLatest(db);
  });
  afterEach(() => db.destroy());

  it("keeps each chat's state across a restart (a new storage over the same database)", async () => {
    const storage = sqliteConversationStorage<{ step: string }>(db, clock);
    expect(await storage.read("42")).toBeUndefined();
    await storage.write("42", state("name"));
    expect(await storage.read("42")).toEqual(state("name"));
    await storage.write("42", state("position"));
    const restarted = sqliteConversationStorage<{ step: string }>(db, clock);
    expect(await restarted.read("42")).toEqual(state("position"));
    expect(await restarted.read("43")).toBeUndefined();
    await restarted.delete("42");
    expect(await storage.read("42")).toBeUndefined();
    expect(await db.selectFrom("conversation_state").selectAll().execute()).toEqual([]);
  });
});
