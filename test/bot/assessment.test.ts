import type { InlineKeyboardButton } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findAssessment, loadAnswers } from "../../db/assessments.js";
import { answerWholeIndividualAssessment } from "../helpers/assessment-answers.js";
import { FakeTelegram } from "../helpers/fake-telegram.js";
import { createHarness, type Harness } from "../helpers/harness.js";
import { registerThroughBot } from "../helpers/scenarios.js";
import { callbackUpdate, textUpdate, user } from "../helpers/updates.js";

const admin = user(1001, "Admin");
const lan = user(2001, "Lan");
let h: Harness;

beforeEach(async () => {
  h = await createHarness({ officeAdminIds: [admin.id], now: "2026-11-28T09:00:00+07:00" });
  await registerThroughBot(h, admin, lan);
  await h.send(admin, "/round open 2026");
});
afterEach(() => h.close());

const assessment = () => findAssessment(h.db, { year: 2026, subject: "individual", subjectId: lan.id });

describe("/assess", () => {
  it("walks through every criterion and reform area, shows the summary and submits", async () => {
    await h.send(lan, "/assess");
    const texts = h.telegram.textsTo(lan.id);
    expect(texts.at(-1)).toContain("Bắt đầu tự đánh giá cá nhân năm <b>2026</b>");
    expect(texts.at(-1)).toContain("Tiêu chí 1/6");
    expect(h.telegram.lastButtonsTo(lan.id).map((b) => b.callback_data)).toEqual([
      "as:c:chap-hanh:met:yes",
      "as:c:chap-hanh:met:no",
    ]);

    await answerWholeIndividualAssessment(h, lan);
    const summary = h.telegram.lastTextTo(lan.id);
    expect(summary).toContain("Đạt tất cả các tiêu chí");
    expect(summary).toContain("Sáng kiến: Số hóa hồ sơ lý lịch tư pháp");
    expect(summary).toContain(
      "Quyết định số 125/QĐ-STP ngày 15/10/2026 (Hội đồng sáng kiến cấp tỉnh công nhận)",
    );
    expect(summary).toContain("Giấy khen của Giám đốc Sở");
    expect(summary).toContain("Bằng khen của Thủ tướng Chính phủ");
    expect(summary).toContain("chưa nộp");

    await h.press(lan, "as:summary:submit");
    expect(h.telegram.lastTextTo(lan.id)).toContain("Đã nộp");
    const stored = await assessment();
    expect(stored?.status).toBe("submitted");
    expect(stored?.submitted_at).toBe("2026-11-28T02:00:00.000Z");
    const answers = await loadAnswers(h.db, stored?.id ?? 0);
    expect(answers.criteria["xep-loai"]).toEqual({ rating: "xuat-sac", met: true });
    expect(answers.criteria["sang-kien"]).toMatchObject({ decisionDate: "2026-10-15", council: "tinh" });
    expect(answers.areas["thu-tuc-hanh-chinh"]).toEqual({ text: null });
  });

  it("resumes at the first unanswered question after /cancel, keeping the answers", async () => {
    await h.send(lan, "/assess");
    await h.press(lan, "as:c:chap-hanh:met:yes");
    await h.send(lan, "Chấp hành nghiêm kỷ luật.");
    await h.send(lan, "/cancel");
    expect(h.telegram.lastTextTo(lan.id)).toContain("Đã dừng");
    await h.send(lan, "/assess");
    expect(h.telegram.textsTo(lan.id).at(-1)).toContain("Tiếp tục bản tự đánh giá cá nhân từ câu còn thiếu");
    expect(h.telegram.lastTextTo(lan.id)).toContain("tệp minh chứng");
    const answers = await loadAnswers(h.db, (await assessment())?.id ?? 0);
    expect(answers.criteria["chap-hanh"]).toEqual({ met: true, account: "Chấp hành nghiêm kỷ luật." });
  });

  it("re-asks with the reason for bad input at each kind of question", async () => {
    await h.send(lan, "/assess");
    await h.send(lan, "đạt yêu cầu");
    expect(h.telegram.textsTo(lan.id).at(-2)).toContain("bấm một trong các nút");
    expect(h.telegram.lastTextTo(lan.id)).toContain("Tiêu chí 1/6");
    expect(h.telegram.lastButtonsTo(lan.id).map((button) => button.text)).toContain("✅ Đạt");
    // Typed, a button's own word counts as pressing it.
    await h.send(lan, "đạt");
    expect(h.telegram.lastTextTo(lan.id)).toContain("tóm tắt ngắn");
    await h.sendSticker(lan);
    expect(h.telegram.textsTo(lan.id).at(-2)).toContain("tin nhắn chữ");
    await h.send(lan, "x".repeat(1001));
    expect(h.telegram.textsTo(lan.id).at(-2)).toContain("1000 ký tự");
    // "ok" shows nothing: a met criterion's account is a sentence at least, and the reply says so.
    await h.send(lan, "ok");
    expect(h.telegram.textsTo(lan.id).at(-2)).toContain("ít nhất một câu ngắn (từ 20 ký tự)");
    await h.send(lan, "/units");
    expect(h.telegram.lastTextTo(lan.id)).toContain("chỉ dành cho Văn phòng Sở");
    await h.send(lan, "Đã hoàn thành tốt nhiệm vụ.");
    await h.press(lan, "as:c:chap-hanh:files:done");
    for (const id of ["nhiem-vu-cchc", "van-ban-chi-dao"]) {
      await h.press(lan, `as:c:${id}:met:yes`);
      await h.send(lan, "Đã hoàn thành tốt nhiệm vụ.");
      await h.press(lan, `as:c:${id}:files:done`);
    }
    await h.press(lan, "as:c:sang-kien:met:yes");
    expect(h.telegram.lastTextTo(lan.id)).toContain("Tên sáng kiến, giải pháp");
    await h.send(lan, "a");
    expect(h.telegram.textsTo(lan.id).at(-2)).toContain("Tên sáng kiến quá ngắn");
    await h.send(lan, "Một cửa điện tử liên thông");
    expect(h.telegram.lastTextTo(lan.id)).toContain("Số quyết định");
    await h.send(lan, "không số");
    expect(h.telegram.textsTo(lan.id).at(-2)).toContain("cần có chữ số");
    await h.send(lan, "12/QĐ-STP");
    await h.send(lan, "31/02/2026");
    expect(h.telegram.textsTo(lan.id).at(-2)).toContain("không có trong lịch");
    await h.send(lan, "01/01/2030");
    expect(h.telegram.textsTo(lan.id).at(-2)).toContain("không thể sau hôm nay");
    await h.send(lan, "1/10/2026");
    await h.press(lan, "as:c:sang-kien:council:so");
    const answers = await loadAnswers(h.db, (await assessment())?.id ?? 0);
    expect(answers.criteria["sang-kien"]).toEqual({
      met: true,
      initiativeName: "Một cửa điện tử liên thông",
      decisionNumber: "12/QĐ-STP",
      decisionDate: "2026-10-01",
      council: "so",
    });
  });

  it("ignores a press on an old question's button without overwriting the newer answer", async () => {
    await h.send(lan, "/assess");
    await h.press(lan, "as:c:chap-hanh:met:yes");
    await h.press(lan, "as:c:chap-hanh:met:no");
    const answered = h.telegram.callsOf("answerCallbackQuery").at(-1);
    expect(String(answered?.payload.text)).toContain("Câu hỏi này không còn chờ trả lời");
    const answers = await loadAnswers(h.db, (await assessment())?.id ?? 0);
    expect(answers.criteria["chap-hanh"]).toEqual({ met: true });
  });

  it("changes one answer from the summary, keeping the rest, and records the change after submission", async () => {
    await h.send(lan, "/assess");
    await answerWholeIndividualAssessment(h, lan);
    await h.press(lan, "as:summary:submit");
    await h.send(lan, "/assess");
    expect(h.telegram.lastTextTo(lan.id)).toContain("đã nộp");
    await h.press(lan, "as:summary:edit:c:xep-loai");
    expect(h.telegram.lastTextTo(lan.id)).toContain("Câu trả lời trước: Hoàn thành xuất sắc nhiệm vụ");
    await h.press(lan, "as:c:xep-loai:rating:hoan-thanh");
    const summary = h.telegram.lastTextTo(lan.id);
    expect(summary).toContain("Tiêu chí chưa đạt hoặc chưa trả lời: số 6");
    expect(summary).toContain("Kết quả chưa đáp ứng quy tắc Văn phòng Sở đặt cho hình thức khen thưởng nào");
    expect(summary).not.toContain("đủ điều kiện");
    const stored = await assessment();
    expect(stored?.status).toBe("submitted");
    const changes = await h.db.selectFrom("assessment_changes").selectAll().execute();
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ item_key: "c:xep-loai", changed_by: lan.id });
    expect(JSON.parse(changes[0]?.after ?? "{}")).toEqual({ rating: "hoan-thanh", met: false });
  });

  it("puts back an answer whose change was left half-done: by /cancel, by Để sau, or by the deadline", async () => {
    await h.send(lan, "/assess");
    await answerWholeIndividualAssessment(h, lan);
    await h.press(lan, "as:summary:submit");
    const id = (await assessment())?.id ?? 0;
    const before = (await loadAnswers(h.db, id)).criteria["chap-hanh"];

    await h.send(lan, "/assess");
    await h.press(lan, "as:summary:edit:c:chap-hanh");
    await h.send(lan, "/cancel");
    expect((await loadAnswers(h.db, id)).criteria["chap-hanh"]).toEqual(before);
    expect((await assessment())?.edit_item).toBeNull();

    // Left half-done until the deadline passed: read-only views show the answer as it was.
    await h.send(lan, "/assess");
    await h.press(lan, "as:summary:edit:c:chap-hanh");
    await h.press(lan, "as:c:chap-hanh:met:no");
    h.setNow("2027-01-05T00:01:00+07:00");
    await h.send(lan, "/myresult");
    const result = h.telegram.lastTextTo(lan.id);
    expect(result).toContain("Đạt tất cả các tiêu chí");
    expect(result).toContain("Đã thực hiện tốt nội dung chap-hanh trong năm.");
    expect(await h.db.selectFrom("assessment_changes").selectAll().execute()).toEqual([]);
  });

  it("starts nothing after the deadline for someone who never began", async () => {
    h.setNow("2027-01-05T08:00:00+07:00");
    await h.send(lan, "/assess");
    expect(h.telegram.lastTextTo(lan.id)).toContain("Đã hết hạn (00:00 05/01/2027)");
    expect(await assessment()).toBeUndefined();
  });

  it("tells someone who never began why /myresult has nothing, instead of sending them to an /assess that refuses", async () => {
    // Before the deadline /assess would start one: /myresult points there.
    await h.send(lan, "/myresult");
    expect(h.telegram.lastTextTo(lan.id)).toContain("Gửi /assess để bắt đầu");

    h.setNow("2027-01-05T08:00:00+07:00");
    await h.send(lan, "/myresult");
    const late = h.telegram.lastTextTo(lan.id);
    expect(late).toContain(
      "Anh/Chị không có bản tự đánh giá năm 2026: đã hết hạn tự đánh giá (00:00 05/01/2027)",
    );
    expect(late).toContain("trưởng đơn vị đề nghị Văn phòng Sở gia hạn");
    expect(late).not.toContain("/assess");

    // The unit's extension makes /assess work again, and /myresult says so.
    await h.send(admin, "/reopen HCTP 2");
    await h.send(lan, "/myresult");
    expect(h.telegram.lastTextTo(lan.id)).toContain("Gửi /assess để bắt đầu");
    h.setNow("2027-01-08T08:00:00+07:00");
    await h.send(lan, "/myresult");
    expect(h.telegram.lastTextTo(lan.id)).toContain("đã hết hạn tự đánh giá (00:00 08/01/2027)");

    await h.send(admin, "/round close 2026");
    await h.send(lan, "/myresult");
    const closed = h.telegram.lastTextTo(lan.id);
    expect(closed).toContain("kỳ xét khen thưởng năm 2026 đã đóng nên không thể tự đánh giá nữa");
    expect(closed).not.toContain("/assess");
    expect(await assessment()).toBeUndefined();
  });

  it("locks the assessment from 05/01 00:00 and shows it read-only with /myresult", async () => {
    await h.send(lan, "/assess");
    await h.press(lan, "as:c:chap-hanh:met:yes");
    h.setNow("2027-01-04T23:59:00+07:00");
    await h.send(lan, "Vẫn kịp hoàn thành trước hạn.");
    const beforeDeadline = await loadAnswers(h.db, (await assessment())?.id ?? 0);
    expect(beforeDeadline.criteria["chap-hanh"]?.account).toBe("Vẫn kịp hoàn thành trước hạn.");

    h.setNow("2027-01-05T00:00:00+07:00");
    await h.press(lan, "as:c:chap-hanh:files:done");
    expect(h.telegram.lastTextTo(lan.id)).toContain("Đã hết hạn");
    await h.send(lan, "/assess");
    expect(h.telegram.lastTextTo(lan.id)).toContain("Đã hết hạn");
    await h.send(lan, "/myresult");
    expect(h.telegram.lastTextTo(lan.id)).toContain("Đã hết hạn sửa");
    const after = await loadAnswers(h.db, (await assessment())?.id ?? 0);
    expect(after.criteria["chap-hanh"]?.filesDone).toBeUndefined();

    await h.send(admin, "/reopen HCTP 2");
    expect(h.telegram.lastTextTo(admin.id)).toContain(
      "Đã gia hạn cho đơn vị Phòng Hành chính tư pháp (HCTP)",
    );
    // Two days after 05/01, to the end of the second day: before 00:00 on 08/01.
    expect(h.telegram.lastTextTo(admin.id)).toContain("đến trước 00:00 08/01/2027");
    await h.send(lan, "/assess");
    expect(h.telegram.lastTextTo(lan.id)).toContain("tệp minh chứng");
  });

  it("answers a second /assess in the middle of the flow by asking the open question again", async () => {
    await h.send(lan, "/assess");
    await h.press(lan, "as:c:chap-hanh:met:yes");
    await h.send(lan, "/assess");
    expect(h.telegram.textsTo(lan.id).at(-1)).toContain("đang làm dở bản tự đánh giá cá nhân");
    expect(h.telegram.lastTextTo(lan.id)).toContain("kết quả, việc đã làm");
    await h.send(lan, "Đã hoàn thành tốt nhiệm vụ.");
    await h.sendSticker(lan);
    expect(h.telegram.textsTo(lan.id).at(-2)).toContain("tệp minh chứng (tài liệu hoặc ảnh)");
    const answers = await loadAnswers(h.db, (await assessment())?.id ?? 0);
    expect(answers.criteria["chap-hanh"]).toEqual({ met: true, account: "Đã hoàn thành tốt nhiệm vụ." });
  });

  it("handles again an update whose handling was cut short, without storing its answer twice", async () => {
    await h.send(lan, "/assess");
    await answerWholeIndividualAssessment(h, lan, { areas: false });
    const firstArea = textUpdate(lan, "Rà soát 15 văn bản quy phạm pháp luật.");
    await h.feed(firstArea);
    // As if the process had been killed before it finished the update: Telegram sends it again.
    await h.db.deleteFrom("processed_updates").where("update_id", "=", firstArea.update_id).execute();
    await h.feed(structuredClone(firstArea));
    const answers = await loadAnswers(h.db, (await assessment())?.id ?? 0);
    expect(answers.areas).toEqual({ "the-che": { text: "Rà soát 15 văn bản quy phạm pháp luật." } });
    // Handled again (the next question asked a second time), but stored once.
    const asked = h.telegram
      .textsTo(lan.id)
      .filter((text) => text.includes("Nội dung cải cách hành chính 2/6"));
    expect(asked).toHaveLength(2);
  });

  it("splits a long summary into messages that fit, with the buttons under the last one", async () => {
    await h.send(lan, "/assess");
    const long = (n: number) => `${"Kết quả chi tiết. ".repeat(55)}${n}`.slice(0, 1000);
    let n = 0;
    for (const id of ["chap-hanh", "nhiem-vu-cchc", "van-ban-chi-dao"]) {
      await h.press(lan, `as:c:${id}:met:yes`);
      await h.send(lan, long(n++));
      await h.press(lan, `as:c:${id}:files:done`);
    }
    await h.press(lan, "as:c:sang-kien:met:no");
    await h.press(lan, "as:c:thu-tuc-hanh-chinh:met:yes");
    await h.send(lan, long(n++));
    await h.press(lan, "as:c:thu-tuc-hanh-chinh:files:done");
    await h.press(lan, "as:c:xep-loai:rating:tot");
    h.telegram.clear();
    for (let area = 0; area < 6; area++) await h.send(lan, long(n++));
    const sent = h.telegram.callsOf("sendMessage").map((call) => call.payload);
    const first = sent.findIndex((payload) =>
      String(payload.text).startsWith("<b>Bản tự đánh giá năm 2026</b>"),
    );
    const summary = sent.slice(first);
    expect(summary.length).toBeGreaterThan(1);
    expect(summary.every((payload) => String(payload.text).length <= 4096)).toBe(true);
    const joined = summary.map((payload) => String(payload.text)).join("\n");
    for (let i = 0; i < n; i++) expect(joined).toContain(long(i));
    expect(summary.at(-1)?.reply_markup).toBeDefined();
    expect(summary.slice(0, -1).every((payload) => payload.reply_markup === undefined)).toBe(true);
  });

  it("still shows the assessment with /myresult once the round is closed, and says how to come back after /cancel", async () => {
    await h.send(lan, "/assess");
    await h.press(lan, "as:c:chap-hanh:met:yes");
    await h.send(lan, "/cancel");
    expect(h.telegram.lastTextTo(lan.id)).toContain("khi muốn làm tiếp, Anh/Chị gửi /assess");
    await h.send(admin, "/round close 2026");
    await h.send(lan, "/assess");
    expect(h.telegram.lastTextTo(lan.id)).toContain("Kỳ xét khen thưởng năm 2026 đã đóng");
    await h.send(lan, "/myresult");
    const result = h.telegram.lastTextTo(lan.id);
    expect(result).toContain("Bản tự đánh giá năm 2026");
    expect(result).toContain("Đã hết hạn sửa");
  });

  it("says what to do when there is no open round or the person is not registered", async () => {
    await h.send(admin, "/round close 2026");
    await h.send(lan, "/assess");
    expect(h.telegram.lastTextTo(lan.id)).toContain("Kỳ xét khen thưởng năm 2026 đã đóng");
    const stranger = user(3001);
    await h.send(stranger, "/assess");
    expect(h.telegram.lastTextTo(stranger.id)).toContain("chưa đăng ký");
  });

  it("shows the chosen answer under a tapped question, keeping its formatting, in place of the buttons", async () => {
    await h.send(lan, "/assess");
    const question = h.telegram.callsOf("sendMessage").at(-1)?.payload as {
      reply_markup: { inline_keyboard: InlineKeyboardButton[][] };
    };
    // As Telegram hands the question back: plain text, its bold title as an entity, its keyboard.
    const shown = "Tiêu chí 1/6: Chấp hành chủ trương";
    const pressed = callbackUpdate(lan, "as:c:chap-hanh:met:yes", 77);
    Object.assign(pressed.callback_query?.message ?? {}, {
      text: shown,
      entities: [{ type: "bold", offset: 0, length: 12 }],
      reply_markup: question.reply_markup,
    });
    h.telegram.clear();
    await h.feed(pressed);

    const edit = h.telegram.callsOf("editMessageText").at(-1)?.payload;
    expect(edit).toMatchObject({ chat_id: lan.id, message_id: 77, text: `${shown}\n\n→ ✅ Đạt` });
    expect(edit?.entities).toEqual([
      { type: "bold", offset: 0, length: 12 },
      { type: "bold", offset: shown.length + 4, length: "✅ Đạt".length },
    ]);
    expect(edit?.reply_markup).toBeUndefined();
    expect(h.telegram.callsOf("editMessageReplyMarkup")).toHaveLength(0);
    // The next question is sent alongside the edit, not after it.
    expect(h.telegram.callsOf("sendMessage").at(-1)?.payload.text).toContain("kết quả, việc đã làm");
  });

  it("sends the next question without waiting for the press's acknowledgement to come back", async () => {
    const telegram = new FakeTelegram();
    let holding = false;
    let releaseAcknowledgement = () => {};
    const acknowledgementHeld = new Promise<void>((resolve) => {
      releaseAcknowledgement = resolve;
    });
    const slow = await createHarness({
      officeAdminIds: [admin.id],
      now: "2026-11-28T09:00:00+07:00",
      telegram,
      fetch: async (input, init) => {
        const url = String(input);
        const acknowledging = ["/answerCallbackQuery", "/editMessageText", "/editMessageReplyMarkup"].some(
          (method) => url.endsWith(method),
        );
        if (holding && acknowledging) await acknowledgementHeld;
        return telegram.fetch(input, init);
      },
    });
    try {
      await registerThroughBot(slow, admin, lan);
      await slow.send(admin, "/round open 2026");
      await slow.send(lan, "/assess");
      telegram.clear();
      holding = true;
      const handled = slow.feed(callbackUpdate(lan, "as:c:chap-hanh:met:yes", 77));
      await expect
        .poll(() => telegram.callsOf("sendMessage").at(-1)?.payload.text)
        .toContain("kết quả, việc đã làm");
      expect(telegram.callsOf("editMessageReplyMarkup")).toHaveLength(0);
      releaseAcknowledgement();
      await handled;
      expect(telegram.callsOf("answerCallbackQuery")).toHaveLength(1);
      // The pressed question (its text not handed back here) keeps no buttons.
      expect(telegram.callsOf("editMessageReplyMarkup").map((call) => call.payload.message_id)).toEqual([77]);
    } finally {
      releaseAcknowledgement();
      await slow.close();
    }
  });
});
