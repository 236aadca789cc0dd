import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findAssessment } from "../../db/assessments.js";
import { submitDossier } from "../../db/dossiers.js";
import { addDays, isoDate, type LocalDate } from "../../src/domain/calendar.js";
import { toLocal } from "../../src/domain/time.js";
import { planDueReminders, planRemindersNow } from "../../src/reminders/plan.js";
import { answerWholeIndividualAssessment, answerWholeUnitAssessment } from "../helpers/assessment-answers.js";
import { BOT_INFO } from "../helpers/fake-telegram.js";
import { createHarness, type Harness } from "../helpers/harness.js";
import { registerThroughBot, sendRoundNotices } from "../helpers/scenarios.js";
import { groupTextUpdate, type TestUser, user } from "../helpers/updates.js";

/**
 * A whole reminder season of the 2026 round (due before 05/01/2027 00:00 in Vietnam) in simulated time, for
 * three units:
 * - HCTP owes everything all season, and has its group chat bound;
 * - BTTP has everything in (assessments and a dossier proposing no one) before the season starts, so it is
 *   never reminded;
 * - PBGD submits everything on Wednesday 23/12/2026 at 10:00, after that day's 08:00 run.
 */

const HCM = "Asia/Ho_Chi_Minh";
const admin = user(1001, "Admin");
const headA = user(2000, "Bình");
const lanA = user(2001, "Lan");
const headB = user(3000, "Hùng");
const maiB = user(3001, "Mai");
const headC = user(4000, "Nam");
const thuC = user(4001, "Thu");
const GROUP_A = -5001;

const LABELS = new Map<number, string>([
  [admin.id, "admin"],
  [headA.id, "headA"],
  [lanA.id, "lanA"],
  [headB.id, "headB"],
  [maiB.id, "maiB"],
  [headC.id, "headC"],
  [thuC.id, "thuC"],
  [GROUP_A, "groupA"],
]);
const label = (chatId: number) => LABELS.get(chatId) ?? `?${chatId}`;

let h: Harness;

/** Self-assessment through the bot: /assess, every answer, submit. */
async function submitSelf(person: TestUser): Promise<void> {
  await h.send(person, "/assess");
  await answerWholeIndividualAssessment(h, person);
  await h.press(person, "as:summary:submit");
  const assessment = await findAssessment(h.db, { year: 2026, subject: "individual", subjectId: person.id });
  if (assessment?.status !== "submitted")
    throw new Error(`${person.first_name}'s self-assessment not submitted`);
}

/** The unit's own assessment through the head's /unit panel, then submit. */
async function submitUnit(head: TestUser, unitId: number): Promise<void> {
  await h.send(head, "/unit");
  await h.press(head, "unit:assess");
  await answerWholeUnitAssessment(h, head, "Số hoá 100% hồ sơ.");
  await h.press(head, "as:summary:submit");
  const assessment = await findAssessment(h.db, { year: 2026, subject: "unit", subjectId: unitId });
  if (assessment?.status !== "submitted") throw new Error(`unit ${unitId}'s assessment not submitted`);
}

/** The head sends the unit's dossier; with no nominations, the unit proposes no one. */
async function sendDossier(head: TestUser, unitId: number): Promise<void> {
  const sent = await submitDossier(
    h.db,
    2026,
    unitId,
    { id: head.id, role: "unit_head", updateId: null },
    false,
    h.deps.clock(),
  );
  if (!sent) throw new Error(`unit ${unitId}'s dossier not submitted`);
}

async function unitId(code: string): Promise<number> {
  const row = await h.db.selectFrom("units").select("id").where("code", "=", code).executeTakeFirstOrThrow();
  return row.id;
}

const localDay = (instant: Date | string) => {
  const { year, month, day } = toLocal(new Date(instant), HCM);
  return isoDate({ year, month, day });
};
const localTime = (instant: Date | string) => {
  const { hour, minute } = toLocal(new Date(instant), HCM);
  return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
};

/** What the fake Telegram received from the reminder sender, by local date: "recipient" entries, sorted. */
const sentByDay = new Map<string, string[]>();

/**
 * One scheduler run at a local time: plan what is due, send the outbox and record what reached Telegram, then
 * check that planning again at the same instant plans nothing.
 */
