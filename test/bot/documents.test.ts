import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { saveDetail } from "../../db/profile-details.js";
import { findUnitByCode } from "../../db/units.js";
import { FakeTelegram } from "../helpers/fake-telegram.js";
import { createHarness, type Harness } from "../helpers/harness.js";
import { registerThroughBot } from "../helpers/scenarios.js";
import { user } from "../helpers/updates.js";
import { recordingFetch, type Upload } from "../helpers/uploads.js";
import { docxParagraphs } from "../unit/documents/docx-text.js";

const admin = user(1001, "Admin");
const head = user(2000, "Bình");
const minh = user(2002, "Minh");
const otherHead = user(2100, "Khoa");
const hoa = user(2101, "Hoa");

let h: Harness;
let nominationId = 0;

let uploads: Upload[] = [];

const draftButton = () => ({ text: "📄 Bản nháp", callback_data: `dr:bctt:${nominationId}` });

beforeEach(async () => {
  uploads = [];
  const telegram = new FakeTelegram();
  h = await createHarness({
    officeAdminIds: [admin.id],
    now: "2026-12-01T03:00:00Z",
    telegram,
    fetch: recordingFetch(telegram, (upload) => uploads.push(upload)),
  });
  await registerThroughBot(h, admin, head, { role: "unit_head", fullName: "Trần Văn Bình" });
  await registerThroughBot(h, admin, minh, { fullName: "Lê Văn Minh" });
  const ktUnit = { unitCode: "KT", unitName: "Phòng Kế toán" };
  await registerThroughBot(h, admin, otherHead, { ...ktUnit, role: "unit_head", fullName: "Ngô Văn Khoa" });
  await registerThroughBot(h, admin, hoa, { ...ktUnit, fullName: "Phạm Thị Hoa" });
  await h.send(admin, "/round open 2026");
  await h.press(head, `nm:a:2:p:${minh.id}`);
  await h.send(head, "Hoàn thành xuất sắc đề án số hoá hồ sơ");
  const hctp = await findUnitByCode(h.db, "HCTP");
  const row = await h.db
    .selectFrom("nominations")
    .select("id")
    .where("unit_id", "=", hctp?.id ?? 0)
    .executeTakeFirst();
  nominationId = row?.id ?? 0;
  h.telegram.clear();
  uploads = [];
});
afterEach(() => h.close());

describe("📄 Bản nháp on a nomination's card", () => {
  it("is on the card for the Office, the unit's head and the nominee", async () => {
    for (const viewer of [admin, head, minh]) {
      await h.press(viewer, `no:${nominationId}`);
      expect(h.telegram.lastKeyboardTo(viewer.id)).toContainEqual(draftButton());
    }
  });

  it("sends the Báo cáo thành tích as a .docx named with the unit, the person and the date", async () => {
    await h.press(admin, `dr:bctt:${nominationId}`);
    expect(h.telegram.callsOf("sendDocument")).toHaveLength(1);
    const [upload] = uploads;
    expect(upload).toMatchObject({
      method: "sendDocument",
      chatId: String(admin.id),
      filename: "BCTT_HCTP_Le-Van-Minh_2026-12-01.docx",
    });
    expect(upload?.caption).toContain(
      "Bản nháp Báo cáo thành tích của Lê Văn Minh, đề nghị tặng Giấy khen của Giám đốc Sở, lập ngày 01/12/2026",
    );
    const paragraphs = docxParagraphs(upload?.bytes ?? Buffer.alloc(0));
    expect(paragraphs).toContain("- Họ tên: Lê Văn Minh");
    expect(paragraphs).toContain("- Đơn vị công tác: Phòng Hành chính tư pháp");
    // Minh never assessed himself: the draft says so instead of failing.
    expect(paragraphs).toContain("Kết quả: chưa có dữ liệu. ");
    expect(paragraphs.join("\n")).not.toContain("Hoa");

    await h.press(minh, `dr:bctt:${nominationId}`);
    await h.press(head, `dr:bctt:${nominationId}`);
    expect(uploads.map((u) => [u.chatId, u.filename])).toEqual([
      [String(admin.id), "BCTT_HCTP_Le-Van-Minh_2026-12-01.docx"],
      [String(minh.id), "BCTT_HCTP_Le-Van-Minh_2026-12-01.docx"],
      [String(head.id), "BCTT_HCTP_Le-Van-Minh_2026-12-01.docx"],
    ]);
  });

  it("fills section I and the awards table from the details Minh gave for the report", async () => {
    const now = h.deps.clock();
    await saveDetail(h.db, minh.id, { field: "date_of_birth", value: "1985-03-05" }, minh.id, now);
    await saveDetail(h.db, minh.id, { field: "gender", value: "male" }, minh.id, now);
    await saveDetail(
      h.db,
      minh.id,
      { field: "hometown", value: "Xã Liêm Tiết, tỉnh Ninh Bình" },
      minh.id,
      now,
    );
    const award = { year: 2024, form: "Giấy khen của Giám đốc Sở", decision: "12/QĐ-STP" };
    await saveDetail(h.db, minh.id, { field: "awards", value: [award] }, head.id, now);
    await h.press(head, `dr:bctt:${nominationId}`);
    const paragraphs = docxParagraphs(uploads[0]?.bytes ?? Buffer.alloc(0));
    expect(paragraphs).toContain("- Sinh ngày, tháng, năm: 05/03/1985; Giới tính: Nam");
    expect(paragraphs).toContain("- Quê quán: Xã Liêm Tiết, tỉnh Ninh Bình");
    // Not answered: left for the clerk to fill.
    expect(paragraphs).toContain("- Trình độ chuyên môn, nghiệp vụ: chưa có dữ liệu");
    expect(paragraphs.join("\n")).toContain("12/QĐ-STP");
  });

  it("is refused to someone who may not see the nomination, and nothing is sent", async () => {
    for (const stranger of [hoa, otherHead]) {
      await h.press(stranger, `dr:bctt:${nominationId}`);
      expect(h.telegram.callsOf("answerCallbackQuery").at(-1)?.payload).toMatchObject({
        text: "Anh/Chị không xem được đề nghị khen thưởng này, nên không lấy được bản nháp của nó.",
        show_alert: true,
      });
    }
    await h.press(hoa, "dr:bctt:99999");
    expect(h.telegram.callsOf("answerCallbackQuery").at(-1)?.payload).toMatchObject({ show_alert: true });
    expect(h.telegram.callsOf("sendDocument")).toEqual([]);
    expect(uploads).toEqual([]);
  });
});
