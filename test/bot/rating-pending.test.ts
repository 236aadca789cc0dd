import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findAssessment, loadAnswers, saveItem } from "../../db/assessments.js";
import { planDueReminders } from "../../src/reminders/plan.js";
import { answerWholeIndividualAssessment } from "../helpers/assessment-answers.js";
import { createHarness, type Harness } from "../helpers/harness.js";
import { registerThroughBot } from "../helpers/scenarios.js";
import { user } from "../helpers/updates.js";

/**
 * The year's rating is often decided in late December: a person answers "Chưa có kết quả xếp loại", submits, is
 * shown as awaiting the rating, and is reminded to add it; an initiative answered before its name was asked
 * stays complete.
 */
const admin = user(1001, "Admin");
const head = user(2000, "Bình");
const lan = user(2001, "Lan");
let h: Harness;

beforeEach(async () => {
  h = await createHarness({ officeAdminIds: [admin.id], now: "2026-12-20T09:00:00+07:00" });
  await registerThroughBot(h, admin, head, { role: "unit_head", fullName: "Trần Văn Bình" });
  await registerThroughBot(h, admin, lan, { fullName: "Nguyễn Thị Lan" });
  await h.send(admin, "/round open 2026");
});
afterEach(() => h.close());

const assessment = () => findAssessment(h.db, { year: 2026, subject: "individual", subjectId: lan.id });

async function submitAwaitingRating(): Promise<void> {
  await h.send(lan, "/assess");
  await answerWholeIndividualAssessment(h, lan, { areas: true, rating: "pending" });
}

/** The employees' reminders of a slot: to whom, with what words. */
async function employeeReminders(slotKey: string): Promise<Array<{ chatId: number; text: string }>> {
  const rows = await h.db
    .selectFrom("reminder_outbox")
    .leftJoin("reminder_messages", "reminder_messages.id", "reminder_outbox.message_id")
    .select((eb) => [
      "reminder_outbox.chat_id",
      eb.fn.coalesce("reminder_messages.text", "reminder_outbox.text").as("text"),
    ])
    .where("reminder_outbox.slot_key", "=", slotKey)
    .orderBy("reminder_outbox.chat_id")
    .execute();
  return rows.map((row) => ({ chatId: row.chat_id, text: row.text }));
}

describe("a rating not known yet", () => {
  it("is offered as a button, taken typed too, submitted, and shown as awaiting in the summary and /myresult", async () => {
    await h.send(lan, "/assess");
    await answerWholeIndividualAssessment(h, lan, { areas: true, rating: "tot" });
    await h.press(lan, "as:summary:edit:c:xep-loai");
    expect(
      h.telegram.lastButtonsTo(lan.id).map((button) => [button.text, button.callback_data]),
    ).toContainEqual(["⏳ Chưa có kết quả xếp loại", "as:c:xep-loai:rating:pending"]);
    // Typed, shorter than the button says it.
    await h.send(lan, "chưa có kết quả");
    const summary = h.telegram.lastTextTo(lan.id);
    expect(summary).toContain("⏳ <b>6.</b>");
    expect(summary).toContain("Xếp loại: ⏳ chờ kết quả xếp loại");
    expect(summary).toContain("Tiêu chí số 6 chờ kết quả xếp loại: chưa tính là đạt");
    expect(summary).not.toContain("Tiêu chí chưa đạt hoặc chưa trả lời");
    expect(summary).not.toContain("Đạt tất cả các tiêu chí");
    expect(summary).toContain("Kết quả chưa đáp ứng quy tắc Văn phòng Sở đặt cho hình thức khen thưởng nào");

    await h.press(lan, "as:summary:submit");
    expect((await assessment())?.status).toBe("submitted");
    const answers = await loadAnswers(h.db, (await assessment())?.id ?? 0);
    expect(answers.criteria["xep-loai"]).toEqual({ ratingPending: true, met: false });

    await h.send(lan, "/myresult");
    const result = h.telegram.lastTextTo(lan.id);
    expect(result).toContain("Xếp loại: ⏳ chờ kết quả xếp loại");
    expect(result).toContain("đã nộp");
  });

  it("reminds the person to add the rating, in words of its own, until it is given", async () => {
    await submitAwaitingRating();
    await h.press(lan, "as:summary:submit");
    // 14 days before the deadline (05/01/2027): the head has not submitted, Lan awaits her rating.
    h.setNow("2026-12-22T09:00:00+07:00");
    await planDueReminders(h.deps, h.deps.clock());
    const first = await employeeReminders("employee:before:14");
    expect(first.map((row) => row.chatId)).toEqual([head.id, lan.id]);
    expect(first[0]?.text).toContain("Anh/Chị chưa nộp bản tự đánh giá");
    const toLan = first[1]?.text ?? "";
    expect(toLan).toContain("đã nộp nhưng tiêu chí 6 còn <b>chờ kết quả xếp loại</b> năm 2026");
    expect(toLan).toContain("«Sửa tiêu chí 6»");
    expect(toLan).not.toContain("chưa nộp bản tự đánh giá");

    // The rating is known: she adds it from the summary, and the next reminder is not for her.
    await h.send(lan, "/assess");
    await h.press(lan, "as:summary:edit:c:xep-loai");
    expect(h.telegram.lastTextTo(lan.id)).toContain("Câu trả lời trước: Chưa có kết quả xếp loại");
    await h.press(lan, "as:c:xep-loai:rating:xuat-sac");
    expect(h.telegram.lastTextTo(lan.id)).toContain("Đạt tất cả các tiêu chí");
    h.setNow("2026-12-31T09:00:00+07:00");
    await planDueReminders(h.deps, h.deps.clock());
    expect((await employeeReminders("employee:before:3")).map((row) => row.chatId)).toEqual([head.id]);
  });
});

describe("the initiative's name", () => {
  it("is shown in the summary, and not asked again of an initiative answered before it was asked", async () => {
    await h.send(lan, "/assess");
    await answerWholeIndividualAssessment(h, lan);
    expect(h.telegram.lastTextTo(lan.id)).toContain("Sáng kiến: Số hóa hồ sơ lý lịch tư pháp");
    const stored = await assessment();
    if (!stored) throw new Error("no assessment");
    // As stored before the name was asked: the decision, no name.
    const legacy = {
      met: true,
      decisionNumber: "125/QĐ-STP",
      decisionDate: "2026-10-15",
      council: "tinh",
      filesDone: true,
    };
    await saveItem(h.db, stored.id, "c:sang-kien", legacy, h.deps.clock(), 9_000);
    await h.send(lan, "/assess");
    const summary = h.telegram.lastTextTo(lan.id);
    expect(summary).toContain("Đạt tất cả các tiêu chí");
    expect(summary).toContain("Quyết định số 125/QĐ-STP ngày 15/10/2026");
    expect(summary).not.toContain("Sáng kiến:");
  });
});
