import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findDossier, listDossierFiles } from "../../db/dossiers.js";
import { listNominations } from "../../db/nominations.js";
import { findUnitByCode } from "../../db/units.js";
import { answerWholeIndividualAssessment } from "../helpers/assessment-answers.js";
import { createHarness, type Harness } from "../helpers/harness.js";
import { registerThroughBot } from "../helpers/scenarios.js";
import { documentUpdate, photoUpdate, stickerUpdate, type TestUser, user } from "../helpers/updates.js";

/**
 * /nominate opens on the first form while the unit may still propose, says what the other forms hold, and,
 * once someone is proposed, names the dossier's next missing file and takes it when sent (issue 15). What is
 * not that file goes where it would have gone.
 */
const admin = user(1001, "Admin");
const head = user(2000, "Bình");
const lan = user(2001, "Lan");
const minh = user(2002, "Minh");
const director = user(3001, "Director");
const GK = 2; // the Director's Giấy khen: the third form of the campaign, the first a head meets
const BK = 1; // the Chủ tịch UBND tỉnh's Bằng khen
const OFFER_TO_TRINH =
  "📎 Gửi tệp <b>Tờ trình</b> vào đây để đưa vào hồ sơ (PDF, DOC hoặc DOCX, tối đa 20 MB).";

let h: Harness;
let hctp = 0;

const pdf = (file_name: string) => ({ file_name, mime_type: "application/pdf", file_size: 100_000 });
const text = (person: TestUser) => h.telegram.lastTextTo(person.id);
const data = (person: TestUser) => h.telegram.lastKeyboardTo(person.id).map((b) => b.callback_data ?? "");
const alert = () => String(h.telegram.callsOf("answerCallbackQuery").at(-1)?.payload.text ?? "");
const files = async (unitId = hctp) =>
  (await listDossierFiles(h.db, 2026, unitId)).map((f) => [f.document_id, f.file_name]);

beforeEach(async () => {
  h = await createHarness({ officeAdminIds: [admin.id], now: "2026-12-01T09:00:00+07:00" });
  await registerThroughBot(h, admin, head, { role: "unit_head", fullName: "Trần Văn Bình" });
  await registerThroughBot(h, admin, lan, { fullName: "Nguyễn Thị Lan" });
  await registerThroughBot(h, admin, minh, { fullName: "Lê Văn Minh" });
  await h.send(admin, "/round open 2026");
  hctp = (await findUnitByCode(h.db, "HCTP"))?.id ?? 0;
  for (const person of [lan, minh]) {
    await h.send(person, "/assess");
    await answerWholeIndividualAssessment(h, person);
    await h.press(person, "as:summary:submit");
  }
  await h.settle();
  h.telegram.clear();
});
afterEach(() => h.close());

