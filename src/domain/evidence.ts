import { isoDate, isRealDate, parseDayMonthYear } from "./calendar.js";
import { toLocal } from "./time.js";

export const ACCOUNT_MAX = 1000;
export const DECISION_NUMBER_MAX = 60;
export const FILES_PER_CRITERION_MAX = 5;
/** Telegram lets bots download files up to 20 MB; larger proof could never be opened from the bot. */
export const FILE_SIZE_MAX = 20 * 1024 * 1024;
export const FILE_SIZE_MB = FILE_SIZE_MAX / 1024 / 1024;

export type Checked<T, P extends string> = { ok: true; value: T } | { ok: false; reason: P };

/** A free-text account of what was done: trimmed, NFC, 2 to ACCOUNT_MAX characters. */
export function checkAccount(input: string): Checked<string, "too_short" | "too_long"> {
  const text = input.normalize("NFC").trim();
  if (text.length < 2) return { ok: false, reason: "too_short" };
  if (text.length > ACCOUNT_MAX) return { ok: false, reason: "too_long" };
  return { ok: true, value: text };
}

/** What a met criterion's account needs at least: a short sentence, not "ok". */
export const ACCOUNT_MIN_CHARS = 20;
export const ACCOUNT_MIN_WORDS = 2;

/**
 * The account that shows a criterion met (what goes into the Báo cáo thành tích): as `checkAccount`, and at
 * least ACCOUNT_MIN_CHARS characters in ACCOUNT_MIN_WORDS words (a word holds a letter or a digit).
 */
export function checkMetAccount(input: string): Checked<string, "too_short" | "too_long" | "no_sentence"> {
  const checked = checkAccount(input);
  if (!checked.ok) return checked;
  const words = checked.value.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
  if (checked.value.length < ACCOUNT_MIN_CHARS || words < ACCOUNT_MIN_WORDS) {
    return { ok: false, reason: "no_sentence" };
  }
  return checked;
}

export const INITIATIVE_NAME_MAX = 300;

/** An initiative's name, as on its recognition: one line, trimmed, NFC, 3 to INITIATIVE_NAME_MAX characters. */
export function checkInitiativeName(input: string): Checked<string, "too_short" | "too_long"> {
  const text = input.normalize("NFC").replace(/\s+/g, " ").trim();
  if (text.length < 3) return { ok: false, reason: "too_short" };
  if (text.length > INITIATIVE_NAME_MAX) return { ok: false, reason: "too_long" };
  return { ok: true, value: text };
}

/** A decision's number as printed on it, e.g. "125/QĐ-STP": must hold a digit. */
export function checkDecisionNumber(input: string): Checked<string, "no_digit" | "too_long"> {
  const text = input.normalize("NFC").replace(/\s+/g, " ").trim();
  if (text.length > DECISION_NUMBER_MAX) return { ok: false, reason: "too_long" };
  if (!/\d/.test(text)) return { ok: false, reason: "no_digit" };
  return { ok: true, value: text };
}

/**
 * A date written the Vietnamese way (dd/mm/yyyy, also with - or .), that exists and is not after today in
 * `timeZone`. Returns yyyy-mm-dd.
 */
export function checkDecisionDate(
  input: string,
  now: Date,
  timeZone: string,
): Checked<string, "bad_format" | "no_such_date" | "in_future"> {
  const date = parseDayMonthYear(input);
  if (!date) return { ok: false, reason: "bad_format" };
  if (!isRealDate(date)) return { ok: false, reason: "no_such_date" };
  if (isoDate(date) > isoDate(toLocal(now, timeZone))) return { ok: false, reason: "in_future" };
  return { ok: true, value: isoDate(date) };
}

const ACCEPTED_TYPES: Record<string, string> = {
  "application/pdf": "PDF",
  "application/msword": "DOC",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "DOCX",
  "application/vnd.ms-excel": "XLS",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "XLSX",
  "image/jpeg": "JPG",
  "image/png": "PNG",
};
const ACCEPTED_EXTENSIONS = /\.(pdf|docx?|xlsx?|jpe?g|png)$/i;

/** Proof files: PDF, Word documents, spreadsheets or pictures, each at most FILE_SIZE_MAX. */
export function checkProofFile(file: {
  mimeType?: string | undefined;
  fileName?: string | undefined;
  size?: number | undefined;
}): Checked<null, "wrong_type" | "too_large"> {
  const typeKnown = file.mimeType !== undefined && file.mimeType in ACCEPTED_TYPES;
  const nameKnown = file.fileName !== undefined && ACCEPTED_EXTENSIONS.test(file.fileName);
  if (!typeKnown && !nameKnown) return { ok: false, reason: "wrong_type" };
  if ((file.size ?? 0) > FILE_SIZE_MAX) return { ok: false, reason: "too_large" };
  return { ok: true, value: null };
}

/** dd/mm/yyyy from yyyy-mm-dd. */
export function formatIsoDate(isoDate: string): string {
  const [year, month, day] = isoDate.split("-");
  return `${day}/${month}/${year}`;
}

const DOSSIER_TYPES = new Set([
  "application/pdf",
  "application/msword",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
]);
const DOSSIER_EXTENSIONS = /\.(pdf|docx?)$/i;

/** Dossier documents: PDF or Word only (no pictures: the council files them), each at most FILE_SIZE_MAX. */
export function checkDossierFile(file: {
  mimeType?: string | undefined;
  fileName?: string | undefined;
  size?: number | undefined;
}): Checked<null, "wrong_type" | "too_large"> {
  // The name decides when there is one (the type is the sender's guess); else the type must be one of them.
  const accepted =
    file.fileName !== undefined
      ? DOSSIER_EXTENSIONS.test(file.fileName)
      : file.mimeType !== undefined && DOSSIER_TYPES.has(file.mimeType);
  if (!accepted) return { ok: false, reason: "wrong_type" };
  if ((file.size ?? 0) > FILE_SIZE_MAX) return { ok: false, reason: "too_large" };
  return { ok: true, value: null };
}
