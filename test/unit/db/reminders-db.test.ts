import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type DB, migrateToLatest, openDatabase } from "../../../db/connection.js";
import {
  dueReminders,
  employeeRecipients,
  planEmployeeSlot,
  plannedSlots,
  planSlot,
  remindersOfSlot,
} from "../../../db/reminders.js";
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

describe("planEmployeeSlot: the employees' reminder, its words stored once per language", () => {
  let db: DB;
  const SLOT_14 = "employee:before:14";
  const AT = NOW.toISOString();
  const VI = { text: "Anh/Chị chưa nộp <b>tự đánh giá</b>", reply_markup: '{"inline_keyboard":[]}' };
  const EN = {
    text: "You have not submitted your self-assessment",
    reply_markup: '{"inline_keyboard":[[]]}',
  };
  const slot = {
    messages: new Map([
      ["vi", VI],
      ["en", EN],
    ] as const),
    dueAt: AT,
    expiresAt: null,
  };
  const unitIds = [1, 2, 3, 4, 5, 6];
  /** Person 1000·u + i is in unit u; i = 0 submitted, i = 1 started, i = 2 reads English, the rest not started. */
  const person = (u: number, i: number) => 1000 * u + i;

  beforeEach(async () => {
    db = openDatabase(":memory:");
    await migrateToLatest(db);
    await db
      .insertInto("rounds")
      .values({
        year: YEAR,
        campaign_id: "stp-cchc-2023-2025",
        status: "open",
        deadline_at: "2027-01-04T17:00:00.000Z",
        opened_at: AT,
        opened_by: 1,
      })
      .execute();
    await db
      .insertInto("units")
      .values(unitIds.map((id) => ({ id, code: `U${id}`, name: `Unit ${id}`, created_at: AT })))
      .execute();
    const people = unitIds.flatMap((u) =>
      Array.from({ length: 300 }, (_, i) => ({
        telegram_id: person(u, i),
        // Names in the reverse order of the ids: rows follow the names.
        full_name: `Người ${String(999 - i).padStart(3, "0")}`,
        position: "Chuyên viên",
        unit_id: u,
        role: i === 5 ? ("unit_head" as const) : ("employee" as const),
        consented_at: AT,
        created_at: AT,
        updated_at: AT,
      })),
    );
    for (let at = 0; at < people.length; at += 500)
      await db
        .insertInto("users")
        .values(people.slice(at, at + 500))
        .execute();
    await db
      .insertInto("assessments")
      .values(
        unitIds.flatMap((u) =>
          (["submitted", "in_progress"] as const).map((status, i) => ({
            round_year: YEAR,
            subject: "individual" as const,
            subject_id: person(u, i),
            unit_id: u,
            status,
            started_at: AT,
            submitted_at: status === "submitted" ? AT : null,
            updated_at: AT,
          })),
        ),
      )
      .execute();
    await db
      .insertInto("preferences")
      .values(unitIds.map((u) => ({ telegram_id: person(u, 2), language: "en" as const })))
      .execute();
  });
  afterEach(async () => {
    await db.destroy();
  });

  it("writes a row for each person not submitted, in name order, pointing to their language's words", async () => {
    expect(await planEmployeeSlot(db, YEAR, SLOT_14, [2, 1], slot, NOW)).toBe(2 * 299);
    const messages = await db.selectFrom("reminder_messages").selectAll().orderBy("id").execute();
    expect(messages.map((m) => [m.slot_key, m.text, m.reply_markup])).toEqual([
      [SLOT_14, VI.text, VI.reply_markup],
      [SLOT_14, EN.text, EN.reply_markup],
    ]);
    // Read back (by the sender, and in /remind log) with their words.
    const due = await dueReminders(db, NOW, 10_000);
    expect(due.map((r) => r.chat_id)).toEqual([
      ...Array.from({ length: 299 }, (_, i) => person(2, 299 - i)),
      ...Array.from({ length: 299 }, (_, i) => person(1, 299 - i)),
    ]);
    const byChat = new Map(due.map((r) => [r.chat_id, r]));
    expect(byChat.get(person(1, 1))).toMatchObject({
      kind: "employee",
      unit_id: 1,
      page: 0,
      text: VI.text,
      reply_markup: VI.reply_markup,
      status: "pending",
      due_at: AT,
      expires_at: null,
    });
    expect(byChat.get(person(1, 2))).toMatchObject({ text: EN.text, reply_markup: EN.reply_markup });
    expect(byChat.has(person(1, 0))).toBe(false);
    expect((await remindersOfSlot(db, YEAR, SLOT_14)).map((r) => r.text)).toEqual(due.map((r) => r.text));
    // The same list a dry run shows.
    expect((await employeeRecipients(db, YEAR, [2, 1])).map((r) => [r.chatId, r.unitId, r.language])).toEqual(
      due.map((r) => [r.chat_id, r.unit_id, r.text === EN.text ? "en" : "vi"]),
    );
    expect(await plannedSlots(db, YEAR)).toEqual(new Set([SLOT_14]));
    expect(await planEmployeeSlot(db, YEAR, SLOT_14, [2, 1], slot, NOW)).toBeNull();
    expect(await dueReminders(db, NOW, 10_000)).toHaveLength(2 * 299);
  });

  it("after a crash part-way the slot is not planned; planning it again adds only the rows missing, with the same words", async () => {
    const crash = async () => {
      throw new Error("killed");
    };
    await expect(planEmployeeSlot(db, YEAR, SLOT_14, unitIds, slot, NOW, crash)).rejects.toThrow("killed");
    const written = await dueReminders(db, NOW, 10_000);
    expect(written.length).toBeGreaterThan(0);
    expect(written.length).toBeLessThan(6 * 299);
    expect(await plannedSlots(db, YEAR)).toEqual(new Set());
    // One of those already went out before the restart: it is neither rewritten nor sent again.
    await db
      .updateTable("reminder_outbox")
      .set({ status: "sent" })
      .where("chat_id", "=", person(1, 1))
      .execute();

    let pauses = 0;
    const pause = async () => {
      pauses++;
    };
    expect(await planEmployeeSlot(db, YEAR, SLOT_14, unitIds, slot, NOW, pause)).toBe(
      6 * 299 - written.length,
    );
    expect(pauses).toBeGreaterThan(0);
    expect(await db.selectFrom("reminder_messages").select("id").execute()).toHaveLength(2);
    const all = await remindersOfSlot(db, YEAR, SLOT_14);
    expect(all).toHaveLength(6 * 299);
    expect(new Set(all.map((r) => r.text))).toEqual(new Set([VI.text, EN.text]));
    expect(all.filter((r) => r.status === "sent").map((r) => r.chat_id)).toEqual([person(1, 1)]);
  });
});
