import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type DB, migrateToLatest, openDatabase } from "../../../db/connection.js";
import { dueReminders, plannedSlots, planSlot, remindersOfSlot } from "../../../db/reminders.js";
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

describe("planSlot, employee reminders sharing their words", () => {
  let db: DB;
  beforeEach(async () => {
    db = openDatabase(":memory:");
    await migrateToLatest(db);
  });
  afterEach(async () => {
    await db.destroy();
  });

  const sameWords = (count: number, text: string, markup: string | null, first = 20_000): NewReminder[] =>
    reminders(count).map((row, i) => ({ ...row, chat_id: first + i, text, reply_markup: markup }));

  it("stores words used by many rows once, and every row is read and sent with them", async () => {
    const vi = sameWords(2_500, "Anh/Chị chưa nộp <b>tự đánh giá</b>", '{"inline_keyboard":[]}');
    const en = sameWords(3, "You have not submitted", null, 90_000);
    const alone = reminders(1);
    expect(await planSlot(db, YEAR, SLOT, [...vi, ...en, ...alone], NOW)).toBe(true);
    const messages = await db.selectFrom("reminder_messages").selectAll().orderBy("id").execute();
    expect(messages.map((m) => [m.text, m.reply_markup])).toEqual([
      ["Anh/Chị chưa nộp <b>tự đánh giá</b>", '{"inline_keyboard":[]}'],
      ["You have not submitted", null],
    ]);
    // Read back (by the sender, and in /remind log) with their words, whichever way they were stored.
    const due = await dueReminders(db, NOW, 10_000);
    expect(due).toHaveLength(2_504);
    const byChat = new Map(due.map((r) => [r.chat_id, r]));
    expect(byChat.get(20_000)).toMatchObject({
      text: "Anh/Chị chưa nộp <b>tự đánh giá</b>",
      reply_markup: '{"inline_keyboard":[]}',
      unit_id: 1,
      status: "pending",
    });
    expect(byChat.get(90_002)).toMatchObject({ text: "You have not submitted", reply_markup: null });
    expect(byChat.get(10_000)).toMatchObject({ text: "Nhắc việc 0", message_id: null });
    expect((await remindersOfSlot(db, YEAR, SLOT)).map((r) => r.text)).toEqual(due.map((r) => r.text));
  });

  it("planned again after a crash, points the rows still missing to the words already stored", async () => {
    const rows = sameWords(2_500, "Anh/Chị chưa nộp tự đánh giá", null);
    const crash = async () => {
      throw new Error("killed");
    };
    await expect(planSlot(db, YEAR, SLOT, rows, NOW, crash)).rejects.toThrow("killed");
    expect(await planSlot(db, YEAR, SLOT, rows, NOW)).toBe(true);
    expect(await db.selectFrom("reminder_messages").select("id").execute()).toHaveLength(1);
    const due = await dueReminders(db, NOW, 10_000);
    expect(due.map((r) => r.chat_id)).toEqual(rows.map((r) => r.chat_id));
    expect(new Set(due.map((r) => r.text))).toEqual(new Set(["Anh/Chị chưa nộp tự đánh giá"]));
  });
});
