import type { ReminderSchedule } from "../campaign/schema.js";
import { addDays, isoDate, isWorkingDay, type LocalDate, workingDayOnOrBefore } from "./calendar.js";
import { fromLocal, toLocal } from "./time.js";
import { pendingItems, type UnitStatus } from "./unit-status.js";

export type SlotKind = "unit" | "employee" | "digest";

/** One moment at which reminders of a kind go out. */
export interface Slot {
  key: string;
  kind: SlotKind;
  sendAt: Date;
  /** The local date it goes out on. */
  date: LocalDate;
  /** Set for reminders before the deadline: the offset (in days before the deadline's date) it stands for. */
  daysBefore?: number;
  overdue: boolean;
  /** After this a missed slot is not worth sending any more (a digest of yesterday, a reminder past the deadline). */
  expiresAt?: Date;
}

function sendTime(date: LocalDate, schedule: ReminderSchedule, timeZone: string): Date {
  const [hour = 8, minute = 0] = schedule.sendAt.split(":").map(Number);
  return fromLocal({ ...date, hour, minute }, timeZone);
}

/** The deadline falls at 00:00 on this date: the day before it is the last day to submit. */
export function deadlineDate(deadline: Date, timeZone: string): LocalDate {
  const { year, month, day } = toLocal(deadline, timeZone);
  return { year, month, day };
}

/**
 * Reminders before the deadline, `daysBefore` calendar days before the deadline's date (1 is the last day),
 * each moved to the working day before when it falls on a weekend or holiday. Two offsets that land on the
 * same day make one reminder.
 */
function beforeSlots(
  kind: SlotKind,
  offsets: readonly number[],
  deadline: Date,
  schedule: ReminderSchedule,
  timeZone: string,
): Slot[] {
  const due = deadlineDate(deadline, timeZone);
  const byDate = new Map<string, Slot>();
  for (const offset of [...offsets].sort((a, b) => a - b)) {
    const date = workingDayOnOrBefore(addDays(due, -offset), schedule);
    const key = isoDate(date);
    if (byDate.has(key)) continue;
    byDate.set(key, {
      key: `${kind}:before:${offset}`,
      kind,
      sendAt: sendTime(date, schedule, timeZone),
      date,
      daysBefore: offset,
      overdue: false,
    });
  }
  return [...byDate.values()].sort((a, b) => a.sendAt.getTime() - b.sendAt.getTime());
}

/** What units are told: before the deadline, then every few working days while overdue. */
export function unitSlots(deadline: Date, schedule: ReminderSchedule, timeZone: string): Slot[] {
  const slots = beforeSlots("unit", schedule.daysBefore, deadline, schedule, timeZone);
  const due = deadlineDate(deadline, timeZone);
  let workingDaysSince = 0;
  for (let offset = 0; offset < schedule.overdueForDays; offset++) {
    const date = addDays(due, offset);
    if (!isWorkingDay(date, schedule)) continue;
    if (workingDaysSince % schedule.overdueEveryWorkingDays === 0) {
      slots.push({
        key: `unit:overdue:${isoDate(date)}`,
        kind: "unit",
        sendAt: sendTime(date, schedule, timeZone),
        date,
        overdue: true,
      });
    }
    workingDaysSince++;
  }
  return slots;
}

/** Employees who have not submitted get their own short reminder on these marks. */
export function employeeSlots(deadline: Date, schedule: ReminderSchedule, timeZone: string): Slot[] {
  // Once the deadline has passed, a person cannot act on "submit before the deadline" any more.
  return beforeSlots("employee", schedule.employeeDaysBefore, deadline, schedule, timeZone).map((slot) => ({
    ...slot,
    expiresAt: deadline,
  }));
}

/** The Office's digest: every working day of the last `digestFromDaysBefore` days. */
export function digestSlots(deadline: Date, schedule: ReminderSchedule, timeZone: string): Slot[] {
  const due = deadlineDate(deadline, timeZone);
  const slots: Slot[] = [];
  for (let offset = schedule.digestFromDaysBefore; offset >= 1; offset--) {
    const date = addDays(due, -offset);
    if (!isWorkingDay(date, schedule)) continue;
    slots.push({
      key: `digest:${isoDate(date)}`,
      kind: "digest",
      sendAt: sendTime(date, schedule, timeZone),
      date,
      daysBefore: offset,
      overdue: false,
      // A digest is of its day: a missed one is not sent the next day.
      expiresAt: fromLocal({ ...addDays(date, 1), hour: 0, minute: 0 }, timeZone),
    });
  }
  return slots;
}

