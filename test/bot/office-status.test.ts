import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ensureAssessment, submitAssessment } from "../../db/assessments.js";
import { addDocumentVersion, submitDossier } from "../../db/dossiers.js";
import { addNomination, listNominations, moveNomination } from "../../db/nominations.js";
import type { Role } from "../../db/schema.js";
import { findUnitByCode } from "../../db/units.js";
import type { NominationStatus } from "../../src/domain/nominations.js";
import { MESSAGE_LIMIT } from "../../src/paging.js";
import { answerWholeIndividualAssessment } from "../helpers/assessment-answers.js";
import { createHarness, type Harness } from "../helpers/harness.js";
import { insertUser, reportKeyFor, reportUploadData } from "../helpers/scenarios.js";
import { documentUpdate, type TestUser, user } from "../helpers/updates.js";

const YEAR = 2026;
const GK = "giay-khen-giam-doc-so";
const TINH = "bang-khen-chu-tich-tinh";
const admin = user(1001, "Admin");

// CHUALAM: nothing done.
const chung = user(3001, "Chung");
const dung = user(3002, "Dung");
// DANHGIA: every self-assessment submitted, nothing else.
const giang = user(3101, "Giang");
const hanh = user(3102, "Hạnh");
// DANOP: complete, dossier submitted in time.
const khoa = user(3301, "Khoa");
const mai = user(3302, "Mai");
// THIEU: two nominations, one document of three uploaded.
const binh = user(3201, "Bình");
const lan = user(3202, "Lan");
const minh = user(3203, "Minh");
// TRALAI: dossier submitted, then returned by the Office.
const phuc = user(3401, "Phúc");
// TREHAN: submitted after the deadline, once the Office reopened the unit.
const quang = user(3501, "Quang");

let h: Harness;

const pdf = (name: string) => ({ file_name: name, mime_type: "application/pdf", file_size: 150_000 });

async function addUnit(code: string, name: string): Promise<number> {
  await h.send(admin, `/units add ${code} ${name}`);
  const unit = await findUnitByCode(h.db, code);
  if (!unit) throw new Error(`unit ${code} not added: ${h.telegram.lastTextTo(admin.id)}`);
  return unit.id;
}

async function addPerson(person: TestUser, unitId: number, fullName: string, role: Role = "employee") {
  const position = role === "unit_head" ? "Trưởng phòng" : "Chuyên viên";
  await insertUser(h.db, {
    telegramId: person.id,
    fullName,
    unitId,
    role,
    position,
    at: h.deps.clock().toISOString(),
  });
}

async function assessment(
  subject: "individual" | "unit",
  subjectId: number,
  unitId: number,
  submitted = true,
): Promise<void> {
  const row = await ensureAssessment(h.db, { year: YEAR, subject, subjectId, unitId }, h.deps.clock());
  if (submitted) await submitAssessment(h.db, row.id, h.deps.clock(), 0);
}

async function nominationId(name: string, formId = GK): Promise<number> {
  const found = (await listNominations(h.db, YEAR)).find(
    (n) => n.nominee_name === name && n.form_id === formId,
  );
  if (!found) throw new Error(`no nomination of ${name}`);
  return found.id;
}

const units: Record<string, number> = {};