async function step(localIso: string): Promise<void> {
  h.setNow(localIso);
  const now = h.deps.clock();
  // As the scheduler plans: with the bot's username, for the group's button to the private chat.
  await planDueReminders({ ...h.deps, botUsername: BOT_INFO.username }, now);
  const before = h.telegram.calls.length;
  await h.outbox.flush(h.bot.api);
  const sends = h.telegram.calls.slice(before).filter((call) => call.method === "sendMessage");
  if (sends.length > 0) {
    const day = localDay(now);
    sentByDay.set(day, [
      ...(sentByDay.get(day) ?? []),
      ...sends.map((s) => label(Number(s.payload.chat_id))),
    ]);
  }
  expect(await planDueReminders(h.deps, now)).toEqual([]);
}

const TIMES = ["07:00", "08:00", "12:00", "18:00"];

/** Runs `step` at each of TIMES on every day from `from` to `to` (inclusive); `between` runs after a given step. */
async function runDays(
  from: LocalDate,
  to: LocalDate,
  between: Record<string, () => Promise<void>> = {},
): Promise<void> {
  for (let day = from; isoDate(day) <= isoDate(to); day = addDays(day, 1)) {
    for (const time of TIMES) {
      const at = `${isoDate(day)}T${time}:00+07:00`;
      await step(at);
      await between[at]?.();
    }
  }
}

/** Every reminder row, as "kind→recipient" by the local date it was sent, each list sorted. */
async function outboxByDay(): Promise<Record<string, string[]>> {
  const rows = await h.db
    .selectFrom("reminder_outbox")
    .select(["kind", "chat_id", "status", "sent_at"])
    .where("status", "=", "sent")
    .execute();
  const byDay: Record<string, string[]> = {};
  for (const row of rows) {
    const day = localDay(row.sent_at ?? "");
    byDay[day] = [...(byDay[day] ?? []), `${row.kind}→${label(row.chat_id)}`].sort();
  }
  return byDay;
}

/** A slot's rows with their words: an employee reminder's are stored once per language, the row points to them. */
async function outboxRows(slotKey: string) {
  const rows = await h.db
    .selectFrom("reminder_outbox")
    .leftJoin("reminder_messages", "reminder_messages.id", "reminder_outbox.message_id")
    .select((eb) => [
      "reminder_outbox.kind",
      "reminder_outbox.chat_id",
      "reminder_outbox.status",
      "reminder_outbox.message_id",
      eb.fn.coalesce("reminder_messages.text", "reminder_outbox.text").as("text"),
    ])
    .where("reminder_outbox.slot_key", "=", slotKey)
    .orderBy("reminder_outbox.id")
    .execute();
  return rows.map((row) => ({ ...row, chat: label(row.chat_id) }));
}

async function plannedSlotKeys(): Promise<string[]> {
  const rows = await h.db.selectFrom("reminder_slots").select("slot_key").execute();
  return rows.map((row) => row.slot_key).sort();
}

const sortedByDay = () =>
  Object.fromEntries([...sentByDay.entries()].map(([day, chats]) => [day, [...chats].sort()]));

let idA = 0;
let idC = 0;

beforeEach(async () => {
  sentByDay.clear();
  h = await createHarness({ officeAdminIds: [admin.id], now: "2026-11-28T09:00:00+07:00" });
  await registerThroughBot(h, admin, headA, { role: "unit_head", fullName: "Trần Văn Bình" });
  await registerThroughBot(h, admin, lanA, { fullName: "Nguyễn Thị Lan" });
  const unitB = { unitCode: "BTTP", unitName: "Phòng Bổ trợ tư pháp" };
  await registerThroughBot(h, admin, headB, { ...unitB, role: "unit_head", fullName: "Lê Văn Hùng" });
  await registerThroughBot(h, admin, maiB, { ...unitB, fullName: "Đỗ Thị Mai" });
  const unitC = { unitCode: "PBGD", unitName: "Phòng Phổ biến giáo dục pháp luật" };
  await registerThroughBot(h, admin, headC, { ...unitC, role: "unit_head", fullName: "Vũ Văn Nam" });
  await registerThroughBot(h, admin, thuC, { ...unitC, fullName: "Hoàng Thị Thu" });
  await h.feed(groupTextUpdate(headA, GROUP_A, "/bind"));
  await h.send(admin, "/round open 2026");
  // The round's notice to everyone registered goes out first; what follows is about what comes after.
  await sendRoundNotices(h);
  idA = await unitId("HCTP");
  idC = await unitId("PBGD");
  // BTTP hands everything in before the season starts.
  await submitSelf(headB);
  await submitSelf(maiB);
  await submitUnit(headB, await unitId("BTTP"));
  await sendDossier(headB, await unitId("BTTP"));
  expect(await h.db.selectFrom("reminder_outbox").selectAll().execute()).toEqual([]);
});
afterEach(() => h.close());