/** How long before a unit's extension (/reopen) ends its heads are told. */
export const EXTENSION_WARNING_DAYS = 7;

/** When a unit's heads hear that its extension ends in a week, and until when that is worth sending. */
export interface ExtensionEndSlot {
  key: string;
  sendAt: Date;
  expiresAt: Date;
}

/**
 * The reminder a week before a unit's extension ends: on the working day on or before that date, at the
 * schedule's hour. An extension granted after that moment (a short one) has none: the heads were told its end
 * when it was granted. Its key names the unit and the end, so a new extension has a reminder of its own.
 */
export function extensionEndSlot(
  extension: { unitId: number; until: Date; grantedAt: Date },
  schedule: ReminderSchedule,
  timeZone: string,
): ExtensionEndSlot | undefined {
  const end = deadlineDate(extension.until, timeZone);
  const date = workingDayOnOrBefore(addDays(end, -EXTENSION_WARNING_DAYS), schedule);
  const sendAt = sendTime(date, schedule, timeZone);
  if (sendAt < extension.grantedAt) return undefined;
  return { key: `extension-end:${extension.unitId}:${isoDate(end)}`, sendAt, expiresAt: extension.until };
}

/**
 * The slot to act on at `now`: the latest one already due and not before the round opened. Earlier ones that
 * were missed (the bot was down) are superseded by it rather than sent late one after another.
 */
export function currentSlot(slots: readonly Slot[], now: Date, notBefore: Date): Slot | undefined {
  const latest = slots.filter((slot) => slot.sendAt <= now && slot.sendAt >= notBefore).at(-1);
  return latest && (latest.expiresAt === undefined || now < latest.expiresAt) ? latest : undefined;
}

export function upcomingSlots(slots: readonly Slot[], now: Date): Slot[] {
  return slots.filter((slot) => slot.sendAt > now);
}

/** A dossier document the unit has still to upload. */
export interface OwedDocument {
  documentId: string;
  /** Whose report it is, for a per-nominee document; null for the unit's own (the Tờ trình). */
  nomineeName: string | null;
  /** The award form the report is for (a person proposed for two forms has two reports). */
  formId: string | null;
  /** Set when the nominee is the unit itself. */
  collective?: true;
}

/** What a unit still owes for the round: the reminders' view of `pendingItems`. */
export interface Owed {
  /** How many of the unit's people have not submitted their self-assessment. */
  peopleMissing: number;
  /** Who they are, in name order: from a summary, only the first of them (as many as a reminder shows). */
  peopleNotSubmitted: Array<{ telegramId: number; fullName: string }>;
  peopleTotal: number;
  unitAssessment: boolean;
  /** Its dossier is not submitted and it nominates no one (yet): it proposes someone, or submits to say so. */
  nominations: boolean;
  documents: OwedDocument[];
  /** The dossier still to submit (again, once the Office returned it, with its reason); null once submitted. */
  dossier: { returned: boolean; reason: string | null } | null;
}

export function owedBy(status: UnitStatus): Owed {
  const owed: Owed = {
    peopleNotSubmitted: status.peopleNotSubmitted.map(({ telegramId, fullName }) => ({
      telegramId,
      fullName,
    })),
    peopleMissing: status.peopleTotal - status.peopleSubmitted,
    peopleTotal: status.peopleTotal,
    unitAssessment: false,
    nominations: false,
    documents: [],
    dossier: null,
  };
  for (const item of pendingItems(status)) {
    if (item.kind === "unit_assessment") owed.unitAssessment = true;
    else if (item.kind === "nominations") owed.nominations = true;
    else if (item.kind === "document")
      owed.documents.push({
        documentId: item.documentId,
        nomineeName: item.nomineeName,
        formId: item.formId,
        ...(item.collective ? { collective: item.collective } : {}),
      });
    else if (item.kind === "dossier")
      owed.dossier = { returned: item.state === "returned", reason: item.returnReason };
  }
  return owed;
}

/** Every person and the unit have submitted their assessments, and the unit its dossier. */
export function owesNothing(owed: Owed): boolean {
  return (
    owed.peopleMissing === 0 &&
    !owed.unitAssessment &&
    !owed.nominations &&
    owed.documents.length === 0 &&
    owed.dossier === null
  );
}
