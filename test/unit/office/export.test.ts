import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addProofFile, ensureAssessment, saveItem, submitAssessment } from "../../../db/assessments.js";
import { type DB, migrateToLatest, openDatabase } from "../../../db/connection.js";
import { addDocumentVersion, submitDossier } from "../../../db/dossiers.js";
import { addNomination, moveNomination, nominationHistory } from "../../../db/nominations.js";
import { openRound } from "../../../db/rounds.js";
import type { Role } from "../../../db/schema.js";
import { addUnit } from "../../../db/units.js";
import { loadCampaign } from "../../../src/campaign/load.js";
import type { AppDeps } from "../../../src/deps.js";
import { areaKey, criterionKey } from "../../../src/domain/assessment.js";
import { nomineeKey } from "../../../src/domain/nominations.js";
import { createI18n } from "../../../src/i18n.js";
import { buildNominationsCsv, buildWorkbook } from "../../../src/office/export.js";
import { parseCsv } from "../../helpers/csv.js";
import { insertUser, reportKeyFor } from "../../helpers/scenarios.js";

const YEAR = 2026;
/** After the deadline (00:00 on 05/01/2027, Hanoi time): a unit that has not submitted is late. */
const NOW = new Date("2027-01-06T09:00:00+07:00");
const OFFICE = 900;
const HEAD_A = 101;
const BINH = 102;
const CUONG = 103;
const HEAD_B = 201;
const GIAY_KHEN = "giay-khen-giam-doc-so";
const CHU_TICH = "bang-khen-chu-tich-tinh";
const THU_TUONG = "bang-khen-thu-tuong";
const BINH_REASON = 'Có đóng góp nổi bật, được Sở "ghi nhận"';
const RETURN_REASON = "Thiếu báo cáo thành tích, đề nghị bổ sung";
/** Why the unit's own nomination went back once; the unit corrected it and it is under review again. */
const UNIT_RETURN_REASON = "Tờ trình thiếu chữ ký của lãnh đạo đơn vị";

type Deps = Pick<AppDeps, "db" | "campaign" | "clock" | "i18n">;

let db: DB;
let deps: Deps;
let unitA: number;
let unitB: number;
let unitNomination: number;

async function addUser(
  telegramId: number,
  fullName: string,
  unitId: number,
  role: Role,
  position: string,
): Promise<void> {
  await insertUser(db, { telegramId, fullName, unitId, role, position, at: "2026-10-01T00:00:00.000Z" });
}

/** An evidence file a person (or the unit) attached to an answer. */
async function attach(assessmentId: number, itemKey: string, name: string): Promise<void> {
  await addProofFile(
    db,
    {
      assessment_id: assessmentId,
      item_key: itemKey,
      file_id: `file-${name}`,
      file_unique_id: `unique-${name}`,
      kind: "document",
      file_name: name,
      mime_type: "application/pdf",
      file_size: 1000,
    },
    new Date("2026-11-20T09:10:00+07:00"),
    100,
  );
}

