import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import PizZip from "pizzip";
import { afterAll, describe, expect, it } from "vitest";
import { loadCampaign, parseCampaign } from "../../../src/campaign/load.js";
import type { DocumentTemplates } from "../../../src/campaign/schema.js";
import {
  DocumentTemplateError,
  loadDocumentTemplates,
  missingPlaceholders,
  REQUIRED_PLACEHOLDERS,
  templatePath,
} from "../../../src/documents/templates.js";
import { NOMINATION_LIST_PLACEHOLDERS } from "../../../src/domain/nomination-list.js";
import { UNIT_LETTER_PLACEHOLDERS } from "../../../src/domain/unit-letter.js";

const campaign = loadCampaign();
const dir = mkdtempSync(join(tmpdir(), "thidua-unit-templates-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A bundled template with one placeholder taken out of its text. */
function without(kind: keyof DocumentTemplates, placeholder: string): string {
  const zip = new PizZip(readFileSync(templatePath(campaign.documents.templates[kind])));
  const xml = zip.file("word/document.xml")?.asText() ?? "";
  expect(xml).toContain(placeholder);
  zip.file("word/document.xml", xml.split(placeholder).join(""));
  const path = join(dir, `${kind}-lacks-${placeholder.replace(/\W/g, "")}.docx`);
  writeFileSync(path, zip.generate({ type: "nodebuffer" }));
  return path;
}

const pointingAt = (kind: keyof DocumentTemplates, file: string) =>
  parseCampaign(
    {
      ...JSON.parse(
        readFileSync(
          new URL("../../../src/campaign/definitions/stp-cchc-2023-2025.json", import.meta.url),
          "utf8",
        ),
      ),
      documents: { templates: { [kind]: file } },
    },
    "test",
  );

describe("the Tờ trình and danh sách templates", () => {
  it("hold every placeholder their generators fill, and the definition names them", () => {
    expect(REQUIRED_PLACEHOLDERS.toTrinhDonVi).toEqual(UNIT_LETTER_PLACEHOLDERS);
    expect(REQUIRED_PLACEHOLDERS.danhSachDeNghi).toEqual(NOMINATION_LIST_PLACEHOLDERS);
    for (const kind of ["toTrinhDonVi", "danhSachDeNghi"] as const) {
      const bytes = readFileSync(templatePath(campaign.documents.templates[kind]));
      expect(missingPlaceholders(bytes, REQUIRED_PLACEHOLDERS[kind])).toEqual([]);
    }
    expect(campaign.documents.templates).toMatchObject({
      toTrinhDonVi: "to-trinh-don-vi.docx",
      danhSachDeNghi: "danh-sach-de-nghi.docx",
    });
    expect(campaign.documents.recipient).toBe("Văn phòng Sở Tư pháp tỉnh Ninh Bình");
  });

  it("refuses at start-up a Tờ trình lacking the head's reason, naming the file and the placeholder", () => {
    const path = without("toTrinhDonVi", "{reason}");
    const load = () => loadDocumentTemplates(pointingAt("toTrinhDonVi", path));
    expect(load).toThrow(DocumentTemplateError);
    expect(load).toThrow(
      `Template ${path} (documents.templates.toTrinhDonVi) lacks the placeholder {forms.groups.nominees.hasReason.reason}`,
    );
  });

  it("refuses a danh sách lacking a column of its tables, naming each placeholder", () => {
    const path = without("danhSachDeNghi", "{position}");
    expect(() => loadDocumentTemplates(pointingAt("danhSachDeNghi", path))).toThrow(
      "(documents.templates.danhSachDeNghi) lacks the placeholders {collectives.position}, {individuals.position}",
    );
  });
});
