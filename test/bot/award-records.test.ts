import ExcelJS from "exceljs";
import type { Update } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listDossierFiles } from "../../db/dossiers.js";
import {
  addNomination,
  findNomination,
  listNominations,
  moveNomination,
  nominationHistory,
} from "../../db/nominations.js";
import { findUnitByCode } from "../../db/units.js";
import { findUser } from "../../db/users.js";
import { reportKey } from "../../src/domain/nominations.js";
import { buildWorkbook } from "../../src/office/export.js";
import { answerWholeIndividualAssessment } from "../helpers/assessment-answers.js";
import { createHarness, type Harness } from "../helpers/harness.js";
import { councilPasses, registerThroughBot } from "../helpers/scenarios.js";
import { callbackUpdate, documentUpdate, type TestUser, textUpdate, user } from "../helpers/updates.js";

const YEAR = 2026;
const GK = "giay-khen-giam-doc-so";
const TINH = "bang-khen-chu-tich-tinh";
const GK_INDEX = 2;
const TINH_INDEX = 1;
const admin = user(1001, "Admin");
const admin2 = user(1002, "Admin2");
const head = user(2000, "Bình");
const lan = user(2001, "Lan");
const minh = user(2002, "Minh");
/** The Office records the award in late January, after the Director signed. */
const AWARD_DAY = "2027-01-20T03:00:00Z";
const DECISION = "Quyết định số 125/QĐ-STP ngày 15/01/2027 của Giám đốc Sở Tư pháp tỉnh Ninh Bình";

let h: Harness;
let hctp = 0;

const pdf = (name: string) => ({ file_name: name, mime_type: "application/pdf", file_size: 200_000 });
const lastAlert = () => String(h.telegram.callsOf("answerCallbackQuery").at(-1)?.payload.text ?? "");
const keyboardData = (person: TestUser) => h.telegram.lastKeyboardTo(person.id).map((b) => b.callback_data);

async function nominationOf(name: string, formId: string) {
  const found = (await listNominations(h.db, YEAR)).find(
    (n) => n.nominee_name === name && n.form_id === formId,
  );
  if (!found) throw new Error(`no nomination of ${name} for ${formId}`);
  return found;
}

async function upload(person: TestUser, data: string, fileName: string) {
  await h.press(person, data);
  await h.feed(documentUpdate(person, pdf(fileName)));
}

/**
 * Lan (every criterion met) proposed for the Giấy khen and the province's Bằng khen, Minh (no assessment) for
 * the Giấy khen with a reason; the Tờ trình and each report uploaded (Lan's reused for her second form in one
 * tap); the dossier sent.
 */
async function sendDossier(): Promise<{ lanGk: number; lanTinh: number; minhGk: number }> {
  await h.press(head, `nm:a:${GK_INDEX}:p:${lan.id}`);
  await h.press(head, `nm:a:${TINH_INDEX}:p:${lan.id}`);
  await h.press(head, `nm:a:${GK_INDEX}:p:${minh.id}`);
  await h.send(head, "Hoàn thành xuất sắc đề án số hoá hồ sơ");
  const lanGk = (await nominationOf("Nguyễn Thị Lan", GK)).id;
  const lanTinh = (await nominationOf("Nguyễn Thị Lan", TINH)).id;
  const minhGk = (await nominationOf("Lê Văn Minh", GK)).id;
  await upload(head, "ds:up:0:-", "to-trinh.pdf");
  await upload(head, `ds:up:1:${reportKey(lanGk)}`, "lan.pdf");
  // The same person proposed for another form: the file just sent is offered for it, in one tap.
  const reuse = h.telegram
    .lastKeyboardTo(head.id)
    .find((b) => b.callback_data?.startsWith("ds:re:") && b.callback_data.endsWith(`:${lanTinh}`));
  expect(reuse?.text).toBe("📎 Dùng tệp này cho Bằng khen Chủ tịch UBND tỉnh");
  await h.press(head, reuse?.callback_data ?? "");
  await upload(head, `ds:up:1:${reportKey(minhGk)}`, "minh.pdf");
  await h.press(head, "ds:sub!");
  await h.settle();
  return { lanGk, lanTinh, minhGk };
}

/**
 * Handles an update, then again as after a crash that cut its first handling short: the process died before
 * it marked the update done and before its conversations' state was saved, and the notices it had put in the
 * outbox were not sent (the worst case: they are gone), so handling it again must put them back.
 */
