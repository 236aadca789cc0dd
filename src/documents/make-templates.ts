/**
 * Writes the bundled Báo cáo thành tích templates (src/campaign/templates/*.docx) with the `docx` package, once:
 * `npm run templates`. The .docx files are committed; the bot only fills them (docxtemplater). The layout follows
 * Nghị định 30/2020/NĐ-CP (A4, margins 20/15/20/30 mm, Times New Roman, the national heading) and the structure of
 * Mẫu số 02 (tập thể) and Mẫu số 03 (cá nhân) of the appendix of Nghị định 98/2023/NĐ-CP.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeightRule,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";

const MM = 56.7; // twips per millimetre
const BODY = 28; // half-points: 14 pt
const HEADING = 26; // 13 pt, the national heading and the issuing body
const CONTENT_WIDTH = Math.round((210 - 30 - 15) * MM);

interface Run {
  text: string;
  bold?: boolean;
  italics?: boolean;
  size?: number;
}

type Line = string | Run | Run[];

const runs = (line: Line): TextRun[] =>
  (typeof line === "string" ? [{ text: line }] : Array.isArray(line) ? line : [line]).map(
    (run) => new TextRun({ ...run, size: run.size ?? BODY }),
  );

function para(
  line: Line,
  options: { align?: "center" | "both" | "left"; indent?: boolean; after?: number } = {},
): Paragraph {
  const alignment =
    options.align === "center"
      ? AlignmentType.CENTER
      : options.align === "left"
        ? AlignmentType.LEFT
        : AlignmentType.JUSTIFIED;
  return new Paragraph({
    children: runs(line),
    alignment,
    spacing: { before: 60, after: options.after ?? 60, line: 300 },
    ...(options.indent === false ? {} : { indent: { firstLine: Math.round(10 * MM) } }),
  });
}

const centred = (line: Line, after = 0) => para(line, { align: "center", indent: false, after });
const bold = (text: string, size?: number): Run => ({ text, bold: true, ...(size ? { size } : {}) });
const italic = (text: string, size?: number): Run => ({ text, italics: true, ...(size ? { size } : {}) });

/** A short rule under a heading line: a bottom border on an empty paragraph, narrowed by indents. */
function rule(widthMm: number, cellWidthMm: number): Paragraph {
  const side = Math.round(((cellWidthMm - widthMm) / 2) * MM);
  return new Paragraph({
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
    indent: { left: side, right: side },
    spacing: { before: 0, after: 120, line: 120 },
    children: [],
  });
}

const NO_BORDERS = {
  top: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  bottom: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  left: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  right: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  insideHorizontal: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  insideVertical: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
};

/** Two columns without borders: the heading (issuing body | national heading) and the signatures. */
function twoColumns(left: Paragraph[], right: Paragraph[], leftShare = 0.4): Table {
  const leftWidth = Math.round(CONTENT_WIDTH * leftShare);
  const rightWidth = CONTENT_WIDTH - leftWidth;
  const cell = (children: Paragraph[], width: number) =>
    new TableCell({ children, width: { size: width, type: WidthType.DXA }, borders: NO_BORDERS });
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: [leftWidth, rightWidth],
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(left, leftWidth), cell(right, rightWidth)] })],
  });
}

/** The heading of Nghị định 30/2020: issuing body and số on the left, the national heading, place and date right. */
function heading(): Table {
  const leftMm = ((210 - 45) * 0.4) | 0;
  const rightMm = 210 - 45 - leftMm;
  return twoColumns(
    [
      centred({ text: "{parentBody}", size: 24 }),
      centred(bold("{issuingBody}", 24)),
      rule(25, leftMm),
      centred({ text: "Số:        /BC-……", size: HEADING }),
    ],
    [
      centred(bold("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 24)),
      centred(bold("Độc lập - Tự do - Hạnh phúc", HEADING)),
      rule(58, rightMm),
      centred(italic("{place}, ngày {day} tháng {month} năm {year}", BODY)),
    ],
  );
}

function title(): Paragraph[] {
  return [
    new Paragraph({ children: [], spacing: { before: 240, after: 0 } }),
    centred(bold("BÁO CÁO THÀNH TÍCH")),
    centred(bold("ĐỀ NGHỊ TẶNG {formTitle}")),
    centred(italic("(Thành tích trong phong trào thi đua “{movement}”, năm {roundYear})"), 240),
  ];
}

/** Section II.2: the criteria, the six reform areas and the initiatives, each a loop of paragraphs. */
function achievements(prefix: string): Paragraph[] {
  return [
    para([bold(`${prefix}a) `), { text: "Kết quả thực hiện các tiêu chí thi đua ({criteriaBasis}):" }]),
    para("{#criteria}", { indent: false }),
    para([bold("{code}. "), { text: "{text}" }]),
    para([italic("Kết quả: "), { text: "{result}. {details}" }]),
    para("{/criteria}", { indent: false }),
    para([
      bold(`${prefix}b) `),
      { text: "Kết quả đạt được theo các nội dung cải cách hành chính (Mục II.3 của Kế hoạch):" },
    ]),
    para("{#areas}", { indent: false }),
    para([bold("{number}. {name}: "), { text: "{text}" }]),
    para("{/areas}", { indent: false }),
    para([bold(`${prefix}c) `), { text: "Sáng kiến, giải pháp trong cải cách hành chính được công nhận:" }]),
    ...eachOrNone("initiatives", "- {name}: {decision}", "{noInitiatives}"),
  ];
}

function awardsTable(): Table {
  const widths = [0.14, 0.4, 0.46].map((share) => Math.round(CONTENT_WIDTH * share));
  const cell = (text: Line, width: number, header = false) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      children: [
        new Paragraph({
          alignment: header ? AlignmentType.CENTER : AlignmentType.LEFT,
          spacing: { before: 60, after: 60 },
          children: runs(
            header
              ? bold(typeof text === "string" ? text : "", 26)
              : typeof text === "string"
                ? { text, size: 26 }
                : text,
          ),
        }),
      ],
    });
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({
        tableHeader: true,
        children: [
          cell("Năm", widths[0] ?? 0, true),
          cell("Hình thức khen thưởng, danh hiệu thi đua", widths[1] ?? 0, true),
          cell("Số, ngày, tháng, năm của quyết định; cơ quan ban hành quyết định", widths[2] ?? 0, true),
        ],
      }),
      new TableRow({
        height: { value: Math.round(8 * MM), rule: HeightRule.ATLEAST },
        children: [
          cell("{#awards}{year}", widths[0] ?? 0),
          cell("{form}", widths[1] ?? 0),
          cell("{decision}{/awards}", widths[2] ?? 0),
        ],
      }),
    ],
  });
}

