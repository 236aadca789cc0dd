import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ensureAssessment, saveItem } from "../../../db/assessments.js";
import { type DB, migrateToLatest, openDatabase } from "../../../db/connection.js";
import { addNomination, type NewNomination } from "../../../db/nominations.js";
import { openRound } from "../../../db/rounds.js";
import type { Nomination } from "../../../db/schema.js";
import { addUnit } from "../../../db/units.js";
import { loadCampaign } from "../../../src/campaign/load.js";
import { nominationListDraft } from "../../../src/documents/nomination-list.js";
import { loadDocumentTemplates } from "../../../src/documents/templates.js";
import { unitLetterDraft } from "../../../src/documents/unit-letter.js";
import { NO_DATA } from "../../../src/domain/achievement-report.js";
import { areaKey, type CriterionAnswer, criterionKey } from "../../../src/domain/assessment.js";
import { insertUser } from "../../helpers/scenarios.js";
import { docxParagraphs } from "./docx-text.js";

const campaign = loadCampaign();
const templates = loadDocumentTemplates(campaign);
const YEAR = 2026;
const NOW = new Date("2026-12-01T03:00:00.000Z");
const HEAD = 100;
const LAN = 101;
const MINH = 102;
const KHOA = 200;
const HOA = 201;
const GIAY_KHEN = "giay-khen-giam-doc-so";
const CHU_TICH = "bang-khen-chu-tich-tinh";

let db: DB;
let hctp: { id: number; code: string; name: string };
let kt: { id: number; code: string; name: string };

async function unit(code: string, name: string) {
  const added = await addUnit(db, { code, name }, NOW);
  if (!added) throw new Error(`unit ${code} not added`);
  return { id: added.id, code, name };
}

async function nominate(change: Partial<NewNomination>, status = "draft"): Promise<Nomination> {
  const added = await addNomination(
    db,
    {
      year: YEAR,
      unitId: hctp.id,
      formId: GIAY_KHEN,
      nomineeKind: "individual",
      nomineeId: LAN,
      nomineeName: "Nguyễn Thị Lan",
      eligible: true,
      resultSummary: JSON.stringify({ met: 6, total: 6, progress: "submitted" }),
      reason: null,
      by: HEAD,
      byRole: "unit_head",
      updateId: null,
      ...change,
    },
    NOW,
  );
  if (!added) throw new Error("nomination not added");
  await db.updateTable("nominations").set({ status }).where("id", "=", added.id).execute();
  return added;
}

async function answer(
  subject: "individual" | "unit",
  subjectId: number,
  unitId: number,
  criteria: Record<string, CriterionAnswer>,
  areas: Record<string, string>,
): Promise<void> {
  const assessment = await ensureAssessment(db, { year: YEAR, subject, subjectId, unitId }, NOW);
  let update = subjectId * 100;
  for (const [id, data] of Object.entries(criteria))
    await saveItem(db, assessment.id, criterionKey(id), data, NOW, update++);
  for (const [id, text] of Object.entries(areas))
    await saveItem(db, assessment.id, areaKey(id), { text }, NOW, update++);
}

const met = (text: string): CriterionAnswer => ({ met: true, account: text, filesDone: true });

/** Writes a generated draft where DOC_SAMPLES_DIR points (to render it with LibreOffice); tests need none. */
function keepSample(name: string, bytes: Buffer): void {
  const directory = process.env.DOC_SAMPLES_DIR;
  if (!directory) return;
  mkdirSync(directory, { recursive: true });
  writeFileSync(join(directory, name), bytes);
}

const deps = () => ({ db, campaign, now: NOW, templates });

