import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addNomination } from "../../db/nominations.js";
import { findUnitByCode } from "../../db/units.js";
import { FakeTelegram } from "../helpers/fake-telegram.js";
import { createHarness, type Harness } from "../helpers/harness.js";
import { registerThroughBot } from "../helpers/scenarios.js";
import { user } from "../helpers/updates.js";
import { recordingFetch, type Upload } from "../helpers/uploads.js";
import { docxText } from "../unit/documents/docx-text.js";

const admin = user(1001, "Admin");
const head = user(2000, "Bình");
const minh = user(2002, "Minh");
const otherHead = user(2100, "Khoa");
const hoa = user(2101, "Hoa");
const GIAY_KHEN = 2;

let h: Harness;
let hctpId = 0;

let uploads: Upload[] = [];

const lastAlert = () => h.telegram.callsOf("answerCallbackQuery").at(-1)?.payload;

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
  // Neither has assessed: each is proposed with the head's reason.
  await h.press(head, `nm:a:${GIAY_KHEN}:p:${minh.id}`);
  await h.send(head, "Hoàn thành xuất sắc đề án số hoá hồ sơ");
  await h.press(otherHead, `nm:a:${GIAY_KHEN}:p:${hoa.id}`);
  await h.send(otherHead, "Chị Hoa quyết toán sớm");
  hctpId = (await findUnitByCode(h.db, "HCTP"))?.id ?? 0;
  h.telegram.clear();
  uploads = [];
});
afterEach(() => h.close());

describe("📄 Bản nháp Tờ trình on /dossier", () => {
  it("is on the head's dossier and sends the unit's Tờ trình with its nominee and the head's reason", async () => {
    await h.send(head, "/dossier");
    expect(h.telegram.lastKeyboardTo(head.id)).toContainEqual({
      text: "📄 Bản nháp Tờ trình",
      callback_data: `dr:tt:${hctpId}`,
    });
    await h.press(head, `dr:tt:${hctpId}`);
    expect(uploads).toHaveLength(1);
    const [upload] = uploads;
    expect(upload?.chatId).toBe(String(head.id));
    expect(upload?.filename).toBe("ToTrinh_HCTP_2026_2026-12-01.docx");
    expect(upload?.caption).toContain(
      "Bản nháp Tờ trình đề nghị khen thưởng của Phòng Hành chính tư pháp, kỳ xét khen thưởng năm 2026, lập ngày 01/12/2026",
    );
    const text = docxText(upload?.bytes ?? Buffer.alloc(0));
    expect(text).toContain("PHÒNG HÀNH CHÍNH TƯ PHÁP");
    expect(text).toContain("1. Giấy khen của Giám đốc Sở");
    expect(text).toContain("- Lê Văn Minh");
    expect(text).toContain(
      "Lý do đề nghị (chưa đáp ứng đủ các tiêu chí thi đua): Hoàn thành xuất sắc đề án số hoá hồ sơ",
    );
    expect(text).toContain("Trần Văn Bình");
    for (const foreign of ["Hoa", "Kế toán", "Khoa", "quyết toán"]) expect(text).not.toContain(foreign);
  });

  it("is on the Office's view of the unit's dossier, and sends the same unit's Tờ trình", async () => {
    await h.send(admin, "/dossier HCTP");
    expect(h.telegram.lastKeyboardTo(admin.id)).toContainEqual({
      text: "📄 Bản nháp Tờ trình",
      callback_data: `dr:tt:${hctpId}`,
    });
    await h.press(admin, `dr:tt:${hctpId}`);
    expect(uploads.map((u) => [u.chatId, u.filename])).toEqual([
      [String(admin.id), "ToTrinh_HCTP_2026_2026-12-01.docx"],
    ]);
    expect(docxText(uploads[0]?.bytes ?? Buffer.alloc(0))).toContain("- Lê Văn Minh");
  });

  it("is on the dossier the Office makes for a unit it proposes (the Ban Giám đốc), naming no one else", async () => {
    const director = user(2300, "Đức");
    await registerThroughBot(h, admin, director, {
      unitCode: "BGD",
      unitName: "Ban Giám đốc",
      fullName: "Phạm Minh Đức",
      position: "Giám đốc Sở",
    });
    const bgd = (await findUnitByCode(h.db, "BGD"))?.id ?? 0;
    await h.db.updateTable("units").set({ office_proposes: 1 }).where("id", "=", bgd).execute();
    await addNomination(
      h.db,
      {
        year: 2026,
        unitId: bgd,
        formId: "giay-khen-giam-doc-so",
        nomineeKind: "individual",
        nomineeId: director.id,
        nomineeName: "Phạm Minh Đức",
        eligible: true,
        resultSummary: JSON.stringify({ met: 6, total: 6, progress: "submitted" }),
        reason: null,
        by: admin.id,
        byRole: "office",
        updateId: null,
      },
      h.deps.clock(),
    );
    h.telegram.clear();
    await h.send(admin, "/dossier BGD");
    expect(h.telegram.lastKeyboardTo(admin.id)).toContainEqual({
      text: "📄 Bản nháp Tờ trình",
      callback_data: `dr:tt:${bgd}`,
    });
    await h.press(admin, `dr:tt:${bgd}`);
    expect(uploads[0]?.filename).toBe("ToTrinh_BGD_2026_2026-12-01.docx");
    const text = docxText(uploads[0]?.bytes ?? Buffer.alloc(0));
    expect(text).toContain("BAN GIÁM ĐỐC");
    expect(text).toContain("- Phạm Minh Đức, Giám đốc Sở");
    expect(text).toContain("Tổng số: 00 tập thể, 01 cá nhân.");
    for (const foreign of ["Lê Văn Minh", "Hoa", "Hành chính"]) expect(text).not.toContain(foreign);
  });

  it("is refused to an employee and to another unit's head, and nothing is sent", async () => {
    await h.press(minh, `dr:tt:${hctpId}`);
    expect(lastAlert()).toMatchObject({
      text: "Chỉ trưởng đơn vị mới được đề nghị khen thưởng và nộp hồ sơ của đơn vị. Nếu Anh/Chị là trưởng đơn vị, vui lòng xin Văn phòng Sở liên kết mời dành cho trưởng đơn vị.",
      show_alert: true,
    });
    await h.press(otherHead, `dr:tt:${hctpId}`);
    expect(lastAlert()).toMatchObject({
      text: "Anh/Chị chỉ đề nghị khen thưởng và nộp hồ sơ được cho đơn vị của mình.",
      show_alert: true,
    });
    expect(h.telegram.callsOf("sendDocument")).toEqual([]);
    expect(uploads).toEqual([]);
  });
});