beforeEach(async () => {
  h = await createHarness({ officeAdminIds: [admin.id], now: "2026-12-01T03:00:00Z" });
  await h.send(admin, "/round open 2026");
  units.CHUALAM = await addUnit("CHUALAM", "Phòng Chưa Làm");
  units.DANHGIA = await addUnit("DANHGIA", "Phòng Đánh Giá");
  units.DANOP = await addUnit("DANOP", "Phòng Đã Nộp");
  units.THIEU = await addUnit("THIEU", "Phòng Hành chính tư pháp");
  units.TRALAI = await addUnit("TRALAI", "Phòng Trả Lại");
  units.TREHAN = await addUnit("TREHAN", "Phòng Trễ Hạn");
  const u = (code: string) => units[code] ?? 0;

  await addPerson(chung, u("CHUALAM"), "Hoàng Văn Chung", "unit_head");
  await addPerson(dung, u("CHUALAM"), "Vũ Thị Dung");

  await addPerson(giang, u("DANHGIA"), "Phan Văn Giang", "unit_head");
  await addPerson(hanh, u("DANHGIA"), "Bùi Thị Hạnh");
  await assessment("individual", giang.id, u("DANHGIA"));
  await assessment("individual", hanh.id, u("DANHGIA"));
  await assessment("unit", u("DANHGIA"), u("DANHGIA"));

  // DANOP, straight in the database: Mai nominated, both documents, submitted in time.
  await addPerson(khoa, u("DANOP"), "Ngô Văn Khoa", "unit_head");
  await addPerson(mai, u("DANOP"), "Lý Thị Mai");
  await assessment("individual", khoa.id, u("DANOP"));
  await assessment("individual", mai.id, u("DANOP"));
  await assessment("unit", u("DANOP"), u("DANOP"));
  await addNomination(
    h.db,
    {
      year: YEAR,
      unitId: u("DANOP"),
      formId: GK,
      nomineeKind: "individual",
      nomineeId: mai.id,
      nomineeName: "Lý Thị Mai",
      eligible: true,
      resultSummary: JSON.stringify({ met: 6, total: 6, progress: "submitted" }),
      reason: null,
      by: khoa.id,
      byRole: "unit_head",
      updateId: null,
    },
    h.deps.clock(),
  );
  for (const [documentId, key] of [
    ["to-trinh", ""],
    ["bao-cao-thanh-tich", `p:${mai.id}`],
  ] as const)
    await addDocumentVersion(
      h.db,
      {
        year: YEAR,
        unitId: u("DANOP"),
        documentId,
        documentKey: await reportKeyFor(h.db, YEAR, u("DANOP"), key),
        fileId: `danop-${documentId}`,
        fileUniqueId: `danop-u-${documentId}`,
        fileName: `${documentId}.pdf`,
        mimeType: "application/pdf",
        fileSize: 1000,
        by: khoa.id,
        updateId: null,
      },
      h.deps.clock(),
    );
  await submitDossier(
    h.db,
    YEAR,
    u("DANOP"),
    { id: khoa.id, role: "unit_head", updateId: null },
    false,
    h.deps.clock(),
  );

  // THIEU, through the bot: Lan assesses herself; the head proposes her and the unit, uploads the Tờ trình.
  await addPerson(binh, u("THIEU"), "Trần Văn Bình", "unit_head");
  await addPerson(lan, u("THIEU"), "Nguyễn Thị Lan");
  await addPerson(minh, u("THIEU"), "Lê Văn Minh");
  await h.send(lan, "/assess");
  await answerWholeIndividualAssessment(h, lan);
  await h.press(lan, "as:summary:submit");
  await assessment("individual", minh.id, u("THIEU"), false);
  await h.press(binh, `nm:a:2:p:${lan.id}`);
  await h.press(binh, `nm:a:2:u:${u("THIEU")}`);
  await h.send(binh, "Tập thể đoàn kết, hoàn thành tốt nhiệm vụ");
  await h.press(binh, "ds:up:0:-");
  await h.feed(documentUpdate(binh, pdf("to-trinh-thieu.pdf")));

  // TRALAI, through the bot: the unit itself for the province's Bằng khen, submitted, then returned.
  await addPerson(phuc, u("TRALAI"), "Cao Văn Phúc", "unit_head");
  await assessment("individual", phuc.id, u("TRALAI"));
  await assessment("unit", u("TRALAI"), u("TRALAI"));
  h.setNow("2026-12-02T02:00:00Z");
  await h.press(phuc, `nm:a:1:u:${u("TRALAI")}`);
  await h.send(phuc, "Đơn vị dẫn đầu khối về số hoá hồ sơ");
  await h.press(phuc, "ds:up:0:-");
  await h.feed(documentUpdate(phuc, pdf("to-trinh-tralai.pdf")));
  await h.press(phuc, await reportUploadData(h.db, `u:${u("TRALAI")}`));
  await h.feed(documentUpdate(phuc, pdf("bao-cao-tralai.pdf")));
  h.setNow("2026-12-03T02:30:00Z");
  await h.press(phuc, "ds:sub!");
  h.setNow("2026-12-04T08:15:00Z");
  await h.press(admin, `ds:ret:${u("TRALAI")}`);
  await h.send(admin, "Tờ trình thiếu chữ ký của lãnh đạo");

  // TREHAN: everyone assessed, nothing proposed; the deadline passes, the Office reopens, the head submits.
  await addPerson(quang, u("TREHAN"), "Mạc Văn Quang", "unit_head");
  await assessment("individual", quang.id, u("TREHAN"));
  await assessment("unit", u("TREHAN"), u("TREHAN"));
  h.setNow("2027-01-06T03:00:00Z");
  await h.send(quang, "/dossier");
  expect(h.telegram.lastTextTo(quang.id)).toContain("Đã hết hạn nộp hồ sơ");
  await h.send(admin, "/reopen TREHAN 3");
  await h.press(quang, "ds:sub!");
  h.telegram.clear();
});
afterEach(() => h.close());

