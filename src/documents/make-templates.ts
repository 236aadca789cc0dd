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
    para("{#initiatives}", { indent: false }),
    para("- {name}: {decision}"),
    para("{/initiatives}", { indent: false }),
    para("{^initiatives}", { indent: false }),
    para("{noInitiatives}"),
    para("{/initiatives}", { indent: false }),
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
