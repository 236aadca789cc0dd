import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listDossierFiles } from "../../db/dossiers.js";
import { listNominations } from "../../db/nominations.js";
import { findUnitByCode } from "../../db/units.js";
import { answerWholeIndividualAssessment } from "../helpers/assessment-answers.js";
import { createHarness, type Harness } from "../helpers/harness.js";
import { registerThroughBot } from "../helpers/scenarios.js";
import { callbackUpdate, documentUpdate, type TestUser, user } from "../helpers/updates.js";

/**
 * Issue 15, item 3: a nominee is asked for their own Báo cáo thành tích through the outbox when proposed, sends
 * it with the request's button, and the head hears of it and keeps or replaces it.
 */
const YEAR = 2026;
const GK = 2; // the Director's Giấy khen is the third form of the campaign
const admin = user(1001, "Admin");
const head = user(2000, "Bình");
const minh = user(2002, "Minh");
const lan = user(2003, "Lan");

let h: Harness;
let hctp = 0;
let minhNomination = 0;

const pdf = (file_name: string) => ({ file_name, mime_type: "application/pdf", file_size: 100_000 });
const files = () => listDossierFiles(h.db, YEAR, hctp);
const alert = () => String(h.telegram.callsOf("answerCallbackQuery").at(-1)?.payload.text ?? "");
const requests = () =>
  h.db
    .selectFrom("reminder_outbox")
    .select(["chat_id", "slot_key", "text"])
    .where("slot_key", "like", "notice:ds-ask:%")
    .execute();
const buttonsOf = (person: TestUser, containing: string) => {
  const call = h.telegram
    .callsOf("sendMessage")
    .findLast((c) => Number(c.payload.chat_id) === person.id && String(c.payload.text).includes(containing));
  const markup = call?.payload.reply_markup as
    | { inline_keyboard?: Array<Array<{ text: string; callback_data?: string }>> }
    | undefined;
  return (markup?.inline_keyboard ?? []).flat().map((b) => [b.text, b.callback_data]);
};

beforeEach(async () => {
  h = await createHarness({ officeAdminIds: [admin.id], now: "2026-12-01T03:00:00Z" });
  await registerThroughBot(h, admin, head, { role: "unit_head", fullName: "Trần Văn Bình" });
  await registerThroughBot(h, admin, minh, { fullName: "Lê Văn Minh" });
  await registerThroughBot(h, admin, lan, { fullName: "Nguyễn Thị Lan" });
  await h.send(admin, "/round open 2026");
  hctp = (await findUnitByCode(h.db, "HCTP"))?.id ?? 0;
  // Minh has not self-assessed: the head types a reason, and the nomination is made by that answer.
  await h.press(head, `nm:a:${GK}:p:${minh.id}`);
  await h.send(head, "Hoàn thành xuất sắc đề án số hoá hồ sơ");
  minhNomination = (await listNominations(h.db, YEAR)).find((n) => n.nominee_id === minh.id)?.id ?? 0;
  await h.settle();
});
afterEach(() => h.close());