describe("/status for the Office", () => {
  it("lists every unit with its assessments, nominations, documents, dossier and lateness", async () => {
    await h.send(admin, "/status");
    expect(h.telegram.lastTextTo(admin.id)).toBe(
      [
        "📊 <b>Tình hình hồ sơ đề nghị khen thưởng năm 2026</b>",
        // DANOP and TREHAN sent their dossiers (TRALAI's came back); only they have nothing left.
        "Hồ sơ đề nghị khen thưởng đã nộp: <b>2/6</b> đơn vị",
        "Tự đánh giá cá nhân đã nộp: <b>7/11</b>",
        "Đơn vị đã xong mọi việc: <b>2/6</b>",
        "",
        "▫️ <b>CHUALAM</b> · Phòng Chưa Làm",
        "Cá nhân tự đánh giá: 0/2 đã nộp · Tự đánh giá tập thể: chưa bắt đầu",
        "Đề nghị: chưa có",
        "Tài liệu: 0/0 · Hồ sơ: chưa nộp · quá hạn",
        "",
        "▫️ <b>DANHGIA</b> · Phòng Đánh Giá",
        "Cá nhân tự đánh giá: 2/2 đã nộp · Tự đánh giá tập thể: đã nộp",
        "Đề nghị: chưa có",
        "Tài liệu: 0/0 · Hồ sơ: chưa nộp · quá hạn",
        "",
        "✅ <b>DANOP</b> · Phòng Đã Nộp",
        "Cá nhân tự đánh giá: 2/2 đã nộp · Tự đánh giá tập thể: đã nộp",
        "Đề nghị: Giấy khen Giám đốc Sở: 0 tập thể, 1 cá nhân",
        "Tài liệu: 2/2 · Hồ sơ: đã nộp",
        "",
        "▫️ <b>THIEU</b> · Phòng Hành chính tư pháp",
        "Cá nhân tự đánh giá: 1/3 đã nộp · Tự đánh giá tập thể: chưa bắt đầu",
        "Đề nghị: Giấy khen Giám đốc Sở: 1 tập thể, 1 cá nhân",
        "Tài liệu: 1/3 · Hồ sơ: đang chuẩn bị · quá hạn",
        "",
        "▫️ <b>TRALAI</b> · Phòng Trả Lại",
        "Cá nhân tự đánh giá: 1/1 đã nộp · Tự đánh giá tập thể: đã nộp",
        "Đề nghị: Bằng khen Chủ tịch UBND tỉnh: 1 tập thể, 0 cá nhân",
        "Tài liệu: 2/2 · Hồ sơ: bị trả lại",
        "",
        "✅ <b>TREHAN</b> · Phòng Trễ Hạn",
        "Cá nhân tự đánh giá: 1/1 đã nộp · Tự đánh giá tập thể: đã nộp",
        "Đề nghị: chưa có",
        "Tài liệu: 0/0 · Hồ sơ: đã nộp · nộp muộn",
        "",
        "Xem chi tiết một đơn vị: /status &lt;mã&gt; · chỉ phần còn thiếu: /pending",
      ].join("\n"),
    );
    // Six units fit on one page: no page buttons, only the draft of the Báo cáo sơ kết / tổng kết.
    expect(h.telegram.lastKeyboardTo(admin.id).map((b) => [b.text, b.callback_data])).toEqual([
      ["📄 Bản nháp", "dr:bc"],
    ]);
  });

  it("/status <code> names who submitted and who did not, the unit's nominations and what is missing", async () => {
    await h.send(admin, "/status thieu");
    const lanId = await nominationId("Nguyễn Thị Lan");
    const unitId = await nominationId("Phòng Hành chính tư pháp");
    expect(h.telegram.lastTextTo(admin.id)).toBe(
      [
        "📊 <b>Tình hình hồ sơ đề nghị khen thưởng năm 2026</b>",
        "▫️ <b>THIEU</b> · Phòng Hành chính tư pháp",
        "Cá nhân tự đánh giá: 1/3 đã nộp · Tự đánh giá tập thể: chưa bắt đầu",
        "Đề nghị: Giấy khen Giám đốc Sở: 1 tập thể, 1 cá nhân",
        "Tài liệu: 1/3 · Hồ sơ: đang chuẩn bị · quá hạn",
        "",
        "<b>Cá nhân tự đánh giá</b>: 1/3 đã nộp",
        "Đã nộp (1):",
        // A tap on the command opens the self-assessment, read-only.
        `   Nguyễn Thị Lan /xem_${lan.id}`,
        "Đang thực hiện (1):",
        `   Lê Văn Minh /xem_${minh.id}`,
        "Chưa bắt đầu (1):",
        "   Trần Văn Bình",
        "",
        "<b>Đề nghị</b> (2)",
        `• #${unitId} Tập thể Phòng Hành chính tư pháp ⚠️ · Giấy khen Giám đốc Sở · <i>chưa nộp hồ sơ</i>`,
        `• #${lanId} Nguyễn Thị Lan · Giấy khen Giám đốc Sở · <i>chưa nộp hồ sơ</i>`,
        "",
        "<b>Việc còn thiếu</b>",
        "– thiếu Báo cáo thành tích – Nguyễn Thị Lan (Giấy khen Giám đốc Sở)",
        "– thiếu Báo cáo thành tích – Tập thể Phòng Hành chính tư pháp (Giấy khen Giám đốc Sở)",
      ].join("\n"),
    );

    await h.send(admin, "/status CHUALAM");
    const nothing = h.telegram.lastTextTo(admin.id);
    expect(nothing).toContain("Chưa bắt đầu (2):\n   Hoàng Văn Chung, Vũ Thị Dung");
    expect(nothing).not.toContain("Đã nộp (");
    expect(nothing).toContain("<b>Đề nghị</b> (0)");
    expect(nothing).toContain("– chưa đề nghị khen thưởng");

    await h.send(admin, "/status DANOP");
    const done = h.telegram.lastTextTo(admin.id);
    expect(done).toMatch(/Đã nộp \(2\):\n {3}Lý Thị Mai \/xem_\d+, Ngô Văn Khoa \/xem_\d+\n/);
    expect(done).not.toContain("Chưa bắt đầu (");
    expect(done).not.toContain("Việc còn thiếu");

    await h.send(admin, "/status KHONGCO");
    expect(h.telegram.lastTextTo(admin.id)).toBe(
      "Không có đơn vị mã <code>KHONGCO</code>. Xem các mã bằng /units.",
    );
  });

  it("does not call a unit overdue while the Office's extension (/reopen) runs, and does once it ends", async () => {
    await h.send(admin, "/reopen CHUALAM 3");
    await h.send(admin, "/status CHUALAM");
    expect(h.telegram.lastTextTo(admin.id)).toContain("Hồ sơ: chưa nộp\n");
    h.setNow("2027-01-10T03:00:00Z");
    await h.send(admin, "/status CHUALAM");
    expect(h.telegram.lastTextTo(admin.id)).toContain("Hồ sơ: chưa nộp · quá hạn");
  });

  it("/status <code> for the Office has buttons to the unit's dossier, nominations and people", async () => {
    await h.send(admin, "/status thieu");
    const buttons = h.telegram.lastKeyboardTo(admin.id);
    expect(buttons.map((b) => [b.text, b.callback_data])).toEqual([
      ["📁 Hồ sơ đề nghị khen thưởng", `ds:u:${units.THIEU}`],
      ["🏅 Đề nghị khen thưởng của đơn vị", "pg:nl:0:THIEU"],
      ["👥 Tự đánh giá của công chức, viên chức, người lao động", `st:pp:${units.THIEU}:0`],
      ["📄 Bản nháp Tờ trình", `dr:tt:${units.THIEU}`],
    ]);

    // The dossier, in place of the status.
    await h.pressOnScreen(admin, `ds:u:${units.THIEU}`);
    expect(h.telegram.lastTextTo(admin.id)).toContain("— Phòng Hành chính tư pháp");
    expect(h.telegram.lastTextTo(admin.id)).toContain("to-trinh-thieu.pdf");

    // The unit's nominations: the /nominations list of its code, and no other unit's.
    await h.send(admin, "/status thieu");
    await h.pressOnScreen(admin, "pg:nl:0:THIEU");
    const list = h.telegram.lastTextTo(admin.id);
    expect(list).toContain("Nguyễn Thị Lan");
    expect(list).toContain("Tập thể Phòng Hành chính tư pháp");
    expect(list).not.toContain("Lý Thị Mai");
    expect(list).not.toContain("Phòng Trả Lại");

    // Its people, by the state of their self-assessment, each started one with its read-only command.
    await h.send(admin, "/status thieu");
    await h.pressOnScreen(admin, `st:pp:${units.THIEU}:0`);
    expect(h.telegram.lastTextTo(admin.id)).toBe(
      [
        "<b>Tình hình tự đánh giá cá nhân, Phòng Hành chính tư pháp (THIEU)</b> (3 người)",
        "<b>Đã nộp (1)</b>",
        `• Nguyễn Thị Lan · /xem_${lan.id}`,
        "",
        "<b>Đang làm (1)</b>",
        `• Lê Văn Minh · /xem_${minh.id}`,
        "",
        "<b>Chưa bắt đầu (1)</b>",
        "• Trần Văn Bình",
        "",
      ].join("\n"),
    );
  });

  it("the Office's buttons on /status <code> are not shown to a head, and refused to a head or an employee", async () => {
    await h.send(binh, "/status");
    expect(h.telegram.lastKeyboardTo(binh.id).map((b) => b.callback_data)).not.toContain(
      `st:pp:${units.THIEU}:0`,
    );
    h.telegram.clear();
    for (const person of [binh, lan]) {
      await h.press(person, `st:pp:${units.THIEU}:0`);
      await h.press(person, `ds:u:${units.THIEU}`);
      const said = h.telegram.textsTo(person.id).join("\n");
      expect(said).not.toContain("Lê Văn Minh");
      expect(said).not.toContain("to-trinh-thieu.pdf");
    }
    const answers = h.telegram.calls.filter((call) => call.method === "answerCallbackQuery");
    expect(answers.map((call) => call.payload.text)).toEqual(
      Array(4).fill(
        "Lệnh này chỉ dành cho Văn phòng Sở. Nếu Anh/Chị cần dùng, vui lòng liên hệ Văn phòng Sở để được cấp quyền.",
      ),
    );
  });

  it("/dossier for the Office lists the units whose dossier was sent this round, the latest first", async () => {
    await h.send(admin, "/dossier");
    const text = h.telegram.lastTextTo(admin.id);
    expect(text).toBe(
      [
        "Cách dùng: /dossier &lt;mã đơn vị&gt;. Xem mã bằng /units.",
        "",
        "<b>Hồ sơ đề nghị khen thưởng đã nộp, kỳ xét khen thưởng năm 2026</b> (2 đơn vị, mới nhất trước):",
        // TRALAI was sent, then returned: it is not listed.
        "• <b>TREHAN</b> · Phòng Trễ Hạn · nộp lúc 10:00 06/01/2027 (nộp muộn)",
        "• <b>DANOP</b> · Phòng Đã Nộp · nộp lúc 10:00 01/12/2026",
      ].join("\n"),
    );
    expect(h.telegram.lastKeyboardTo(admin.id).map((b) => [b.text, b.callback_data])).toEqual([
      ["📨 TREHAN · Phòng Trễ Hạn", `ds:u:${units.TREHAN}`],
      ["📨 DANOP · Phòng Đã Nộp", `ds:u:${units.DANOP}`],
    ]);
    await h.pressOnScreen(admin, `ds:u:${units.DANOP}`);
    expect(h.telegram.lastTextTo(admin.id)).toContain("— Phòng Đã Nộp");
  });

  it("/dossier for the Office pages the sent dossiers, each on exactly one page", async () => {
    const codes: string[] = [];
    for (let i = 0; i < 12; i++) {
      const code = `NOP${String(i).padStart(2, "0")}`;
      const id = await addUnit(code, `Phòng Nộp ${i}`);
      h.setNow(`2026-12-${String(10 + i).padStart(2, "0")}T02:00:00Z`);
      await submitDossier(
        h.db,
        YEAR,
        id,
        { id: admin.id, role: "office", updateId: null },
        false,
        h.deps.clock(),
      );
      codes.push(code);
    }
    await h.send(admin, "/dossier");
    const first = h.telegram.lastTextTo(admin.id);
    expect(first).toContain("(14 đơn vị, mới nhất trước)");
    // The latest first: NOP11 sent on 21/12, then down.
    expect(first.indexOf("NOP11")).toBeLessThan(first.indexOf("NOP10"));
    const pageButtons = h.telegram.lastKeyboardTo(admin.id).map((b) => b.callback_data);
    expect(pageButtons).toContain("pg:dss:1");
    await h.pressOnScreen(admin, "pg:dss:1");
    const second = h.telegram.lastTextTo(admin.id);
    for (const code of [...codes, "TREHAN", "DANOP"])
      expect([first, second].filter((page) => page.includes(`<b>${code}</b>`))).toHaveLength(1);
    // An employee pressing the page gets nothing of it.
    await h.press(lan, "pg:dss:0");
    expect(h.telegram.textsTo(lan.id).join("\n")).not.toContain("NOP11");
  });

  it("a unit head's /status shows their own unit in full", async () => {
    await h.send(binh, "/status");
    const own = h.telegram.lastTextTo(binh.id);
    expect(own).toContain("▫️ <b>THIEU</b> · Phòng Hành chính tư pháp");
    expect(own).toContain("Chưa bắt đầu (1):\n   Trần Văn Bình");
    expect(own).not.toContain("CHUALAM");
  });
});