const DIGEST = "digest→admin";
/** The last line of a unit reminder, by what it is and when it was planned. */
const footer = (key: "head-buttons" | "group" | "overdue", open?: "all" | "dossier") =>
  h.deps.i18n.t("vi", `rm-unit-footer-${key}`, open ? { open } : undefined);
const lastLine = (text: string | undefined) => (text ?? "").split("\n").at(-1);
const UNIT_A = ["group→groupA", "unit→headA"];

describe("a reminder season, 35 days before the deadline to 5 days after", () => {
  it("sends each unit that owes what it owes on the schedule's days only, once, and stops when a unit is done", async () => {
    await runDays(
      { year: 2026, month: 12, day: 1 },
      { year: 2027, month: 1, day: 10 },
      {
        "2026-12-23T08:00:00+07:00": async () => {
          h.setNow("2026-12-23T10:00:00+07:00");
          await submitSelf(headC);
          await submitSelf(thuC);
          await submitUnit(headC, idC);
          await sendDossier(headC, idC);
        },
      },
    );

    const expected: Record<string, string[]> = {
      // 30 days before is Sunday 06/12: moved to Friday 04/12.
      "2026-12-04": [...UNIT_A, "unit→headC"],
      // 14 days before: the units, every employee who has not submitted (heads included), the Office's first digest.
      "2026-12-22": [
        DIGEST,
        "employee→headA",
        "employee→headC",
        "employee→lanA",
        "employee→thuC",
        ...UNIT_A,
        "unit→headC",
      ].sort(),
      "2026-12-23": [DIGEST],
      "2026-12-24": [DIGEST],
      "2026-12-25": [DIGEST],
      // 26-27/12 is a weekend: no digest.
      "2026-12-28": [DIGEST],
      // 7 days before: PBGD finished on 23/12, so only HCTP.
      "2026-12-29": [DIGEST, ...UNIT_A],
      "2026-12-30": [DIGEST],
      // 3 days before is Saturday 02/01, and Friday 01/01 is a holiday: Thursday 31/12, for units and employees.
      "2026-12-31": [DIGEST, "employee→headA", "employee→lanA", ...UNIT_A].sort(),
      // Nothing on 01/01 (holiday) nor on the weekend of 02-03/01. 1 day before: Monday 04/01, the last day.
      "2027-01-04": [DIGEST, ...UNIT_A],
      // Overdue from the deadline's date on, working days only; no digest after the deadline.
      "2027-01-05": UNIT_A,
      "2027-01-06": UNIT_A,
      "2027-01-07": UNIT_A,
      "2027-01-08": UNIT_A,
    };
    expect(await outboxByDay()).toEqual(expected);
    // What Telegram received is exactly the outbox, each reminder once.
    expect(sortedByDay()).toEqual(
      Object.fromEntries(
        Object.entries(expected).map(([day, entries]) => [day, entries.map((e) => e.split("→")[1]).sort()]),
      ),
    );

    // Every reminder went out at the 08:00 run, and nothing was left waiting or dropped.
    const rows = await h.db.selectFrom("reminder_outbox").select(["status", "sent_at"]).execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((row) => row.status !== "sent" || localTime(row.sent_at ?? "") !== "08:00")).toEqual(
      [],
    );
    expect(await plannedSlotKeys()).toEqual(
      [
        "unit:before:30",
        "unit:before:14",
        "employee:before:14",
        "digest:2026-12-22",
        "digest:2026-12-23",
        "digest:2026-12-24",
        "digest:2026-12-25",
        "digest:2026-12-28",
        "unit:before:7",
        "digest:2026-12-29",
        "digest:2026-12-30",
        "unit:before:3",
        "employee:before:3",
        "digest:2026-12-31",
        "unit:before:1",
        "digest:2027-01-04",
        "unit:overdue:2027-01-05",
        "unit:overdue:2027-01-06",
        "unit:overdue:2027-01-07",
        "unit:overdue:2027-01-08",
      ].sort(),
    );

    // What each was told.
    const first = await outboxRows("unit:before:30");
    const toHeadC = first.find((row) => row.chat === "headC")?.text ?? "";
    expect(toHeadC).toContain("Phòng Phổ biến giáo dục pháp luật");
    expect(toHeadC).toContain("2/2 người chưa nộp tự đánh giá");
    expect(toHeadC).toContain("Vũ Văn Nam");
    expect(toHeadC).toContain("Hoàng Thị Thu");
    expect(toHeadC).toContain("Chưa nộp tự đánh giá tập thể của đơn vị");
    // Nothing proposed and no dossier yet: both are owed.
    expect(toHeadC).toContain("Chưa đề nghị khen thưởng");
    expect(toHeadC).toContain("Chưa nộp hồ sơ đề nghị khen thưởng");
    expect(toHeadC).toContain("trước ngày 05/01/2027");
    const toGroup = first.find((row) => row.chat === "groupA")?.text ?? "";
    expect(toGroup).toContain("Phòng Hành chính tư pháp");
    expect(toGroup).toContain("2/2 người chưa nộp");
    expect(toGroup).not.toContain("Nguyễn Thị Lan");
    expect(toGroup).toContain("Chưa nộp hồ sơ đề nghị khen thưởng");

    const lastDay = await outboxRows("unit:before:1");
    expect(lastDay.map((row) => row.chat)).toEqual(["headA", "groupA"]);
    expect(lastDay[0]?.text).toContain("hôm nay là ngày cuối");
    // Before the deadline the head is pointed at the buttons, the group at /assess.
    expect(footer("head-buttons", "all")).toContain("Bấm nút dưới đây");
    expect(lastLine(lastDay[0]?.text)).toBe(footer("head-buttons", "all"));
    expect(lastLine(lastDay[1]?.text)).toBe(footer("group"));
    const overdue = await outboxRows("unit:overdue:2027-01-06");
    expect(overdue.map((row) => row.chat)).toEqual(["headA", "groupA"]);
    expect(overdue[0]?.text).toContain("đã quá hạn 2 ngày");
    // Once overdue, both are told that only the Office can let the unit submit now, not to press a button.
    expect(footer("overdue")).toMatch(
      /^Đã quá hạn nộp\. Các việc còn thiếu chỉ làm được khi Văn phòng Sở gia hạn cho đơn vị/,
    );
    for (const row of overdue) {
      expect(lastLine(row.text)).toBe(footer("overdue"));
      expect(row.text).not.toContain("Bấm nút dưới đây");
      expect(row.text).not.toContain(footer("group"));
    }
    // The head's reminder opens the unit's flows and its dossier; the group's opens the private chat at /assess
    // until the deadline, and has no button once nothing can be done there.
    expect(h.telegram.lastButtonsTo(headA.id).map((button) => button.callback_data)).toEqual([
      "unit:assess",
      "unit:team",
      "ds:view",
    ]);
    const groupSends = h.telegram.callsOf("sendMessage").filter((call) => call.payload.chat_id === GROUP_A);
    expect(groupSends).toHaveLength(10); // the /bind reply and 9 reminders;
    for (const send of groupSends.slice(1, 6)) {
      expect(send.payload.reply_markup).toEqual({
        inline_keyboard: [
          [{ text: "💬 Mở chat riêng với bot", url: "https://t.me/thidua_test_bot?start=assess" }],
        ],
      });
    }
    for (const send of groupSends.slice(6)) expect(send.payload.reply_markup).toBeUndefined();

    const employees = await outboxRows("employee:before:3");
    expect(employees.map((row) => row.chat).sort()).toEqual(["headA", "lanA"]);
    expect(employees[0]?.text).toContain("Anh/Chị chưa nộp bản tự đánh giá");
    // Both read Vietnamese: one stored message, which both rows point to.
    expect(employees[0]?.message_id).not.toBeNull();
    expect(employees[1]?.message_id).toBe(employees[0]?.message_id);

    // The digest at 08:00 on 23/12 still counts PBGD as missing; from 24/12 it is complete.
    const digest23 = (await outboxRows("digest:2026-12-23"))[0]?.text ?? "";
    expect(digest23).toContain("1/3 đơn vị đã hoàn thành");
    expect(digest23).toContain("<code>BTTP</code>: đã hoàn thành");
    expect(digest23).toContain(
      "<code>PBGD</code>: 2/2 người chưa nộp tự đánh giá; chưa nộp tự đánh giá tập thể; chưa đề nghị khen thưởng; chưa nộp hồ sơ",
    );
    const digest24 = (await outboxRows("digest:2026-12-24"))[0]?.text ?? "";
    expect(digest24).toContain("2/3 đơn vị đã hoàn thành");
    expect(digest24).toContain("<code>PBGD</code>: đã hoàn thành");
    expect(digest24).toContain(
      "<code>HCTP</code>: 2/2 người chưa nộp tự đánh giá; chưa nộp tự đánh giá tập thể; chưa đề nghị khen thưởng; chưa nộp hồ sơ",
    );
  });

  it("stops a unit's reminders once its people are in, its own assessment and its dossier sent, not before", async () => {
    // From 21/12 (the 30-day reminder, latest due then, goes out late at 07:00 that day).
    await runDays(
      { year: 2026, month: 12, day: 21 },
      { year: 2026, month: 12, day: 30 },
      {
        "2026-12-22T12:00:00+07:00": async () => {
          await submitSelf(headC);
          await submitSelf(thuC);
        },
      },
    );
    await runDays({ year: 2026, month: 12, day: 31 }, { year: 2026, month: 12, day: 31 });
    // PBGD's people are in, so no employee reminder on 31/12, but the unit still owes its own assessment.
    expect(sentByDay.get("2026-12-31")?.sort()).toEqual(
      ["admin", "groupA", "headA", "headA", "headC", "lanA"].sort(),
    );
    const seven = await outboxRows("unit:before:7");
    expect(seven.map((row) => row.chat)).toEqual(["headA", "groupA", "headC"]);
    const toHeadC = seven.find((row) => row.chat === "headC")?.text ?? "";
    expect(toHeadC).toContain("Chưa nộp tự đánh giá tập thể của đơn vị");
    expect(toHeadC).not.toContain("người chưa nộp");

    h.setNow("2026-12-31T10:00:00+07:00");
    await submitUnit(headC, idC);
    // Every assessment is in, but PBGD has not sent its dossier: it is still reminded on the last day.
    await runDays(
      { year: 2027, month: 1, day: 1 },
      { year: 2027, month: 1, day: 5 },
      {
        "2027-01-04T08:00:00+07:00": async () => {
          const [toHeadC] = (await outboxRows("unit:before:1")).filter((row) => row.chat === "headC");
          expect(toHeadC?.text).not.toContain("Chưa nộp tự đánh giá tập thể của đơn vị");
          expect(toHeadC?.text).toContain("Chưa đề nghị khen thưởng");
          expect(toHeadC?.text).toContain("Chưa nộp hồ sơ đề nghị khen thưởng");
          expect(lastLine(toHeadC?.text)).toBe(footer("head-buttons", "dossier"));
          // The unit's assessment is done: its button is gone; the dossier's is there.
          expect(h.telegram.lastButtonsTo(headC.id).map((button) => button.callback_data)).toEqual([
            "unit:team",
            "ds:view",
          ]);
          const digest = (await outboxRows("digest:2027-01-04"))[0]?.text ?? "";
          expect(digest).toContain("<code>PBGD</code>: chưa đề nghị khen thưởng; chưa nộp hồ sơ");
          h.setNow("2027-01-04T10:00:00+07:00");
          await sendDossier(headC, idC);
        },
      },
    );
    expect(sentByDay.get("2027-01-04")?.sort()).toEqual(["admin", "groupA", "headA", "headC"]);
    expect(sentByDay.get("2027-01-05")?.sort()).toEqual(["groupA", "headA"]);
  });
});

