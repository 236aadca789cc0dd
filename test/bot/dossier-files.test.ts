import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listDossierFiles } from "../../db/dossiers.js";
import { addNomination } from "../../db/nominations.js";
import { findUnitByCode } from "../../db/units.js";
import { FakeTelegram } from "../helpers/fake-telegram.js";
import { createHarness, type Harness } from "../helpers/harness.js";
import { registerThroughBot, reportUploadData } from "../helpers/scenarios.js";
import { documentUpdate, photoUpdate, user } from "../helpers/updates.js";
import { recordingFetch, type Upload } from "../helpers/uploads.js";

const YEAR = 2026;
const MB = 1024 * 1024;
const admin = user(1001, "Admin");
const head = user(2000, "Bình");
const minh = user(2002, "Minh");
const otherHead = user(2100, "Khoa");
const hoa = user(2101, "Hoa");

let h: Harness;
let hctp = 0;
let kt = 0;

let uploads: Upload[] = [];

const APOLOGY = "Xin lỗi Anh/Chị, bot vừa gặp lỗi";
const lastAlert = () => h.telegram.callsOf("answerCallbackQuery").at(-1)?.payload;
const files = () => listDossierFiles(h.db, YEAR, hctp);
const doc = (file_name: string, mime_type: string, file_size = 100_000) => ({
  file_name,
  mime_type,
  file_size,
});

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
  hctp = (await findUnitByCode(h.db, "HCTP"))?.id ?? 0;
  kt = (await findUnitByCode(h.db, "KT"))?.id ?? 0;
  await h.press(head, `nm:a:2:p:${minh.id}`);
  await h.send(head, "Hoàn thành xuất sắc đề án số hoá hồ sơ");
  h.telegram.clear();
});
afterEach(() => h.close());