beforeEach(async () => {
  db = openDatabase(":memory:");
  await migrateToLatest(db);
  await openRound(
    db,
    { year: YEAR, campaignId: campaign.id, deadline: new Date("2027-01-04T17:00:00.000Z"), openedBy: 900 },
    NOW,
  );
  hctp = await unit("HCTP", "Phòng Hành chính tư pháp");
  kt = await unit("KT", "Phòng Kế toán");
  const at = NOW.toISOString();
  await insertUser(db, {
    telegramId: HEAD,
    fullName: "Trần Văn Bình",
    unitId: hctp.id,
    role: "unit_head",
    at,
  });
  await insertUser(db, {
    telegramId: LAN,
    fullName: "Nguyễn Thị Lan",
    unitId: hctp.id,
    role: "employee",
    at,
    position: "Phó Trưởng phòng",
  });
  await insertUser(db, { telegramId: MINH, fullName: "Lê Văn Minh", unitId: hctp.id, role: "employee", at });
  await insertUser(db, { telegramId: KHOA, fullName: "Ngô Văn Khoa", unitId: kt.id, role: "unit_head", at });
  await insertUser(db, {
    telegramId: HOA,
    fullName: "Phạm Thị Hoa",
    unitId: kt.id,
    role: "employee",
    at,
    position: "Kế toán viên",
  });
});

afterEach(async () => {
  await db.destroy();
});

/** The paragraphs from the one starting with `from` up to (not including) the one starting with `to`. */
function between(paragraphs: string[], from: string, to: string): string[] {
  const start = paragraphs.findIndex((p) => p.startsWith(from));
  const end = paragraphs.findIndex((p, at) => at > start && p.startsWith(to));
  expect(start).toBeGreaterThanOrEqual(0);
  expect(end).toBeGreaterThan(start);
  return paragraphs.slice(start + 1, end);
}