describe("after the deadline", () => {
  it("stops overdue reminders once the Office closes the round", async () => {
    await runDays(
      { year: 2027, month: 1, day: 4 },
      { year: 2027, month: 1, day: 8 },
      {
        "2027-01-06T12:00:00+07:00": async () => {
          await h.send(admin, "/round close 2026");
          expect(h.telegram.lastTextTo(admin.id)).toContain("Đã đóng kỳ xét khen thưởng năm 2026");
        },
      },
    );
    // Started on 04/01: the latest due slots then were the 1-day, 3-day (employees) and 04/01 digest ones.
    expect(sentByDay.get("2027-01-05")?.sort()).toEqual(["groupA", "headA", "headC"]);
    // That day also brings the close's notice to everyone registered but the admin who closed it.
    expect(sentByDay.get("2027-01-06")?.sort()).toEqual(
      ["groupA", "headA", "headC", "headA", "headB", "headC", "lanA", "maiB", "thuC"].sort(),
    );
    expect(sentByDay.has("2027-01-07")).toBe(false);
    expect(sentByDay.has("2027-01-08")).toBe(false);
    const round = await h.db
      .selectFrom("rounds")
      .select("status")
      .where("year", "=", 2026)
      .executeTakeFirst();
    expect(round?.status).toBe("closed");
  });
});