function signatures(left: Line[], right: Line[]): Table {
  const block = (lines: Line[]) => lines.map((line) => centred(line));
  return twoColumns(block(left), block(right), 0.5);
}

/** A line for each item of the template's loop `name`, or the `none` line where the loop has no item. */
const eachOrNone = (name: string, line: Line, none: Line): Paragraph[] => [
  para(`{#${name}}`, { indent: false }),
  para(line),
  para(`{/${name}}`, { indent: false }),
  para(`{^${name}}`, { indent: false }),
  para(none),
  para(`{/${name}}`, { indent: false }),
];

const space = () => new Paragraph({ children: [], spacing: { before: 0, after: 0 } });

function document(children: Array<Paragraph | Table>): Document {
  return new Document({
    creator: "ThiĐua bot",
    styles: { default: { document: { run: { font: "Times New Roman", size: BODY } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: {
              top: Math.round(20 * MM),
              bottom: Math.round(20 * MM),
              left: Math.round(30 * MM),
              right: Math.round(15 * MM),
            },
          },
        },
        children,
      },
    ],
  });
}

const section = (text: string) =>
  new Paragraph({ children: runs(bold(text)), spacing: { before: 180, after: 60, line: 300 } });

export function individualTemplate(): Document {
  return document([
    heading(),
    ...title(),
    section("I. SƠ LƯỢC LÝ LỊCH"),
    para("- Họ tên: {fullName}"),
    para("- Sinh ngày, tháng, năm: {birthDate}; Giới tính: {gender}"),
    para("- Quê quán: {hometown}"),
    para("- Đơn vị công tác: {unitName}"),
    para("- Chức vụ: {position}"),
    para("- Trình độ chuyên môn, nghiệp vụ: {qualification}"),
    section("II. THÀNH TÍCH ĐẠT ĐƯỢC"),
    para([bold("1. "), { text: "Quyền hạn, nhiệm vụ được giao hoặc đảm nhận: {duties}" }]),
    para([bold("2. "), { text: "Thành tích đạt được trong phong trào thi đua:" }]),
    ...achievements(""),
    section("III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG"),
    awardsTable(),
    space(),
    signatures(
      [bold("THỦ TRƯỞNG ĐƠN VỊ"), bold("XÁC NHẬN, ĐỀ NGHỊ"), italic("(Ký, đóng dấu)")],
      [bold("NGƯỜI BÁO CÁO THÀNH TÍCH"), italic("(Ký, ghi rõ họ và tên)"), "", "", "", bold("{fullName}")],
    ),
    space(),
    centred(bold("XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG")),
    centred(italic("(Ký, đóng dấu)")),
  ]);
}

export function collectiveTemplate(): Document {
  return document([
    heading(),
    ...title(),
    section("I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH"),
    para([bold("1. "), { text: "Đặc điểm, tình hình:" }]),
    para("- Tên đơn vị: {unitName}"),
    para("- Người đứng đầu: {headName}"),
    para([bold("2. "), { text: "Chức năng, nhiệm vụ được giao: {duties}" }]),
    section("II. THÀNH TÍCH ĐẠT ĐƯỢC"),
    para([
      bold("1. "),
      { text: "Kết quả thực hiện nhiệm vụ chính trị được giao: (đơn vị bổ sung số liệu, kết quả cụ thể)" },
    ]),
    para([bold("2. "), { text: "Thành tích đạt được trong phong trào thi đua:" }]),
    ...achievements(""),
    section("III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG"),
    awardsTable(),
    space(),
    signatures(
      [bold("XÁC NHẬN CỦA CẤP TRÌNH"), bold("KHEN THƯỞNG"), italic("(Ký, đóng dấu)")],
      [bold("THỦ TRƯỞNG ĐƠN VỊ"), italic("(Ký, đóng dấu)"), "", "", "", bold("{headName}")],
    ),
  ]);
}

async function main(): Promise<void> {
  const directory = new URL("../campaign/templates/", import.meta.url);
  const outputs: Array<[string, Document]> = [
    ["bao-cao-thanh-tich-ca-nhan.docx", individualTemplate()],
    ["bao-cao-thanh-tich-tap-the.docx", collectiveTemplate()],
  ];
  for (const [name, doc] of outputs) {
    const path = fileURLToPath(new URL(name, directory));
    writeFileSync(path, await Packer.toBuffer(doc));
    console.log(`wrote ${path}`);
  }
}

await main();

// ---- Tờ trình đề nghị khen thưởng of a unit, danh sách đề nghị khen thưởng of a form (issue 13, items 2–3) ----

/** Width of the text on a landscape A4 page with the same margins (the danh sách's wide table). */
const LANDSCAPE_WIDTH = Math.round((297 - 30 - 15) * MM);

/**
 * Two borderless columns `width` wide: the heading and the signatures of a document of any orientation;
 * `keepTogether`: a page break does not cut the row.
 */
