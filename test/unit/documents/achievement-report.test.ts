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
import { achievementReportDraft } from "../../../src/documents/achievement-report.js";
import { loadDocumentTemplates } from "../../../src/documents/templates.js";
import { NO_DATA } from "../../../src/domain/achievement-report.js";
import { areaKey, type CriterionAnswer, criterionKey } from "../../../src/domain/assessment.js";
import { insertUser } from "../../helpers/scenarios.js";
import { docxParagraphs, docxText } from "./docx-text.js";

const campaign = loadCampaign();
const templates = loadDocumentTemplates(campaign);
const YEAR = 2026;
const NOW = new Date("2026-12-01T03:00:00.000Z");
const LAN = 101;
const HOA = 201;
const GIAY_KHEN = "giay-khen-giam-doc-so";
const CHU_TICH = "bang-khen-chu-tich-tinh";

let db: DB;
let hctp: number;
let kt: number;

async function unit(code: string, name: string): Promise<number> {
  const added = await addUnit(db, { code, name }, NOW);
  if (!added) throw new Error(`unit ${code} not added`);
  return added.id;
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

async function nominate(change: Partial<NewNomination>): Promise<Nomination> {
  const added = await addNomination(
    db,
    {
      year: YEAR,
      unitId: hctp,
      formId: GIAY_KHEN,
      nomineeKind: "individual",
      nomineeId: LAN,
      nomineeName: "Nguyễn Thị Lan",
      eligible: true,
      resultSummary: JSON.stringify({ met: 6, total: 6, progress: "submitted" }),
      reason: null,
      by: 100,
      byRole: "unit_head",
      updateId: null,
      ...change,
    },
    NOW,
  );
  if (!added) throw new Error("nomination not added");
  return added;
}

const account = (text: string): CriterionAnswer => ({ met: true, account: text, filesDone: true });

/** Lan's answers (HCTP) and Hoa's (KT): every text names its owner, so a leak shows. */
async function seedAnswers(): Promise<void> {
  await answer(
    "individual",
    LAN,
    hctp,
    {
      "chap-hanh": account("Lan chấp hành tốt mọi quy định"),
      "nhiem-vu-cchc": account("Lan hoàn thành 12/12 nhiệm vụ cải cách"),
      "van-ban-chi-dao": { met: false, account: "Lan còn 1 văn bản chậm", filesDone: true },
      "sang-kien": {
        met: true,
        initiativeName: "Số hóa hồ sơ lý lịch tư pháp",
        decisionNumber: "15/QĐ-HĐSK",
        decisionDate: "2026-10-20",
        council: "so",
        filesDone: true,
      },
      "thu-tuc-hanh-chinh": account("Lan công khai 30 thủ tục"),
      "xep-loai": { rating: "xuat-sac", met: true },
    },
    {
      "the-che": "Lan góp ý 4 dự thảo",
      "thu-tuc-hanh-chinh": "Lan rút ngắn thời gian cấp phiếu",
      "to-chuc-bo-may": "Lan không có",
      "che-do-cong-vu": "Lan đúng giờ",
      "tai-chinh-cong": "Lan tiết kiệm",
      "chinh-quyen-so": "Lan dùng chữ ký số 100%",
    },
  );
  await answer(
    "individual",
    HOA,
    kt,
    { "chap-hanh": account("Hoa chấp hành tốt") },
    { "the-che": "Hoa góp ý 9 dự thảo" },
  );
  await answer(
    "unit",
    hctp,
    hctp,
    {
      "chap-hanh": account("Phòng HCTP chấp hành tốt"),
      "nhiem-vu-cchc": account("Phòng HCTP hoàn thành kế hoạch"),
      "sang-kien": { met: false, filesDone: true },
    },
    { "chinh-quyen-so": "Phòng HCTP số hóa 5.000 hồ sơ" },
  );
  await answer("unit", kt, kt, { "chap-hanh": account("Phòng KT chấp hành tốt") }, {});
}

/** Writes a generated draft where DOC_SAMPLES_DIR points (to render it with LibreOffice); tests need none. */
function keepSample(name: string, bytes: Buffer): void {
  const directory = process.env.DOC_SAMPLES_DIR;
  if (!directory) return;
  mkdirSync(directory, { recursive: true });
  writeFileSync(join(directory, name), bytes);
}

beforeEach(async () => {
  db = openDatabase(":memory:");
  await migrateToLatest(db);
  await openRound(
    db,
    {
      year: YEAR,
      campaignId: campaign.id,
      deadline: new Date("2027-01-04T17:00:00.000Z"),
      openedBy: 900,
    },
    NOW,
  );
  hctp = await unit("HCTP", "Phòng Hành chính tư pháp");
  kt = await unit("KT", "Phòng Kế toán");
  const at = NOW.toISOString();
  await insertUser(db, { telegramId: 100, fullName: "Trần Văn Bình", unitId: hctp, role: "unit_head", at });
  await insertUser(db, {
    telegramId: LAN,
    fullName: "Nguyễn Thị Lan",
    unitId: hctp,
    role: "employee",
    at,
    position: "Phó Trưởng phòng",
  });
  await insertUser(db, { telegramId: 200, fullName: "Ngô Văn Khoa", unitId: kt, role: "unit_head", at });
  await insertUser(db, { telegramId: HOA, fullName: "Phạm Thị Hoa", unitId: kt, role: "employee", at });
});

afterEach(async () => {
  await db.destroy();
});

const draft = (nomination: Nomination) =>
  achievementReportDraft({ db, campaign, now: NOW, templates }, nomination);

/** The paragraphs from the one starting with `from` up to (not including) the one starting with `to`. */
function between(paragraphs: string[], from: string, to: string): string[] {
  const start = paragraphs.findIndex((p) => p.startsWith(from));
  const end = paragraphs.findIndex((p, at) => at > start && p.startsWith(to));
  expect(start).toBeGreaterThanOrEqual(0);
  expect(end).toBeGreaterThan(start);
  return paragraphs.slice(start + 1, end);
}

describe("Báo cáo thành tích of an individual", () => {
  it("fills section I from the profile, II.2 from her assessment in the plan's order, and names the form", async () => {
    await seedAnswers();
    const report = await draft(await nominate({}));
    keepSample("bao-cao-thanh-tich-ca-nhan.docx", report.bytes);
    expect(report.fileName).toBe("BCTT_HCTP_Nguyen-Thi-Lan_2026-12-01.docx");
    const paragraphs = docxParagraphs(report.bytes);
    const text = paragraphs.join("\n");
    expect(text).toContain("SỞ TƯ PHÁP TỈNH NINH BÌNH");
    expect(text).toContain("PHÒNG HÀNH CHÍNH TƯ PHÁP");
    expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text).toContain("Độc lập - Tự do - Hạnh phúc");
    expect(text).toContain("Ninh Bình, ngày 01 tháng 12 năm 2026");
    expect(text).toContain("ĐỀ NGHỊ TẶNG GIẤY KHEN CỦA GIÁM ĐỐC SỞ");
    expect(paragraphs).toContain("- Họ tên: Nguyễn Thị Lan");
    expect(paragraphs).toContain("- Đơn vị công tác: Phòng Hành chính tư pháp");
    expect(paragraphs).toContain("- Chức vụ: Phó Trưởng phòng");
    // The fields the profile does not hold yet are left to fill.
    expect(paragraphs).toContain(`- Quê quán: ${NO_DATA}`);

    const criteria = between(paragraphs, "a) ", "b) ");
    expect(criteria.filter((p) => /^III\.2\.b\.\d\. /.test(p)).map((p) => p.slice(0, 10))).toEqual(
      campaign.criteria.individual.map((c) => `${c.code}. `.slice(0, 10)),
    );
    expect(criteria).toContain("Kết quả: Đạt. Lan hoàn thành 12/12 nhiệm vụ cải cách");
    expect(criteria).toContain("Kết quả: Chưa đạt. Lan còn 1 văn bản chậm");
    expect(criteria).toContain("Kết quả: Đạt. Xếp loại: Hoàn thành xuất sắc nhiệm vụ.");
    expect(criteria).toContain(
      "Kết quả: Đạt. Sáng kiến “Số hóa hồ sơ lý lịch tư pháp”, Quyết định số 15/QĐ-HĐSK ngày 20/10/2026 của Hội đồng sáng kiến cấp cơ sở Sở Tư pháp.",
    );
    expect(between(paragraphs, "b) ", "c) ")).toEqual(
      campaign.reformAreas.map(
        (area, index) =>
          `${index + 1}. ${area.name.vi}: ${
            {
              "the-che": "Lan góp ý 4 dự thảo",
              "thu-tuc-hanh-chinh": "Lan rút ngắn thời gian cấp phiếu",
              "to-chuc-bo-may": "Lan không có",
              "che-do-cong-vu": "Lan đúng giờ",
              "tai-chinh-cong": "Lan tiết kiệm",
              "chinh-quyen-so": "Lan dùng chữ ký số 100%",
            }[area.id]
          }`,
      ),
    );
    expect(between(paragraphs, "c) ", "III. ")).toEqual([
      "- Số hóa hồ sơ lý lịch tư pháp: Quyết định số 15/QĐ-HĐSK ngày 20/10/2026 của Hội đồng sáng kiến cấp cơ sở Sở Tư pháp",
    ]);
    // Section III: the header row and three blank rows to fill by hand.
    const awards = between(paragraphs, "III. ", "THỦ TRƯỞNG ĐƠN VỊ");
    expect(awards.slice(0, 3)).toEqual([
      "Năm",
      "Hình thức khen thưởng, danh hiệu thi đua",
      "Số, ngày, tháng, năm của quyết định; cơ quan ban hành quyết định",
    ]);
    expect(awards.slice(3, 12)).toEqual(Array(9).fill(""));
    expect(awards.slice(12).filter((p) => p !== "")).toEqual([]);
    // Nothing of another person, another unit, nor the unit's own assessment.
    for (const foreign of ["Hoa", "Phòng KT", "Kế toán", "Phòng HCTP", "Khoa"])
      expect(text).not.toContain(foreign);
    expect(text).not.toMatch(/[{}]/);
    expect(text).toBe(text.normalize("NFC"));
  });

  it("names the form proposed in the title", async () => {
    await seedAnswers();
    const report = await draft(await nominate({ formId: CHU_TICH }));
    expect(docxText(report.bytes)).toContain("ĐỀ NGHỊ TẶNG BẰNG KHEN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH");
  });

  it("marks every section 'chưa có dữ liệu' for a person who never assessed, without an error", async () => {
    const report = await draft(await nominate({}));
    const paragraphs = docxParagraphs(report.bytes);
    const criteria = between(paragraphs, "a) ", "b) ");
    expect(criteria.filter((p) => p.startsWith("Kết quả: "))).toEqual(
      campaign.criteria.individual.map(() => `Kết quả: ${NO_DATA}. `),
    );
    expect(between(paragraphs, "b) ", "c) ")).toEqual(
      campaign.reformAreas.map((area, index) => `${index + 1}. ${area.name.vi}: ${NO_DATA}`),
    );
    expect(between(paragraphs, "c) ", "III. ")).toEqual([NO_DATA]);
  });

  it("writes names that look like markup or a formula as plain text", async () => {
    const name = '<b>Lan</b> & "=SUM(A1:A9)"';
    await db.updateTable("users").set({ full_name: name }).where("telegram_id", "=", LAN).execute();
    await answer("individual", LAN, hctp, { "chap-hanh": account('=HYPERLINK("x") <w:t>') }, {});
    const report = await draft(await nominate({ nomineeName: name }));
    const paragraphs = docxParagraphs(report.bytes);
    expect(paragraphs).toContain(`- Họ tên: ${name}`);
    expect(paragraphs).toContain('Kết quả: Đạt. =HYPERLINK("x") <w:t>');
    expect(report.fileName).toBe("BCTT_HCTP_b-Lan-b-SUM-A1-A9_2026-12-01.docx");
  });
});