async function handledAcrossCrash(update: Update) {
  const conversations = await h.db.selectFrom("conversation_state").selectAll().execute();
  await h.feed(update);
  await h.db.deleteFrom("conversation_state").execute();
  if (conversations.length > 0) await h.db.insertInto("conversation_state").values(conversations).execute();
  await h.db.deleteFrom("processed_updates").where("update_id", "=", update.update_id).execute();
  await h.db
    .deleteFrom("reminder_outbox")
    .where("kind", "=", "notice")
    .where("status", "=", "pending")
    .execute();
  await h.feed(update);
}

/** The Office takes a nomination for review and puts it to the Council. */
async function recommend(id: number) {
  await h.press(admin, `nt:${id}:under_review`);
  await h.press(admin, `nt:${id}:recommended`);
}

/** Put to the Council, which passes it: the Office may record the Director's decision. */
async function passedByCouncil(id: number) {
  await recommend(id);
  await councilPasses(h.db, id, h.deps.clock());
}

/** An Office member types in a decision, field by field, up to its confirmation. */
async function typeDecision(office: TestUser, id: number) {
  await h.press(office, `nt:${id}:awarded`);
  await h.send(office, "125/QĐ-STP");
  await h.send(office, "15/01/2027");
  await h.send(office, "Giám đốc Sở Tư pháp tỉnh Ninh Bình");
}

async function award(id: number) {
  await typeDecision(admin, id);
  await h.press(admin, `aw:ok:${id}`);
  await h.settle();
}

beforeEach(async () => {
  h = await createHarness({ officeAdminIds: [admin.id, admin2.id], now: "2026-12-01T03:00:00Z" });
  await registerThroughBot(h, admin, head, { role: "unit_head", fullName: "Trần Văn Bình" });
  await registerThroughBot(h, admin, lan, { fullName: "Nguyễn Thị Lan" });
  await registerThroughBot(h, admin, minh, { fullName: "Lê Văn Minh" });
  await h.send(admin, "/round open 2026");
  // Everyone hears of the round now, so that what follows reads only the notices it causes.
  await h.settle();
  await h.send(lan, "/assess");
  await answerWholeIndividualAssessment(h, lan);
  await h.press(lan, "as:summary:submit");
  hctp = (await findUnitByCode(h.db, "HCTP"))?.id ?? 0;
  h.telegram.clear();
});
afterEach(() => h.close());

describe("a report per nomination", () => {
  it("gives Lan a report for each form, the second one the same file in one tap", async () => {
    const { lanGk, lanTinh } = await sendDossier();
    const files = await listDossierFiles(h.db, YEAR, hctp);
    const gk = files.find((f) => f.document_key === reportKey(lanGk));
    const tinh = files.find((f) => f.document_key === reportKey(lanTinh));
    expect(gk?.file_name).toBe("lan.pdf");
    expect(tinh).toMatchObject({ file_name: "lan.pdf", file_id: gk?.file_id, version: 1 });
    expect(tinh?.id).not.toBe(gk?.id);
  });
});