describe("/pending", () => {
  it("lists only what each incomplete unit lacks; a complete unit is absent", async () => {
    await h.send(admin, "/pending");
    expect(h.telegram.lastTextTo(admin.id)).toBe(
      [
        "📋 <b>Việc còn thiếu, năm 2026</b>: 4/6 đơn vị chưa hoàn thành",
        [
          "<b>CHUALAM</b> · Phòng Chưa Làm · quá hạn",
          "   – 2/2 người chưa nộp tự đánh giá: Hoàng Văn Chung, Vũ Thị Dung",
          "   – chưa nộp tự đánh giá tập thể (chưa bắt đầu)",
          "   – chưa đề nghị khen thưởng",
          "   – chưa nộp hồ sơ",
        ].join("\n"),
        [
          "<b>DANHGIA</b> · Phòng Đánh Giá · quá hạn",
          "   – chưa đề nghị khen thưởng",
          "   – chưa nộp hồ sơ",
        ].join("\n"),
        [
          "<b>THIEU</b> · Phòng Hành chính tư pháp · quá hạn",
          "   – 2/3 người chưa nộp tự đánh giá: Lê Văn Minh, Trần Văn Bình",
          "   – chưa nộp tự đánh giá tập thể (chưa bắt đầu)",
          "   – thiếu Báo cáo thành tích – Nguyễn Thị Lan (Giấy khen Giám đốc Sở)",
          "   – thiếu Báo cáo thành tích – Tập thể Phòng Hành chính tư pháp (Giấy khen Giám đốc Sở)",
          "   – chưa nộp hồ sơ",
        ].join("\n"),
        [
          "<b>TRALAI</b> · Phòng Trả Lại",
          "   – hồ sơ bị trả lại để sửa: Tờ trình thiếu chữ ký của lãnh đạo",
        ].join("\n"),
      ].join("\n\n"),
    );
    const text = h.telegram.lastTextTo(admin.id);
    expect(text).not.toContain("DANOP");
    expect(text).not.toContain("TREHAN");
  });

  it("says every unit is complete when none lacks anything", async () => {
    const fresh = await createHarness({ officeAdminIds: [admin.id], now: "2026-12-01T03:00:00Z" });
    const previous = h;
    h = fresh;
    try {
      await h.send(admin, "/round open 2026");
      const id = await addUnit("DU", "Phòng Đủ");
      await addPerson(quang, id, "Mạc Văn Quang", "unit_head");
      await assessment("individual", quang.id, id);
      await assessment("unit", id, id);
      await h.send(admin, "/pending");
      expect(h.telegram.lastTextTo(admin.id)).toContain("chưa nộp hồ sơ");
      await h.press(quang, "ds:sub!");
      await h.send(admin, "/pending");
      expect(h.telegram.lastTextTo(admin.id)).toBe(
        [
          "📋 <b>Việc còn thiếu, năm 2026</b>: 0/1 đơn vị chưa hoàn thành",
          "Tất cả đơn vị đã hoàn thành: đủ tự đánh giá và đã nộp hồ sơ.",
        ].join("\n\n"),
      );
    } finally {
      await fresh.close();
      h = previous;
    }
  });
});

