import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type DB, migrateToLatest, openDatabase } from "../../../db/connection.js";
import { plannedSlots, planSlot } from "../../../db/reminders.js";
import type { NewReminder } from "../../../db/schema.js";

const YEAR = 2026;
const NOW = new Date("2026-12-22T01:00:00.000Z");
const SLOT = "employee:before:14";

const reminders = (count: number): NewReminder[] =>
  Array.from({ length: count }, (_, i) => ({
    round_year: YEAR,
    slot_key: SLOT,
    kind: "employee",
    chat_id: 10_000 + i,
    unit_id: 1,
    text: `Nhắc việc ${i}`,
    reply_markup: null,
    due_at: NOW.toISOString(),
    status: "pending",
    created_at: NOW.toISOString(),
  }));

const outboxChats = async (db: DB) =>
  (await db.selectFrom("reminder_outbox").select("chat_id").orderBy("chat_id").execute()).map(
    (r) => r.chat_id,
  );

describe("planSlot, a slot larger than one transaction", () => {
  let db: DB;
  beforeEach(async () => {
    db = openDatabase(":memory:");
    await migrateToLatest(db);
  });
  afterEach(async () => {
    await db.destroy();
  });

  it("stores every row once, marks the slot, and plans it only once", async () => {
    let pauses = 0;
    const pause = async () => {
      pauses++;
    };
    expect(await planSlot(db, YEAR, SLOT, reminders(6_000), NOW, pause)).toBe(true);
    expect(pauses).toBeGreaterThan(0);
    expect(await outboxChats(db)).toHaveLength(6_000);
    expect(await plannedSlots(db, YEAR)).toEqual(new Set([SLOT]));
    expect(await planSlot(db, YEAR, SLOT, reminders(6_000), NOW, pause)).toBe(false);
    expect(await outboxChats(db)).toHaveLength(6_000);
  });

  it("after a crash part-way the slot is not planned; planning it again adds only the rows missing", async () => {
    const crash = async () => {
      throw new Error("killed");
    };
    await expect(planSlot(db, YEAR, SLOT, reminders(6_000), NOW, crash)).rejects.toThrow("killed");
    const written = await outboxChats(db);
    expect(written.length).toBeGreaterThan(0);
    expect(written.length).toBeLessThan(6_000);
    expect(await plannedSlots(db, YEAR)).toEqual(new Set());
    // One of those already went out before the restart: it is neither rewritten nor sent again.
    await db.updateTable("reminder_outbox").set({ status: "sent" }).where("chat_id", "=", 10_000).execute();

    expect(await planSlot(db, YEAR, SLOT, reminders(6_000), NOW)).toBe(true);
    const chats = await outboxChats(db);
    expect(chats).toEqual(reminders(6_000).map((r) => r.chat_id));
    const sent = await db
      .selectFrom("reminder_outbox")
      .select("chat_id")
      .where("status", "=", "sent")
      .execute();
    expect(sent).toEqual([{ chat_id: 10_000 }]);
  });
});
