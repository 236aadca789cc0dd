import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import PizZip from "pizzip";
import { afterAll, describe, expect, it } from "vitest";
import { loadCampaign, parseCampaign } from "../../../src/campaign/load.js";
import {
  checkedAtBuild,
  type DocumentKind,
  DocumentTemplateError,
  loadDocumentTemplates,
  missingPlaceholders,
  REQUIRED_PLACEHOLDERS,
  TEMPLATES_DIRECTORY,
  templateFingerprint,
  templatePath,
  writeTemplateStamp,
} from "../../../src/documents/templates.js";
import { MOVEMENT_REPORT_PLACEHOLDERS } from "../../../src/domain/movement-report.js";

const campaign = loadCampaign();
const kinds = Object.keys(REQUIRED_PLACEHOLDERS) as DocumentKind[];
const dir = mkdtempSync(join(tmpdir(), "thidua-templates-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The bundled individual template with one placeholder taken out of its text. */
function withoutPlaceholder(placeholder: string): string {
  const zip = new PizZip(readFileSync(templatePath(campaign.documents.templates.baoCaoThanhTichCaNhan)));
  const xml = zip.file("word/document.xml")?.asText() ?? "";
  expect(xml).toContain(placeholder);
  zip.file("word/document.xml", xml.split(placeholder).join(""));
  const path = join(dir, `lacks-${placeholder.replace(/\W/g, "")}.docx`);
  writeFileSync(path, zip.generate({ type: "nodebuffer" }));
  return path;
}

const pointingAt = (file: string) =>
  parseCampaign(
    {
      ...JSON.parse(
        readFileSync(
          new URL("../../../src/campaign/definitions/stp-cchc-2023-2025.json", import.meta.url),
          "utf8",
        ),
      ),
      documents: { templates: { baoCaoThanhTichCaNhan: file } },
    },
    "test",
  );

describe("document templates", () => {
  it("each template in the repository has every placeholder its generator fills, and is named by the definition", () => {
    for (const kind of kinds) {
      const bytes = readFileSync(templatePath(campaign.documents.templates[kind]));
      expect({ kind, missing: missingPlaceholders(bytes, REQUIRED_PLACEHOLDERS[kind]) }).toEqual({
        kind,
        missing: [],
      });
    }
    const named = kinds.map((kind) => campaign.documents.templates[kind]).sort();
    expect(
      readdirSync(TEMPLATES_DIRECTORY)
        .filter((f) => f.endsWith(".docx"))
        .sort(),
    ).toEqual(named);
    expect(() => loadDocumentTemplates(campaign)).not.toThrow();
  });

  it("refuses a template lacking a placeholder, naming the file and the placeholder", () => {
    const path = withoutPlaceholder("{hometown}");
    const load = () => loadDocumentTemplates(pointingAt(path));
    expect(load).toThrow(DocumentTemplateError);
    expect(load).toThrow(
      `Template ${path} (documents.templates.baoCaoThanhTichCaNhan) lacks the placeholder {hometown}`,
    );
  });

  it("refuses a template whose loop lacks one of its fields", () => {
    const path = withoutPlaceholder("{result}");
    expect(() => loadDocumentTemplates(pointingAt(path))).toThrow("lacks the placeholder {criteria.result}");
  });

  it("refuses a Sở's Tờ trình to the province lacking where it is sent, or a field of its annexed list", () => {
    const source = readFileSync(templatePath(campaign.documents.templates.toTrinhSo));
    const xml = new PizZip(source).file("word/document.xml")?.asText() ?? "";
    for (const [placeholder, named] of [
      ["{recipient}", " {recipient}"],
      ["{result}", "s {collectives.result}, {individuals.result}"],
    ] as const) {
      expect(xml).toContain(placeholder);
      const zip = new PizZip(source);
      zip.file("word/document.xml", xml.split(placeholder).join(""));
      const path = join(dir, `to-trinh-so-${placeholder.replace(/\W/g, "")}.docx`);
      writeFileSync(path, zip.generate({ type: "nodebuffer" }));
      const definition = JSON.parse(
        readFileSync(
          new URL("../../../src/campaign/definitions/stp-cchc-2023-2025.json", import.meta.url),
          "utf8",
        ),
      );
      const pointed = parseCampaign({ ...definition, documents: { templates: { toTrinhSo: path } } }, "test");
      expect(() => loadDocumentTemplates(pointed)).toThrow(
        `Template ${path} (documents.templates.toTrinhSo) lacks the placeholder${named}`,
      );
    }
  });

  it("gives the issuing body under the Sở or the Ủy ban room for one line in 12 pt, within the page", () => {
    const MM = 56.7;
    const kindsWithLongIssuer: DocumentKind[] = [
      "phieuBau",
      "bienBanHopHoiDong",
      "bienBanKiemPhieu",
      "quyetDinhGiayKhen",
      "toTrinhSo",
    ];
    for (const kind of kindsWithLongIssuer) {
      const xml =
        new PizZip(readFileSync(templatePath(campaign.documents.templates[kind])))
          .file("word/document.xml")
          ?.asText() ?? "";
      const heading = xml.slice(xml.indexOf("<w:tbl>"), xml.indexOf("</w:tbl>"));
      const number = (pattern: RegExp) => Number(pattern.exec(heading)?.[1] ?? Number.NaN);
      const width = number(/<w:tblW w:type="dxa" w:w="(\d+)"\/>/);
      const indent = number(/<w:tblInd w:type="dxa" w:w="(-?\d+)"\/>/);
      const issuerColumn = number(/<w:gridCol w:w="(\d+)"\/>/);
      // "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG" and "ỦY BAN NHÂN DÂN TỈNH NINH BÌNH" in 12 pt bold need about 80 mm.
      expect({ kind, wide: issuerColumn >= 80 * MM }).toEqual({ kind, wide: true });
      // Into the 30 mm left margin, never past the right one (165 mm of text).
      expect({ kind, inside: indent > -30 * MM && indent + width <= Math.round(165 * MM) + 1 }).toEqual({
        kind,
        inside: true,
      });
    }
  });

  it("refuses a Báo cáo sơ kết / tổng kết template lacking a chart or a unit's figure, naming it", () => {
    expect(REQUIRED_PLACEHOLDERS.baoCaoSoKetTongKet).toEqual(MOVEMENT_REPORT_PLACEHOLDERS);
    const lacking = (placeholder: string) => {
      const zip = new PizZip(readFileSync(templatePath(campaign.documents.templates.baoCaoSoKetTongKet)));
      const xml = zip.file("word/document.xml")?.asText() ?? "";
      expect(xml).toContain(placeholder);
      zip.file("word/document.xml", xml.split(placeholder).join(""));
      const path = join(dir, `report-lacks-${placeholder.replace(/\W/g, "")}.docx`);
      writeFileSync(path, zip.generate({ type: "nodebuffer" }));
      const definition = JSON.parse(
        readFileSync(
          new URL("../../../src/campaign/definitions/stp-cchc-2023-2025.json", import.meta.url),
          "utf8",
        ),
      );
      return () =>
        loadDocumentTemplates(
          parseCampaign({ ...definition, documents: { templates: { baoCaoSoKetTongKet: path } } }, "test"),
        );
    };
    expect(lacking("{%barChart}")).toThrow(
      /\(documents\.templates\.baoCaoSoKetTongKet\) lacks the placeholder \{%barChart\}$/,
    );
    expect(lacking("{allMet}")).toThrow("lacks the placeholders {years.allMet}, {units.allMet}");
  });

  it("refuses a template that cannot be read, or is not a .docx, naming it", () => {
    const missing = join(dir, "khong-co.docx");
    expect(() => loadDocumentTemplates(pointingAt(missing))).toThrow(`Cannot read template ${missing}`);
    const broken = join(dir, "hong.docx");
    writeFileSync(broken, "not a zip");
    expect(() => loadDocumentTemplates(pointingAt(broken))).toThrow(`Template ${broken}`);
    expect(() => pointingAt("mau.doc")).toThrow(
      "documents.templates.baoCaoThanhTichCaNhan: must name a .docx file",
    );
  });

  it("a definition without a documents section uses the bundled templates", () => {
    const { documents: _documents, ...rest } = JSON.parse(
      readFileSync(
        new URL("../../../src/campaign/definitions/stp-cchc-2023-2025.json", import.meta.url),
        "utf8",
      ),
    ) as Record<string, unknown>;
    const parsed = parseCampaign(rest, "test");
    expect(parsed.documents.templates).toEqual(campaign.documents.templates);
    expect(parsed.documents.place).toBeUndefined();
  });
});

describe("templates checked at build time", () => {
  it("skips the parse of a template whose fingerprint the build wrote, and of no other", () => {
    const path = withoutPlaceholder("{hometown}");
    const bytes = readFileSync(path);
    const load = (checked: ReadonlySet<string>) =>
      loadDocumentTemplates(pointingAt(path), TEMPLATES_DIRECTORY, checked);
    expect(() => load(new Set())).toThrow("lacks the placeholder {hometown}");
    // The same bytes stamped for another kind, whose generator fills other placeholders, are checked.
    expect(() => load(new Set([templateFingerprint("toTrinhDonVi", bytes)]))).toThrow(
      "lacks the placeholder {hometown}",
    );
    expect(
      load(new Set([templateFingerprint("baoCaoThanhTichCaNhan", bytes)])).baoCaoThanhTichCaNhan,
    ).toEqual(bytes);
  });

  it("stamps each bundled template, and the bot loads the same bytes with the stamp as without", () => {
    const stamp = join(dir, "checked.json");
    expect(writeTemplateStamp(campaign, stamp)).toBe(kinds.length);
    const checked = checkedAtBuild(stamp);
    expect(checked.size).toBe(kinds.length);
    for (const kind of kinds)
      expect(
        checked.has(
          templateFingerprint(kind, readFileSync(templatePath(campaign.documents.templates[kind]))),
        ),
      ).toBe(true);
    expect(loadDocumentTemplates(campaign, TEMPLATES_DIRECTORY, checked)).toEqual(
      loadDocumentTemplates(campaign, TEMPLATES_DIRECTORY, new Set()),
    );
  });

  it("checks everything when the stamp is missing or unreadable", () => {
    const garbled = join(dir, "garbled.json");
    writeFileSync(garbled, "{ not json");
    expect(checkedAtBuild(garbled).size).toBe(0);
    expect(checkedAtBuild(join(dir, "absent.json")).size).toBe(0);
    writeFileSync(garbled, JSON.stringify({ fingerprints: ["abc"] }));
    expect(checkedAtBuild(garbled).size).toBe(0);
  });
});