describe("Báo cáo thành tích of a collective", () => {
  it("fills the unit's sections from its own assessment, signed by its head", async () => {
    await seedAnswers();
    const report = await draft(
      await nominate({ nomineeKind: "collective", nomineeId: hctp, nomineeName: "Phòng Hành chính tư pháp" }),
    );
    keepSample("bao-cao-thanh-tich-tap-the.docx", report.bytes);
    expect(report.fileName).toBe("BCTT_HCTP_Phong-Hanh-chinh-tu-phap_2026-12-01.docx");
    const paragraphs = docxParagraphs(report.bytes);
    const text = paragraphs.join("\n");
    expect(paragraphs).toContain("- Tên đơn vị: Phòng Hành chính tư pháp");
    expect(paragraphs).toContain("- Người đứng đầu: Trần Văn Bình");
    expect(paragraphs.at(-1)).toBe("Trần Văn Bình");
    const criteria = between(paragraphs, "a) ", "b) ");
    expect(criteria.filter((p) => p.startsWith("III.2."))).toHaveLength(campaign.criteria.collective.length);
    expect(criteria).toContain("Kết quả: Đạt. Phòng HCTP hoàn thành kế hoạch");
    expect(criteria).toContain("Kết quả: Chưa đạt. ");
    expect(between(paragraphs, "b) ", "c) ").at(-1)).toBe(
      "6. Xây dựng chính quyền điện tử và chính quyền số: Phòng HCTP số hóa 5.000 hồ sơ",
    );
    expect(between(paragraphs, "c) ", "III. ")).toEqual(["Không có."]);
    for (const foreign of ["Lan", "Hoa", "Phòng KT", "Kế toán", "Khoa"]) expect(text).not.toContain(foreign);
  });
});
