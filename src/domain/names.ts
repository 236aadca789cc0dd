import { isNameWord, isStorableText } from "./text-input.js";

export const FULL_NAME_MAX = 80;
export const POSITION_MAX = 100;

export type TextCheck<T = string> = { ok: true; value: T } | { ok: false; reason: TextProblem };
export type TextProblem =
  | "empty"
  | "too_long"
  | "too_short"
  | "bad_characters"
  | "one_word"
  | "bad_word"
  | "hidden_characters";

const collapseSpaces = (text: string) => text.normalize("NFC").replace(/\s+/gu, " ").trim();

/** "nguyễn" and "NGUYỄN" become "Nguyễn"; a word typed in mixed case ("H'Hen", "McDonald") is kept as typed. */
function capitalise(word: string): string {
  const lower = word.toLocaleLowerCase("vi");
  const mixedCase = word !== lower && word !== word.toLocaleUpperCase("vi");
  if (mixedCase) return word.charAt(0).toLocaleUpperCase("vi") + word.slice(1);
  return lower
    .split("-")
    .map((part) => part.charAt(0).toLocaleUpperCase("vi") + part.slice(1))
    .join("-");
}

/**
 * A person's full name: Unicode NFC, single spaces, each word capitalised ("nguyễn văn  an" → "Nguyễn Văn An").
 * Letters (any script, so Vietnamese and ethnic-minority names pass), spaces, hyphens and apostrophes only;
 * at least two words, each of letters (see `isNameWord`), and no hidden character (see `hiddenCharacter`).
 */
export function normaliseFullName(input: string): TextCheck {
  if (!isStorableText(input)) return { ok: false, reason: "hidden_characters" };
  const text = collapseSpaces(input);
  if (text === "") return { ok: false, reason: "empty" };
  if (text.length > FULL_NAME_MAX) return { ok: false, reason: "too_long" };
  if (!/^[\p{L}\p{M}'’ -]+$/u.test(text)) return { ok: false, reason: "bad_characters" };
  const words = text.split(" ");
  if (!words.every(isNameWord)) return { ok: false, reason: "bad_word" };
  if (words.length < 2) return { ok: false, reason: "one_word" };
  return { ok: true, value: words.map(capitalise).join(" ") };
}

/**
 * Whether a name is written without any Vietnamese mark ("Tran Van Binh"): likely typed on a keyboard without
 * them, though some names are so written; the person is asked once.
 */
export function lacksVietnameseMarks(name: string): boolean {
  return /^[A-Za-z' -]+$/.test(name);
}

/** A position or job title: no hidden character, NFC, single spaces, 2 to POSITION_MAX characters, kept as typed otherwise. */
export function normalisePosition(input: string): TextCheck {
  if (!isStorableText(input)) return { ok: false, reason: "hidden_characters" };
  const text = collapseSpaces(input);
  if (text === "") return { ok: false, reason: "empty" };
  if (text.length > POSITION_MAX) return { ok: false, reason: "too_long" };
  if (text.length < 2) return { ok: false, reason: "too_short" };
  if (!/[\p{L}]/u.test(text)) return { ok: false, reason: "bad_characters" };
  return { ok: true, value: text };
}

/** Folds case and Vietnamese diacritics, so "nguyen van a" matches "Nguyễn Văn A". */
export function searchKey(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLocaleLowerCase("vi")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Whether each word of `query` begins a word of `name`, ignoring case and diacritics: "nguyen van a" and
 * "van a" find "Nguyễn Văn A"; "an" does not find "Lan".
 */
export function nameMatches(name: string, query: string): boolean {
  const wanted = searchKey(query).split(" ").filter(Boolean);
  if (wanted.length === 0) return false;
  const words = searchKey(name).split(" ");
  return wanted.every((part) => words.some((word) => word.startsWith(part)));
}