describe("/docs", () => {
  it("lists a danh sách per form once the form has someone before the Council, else says what is missing", async () => {
    await h.send(admin, "/docs");
    // Nothing is before the Council, no meeting, nothing passed: only the movement's report, and a line for
    // each document still missing its data.
    expect(h.telegram.lastTextTo(admin.id)).toBe(
      [
        "<b>Bản nháp văn bản</b>",
        "Văn phòng Sở lập được các văn bản dưới đây từ dữ liệu hiện có trên bot (tệp .docx, mở bằng Word để bổ sung, ký). Bấm một nút để nhận bản nháp.",
        "",
        "<b>Chưa lập được</b> (thiếu dữ liệu):",
        "• Danh sách đề nghị Bằng khen Thủ tướng Chính phủ: chưa có đề nghị nào được trình Hội đồng Thi đua - Khen thưởng.",
        "• Danh sách đề nghị Bằng khen Chủ tịch UBND tỉnh: chưa có đề nghị nào được trình Hội đồng Thi đua - Khen thưởng.",
        "• Danh sách đề nghị Giấy khen Giám đốc Sở: chưa có đề nghị nào được trình Hội đồng Thi đua - Khen thưởng.",
        "• Phiếu bầu, biên bản họp, biên bản kiểm phiếu: Hội đồng Thi đua - Khen thưởng chưa họp trong kỳ này (/council meet).",
        "• Quyết định tặng Giấy khen Giám đốc Sở: chưa có đề nghị nào được Hội đồng thông qua đang chờ Quyết định.",
        "• Tờ trình của Sở đề nghị tặng Bằng khen Thủ tướng Chính phủ: chưa có đề nghị nào được Hội đồng thông qua đang chờ Tờ trình.",
        "• Tờ trình của Sở đề nghị tặng Bằng khen Chủ tịch UBND tỉnh: chưa có đề nghị nào được Hội đồng thông qua đang chờ Tờ trình.",
      ].join("\n"),
    );
    expect(h.telegram.lastKeyboardTo(admin.id)).toEqual([
      { text: "📄 Báo cáo sơ kết, tổng kết phong trào thi đua", callback_data: "dr:bc" },
    ]);

    // A stale or typed button still answers: the list is empty.
    await h.press(admin, `dr:ds:${GIAY_KHEN}`);
    expect(uploads[0]?.filename).toBe("DanhSach_gk_2026_2026-12-01.docx");
    expect(uploads[0]?.caption).toContain(
      "Giấy khen của Giám đốc Sở (trích ngang), kỳ xét khen thưởng năm 2026: 0 đề nghị",
    );
    expect(docxText(uploads[0]?.bytes ?? Buffer.alloc(0))).not.toContain("Minh");

    // Minh's goes before the Council; Hoa's stays with the Office.
    await h.db
      .updateTable("nominations")
      .set({ status: "recommended" })
      .where("nominee_id", "=", minh.id)
      .execute();
    await h.send(admin, "/docs");
    expect(h.telegram.lastTextTo(admin.id)).toContain("Bản nháp văn bản");
    expect(h.telegram.lastTextTo(admin.id)).not.toContain("Danh sách đề nghị Giấy khen Giám đốc Sở");
    expect(h.telegram.lastKeyboardTo(admin.id)).toEqual([
      { text: "📄 Danh sách đề nghị: Giấy khen Giám đốc Sở", callback_data: "dr:ds:2" },
      { text: "📄 Báo cáo sơ kết, tổng kết phong trào thi đua", callback_data: "dr:bc" },
    ]);
    await h.press(admin, `dr:ds:${GIAY_KHEN}`);
    expect(uploads[1]?.caption).toContain(": 1 đề nghị");
    const text = docxText(uploads[1]?.bytes ?? Buffer.alloc(0));
    expect(text).toContain("Lê Văn Minh");
    expect(text).toContain("Phòng Hành chính tư pháp");
    expect(text).not.toContain("Hoa");
  });

  it("is refused to anyone but the Office, the command and its buttons, and nothing is sent", async () => {
    const refusal =
      "Lệnh này chỉ dành cho Văn phòng Sở. Nếu Anh/Chị cần dùng, vui lòng liên hệ Văn phòng Sở để được cấp quyền.";
    for (const person of [head, minh]) {
      await h.send(person, "/docs");
      expect(h.telegram.lastTextTo(person.id)).toBe(refusal);
      await h.press(person, `dr:ds:${GIAY_KHEN}`);
      expect(lastAlert()).toMatchObject({ text: refusal, show_alert: true });
    }
    await h.press(admin, "dr:ds:9");
    expect(lastAlert()).toMatchObject({ show_alert: true });
    expect(h.telegram.callsOf("sendDocument")).toEqual([]);
    expect(uploads).toEqual([]);
  });
});