describe("/quota", () => {
  /** Adds a nomination straight in the database and walks it to `status` the way the Office would. */
  async function seed(
    unitId: number,
    formId: string,
    kind: "individual" | "collective",
    id: number,
    to: string,
  ) {
    const n = await addNomination(
      h.db,
      {
        year: YEAR,
        unitId,
        formId,
        nomineeKind: kind,
        nomineeId: id,
        nomineeName: `Người ${id}`,
        eligible: true,
        resultSummary: JSON.stringify({ met: 6, total: 6, progress: "submitted" }),
        reason: null,
        by: 1,
        byRole: "unit_head",
        updateId: null,
      },
      h.deps.clock(),
    );
    if (!n) throw new Error("duplicate");
    const paths: Record<string, NominationStatus[]> = {
      draft: [],
      submitted: ["submitted"],
      under_review: ["submitted", "under_review"],
      recommended: ["submitted", "under_review", "recommended"],
      council_passed: ["submitted", "under_review", "recommended", "council_passed"],
      not_passed: ["submitted", "under_review", "recommended", "not_passed"],
      awarded: ["submitted", "under_review", "recommended", "council_passed", "awarded"],
      rejected: ["submitted", "rejected"],
      returned: ["submitted", "returned"],
      withdrawn: ["submitted", "returned", "withdrawn"],
    };
    let from: NominationStatus = "draft";
    for (const step of paths[to] ?? []) {
      await moveNomination(
        h.db,
        { id: n.id, from, to: step, by: admin.id, byRole: "office", reason: "Lý do đủ dài", updateId: null },
        h.deps.clock(),
      );
      from = step;
    }
  }

  it("counts from the Council's pass against 4 collectives / 10 individuals, and shows who is on the way", async () => {
    const c = units.CHUALAM ?? 0;
    // Collectives of GK: 1 passed by the Council, 1 awarded, 3 on the way (submitted, under review, before the
    // Council), 3 that do not count.
    const collectiveStates = [
      "council_passed",
      "awarded",
      "submitted",
      "under_review",
      "recommended",
      "rejected",
      "returned",
      "withdrawn",
    ];
    for (const [i, state] of collectiveStates.entries()) await seed(c, GK, "collective", 10_001 + i, state);
    // Individuals of GK: 3 passed, 1 under review, 1 before the Council, 1 the Council did not pass; the
    // province's form: 1 awarded individual.
    for (const id of [20_001, 20_002, 20_003]) await seed(c, GK, "individual", id, "council_passed");
    await seed(c, GK, "individual", 20_004, "under_review");
    await seed(c, GK, "individual", 20_006, "recommended");
    await seed(c, GK, "individual", 20_007, "not_passed");
    await seed(c, TINH, "individual", 20_005, "awarded");

    await h.send(admin, "/quota");
    // DANOP's Mai is submitted (on the way) and TRALAI's unit was returned; THIEU's two are drafts.
    const counted = "tính từ bước “Hội đồng Thi đua - Khen thưởng đã thông qua”";
    const onTheWay = "đang xét, chưa đến bước này";
    expect(h.telegram.lastTextTo(admin.id)).toBe(
      [
        "🎯 <b>Số lượng khen thưởng năm 2026</b>",
        "",
        "<b>Giấy khen của Giám đốc Sở</b>",
        `   Tập thể: 2/4 ${counted} · 3 ${onTheWay}`,
        `   Cá nhân: 3/10 ${counted} · 3 ${onTheWay}`,
        "",
        "<b>Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh</b>",
        `   Tập thể: 0 ${counted} · 0 ${onTheWay}`,
        `   Cá nhân: 1 ${counted} · 0 ${onTheWay}`,
        "   <i>Theo hướng dẫn tại Kế hoạch số 800/KH-UBND</i>",
        "",
        "<b>Bằng khen của Thủ tướng Chính phủ</b>",
        `   Tập thể: 0 ${counted} · 0 ${onTheWay}`,
        `   Cá nhân: 0 ${counted} · 0 ${onTheWay}`,
        "   <i>Theo hướng dẫn tại Kế hoạch số 800/KH-UBND</i>",
        "",
        "Số lượng khen thưởng của mỗi hình thức tính từ bước ghi ở dòng của nó (theo quy trình của hình thức đó) trở đi. ⛔ = vượt số lượng khen thưởng.",
      ].join("\n"),
    );
  });
});