describe("a dossier sent on time, with self-assessments still missing", () => {
  it("is never called overdue: the unit's reminders stop at the deadline, the Office still sees who is late", async () => {
    // HCTP sends its dossier on 01/12 and its own assessment, while Bình and Lan never submit theirs.
    h.setNow("2026-12-01T10:00:00+07:00");
    await submitUnit(headA, idA);
    await sendDossier(headA, idA);
    await runDays({ year: 2027, month: 1, day: 4 }, { year: 2027, month: 1, day: 8 });

    // On the last day the unit is still told its people have not submitted: they still can.
    const lastDay = await outboxRows("unit:before:1");
    expect(lastDay.map((row) => row.chat)).toEqual(["headA", "groupA", "headC"]);
    expect(lastDay[0]?.text).toContain("2/2 người chưa nộp tự đánh giá");
    expect(lastDay[0]?.text).not.toContain("Chưa nộp hồ sơ");
    // After the deadline nobody in HCTP hears "quá hạn": its dossier is in. PBGD, which sent nothing, does.
    for (const day of ["2027-01-05", "2027-01-06", "2027-01-07", "2027-01-08"]) {
      const overdue = await outboxRows(`unit:overdue:${day}`);
      expect(overdue.map((row) => row.chat)).toEqual(["headC"]);
    }
    h.setNow("2027-01-06T09:00:00+07:00");
    await h.send(admin, "/status");
    const status = h.telegram.lastTextTo(admin.id);
    expect(status).toContain("Hồ sơ đề nghị khen thưởng đã nộp: <b>2/3</b> đơn vị");
    expect(status).toContain("Tự đánh giá cá nhân đã nộp: <b>2/6</b>");
    expect(status).toContain("Đơn vị đã xong mọi việc: <b>1/3</b>");
  });
});

