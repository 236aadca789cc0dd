import { readFileSync } from "node:fs";
import { isAbsolute } from "node:path";
import { fileURLToPath } from "node:url";
import Docxtemplater from "docxtemplater";
import PizZip from "pizzip";
import type { Campaign, DocumentTemplates } from "../campaign/schema.js";
import { ACHIEVEMENT_REPORT_PLACEHOLDERS } from "../domain/achievement-report.js";
import {
  BALLOT_PLACEHOLDERS,
  DECISION_PLACEHOLDERS,
  MEETING_MINUTES_PLACEHOLDERS,
  VOTE_COUNT_PLACEHOLDERS,
} from "../domain/council-documents.js";
import { MOVEMENT_REPORT_PLACEHOLDERS } from "../domain/movement-report.js";
import { NOMINATION_LIST_PLACEHOLDERS } from "../domain/nomination-list.js";
import { PROVINCE_LETTER_PLACEHOLDERS } from "../domain/province-letter.js";
import { UNIT_LETTER_PLACEHOLDERS } from "../domain/unit-letter.js";
import { DOCXTEMPLATER_OPTIONS } from "./docxtemplater-options.js";

export const TEMPLATES_DIRECTORY = fileURLToPath(new URL("../campaign/templates/", import.meta.url));

export class DocumentTemplateError extends Error {
  override name = "DocumentTemplateError";
}

export type DocumentKind = keyof DocumentTemplates;

/** The placeholders each document's generator fills ("criteria.code": `code` inside the `criteria` loop). */
export const REQUIRED_PLACEHOLDERS: Record<DocumentKind, readonly string[]> = {
  baoCaoThanhTichCaNhan: ACHIEVEMENT_REPORT_PLACEHOLDERS.individual,
  baoCaoThanhTichTapThe: ACHIEVEMENT_REPORT_PLACEHOLDERS.collective,
  toTrinhDonVi: UNIT_LETTER_PLACEHOLDERS,
  danhSachDeNghi: NOMINATION_LIST_PLACEHOLDERS,
  phieuBau: BALLOT_PLACEHOLDERS,
  bienBanHopHoiDong: MEETING_MINUTES_PLACEHOLDERS,
  bienBanKiemPhieu: VOTE_COUNT_PLACEHOLDERS,
  quyetDinhGiayKhen: DECISION_PLACEHOLDERS,
  toTrinhSo: PROVINCE_LETTER_PLACEHOLDERS,
  baoCaoSoKetTongKet: MOVEMENT_REPORT_PLACEHOLDERS,
};

/** Each template's bytes, checked: what the bot fills a draft from. */
export type DocumentTemplateSet = Record<DocumentKind, Buffer>;

/** Where a template named in the definition lives: the bundled folder, or the Office's own absolute path. */
export function templatePath(file: string, directory = TEMPLATES_DIRECTORY): string {
  return isAbsolute(file) ? file : fileURLToPath(new URL(file, `file://${directory.replace(/\/?$/, "/")}`));
}

export { DOCXTEMPLATER_OPTIONS };

interface TemplateTags {
  document?: { tags: Record<string, unknown> };
  headers: Array<{ tags: Record<string, unknown> }>;
  footers: Array<{ tags: Record<string, unknown> }>;
}

function flatten(tags: Record<string, unknown>, prefix = ""): string[] {
  return Object.entries(tags).flatMap(([name, inner]) => {
    const path = prefix ? `${prefix}.${name}` : name;
    const children =
      inner && typeof inner === "object" && Object.keys(inner).length > 0
        ? flatten(inner as Record<string, unknown>, path)
        : [];
    return [path, ...children];
  });
}

/** Every placeholder a .docx template holds, loops' inner ones as "loop.name". Throws if it cannot be parsed. */
export function placeholdersOf(template: Buffer): Set<string> {
  // getTags() is docxtemplater's own (3.47+), left out of its type definitions.
  const document = new Docxtemplater(new PizZip(template), DOCXTEMPLATER_OPTIONS) as unknown as {
    getTags(): TemplateTags;
  };
  const tags = document.getTags();
  const parts = [tags.document, ...tags.headers, ...tags.footers];
  return new Set(parts.flatMap((part) => (part ? flatten(part.tags) : [])));
}

/**
 * The placeholders `required` lists that the template lacks. A top-level value may also stand inside a section
 * (`{^initiatives}{noInitiatives}{/initiatives}`): docxtemplater finds it from there.
 */
export function missingPlaceholders(template: Buffer, required: readonly string[]): string[] {
  const present = [...placeholdersOf(template)];
  const has = (name: string) =>
    present.includes(name) || (!name.includes(".") && present.some((path) => path.endsWith(`.${name}`)));
  return required.filter((name) => !has(name));
}

function readTemplate(kind: DocumentKind, file: string, directory: string): Buffer {
  const path = templatePath(file, directory);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new DocumentTemplateError(
      `Cannot read template ${path} (documents.templates.${kind}): ${(error as Error).message}`,
    );
  }
  let missing: string[];
  try {
    missing = missingPlaceholders(bytes, REQUIRED_PLACEHOLDERS[kind]);
  } catch (error) {
    throw new DocumentTemplateError(
      `Template ${path} (documents.templates.${kind}) is not a usable .docx template: ${(error as Error).message}`,
    );
  }
  if (missing.length > 0)
    throw new DocumentTemplateError(
      `Template ${path} (documents.templates.${kind}) lacks the placeholder${missing.length > 1 ? "s" : ""} ${missing
        .map((name) => `{${name}}`)
        .join(", ")}`,
    );
  return bytes;
}

/**
 * Reads and checks the templates the campaign definition names, at start-up: a template that cannot be read or
 * lacks a placeholder its generator fills is refused, naming the file and the placeholder.
 */
export function loadDocumentTemplates(
  campaign: Campaign,
  directory: string = TEMPLATES_DIRECTORY,
): DocumentTemplateSet {
  const files = campaign.documents.templates;
  const kinds = Object.keys(REQUIRED_PLACEHOLDERS) as DocumentKind[];
  return Object.fromEntries(
    kinds.map((kind) => [kind, readTemplate(kind, files[kind], directory)]),
  ) as DocumentTemplateSet;
}

const checked = new WeakMap<Campaign, DocumentTemplateSet>();

/** The campaign's templates, read and checked once (at start-up: main.ts calls it before the bot starts). */
export function templatesFor(campaign: Campaign): DocumentTemplateSet {
  let templates = checked.get(campaign);
  if (!templates) {
    templates = loadDocumentTemplates(campaign);
    checked.set(campaign, templates);
  }
  return templates;
}

/** A template filled with data: the .docx's bytes. Values are written as text (Word shows `<b>` as typed). */
export function fillTemplate(template: Buffer, data: object): Buffer {
  const document = new Docxtemplater(new PizZip(template), DOCXTEMPLATER_OPTIONS);
  document.render(data);
  return document.toBuffer({ compression: "DEFLATE" });
}
