import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import PizZip from "pizzip";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type DB, migrateToLatest, openDatabase } from "../../../db/connection.js";
import { loadCampaign } from "../../../src/campaign/load.js";
import { makeMovementReport, reportJob } from "../../../src/documents/movement-report.js";
import { renderInWorker } from "../../../src/documents/report-runner.js";
import { templatesFor } from "../../../src/documents/templates.js";
import { periodScope, type ReportScope } from "../../../src/domain/movement-report.js";
import { seedReportRounds, TRICKY_NAME } from "../../helpers/movement-report-seed.js";
import { docxParagraphs } from "./docx-text.js";

/**
 * The Báo cáo sơ kết / tổng kết read back from the .docx: every figure from the right unit and year, nothing of
 * another period, the charts in the package, an empty unit as zeros, a name with markup as plain text.
 */
const campaign = loadCampaign();
const NOW = new Date("2026-12-02T03:00:00.000Z");
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

let db: DB;
beforeEach(async () => {
  db = openDatabase(":memory:");
  await migrateToLatest(db);
});
afterEach(() => db.destroy());

async function report(scope: ReportScope) {
  const job = await reportJob({ db, campaign, now: NOW, templates: templatesFor(campaign) }, scope);
  const { fileName, bytes } = await makeMovementReport(job);
  return { fileName, bytes, paragraphs: docxParagraphs(bytes) };
}

/** A table's row: the paragraphs of its cells, from the one that reads `first`. */
function row(paragraphs: string[], first: string, cells: number): string[] {
  const at = paragraphs.indexOf(first);
  expect(at, `a row starting "${first}"`).toBeGreaterThanOrEqual(0);
  return paragraphs.slice(at, at + cells);
}

/** The units table's row of a unit: STT, name, people, sent, all criteria met, nominated, awarded. */
const unitRow = (paragraphs: string[], name: string) => row(paragraphs, name, 6);

