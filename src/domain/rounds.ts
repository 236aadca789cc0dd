import { calendarDaysBetween, fromLocal } from "./time.js";

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