describe("/nominations for the Office", () => {
  it("lists every nomination; filters by form (code, id, words) and by a name typed without diacritics", async () => {
    const mai_ = await nominationId("Lý Thị Mai");
    const lan_ = await nominationId("Nguyễn Thị Lan");
    const thieu = await nominationId("Phòng Hành chính tư pháp");
    const tralai = await nominationId("Phòng Trả Lại", TINH);
    const lines = {
      mai: `#${mai_} Lý Thị Mai (<code>DANOP</code>) · Giấy khen Giám đốc Sở · <i>chờ Văn phòng Sở tiếp nhận</i>`,
      thieu: `#${thieu} Tập thể Phòng Hành chính tư pháp ⚠️ (<code>THIEU</code>) · Giấy khen Giám đốc Sở · <i>chưa nộp hồ sơ</i>`,
      lan: `#${lan_} Nguyễn Thị Lan (<code>THIEU</code>) · Giấy khen Giám đốc Sở · <i>chưa nộp hồ sơ</i>`,
      tralai: `#${tralai} Tập thể Phòng Trả Lại ⚠️ (<code>TRALAI</code>) · Bằng khen Chủ tịch UBND tỉnh · <i>bị trả lại để sửa, bổ sung</i>`,
    };
    const footer = [
      "",
      "⚠️: chưa đạt đủ tiêu chí, đơn vị đã nêu lý do. Bấm nút có số tương ứng để xem chi tiết.",
    ];

    await h.send(admin, "/nominations");
    expect(h.telegram.lastTextTo(admin.id)).toBe(
      [
        "🏅 <b>Đề nghị khen thưởng năm 2026</b>: 4",
        lines.mai,
        lines.thieu,
        lines.lan,
        lines.tralai,
        ...footer,
      ].join("\n"),
    );
    // Each opens its card (which leads back to this page); one step's nominations can be moved at once.
    expect(h.telegram.lastKeyboardTo(admin.id).map((b) => b.callback_data)).toEqual([
      `no:${mai_}:nl:0:`,
      `no:${thieu}:nl:0:`,
      `no:${lan_}:nl:0:`,
      `no:${tralai}:nl:0:`,
      "pg:ns:0:1:",
    ]);

    for (const filter of ["gk", "GK", "Giấy khen Giám đốc Sở", "giay khen", "giay-khen-giam-doc-so"]) {
      await h.send(admin, `/nominations ${filter}`);
      expect(h.telegram.lastTextTo(admin.id), filter).toBe(
        [
          "🏅 <b>Đề nghị khen thưởng năm 2026</b> · Giấy khen của Giám đốc Sở: 3",
          lines.mai,
          lines.thieu,
          lines.lan,
          ...footer,
        ].join("\n"),
      );
    }
    await h.send(admin, "/nominations bkt");
    expect(h.telegram.lastTextTo(admin.id)).toBe(
      [
        "🏅 <b>Đề nghị khen thưởng năm 2026</b> · Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh: 1",
        lines.tralai,
        ...footer,
      ].join("\n"),
    );
    await h.send(admin, "/nominations bkttg");
    expect(h.telegram.lastTextTo(admin.id)).toBe(
      "🏅 <b>Đề nghị khen thưởng năm 2026</b> · Bằng khen của Thủ tướng Chính phủ: 0\nChưa có đề nghị nào.",
    );

    await h.send(admin, "/nominations nguyen thi lan");
    expect(h.telegram.lastTextTo(admin.id)).toBe(
      ["🏅 <b>Đề nghị khen thưởng năm 2026</b> · nguyen thi lan: 1", lines.lan, ...footer].join("\n"),
    );
    await h.send(admin, "/nominations NGUYỄN LAN");
    expect(h.telegram.lastTextTo(admin.id)).toContain(lines.lan);
    // A unit's name finds its nominations too.
    await h.send(admin, "/nominations tra lai");
    expect(h.telegram.lastTextTo(admin.id)).toContain(lines.tralai);

    await h.send(admin, "/nominations tran van an");
    expect(h.telegram.lastTextTo(admin.id)).toBe(
      "🏅 <b>Đề nghị khen thưởng năm 2026</b> · tran van an: 0\nChưa có đề nghị nào.",
    );
  });

  it("opens a nomination by the number the list shows, with or without #, as a press on its button does", async () => {
    const id = await nominationId("Phòng Trả Lại", TINH);
    await h.press(admin, `no:${id}`);
    const pressed = h.telegram.callsOf("editMessageText").at(-1)?.payload;
    for (const typed of [`#${id}`, String(id)]) {
      h.telegram.clear();
      await h.send(admin, `/nominations ${typed}`);
      const sent = h.telegram.callsOf("sendMessage");
      expect(sent, typed).toHaveLength(1);
      expect(sent[0]?.payload.text, typed).toBe(pressed?.text);
      expect(sent[0]?.payload.reply_markup, typed).toEqual(pressed?.reply_markup);
    }
    expect(String(pressed?.text)).toContain(`🏅 <b>Đề nghị #${id}</b>: Tập thể Phòng Trả Lại`);
  });

  it("opens one nomination with its history and the Office's buttons", async () => {
    const id = await nominationId("Phòng Trả Lại", TINH);
    await h.press(admin, `no:${id}`);
    const edit = h.telegram.callsOf("editMessageText").at(-1);
    expect(edit?.payload.text).toBe(
      [
        `🏅 <b>Đề nghị #${id}</b>: Tập thể Phòng Trả Lại`,
        "Đơn vị: <code>TRALAI</code> Phòng Trả Lại",
        "Hình thức: Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
        "Kết quả tự đánh giá khi đề nghị: ⚠️ đáp ứng 0/3 tiêu chí",
        "Lý do đề nghị khi chưa đạt đủ tiêu chí: <i>Đơn vị dẫn đầu khối về số hoá hồ sơ</i>",
        "Trạng thái: <b>bị trả lại để sửa, bổ sung</b>",
        "",
        "<b>Lịch sử</b>",
        "• 09:00 02/12/2026 · Cao Văn Phúc: lập đề nghị — lý do: <i>Đơn vị dẫn đầu khối về số hoá hồ sơ</i>",
        "• 09:30 03/12/2026 · Cao Văn Phúc: chưa nộp hồ sơ → chờ Văn phòng Sở tiếp nhận",
        "• 15:15 04/12/2026 · Văn phòng Sở: chờ Văn phòng Sở tiếp nhận → bị trả lại để sửa, bổ sung — lý do: <i>Tờ trình thiếu chữ ký của lãnh đạo</i>",
      ].join("\n"),
    );
    const buttons = h.telegram.lastKeyboardTo(admin.id);
    const report = await h.db
      .selectFrom("dossier_file_versions")
      .select("id")
      .where("document_key", "=", await reportKeyFor(h.db, YEAR, units.TRALAI ?? 0, `u:${units.TRALAI}`))
      .executeTakeFirstOrThrow();
    // A returned nomination waits for the unit: no move for the Office, but its report, the dossier and a draft.
    expect(buttons.map((b) => b.callback_data)).toEqual([
      `ds:doc:${report.id}`,
      `ds:u:${units.TRALAI}`,
      `av:u:${units.TRALAI}`,
      expect.stringMatching(/^dr:bctt:\d+$/),
    ]);

    // A nomination waiting for review offers the Office its next steps.
    const mai_ = await nominationId("Lý Thị Mai");
    await h.press(admin, `no:${mai_}`);
    const next = h.telegram.callsOf("editMessageText").at(-1);
    const nextButtons = h.telegram.lastKeyboardTo(admin.id).map((b) => b.callback_data);
    expect(nextButtons.slice(0, 3)).toEqual([
      `nt:${mai_}:under_review`,
      `nt:${mai_}:returned`,
      `nt:${mai_}:rejected`,
    ]);
    expect(String(next?.payload.text)).toContain("Kết quả tự đánh giá khi đề nghị: ✅ đáp ứng 6/6 tiêu chí");
  });
});

