import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addProofFile, findAssessment } from "../../db/assessments.js";
import { answerWholeIndividualAssessment } from "../helpers/assessment-answers.js";
import { createHarness, type Harness } from "../helpers/harness.js";
import { registerThroughBot } from "../helpers/scenarios.js";
import { callbackUpdate, type TestUser, user } from "../helpers/updates.js";

const admin = user(1001, "Admin");
const head = user(2000, "Bình");
const lan = user(2001, "Lan");
const minh = user(2002, "Minh");
const otherHead = user(3000, "Hùng");
let h: Harness;

beforeEach(async () => {
  h = await createHarness({ officeAdminIds: [admin.id] });
  await registerThroughBot(h, admin, head, { role: "unit_head", fullName: "Trần Văn Bình" });
  await registerThroughBot(h, admin, lan, { fullName: "Nguyễn Thị Lan", position: "Chuyên viên" });
  await registerThroughBot(h, admin, minh, { fullName: "Lê Văn Minh" });
  const other = { unitCode: "BTTP", unitName: "Phòng Bổ trợ tư pháp" };
  await registerThroughBot(h, admin, otherHead, { ...other, role: "unit_head", fullName: "Lê Văn Hùng" });
  await h.send(admin, "/round open 2026");
  await h.send(lan, "/assess");
  await answerWholeIndividualAssessment(h, lan);
  await h.press(lan, "as:summary:submit");
  const assessment = await findAssessment(h.db, { year: 2026, subject: "individual", subjectId: lan.id });
  await addProofFile(
    h.db,
    {
      assessment_id: assessment?.id ?? 0,
      item_key: "c:chap-hanh",
      file_id: "doc-quyet-dinh",
      file_unique_id: "u-quyet-dinh",
      kind: "document",
      file_name: "quyet-dinh.pdf",
      mime_type: "application/pdf",
      file_size: 1000,
    },
    new Date(),
    0,
  );
  h.telegram.clear();
});
afterEach(() => h.close());

const read = async (reader: TestUser) => {
  h.telegram.clear();
  await h.send(reader, `/xem_${lan.id}`);
  return h.telegram.textsTo(reader.id).join("\n\n");
};

describe("reading a person's self-assessment", () => {
  it("lets the head open it from /unit's list, read-only, and fetch each proof file", async () => {
    await h.send(head, "/unit");
    await h.press(head, "unit:team");
    expect(h.telegram.lastTextTo(head.id)).toContain(`• Nguyễn Thị Lan · /xem_${lan.id}`);

    const pages = await read(head);
    expect(pages).toContain(
      "Bản tự đánh giá của Nguyễn Thị Lan, Chuyên viên, Phòng Hành chính tư pháp</b> (chỉ xem)",
    );
    expect(pages).toContain("Đã thực hiện tốt nội dung chap-hanh trong năm.");
    expect(pages).toContain("✅ Đạt tất cả các tiêu chí.");
    expect(pages).toContain("1. quyet-dinh.pdf (tiêu chí 1)");
    // No button changes anything: only the file's.
    const buttons = h.telegram.lastButtonsTo(head.id);
    expect(buttons.map((b) => b.text)).toEqual(["📎 1"]);
    await h.press(head, buttons[0]?.callback_data ?? "");
    expect(h.telegram.callsOf("sendDocument").at(-1)?.payload).toMatchObject({
      chat_id: head.id,
      document: "doc-quyet-dinh",
      caption: "quyet-dinh.pdf",
    });
  });

  it("shows it to the Office and to its owner, and to nobody else, not even whether it exists", async () => {
    expect(await read(admin)).toContain("Bản tự đánh giá của Nguyễn Thị Lan");
    expect(await read(lan)).toContain("Bản tự đánh giá của Nguyễn Thị Lan");
    for (const stranger of [minh, otherHead]) {
      expect(await read(stranger)).toBe("Anh/Chị không xem được bản tự đánh giá này.");
    }
    h.telegram.clear();
    await h.send(otherHead, "/xem_999999");
    expect(h.telegram.lastTextTo(otherHead.id)).toBe("Anh/Chị không xem được bản tự đánh giá này.");
    // A file button pressed by someone who may not see it sends nothing.
    const assessment = await findAssessment(h.db, { year: 2026, subject: "individual", subjectId: lan.id });
    const fileId = (await h.db.selectFrom("assessment_files").select("id").executeTakeFirstOrThrow()).id;
    await h.press(otherHead, `avf:${assessment?.id}:${fileId}`);
    expect(h.telegram.callsOf("sendDocument")).toHaveLength(0);
  });

  it("refuses its buttons in a group, where everyone would read it", async () => {
    const pressed = callbackUpdate(head, `av:i:${lan.id}`);
    const message = pressed.callback_query?.message;
    if (message) message.chat = { id: -5001, type: "group", title: "Phòng Hành chính tư pháp" };
    h.telegram.clear();
    await h.feed(pressed);
    expect(h.telegram.callsOf("answerCallbackQuery")).toEqual([
      expect.objectContaining({
        payload: expect.objectContaining({ show_alert: true, text: expect.stringContaining("chat riêng") }),
      }),
    ]);
    expect(h.telegram.callsOf("sendMessage")).toHaveLength(0);
  });

  it("opens from /status <unit> for the Office, and from a nomination's card", async () => {
    await h.send(admin, "/status HCTP");
    expect(h.telegram.lastTextTo(admin.id)).toContain(`Nguyễn Thị Lan /xem_${lan.id}`);
    h.telegram.clear();
    await h.press(admin, `av:i:${lan.id}`);
    expect(h.telegram.textsTo(admin.id).join("\n")).toContain("Bản tự đánh giá của Nguyễn Thị Lan");
  });
});