async function seed(): Promise<void> {
  const campaign = deps.campaign;
  await openRound(
    db,
    {
      year: YEAR,
      campaignId: campaign.id,
      deadline: new Date("2027-01-05T00:00:00+07:00"),
      openedBy: OFFICE,
    },
    new Date("2026-10-01T08:00:00+07:00"),
  );
  const a = await addUnit(db, { code: "PHC", name: "Phòng Hành chính, Tổng hợp" }, new Date("2026-10-01"));
  const b = await addUnit(db, { code: "TTTG", name: "Trung tâm Trợ giúp pháp lý" }, new Date("2026-10-01"));
  if (!a || !b) throw new Error("units not added");
  unitA = a.id;
  unitB = b.id;
  await addUser(HEAD_A, "Nguyễn Văn An", unitA, "unit_head", "Chánh Văn phòng");
  await addUser(BINH, "Trần Thị Bình", unitA, "employee", "Chuyên viên chính");
  await addUser(CUONG, "Lê Văn Cường", unitA, "employee", "Kế toán viên");
  await addUser(HEAD_B, "Phạm Thị Dung", unitB, "unit_head", "Giám đốc Trung tâm");

  // Bình's own assessment, submitted: met, not met (no account), unanswered, an initiative and a rating.
  const at = new Date("2026-11-20T09:00:00+07:00");
  const binh = await ensureAssessment(
    db,
    { year: YEAR, subject: "individual", subjectId: BINH, unitId: unitA },
    at,
  );
  const answers = [
    [
      criterionKey("chap-hanh"),
      { met: true, account: "Chấp hành nghiêm kỷ luật, kỷ cương hành chính.", filesDone: true },
    ],
    [criterionKey("nhiem-vu-cchc"), { met: false, account: null }],
    [
      criterionKey("sang-kien"),
      {
        met: true,
        decisionNumber: "125/QĐ-STP",
        decisionDate: "2026-10-15",
        council: "tinh",
        filesDone: true,
      },
    ],
    [criterionKey("xep-loai"), { rating: "xuat-sac", met: true }],
    [areaKey("the-che"), { text: "Rà soát 15 văn bản quy phạm pháp luật." }],
    [areaKey("thu-tuc-hanh-chinh"), { text: null }],
  ] as const;
  for (const [index, [key, data]] of answers.entries()) await saveItem(db, binh.id, key, data, at, index + 1);
  // Two files behind her first answer, one behind her initiative.
  await attach(binh.id, criterionKey("chap-hanh"), "binh-ky-luat.pdf");
  await attach(binh.id, criterionKey("chap-hanh"), "binh-ky-luat-2.pdf");
  await attach(binh.id, criterionKey("sang-kien"), "binh-sang-kien.pdf");
  await submitAssessment(db, binh.id, new Date("2026-11-20T09:30:00+07:00"), 10);

  // Unit A's own assessment, started only.
  const own = await ensureAssessment(
    db,
    { year: YEAR, subject: "unit", subjectId: unitA, unitId: unitA },
    at,
  );
  await saveItem(
    db,
    own.id,
    criterionKey("chap-hanh"),
    { met: true, account: "Đơn vị thực hiện tốt." },
    at,
    11,
  );
  await attach(own.id, criterionKey("chap-hanh"), "phc-bao-cao.pdf");

  // Unit A proposes itself and two people; unit B drafts one person only.
  const propose = async (
    unitId: number,
    formId: string,
    kind: "individual" | "collective",
    id: number,
    name: string,
    eligible: boolean,
    reason: string | null,
    by: number,
  ) => {
    const added = await addNomination(
      db,
      {
        year: YEAR,
        unitId,
        formId,
        nomineeKind: kind,
        nomineeId: id,
        nomineeName: name,
        eligible,
        resultSummary: JSON.stringify({ met: 2, total: 6, progress: "submitted" }),
        reason,
        by,
        byRole: "unit_head",
        updateId: null,
      },
      new Date("2026-12-01T10:00:00+07:00"),
    );
    if (!added) throw new Error("nomination not added");
    return added.id;
  };
  unitNomination = await propose(
    unitA,
    GIAY_KHEN,
    "collective",
    unitA,
    "Phòng Hành chính, Tổng hợp",
    true,
    null,
    HEAD_A,
  );
  const binhNomination = await propose(
    unitA,
    GIAY_KHEN,
    "individual",
    BINH,
    "Trần Thị Bình",
    false,
    BINH_REASON,
    HEAD_A,
  );
  const cuongNomination = await propose(
    unitA,
    CHU_TICH,
    "individual",
    CUONG,
    "Lê Văn Cường",
    true,
    null,
    HEAD_A,
  );
  await propose(
    unitB,
    THU_TUONG,
    "individual",
    HEAD_B,
    "Phạm Thị Dung",
    false,
    "- Nhiều thành tích, 5 năm liền",
    HEAD_B,
  );

  // Unit A's dossier: the Tờ trình and its own report, then sent on time (the drafts become submitted).
  const upload = async (documentId: string, key: string, when: string) =>
    addDocumentVersion(
      db,
      {
        year: YEAR,
        unitId: unitA,
        documentId,
        documentKey: await reportKeyFor(db, YEAR, unitA, key),
        fileId: `file-${documentId}-${key}`,
        fileUniqueId: `unique-${documentId}-${key}`,
        fileName: `${documentId}.pdf`,
        mimeType: "application/pdf",
        fileSize: 1000,
        by: HEAD_A,
        updateId: null,
      },
      new Date(when),
    );
  await upload("to-trinh", "", "2026-12-10T08:00:00+07:00");
  await upload("bao-cao-thanh-tich", nomineeKey("collective", unitA), "2026-12-10T08:05:00+07:00");
  const sent = await submitDossier(
    db,
    YEAR,
    unitA,
    { id: HEAD_A, role: "unit_head", updateId: null },
    false,
    new Date("2026-12-15T16:00:00+07:00"),
  );
  if (!sent) throw new Error("dossier not submitted");

  // The Office reviews: Bình is recommended, Cường's nomination goes back with a reason; the unit's own went
  // back too, was corrected and sent again by the head, and is under review again.
  const move = (
    id: number,
    from: "submitted" | "under_review" | "returned",
    to: "submitted" | "under_review" | "recommended" | "returned",
    reason: string | null,
    when: string,
    by = OFFICE,
  ) =>
    moveNomination(
      db,
      { id, from, to, by, byRole: by === OFFICE ? "office" : "unit_head", reason, updateId: null },
      new Date(when),
    );
  await move(binhNomination, "submitted", "under_review", null, "2026-12-20T08:00:00+07:00");
  await move(binhNomination, "under_review", "recommended", null, "2026-12-22T14:45:00+07:00");
  await move(cuongNomination, "submitted", "returned", RETURN_REASON, "2026-12-21T10:15:00+07:00");
  await move(unitNomination, "submitted", "returned", UNIT_RETURN_REASON, "2026-12-16T09:00:00+07:00");
  await move(unitNomination, "returned", "submitted", null, "2026-12-17T10:00:00+07:00", HEAD_A);
  await move(unitNomination, "submitted", "under_review", null, "2026-12-18T11:30:00+07:00");
}