describe("the nominee's own Báo cáo thành tích", () => {
  it("is asked of the nominee once per nomination; not of a collective, nor of a head proposing themself", async () => {
    expect((await requests()).map((r) => [r.chat_id, r.slot_key])).toEqual([
      [minh.id, `notice:ds-ask:${minhNomination}`],
    ]);
    expect(h.telegram.textsTo(minh.id).filter((t) => t.includes("tự gửi <b>Báo cáo thành tích</b>"))).toEqual(
      [
        "📎 Anh/Chị được đề nghị <b>Giấy khen Giám đốc Sở</b>. Anh/Chị có thể tự gửi <b>Báo cáo thành tích</b> của mình vào hồ sơ của đơn vị: bấm “📎 Gửi Báo cáo thành tích” rồi gửi tệp (PDF, DOC hoặc DOCX, tối đa 20 MB). Trưởng đơn vị sẽ nhận được và có thể giữ hoặc thay bằng tệp khác. Bấm “📄 Bản nháp” để nhận bản nháp bot soạn sẵn.",
      ],
    );
    expect(buttonsOf(minh, "tự gửi")).toEqual([
      ["📎 Gửi Báo cáo thành tích", `ds:mine:${minhNomination}`],
      ["📄 Bản nháp", `dr:bctt:${minhNomination}`],
    ]);

    // Lan's nomination by one press, and that press handled again (a re-delivered update): one request.
    await h.send(lan, "/assess");
    await answerWholeIndividualAssessment(h, lan);
    await h.press(lan, "as:summary:submit");
    const press = callbackUpdate(head, `nm:a:${GK}:p:${lan.id}`);
    await h.feed(press);
    await h.feed(press);
    // The head proposing themself, and the unit: nobody is asked.
    await h.press(head, `nm:a:${GK}:p:${head.id}`);
    await h.send(head, "Chỉ đạo hoàn thành tốt nhiệm vụ của phòng");
    await h.press(head, `nm:a:${GK}:u:${hctp}`);
    await h.send(head, "Đơn vị hoàn thành xuất sắc nhiệm vụ năm");
    await h.settle();
    const nominations = await listNominations(h.db, YEAR);
    expect(nominations.map((n) => n.nominee_name).sort()).toEqual([
      "Lê Văn Minh",
      "Nguyễn Thị Lan",
      "Phòng Hành chính tư pháp",
      "Trần Văn Bình",
    ]);
    const lanNomination = nominations.find((n) => n.nominee_id === lan.id)?.id;
    expect((await requests()).map((r) => [r.chat_id, r.slot_key])).toEqual([
      [minh.id, `notice:ds-ask:${minhNomination}`],
      [lan.id, `notice:ds-ask:${lanNomination}`],
    ]);
    expect(h.telegram.textsTo(head.id).some((t) => t.includes("tự gửi <b>Báo cáo thành tích</b>"))).toBe(
      false,
    );
  });

  it("the nominee sends it (a wrong type refused), the head is told, sees it, keeps it, then replaces it", async () => {
    await h.press(minh, `ds:mine:${minhNomination}`);
    expect(h.telegram.lastTextTo(minh.id)).toBe(
      "Vui lòng gửi tệp <b>Báo cáo thành tích</b> của Anh/Chị (đề nghị <b>Giấy khen Giám đốc Sở</b>): PDF, DOC hoặc DOCX, tối đa 20 MB, hoặc gửi /cancel để hủy.",
    );
    await h.feed(
      documentUpdate(minh, { file_name: "bctt.xlsx", mime_type: "application/vnd.ms-excel", file_size: 9 }),
    );
    expect(h.telegram.lastTextTo(minh.id)).toBe(
      "Tệp này không phải PDF, DOC hoặc DOCX. Vui lòng gửi lại đúng định dạng.",
    );
    expect(await files()).toEqual([]);

    // Still asked: the PDF is taken, recorded as sent by Minh.
    await h.feed(documentUpdate(minh, pdf("BCTT Le Van Minh.pdf")));
    expect(h.telegram.lastTextTo(minh.id)).toContain("✅ Đã nhận Báo cáo thành tích (bản 1)");
    expect(h.telegram.lastTextTo(minh.id)).toContain("trưởng đơn vị đã được báo");
    const [sent] = await files();
    expect(sent).toMatchObject({
      document_id: "bao-cao-thanh-tich",
      document_key: `n:${minhNomination}`,
      file_name: "BCTT Le Van Minh.pdf",
      uploaded_by: minh.id,
      version: 1,
    });

    await h.settle();
    const notice = h.telegram.textsTo(head.id).filter((t) => t.startsWith("📥"));
    expect(notice).toEqual([
      "📥 <b>Lê Văn Minh</b> đã gửi Báo cáo thành tích (Giấy khen Giám đốc Sở): <i>BCTT Le Van Minh.pdf</i>, bản 1. Tệp đã vào hồ sơ; bấm “✅ Giữ bản này”, hoặc “🔁 Thay bằng tệp khác” để gửi tệp của đơn vị.",
    ]);
    expect(buttonsOf(head, "📥")).toEqual([
      ["✅ Giữ bản này", `ds:ok:${sent?.id}`],
      ["🔁 Thay bằng tệp khác", `ds:up:1:n:${minhNomination}`],
    ]);

    // "Giữ bản này" opens the dossier: Minh's report marked as his, and the Tờ trình asked for (not his).
    await h.press(head, `ds:ok:${sent?.id}`);
    expect(alert()).toBe("Đã giữ Báo cáo thành tích này trong hồ sơ.");
    const dossier = h.telegram.callsOf("editMessageText").at(-1)?.payload.text ?? "";
    expect(dossier).toContain(
      "✅ Lê Văn Minh (Giấy khen Giám đốc Sở) – Báo cáo thành tích — <i>BCTT Le Van Minh.pdf</i> · do người được đề nghị gửi",
    );
    expect(dossier).toContain("📎 Anh/Chị gửi luôn tệp <b>Tờ trình</b>");
    // The head's files then go on from there: the Tờ trình completes the dossier.
    await h.feed(documentUpdate(head, pdf("to-trinh.pdf")));
    expect(h.telegram.lastTextTo(head.id)).toContain("Hồ sơ đã đủ tài liệu.");

    // The head replaces it with the unit's own file: a new version, no longer marked as Minh's.
    await h.press(head, `ds:up:1:n:${minhNomination}`);
    await h.feed(documentUpdate(head, pdf("bctt-minh-ban-sua.pdf")));
    expect(h.telegram.lastTextTo(head.id)).toContain("✅ Đã nhận tệp (bản 2)");
    expect(h.telegram.lastTextTo(head.id)).toContain("<i>bctt-minh-ban-sua.pdf</i> · v2");
    expect(h.telegram.lastTextTo(head.id)).not.toContain("do người được đề nghị gửi");
    const reports = (await files()).filter((f) => f.document_key === `n:${minhNomination}`);
    expect(reports.map((f) => [f.version, f.uploaded_by])).toEqual([
      [1, minh.id],
      [2, head.id],
    ]);
    // The kept version is no longer the current one: pressing "keep" on the old notice says so.
    await h.press(head, `ds:ok:${sent?.id}`);
    expect(alert()).toBe("Báo cáo thành tích này đã được thay bằng bản mới hơn; hồ sơ dùng bản mới nhất.");
  });

  it("after the dossier is sent, the nominee's file is refused with the reason and not stored", async () => {
    await h.press(minh, `ds:mine:${minhNomination}`);
    await h.feed(documentUpdate(minh, pdf("bctt-1.pdf")));
    // Asked again (a question open) while the head sends the dossier.
    await h.press(minh, `ds:mine:${minhNomination}`);
    expect(h.telegram.lastTextTo(minh.id)).toContain("Hồ sơ đang có bản 1: <i>bctt-1.pdf</i>");
    await h.press(head, "ds:up:0:-");
    await h.feed(documentUpdate(head, pdf("to-trinh.pdf")));
    await h.press(head, "ds:sub!");
    expect(h.telegram.lastTextTo(head.id)).not.toContain("Còn thiếu");

    await h.feed(documentUpdate(minh, pdf("bctt-2.pdf")));
    const refusal =
      "Đơn vị đã nộp hồ sơ cho Văn phòng Sở nên Báo cáo thành tích không thay được nữa. Nếu cần sửa, vui lòng báo trưởng đơn vị.";
    expect(h.telegram.lastTextTo(minh.id)).toBe(refusal);
    await h.press(minh, `ds:mine:${minhNomination}`);
    expect(alert()).toBe(refusal);
    expect((await files()).map((f) => f.file_name)).toEqual(["bctt-1.pdf", "to-trinh.pdf"]);
  });

  it("is refused to anyone but the nominee, the head too", async () => {
    await h.press(lan, `ds:mine:${minhNomination}`);
    const refusal =
      "Nút này dành cho chính người được đề nghị khen thưởng; Anh/Chị không gửi được Báo cáo thành tích thay người khác.";
    expect(alert()).toBe(refusal);
    await h.feed(documentUpdate(lan, pdf("bctt-minh.pdf")));
    await h.press(head, `ds:mine:${minhNomination}`);
    expect(alert()).toBe(refusal);
    expect(await files()).toEqual([]);
  });

  it("once the head takes the proposal back, the request's button says so", async () => {
    await h.press(head, `nm:x:${minhNomination}`);
    expect(await listNominations(h.db, YEAR)).toEqual([]);
    await h.press(minh, `ds:mine:${minhNomination}`);
    expect(alert()).toBe(
      "Đề nghị khen thưởng này không còn (đơn vị đã rút), nên không cần gửi Báo cáo thành tích cho đề nghị này.",
    );
  });

  it("in a unit the Office proposes, the Office hears of it, with buttons for that unit", async () => {
    const director = user(3001, "Director");
    await h.send(admin, "/units sample");
    await registerThroughBot(h, admin, director, {
      unitCode: "BGD",
      unitName: "Ban Giám đốc",
      fullName: "Phạm Minh Đức",
      position: "Giám đốc Sở",
    });
    const bgd = (await findUnitByCode(h.db, "BGD"))?.id ?? 0;
    await h.press(admin, `nm:a:${GK}:p:${director.id}:0@${bgd}`);
    await h.send(admin, "Chỉ đạo hoàn thành xuất sắc nhiệm vụ năm");
    await h.settle();
    const nomination = (await listNominations(h.db, YEAR)).find((n) => n.nominee_id === director.id)?.id;
    await h.press(director, `ds:mine:${nomination}`);
    await h.feed(documentUpdate(director, pdf("bctt-duc.pdf")));
    expect(h.telegram.lastTextTo(director.id)).toContain("Văn phòng Sở đã được báo");
    await h.settle();
    const [sent] = await listDossierFiles(h.db, YEAR, bgd);
    expect(sent?.uploaded_by).toBe(director.id);
    expect(h.telegram.textsTo(admin.id).filter((t) => t.startsWith("📥 <b>Phạm Minh Đức</b>"))).toHaveLength(
      1,
    );
    expect(buttonsOf(admin, "📥 <b>Phạm Minh Đức</b>")).toEqual([
      ["✅ Giữ bản này", `ds:ok:${sent?.id}`],
      ["🔁 Thay bằng tệp khác", `ds:up:1:n:${nomination}@${bgd}`],
    ]);
    await h.press(admin, `ds:ok:${sent?.id}`);
    expect(h.telegram.callsOf("editMessageText").at(-1)?.payload.text).toContain(
      "<i>bctt-duc.pdf</i> · do người được đề nghị gửi",
    );
  });
});