function columnsOf(
  width: number,
  left: Paragraph[],
  right: Paragraph[],
  leftShare: number,
  keepTogether = false,
): Table {
  const leftWidth = Math.round(width * leftShare);
  const widths = [leftWidth, width - leftWidth];
  const cell = (children: Paragraph[], at: number) =>
    new TableCell({ children, width: { size: widths[at] ?? 0, type: WidthType.DXA }, borders: NO_BORDERS });
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    borders: NO_BORDERS,
    rows: [new TableRow({ cantSplit: keepTogether || undefined, children: [cell(left, 0), cell(right, 1)] })],
  });
}

/** The heading of Nghị định 30/2020 with the document's số/ký hiệu left to fill ("TTr" for a Tờ trình). */
function headingOf(kind: string, widthMm: number, leftShare = 0.4): Table {
  const leftMm = Math.floor(widthMm * leftShare);
  return columnsOf(
    Math.round(widthMm * MM),
    [
      centred({ text: "{parentBody}", size: 24 }),
      centred(bold("{issuingBody}", 24)),
      rule(25, leftMm),
      centred({ text: `Số:        /${kind}-……`, size: HEADING }),
    ],
    [
      centred(bold("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 24)),
      centred(bold("Độc lập - Tự do - Hạnh phúc", HEADING)),
      rule(58, widthMm - leftMm),
      centred(italic("{place}, ngày {day} tháng {month} năm {year}", BODY)),
    ],
    leftShare,
  );
}

/** "Nơi nhận" in 12 pt italics and bold as Nghị định 30/2020 sets it, beside the signatory's block. */
function recipientsAndSignature(
  recipients: readonly string[],
  signatory: Line[],
  widthMm: number,
  keepTogether = false,
): Table {
  const small = (text: string, extra: Partial<Run> = {}) =>
    para({ text, size: 22, ...extra }, { align: "left", indent: false, after: 0 });
  return columnsOf(
    Math.round(widthMm * MM),
    [
      para(bold("Nơi nhận:", 24), { align: "left", indent: false, after: 0 }),
      ...recipients.map((r) => small(r)),
    ],
    signatory.map((line) => centred(line)),
    0.5,
    keepTogether,
  );
}

/** A unit's Tờ trình: its nominees form by form, with the head's reason where the answers fall short. */
export function unitLetterTemplate(): Document {
  return document([
    headingOf("TTr", 165),
    new Paragraph({ children: [], spacing: { before: 240, after: 0 } }),
    centred(bold("TỜ TRÌNH")),
    centred(bold("Về việc đề nghị khen thưởng trong phong trào thi đua")),
    centred(bold("“{movement}” năm {roundYear}"), 240),
    centred([{ text: "Kính gửi: " }, { text: "{recipient}" }], 240),
    para("Căn cứ Kế hoạch của {organisation} về tổ chức phong trào thi đua “{movement}”;"),
    para(
      "Căn cứ kết quả thực hiện phong trào thi đua và kết quả tự đánh giá theo các tiêu chí thi đua năm {roundYear} của tập thể và công chức, viên chức, người lao động,",
    ),
    para(
      "{unitName} đề nghị xem xét, khen thưởng cho các tập thể, cá nhân có thành tích trong phong trào thi đua năm {roundYear}, cụ thể như sau:",
    ),
    para("{#forms}", { indent: false }),
    para(bold("{number}. {name}")),
    para("{#groups}", { indent: false }),
    para(italic("{heading}")),
    para("{#nominees}", { indent: false }),
    para("- {label}"),
    para(italic("{result}")),
    para("{#hasReason}", { indent: false }),
    para([italic("Lý do đề nghị (chưa đáp ứng đủ các tiêu chí thi đua): "), { text: "{reason}" }]),
    para("{/hasReason}", { indent: false }),
    para("{/nominees}", { indent: false }),
    para("{/groups}", { indent: false }),
    para("{/forms}", { indent: false }),
    para("{^forms}", { indent: false }),
    para("{noNominations}"),
    para("{/forms}", { indent: false }),
    para("Tổng số: {collectiveCount} tập thể, {individualCount} cá nhân."),
    para("(Kèm theo Báo cáo thành tích của các tập thể, cá nhân được đề nghị khen thưởng.)"),
    para(
      "{unitName} kính trình {office} tổng hợp, trình Hội đồng Thi đua - Khen thưởng của Sở xem xét, đề nghị khen thưởng theo quy định./.",
    ),
    space(),
    recipientsAndSignature(
      ["- Như trên;", "- Lưu: đơn vị."],
      [bold("TRƯỞNG ĐƠN VỊ"), italic("(Ký, ghi rõ họ và tên)"), "", "", "", bold("{headName}")],
      165,
    ),
  ]);
}

/** The danh sách's wide table: STT, họ tên, chức vụ, đơn vị, tóm tắt thành tích, tiêu chí đáp ứng. */
function nomineeTable(loop: string): Table {
  const shares = [0.05, 0.16, 0.13, 0.16, 0.34, 0.16];
  const widths = shares.map((share) => Math.round(LANDSCAPE_WIDTH * share));
  const cell = (text: string, at: number, header = false) =>
    new TableCell({
      width: { size: widths[at] ?? 0, type: WidthType.DXA },
      verticalAlign: header ? VerticalAlign.CENTER : VerticalAlign.TOP,
      children: [
        new Paragraph({
          alignment: header || at === 0 ? AlignmentType.CENTER : AlignmentType.LEFT,
          spacing: { before: 40, after: 40 },
          children: runs(header ? bold(text, 24) : { text, size: 24 }),
        }),
      ],
    });
  const headers = ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Tóm tắt thành tích", "Tiêu chí đáp ứng"];
  return new Table({
    width: { size: LANDSCAPE_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((text, at) => cell(text, at, true)) }),
      new TableRow({
        children: [
          cell(`{#${loop}}{number}`, 0),
          cell("{name}", 1),
          cell("{position}", 2),
          cell("{unit}", 3),
          cell("{summary}", 4),
          cell(`{criteria}{/${loop}}`, 5),
        ],
      }),
    ],
  });
}