describe("after downtime", () => {
  it("sends only the latest due unit reminder, not the ones missed while down", async () => {
    await runDays({ year: 2026, month: 12, day: 1 }, { year: 2026, month: 12, day: 19 });
    // Down from 20/12 to 29/12: the 14-day reminder (22/12) and the 7-day one (29/12) fell due meanwhile.
    await step("2026-12-30T07:00:00+07:00");
    expect(sentByDay.get("2026-12-30")?.sort()).toEqual(
      [
        // The 7-day unit reminder supersedes the 14-day one, which is never planned.
        "headA",
        "groupA",
        "headC",
        // The employees' latest due mark is still the 14-day one (the 3-day one is on 31/12): it goes out late.
        "headA",
        "lanA",
        "headC",
        "thuC",
        // Yesterday's digest is the latest due one, but a digest is of its day: it is not sent today.
      ].sort(),
    );
    expect(await plannedSlotKeys()).toEqual(["unit:before:30", "unit:before:7", "employee:before:14"].sort());
    expect((await outboxRows("unit:before:7")).map((row) => [row.chat, row.status])).toEqual([
      ["headA", "sent"],
      ["groupA", "sent"],
      ["headC", "sent"],
    ]);
    expect(await outboxRows("unit:before:14")).toEqual([]);
    expect((await outboxRows("unit:before:7"))[0]?.text).toContain("còn <b>5 ngày</b>");

    // Back on schedule: today's digest at 08:00, the 3-day reminders on 31/12.
    for (const time of ["08:00", "12:00", "18:00"]) await step(`2026-12-30T${time}:00+07:00`);
    await runDays({ year: 2026, month: 12, day: 31 }, { year: 2026, month: 12, day: 31 });
    expect(sentByDay.get("2026-12-30")?.filter((chat) => chat === "admin")).toHaveLength(1);
    const digest30 = await h.db
      .selectFrom("reminder_outbox")
      .select(["chat_id", "status", "sent_at"])
      .where("kind", "=", "digest")
      .execute();
    expect(digest30.map((row) => [label(row.chat_id), row.status, localDay(row.sent_at ?? "")])).toEqual([
      ["admin", "sent", "2026-12-30"],
      ["admin", "sent", "2026-12-31"],
    ]);
    expect(localTime(digest30[0]?.sent_at ?? "")).toBe("08:00");
    expect(await outboxRows("digest:2026-12-29")).toEqual([]);
    expect(sentByDay.get("2026-12-31")?.sort()).toEqual(
      ["admin", "groupA", "headA", "headA", "lanA", "headC", "headC", "thuC"].sort(),
    );
  });

  it("sends no employee reminder nor digest after the deadline, even when the last marks were missed", async () => {
    await runDays({ year: 2026, month: 12, day: 21 }, { year: 2026, month: 12, day: 30 });
    // Down from 31/12 to the deadline: the employees' 3-day mark (31/12) and the 04/01 digest are missed.
    await step("2027-01-05T00:00:00+07:00");
    await runDays({ year: 2027, month: 1, day: 5 }, { year: 2027, month: 1, day: 6 });
    const keys = await plannedSlotKeys();
    expect(keys.filter((key) => !key.startsWith("unit:"))).toEqual(
      [
        "employee:before:14",
        ...["22", "23", "24", "25", "28", "29", "30"].map((d) => `digest:2026-12-${d}`),
      ].sort(),
    );
    // Only the units are told, from the deadline on: the 1-day reminder late (unit slots do not expire), then
    // the overdue ones.
    expect(keys.filter((key) => key.startsWith("unit:"))).toEqual(
      [
        "unit:before:30",
        "unit:before:14",
        "unit:before:7",
        "unit:before:1",
        "unit:overdue:2027-01-05",
        "unit:overdue:2027-01-06",
      ].sort(),
    );
    const byDay = await outboxByDay();
    expect(byDay["2027-01-05"]).toEqual([...UNIT_A, ...UNIT_A, "unit→headC", "unit→headC"].sort());
    expect(byDay["2027-01-06"]).toEqual([...UNIT_A, "unit→headC"].sort());
    // Planned after the deadline, even the late 1-day reminder says it is overdue and who can reopen it.
    const late = await outboxRows("unit:before:1");
    expect(late.map((row) => row.chat)).toEqual(["headA", "groupA", "headC"]);
    for (const row of late) {
      expect(row.text).toContain("đã quá hạn 1 ngày");
      expect(lastLine(row.text)).toBe(footer("overdue"));
    }
  });

  it("marks a planned reminder that was never sent superseded when a later slot of its kind is planned", async () => {
    await runDays({ year: 2026, month: 12, day: 18 }, { year: 2026, month: 12, day: 21 });
    // 22/12 08:00: the 14-day reminders are planned, then the process dies before sending any of them.
    h.setNow("2026-12-22T08:00:00+07:00");
    const planned = await planDueReminders(h.deps, h.deps.clock());
    // The employees' rows are written by the database: a real run counts them (only a dry run lists them).
    expect(planned.map((p) => [p.slot.key, p.count])).toEqual([
      ["unit:before:14", 3],
      ["employee:before:14", 4],
      ["digest:2026-12-22", 1],
    ]);
    const pending = await h.db
      .selectFrom("reminder_outbox")
      .select("slot_key")
      .where("status", "=", "pending")
      .execute();
    expect(pending).toHaveLength(8);

    // Back on 30/12 at 08:00, when that day's digest is due (29/12's is of yesterday and never planned).
    await step("2026-12-30T08:00:00+07:00");
    const statuses = async (slotKey: string) =>
      (await outboxRows(slotKey)).map((row) => `${row.kind}→${row.chat}:${row.status}`).sort();
    expect(await statuses("unit:before:14")).toEqual([
      "group→groupA:superseded",
      "unit→headA:superseded",
      "unit→headC:superseded",
    ]);
    expect(await statuses("digest:2026-12-22")).toEqual(["digest→admin:superseded"]);
    expect(await statuses("unit:before:7")).toEqual([
      "group→groupA:sent",
      "unit→headA:sent",
      "unit→headC:sent",
    ]);
    expect(await statuses("digest:2026-12-30")).toEqual(["digest→admin:sent"]);
    expect(await statuses("digest:2026-12-29")).toEqual([]);
    // No later employee mark is due yet, so the employees' 14-day reminder is still the current one: it goes out.
    expect(await statuses("employee:before:14")).toEqual([
      "employee→headA:sent",
      "employee→headC:sent",
      "employee→lanA:sent",
      "employee→thuC:sent",
    ]);
    expect(sentByDay.get("2026-12-30")).toHaveLength(8);
  });
});

