import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findSession } from "../../db/assessment-sessions.js";
import { findAssessment, loadAnswers } from "../../db/assessments.js";
import { answerWholeIndividualAssessment, answerWholeUnitAssessment } from "../helpers/assessment-answers.js";
import { createHarness, type Harness } from "../helpers/harness.js";
import { registerThroughBot } from "../helpers/scenarios.js";
import { user } from "../helpers/updates.js";

const admin = user(1001, "Admin");
const head = user(2000, "Bình");
const lan = user(2001, "Lan");
const minh = user(2002, "Minh");
const hoa = user(2003, "Hoa");
let h: Harness;

beforeEach(async () => {
  h = await createHarness({ officeAdminIds: [admin.id] });
  await registerThroughBot(h, admin, head, {
    role: "unit_head",
    fullName: "Trần Văn Bình",
    position: "Trưởng phòng",
  });
  await registerThroughBot(h, admin, lan, { fullName: "Nguyễn Thị Lan" });
  await registerThroughBot(h, admin, minh, { fullName: "Lê Văn Minh" });
  await registerThroughBot(h, admin, hoa, { fullName: "Phạm Thị Hoa" });
  await h.send(admin, "/round open 2026");
  await h.send(lan, "/assess");
  await answerWholeIndividualAssessment(h, lan);
  await h.press(lan, "as:summary:submit");
  await h.send(minh, "/assess");
  await h.press(minh, "as:c:chap-hanh:met:yes");
});
afterEach(() => h.close());

describe("/unit for a unit head", () => {
  it("shows how many of the unit's people submitted, are in progress or have not started", async () => {
    await h.send(head, "/unit");
    const panel = h.telegram.lastTextTo(head.id);
    expect(panel).toContain("Phòng Hành chính tư pháp");
    expect(panel).toContain("Tự đánh giá tập thể: chưa bắt đầu");
    expect(panel).toContain("<b>1/4</b> · đang làm: 1 · chưa bắt đầu: 2");

    await h.press(head, "unit:team");
    const team = h.telegram.lastTextTo(head.id);
    expect(team).toMatch(/Đã nộp \(1\)<\/b>\n• Nguyễn Thị Lan/);
    expect(team).toMatch(/Đang làm \(1\)<\/b>\n• Lê Văn Minh/);
    expect(team).toMatch(/Chưa bắt đầu \(2\)<\/b>\n• Phạm Thị Hoa\n• Trần Văn Bình/);
  });

  it("walks the head through the unit's 3 collective criteria and the reform areas, then submits", async () => {
    await h.send(head, "/unit");
    await h.press(head, "unit:assess");
    expect(h.telegram.textsTo(head.id).at(-1)).toContain(
      "tự đánh giá tập thể của <b>Phòng Hành chính tư pháp</b>",
    );
    expect(h.telegram.lastTextTo(head.id)).toContain("Tiêu chí 1/3");
    expect(h.telegram.lastTextTo(head.id)).toContain("Đơn vị có <b>đạt</b>");
    await answerWholeUnitAssessment(h, head, "Số hoá 100% hồ sơ lý lịch tư pháp.");
    const summary = h.telegram.lastTextTo(head.id);
    expect(summary).toContain("Tự đánh giá tập thể: Phòng Hành chính tư pháp");
    expect(summary).toContain("Tiêu chí chưa đạt hoặc chưa trả lời: số 3");
    await h.press(head, "as:summary:submit");

    const unitAssessment = await findAssessment(h.db, { year: 2026, subject: "unit", subjectId: 1 });
    expect(unitAssessment?.status).toBe("submitted");
    const answers = await loadAnswers(h.db, unitAssessment?.id ?? 0);
    expect(answers.criteria["sang-kien"]).toEqual({ met: false });
    expect(answers.areas["chinh-quyen-so"]).toEqual({ text: "Số hoá 100% hồ sơ lý lịch tư pháp." });

    await h.send(head, "/unit");
    expect(h.telegram.lastTextTo(head.id)).toContain("Tự đánh giá tập thể: đã nộp");
  });

  it("says which assessment each message is about when a head switches between the unit's and his own", async () => {
    await h.send(head, "/unit");
    await h.press(head, "unit:assess");
    await h.press(head, "as:c:chap-hanh:met:yes");
    const unitQuestion = await findSession(h.db, head.id);
    h.telegram.clear();

    await h.send(head, "/assess");
    const texts = h.telegram.textsTo(head.id);
    expect(texts.join("\n")).not.toContain("đang làm dở");
    expect(texts[0]).toContain("Đã tạm dừng bản tự đánh giá của đơn vị");
    expect(texts[0]).toContain("/unit");
    expect(texts.at(-1)).toContain("Bắt đầu tự đánh giá cá nhân");
    // The unit's open question loses its buttons, so none of them can be pressed by mistake.
    expect(unitQuestion?.subject).toBe("unit");
    expect(h.telegram.callsOf("editMessageReplyMarkup").at(-1)?.payload).toMatchObject({
      chat_id: head.id,
      message_id: unitQuestion?.message_id,
    });

    h.telegram.clear();
    await h.send(head, "/unit");
    await h.press(head, "unit:assess");
    expect(h.telegram.textsTo(head.id).join("\n")).toContain("Đã tạm dừng bản tự đánh giá cá nhân");
    expect(h.telegram.textsTo(head.id).join("\n")).toContain("Tiếp tục bản tự đánh giá của đơn vị");
  });

  it("calls a submitted assessment submitted, not unfinished, when it is opened again", async () => {
    h.telegram.clear();
    await h.send(lan, "/assess");
    const said = h.telegram.textsTo(lan.id).join("\n");
    expect(said).not.toContain("đang làm dở");
    expect(said).not.toContain("Tiếp tục từ câu còn thiếu");
    expect(said).toContain("đã nộp");
  });

  it("gives the head a personal command menu with /unit, and employees none", async () => {
    const personal = (id: number) =>
      h.telegram
        .callsOf("setMyCommands")
        .filter((call) => (call.payload.scope as { chat_id?: number } | undefined)?.chat_id === id);
    const headMenu = personal(head.id).at(-1)?.payload.commands as Array<{ command: string }>;
    expect(headMenu.map((c) => c.command)).toContain("unit");
    expect(personal(lan.id)).toEqual([]);
  });

  it("does not take one head's typed answer for a question the other head already moved past", async () => {
    const deputy = user(2009, "Phó");
    await registerThroughBot(h, admin, deputy, { role: "unit_head", fullName: "Đỗ Văn Phó" });
    await h.send(head, "/unit");
    await h.press(head, "unit:assess");
    for (const id of ["chap-hanh", "nhiem-vu-cchc"]) {
      await h.press(head, `as:c:${id}:met:yes`);
      await h.send(head, "Đơn vị thực hiện tốt.");
      await h.press(head, `as:c:${id}:files:done`);
    }
    await h.press(head, "as:c:sang-kien:met:no");
    await h.send(deputy, "/unit");
    await h.press(deputy, "unit:assess");
    expect(h.telegram.lastTextTo(deputy.id)).toContain("Nội dung cải cách hành chính 1/6");
    await h.send(head, "Thể chế: câu trả lời của trưởng phòng.");
    await h.send(deputy, "Thể chế: câu trả lời của phó phòng.");
    expect(h.telegram.textsTo(deputy.id).at(-2)).toContain("Câu hỏi đã thay đổi");
    expect(h.telegram.lastTextTo(deputy.id)).toContain("Nội dung cải cách hành chính 2/6");
    const unitAssessment = await findAssessment(h.db, { year: 2026, subject: "unit", subjectId: 1 });
    const answers = await loadAnswers(h.db, unitAssessment?.id ?? 0);
    expect(answers.areas).toEqual({ "the-che": { text: "Thể chế: câu trả lời của trưởng phòng." } });
  });

  it("is refused to an employee, with a reply saying it is for unit heads", async () => {
    await h.send(lan, "/unit");
    expect(h.telegram.lastTextTo(lan.id)).toContain("chỉ dành cho trưởng đơn vị");
    await h.press(lan, "unit:assess");
    expect(h.telegram.lastTextTo(lan.id)).toContain("chỉ dành cho trưởng đơn vị");
    expect(await findAssessment(h.db, { year: 2026, subject: "unit", subjectId: 1 })).toBeUndefined();
  });
});