describe("/nominate opens on the first form", () => {
  it("shows the Giấy khen at once, with the other forms and the overview a tap away, and asks for no file yet", async () => {
    await h.send(head, "/nominate");
    const screen = text(head);
    expect(screen).toContain("<b>Giấy khen của Giám đốc Sở</b> — Phòng Hành chính tư pháp");
    expect(screen).toContain("Số lượng khen thưởng: 4 tập thể, không quá 10 cá nhân.");
    // Nothing proposed: no other form to sum up, no file to send.
    expect(screen).not.toContain("Đã đề nghị ở hình thức khác");
    expect(screen).not.toContain("📎");
    const labels = h.telegram.lastKeyboardTo(head.id).map((b) => b.text);
    expect(labels.slice(-4)).toEqual([
      "↪ Bằng khen Chủ tịch UBND tỉnh",
      "↪ Bằng khen Thủ tướng Chính phủ",
      "📋 Tổng hợp đề nghị",
      "📁 Hồ sơ đề nghị khen thưởng",
    ]);
    // Every button's data fits Telegram's 64 bytes.
    for (const d of data(head)) expect(Buffer.byteLength(d)).toBeLessThanOrEqual(64);

    // The overview is the old home screen, on its old button.
    await h.press(head, "nm:home");
    expect(text(head)).toContain("Đề nghị khen thưởng năm 2026</b> — Phòng Hành chính tư pháp");
    expect(text(head)).toContain("Chọn hình thức khen thưởng:");
    expect(data(head)).toContain(`nm:f:${GK}:0`);

    // A file sent with nothing proposed is not taken for anything.
    await h.feed(documentUpdate(head, pdf("to-trinh.pdf")));
    expect(await files()).toEqual([]);
  });

  it("sums up what the unit proposed for the other forms", async () => {
    await h.send(head, "/nominate");
    await h.press(head, `nm:a:${GK}:p:${lan.id}:0`);
    await h.press(head, `nm:a:${GK}:p:${minh.id}:0`);
    expect(text(head)).not.toContain("Đã đề nghị ở hình thức khác");
    await h.press(head, `nm:f:${BK}:0`);
    expect(text(head)).toContain("Đã đề nghị ở hình thức khác: Giấy khen Giám đốc Sở: 2.");
    await h.press(head, `nm:a:${BK}:p:${lan.id}:0`);
    await h.press(head, `nm:f:${GK}:0`);
    expect(text(head)).toContain("Đã đề nghị ở hình thức khác: Bằng khen Chủ tịch UBND tỉnh: 1.");
    // A proposal taken back is no longer counted.
    const lanBk = (await listNominations(h.db, 2026, { unitId: hctp })).find(
      (n) => n.form_id !== "giay-khen-giam-doc-so",
    );
    await h.press(head, `nm:f:${BK}:0`);
    await h.press(head, `nm:x:${lanBk?.id}:0`);
    await h.press(head, `nm:f:${GK}:0`);
    expect(text(head)).not.toContain("Đã đề nghị ở hình thức khác");
  });

  it("keeps the overview, with its reason, once the dossier is sent or the deadline passed", async () => {
    await h.send(head, "/nominate");
    await h.press(head, `nm:a:${GK}:p:${lan.id}:0`);
    await h.feed(documentUpdate(head, pdf("to-trinh.pdf")));
    await h.feed(documentUpdate(head, pdf("bctt-lan.pdf")));
    await h.press(head, "ds:sub!");
    expect((await findDossier(h.db, 2026, hctp))?.status).toBe("submitted");

    await h.send(head, "/nominate");
    expect(text(head)).toContain("Đề nghị khen thưởng năm 2026</b> — Phòng Hành chính tư pháp");
    expect(text(head)).toContain("Hồ sơ của đơn vị đã nộp nên chỉ xem được");
    expect(data(head).some((d) => d.startsWith("nm:f:"))).toBe(false);
    // An old form button says why it cannot be used.
    await h.press(head, `nm:f:${GK}:0`);
    expect(alert()).toContain("đã nộp nên chỉ xem được");
  });

  it("past the deadline, /nominate shows the overview and why nobody new can be proposed", async () => {
    h.setNow("2027-01-06T09:00:00+07:00");
    await h.send(head, "/nominate");
    expect(text(head)).toContain("Đề nghị khen thưởng năm 2026</b> — Phòng Hành chính tư pháp");
    expect(text(head)).toContain("Đã hết hạn nộp hồ sơ");
    expect(data(head).some((d) => d.startsWith("nm:f:"))).toBe(false);
  });
});