describe("Báo cáo sơ kết", () => {
  it("reports the year's figures per unit, each person in their current unit, nothing of another year", async () => {
    await seedReportRounds(db);
    const { fileName, paragraphs } = await report({ kind: "so-ket", year: 2026 });
    expect(fileName).toBe("BaoCaoSoKet_2026_2026-12-02.docx");
    const text = paragraphs.join("\n");
    expect(text).toContain("SƠ KẾT NĂM 2026 PHONG TRÀO THI ĐUA");
    expect(text).toContain("UBND TỈNH NINH BÌNH");
    expect(text).toContain("Ninh Bình, ngày 02 tháng 12 năm 2026");
    expect(text).toContain(
      "- Số phòng, đơn vị tham gia: 3; số công chức, viên chức, người lao động đăng ký trên ứng dụng: 6.",
    );
    expect(text).toContain("- Số lượt tự đánh giá theo tiêu chí thi đua đã gửi: cá nhân 4; tập thể 1.");
    expect(text).toContain("- Số lượt đáp ứng đủ các tiêu chí thi đua đối với cá nhân: 3.");
    // Units in code order; Hải's 2026 assessment, sent in HCTP, counts in TTRA where he is now; 103's is not sent.
    expect(unitRow(paragraphs, "Phòng Hành chính tư pháp")).toEqual([
      "Phòng Hành chính tư pháp",
      "3",
      "2",
      "1",
      "Giấy khen Giám đốc Sở: 2",
      "Giấy khen Giám đốc Sở: 1",
    ]);
    expect(unitRow(paragraphs, TRICKY_NAME)).toEqual([
      TRICKY_NAME,
      "3",
      "2",
      "2",
      "Bằng khen Chủ tịch UBND tỉnh: 1",
      "0",
    ]);
    // A unit with nobody and nothing: zeros, no error.
    expect(unitRow(paragraphs, "Phòng Trống")).toEqual(["Phòng Trống", "0", "0", "0", "0", "0"]);
    // Per criterion: the first is met by 3 of the 4 sent, the others by all 4.
    expect(row(paragraphs, "III.2.b.1", 4).slice(2)).toEqual(["3", "75,0%"]);
    expect(row(paragraphs, "III.2.b.2", 4).slice(2)).toEqual(["4", "100,0%"]);
    // Awards by form: collectives, then individuals, nominated and awarded; the draft and the withdrawn not counted.
    expect(row(paragraphs, "Giấy khen của Giám đốc Sở", 5)).toEqual([
      "Giấy khen của Giám đốc Sở",
      "1",
      "0",
      "1",
      "1",
    ]);
    expect(row(paragraphs, "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", 5).slice(1)).toEqual([
      "0",
      "0",
      "1",
      "0",
    ]);
    expect(row(paragraphs, "Bằng khen của Thủ tướng Chính phủ", 5).slice(1)).toEqual(["0", "0", "0", "0"]);
    // The years table has 2026 alone.
    expect(row(paragraphs, "2026", 5)).toEqual(["2026", "4", "3", "3", "1"]);
    for (const other of ["2022", "2023", "2024", "2025"]) expect(paragraphs).not.toContain(other);
    // The plan's contents in order, with what the bot counts, "chưa có dữ liệu" where it counts nothing.
    const codes = paragraphs.filter((p) => /^II\.\d\. /.test(p)).map((p) => p.slice(0, 5));
    expect(codes).toEqual(["II.1.", "II.2.", "II.3.", "II.4.", "II.5.", "II.6.", "II.7."]);
    const resultOf = (code: string) => paragraphs[paragraphs.findIndex((p) => p.startsWith(`${code}. `)) + 1];
    expect(resultOf("II.1")).toBe("chưa có dữ liệu");
    expect(resultOf("II.2")).toContain("đã gửi: 4 (số người đăng ký hiện nay: 6)");
    expect(resultOf("II.3")).toContain("Cải cách thể chế: 1; Cải cách thủ tục hành chính: 0");
    expect(resultOf("II.5")).toContain("được Hội đồng sáng kiến công nhận: 4.");
    expect(resultOf("II.7")).toBe("chưa có dữ liệu");
  });

  it("is drafted with zeros and 'chưa có dữ liệu' for a year nobody has assessed in", async () => {
    await seedReportRounds(db);
    await db.deleteFrom("assessment_items").execute();
    await db.deleteFrom("assessments").execute();
    await db.deleteFrom("nominations").execute();
    const { paragraphs } = await report({ kind: "so-ket", year: 2026 });
    expect(unitRow(paragraphs, "Phòng Hành chính tư pháp")).toEqual([
      "Phòng Hành chính tư pháp",
      "3",
      "0",
      "0",
      "0",
      "0",
    ]);
    expect(row(paragraphs, "III.2.b.1", 4).slice(2)).toEqual(["0", "chưa có dữ liệu"]);
    const results = paragraphs.filter((_, at) => /^II\.\d\. /.test(paragraphs[at - 1] ?? ""));
    expect(results).toEqual(Array(7).fill("chưa có dữ liệu"));
  });

  it("is drafted without any unit", async () => {
    const { paragraphs } = await report({ kind: "so-ket", year: 2026 });
    expect(paragraphs).toContain("chưa có dữ liệu");
    expect(paragraphs.join("\n")).toContain("- Số phòng, đơn vị tham gia: 0;");
  });
});