describe("a dry run and /remind now beside the schedule", () => {
  it("a dry run shows what is due and stores nothing", async () => {
    await runDays({ year: 2026, month: 12, day: 18 }, { year: 2026, month: 12, day: 21 });
    const slotsBefore = await plannedSlotKeys();
    const outboxBefore = await h.db.selectFrom("reminder_outbox").selectAll().execute();
    h.setNow("2026-12-22T08:00:00+07:00");
    const preview = await planDueReminders(h.deps, h.deps.clock(), { dryRun: true });
    expect(
      preview.map((p) => [p.slot.key, p.rows.map((row) => `${row.kind}→${label(row.chat_id)}`).sort()]),
    ).toEqual([
      ["unit:before:14", ["group→groupA", "unit→headA", "unit→headC"]],
      ["employee:before:14", ["employee→headA", "employee→headC", "employee→lanA", "employee→thuC"]],
      ["digest:2026-12-22", [DIGEST]],
    ]);
    expect(await plannedSlotKeys()).toEqual(slotsBefore);
    expect(await h.db.selectFrom("reminder_outbox").selectAll().execute()).toEqual(outboxBefore);
    // The real run at the same instant still plans them.
    expect((await planDueReminders(h.deps, h.deps.clock())).map((p) => p.slot.key)).toEqual([
      "unit:before:14",
      "employee:before:14",
      "digest:2026-12-22",
    ]);
  });

  it("/remind now reaches only units that owe something and does not use up the next scheduled slot", async () => {
    let rows: Awaited<ReturnType<typeof planRemindersNow>> = [];
    const manualAt = async () => {
      h.setNow("2026-12-23T10:00:00+07:00");
      rows = (await planRemindersNow(h.deps, h.deps.clock(), { updateId: 9001 })) ?? [];
      // The same update handled again (say, after a crash) plans nothing more, even a minute later.
      const outboxOf9001 = await outboxRows("manual:update:9001");
      expect(outboxOf9001).toHaveLength(3);
      await planRemindersNow(h.deps, new Date("2026-12-23T10:01:00+07:00"), { updateId: 9001 });
      expect(await outboxRows("manual:update:9001")).toEqual(outboxOf9001);
      expect(
        await h.db.selectFrom("reminder_outbox").select("id").where("slot_key", "like", "manual:%").execute(),
      ).toHaveLength(3);
      expect(
        await planRemindersNow(h.deps, h.deps.clock(), { updateId: 9002, unitId: await unitId("BTTP") }),
      ).toEqual([]);
      const onlyC =
        (await planRemindersNow(h.deps, new Date("2026-12-23T10:01:00+07:00"), {
          updateId: 9003,
          unitId: idC,
        })) ?? [];
      expect(onlyC.map((row) => label(row.chat_id))).toEqual(["headC"]);
      expect(onlyC.every((row) => row.unit_id === idC)).toBe(true);
      h.setNow("2026-12-23T10:02:00+07:00");
      await h.outbox.flush(h.bot.api);
    };
    await runDays(
      { year: 2026, month: 12, day: 18 },
      { year: 2026, month: 12, day: 29 },
      {
        "2026-12-23T08:00:00+07:00": manualAt,
      },
    );
    expect(rows.map((row) => `${row.kind}→${label(row.chat_id)}`).sort()).toEqual([
      "group→groupA",
      "unit→headA",
      "unit→headC",
    ]);
    expect(rows.find((row) => row.chat_id === GROUP_A)?.unit_id).toBe(idA);
    const manual = await h.db
      .selectFrom("reminder_outbox")
      .select(["slot_key", "chat_id", "status"])
      .where("slot_key", "like", "manual:%")
      .execute();
    // Each /remind now is its own slot, named after its update; 9001 handled twice was sent once.
    expect(manual.map((row) => `${row.slot_key}→${label(row.chat_id)}:${row.status}`).sort()).toEqual([
      "manual:update:9001→groupA:sent",
      "manual:update:9001→headA:sent",
      "manual:update:9001→headC:sent",
      "manual:update:9003→headC:sent",
    ]);
    expect((await plannedSlotKeys()).filter((key) => key.startsWith("manual:"))).toEqual([
      "manual:update:9001",
      "manual:update:9002",
      "manual:update:9003",
    ]);
    // The scheduled 7-day reminder still goes out on 29/12.
    expect(sentByDay.get("2026-12-29")?.sort()).toEqual(["admin", "groupA", "headA", "headC"]);
  });
});