/** The danh sách đề nghị khen thưởng (trích ngang) of one form, landscape: the collectives, then the people. */
export function nominationListTemplate(): Document {
  const page = { width: 11906, height: 16838, orientation: PageOrientation.LANDSCAPE };
  const margin = {
    top: Math.round(20 * MM),
    bottom: Math.round(20 * MM),
    left: Math.round(30 * MM),
    right: Math.round(15 * MM),
  };
  return new Document({
    creator: "ThiĐua bot",
    styles: { default: { document: { run: { font: "Times New Roman", size: BODY } } } },
    sections: [
      {
        properties: { page: { size: page, margin } },
        children: [
          headingOf("DS", 252, 0.4),
          new Paragraph({ children: [], spacing: { before: 200, after: 0 } }),
          centred(bold("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG {formTitle}")),
          centred(italic("Trong phong trào thi đua “{movement}” năm {roundYear}")),
          centred(italic("(Trình Hội đồng Thi đua - Khen thưởng của Sở xem xét)"), 200),
          para(bold("I. TẬP THỂ"), { indent: false }),
          nomineeTable("collectives"),
          para("{^collectives}{none}{/collectives}", { indent: false }),
          para(bold("II. CÁ NHÂN"), { indent: false }),
          nomineeTable("individuals"),
          para("{^individuals}{none}{/individuals}", { indent: false }),
          space(),
          columnsOf(
            LANDSCAPE_WIDTH,
            [],
            [centred(bold("NGƯỜI LẬP DANH SÁCH")), centred(italic("(Ký, ghi rõ họ và tên)"))],
            0.55,
          ),
        ],
      },
    ],
  });
}

await writeTemplates([
  ["to-trinh-don-vi.docx", unitLetterTemplate()],
  ["danh-sach-de-nghi.docx", nominationListTemplate()],
]);

async function writeTemplates(outputs: Array<[string, Document]>): Promise<void> {
  const directory = new URL("../campaign/templates/", import.meta.url);
  for (const [name, doc] of outputs) {
    const path = fileURLToPath(new URL(name, directory));
    writeFileSync(path, await Packer.toBuffer(doc));
    console.log(`wrote ${path}`);
  }
}

// ——— The Council's papers (issue 13 item 3): phiếu bầu, biên bản họp, biên bản kiểm phiếu, Quyết định ———

const SMALL = 24; // 12 pt, in tables
const TABLE_HEADER = 22; // 11 pt, the tables' column names
/** The heading's left column, a little wider than the report's: the Council's name is long. */
const HEAD_SHARE = 0.42;
const HEAD_LEFT_MM = Math.floor((210 - 45) * HEAD_SHARE);
const HEAD_RIGHT_MM = 210 - 45 - HEAD_LEFT_MM;

/** A bordered table: a header row, then one row repeated by a loop (`{#loop}` in the first cell, `{/loop}` last). */
function loopTable(
  loop: string,
  columns: Array<{ header: string; cell: string; share: number; centre?: boolean }>,
): Table {
  const widths = columns.map((column) => Math.round(CONTENT_WIDTH * column.share));
  const cell = (text: string, width: number, header: boolean, centre: boolean) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      children: [
        new Paragraph({
          alignment: header || centre ? AlignmentType.CENTER : AlignmentType.LEFT,
          spacing: { before: 40, after: 40 },
          children: runs(header ? bold(text, TABLE_HEADER) : { text, size: SMALL }),
        }),
      ],
    });
  const last = columns.length - 1;
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({
        tableHeader: true,
        children: columns.map((column, at) => cell(column.header, widths[at] ?? 0, true, true)),
      }),
      new TableRow({
        height: { value: Math.round(8 * MM), rule: HeightRule.ATLEAST },
        children: columns.map((column, at) =>
          cell(
            `${at === 0 ? `{#${loop}}` : ""}${column.cell}${at === last ? `{/${loop}}` : ""}`,
            widths[at] ?? 0,
            false,
            column.centre ?? false,
          ),
        ),
      }),
    ],
  });
}

/**
 * How far the Council's heading reaches into the left margin: "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG" in 12 pt bold
 * needs about 80 mm to stand on one line, as Nghị định 30/2020 sets it, beside the national heading's 96 mm.
 */
const COUNCIL_OUTDENT_MM = 14;
const COUNCIL_LEFT_MM = HEAD_LEFT_MM + COUNCIL_OUTDENT_MM;

/** A heading whose left column reaches into the margin, so a long issuing body stands on one line. */
function wideHeading(left: Paragraph[], right: Paragraph[]): Table {
  const widths = [COUNCIL_LEFT_MM, HEAD_RIGHT_MM].map((mm) => Math.round(mm * MM));
  const cell = (children: Paragraph[], at: number) =>
    new TableCell({ children, width: { size: widths[at] ?? 0, type: WidthType.DXA }, borders: NO_BORDERS });
  return new Table({
    width: { size: (widths[0] ?? 0) + (widths[1] ?? 0), type: WidthType.DXA },
    columnWidths: widths,
    indent: { size: -Math.round(COUNCIL_OUTDENT_MM * MM), type: WidthType.DXA },
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(left, 0), cell(right, 1)] })],
  });
}

