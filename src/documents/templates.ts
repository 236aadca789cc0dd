import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { isAbsolute, join } from "node:path";
import { fileURLToPath } from "node:url";
import type DocxtemplaterClass from "docxtemplater";
import type PizZipClass from "pizzip";
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

/**
 * docxtemplater and PizZip, loaded when a template is first parsed or filled: loaded at start-up they held
 * memory (2–3 MB of the bot's RSS at 50,000 people) that the bot needs only once someone asks for a document,
 * the build having checked the bundled templates (see CHECKED_TEMPLATES_FILE). Both are CommonJS, so
 * `require` loads them at once, where needed.
 */
const requireLazily = createRequire(import.meta.url);
let libraries: { Docxtemplater: typeof DocxtemplaterClass; PizZip: typeof PizZipClass } | undefined;
function docx(): NonNullable<typeof libraries> {
  libraries ??= {
    Docxtemplater: requireLazily("docxtemplater") as typeof DocxtemplaterClass,
    PizZip: requireLazily("pizzip") as typeof PizZipClass,
  };
  return libraries;
}

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
  const { Docxtemplater, PizZip } = docx();
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

/**
 * Written by `npm run build` (src/documents/stamp-templates.ts): the fingerprints of the bundled templates it
 * checked. Parsing every template at start-up left the bot about 18 MB larger for good (the heap grown for
 * the parse), so the compiled bot checks at start-up only what the build did not: an Office's own template.
 */
export const CHECKED_TEMPLATES_FILE = join(TEMPLATES_DIRECTORY, "checked.json");

/** A template's bytes and the placeholders its kind's generator fills: the same fingerprint, the same check. */
export function templateFingerprint(kind: DocumentKind, bytes: Buffer): string {
  return createHash("sha256")
    .update(JSON.stringify([kind, REQUIRED_PLACEHOLDERS[kind]]))
    .update(bytes)
    .digest("hex");
}

/** The fingerprints the build checked; none where there is no stamp (running from src/) or it is unreadable. */
export function checkedAtBuild(file: string = CHECKED_TEMPLATES_FILE): ReadonlySet<string> {
  try {
    const fingerprints: unknown = JSON.parse(readFileSync(file, "utf8"));
    return new Set(Array.isArray(fingerprints) ? fingerprints.filter((f) => typeof f === "string") : []);
  } catch {
    return new Set();
  }
}

function readTemplate(
  kind: DocumentKind,
  file: string,
  directory: string,
  checked: ReadonlySet<string>,
): Buffer {
  const path = templatePath(file, directory);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new DocumentTemplateError(
      `Cannot read template ${path} (documents.templates.${kind}): ${(error as Error).message}`,
    );
  }
  if (checked.has(templateFingerprint(kind, bytes))) return bytes;
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
 * lacks a placeholder its generator fills is refused, naming the file and the placeholder. One whose
 * fingerprint is in `checked` passed that very check at build time and is not parsed again.
 */
export function loadDocumentTemplates(
  campaign: Campaign,
  directory: string = TEMPLATES_DIRECTORY,
  checked: ReadonlySet<string> = checkedAtBuild(),
): DocumentTemplateSet {
  const files = campaign.documents.templates;
  const kinds = Object.keys(REQUIRED_PLACEHOLDERS) as DocumentKind[];
  return Object.fromEntries(
    kinds.map((kind) => [kind, readTemplate(kind, files[kind], directory, checked)]),
  ) as DocumentTemplateSet;
}

/** Checks the bundled campaign's templates fully and writes their fingerprints to `file` (see CHECKED_TEMPLATES_FILE). */
export function writeTemplateStamp(campaign: Campaign, file: string = CHECKED_TEMPLATES_FILE): number {
  const templates = loadDocumentTemplates(campaign, TEMPLATES_DIRECTORY, new Set());
  const fingerprints = Object.entries(templates).map(([kind, bytes]) =>
    templateFingerprint(kind as DocumentKind, bytes),
  );
  writeFileSync(file, `${JSON.stringify(fingerprints, null, 2)}\n`);
  return fingerprints.length;
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
  const { Docxtemplater, PizZip } = docx();
  const document = new Docxtemplater(new PizZip(template), DOCXTEMPLATER_OPTIONS);
  document.render(data);
  return document.toBuffer({ compression: "DEFLATE" });
}
