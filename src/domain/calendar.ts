/** A date on the local calendar (no time, no zone). */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const utc = (d: LocalDate) => Date.UTC(d.year, d.month - 1, d.day);
const fromUtc = (ms: number): LocalDate => {
  const date = new Date(ms);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
};

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromUtc(utc(date) + days * 86_400_000);
}

export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  const day = new Date(utc(date)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** Whether `date` is on the calendar (no 31/04, no 29/02 in a common year). */
export function isRealDate(date: LocalDate): boolean {
  const same = addDays(date, 0);
  return same.year === date.year && same.month === date.month && same.day === date.day;
}

/** A date typed the Vietnamese way, dd/mm/yyyy (also with - or .), as written: not checked to be real. */
export function parseDayMonthYear(text: string): LocalDate | undefined {
  const match = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  return match ? { day: Number(match[1]), month: Number(match[2]), year: Number(match[3]) } : undefined;
}

const pad = (n: number) => String(n).padStart(2, "0");
export const isoDate = (d: LocalDate) => `${d.year}-${pad(d.month)}-${pad(d.day)}`;
export const formatDate = (d: LocalDate) => `${pad(d.day)}/${pad(d.month)}/${d.year}`;

export interface WorkingCalendar {
  workingDays: readonly number[];
  /** "MM-DD" every year, or "YYYY-MM-DD" once. */
  holidays: readonly string[];
}

export function isWorkingDay(date: LocalDate, calendar: WorkingCalendar): boolean {
  if (!calendar.workingDays.includes(isoWeekday(date))) return false;
  const iso = isoDate(date);
  return !calendar.holidays.some((holiday) => holiday === iso || holiday === iso.slice(5));
}

/** The date itself if it is a working day, else the closest working day before it. */
export function workingDayOnOrBefore(date: LocalDate, calendar: WorkingCalendar): LocalDate {
  let candidate = date;
  for (let guard = 0; guard < 366 && !isWorkingDay(candidate, calendar); guard++) {
    candidate = addDays(candidate, -1);
  }
  return candidate;
}