/** The national heading's column: its two lines, the rule, and the place and date where the document is dated. */
const nationalColumn = (date: string | null) => [
  centred(bold("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 24)),
  centred(bold("Độc lập - Tự do - Hạnh phúc", HEADING)),
  rule(58, HEAD_RIGHT_MM),
  ...(date ? [centred(italic(date, BODY))] : []),
];

/** The Council's heading: the Sở above the Council on the left, the national heading, place and date right. */
function councilHeading(dated = true): Table {
  return wideHeading(
    [
      centred({ text: "{organisationUpper}", size: 24 }),
      centred(bold("{council}", 24)),
      rule(25, COUNCIL_LEFT_MM),
    ],
    nationalColumn(dated ? "{place}, ngày {day} tháng {month} năm {year}" : null),
  );
}

const councilSignatures = () =>
  signatures(
    [bold("THƯ KÝ HỘI ĐỒNG"), italic("(Ký, ghi rõ họ và tên)"), "", "", "", bold("{secretaryName}")],
    [bold("CHỦ TỊCH HỘI ĐỒNG"), italic("(Ký, ghi rõ họ và tên)"), "", "", "", bold("{chairName}")],
  );

export function ballotTemplate(): Document {
  return document([
    para("{#ballots}", { indent: false }),
    para("{#notFirst}", { indent: false }),
    new Paragraph({ children: [], pageBreakBefore: true, spacing: { before: 0, after: 0 } }),
    para("{/notFirst}", { indent: false }),
    councilHeading(false),
    new Paragraph({ children: [], spacing: { before: 240, after: 0 } }),
    centred(bold("PHIẾU BẦU")),
    centred(bold("XÉT ĐỀ NGHỊ KHEN THƯỞNG")),
    centred(italic("(Phong trào thi đua “{movement}”, năm {roundYear} — phiên họp số {meetingNumber})"), 240),
    para([{ text: "Thành viên Hội đồng: " }, bold("{memberName}"), { text: " — {memberRole}" }], {
      indent: false,
    }),
    para(
      italic(
        "Đánh dấu (X) vào một trong hai cột “Đồng ý” hoặc “Không đồng ý” ở mỗi dòng; phiếu đánh dấu cả hai cột hoặc để trống ở dòng nào thì dòng đó không được tính.",
      ),
      { indent: false },
    ),
    loopTable("items", [
      { header: "STT", cell: "{index}", share: 0.08, centre: true },
      { header: "Họ và tên cá nhân / tên tập thể", cell: "{name}", share: 0.29 },
      { header: "Đơn vị", cell: "{unit}", share: 0.19 },
      { header: "Hình thức khen thưởng", cell: "{form}", share: 0.2 },
      { header: "Đồng ý", cell: "", share: 0.12, centre: true },
      { header: "Không đồng ý", cell: "", share: 0.12, centre: true },
    ]),
    space(),
    twoColumns(
      [centred("")],
      [
        italic("{place}, ngày …… tháng …… năm ……", SMALL),
        bold("NGƯỜI BỎ PHIẾU"),
        italic("(Ký, ghi rõ họ và tên)"),
        "",
        "",
        "",
        bold("{memberName}"),
      ].map((line) => centred(line)),
      0.3,
    ),
    para("{/ballots}", { indent: false }),
  ]);
}

export function meetingMinutesTemplate(): Document {
  return document([
    councilHeading(),
    new Paragraph({ children: [], spacing: { before: 240, after: 0 } }),
    centred(bold("BIÊN BẢN")),
    centred(bold("Họp Hội đồng Thi đua - Khen thưởng xét đề nghị khen thưởng")),
    centred(italic("(Phong trào thi đua “{movement}”, năm {roundYear} — phiên họp số {meetingNumber})"), 240),
    para(
      "- Thời gian: bắt đầu lúc {openedTime} ngày {openedDate}, kết thúc lúc {closedTime} ngày {closedDate}.",
    ),
    para("- Địa điểm: {place}."),
    para("- Hình thức: biểu quyết qua ứng dụng ThiĐua (Telegram)."),
    section("I. THÀNH PHẦN THAM DỰ"),
    para(
      "Tổng số thành viên Hội đồng: {memberCount}; có mặt (đã gửi phiếu): {presentCount}; vắng mặt: {absentCount}.",
    ),
    para([bold("1. "), { text: "Thành viên có mặt:" }]),
    para("{#present}", { indent: false }),
    para("{index}. {name} — {role}"),
    para("{/present}", { indent: false }),
    para([bold("2. "), { text: "Thành viên vắng mặt:" }]),
    ...eachOrNone("absent", "- {name} — {role}", "{noAbsent}"),
    para("Chủ tọa: {chairName}, Chủ tịch Hội đồng. Thư ký: {secretaryName}, Thư ký Hội đồng."),
    section("II. NỘI DUNG"),
    para(
      "Hội đồng xem xét danh sách đề nghị khen thưởng do Văn phòng Sở trình và biểu quyết từng trường hợp. Trường hợp được đề nghị khi có {ruleText}, trong phạm vi chỉ tiêu còn lại của từng hình thức.",
    ),
    para([bold("1. "), { text: "Kết quả biểu quyết:" }]),
    loopTable("items", [
      { header: "STT", cell: "{index}", share: 0.08, centre: true },
      { header: "Cá nhân / tập thể", cell: "{name}", share: 0.24 },
      { header: "Đơn vị", cell: "{unit}", share: 0.17 },
      { header: "Hình thức", cell: "{form}", share: 0.16 },
      { header: "Đồng ý", cell: "{agree}", share: 0.1, centre: true },
      { header: "Không đồng ý", cell: "{disagree}", share: 0.1, centre: true },
      { header: "Kết quả", cell: "{result}", share: 0.15 },
    ]),
    para([
      bold("2. "),
      { text: "Các trường hợp bằng phiếu tại giới hạn chỉ tiêu, Chủ tịch Hội đồng quyết định:" },
    ]),
    ...eachOrNone("tieBreaks", "- {group}: chọn {chosen}. Lý do: {reason} ({by}).", "{noTieBreaks}"),
    section("III. KẾT LUẬN"),
    para(
      "Hội đồng thống nhất đề nghị khen thưởng {passedCount} trường hợp; không đề nghị {notPassedCount} trường hợp. Cụ thể:",
    ),
    para("{#outcomes}", { indent: false }),
    para([bold("- {form}: "), { text: "{names}." }]),
    para("{/outcomes}", { indent: false }),
    para(
      "Cuộc họp kết thúc lúc {closedTime} ngày {closedDate}. Biên bản được các thành viên dự họp thống nhất thông qua.",
    ),
    space(),
    councilSignatures(),
  ]);
}

export function voteCountTemplate(): Document {
  return document([
    councilHeading(),
    new Paragraph({ children: [], spacing: { before: 240, after: 0 } }),
    centred(bold("BIÊN BẢN KIỂM PHIẾU")),
    centred(bold("Bầu chọn đề nghị khen thưởng")),
    centred(italic("(Phong trào thi đua “{movement}”, năm {roundYear} — phiên họp số {meetingNumber})"), 240),
    para(
      "Hồi {closedTime} ngày {closedDate}, tại {place}, Hội đồng Thi đua - Khen thưởng tiến hành kiểm phiếu, kết quả như sau:",
    ),
    para("- Tổng số thành viên Hội đồng: {memberCount}."),
    para(
      "- Số phiếu phát ra: {memberCount}; số phiếu thu về (thành viên đã gửi phiếu): {presentCount}; số thành viên không gửi phiếu: {absentCount}.",
    ),
    para("- Điều kiện đề nghị: có {ruleText}, tức ít nhất {needed}/{base} phiếu đồng ý."),
    section("KẾT QUẢ KIỂM PHIẾU VÀ XẾP HẠNG"),
    para("{#groups}", { indent: false }),
    para([bold("{title}"), { text: " (chỉ tiêu còn lại: {slots})" }], { indent: false }),
    loopTable("ranking", [
      { header: "STT", cell: "{index}", share: 0.08, centre: true },
      { header: "Cá nhân / tập thể", cell: "{name}", share: 0.23 },
      { header: "Đơn vị", cell: "{unit}", share: 0.16 },
      { header: "Đồng ý", cell: "{agree}", share: 0.1, centre: true },
      { header: "Không đồng ý", cell: "{disagree}", share: 0.1, centre: true },
      { header: "Không biểu quyết", cell: "{blank}", share: 0.11, centre: true },
      { header: "Xếp hạng", cell: "{rank}", share: 0.09, centre: true },
      { header: "Kết quả", cell: "{result}", share: 0.13 },
    ]),
    para("{/groups}", { indent: false }),
    section("CÁC TRƯỜNG HỢP BẰNG PHIẾU"),
    ...eachOrNone(
      "tieBreaks",
      "- {group}: Chủ tịch Hội đồng ({by}) chọn {chosen}. Lý do: {reason}.",
      "{noTieBreaks}",
    ),
    para("Biên bản kiểm phiếu lập xong lúc {closedTime} ngày {closedDate}."),
    space(),
    councilSignatures(),
  ]);
}

export function decisionTemplate(): Document {
  const decisionHeading = (dated: boolean) =>
    wideHeading(
      [
        centred({ text: "{provinceUpper}", size: 24 }),
        centred(bold("{organisationUpper}", 24)),
        rule(25, COUNCIL_LEFT_MM),
        ...(dated ? [centred({ text: "Số:        /QĐ-……", size: HEADING })] : []),
      ],
      nationalColumn(dated ? "{place}, ngày …… tháng …… năm ……" : null),
    );
  return document([
    decisionHeading(true),
    new Paragraph({ children: [], spacing: { before: 240, after: 0 } }),
    centred(bold("QUYẾT ĐỊNH")),
    centred(bold("Về việc tặng {formName}")),
    centred(bold("trong phong trào thi đua “{movement}”, năm {roundYear}"), 120),
    rule(40, 165),
    centred(bold("GIÁM ĐỐC {organisationUpper}"), 120),
    para(italic("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;")),
    para(
      italic(
        "Căn cứ Nghị định số 152/2025/NĐ-CP của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;",
      ),
    ),
    para(
      italic(
        "Căn cứ quyết định quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của {organisation};",
      ),
    ),
    para(italic("Căn cứ {basis};")),
    para(
      italic(
        "Theo đề nghị của Hội đồng Thi đua - Khen thưởng tại Biên bản họp ngày {meetingDate} và của Chánh Văn phòng Sở.",
      ),
    ),
    centred(bold("QUYẾT ĐỊNH:"), 120),
    para([
      bold("Điều 1. "),
      {
        text: "Tặng {formName} cho {summary} (có danh sách kèm theo) đã có thành tích xuất sắc trong phong trào thi đua “{movement}”, năm {roundYear}.",
      },
    ]),
    para([
      bold("Điều 2. "),
      {
        text: "Tập thể, cá nhân có tên tại Điều 1 được tặng Giấy khen và tiền thưởng theo quy định của pháp luật về thi đua, khen thưởng.",
      },
    ]),
    para([
      bold("Điều 3. "),
      {
        text: "Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng Sở, Thủ trưởng các đơn vị có liên quan và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.",
      },
    ]),
    space(),
    twoColumns(
      [
        new Paragraph({ children: runs(bold("Nơi nhận:", 24)), spacing: { before: 0, after: 0 } }),
        new Paragraph({
          children: runs({ text: "- Như Điều 3;", size: 22 }),
          spacing: { before: 0, after: 0 },
        }),
        new Paragraph({
          children: runs({ text: "- Lưu: VT, VP.", size: 22 }),
          spacing: { before: 0, after: 0 },
        }),
      ],
      [
        centred(bold("GIÁM ĐỐC")),
        centred(italic("(Ký, ghi rõ họ tên, đóng dấu)")),
        centred(""),
        centred(""),
        centred(""),
      ],
      0.5,
    ),
    new Paragraph({ children: [], pageBreakBefore: true, spacing: { before: 0, after: 0 } }),
    decisionHeading(false),
    new Paragraph({ children: [], spacing: { before: 240, after: 0 } }),
    centred(bold("DANH SÁCH")),
    centred(bold("TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG {formUpper}")),
    centred(
      italic("(Kèm theo Quyết định số        /QĐ-…… ngày …… tháng …… năm …… của Giám đốc {organisation})"),
      240,
    ),
    section("I. TẬP THỂ"),
    loopTable("collectives", [
      { header: "STT", cell: "{index}", share: 0.1, centre: true },
      { header: "Tên tập thể", cell: "{name}", share: 0.9 },
    ]),
    para("{noCollectives}", { indent: false }),
    section("II. CÁ NHÂN"),
    loopTable("individuals", [
      { header: "STT", cell: "{index}", share: 0.08, centre: true },
      { header: "Họ và tên", cell: "{name}", share: 0.3 },
      { header: "Chức vụ", cell: "{position}", share: 0.27 },
      { header: "Đơn vị", cell: "{unit}", share: 0.35 },
    ]),
    para("{noIndividuals}", { indent: false }),
  ]);
}

async function writeCouncilTemplates(): Promise<void> {
  const outputs: Array<[string, Document]> = [
    ["phieu-bau.docx", ballotTemplate()],
    ["bien-ban-hop-hoi-dong.docx", meetingMinutesTemplate()],
    ["bien-ban-kiem-phieu.docx", voteCountTemplate()],
    ["quyet-dinh-giay-khen.docx", decisionTemplate()],
  ];
  for (const [name, doc] of outputs) {
    const path = fileURLToPath(new URL(name, new URL("../campaign/templates/", import.meta.url)));
    writeFileSync(path, await Packer.toBuffer(doc));
    console.log(`wrote ${path}`);
  }
}

await writeCouncilTemplates();

// ——— The Sở's Tờ trình to the province (issue 13 item 3) ———

/** The Sở's heading under the province: the Ủy ban above the Sở, số/ký hiệu; the national heading, place, date. */
function sosHeading(dated: boolean): Table {
  return wideHeading(
    [
      centred({ text: "{provinceUpper}", size: 24 }),
      centred(bold("{organisationUpper}", 24)),
      rule(25, COUNCIL_LEFT_MM),
      ...(dated ? [centred({ text: "Số:        /TTr-……", size: HEADING })] : []),
    ],
    nationalColumn(dated ? "{place}, ngày {day} tháng {month} năm {year}" : null),
  );
}

/** Nơi nhận (`recipients`) beside the Giám đốc's block, kept on one page (the row does not split). */
const directorSignature = (recipients: readonly string[]): Table =>
  recipientsAndSignature(
    recipients,
    [bold("GIÁM ĐỐC"), italic("(Ký, ghi rõ họ tên, đóng dấu)"), "", "", ""],
    165,
    true,
  );

/**
 * The Sở's Tờ trình to the Ủy ban nhân dân tỉnh (through the body the route names): the Council's result on each
 * collective and individual, then the annexed list on its own page.
 */
export function provinceLetterTemplate(): Document {
  return document([
    sosHeading(true),
    new Paragraph({ children: [], spacing: { before: 240, after: 0 } }),
    centred(bold("TỜ TRÌNH")),
    centred(bold("Về việc đề nghị tặng {formName}")),
    centred(bold("trong phong trào thi đua “{movement}”, năm {roundYear}"), 120),
    rule(40, 165),
    centred([{ text: "Kính gửi: " }, { text: "{recipient}" }], 240),
    para("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;"),
    para(
      "Căn cứ Nghị định số 152/2025/NĐ-CP của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;",
    ),
    para("Căn cứ {basis};"),
    para("Căn cứ Kế hoạch của {organisation} tổ chức phong trào thi đua “{movement}”;"),
    para("Căn cứ kết quả họp Hội đồng Thi đua - Khen thưởng của {organisation} ngày {meetingDates},"),
    para(
      "{organisation} kính trình Ủy ban nhân dân tỉnh xem xét, {request} {formName} cho {summary} đã có thành tích xuất sắc trong phong trào thi đua “{movement}” năm {roundYear}, cụ thể như sau:",
    ),
    para([bold("1. "), { text: "Tập thể ({collectiveCount}):" }]),
    ...eachOrNone("collectives", "- {name}: {result}.", "{noCollectives}"),
    para([bold("2. "), { text: "Cá nhân ({individualCount}):" }]),
    ...eachOrNone("individuals", "- {name}, {position}, {unit}: {result}.", "{noIndividuals}"),
    para(
      "(Có danh sách, Biên bản họp Hội đồng Thi đua - Khen thưởng và Báo cáo thành tích của các tập thể, cá nhân kèm theo.)",
    ),
    para("{organisation} kính trình Ủy ban nhân dân tỉnh xem xét, quyết định./."),
    space(),
    directorSignature(["- Như trên;", "- Giám đốc Sở;", "- Lưu: VT, VP."]),
    new Paragraph({ children: [], pageBreakBefore: true, spacing: { before: 0, after: 0 } }),
    sosHeading(false),
    new Paragraph({ children: [], spacing: { before: 240, after: 0 } }),
    centred(bold("DANH SÁCH")),
    centred(bold("TẬP THỂ, CÁ NHÂN ĐỀ NGHỊ TẶNG {formUpper}")),
    centred(italic("(Kèm theo Tờ trình số        /TTr-…… ngày …… tháng …… năm …… của {organisation})"), 240),
    section("I. TẬP THỂ"),
    loopTable("collectives", [
      { header: "STT", cell: "{index}", share: 0.08, centre: true },
      { header: "Tên tập thể", cell: "{name}", share: 0.52 },
      { header: "Kết quả bỏ phiếu của Hội đồng", cell: "{result}", share: 0.4 },
    ]),
    para("{noCollectives}", { indent: false }),
    section("II. CÁ NHÂN"),
    loopTable("individuals", [
      { header: "STT", cell: "{index}", share: 0.08, centre: true },
      { header: "Họ và tên", cell: "{name}", share: 0.22 },
      { header: "Chức vụ", cell: "{position}", share: 0.18 },
      { header: "Đơn vị", cell: "{unit}", share: 0.22 },
      { header: "Kết quả bỏ phiếu của Hội đồng", cell: "{result}", share: 0.3 },
    ]),
    para("{noIndividuals}", { indent: false }),
  ]);
}

await writeTemplates([["to-trinh-so.docx", provinceLetterTemplate()]]);

// ——— Báo cáo sơ kết / tổng kết of the movement (issue 13 item 4) ———

/** The report's outline: the plan's contents (II.1–II.7), the criteria, the units, the awards, two charts. */
export function movementReportTemplate(): Document {
  const caption = (text: string) => centred(italic(text, SMALL), 120);
  const chart = (tag: string) =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 120, after: 0 },
      children: runs(tag),
    });
  return document([
    headingOf("BC", 165, HEAD_SHARE),
    new Paragraph({ children: [], spacing: { before: 240, after: 0 } }),
    centred(bold("BÁO CÁO")),
    centred(bold("{reportTitle} PHONG TRÀO THI ĐUA")),
    centred(bold("“{movement}”"), 240),
    para(
      "Thực hiện Kế hoạch tổ chức phong trào thi đua của {organisation}, trên cơ sở số liệu tổng hợp từ ứng dụng ThiĐua, {organisation} báo cáo kết quả thực hiện phong trào thi đua {scopeText} như sau:",
    ),
    section("I. CÔNG TÁC TRIỂN KHAI, TỔ CHỨC PHONG TRÀO THI ĐUA"),
    para(
      "- Số phòng, đơn vị tham gia: {unitCount}; số công chức, viên chức, người lao động đăng ký trên ứng dụng: {peopleCount}.",
    ),
    para(
      "- Số lượt tự đánh giá theo tiêu chí thi đua đã gửi: cá nhân {sentCount}; tập thể {unitAssessmentCount}.",
    ),
    para("- Số lượt đáp ứng đủ các tiêu chí thi đua đối với cá nhân: {allMetCount}."),
    section("II. KẾT QUẢ THỰC HIỆN CÁC NỘI DUNG THI ĐUA"),
    para("{#contents}", { indent: false }),
    para(bold("{code}. {title}")),
    para("{result}"),
    para("{/contents}", { indent: false }),
    para(bold("Kết quả thực hiện các tiêu chí thi đua đối với cá nhân:"), { indent: false }),
    loopTable("criteria", [
      { header: "Tiêu chí", cell: "{code}", share: 0.13, centre: true },
      { header: "Nội dung tiêu chí", cell: "{text}", share: 0.55 },
      { header: "Số lượt đáp ứng", cell: "{met}", share: 0.16, centre: true },
      { header: "Tỉ lệ trên số đã gửi", cell: "{share}", share: 0.16, centre: true },
    ]),
    para(bold("Kết quả theo năm:"), { indent: false }),
    loopTable("years", [
      { header: "Năm", cell: "{year}", share: 0.12, centre: true },
      { header: "Tự đánh giá đã gửi", cell: "{sent}", share: 0.22, centre: true },
      { header: "Đáp ứng đủ tiêu chí", cell: "{allMet}", share: 0.22, centre: true },
      { header: "Được đề nghị khen thưởng", cell: "{nominated}", share: 0.22, centre: true },
      { header: "Được khen thưởng", cell: "{awarded}", share: 0.22, centre: true },
    ]),
    chart("{%lineChart}"),
    caption("{lineCaption}"),
    section("III. KẾT QUẢ CỦA CÁC PHÒNG, ĐƠN VỊ"),
    loopTable("units", [
      { header: "STT", cell: "{index}", share: 0.07, centre: true },
      { header: "Phòng, đơn vị", cell: "{name}", share: 0.19 },
      { header: "Số người", cell: "{people}", share: 0.09, centre: true },
      { header: "Tự đánh giá đã gửi", cell: "{sent}", share: 0.1, centre: true },
      { header: "Đáp ứng đủ tiêu chí", cell: "{allMet}", share: 0.1, centre: true },
      { header: "Được đề nghị khen thưởng", cell: "{nominated}", share: 0.225 },
      { header: "Được khen thưởng", cell: "{awarded}", share: 0.215 },
    ]),
    para("{noUnits}", { indent: false }),
    section("IV. CÔNG TÁC KHEN THƯỞNG"),
    loopTable("forms", [
      { header: "Hình thức khen thưởng", cell: "{name}", share: 0.36 },
      { header: "Tập thể được đề nghị", cell: "{collectiveNominated}", share: 0.16, centre: true },
      { header: "Tập thể được khen thưởng", cell: "{collectiveAwarded}", share: 0.16, centre: true },
      { header: "Cá nhân được đề nghị", cell: "{individualNominated}", share: 0.16, centre: true },
      { header: "Cá nhân được khen thưởng", cell: "{individualAwarded}", share: 0.16, centre: true },
    ]),
    chart("{%barChart}"),
    caption("{barCaption}"),
    section("V. ĐÁNH GIÁ CHUNG, PHƯƠNG HƯỚNG VÀ KIẾN NGHỊ"),
    para(
      italic(
        "({office} bổ sung: ưu điểm, hạn chế và nguyên nhân; bài học kinh nghiệm; phương hướng, nhiệm vụ thời gian tới; kiến nghị, đề xuất.)",
      ),
    ),
    space(),
    directorSignature(["- Sở Nội vụ;", "- Các phòng, đơn vị thuộc Sở;", "- Lưu: VT, VP."]),
  ]);
}

await writeTemplates([["bao-cao-so-ket-tong-ket.docx", movementReportTemplate()]]);