describe("an award is a decision", () => {
  it("asks the number, date and issuer, re-asks what is wrong, shows it whole, and stores it on confirmation", async () => {
    const { lanGk } = await sendDossier();
    await passedByCouncil(lanGk);
    h.setNow(AWARD_DAY);
    await h.press(admin, `nt:${lanGk}:awarded`);
    expect(h.telegram.lastTextTo(admin.id)).toContain("Vui lòng gửi <b>số, ký hiệu quyết định</b>");
    await h.send(admin, "125");
    expect(h.telegram.lastTextTo(admin.id)).toContain("Số quyết định chưa đúng dạng");
    await h.send(admin, "125 / qd - STP");
    expect(h.telegram.lastTextTo(admin.id)).toContain("Vui lòng gửi <b>ngày ký quyết định</b>");
    await h.send(admin, "31/02/2027");
    expect(h.telegram.lastTextTo(admin.id)).toContain("Không có ngày này trên lịch");
    await h.send(admin, "21/01/2027");
    expect(h.telegram.lastTextTo(admin.id)).toContain("không thể sau hôm nay");
    await h.send(admin, "31/12/2025");
    expect(h.telegram.lastTextTo(admin.id)).toContain("không thể ký trước năm 2026");
    await h.send(admin, "15/01/2027");
    expect(h.telegram.lastTextTo(admin.id)).toContain("cơ quan, người ban hành quyết định");
    // The usual issuer of this form is one tap away (a reply keyboard sends it as text).
    const issuerPrompt = h.telegram.callsOf("sendMessage").at(-1)?.payload;
    expect(issuerPrompt?.reply_markup).toMatchObject({
      keyboard: [[{ text: "Giám đốc Sở Tư pháp tỉnh Ninh Bình" }]],
      one_time_keyboard: true,
    });
    await h.send(admin, "x");
    expect(h.telegram.lastTextTo(admin.id)).toContain("từ 3 đến 200 ký tự");
    await h.send(admin, "Giám đốc Sở Tư pháp tỉnh Ninh Bình");
    const confirm = h.telegram.lastTextTo(admin.id);
    expect(confirm).toContain("Vui lòng kiểm tra trước khi ghi nhận");
    expect(confirm).toContain(DECISION);
    expect(keyboardData(admin)).toEqual([`aw:ok:${lanGk}`, `aw:no:${lanGk}`]);
    // Nothing is recorded before the confirmation.
    expect((await findNomination(h.db, lanGk))?.status).toBe("council_passed");

    // Confirmed, then the same press handled again after a crash: one decision, one move, one notice each.
    await handledAcrossCrash(callbackUpdate(admin, `aw:ok:${lanGk}`));
    await h.settle();
    expect(await findNomination(h.db, lanGk)).toMatchObject({
      status: "awarded",
      decision_number: "125/QĐ-STP",
      decision_date: "2027-01-15",
      decision_issuer: "Giám đốc Sở Tư pháp tỉnh Ninh Bình",
    });
    const awarded = (await nominationHistory(h.db, lanGk)).filter((e) => e.to_status === "awarded");
    expect(awarded).toHaveLength(1);
    expect(JSON.parse(awarded[0]?.decision ?? "{}")).toEqual({
      number: "125/QĐ-STP",
      date: "2027-01-15",
      issuer: "Giám đốc Sở Tư pháp tỉnh Ninh Bình",
    });
    const notice = `🏅 <b>Nguyễn Thị Lan</b> đã được khen thưởng: Giấy khen của Giám đốc Sở.\n${DECISION}.`;
    expect(h.telegram.textsTo(head.id).filter((t) => t === notice)).toHaveLength(1);
    expect(h.telegram.textsTo(lan.id).filter((t) => t === notice)).toHaveLength(1);
    expect(h.telegram.textsTo(admin.id).filter((t) => t === notice)).toHaveLength(0);

    // The card, /nominations, /status and the export show the decision.
    await h.press(admin, `no:${lanGk}`);
    expect(h.telegram.lastTextTo(admin.id)).toContain(`Quyết định khen thưởng: ${DECISION}`);
    await h.send(admin, "/nominations");
    expect(h.telegram.lastTextTo(admin.id)).toContain("<i>đã được khen thưởng</i> · 125/QĐ-STP");
    await h.send(admin, "/status HCTP");
    expect(h.telegram.lastTextTo(admin.id)).toContain("<i>đã được khen thưởng</i> · 125/QĐ-STP");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await buildWorkbook(h.deps, YEAR, "vi")) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[1];
    if (!sheet) throw new Error("no nominations sheet");
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const row = sheet.getRows(2, sheet.rowCount - 1)?.find((r) => r.getCell(1).value === lanGk);
    const cell = (name: string) => String(row?.getCell(header.indexOf(name)).value ?? "");
    expect(cell("Số quyết định khen thưởng")).toBe("125/QĐ-STP");
    expect(cell("Ngày quyết định")).toBe("15/01/2027");
    expect(cell("Cơ quan, người ban hành quyết định")).toBe("Giám đốc Sở Tư pháp tỉnh Ninh Bình");
  });

  it("keeps the answers typed in across a pause: the decision is a draft in the database until confirmed or dropped", async () => {
    const { lanGk } = await sendDossier();
    await passedByCouncil(lanGk);
    h.setNow(AWARD_DAY);
    await typeDecision(admin, lanGk);
    expect(await h.db.selectFrom("award_drafts").selectAll().execute()).toMatchObject([
      { nomination_id: lanGk, office_id: admin.id, decision_number: "125/QĐ-STP" },
    ]);
    await h.press(admin, `aw:no:${lanGk}`);
    expect(lastAlert()).toBe("Đã hủy; chưa ghi nhận gì.");
    expect(await h.db.selectFrom("award_drafts").selectAll().execute()).toEqual([]);
    expect((await findNomination(h.db, lanGk))?.status).toBe("council_passed");
    // A confirmation pressed after dropping it records nothing.
    await h.press(admin, `aw:ok:${lanGk}`);
    expect(lastAlert()).toContain("Chưa đủ thông tin quyết định");
    expect((await findNomination(h.db, lanGk))?.status).toBe("council_passed");
  });

  it("stores one decision when two Office members award at once, and tells the second whose it is", async () => {
    const { lanGk } = await sendDossier();
    await passedByCouncil(lanGk);
    h.setNow(AWARD_DAY);
    await typeDecision(admin, lanGk);
    await h.press(admin2, `nt:${lanGk}:awarded`);
    await h.send(admin2, "999/QĐ-STP");
    await h.send(admin2, "16/01/2027");
    await h.send(admin2, "Giám đốc Sở");
    const before = h.telegram.callsOf("answerCallbackQuery").length;
    await Promise.all([h.press(admin, `aw:ok:${lanGk}`), h.press(admin2, `aw:ok:${lanGk}`)]);
    const alerts = h.telegram
      .callsOf("answerCallbackQuery")
      .slice(before)
      .map((call) => String(call.payload.text ?? ""));
    // One of them recorded it; the other is told whose decision stands.
    expect(alerts.filter((text) => text === "Đã ghi nhận khen thưởng.")).toHaveLength(1);
    const refused = alerts.find((text) => text.includes("ghi nhận khen thưởng lúc"));
    const stored = await findNomination(h.db, lanGk);
    expect(["125/QĐ-STP", "999/QĐ-STP"]).toContain(stored?.decision_number);
    expect(refused).toContain(`Quyết định số ${stored?.decision_number}`);
    expect((await nominationHistory(h.db, lanGk)).filter((e) => e.to_status === "awarded")).toHaveLength(1);
    // Its own "award" button pressed again shows the card, with nothing to type.
    await h.press(admin2, `nt:${lanGk}:awarded`);
    expect(h.telegram.lastTextTo(admin2.id)).toContain(`Quyết định số ${stored?.decision_number}`);
  });

  it("refuses a stale award button after someone recorded the province's refusal, saying where it stands", async () => {
    const { lanTinh } = await sendDossier();
    await passedByCouncil(lanTinh);
    // The Sở's Tờ trình went to the province (its own record is not this test's subject).
    await moveNomination(
      h.db,
      {
        id: lanTinh,
        from: "council_passed",
        to: "province_proposed",
        by: admin.id,
        byRole: "office",
        reason: null,
        updateId: null,
      },
      h.deps.clock(),
    );
    h.setNow(AWARD_DAY);
    await h.press(admin, `nt:${lanTinh}:awarded`);
    await h.send(admin, "125/QĐ-UBND");
    // Meanwhile another Office member records that the province declined it.
    await h.press(admin2, `nt:${lanTinh}:declined`);
    await h.send(admin2, "Công văn số 12 của Sở Nội vụ: chưa đủ thời gian công tác");
    await h.send(admin, "15/01/2027");
    expect(h.telegram.lastTextTo(admin.id)).toMatch(
      /^Không ghi nhận khen thưởng được: đề nghị đang ở bước “cấp có thẩm quyền không khen thưởng” \(Văn phòng Sở, \d\d:\d\d 20\/01\/2027\)/,
    );
    await h.press(admin, `nt:${lanTinh}:awarded`);
    expect(lastAlert()).toContain("đề nghị đang ở bước “cấp có thẩm quyền không khen thưởng”");
    expect((await findNomination(h.db, lanTinh))?.status).toBe("declined");
  });

  it("takes a decision dated today just after local midnight (the date is Vietnam's, not UTC's)", async () => {
    const { lanGk } = await sendDossier();
    await passedByCouncil(lanGk);
    // 00:30 on 21/01/2027 in Vietnam is still 20/01 in UTC.
    h.setNow("2027-01-20T17:30:00Z");
    await h.press(admin, `nt:${lanGk}:awarded`);
    await h.send(admin, "125/QĐ-STP");
    await h.send(admin, "21/01/2027");
    expect(h.telegram.lastTextTo(admin.id)).toContain("cơ quan, người ban hành quyết định");
  });

  it("an Office member undoes the award with a reason: a move of its own, the decision kept in the history", async () => {
    const { lanGk } = await sendDossier();
    await passedByCouncil(lanGk);
    h.setNow(AWARD_DAY);
    await award(lanGk);
    const history = await nominationHistory(h.db, lanGk);
    const last = history.at(-1);
    await h.press(admin, `no:${lanGk}`);
    const undo = h.telegram
      .lastKeyboardTo(admin.id)
      .find((b) => b.callback_data === `nu:${lanGk}:${last?.id}`);
    expect(undo?.text).toBe("↩️ Hoàn tác “đã được khen thưởng”");
    await h.press(admin, undo?.callback_data ?? "");
    expect(h.telegram.lastTextTo(admin.id)).toContain("Vui lòng nêu lý do");
    await h.send(admin, "Nhập nhầm số quyết định");
    expect(h.telegram.lastTextTo(admin.id)).toContain("Đã hoàn tác");
    const after = await findNomination(h.db, lanGk);
    expect(after).toMatchObject({ status: "council_passed", decision_number: null, decision_date: null });
    const undone = (await nominationHistory(h.db, lanGk)).at(-1);
    expect(undone).toMatchObject({
      from_status: "awarded",
      to_status: "council_passed",
      undo_of: last?.id,
      reason: "Nhập nhầm số quyết định",
      by_role: "office",
    });
    const card = h.telegram.lastTextTo(admin.id);
    expect(card).toContain(`Hội đồng Thi đua - Khen thưởng đã thông qua → đã được khen thưởng — ${DECISION}`);
    expect(card).toContain("hoàn tác: đã được khen thưởng → Hội đồng Thi đua - Khen thưởng đã thông qua");
    await h.settle();
    expect(h.telegram.lastTextTo(lan.id)).toContain("Văn phòng Sở điều chỉnh đề nghị khen thưởng");
    expect(h.telegram.lastTextTo(head.id)).toContain("Nhập nhầm số quyết định");
    // The old undo button no longer matches the last move.
    await h.press(admin, undo?.callback_data ?? "");
    expect(lastAlert()).toContain("Đề nghị đã được chuyển bước khác");
  });
});