describe("Báo cáo tổng kết", () => {
  it("covers the definition's period, year by year, and nothing before or after it", async () => {
    await seedReportRounds(db);
    const { fileName, paragraphs } = await report(periodScope(campaign));
    expect(fileName).toBe("BaoCaoTongKet_2023-2025_2026-12-02.docx");
    const text = paragraphs.join("\n");
    expect(text).toContain("TỔNG KẾT GIAI ĐOẠN 2023 - 2025 PHONG TRÀO THI ĐUA");
    expect(text).toContain("- Số lượt tự đánh giá theo tiêu chí thi đua đã gửi: cá nhân 5; tập thể 1.");
    expect(unitRow(paragraphs, "Phòng Hành chính tư pháp")).toEqual([
      "Phòng Hành chính tư pháp",
      "3",
      "2",
      "2",
      "0",
      "0",
    ]);
    expect(unitRow(paragraphs, TRICKY_NAME)).toEqual([
      TRICKY_NAME,
      "3",
      "3",
      "1",
      "Giấy khen Giám đốc Sở: 1",
      "Giấy khen Giám đốc Sở: 1",
    ]);
    expect(row(paragraphs, "2023", 5)).toEqual(["2023", "1", "1", "0", "0"]);
    expect(row(paragraphs, "2024", 5)).toEqual(["2024", "1", "0", "0", "0"]);
    expect(row(paragraphs, "2025", 5)).toEqual(["2025", "3", "2", "1", "1"]);
    expect(paragraphs).not.toContain("2022");
    expect(paragraphs).not.toContain("2026");
    expect(row(paragraphs, "III.2.b.1", 4).slice(2)).toEqual(["3", "60,0%"]);
    // 2022's Bằng khen Thủ tướng, before the period, is not counted.
    expect(row(paragraphs, "Bằng khen của Thủ tướng Chính phủ", 5).slice(1)).toEqual(["0", "0", "0", "0"]);
  });
});

describe("the report's file", () => {
  it("holds the bar and the line chart as PNG images referenced from the document, and markup as text", async () => {
    await seedReportRounds(db);
    const { bytes } = await report({ kind: "so-ket", year: 2026 });
    const zip = new PizZip(bytes);
    const media = Object.keys(zip.files).filter((name) => /^word\/media\/.+\.png$/.test(name));
    expect(media).toHaveLength(2);
    for (const name of media) expect(zip.file(name)?.asNodeBuffer().subarray(0, 8)).toEqual(PNG_SIGNATURE);
    const rels = zip.file("word/_rels/document.xml.rels")?.asText() ?? "";
    const xml = zip.file("word/document.xml")?.asText() ?? "";
    for (const name of media) {
      const id = new RegExp(`Id="(rId\\d+)"[^>]*Target="${name.replace("word/", "")}"`).exec(rels)?.[1];
      expect(id, name).toBeDefined();
      expect(xml).toContain(`r:embed="${id}"`);
    }
    // Each drawing its own id: Word takes a document whose drawings share one for a damaged file.
    const drawingIds = [...xml.matchAll(/<wp:docPr id="(\d+)"/g)].map((match) => match[1]);
    expect(drawingIds).toHaveLength(2);
    expect(new Set(drawingIds).size).toBe(2);
    expect(xml).not.toContain("<b>Thanh tra");
    expect(xml).toContain("&lt;b&gt;Thanh tra&lt;/b&gt; =SUM(A1:A9)");
    const paragraphs = docxParagraphs(bytes);
    expect(paragraphs).toContain("Biểu đồ 1. Kết quả qua các năm 2023 - 2026");
    expect(paragraphs).toContain("Biểu đồ 2. Đề nghị và khen thưởng theo hình thức, năm 2026");
  });

  it("is made in a worker thread, which reads a database file through its own connection", async () => {
    const dir = mkdtempSync(join(tmpdir(), "thidua-report-"));
    const fileDb = openDatabase(join(dir, "bot.sqlite"));
    try {
      await migrateToLatest(fileDb);
      await seedReportRounds(fileDb);
      const job = await reportJob(
        { db: fileDb, campaign, now: NOW, templates: templatesFor(campaign) },
        { kind: "so-ket", year: 2026 },
      );
      expect(job.source).toEqual({ file: join(dir, "bot.sqlite") });
      const made = await renderInWorker(job);
      expect(made.fileName).toBe("BaoCaoSoKet_2026_2026-12-02.docx");
      // The same report as counted on the bot's own thread from the same rounds.
      await seedReportRounds(db);
      expect(docxParagraphs(made.bytes)).toEqual((await report({ kind: "so-ket", year: 2026 })).paragraphs);
      const zip = new PizZip(made.bytes);
      expect(Object.keys(zip.files).filter((name) => name.startsWith("word/media/"))).toHaveLength(2);
    } finally {
      await fileDb.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