describe("reminders planned but not sent before they expired", () => {
  it("are not sent late: an employee reminder after the deadline, a digest the day after", async () => {
    const h2 = await createHarness({ officeAdminIds: [1001], now: "2026-11-28T09:00:00+07:00" });
    try {
      const admin = user(1001, "Admin");
      const person = user(2001, "Lan");
      await registerThroughBot(h2, admin, person, { fullName: "Nguyễn Thị Lan" });
      await h2.send(admin, "/round open 2026");
      await sendRoundNotices(h2);
      h2.setNow("2026-12-31T08:00:00+07:00");
      const planned = await planDueReminders(h2.deps, h2.deps.clock());
      expect(planned.map((p) => p.slot.key)).toEqual([
        "unit:before:3",
        "employee:before:3",
        "digest:2026-12-31",
      ]);
      // Nothing was sent on 31/12 (the bot went down); it comes back after the deadline.
      h2.setNow("2027-01-05T00:00:00+07:00");
      h2.telegram.clear();
      await h2.outbox.flush(h2.bot.api);
      const rows = await h2.db
        .selectFrom("reminder_outbox")
        .select(["slot_key", "status"])
        .orderBy("slot_key")
        .execute();
      expect(rows).toEqual([
        { slot_key: "digest:2026-12-31", status: "superseded" },
        { slot_key: "employee:before:3", status: "superseded" },
      ]);
      expect(h2.telegram.callsOf("sendMessage")).toEqual([]);
    } finally {
      await h2.close();
    }
  });
});