describe("uploading a dossier document", () => {
  it("re-asks for text, a photo, a picture file and a file over 20 MB, storing none of them", async () => {
    await h.press(head, await reportUploadData(h.db, `p:${minh.id}`));
    expect(h.telegram.lastTextTo(head.id)).toContain(
      "Vui lòng gửi tệp <b>Báo cáo thành tích</b> của <b>Lê Văn Minh (Giấy khen Giám đốc Sở)</b> (PDF, DOC hoặc DOCX, tối đa 20 MB).",
    );

    await h.send(head, "Báo cáo em gửi sau ạ");
    expect(h.telegram.lastTextTo(head.id)).toBe(
      "Vui lòng gửi tài liệu dưới dạng tệp (PDF, DOC hoặc DOCX), hoặc gửi /cancel để hủy.",
    );
    await h.feed(photoUpdate(head));
    expect(h.telegram.lastTextTo(head.id)).toBe(
      "Hồ sơ không nhận ảnh chụp. Vui lòng gửi tệp PDF, DOC hoặc DOCX (bấm 📎 rồi chọn Tệp).",
    );
    await h.feed(documentUpdate(head, doc("bao-cao.jpg", "image/jpeg")));
    expect(h.telegram.lastTextTo(head.id)).toBe(
      "Tệp này không phải PDF, DOC hoặc DOCX. Vui lòng gửi lại đúng định dạng.",
    );
    await h.feed(documentUpdate(head, doc("bao-cao.png", "image/png")));
    expect(h.telegram.lastTextTo(head.id)).toContain("không phải PDF, DOC hoặc DOCX");
    await h.feed(documentUpdate(head, doc("bao-cao.xlsx", "application/vnd.ms-excel")));
    expect(h.telegram.lastTextTo(head.id)).toContain("không phải PDF, DOC hoặc DOCX");
    await h.feed(documentUpdate(head, doc("bao-cao.pdf", "application/pdf", 20 * MB + 1)));
    expect(h.telegram.lastTextTo(head.id)).toBe("Tệp lớn hơn 20 MB. Vui lòng nén hoặc tách nhỏ rồi gửi lại.");
    await h.sendSticker(head);
    expect(h.telegram.lastTextTo(head.id)).toContain("Vui lòng gửi tài liệu dưới dạng tệp");
    expect(await files()).toEqual([]);

    // Still asked: a good file now is taken.
    await h.feed(documentUpdate(head, doc("bao-cao.pdf", "application/pdf", 20 * MB)));
    expect(h.telegram.lastTextTo(head.id)).toContain("✅ Đã nhận tệp (bản 1)");
    expect((await files()).map((f) => [f.document_id, f.document_key, f.file_name, f.file_size])).toEqual([
      [
        "bao-cao-thanh-tich",
        (await reportUploadData(h.db, `p:${minh.id}`)).slice("ds:up:1:".length),
        "bao-cao.pdf",
        20 * MB,
      ],
    ]);
    expect(h.telegram.textsTo(head.id).some((t) => t.includes(APOLOGY))).toBe(false);
  });

  it("takes a .docx or .DOC by its extension whatever the mime type, and a PDF without a name", async () => {
    await h.press(head, "ds:up:0:-");
    await h.feed(documentUpdate(head, doc("To trinh 2026.DOCX", "application/octet-stream")));
    expect(h.telegram.lastTextTo(head.id)).toContain("✅ Đã nhận tệp (bản");
    await h.press(head, await reportUploadData(h.db, `p:${minh.id}`));
    await h.feed(documentUpdate(head, doc("bao-cao-minh.doc", "application/x-unknown")));
    expect(h.telegram.lastTextTo(head.id)).toContain("✅ Đã nhận tệp (bản");
    const stored = await files();
    expect(stored.map((f) => [f.document_id, f.file_name, f.mime_type])).toEqual([
      ["to-trinh", "To trinh 2026.DOCX", "application/octet-stream"],
      ["bao-cao-thanh-tich", "bao-cao-minh.doc", "application/x-unknown"],
    ]);
    expect(h.telegram.lastTextTo(head.id)).toContain("Đã đủ tài liệu");

    // A PDF sent without a file name: taken by its type, listed as an unnamed file.
    await h.press(head, "ds:up:0:-");
    const update = documentUpdate(head, doc("x.pdf", "application/pdf"));
    if (update.message?.document) delete update.message.document.file_name;
    await h.feed(update);
    expect(h.telegram.lastTextTo(head.id)).toContain("✅ Tờ trình — <i>tệp không tên</i>");
  });

  it("replacing a file adds version 2 and keeps version 1, both fetchable", async () => {
    await h.press(head, "ds:up:0:-");
    await h.feed(documentUpdate(head, doc("to-trinh-v1.pdf", "application/pdf")));
    const first = await files();
    await h.send(head, "/dossier");
    const replace = h.telegram.lastKeyboardTo(head.id).find((b) => b.callback_data === "ds:up:0:-");
    expect(replace?.text).toBe("🔁 Tờ trình");
    await h.press(head, "ds:up:0:-");
    await h.feed(documentUpdate(head, doc("to-trinh-v2.pdf", "application/pdf")));
    expect(h.telegram.lastTextTo(head.id)).toContain("✅ Đã nhận tệp (bản 2); các bản trước vẫn được lưu.");
    const second = await files();
    expect(second.map((f) => [f.version, f.file_name])).toEqual([
      [1, "to-trinh-v1.pdf"],
      [2, "to-trinh-v2.pdf"],
    ]);
    // The first row is untouched.
    expect(second[0]).toEqual(first[0]);
    expect(second[1]?.file_id).not.toBe(first[0]?.file_id);
    expect(h.telegram.lastTextTo(head.id)).toContain("✅ Tờ trình — <i>to-trinh-v2.pdf</i> · v2");
    expect(h.telegram.lastTextTo(head.id)).not.toContain("to-trinh-v1.pdf");

    // The Office opens the document and finds both versions, newest first, each fetchable.
    await h.send(admin, "/dossier HCTP");
    const open = h.telegram.lastKeyboardTo(admin.id).find((b) => b.text === "📄 Tờ trình");
    expect(open?.callback_data).toBe(`ds:doc:${second[1]?.id}`);
    await h.press(admin, open?.callback_data ?? "");
    const versions = h.telegram.lastTextTo(admin.id);
    expect(versions).toContain("<b>Các bản đã tải lên (2)</b>");
    expect(versions.indexOf("to-trinh-v2.pdf")).toBeLessThan(versions.indexOf("to-trinh-v1.pdf"));
    expect(versions).toContain("<b>Bản 2</b> (đang dùng): <i>to-trinh-v2.pdf</i> — Trần Văn Bình");
    expect(h.telegram.lastKeyboardTo(admin.id).map((b) => [b.text, b.callback_data])).toEqual([
      ["⬇ v2", `ds:get:${second[1]?.id}`],
      ["⬇ v1", `ds:get:${second[0]?.id}`],
      ["◀ Hồ sơ", `ds:u:${hctp}`],
    ]);
    await h.press(admin, `ds:get:${second[0]?.id}`);
    expect(h.telegram.callsOf("sendDocument").at(-1)?.payload).toMatchObject({
      chat_id: admin.id,
      document: first[0]?.file_id,
      caption: expect.stringMatching(
        /^📎 Tờ trình · Phòng Hành chính tư pháp · bản 1, tải lên lúc \d\d:\d\d \d\d\/\d\d\/2026$/,
      ),
    });
  });

  it("a file sent without being asked for is not stored", async () => {
    // The Tờ trình offered after the proposal is dropped by a command: no file is asked for now.
    await h.send(head, "/help");
    await h.feed(documentUpdate(head, doc("to-trinh.pdf", "application/pdf")));
    expect(await files()).toEqual([]);
    expect(h.telegram.lastTextTo(head.id)).not.toContain("Đã nhận tệp");
  });

  it("/cancel while a file is asked for stores nothing", async () => {
    await h.press(head, "ds:up:0:-");
    await h.send(head, "/cancel");
    expect(h.telegram.lastTextTo(head.id)).toBe("Đã hủy, không có gì thay đổi.");
    await h.feed(documentUpdate(head, doc("to-trinh.pdf", "application/pdf")));
    expect(await files()).toEqual([]);
  });
});

