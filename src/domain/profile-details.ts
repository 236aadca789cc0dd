import { isoDate, isRealDate, parseDayMonthYear } from "./calendar.js";
/**
 * What the Báo cáo thành tích asks of a person and the bot does not otherwise know, asked in chat one question
 * at a time: pure checks of each answer, each refusal with its reason, and the order of the questions.
 */

export type Gender = "male" | "female";

/** An award already received, as section III of the Báo cáo thành tích lists it. */
export interface AwardReceived {
  year: number;
  form: string;
  /** The decision's number ("12/QĐ-STP"); null when the person does not have it to hand. */
  decision: string | null;
}

export interface ProfileDetails {
  /** YYYY-MM-DD. */
  dateOfBirth: string | null;
  gender: Gender | null;
  hometown: string | null;
  qualification: string | null;
  duties: string | null;
  /** [] when none were received; null when never answered. */
  awards: AwardReceived[] | null;
}

export const DETAIL_STEPS = ["dob", "gender", "hometown", "qualification", "duties", "awards"] as const;
export type DetailStep = (typeof DETAIL_STEPS)[number];

export const EMPTY_DETAILS: ProfileDetails = {
  dateOfBirth: null,
  gender: null,
  hometown: null,
  qualification: null,
  duties: null,
  awards: null,
};

/** The question after `step`, or undefined after the last. */
export function nextStep(step: DetailStep): DetailStep | undefined {
  return DETAIL_STEPS[DETAIL_STEPS.indexOf(step) + 1];
}

const FIELD_OF: Record<DetailStep, keyof ProfileDetails> = {
  dob: "dateOfBirth",
  gender: "gender",
  hometown: "hometown",
  qualification: "qualification",
  duties: "duties",
  awards: "awards",
};

/** The questions never answered: what a nomination still needs for the Báo cáo thành tích. */
export function missingSteps(details: ProfileDetails | undefined): DetailStep[] {
  const known = details ?? EMPTY_DETAILS;
  return DETAIL_STEPS.filter((step) => known[FIELD_OF[step]] === null);
}

const fold = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/gi, "d")
    .toLowerCase()
    .replace(/[^a-z]+/g, " ")
    .trim();

/** "Bỏ qua" (with or without marks, with its button's emoji), "skip" or a lone "-": keep what is stored. */
export function isSkip(text: string): boolean {
  const folded = fold(text);
  return folded === "bo qua" || folded === "skip" || text.trim() === "-";
}

export const MIN_AGE = 18;
export const MAX_AGE = 75;

export type DateOfBirthCheck =
  | { ok: true; date: string }
  | { ok: false; problem: "format" | "not_a_date" | "age" };

/** dd/mm/yyyy (or with - or .): a real date of someone aged MIN_AGE to MAX_AGE on `today`. */
export function checkDateOfBirth(
  text: string,
  today: { year: number; month: number; day: number },
): DateOfBirthCheck {
  const typed = parseDayMonthYear(text);
  if (!typed) return { ok: false, problem: "format" };
  if (!isRealDate(typed)) return { ok: false, problem: "not_a_date" };
  const { day, month, year } = typed;
  const hadBirthday = today.month > month || (today.month === month && today.day >= day);
  const age = today.year - year - (hadBirthday ? 0 : 1);
  if (age < MIN_AGE || age > MAX_AGE) return { ok: false, problem: "age" };
  return { ok: true, date: isoDate(typed) };
}

/** "2026-03-05" as "05/03/2026". */
export function dateOfBirthText(iso: string): string {
  const [year, month, day] = iso.split("-");
  return `${day}/${month}/${year}`;
}

/** The gender from its button (Nam/Nữ, Male/Female) or typed the same way. */
export function checkGender(text: string): Gender | undefined {
  const folded = fold(text);
  if (folded === "nam" || folded === "male") return "male";
  if (folded === "nu" || folded === "female") return "female";
  return undefined;
}

export const DETAIL_MAX: Record<"hometown" | "qualification" | "duties", number> = {
  hometown: 200,
  qualification: 200,
  duties: 1000,
};
export const DETAIL_MIN = 2;

export type DetailTextCheck =
  | { ok: true; text: string }
  | { ok: false; problem: "short" | "long" | "letters" };

