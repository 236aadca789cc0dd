import { isoDate, isRealDate, parseDayMonthYear } from "./calendar.js";
/**
 * An award decision as the Office records it: its number and symbol ("125/QĐ-STP"), its date and who issued
 * it. Pure checks of what an Office member types, each with the reason it is refused.
 */

export type DecisionNumberCheck = { ok: true; number: string } | { ok: false };

/**
 * "125/QĐ-STP", "1234/QĐ-TTg", "45/QĐ-UBND": a number, "/QĐ-", then the issuer's symbol. Spaces around the
 * marks and "QD" typed without its Đ are forgiven; the symbol keeps its case ("TTg").
 */
export function checkDecisionNumber(text: string): DecisionNumberCheck {
  const match = /^(\d{1,6})\s*\/\s*(?:QĐ|QD|qđ|qd)\s*-\s*([\p{L}\d]+(?:-[\p{L}\d]+)*)$/u.exec(
    text.normalize("NFC").trim(),
  );
  if (!match) return { ok: false };
  return { ok: true, number: `${Number(match[1])}/QĐ-${match[2]}` };
}

export type DecisionDateCheck =
  | { ok: true; date: string }
  | { ok: false; problem: "format" | "not_a_date" | "future" | "before_round" };

/**
 * A date typed as dd/mm/yyyy (or with - or .): a real date, not after `today` (the local date), not before
 * the round's year began. Returns it as YYYY-MM-DD.
 */
export function checkDecisionDate(
  text: string,
  today: { year: number; month: number; day: number },
  roundYear: number,
): DecisionDateCheck {
  const typed = parseDayMonthYear(text);
  if (!typed) return { ok: false, problem: "format" };
  if (!isRealDate(typed)) return { ok: false, problem: "not_a_date" };
  const iso = isoDate(typed);
  if (iso > isoDate(today)) return { ok: false, problem: "future" };
  if (typed.year < roundYear) return { ok: false, problem: "before_round" };
  return { ok: true, date: iso };
}

export const ISSUER_MIN = 3;
export const ISSUER_MAX = 200;

export type IssuerCheck = { ok: true; issuer: string } | { ok: false };

export function checkIssuer(text: string): IssuerCheck {
  const issuer = text.normalize("NFC").replace(/\s+/g, " ").trim();
  if ([...issuer].length < ISSUER_MIN || [...issuer].length > ISSUER_MAX || !/\p{L}/u.test(issuer))
    return { ok: false };
  return { ok: true, issuer };
}

/** "2027-01-15" as "15/01/2027". */
export function decisionDateText(iso: string): string {
  const [year, month, day] = iso.split("-");
  return `${day}/${month}/${year}`;
}