describe("getting a file back", () => {
  beforeEach(async () => {
    await h.press(head, "ds:up:0:-");
    await h.feed(documentUpdate(head, doc("to-trinh.pdf", "application/pdf")));
    await h.press(head, await reportUploadData(h.db, `p:${minh.id}`));
    await h.feed(documentUpdate(head, doc("bao-cao-minh.pdf", "application/pdf")));
    await addNomination(
      h.db,
      {
        year: YEAR,
        unitId: kt,
        formId: "giay-khen-giam-doc-so",
        nomineeKind: "individual",
        nomineeId: hoa.id,
        nomineeName: "Phạm Thị Hoa",
        eligible: false,
        resultSummary: JSON.stringify({ met: 0, total: 6, progress: "not_started" }),
        reason: "Có nhiều đóng góp trong năm",
        by: otherHead.id,
        byRole: "unit_head",
        updateId: null,
      },
      h.deps.clock(),
    );
    await h.press(otherHead, "ds:up:0:-");
    await h.feed(documentUpdate(otherHead, doc("to-trinh-kt.pdf", "application/pdf")));
    h.telegram.clear();
  });

  it("the Office gets any unit's file with ds:get, from the buttons of /dossier <code>", async () => {
    await h.send(admin, "/dossier HCTP");
    const stored = await files();
    const buttons = h.telegram.lastKeyboardTo(admin.id);
    expect(buttons.map((b) => [b.text, b.callback_data])).toEqual([
      ["📄 Tờ trình", `ds:doc:${stored[0]?.id}`],
      ["📄 Lê Văn Minh (Giấy khen Giám đốc Sở) – Báo cáo thành tích", `ds:doc:${stored[1]?.id}`],
      ["📄 Bản nháp Tờ trình", `dr:tt:${stored[0]?.unit_id}`],
    ]);
    for (const row of stored) await h.press(admin, `ds:get:${row.id}`);
    expect(h.telegram.callsOf("sendDocument").map((c) => [c.payload.chat_id, c.payload.document])).toEqual(
      stored.map((row) => [admin.id, row.file_id]),
    );
    const ktFile = (await listDossierFiles(h.db, YEAR, kt))[0];
    await h.press(admin, `ds:get:${ktFile?.id}`);
    expect(h.telegram.callsOf("sendDocument").at(-1)?.payload).toMatchObject({
      chat_id: admin.id,
      document: ktFile?.file_id,
    });
    expect(h.telegram.textsTo(admin.id).some((t) => t.includes(APOLOGY))).toBe(false);
  });

  it("a head gets only their own unit's files", async () => {
    const own = await files();
    const ktFile = (await listDossierFiles(h.db, YEAR, kt))[0];
    await h.press(head, `ds:get:${own[1]?.id}`);
    expect(h.telegram.callsOf("sendDocument").at(-1)?.payload).toMatchObject({
      chat_id: head.id,
      document: own[1]?.file_id,
    });
    await h.press(head, `ds:get:${ktFile?.id}`);
    expect(String(lastAlert()?.text)).toBe("Anh/Chị không có quyền lấy tệp này.");
    await h.press(otherHead, `ds:get:${own[0]?.id}`);
    expect(String(lastAlert()?.text)).toBe("Anh/Chị không có quyền lấy tệp này.");
    await h.press(minh, `ds:get:${own[1]?.id}`);
    expect(String(lastAlert()?.text)).toBe("Anh/Chị không có quyền lấy tệp này.");
    expect(h.telegram.callsOf("sendDocument")).toHaveLength(1);
  });
});

describe("/export", () => {
  it("sends the Office an .xlsx workbook, and a .csv of the nominations with `/export csv`", async () => {
    await h.send(admin, "/export");
    expect(uploads.map((u) => [u.method, u.chatId])).toEqual([["sendDocument", String(admin.id)]]);
    expect(uploads[0]?.filename).toMatch(/\.xlsx$/);
    expect(uploads[0]?.filename).toBe("thi-dua-2026.xlsx");
    expect(uploads[0]?.caption).toContain("2026");
    // An .xlsx file is a zip archive.
    expect(uploads[0]?.bytes.subarray(0, 2).toString("latin1")).toBe("PK");

    await h.send(admin, "/export CSV");
    expect(uploads).toHaveLength(2);
    expect(uploads[1]?.method).toBe("sendDocument");
    expect(uploads[1]?.filename).toMatch(/\.csv$/);
    expect(uploads[1]?.bytes.toString("utf8")).toContain("Lê Văn Minh");

    await h.send(admin, "/export xlsx");
    expect(uploads[2]?.filename).toMatch(/\.xlsx$/);

    await h.send(admin, "/export pdf");
    expect(uploads).toHaveLength(3);
    expect(h.telegram.lastTextTo(admin.id)).toContain("Cách dùng: /export");
    expect(h.telegram.textsTo(admin.id).some((t) => t.includes(APOLOGY))).toBe(false);
  });
});