describe("locked once decided", () => {
  it("returning Minh's nomination reopens only Minh's and the Tờ trình; Lan's, recommended, stays as sent", async () => {
    const { lanGk, lanTinh, minhGk } = await sendDossier();
    await recommend(lanGk);
    await h.press(admin, `nt:${minhGk}:returned`);
    await h.send(admin, "Báo cáo thiếu số liệu minh chứng");
    await h.settle();

    await h.send(head, "/dossier");
    const screen = h.telegram.lastTextTo(head.id);
    expect(screen).toContain("🔒");
    expect(screen).toContain("Văn phòng Sở đang thẩm định hoặc đã quyết định");
    const uploads = keyboardData(head).filter((d) => d?.startsWith("ds:up:"));
    expect(uploads).toEqual(["ds:up:0:-", `ds:up:1:${reportKey(minhGk)}`]);

    // A stale upload button for Lan's report is refused, and says why.
    await h.press(head, `ds:up:1:${reportKey(lanGk)}`);
    expect(lastAlert()).toContain("đề nghị đã được trình lên (Hội đồng Thi đua - Khen thưởng hoặc cấp trên)");
    await h.press(head, `ds:up:1:${reportKey(lanTinh)}`);
    expect(lastAlert()).toContain("Văn phòng Sở đang giữ đề nghị này để thẩm định");
    // Nor can the unit withdraw it.
    await h.press(head, `nm:x:${lanGk}`);
    expect(lastAlert()).toContain("không rút được");
    expect((await findNomination(h.db, lanGk))?.status).toBe("recommended");
    // Lan's answers stand behind it.
    await h.send(lan, "/assess");
    expect(h.telegram.lastTextTo(lan.id)).toContain(
      "Bản tự đánh giá này là căn cứ của một đề nghị khen thưởng (trạng thái: đã trình Hội đồng Thi đua - Khen thưởng)",
    );

    // The returned one and the Tờ trình take new versions; the resubmission says what changed.
    await upload(head, "ds:up:0:-", "to-trinh-ky.pdf");
    await upload(head, `ds:up:1:${reportKey(minhGk)}`, "minh-v2.pdf");
    await h.press(head, "ds:sub!");
    await h.settle();
    const notice = h.telegram.lastTextTo(admin.id);
    expect(notice).toContain("đã <b>nộp lại</b> hồ sơ đề nghị khen thưởng năm 2026 (lần 2)");
    expect(notice).toContain("Thay đổi so với lần nộp trước:");
    expect(notice).toContain("✏️ Đã sửa, bổ sung theo yêu cầu: Lê Văn Minh (Giấy khen Giám đốc Sở)");
    expect(notice).toContain("🔁 Tờ trình: thay «to-trinh.pdf» bằng «to-trinh-ky.pdf»");
    expect(notice).toContain(
      "🔁 Báo cáo thành tích của Lê Văn Minh (Giấy khen Giám đốc Sở): thay «minh.pdf» bằng «minh-v2.pdf»",
    );
    expect(notice).not.toContain("Nguyễn Thị Lan");
    expect((await findNomination(h.db, minhGk))?.status).toBe("submitted");
    expect((await findNomination(h.db, lanGk))?.status).toBe("recommended");
  });

  it("checks the lock where the file is stored: a file asked for before a second head sent the dossier is refused", async () => {
    const { minhGk } = await sendDossier();
    await h.press(admin, `nt:${minhGk}:returned`);
    await h.send(admin, "Báo cáo thiếu số liệu minh chứng");
    const head2 = user(2003, "Hòa");
    await registerThroughBot(h, admin, head2, { role: "unit_head", fullName: "Phạm Thị Hòa" });
    // The first head asks to replace Minh's report; the second sends the dossier meanwhile.
    await h.press(head, `ds:up:1:${reportKey(minhGk)}`);
    expect(h.telegram.lastTextTo(head.id)).toContain("Vui lòng gửi tệp");
    await h.press(head2, "ds:sub!");
    expect((await findNomination(h.db, minhGk))?.status).toBe("submitted");
    const versions = (await listDossierFiles(h.db, YEAR, hctp)).length;
    await h.feed(documentUpdate(head, pdf("minh-muon.pdf")));
    expect(h.telegram.lastTextTo(head.id)).toContain("Hồ sơ của đơn vị đã nộp nên chỉ xem được");
    expect(await listDossierFiles(h.db, YEAR, hctp)).toHaveLength(versions);
  });

  it("a rejected nomination's report is refused with the reason, and the resubmission does not call it withdrawn", async () => {
    const { lanTinh, minhGk } = await sendDossier();
    await h.press(admin, `nt:${lanTinh}:rejected`);
    await h.send(admin, "Chưa đủ thành tích cấp tỉnh");
    await h.press(admin, `nt:${minhGk}:returned`);
    await h.send(admin, "Báo cáo thiếu số liệu minh chứng");
    await h.press(head, `ds:up:1:${reportKey(lanTinh)}`);
    expect(lastAlert()).toContain("Văn phòng Sở đã quyết định không trình Hội đồng Thi đua - Khen thưởng");
    await upload(head, `ds:up:1:${reportKey(minhGk)}`, "minh-v2.pdf");
    await h.press(head, "ds:sub!");
    await h.settle();
    const notice = h.telegram.lastTextTo(admin.id);
    expect(notice).toContain("(lần 2)");
    expect(notice).not.toContain("Đơn vị đã rút");
    expect(notice).toContain("✏️ Đã sửa, bổ sung theo yêu cầu: Lê Văn Minh (Giấy khen Giám đốc Sở)");
  });

  it("after a crash, a sending and a return handled again still tell of themselves, once", async () => {
    const { minhGk } = await sendDossier();
    // The whole dossier returned, and the reason's update handled again after a crash.
    await h.press(admin, `ds:ret:${hctp}`);
    await handledAcrossCrash(textUpdate(admin, "Tờ trình thiếu chữ ký của thủ trưởng"));
    await h.settle();
    const returned = (t: string) => t.startsWith("↩️ Văn phòng Sở trả lại hồ sơ đề nghị khen thưởng năm 2026");
    expect(h.telegram.textsTo(head.id).filter(returned)).toHaveLength(1);
    const minhReturned = (t: string) =>
      t.startsWith("↩️ Văn phòng Sở trả lại đề nghị khen thưởng <b>Lê Văn Minh</b>");
    expect(h.telegram.textsTo(minh.id).filter(minhReturned)).toHaveLength(1);

    // Sent again, and the press handled again after a crash.
    await upload(head, `ds:up:1:${reportKey(minhGk)}`, "minh-v2.pdf");
    await handledAcrossCrash(callbackUpdate(head, "ds:sub!"));
    await h.settle();
    const resent = (t: string) => t.includes("đã <b>nộp lại</b> hồ sơ");
    expect(h.telegram.textsTo(admin.id).filter(resent)).toHaveLength(1);
    expect(
      (await h.db.selectFrom("dossier_submissions").select("number").execute()).map((r) => r.number),
    ).toEqual([1, 2]);
  });

  it("tells the nominee and the head of each move, once, and not the one who made it", async () => {
    const { lanGk } = await sendDossier();
    // Sent: Lan hears her nomination went to the Office; the head sent it himself.
    expect(h.telegram.textsTo(lan.id).filter((t) => t.startsWith("📤"))).toHaveLength(2);
    expect(h.telegram.textsTo(head.id).filter((t) => t.startsWith("📤"))).toHaveLength(0);
    await h.press(admin, `nt:${lanGk}:under_review`);
    await h.settle();
    // Under review is the Office's own business, and so is undoing it.
    expect(h.telegram.lastTextTo(lan.id)).toContain("📤");
    const review = (await nominationHistory(h.db, lanGk)).at(-1);
    await h.press(admin, `nu:${lanGk}:${review?.id}`);
    await h.send(admin, "Nhận nhầm đề nghị");
    await h.press(admin, `nt:${lanGk}:under_review`);
    await h.settle();
    expect(h.telegram.lastTextTo(lan.id)).toContain("📤");
    expect(h.telegram.textsTo(head.id).some((t) => t.includes("điều chỉnh"))).toBe(false);
    await handledAcrossCrash(callbackUpdate(admin, `nt:${lanGk}:recommended`));
    await h.settle();
    const recommended = (t: string) =>
      t.startsWith(
        "📌 Đề nghị khen thưởng <b>Nguyễn Thị Lan</b> (Giấy khen của Giám đốc Sở): đã trình Hội đồng",
      );
    expect(h.telegram.textsTo(lan.id).filter(recommended)).toHaveLength(1);
    expect(h.telegram.textsTo(head.id).filter(recommended)).toHaveLength(1);
    expect(h.telegram.textsTo(admin.id).filter(recommended)).toHaveLength(0);
  });
});