describe("two heads answering the unit's assessment at once", () => {
  it("stores one answer per question, in one read-check-write each, and tells the other head the question moved on", async () => {
    const head2 = user(2004, "Quang");
    await registerThroughBot(h, admin, head2, { role: "unit_head", fullName: "Đỗ Văn Quang" });
    await h.send(head, "/unit");
    await h.press(head, "unit:assess");
    await h.press(head, "as:c:chap-hanh:met:yes");
    await h.send(head2, "/unit");
    await h.press(head2, "unit:assess");
    // Both see the account question of criterion 1 and type at the same instant.
    for (const person of [head, head2]) expect(h.telegram.lastTextTo(person.id)).toContain("Tiêu chí 1/3");
    await Promise.all([
      h.send(head, "Chấp hành nghiêm kỷ luật, kỷ cương hành chính của đơn vị."),
      h.send(head2, "Đơn vị không có cán bộ vi phạm kỷ luật trong năm."),
    ]);
    const unitId = (await h.db.selectFrom("units").select("id").executeTakeFirstOrThrow()).id;
    const stored = await findAssessment(h.db, { year: 2026, subject: "unit", subjectId: unitId });
    const answers = await loadAnswers(h.db, stored?.id ?? 0);
    const account = answers.criteria["chap-hanh"]?.account;
    // One of the two accounts is stored, whole; the other head is told, not silently dropped.
    expect([
      "Chấp hành nghiêm kỷ luật, kỷ cương hành chính của đơn vị.",
      "Đơn vị không có cán bộ vi phạm kỷ luật trong năm.",
    ]).toContain(account);
    const loser = account?.startsWith("Chấp hành") ? head2 : head;
    expect(h.telegram.textsTo(loser.id).some((t) => t.startsWith("Câu hỏi đã thay đổi"))).toBe(true);
  });
});
