/** The clock is injected everywhere so that tests can set the time. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** Building an Intl.DateTimeFormat costs far more than using one: one per zone, kept for the process's life. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function partsIn(timeZone: string, instant: Date): LocalDateTime & { second: number } {
  const parts = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type in parts) parts[part.type as keyof typeof parts] = Number(part.value);
  }
  return parts;
}

/** The wall-clock reading of `instant` in `timeZone`. */
export function toLocal(instant: Date, timeZone: string): LocalDateTime {
  const { year, month, day, hour, minute } = partsIn(timeZone, instant);
  return { year, month, day, hour, minute };
}

/** The instant at which the clocks of `timeZone` show `local`. */
export function fromLocal(local: LocalDateTime, timeZone: string): Date {
  const asIfUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  // Two passes settle the offset even next to a DST change; Asia/Ho_Chi_Minh has none, other zones may.
  let guess = asIfUtc;
  for (let pass = 0; pass < 2; pass++) {
    const seen = partsIn(timeZone, new Date(guess));
    const seenAsUtc = Date.UTC(seen.year, seen.month - 1, seen.day, seen.hour, seen.minute, seen.second);
    guess += asIfUtc - seenAsUtc;
  }
  return new Date(guess);
}

const pad = (n: number) => String(n).padStart(2, "0");

/** dd/mm/yyyy, as Vietnamese documents write dates. */
export function formatLocalDate(instant: Date, timeZone: string): string {
  const { year, month, day } = toLocal(instant, timeZone);
  return `${pad(day)}/${pad(month)}/${year}`;
}

export function formatLocalDateTime(instant: Date, timeZone: string): string {
  const { hour, minute } = toLocal(instant, timeZone);
  return `${pad(hour)}:${pad(minute)} ${formatLocalDate(instant, timeZone)}`;
}

/** Whole calendar days from `now` to `until` in `timeZone` (0 on the same day, negative once past). */
export function calendarDaysBetween(now: Date, until: Date, timeZone: string): number {
  const a = toLocal(now, timeZone);
  const b = toLocal(until, timeZone);
  return Math.round(
    (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000,
  );
}