describe("erasure keeps the record, not the person", () => {
  it("an awarded nominee erases her data: the nomination, its files, history, decision and quota stay", async () => {
    const { lanGk, lanTinh } = await sendDossier();
    await passedByCouncil(lanGk);
    h.setNow(AWARD_DAY);
    await award(lanGk);
    // A draft never sent goes with her.
    const draft = await addNomination(
      h.db,
      {
        year: YEAR,
        unitId: hctp,
        formId: "bang-khen-thu-tuong",
        nomineeKind: "individual",
        nomineeId: lan.id,
        nomineeName: "Nguyễn Thị Lan",
        eligible: true,
        resultSummary: JSON.stringify({ met: 6, total: 6, progress: "submitted" }),
        reason: null,
        by: head.id,
        byRole: "unit_head",
        updateId: null,
      },
      h.deps.clock(),
    );
    const filesBefore = await listDossierFiles(h.db, YEAR, hctp);
    const historyBefore = await nominationHistory(h.db, lanGk);
    await h.send(admin, "/quota");
    const quotaBefore = h.telegram.lastTextTo(admin.id);
    expect(quotaBefore).toContain("Cá nhân: 1/10");

    await h.send(lan, "/me");
    await h.press(lan, "me:delete");
    const confirm = h.telegram.lastTextTo(lan.id);
    expect(confirm).toContain("<b>Sẽ xóa:</b> liên kết với tài khoản Telegram");
    expect(confirm).toContain("Cùng 1 đề nghị khen thưởng chưa gửi Văn phòng Sở.");
    expect(confirm).toContain("<b>Được giữ lại</b> làm hồ sơ của Sở");
    expect(confirm).toContain("• Giấy khen Giám đốc Sở năm 2026 (đã được khen thưởng)");
    expect(confirm).toContain("• Bằng khen Chủ tịch UBND tỉnh năm 2026 (chờ Văn phòng Sở tiếp nhận)");
    expect(confirm).toContain("Pháp luật về bảo vệ dữ liệu cá nhân cho phép giữ dữ liệu");
    await h.press(lan, "me:delete:yes");
    expect(h.telegram.lastTextTo(lan.id)).toContain("2 đề nghị khen thưởng đã gửi Văn phòng Sở được giữ lại");

    // The person is gone: no user, no link to her Telegram id anywhere.
    expect(await findUser(h.db, lan.id)).toBeUndefined();
    for (const [table, column] of [
      ["preferences", "telegram_id"],
      ["registration_drafts", "telegram_id"],
      ["unreachable_chats", "chat_id"],
      ["reminder_outbox", "chat_id"],
      ["nomination_history", "by"],
      ["dossier_file_versions", "uploaded_by"],
      ["award_drafts", "office_id"],
      ["assessment_changes", "changed_by"],
    ] as const)
      expect(
        await h.db.selectFrom(table).selectAll().where(column, "=", lan.id).execute(),
        `${table}.${column}`,
      ).toEqual([]);
    expect(
      await h.db.selectFrom("conversation_state").selectAll().where("key", "=", String(lan.id)).execute(),
    ).toEqual([]);
    const nominations = await h.db.selectFrom("nominations").selectAll().orderBy("id").execute();
    expect(nominations.some((n) => n.nominee_id === lan.id)).toBe(false);
    expect(nominations.find((n) => n.id === draft?.id)).toBeUndefined();
    const assessments = await h.db.selectFrom("assessments").select("subject_id").execute();
    expect(assessments.some((a) => a.subject_id === lan.id)).toBe(false);
    // The record stays, under her name as it was.
    expect(await findNomination(h.db, lanGk)).toMatchObject({
      nominee_name: "Nguyễn Thị Lan",
      status: "awarded",
      decision_number: "125/QĐ-STP",
    });
    expect((await findNomination(h.db, lanTinh))?.status).toBe("submitted");
    expect(await listDossierFiles(h.db, YEAR, hctp)).toEqual(filesBefore);
    expect(await nominationHistory(h.db, lanGk)).toEqual(historyBefore);
    await h.send(admin, "/quota");
    expect(h.telegram.lastTextTo(admin.id)).toBe(quotaBefore);
    await h.press(admin, `no:${lanGk}`);
    expect(h.telegram.lastTextTo(admin.id)).toContain("Người được đề nghị đã xóa dữ liệu cá nhân khỏi bot");
    // The self-assessment behind her award stays in the export, under her name.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await buildWorkbook(h.deps, YEAR, "vi")) as unknown as ArrayBuffer);
    const names: string[] = [];
    workbook.worksheets[2]?.getColumn(2).eachCell((cell) => names.push(String(cell.value)));
    expect(names).toContain("Nguyễn Thị Lan");

    // Her head and the Office are told, with what stays.
    await h.settle();
    for (const reader of [head, admin]) {
      const told = h.telegram.lastTextTo(reader.id);
      expect(told).toContain("👋 <b>Nguyễn Thị Lan</b> đã xóa dữ liệu cá nhân khỏi bot");
      expect(told).toContain("• Giấy khen Giám đốc Sở năm 2026 (đã được khen thưởng)");
    }
  });

  it("the head who acted on a record erases their data: their name stays on the moves, their id goes", async () => {
    const { lanGk } = await sendDossier();
    await h.send(head, "/me");
    await h.press(head, "me:delete");
    expect(h.telegram.lastTextTo(head.id)).toContain(
      "<b>Được giữ lại</b>: họ tên của Anh/Chị ở các bước Anh/Chị đã thực hiện trên hồ sơ khen thưởng",
    );
    await h.press(head, "me:delete:yes");
    const history = await nominationHistory(h.db, lanGk);
    expect(history.map((e) => [e.by, e.by_name])).toEqual([
      [0, "Trần Văn Bình"],
      [0, "Trần Văn Bình"],
    ]);
    const files = await listDossierFiles(h.db, YEAR, hctp);
    expect(files.every((f) => f.uploaded_by === 0 && f.uploaded_by_name === "Trần Văn Bình")).toBe(true);
    await h.press(admin, `no:${lanGk}`);
    expect(h.telegram.lastTextTo(admin.id)).toContain("Trần Văn Bình: lập đề nghị");
  });
});

describe("a typed answer for the wrong errand", () => {
  it("a text sent while nothing is asked is not taken for a decision", async () => {
    const { lanGk } = await sendDossier();
    await passedByCouncil(lanGk);
    await h.feed(textUpdate(admin, "125/QĐ-STP"));
    expect((await findNomination(h.db, lanGk))?.decision_number).toBeNull();
    expect(await h.db.selectFrom("award_drafts").selectAll().execute()).toEqual([]);
  });
});