/** A worksheet's cells as plain values, row by row (empty cells as ""). */
function cells(sheet: ExcelJS.Worksheet): Array<Array<string | number>> {
  const rows: Array<Array<string | number>> = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    rows.push(
      Array.from({ length: sheet.columnCount }, (_, c) => {
        const value = row.getCell(c + 1).value;
        return value === null || value === undefined ? "" : (value as string | number);
      }),
    );
  }
  return rows;
}

async function readWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return workbook;
}

function sheetNamed(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** The row whose cell under `header` is `value`, as header → value. */
function rowWhere(table: Array<Array<string | number>>, header: string, value: string | number) {
  const headers = table[0] ?? [];
  const column = headers.indexOf(header);
  expect(column, `header ${header}`).toBeGreaterThanOrEqual(0);
  const row = table.slice(1).find((candidate) => candidate[column] === value);
  expect(row, `row with ${header} = ${value}`).toBeDefined();
  return Object.fromEntries(headers.map((h, index) => [String(h), row?.[index]]));
}

beforeAll(async () => {
  db = openDatabase(":memory:");
  await migrateToLatest(db);
  deps = { db, campaign: loadCampaign(), clock: () => NOW, i18n: createI18n() };
  await seed();
});

afterAll(async () => {
  await db.destroy();
});

describe("buildWorkbook", () => {
  let workbook: ExcelJS.Workbook;

  beforeAll(async () => {
    workbook = await readWorkbook(await buildWorkbook(deps, YEAR, "vi"));
  });

  it("has the three sheets, each with a bold, frozen header row and set column widths", () => {
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "Tình hình đơn vị",
      "Đề nghị khen thưởng",
      "Tự đánh giá",
    ]);
    for (const sheet of workbook.worksheets) {
      expect(sheet.getRow(1).getCell(1).font?.bold, sheet.name).toBe(true);
      expect(sheet.getRow(1).getCell(sheet.columnCount).font?.bold, sheet.name).toBe(true);
      expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      for (let c = 1; c <= sheet.columnCount; c++) {
        const width = sheet.getColumn(c).width ?? 0;
        expect(width, `${sheet.name} column ${c}`).toBeGreaterThanOrEqual(8);
        expect(width, `${sheet.name} column ${c}`).toBeLessThanOrEqual(50);
      }
    }
  });

  it("writes only translated words, never a message key", () => {
    for (const sheet of workbook.worksheets)
      for (const row of cells(sheet)) for (const value of row) expect(String(value)).not.toMatch(/^ex-/);
  });

  it("gives each active unit's progress, nominations per form, documents, dossier and lateness", () => {
    const table = cells(sheetNamed(workbook, "Tình hình đơn vị"));
    expect(table[0]).toEqual([
      "Mã đơn vị",
      "Tên đơn vị",
      "Số người đã nộp tự đánh giá",
      "Số người đã đăng ký trên bot",
      "Tự đánh giá của tập thể",
      "Bằng khen của Thủ tướng Chính phủ (tập thể)",
      "Bằng khen của Thủ tướng Chính phủ (cá nhân)",
      "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh (tập thể)",
      "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh (cá nhân)",
      "Giấy khen của Giám đốc Sở (tập thể)",
      "Giấy khen của Giám đốc Sở (cá nhân)",
      "Số tài liệu đã tải lên",
      "Số tài liệu phải nộp",
      "Hồ sơ đề nghị khen thưởng",
      "Quá hạn / nộp muộn",
    ]);
    expect(table.slice(1)).toEqual([
      // 1 of 3 people submitted; documents: the Tờ trình and three nominees' reports, two uploaded.
      [
        "PHC",
        "Phòng Hành chính, Tổng hợp",
        1,
        3,
        "Đang thực hiện",
        0,
        0,
        0,
        1,
        1,
        1,
        2,
        4,
        "Đã nộp",
        "Không",
      ],
      // Nothing submitted once the deadline passed: late.
      ["TTTG", "Trung tâm Trợ giúp pháp lý", 0, 1, "Chưa bắt đầu", 0, 1, 0, 0, 0, 0, 0, 2, "Chưa lập", "Có"],
    ]);
  });

  it("lists every nomination with the nominee's position, its status word, the head's reason and its latest move", async () => {
    const table = cells(sheetNamed(workbook, "Đề nghị khen thưởng"));
    expect(table[0]).toEqual([
      "Số đề nghị",
      "Mã đơn vị",
      "Tên đơn vị",
      "Hình thức khen thưởng",
      "Tập thể/cá nhân",
      "Tên tập thể, cá nhân được đề nghị",
      "Chức vụ",
      "Đạt đủ tiêu chí (theo tự đánh giá)",
      "Lý do đề nghị khi chưa đạt đủ tiêu chí",
      "Số tiêu chí đạt khi đề nghị",
      "Trạng thái",
      "Thời điểm thay đổi gần nhất",
      "Lý do của trạng thái hiện tại",
      "Số quyết định khen thưởng",
      "Ngày quyết định",
      "Cơ quan, người ban hành quyết định",
      "Bước trên quy trình",
      "Số Tờ trình, Quyết định gần nhất",
      "Ngày Tờ trình, Quyết định",
    ]);
    // Unit by unit, then by form and kind, as listNominations orders them.
    expect(table.slice(1).map((row) => [row[1], row[5]])).toEqual([
      ["PHC", "Lê Văn Cường"],
      ["PHC", "Phòng Hành chính, Tổng hợp"],
      ["PHC", "Trần Thị Bình"],
      ["TTTG", "Phạm Thị Dung"],
    ]);
    expect(rowWhere(table, "Tên tập thể, cá nhân được đề nghị", "Trần Thị Bình")).toMatchObject({
      "Tên đơn vị": "Phòng Hành chính, Tổng hợp",
      "Hình thức khen thưởng": "Giấy khen của Giám đốc Sở",
      "Tập thể/cá nhân": "Cá nhân",
      "Chức vụ": "Chuyên viên chính",
      "Đạt đủ tiêu chí (theo tự đánh giá)": "Không",
      "Lý do đề nghị khi chưa đạt đủ tiêu chí": BINH_REASON,
      "Số tiêu chí đạt khi đề nghị": "2/6",
      "Trạng thái": "Đã trình Hội đồng Thi đua - Khen thưởng",
      "Bước trên quy trình": "2/4 đã trình Hội đồng Thi đua - Khen thưởng",
      "Thời điểm thay đổi gần nhất": "14:45 22/12/2026",
      // The head's reason is in its own column; the recommendation came with none.
      "Lý do của trạng thái hiện tại": "",
    });
    expect(rowWhere(table, "Tên tập thể, cá nhân được đề nghị", "Lê Văn Cường")).toMatchObject({
      "Hình thức khen thưởng": "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
      "Đạt đủ tiêu chí (theo tự đánh giá)": "Có",
      "Chức vụ": "Kế toán viên",
      "Lý do đề nghị khi chưa đạt đủ tiêu chí": "",
      "Trạng thái": "Bị trả lại để sửa, bổ sung",
      "Thời điểm thay đổi gần nhất": "10:15 21/12/2026",
      "Lý do của trạng thái hiện tại": RETURN_REASON,
    });
    // Returned, corrected and under review again: the return's reason is no longer why it stands where it does.
    expect(rowWhere(table, "Tên tập thể, cá nhân được đề nghị", "Phòng Hành chính, Tổng hợp")).toMatchObject({
      "Tập thể/cá nhân": "Tập thể",
      "Chức vụ": "",
      "Trạng thái": "Văn phòng Sở đang thẩm định",
      "Thời điểm thay đổi gần nhất": "11:30 18/12/2026",
      "Lý do của trạng thái hiện tại": "",
    });
    // The nomination's history keeps it.
    expect((await nominationHistory(db, unitNomination)).map((entry) => entry.reason)).toContain(
      UNIT_RETURN_REASON,
    );
    expect(JSON.stringify(table)).not.toContain(UNIT_RETURN_REASON);
    const dung = rowWhere(table, "Tên tập thể, cá nhân được đề nghị", "Phạm Thị Dung");
    expect(dung).toMatchObject({
      "Hình thức khen thưởng": "Bằng khen của Thủ tướng Chính phủ",
      "Chức vụ": "Giám đốc Trung tâm",
      "Trạng thái": "Chưa nộp hồ sơ",
      "Thời điểm thay đổi gần nhất": "10:00 01/12/2026",
      // The workbook keeps text as text: no formula guard is needed there.
      "Lý do đề nghị khi chưa đạt đủ tiêu chí": "- Nhiều thành tích, 5 năm liền",
    });
    expect(typeof dung["Số đề nghị"]).toBe("number");
  });

  it("gives each assessment's position, evidence files, answers criterion by criterion, and the reform areas", () => {
    const table = cells(sheetNamed(workbook, "Tự đánh giá"));
    const headers = table[0] ?? [];
    expect(headers.slice(0, 7)).toEqual([
      "Mã đơn vị",
      "Họ và tên / Tên đơn vị",
      "Chức vụ",
      "Đối tượng",
      "Trạng thái",
      "Thời điểm nộp",
      "Số tệp minh chứng",
    ]);
    expect(headers).toContain("III.2.b.6: Xếp loại");
    expect(headers).toContain("III.2.a.1: Đạt/Không đạt");
    expect(headers.at(-1)).toBe("Lĩnh vực: Xây dựng chính quyền điện tử và chính quyền số");
    // The unit's own assessment first, then its people; only those who started one.
    expect(table.slice(1).map((row) => [row[0], row[1]])).toEqual([
      ["PHC", "Phòng Hành chính, Tổng hợp"],
      ["PHC", "Trần Thị Bình"],
    ]);

    const binh = rowWhere(table, "Họ và tên / Tên đơn vị", "Trần Thị Bình");
    expect(binh).toMatchObject({
      "Chức vụ": "Chuyên viên chính",
      "Đối tượng": "Cá nhân",
      "Trạng thái": "Đã nộp",
      "Thời điểm nộp": "09:30 20/11/2026",
      "Số tệp minh chứng": 3,
      "III.2.b.1: Đạt/Không đạt": "Đạt",
      "III.2.b.1: Giải trình, minh chứng": "Chấp hành nghiêm kỷ luật, kỷ cương hành chính.",
      "III.2.b.2: Đạt/Không đạt": "Không đạt",
      "III.2.b.2: Giải trình, minh chứng": "(không nêu)",
      "III.2.b.3: Đạt/Không đạt": "—",
      "III.2.b.3: Giải trình, minh chứng": "",
      "III.2.b.4: Đạt/Không đạt": "Đạt",
      "III.2.b.4: Giải trình, minh chứng":
        "Quyết định số 125/QĐ-STP ngày 15/10/2026 (Hội đồng sáng kiến cấp tỉnh công nhận)",
      "III.2.b.6: Đạt/Không đạt": "Đạt",
      "III.2.b.6: Xếp loại": "Hoàn thành xuất sắc nhiệm vụ",
      // A person answers no collective criteria.
      "III.2.a.1: Đạt/Không đạt": "",
      "Lĩnh vực: Cải cách thể chế": "Rà soát 15 văn bản quy phạm pháp luật.",
      "Lĩnh vực: Cải cách thủ tục hành chính": "(không nêu)",
      "Lĩnh vực: Cải cách tổ chức bộ máy": "",
    });

    expect(rowWhere(table, "Họ và tên / Tên đơn vị", "Phòng Hành chính, Tổng hợp")).toMatchObject({
      "Chức vụ": "",
      "Đối tượng": "Tập thể",
      "Trạng thái": "Đang thực hiện",
      "Thời điểm nộp": "",
      "Số tệp minh chứng": 1,
      "III.2.a.1: Đạt/Không đạt": "Đạt",
      "III.2.a.1: Giải trình, minh chứng": "Đơn vị thực hiện tốt.",
      "III.2.a.3: Đạt/Không đạt": "—",
      "III.2.b.1: Đạt/Không đạt": "",
    });
  });

  it("writes English headers, sheet names and words for an English reader", async () => {
    const english = await readWorkbook(await buildWorkbook(deps, YEAR, "en"));
    expect(english.worksheets.map((sheet) => sheet.name)).toEqual([
      "Unit status",
      "Nominations",
      "Self-assessments",
    ]);
    const units = cells(sheetNamed(english, "Unit status"));
    expect(units[0]?.slice(0, 5)).toEqual([
      "Unit code",
      "Unit name",
      "Self-assessments submitted",
      "Staff registered on the bot",
      "Unit's own assessment",
    ]);
    expect(units[0]).toContain("Director's Certificate of Commendation (individual)");
    expect(units[2]?.slice(-2)).toEqual(["Not started", "Yes"]);

    const nominations = cells(sheetNamed(english, "Nominations"));
    expect(nominations[0]).toEqual([
      "Nomination no.",
      "Unit code",
      "Unit name",
      "Award form",
      "Collective/individual",
      "Nominee",
      "Position",
      "Meets all criteria (self-assessment)",
      "Head's reason for nominating",
      "Criteria met when nominated",
      "Status",
      "Last changed",
      "Reason for the current status",
      "Award decision no.",
      "Decision date",
      "Issued by",
      "Step on the route",
      "Latest submission or decision no.",
      "Date of the submission or decision",
    ]);
    expect(rowWhere(nominations, "Nominee", "Trần Thị Bình")).toMatchObject({
      "Award form": "Director's Certificate of Commendation",
      "Collective/individual": "Individual",
      "Meets all criteria (self-assessment)": "No",
      Status: "Recommended to the Emulation and Commendation Council",
    });
    expect(rowWhere(nominations, "Nominee", "Lê Văn Cường")).toMatchObject({
      Status: "Returned for correction",
    });

    const assessments = cells(sheetNamed(english, "Self-assessments"));
    expect(rowWhere(assessments, "Full name / unit name", "Trần Thị Bình")).toMatchObject({
      Position: "Chuyên viên chính",
      "Evidence files": 3,
      "Collective/individual": "Individual",
      Status: "Submitted",
      "III.2.b.2: met/not met": "Not met",
      "III.2.b.4: account and evidence":
        "Decision no. 125/QĐ-STP of 15/10/2026 (recognised by the province's initiative council)",
      "III.2.b.6: rating": "Completed duties excellently",
      "Area: Institutional reform": "Rà soát 15 văn bản quy phạm pháp luật.",
    });
  });

  it("still gives the units for a year without a round, and nobody is late", async () => {
    const empty = await readWorkbook(await buildWorkbook(deps, 2030, "vi"));
    const units = cells(sheetNamed(empty, "Tình hình đơn vị"));
    expect(units.slice(1).map((row) => [row[0], row.at(-2), row.at(-1)])).toEqual([
      ["PHC", "Chưa lập", "Không"],
      ["TTTG", "Chưa lập", "Không"],
    ]);
    expect(cells(sheetNamed(empty, "Đề nghị khen thưởng"))).toHaveLength(1);
    expect(cells(sheetNamed(empty, "Tự đánh giá"))).toHaveLength(1);
  });
});