describe("Tờ trình đề nghị khen thưởng of a unit", () => {
  it("lists the unit's nominees form by form, the collective first, with the head's reason where criteria fall short", async () => {
    await nominate({ formId: CHU_TICH }, "submitted");
    await nominate({
      nomineeKind: "collective",
      nomineeId: hctp.id,
      nomineeName: "Phòng Hành chính tư pháp",
      resultSummary: JSON.stringify({ met: 3, total: 3, progress: "submitted" }),
    });
    await nominate({});
    await nominate({
      nomineeId: MINH,
      nomineeName: "Lê Văn Minh",
      eligible: false,
      resultSummary: JSON.stringify({ met: 4, total: 6, progress: "submitted" }),
      reason: "Anh Minh chủ trì đề án số hóa hồ sơ",
    });
    // Fallen ones and another unit's are not part of the Tờ trình.
    await nominate({ formId: CHU_TICH, nomineeId: MINH, nomineeName: "Lê Văn Minh" }, "withdrawn");
    await nominate({ unitId: kt.id, nomineeId: HOA, nomineeName: "Phạm Thị Hoa" });

    const letter = await unitLetterDraft(deps(), { year: YEAR }, hctp);
    keepSample("to-trinh-don-vi.docx", letter.bytes);
    expect(letter.fileName).toBe("ToTrinh_HCTP_2026_2026-12-01.docx");
    const paragraphs = docxParagraphs(letter.bytes);
    const text = paragraphs.join("\n");
    expect(paragraphs.slice(0, 8)).toEqual([
      "SỞ TƯ PHÁP TỈNH NINH BÌNH",
      "PHÒNG HÀNH CHÍNH TƯ PHÁP",
      "",
      "Số:        /TTr-……",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "",
      "Ninh Bình, ngày 01 tháng 12 năm 2026",
    ]);
    expect(paragraphs).toContain("TỜ TRÌNH");
    expect(paragraphs).toContain(
      "“Đẩy mạnh cải cách hành chính trên địa bàn tỉnh Hà Nam giai đoạn 2023 - 2025” năm 2026",
    );
    expect(paragraphs).toContain("Kính gửi: Văn phòng Sở Tư pháp tỉnh Ninh Bình");
    expect(paragraphs.filter((p) => p !== "")).toEqual(
      expect.arrayContaining([
        "Phòng Hành chính tư pháp đề nghị xem xét, khen thưởng cho các tập thể, cá nhân có thành tích trong phong trào thi đua năm 2026, cụ thể như sau:",
      ]),
    );
    const body = between(paragraphs, "Phòng Hành chính tư pháp đề nghị", "Tổng số:").filter((p) => p !== "");
    // The campaign's order of forms: the province's Bằng khen before the Director's Giấy khen.
    expect(body).toEqual([
      "1. Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
      "a) Cá nhân: 01",
      "- Nguyễn Thị Lan, Phó Trưởng phòng",
      "Kết quả tự đánh giá khi đề nghị: đáp ứng 6/6 tiêu chí thi đua.",
      "2. Giấy khen của Giám đốc Sở",
      "a) Tập thể: 01",
      "- Phòng Hành chính tư pháp",
      "Kết quả tự đánh giá khi đề nghị: đáp ứng 3/3 tiêu chí thi đua.",
      "b) Cá nhân: 02",
      "- Lê Văn Minh, Chuyên viên",
      "Kết quả tự đánh giá khi đề nghị: đáp ứng 4/6 tiêu chí thi đua.",
      "Lý do đề nghị (chưa đáp ứng đủ các tiêu chí thi đua): Anh Minh chủ trì đề án số hóa hồ sơ",
      "- Nguyễn Thị Lan, Phó Trưởng phòng",
      "Kết quả tự đánh giá khi đề nghị: đáp ứng 6/6 tiêu chí thi đua.",
    ]);
    expect(paragraphs).toContain("Tổng số: 01 tập thể, 03 cá nhân.");
    expect(paragraphs).toContain("TRƯỞNG ĐƠN VỊ");
    expect(paragraphs.at(-1)).toBe("Trần Văn Bình");
    for (const foreign of ["Hoa", "Kế toán", "Khoa", "KT"]) expect(text).not.toContain(foreign);
    expect(text).not.toMatch(/[{}]/);
    expect(text).toBe(text.normalize("NFC"));
  });

  it("says so when the unit has no nominee yet, and writes markup as plain text", async () => {
    const empty = await unitLetterDraft(deps(), { year: YEAR }, hctp);
    expect(docxParagraphs(empty.bytes)).toContain("Đơn vị chưa có đề nghị khen thưởng nào.");
    expect(docxParagraphs(empty.bytes)).toContain("Tổng số: 00 tập thể, 00 cá nhân.");

    const name = '<b>Lan</b> & "=SUM(A1)"';
    await nominate({ nomineeName: name, eligible: false, reason: "<i>x</i> {reason}" });
    const paragraphs = docxParagraphs((await unitLetterDraft(deps(), { year: YEAR }, hctp)).bytes);
    expect(paragraphs).toContain(`- ${name}, Phó Trưởng phòng`);
    expect(paragraphs).toContain("Lý do đề nghị (chưa đáp ứng đủ các tiêu chí thi đua): <i>x</i> {reason}");
  });

  it("signs 'chưa có dữ liệu' for a unit with no head", async () => {
    await db.updateTable("users").set({ role: "employee" }).where("telegram_id", "=", HEAD).execute();
    const letter = await unitLetterDraft(deps(), { year: YEAR }, hctp);
    expect(docxParagraphs(letter.bytes).at(-1)).toBe(NO_DATA);
  });
});