describe("the next missing file, offered on the form screen", () => {
  beforeEach(async () => {
    await h.send(head, "/nominate");
    await h.press(head, `nm:a:${GK}:p:${lan.id}:0`);
  });

  it("is named once someone is proposed, and the file sent is filed as it; the next is then asked for", async () => {
    expect(text(head)).toContain(OFFER_TO_TRINH);
    await h.feed(documentUpdate(head, pdf("to-trinh.pdf")));
    expect(await files()).toEqual([["to-trinh", "to-trinh.pdf"]]);
    expect(text(head)).toContain(
      "📎 Tiếp theo, Anh/Chị gửi luôn tệp <b>Nguyễn Thị Lan (Giấy khen Giám đốc Sở) – Báo cáo thành tích</b>",
    );
    await h.feed(documentUpdate(head, pdf("bctt-lan.pdf")));
    expect(data(head)[0]).toBe("ds:sub!");

    // With every file in, the form screen says so and asks for none.
    await h.send(head, "/nominate");
    expect(text(head)).toContain("✅ Hồ sơ đã đủ tệp");
    expect(text(head)).not.toContain("📎 Gửi tệp");
  });

  it("names the next file the unit still lacks after the Tờ trình", async () => {
    await h.feed(documentUpdate(head, pdf("to-trinh.pdf")));
    await h.press(head, `nm:f:${GK}:0`);
    expect(text(head)).toContain(
      "📎 Gửi tệp <b>Nguyễn Thị Lan (Giấy khen Giám đốc Sở) – Báo cáo thành tích</b> vào đây",
    );
    await h.feed(documentUpdate(head, pdf("bao-cao.pdf")));
    const lanN = (await listNominations(h.db, 2026, { unitId: hctp }))[0];
    expect((await listDossierFiles(h.db, 2026, hctp)).map((f) => [f.file_name, f.document_key])).toEqual([
      ["to-trinh.pdf", ""],
      ["bao-cao.pdf", `n:${lanN?.id}`],
    ]);
  });

  it("answers typed text briefly and keeps waiting for the file", async () => {
    await h.send(head, "Lê Văn Minh");
    expect(text(head)).toBe(
      "Ở đây Bot chỉ nhận tệp cho hồ sơ (PDF, DOC hoặc DOCX). Anh/Chị vui lòng bấm một nút trên màn hình; để tìm người theo tên, gửi /nominate &lt;tên&gt;.",
    );
    await h.feed(stickerUpdate(head));
    expect(text(head)).toContain("Ở đây Bot chỉ nhận tệp cho hồ sơ");
    await h.feed(photoUpdate(head));
    expect(text(head)).toContain("Hồ sơ không nhận ảnh chụp");
    expect(await files()).toEqual([]);
    await h.feed(documentUpdate(head, pdf("to-trinh.pdf")));
    expect(await files()).toEqual([["to-trinh", "to-trinh.pdf"]]);
  });

  it("answers a file of the wrong type with the types allowed, stores nothing, and takes the right one", async () => {
    await h.feed(
      documentUpdate(head, {
        file_name: "to-trinh.xlsx",
        mime_type: "application/vnd.ms-excel",
        file_size: 9,
      }),
    );
    expect(text(head)).toBe("Tệp này không phải PDF, DOC hoặc DOCX. Vui lòng gửi lại đúng định dạng.");
    expect(await files()).toEqual([]);
    await h.feed(documentUpdate(head, pdf("to-trinh.pdf")));
    expect(await files()).toEqual([["to-trinh", "to-trinh.pdf"]]);
  });

  it("lets a command through, which drops the offer: a file after it is asked about, not filed", async () => {
    await h.send(head, "/status");
    expect(text(head)).toContain("Tình hình hồ sơ đề nghị khen thưởng năm 2026");
    expect(h.telegram.textsTo(head.id).some((t) => t.startsWith("Đã hủy"))).toBe(false);
    await h.feed(documentUpdate(head, pdf("to-trinh.pdf")));
    expect(text(head)).toContain("là tài liệu nào của hồ sơ đề nghị khen thưởng?");
    expect(await files()).toEqual([]);
  });

  it("is dropped by a move to another screen: the overview takes no file", async () => {
    await h.press(head, "nm:home");
    expect(text(head)).toContain("Chọn hình thức khen thưởng:");
    await h.feed(documentUpdate(head, pdf("to-trinh.pdf")));
    expect(text(head)).toContain("là tài liệu nào của hồ sơ đề nghị khen thưởng?");
    expect(await files()).toEqual([]);
  });

  it("gives way to the dossier's own question when the dossier is opened", async () => {
    await h.press(head, "ds:view");
    expect(text(head)).toContain("📎 Anh/Chị gửi luôn tệp <b>Tờ trình</b> vào đây");
    await h.feed(documentUpdate(head, pdf("to-trinh.pdf")));
    expect(await files()).toEqual([["to-trinh", "to-trinh.pdf"]]);
    // One question was open, not two: the next file is the next document, once.
    await h.feed(documentUpdate(head, pdf("bctt-lan.pdf")));
    expect((await files()).map(([document]) => document)).toEqual(["to-trinh", "bao-cao-thanh-tich"]);
  });

  it("does not take a file whose name says it is another document: it asks which, the likeliest first", async () => {
    await h.feed(documentUpdate(head, pdf("BCTT Nguyen Thi Lan.pdf")));
    expect(text(head)).toContain("là tài liệu nào của hồ sơ đề nghị khen thưởng?");
    expect(h.telegram.lastKeyboardTo(head.id)[0]?.text).toBe(
      "📎 Nguyễn Thị Lan (Giấy khen Giám đốc Sở) – Báo cáo thành tích",
    );
    expect(await files()).toEqual([]);
  });

  it("does not file a file under a document filled meanwhile by the nominee", async () => {
    await h.feed(documentUpdate(head, pdf("to-trinh.pdf")));
    // Back on the form: Lan's report is now the file named.
    await h.press(head, `nm:f:${GK}:0`);
    expect(text(head)).toContain(
      "<b>Nguyễn Thị Lan (Giấy khen Giám đốc Sở) – Báo cáo thành tích</b> vào đây",
    );
    // Lan sends her own, from the request she was sent.
    await h.settle();
    const request = h.telegram.lastKeyboardTo(lan.id).find((b) => b.text.includes("Gửi Báo cáo thành tích"));
    await h.press(lan, request?.callback_data ?? "");
    await h.feed(documentUpdate(lan, pdf("lan-tu-gui.pdf")));
    await h.settle();
    // The head's file, sent for what the screen named, is not stored as a second version of hers.
    await h.feed(documentUpdate(head, pdf("scan-0001.pdf")));
    expect(text(head)).toContain("là tài liệu nào của hồ sơ đề nghị khen thưởng?");
    const stored = await listDossierFiles(h.db, 2026, hctp);
    expect(stored.map((f) => [f.file_name, f.uploaded_by])).toEqual([
      ["to-trinh.pdf", head.id],
      ["lan-tu-gui.pdf", lan.id],
    ]);
  });

  it("lets an open self-assessment question have its typed answer, and is dropped", async () => {
    // The head's own self-assessment was left at its first question's account.
    await h.send(head, "/assess");
    await h.press(head, "as:c:chap-hanh:met:yes");
    await h.send(head, "/nominate");
    await h.press(head, `nm:a:${GK}:p:${minh.id}:0`);
    expect(text(head)).toContain(OFFER_TO_TRINH);
    await h.send(head, "Chấp hành tốt mọi chủ trương, chính sách trong năm.");
    expect(text(head)).not.toContain("Ở đây Bot chỉ nhận tệp");
    const items = await h.db.selectFrom("assessment_items").select("item_key").execute();
    expect(items.map((row) => row.item_key)).toContain("c:chap-hanh");
  });

  it("is offered again after a reason typed for a nominee who falls short", async () => {
    await h.press(head, `nm:a:${GK}:p:${head.id}:0`);
    await h.send(head, "Trưởng phòng gương mẫu, hoàn thành xuất sắc nhiệm vụ");
    expect(text(head)).toContain("Đã đề nghị <b>Trần Văn Bình</b>");
    expect(text(head)).toContain(OFFER_TO_TRINH);
    await h.feed(documentUpdate(head, pdf("to-trinh.pdf")));
    expect(await files()).toEqual([["to-trinh", "to-trinh.pdf"]]);
  });
});