describe("buildNominationsCsv", () => {
  it("writes the nominations sheet as UTF-8 CSV with a BOM and CRLF lines", async () => {
    const csv = await buildNominationsCsv(deps, YEAR, "vi");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    // Every line break is CRLF.
    expect(csv.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const lines = csv.slice(1).split("\r\n");
    expect(lines[0]).toBe(
      'Số đề nghị,Mã đơn vị,Tên đơn vị,Hình thức khen thưởng,Tập thể/cá nhân,"Tên tập thể, cá nhân được đề nghị",' +
        "Chức vụ,Đạt đủ tiêu chí (theo tự đánh giá),Lý do đề nghị khi chưa đạt đủ tiêu chí,Số tiêu chí đạt khi đề nghị,Trạng thái," +
        'Thời điểm thay đổi gần nhất,Lý do của trạng thái hiện tại,Số quyết định khen thưởng,Ngày quyết định,"Cơ quan, người ban hành quyết định",' +
        'Bước trên quy trình,"Số Tờ trình, Quyết định gần nhất","Ngày Tờ trình, Quyết định"',
    );
    // Fields with a comma are quoted, and a quote inside is doubled.
    expect(csv).toContain(',"Phòng Hành chính, Tổng hợp",');
    expect(csv).toContain(',"Có đóng góp nổi bật, được Sở ""ghi nhận""",');
    expect(csv).toContain(`,"${RETURN_REASON}",,,,"bị trả lại để sửa, bổ sung",,\r\n`);
  });

  it("has the same rows as the workbook's nominations sheet", async () => {
    const csv = parseCsv((await buildNominationsCsv(deps, YEAR, "vi")).slice(1));
    const sheet = cells(
      sheetNamed(await readWorkbook(await buildWorkbook(deps, YEAR, "vi")), "Đề nghị khen thưởng"),
    );
    expect(csv).toHaveLength(5);
    expect(csv[0]).toEqual(sheet[0]);
    const binh = rowWhere(csv, "Tên tập thể, cá nhân được đề nghị", "Trần Thị Bình");
    expect(binh).toMatchObject({
      "Tên đơn vị": "Phòng Hành chính, Tổng hợp",
      "Lý do đề nghị khi chưa đạt đủ tiêu chí": BINH_REASON,
      "Trạng thái": "Đã trình Hội đồng Thi đua - Khen thưởng",
      "Thời điểm thay đổi gần nhất": "14:45 22/12/2026",
    });
    // The same cells, but text that starts like a formula gets a leading apostrophe.
    const guarded = (value: string | number) =>
      typeof value === "string" && /^[=+\-@]/.test(value) ? `'${value}` : String(value);
    expect(csv.slice(1)).toEqual(sheet.slice(1).map((row) => row.map(guarded)));
  });

  it("keeps a reason that starts like a formula as text in the CSV", async () => {
    const csv = parseCsv((await buildNominationsCsv(deps, YEAR, "vi")).slice(1));
    expect(rowWhere(csv, "Tên tập thể, cá nhân được đề nghị", "Phạm Thị Dung")).toMatchObject({
      "Lý do đề nghị khi chưa đạt đủ tiêu chí": "'- Nhiều thành tích, 5 năm liền",
    });
  });

  it("writes English headers and words for an English reader", async () => {
    const csv = parseCsv((await buildNominationsCsv(deps, YEAR, "en")).slice(1));
    expect(csv[0]?.slice(0, 4)).toEqual(["Nomination no.", "Unit code", "Unit name", "Award form"]);
    expect(rowWhere(csv, "Nominee", "Lê Văn Cường")).toMatchObject({
      "Collective/individual": "Individual",
      Status: "Returned for correction",
      "Reason for the current status": RETURN_REASON,
    });
  });
});

// Last in the file: it adds Cường's assessment, which the sheets above do not show.
describe("buildWorkbook: a rating not known yet and an initiative's name", () => {
  let table: Array<Array<string | number>>;

  beforeAll(async () => {
    const at = new Date("2026-12-28T09:00:00+07:00");
    const cuong = await ensureAssessment(
      db,
      { year: YEAR, subject: "individual", subjectId: CUONG, unitId: unitA },
      at,
    );
    const initiative = {
      met: true,
      initiativeName: "Số hóa hồ sơ lý lịch tư pháp",
      decisionNumber: "88/QĐ-HĐSK",
      decisionDate: "2026-11-02",
      council: "so",
      filesDone: true,
    };
    await saveItem(db, cuong.id, criterionKey("sang-kien"), initiative, at, 201);
    await saveItem(db, cuong.id, criterionKey("xep-loai"), { ratingPending: true, met: false }, at, 202);
    const workbook = await readWorkbook(await buildWorkbook(deps, YEAR, "vi"));
    table = cells(sheetNamed(workbook, "Tự đánh giá"));
  });

  it("shows the rating as awaited, not as 'Không đạt', and the initiative with its name", () => {
    expect(rowWhere(table, "Họ và tên / Tên đơn vị", "Lê Văn Cường")).toMatchObject({
      "III.2.b.4: Đạt/Không đạt": "Đạt",
      "III.2.b.4: Giải trình, minh chứng":
        "Sáng kiến: Số hóa hồ sơ lý lịch tư pháp; Quyết định số 88/QĐ-HĐSK ngày 02/11/2026 (Hội đồng sáng kiến cấp cơ sở Sở Tư pháp công nhận)",
      "III.2.b.6: Đạt/Không đạt": "Chờ kết quả xếp loại",
      "III.2.b.6: Xếp loại": "Chờ kết quả xếp loại",
    });
  });
});