describe("/nominations over many nominations", () => {
  it("pages by 10 with a button to open each, and keeps the filter on the page buttons", async () => {
    const c = units.CHUALAM ?? 0;
    for (let i = 0; i < 23; i++)
      await addNomination(
        h.db,
        {
          year: YEAR,
          unitId: c,
          formId: GK,
          nomineeKind: "individual",
          nomineeId: 60_000 + i,
          nomineeName: `Hoàng Văn Số ${String(i).padStart(2, "0")}`,
          eligible: true,
          resultSummary: JSON.stringify({ met: 6, total: 6, progress: "submitted" }),
          reason: null,
          by: chung.id,
          byRole: "unit_head",
          updateId: null,
        },
        h.deps.clock(),
      );
    await h.send(admin, "/nominations");
    const first = h.telegram.lastTextTo(admin.id);
    expect(first).toContain("Đề nghị khen thưởng năm 2026</b>: 27");
    expect(first.split("\n").filter((line) => line.startsWith("#"))).toHaveLength(10);
    const keyboard = h.telegram.lastKeyboardTo(admin.id);
    expect(keyboard.filter((b) => b.callback_data?.startsWith("no:"))).toHaveLength(10);
    expect(keyboard.slice(-2).map((b) => [b.text, b.callback_data])).toEqual([
      ["1/3", "pg:nl:0:"],
      ["▶", "pg:nl:1:"],
    ]);

    const seen = new Set<string>();
    for (let page = 0; page < 3; page++) {
      await h.press(admin, `pg:nl:${page}:`);
      for (const line of h.telegram
        .lastTextTo(admin.id)
        .split("\n")
        .filter((l) => l.startsWith("#")))
        seen.add(line.split(" ")[0] ?? "");
    }
    expect(seen.size).toBe(27);

    await h.send(admin, "/nominations giay khen");
    expect(h.telegram.lastTextTo(admin.id)).toContain(" · Giấy khen của Giám đốc Sở: 26");
    expect(h.telegram.lastKeyboardTo(admin.id).at(-1)?.callback_data).toBe("pg:nl:1:giay khen");
    await h.press(admin, "pg:nl:2:giay khen");
    const last = h.telegram.lastTextTo(admin.id);
    expect(last).toContain(" · Giấy khen của Giám đốc Sở: 26");
    expect(last.split("\n").filter((line) => line.startsWith("#"))).toHaveLength(6);
    expect(last).not.toContain("Bằng khen Chủ tịch UBND tỉnh");
  });
});