describe("the Office, for a unit it proposes", () => {
  let bgd = 0;
  beforeEach(async () => {
    await h.send(admin, "/units sample");
    await registerThroughBot(h, admin, director, {
      unitCode: "BGD",
      unitName: "Ban Giám đốc",
      fullName: "Phạm Minh Đức",
      position: "Giám đốc Sở",
    });
    bgd = (await findUnitByCode(h.db, "BGD"))?.id ?? 0;
    await h.send(director, "/assess");
    await answerWholeIndividualAssessment(h, director);
    await h.press(director, "as:summary:submit");
  });

  it("opens on the first form from the list of units, and the file offered is filed for that unit", async () => {
    await h.send(admin, "/nominate");
    await h.press(admin, `nm:open@${bgd}`);
    expect(text(admin)).toContain("<b>Giấy khen của Giám đốc Sở</b> — Ban Giám đốc");
    await h.press(admin, `nm:a:${GK}:p:${director.id}:0@${bgd}`);
    expect(text(admin)).toContain(OFFER_TO_TRINH);
    await h.feed(documentUpdate(admin, pdf("to-trinh-bgd.pdf")));
    expect(await files(bgd)).toEqual([["to-trinh", "to-trinh-bgd.pdf"]]);
    expect(await files(hctp)).toEqual([]);
    // The chain goes on for the same unit.
    expect(text(admin)).toContain(
      "Tiếp theo, Anh/Chị gửi luôn tệp <b>Phạm Minh Đức (Giấy khen Giám đốc Sở) – Báo cáo thành tích</b>",
    );
    await h.feed(documentUpdate(admin, pdf("bctt-duc.pdf")));
    expect(await files(bgd)).toEqual([
      ["to-trinh", "to-trinh-bgd.pdf"],
      ["bao-cao-thanh-tich", "bctt-duc.pdf"],
    ]);
    expect(data(admin)[0]).toBe(`ds:sub!@${bgd}`);
  });

  it("is told, with the dossier's button, when a file's name says it is another document", async () => {
    await h.send(admin, "/nominate BGD");
    await h.press(admin, `nm:a:${GK}:p:${director.id}:0@${bgd}`);
    await h.feed(documentUpdate(admin, pdf("Bao cao thanh tich Pham Minh Duc.pdf")));
    expect(text(admin)).toContain("Tệp này chưa được lưu");
    expect(data(admin)).toEqual([`ds:u:${bgd}`]);
    expect(await files(bgd)).toEqual([]);
  });
});