/** Quê quán, trình độ chuyên môn, nhiệm vụ được giao: NFC, spaces tidied, with letters, within `max`. */
export function checkDetailText(text: string, max: number): DetailTextCheck {
  const tidy = text
    .normalize("NFC")
    .split("\n")
    .map((line) => line.replace(/\s+/g, " ").trim())
    .filter((line) => line !== "")
    .join("\n");
  const length = [...tidy].length;
  if (length < DETAIL_MIN) return { ok: false, problem: "short" };
  if (length > max) return { ok: false, problem: "long" };
  if (!/\p{L}/u.test(tidy)) return { ok: false, problem: "letters" };
  return { ok: true, text: tidy };
}

export const AWARDS_MAX = 30;
/** The whole list's length: with the rest, /me stays within a Telegram message (4096 characters). */
export const AWARDS_TEXT_MAX = 2000;
export const AWARD_FORM_MAX = 200;
export const AWARD_DECISION_MAX = 60;
export const FIRST_AWARD_YEAR = 1975;

export type AwardsCheck =
  | { ok: true; awards: AwardReceived[] }
  | { ok: false; problem: "many" }
  | { ok: false; problem: "line" | "year" | "form" | "decision"; line: number };

const NONE = new Set(["khong", "khong co", "chua co", "none", "no", "nothing"]);

/**
 * The awards received, one a line: "2024 - Giấy khen của Giám đốc Sở - 12/QĐ-STP" (year, form, decision
 * number; the number may be left out), or "không" for none. The last part is the number only if it has a
 * digit, so a form that has a dash in its name stays whole.
 */
export function checkAwards(text: string, currentYear: number): AwardsCheck {
  const lines = text
    .normalize("NFC")
    .split("\n")
    .map((line) => line.replace(/\s+/g, " ").trim())
    .filter((line) => line !== "");
  if (lines.length === 1 && NONE.has(fold(lines[0] ?? ""))) return { ok: true, awards: [] };
  if (lines.length > AWARDS_MAX || [...lines.join("\n")].length > AWARDS_TEXT_MAX)
    return { ok: false, problem: "many" };
  const awards: AwardReceived[] = [];
  for (const [index, line] of lines.entries()) {
    const at = index + 1;
    const match = /^(\d{4})\s*[-–—:,.]\s*(.+)$/.exec(line.replace(/^[•*+]\s*/, ""));
    if (!match) return { ok: false, problem: "line", line: at };
    const year = Number(match[1]);
    if (year < FIRST_AWARD_YEAR || year > currentYear) return { ok: false, problem: "year", line: at };
    const parts = (match[2] ?? "").split(/\s+[-–—]\s+|\s*[–—]\s*/);
    const last = parts.at(-1) ?? "";
    const hasNumber = parts.length > 1 && /\d/.test(last);
    const form = (hasNumber ? parts.slice(0, -1) : parts).join(" - ").trim();
    const decision = hasNumber ? last.trim() : null;
    if ([...form].length < 3 || [...form].length > AWARD_FORM_MAX || !/\p{L}/u.test(form))
      return { ok: false, problem: "form", line: at };
    if (decision !== null && [...decision].length > AWARD_DECISION_MAX)
      return { ok: false, problem: "decision", line: at };
    awards.push({ year, form, decision });
  }
  if (awards.length === 0) return { ok: false, problem: "line", line: 1 };
  return { ok: true, awards };
}

/** "2024 - Giấy khen của Giám đốc Sở - 12/QĐ-STP": as typed, so it reads back the same. */
export function awardLine(award: AwardReceived): string {
  return award.decision
    ? `${award.year} - ${award.form} - ${award.decision}`
    : `${award.year} - ${award.form}`;
}

/** Who may fill in a person's details: the person, a head of their unit, or the Office where it proposes the unit. */
export function mayFillDetails(
  actor: { telegramId: number; role: string; unitId: number | null },
  subject: { telegramId: number; unitId: number; officeProposes: boolean },
): boolean {
  if (actor.telegramId === subject.telegramId) return true;
  if (actor.role === "unit_head") return actor.unitId === subject.unitId;
  return actor.role === "office" && subject.officeProposes;
}
