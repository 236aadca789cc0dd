import { addDays, isRealDate, type LocalDate, parseDayMonthYear } from "./calendar.js";
import { calendarDaysBetween, fromLocal, toLocal } from "./time.js";

export interface DeadlineRule {
  /** Results of year Y are due before this day of year Y + yearsAfter, at 00:00 local time. */
  month: number;
  day: number;
  yearsAfter: number;
}

export interface PlanPeriod {
  from: number;
  to: number;
}

/** The instant before which the results of `year` must reach the Office. */
export function roundDeadline(year: number, rule: DeadlineRule, timeZone: string): Date {
  return fromLocal(
    { year: year + rule.yearsAfter, month: rule.month, day: rule.day, hour: 0, minute: 0 },
    timeZone,
  );
}

/** A round opened once the plan's deadline has passed gets, by default, this many days from today. */
export const LATE_ROUND_DAYS = 30;

/** The instant 00:00 of `date` in `timeZone`: a deadline "trước 00:00 dd/mm/yyyy". */
export function deadlineOn(date: LocalDate, timeZone: string): Date {
  return fromLocal({ ...date, hour: 0, minute: 0 }, timeZone);
}

/** The date on which a deadline falls (it falls at 00:00 of that day). */
export function dateOfDeadline(deadline: Date, timeZone: string): LocalDate {
  const { year, month, day } = toLocal(deadline, timeZone);
  return { year, month, day };
}

/** 00:00 of the day `days` calendar days after today: today and the `days - 1` days after it are left to act. */
export function deadlineInDays(now: Date, days: number, timeZone: string): Date {
  return deadlineOn(addDays(dateOfDeadline(now, timeZone), days), timeZone);
}

export type RoundDeadlineProblem = "format" | "not_a_date" | "past" | "too_far";

export type RoundDeadlineCheck = { ok: true; deadline: Date } | { ok: false; problem: RoundDeadlineProblem };

/**
 * The latest deadline the Office may set for a round: a year after today, or after the plan's deadline for
 * that round if later (a later date is taken for a typo in the year).
 */
export function latestRoundDeadline(now: Date, planned: Date, timeZone: string): Date {
  const from = dateOfDeadline(planned.getTime() > now.getTime() ? planned : now, timeZone);
  // A year on, 29/02 falling on 01/03.
  return deadlineOn(addDays({ ...from, year: from.year + 1 }, 0), timeZone);
}

/**
 * A deadline the Office sets for a round, as the date before which results are due (00:00 of that day, in
 * `timeZone`): a real date, still ahead of `now`, and not past `latestRoundDeadline`. `planned` is the plan's
 * deadline for the round.
 */
export function checkRoundDeadline(
  date: LocalDate,
  now: Date,
  planned: Date,
  timeZone: string,
): RoundDeadlineCheck {
  if (!isRealDate(date)) return { ok: false, problem: "not_a_date" };
  const deadline = deadlineOn(date, timeZone);
  if (deadline.getTime() <= now.getTime()) return { ok: false, problem: "past" };
  if (deadline.getTime() > latestRoundDeadline(now, planned, timeZone).getTime())
    return { ok: false, problem: "too_far" };
  return { ok: true, deadline };
}

/** The same check, of a date typed as dd/mm/yyyy (or with - or .). */
export function parseRoundDeadline(
  text: string,
  now: Date,
  planned: Date,
  timeZone: string,
): RoundDeadlineCheck {
  const date = parseDayMonthYear(text);
  return date ? checkRoundDeadline(date, now, planned, timeZone) : { ok: false, problem: "format" };
}

export type RoundYearProblem = "not_a_year" | "too_far_back" | "too_far_ahead";

/** Rounds may be opened for the plan's first year onwards, up to next year. */
export function roundYearProblem(
  year: number,
  period: PlanPeriod,
  currentYear: number,
): RoundYearProblem | null {
  if (!Number.isInteger(year) || year < 1900 || year > 9999) return "not_a_year";
  if (year < period.from) return "too_far_back";
  if (year > currentYear + 1) return "too_far_ahead";
  return null;
}

export function isBeyondPlanPeriod(year: number, period: PlanPeriod): boolean {
  return year > period.to;
}

export type DeadlineStatus =
  | { kind: "days_left"; days: number }
  | { kind: "last_day" }
  | { kind: "overdue"; days: number };

/**
 * Where `now` stands against a deadline that falls at 00:00 local time: the day before it is the last day;
 * "overdue by 1 day" starts at the deadline itself.
 */
export function deadlineStatus(now: Date, deadline: Date, timeZone: string): DeadlineStatus {
  const lastDay = new Date(deadline.getTime() - 1);
  if (now.getTime() >= deadline.getTime()) {
    return { kind: "overdue", days: calendarDaysBetween(lastDay, now, timeZone) };
  }
  const days = calendarDaysBetween(now, lastDay, timeZone);
  return days === 0 ? { kind: "last_day" } : { kind: "days_left", days };
}

/** The status as it names messages: "days-left", "last-day" or "overdue". */
export function deadlineStatusKey(status: DeadlineStatus): string {
  return status.kind.replace("_", "-");
}

/** An organisation's name, and the names it went by before a day (yyyy-mm-dd), oldest first. */
export interface NameHistory<N> {
  name: N;
  formerNames: readonly { name: N; until: string }[];
}

/** The name in force on `isoDate` (yyyy-mm-dd): the first former name not yet given up, else today's. */
export function nameOn<N>(history: NameHistory<N>, isoDate: string): N {
  return history.formerNames.find((former) => isoDate < former.until)?.name ?? history.name;
}

/**
 * Which body ran each year's round, as runs of years under one name: a round belongs to whoever received
 * its results, on its deadline day (the 2024 round, due 05/01/2025, was Hà Nam's; the 2025 round Ninh Bình's).
 */
export function roundOrganisers<N>(
  history: NameHistory<N>,
  years: { from: number; to: number },
  deadlineDay: (year: number) => string,
): { from: number; to: number; name: N }[] {
  const runs: { from: number; to: number; name: N }[] = [];
  for (let year = years.from; year <= years.to; year++) {
    const name = nameOn(history, deadlineDay(year));
    const last = runs.at(-1);
    if (last && last.name === name) last.to = year;
    else runs.push({ from: year, to: year, name });
  }
  return runs;
}