describe("/status over many units", () => {
  it("shows page 1 with ◀ n/N ▶ buttons, edits to page 2 on a press, and puts every unit on exactly one page", async () => {
    const codes: string[] = [];
    for (let i = 1; i <= 30; i++) {
      const code = `P${String(i).padStart(2, "0")}`;
      codes.push(code);
      // Long names, to fill the pages.
      await h.send(
        admin,
        `/units add ${code} Phòng Nghiệp vụ số ${i} phụ trách công tác ${"kiểm tra ".repeat(6)}`,
      );
    }
    const allCodes = [...codes, "CHUALAM", "DANHGIA", "DANOP", "THIEU", "TRALAI", "TREHAN"].sort();
    h.telegram.clear();

    await h.send(admin, "/status");
    const first = h.telegram.lastTextTo(admin.id);
    expect(first).toContain("Đơn vị đã xong mọi việc: <b>2/36</b>");
    const pages = Math.ceil(36 / 8);
    expect(h.telegram.lastKeyboardTo(admin.id).map((b) => [b.text, b.callback_data])).toEqual([
      ["📄 Bản nháp", "dr:bc"],
      [`1/${pages}`, "pg:st:0"],
      ["▶", "pg:st:1"],
    ]);

    await h.press(admin, "pg:st:1");
    const edit = h.telegram.callsOf("editMessageText").at(-1);
    expect(edit?.payload.chat_id).toBe(admin.id);
    expect(edit?.payload.text).not.toBe(first);
    expect(h.telegram.lastKeyboardTo(admin.id).map((b) => [b.text, b.callback_data])).toEqual([
      ["📄 Bản nháp", "dr:bc"],
      ["◀", "pg:st:0"],
      [`2/${pages}`, "pg:st:1"],
      ["▶", "pg:st:2"],
    ]);

    const seen: string[] = [];
    const texts: string[] = [first];
    for (let page = 1; page < pages; page++) {
      await h.press(admin, `pg:st:${page}`);
      texts.push(h.telegram.lastTextTo(admin.id));
    }
    for (const text of texts) {
      expect(text.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
      seen.push(...[...text.matchAll(/^(?:✅|▫️) <b>([A-Z0-9]+)<\/b>/gmu)].map((m) => m[1] ?? ""));
    }
    expect(seen).toEqual(allCodes);
    expect(h.telegram.lastKeyboardTo(admin.id).map((b) => b.text)).toEqual([
      "📄 Bản nháp",
      "◀",
      `${pages}/${pages}`,
    ]);
    // /pending pages the same way: every new unit lacks everything.
    await h.send(admin, "/pending");
    expect(h.telegram.lastTextTo(admin.id)).toContain(
      "Việc còn thiếu, năm 2026</b>: 34/36 đơn vị chưa hoàn thành",
    );
    expect(h.telegram.lastKeyboardTo(admin.id).map((b) => b.callback_data)).toEqual(["pg:pd:0", "pg:pd:1"]);
    await h.press(admin, "pg:pd:1");
    const pending2 = String(h.telegram.callsOf("editMessageText").at(-1)?.payload.text);
    expect(pending2).toContain("<b>P07</b>");
    expect(pending2).not.toContain("<b>P06</b>");
    await h.press(admin, "pg:st:4");
    // A page past the end shows the last one rather than nothing.
    await h.press(admin, "pg:st:99");
    expect(h.telegram.lastTextTo(admin.id)).toBe(texts.at(-1));
    // Only the two commands sent a message: every press edited it in place.
    expect(h.telegram.callsOf("sendMessage")).toHaveLength(2);
  });

  it("keeps each page under Telegram's limit even with very long unit names", async () => {
    for (let i = 1; i <= 30; i++)
      await h.send(
        admin,
        `/units add L${String(i).padStart(2, "0")} ${"Trung tâm dịch vụ hành chính công ".repeat(3).trim()} ${i}`,
      );
    h.telegram.clear();
    await h.send(admin, "/status");
    const pageCount = Number(
      /\/(\d+)$/.exec(
        h.telegram.lastKeyboardTo(admin.id).find((b) => b.callback_data === "pg:st:0")?.text ?? "",
      )?.[1],
    );
    const found = new Set<string>();
    for (let page = 0; page < pageCount; page++) {
      if (page > 0) await h.press(admin, `pg:st:${page}`);
      const text = h.telegram.lastTextTo(admin.id);
      expect(text.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
      for (const m of text.matchAll(/<b>(L\d\d)<\/b>/g)) {
        expect(found.has(m[1] ?? "")).toBe(false);
        found.add(m[1] ?? "");
      }
    }
    expect(found.size).toBe(30);
  });
});