describe("Danh sách đề nghị khen thưởng of a form", () => {
  async function seed(): Promise<void> {
    await answer(
      "individual",
      LAN,
      hctp.id,
      {
        "chap-hanh": met("Lan chấp hành tốt"),
        "van-ban-chi-dao": { met: false, account: "Lan còn 1 văn bản chậm", filesDone: true },
        "sang-kien": {
          met: true,
          initiativeName: "Số hóa hồ sơ lý lịch tư pháp",
          decisionNumber: "15/QĐ-HĐSK",
          decisionDate: "2026-10-20",
          council: "so",
          filesDone: true,
        },
      },
      { "the-che": "Lan góp ý 4 dự thảo", "chinh-quyen-so": "Lan dùng chữ ký số 100%" },
    );
    await answer("unit", hctp.id, hctp.id, { "chap-hanh": met("Phòng HCTP chấp hành tốt") }, {});
    await answer(
      "individual",
      HOA,
      kt.id,
      { "chap-hanh": met("Hoa chấp hành tốt") },
      { "the-che": "Hoa góp ý" },
    );
    await nominate({}, "recommended");
    await nominate(
      { nomineeKind: "collective", nomineeId: hctp.id, nomineeName: "Phòng Hành chính tư pháp" },
      "council_passed",
    );
    await nominate({ unitId: kt.id, nomineeId: HOA, nomineeName: "Phạm Thị Hoa" }, "not_passed");
    // Still with the Office, or another form's: not on this list.
    await nominate({ nomineeId: MINH, nomineeName: "Lê Văn Minh" }, "under_review");
    await nominate(
      { formId: CHU_TICH, unitId: kt.id, nomineeId: KHOA, nomineeName: "Ngô Văn Khoa" },
      "recommended",
    );
  }

  it("lists the form's nominations put before the Council, collectives then people, from their assessments", async () => {
    await seed();
    const list = await nominationListDraft(deps(), { year: YEAR }, GIAY_KHEN);
    keepSample("danh-sach-de-nghi.docx", list.bytes);
    expect(list.fileName).toBe("DanhSach_gk_2026_2026-12-01.docx");
    expect(list.count).toBe(3);
    const paragraphs = docxParagraphs(list.bytes);
    const text = paragraphs.join("\n");
    expect(paragraphs).toContain("VĂN PHÒNG SỞ");
    expect(paragraphs).toContain("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG GIẤY KHEN CỦA GIÁM ĐỐC SỞ");
    const headers = ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Tóm tắt thành tích", "Tiêu chí đáp ứng"];
    expect(between(paragraphs, "I. TẬP THỂ", "II. CÁ NHÂN").filter((p) => p !== "")).toEqual([
      ...headers,
      "1",
      "Phòng Hành chính tư pháp",
      "Phòng Hành chính tư pháp",
      NO_DATA,
      "Đáp ứng 1/3 tiêu chí; chưa trả lời: III.2.a.2, III.2.a.3",
    ]);
    expect(between(paragraphs, "II. CÁ NHÂN", "NGƯỜI LẬP DANH SÁCH").filter((p) => p !== "")).toEqual([
      ...headers,
      "1",
      "Nguyễn Thị Lan",
      "Phó Trưởng phòng",
      "Phòng Hành chính tư pháp",
      "Sáng kiến “Số hóa hồ sơ lý lịch tư pháp” (Quyết định số 15/QĐ-HĐSK ngày 20/10/2026); Cải cách thể chế: Lan góp ý 4 dự thảo; Xây dựng chính quyền điện tử và chính quyền số: Lan dùng chữ ký số 100%.",
      "Đáp ứng 2/6 tiêu chí; chưa đáp ứng: III.2.b.3; chưa trả lời: III.2.b.2, III.2.b.5, III.2.b.6",
      "2",
      "Phạm Thị Hoa",
      "Kế toán viên",
      "Phòng Kế toán",
      "Cải cách thể chế: Hoa góp ý.",
      "Đáp ứng 1/6 tiêu chí; chưa trả lời: III.2.b.2, III.2.b.3, III.2.b.4, III.2.b.5, III.2.b.6",
    ]);
    for (const foreign of ["Minh", "Khoa", "Lan chấp hành", "Phòng HCTP chấp hành"])
      expect(text).not.toContain(foreign);
    expect(text).not.toMatch(/[{}]/);
  });

  it("says 'Không có.' where a part is empty, and lists another form's on its own", async () => {
    await seed();
    const list = await nominationListDraft(deps(), { year: YEAR }, CHU_TICH);
    const paragraphs = docxParagraphs(list.bytes);
    expect(list.count).toBe(1);
    expect(
      between(paragraphs, "I. TẬP THỂ", "II. CÁ NHÂN")
        .filter((p) => p !== "")
        .at(-1),
    ).toBe("Không có.");
    const people = between(paragraphs, "II. CÁ NHÂN", "NGƯỜI LẬP DANH SÁCH").filter((p) => p !== "");
    expect(people.slice(6)).toEqual(["1", "Ngô Văn Khoa", "Chuyên viên", "Phòng Kế toán", NO_DATA, NO_DATA]);
    expect(paragraphs.join("\n")).not.toContain("Lan");
  });
});
