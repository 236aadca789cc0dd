import { describe, expect, it } from "vitest";
import { loadCampaign } from "../../../src/campaign/load.js";
import type { ReminderSchedule } from "../../../src/campaign/schema.js";
import { isoDate, isoWeekday } from "../../../src/domain/calendar.js";
import type { NominationStatus } from "../../../src/domain/nominations.js";
import {
  currentSlot,
  deadlineDate,
  digestSlots,
  employeeSlots,
  owedBy,
  owesNothing,
  type Slot,
  unitSlots,
  upcomingSlots,
} from "../../../src/domain/reminders.js";
import { roundDeadline } from "../../../src/domain/rounds.js";
import { type UnitRoundFacts, unitStatus } from "../../../src/domain/unit-status.js";

const HCM = "Asia/Ho_Chi_Minh";
const campaign = loadCampaign();
const schedule = campaign.reminders;
/** The 2026 round: due before 05/01/2027 00:00 in Vietnam, so Monday 04/01/2027 is the last day. */
const deadline = roundDeadline(2026, campaign.deadline, HCM);
/** 08:00 in Vietnam on a "YYYY-MM-DD" date, as a UTC ISO string. */
const at8 = (iso: string) => new Date(`${iso}T08:00:00+07:00`).toISOString();
/** 00:00 in Vietnam at the start of a "YYYY-MM-DD" date, as a UTC ISO string. */
const midnight = (iso: string) => new Date(`${iso}T00:00:00+07:00`).toISOString();

/** The parts of a slot worth comparing, with dates and instants as readable strings. */
const view = (slot: Slot) => ({
  key: slot.key,
  kind: slot.kind,
  date: isoDate(slot.date),
  sendAt: slot.sendAt.toISOString(),
  daysBefore: slot.daysBefore,
  overdue: slot.overdue,
  expiresAt: slot.expiresAt?.toISOString(),
});
/** A unit reminder before the deadline: it never expires. */
const ahead = (kind: Slot["kind"], days: number, iso: string, expiresAt?: string) => ({
  key: `${kind}:before:${days}`,
  kind,
  date: iso,
  sendAt: at8(iso),
  daysBefore: days,
  overdue: false,
  expiresAt,
});
/** An employee reminder: worth sending only until the deadline, 05/01/2027 00:00 in Vietnam. */
const employeeAhead = (days: number, iso: string) => ahead("employee", days, iso, midnight("2027-01-05"));
const overdue = (iso: string) => ({
  key: `unit:overdue:${iso}`,
  kind: "unit",
  date: iso,
  sendAt: at8(iso),
  daysBefore: undefined,
  overdue: true,
  expiresAt: undefined,
});
const withSchedule = (changes: Partial<ReminderSchedule>): ReminderSchedule => ({ ...schedule, ...changes });

/**
 * Every working day (Monday to Friday, 01/01 off) of the 30 days from the deadline's date on: 05/01/2027 to
 * 03/02/2027 inclusive (04/02 is the 31st day), written out by hand.
 */
const OVERDUE_DAYS = [
  "2027-01-05",
  "2027-01-06",
  "2027-01-07",
  "2027-01-08",
  "2027-01-11",
  "2027-01-12",
  "2027-01-13",
  "2027-01-14",
  "2027-01-15",
  "2027-01-18",
  "2027-01-19",
  "2027-01-20",
  "2027-01-21",
  "2027-01-22",
  "2027-01-25",
  "2027-01-26",
  "2027-01-27",
  "2027-01-28",
  "2027-01-29",
  "2027-02-01",
  "2027-02-02",
  "2027-02-03",
];

describe("the bundled campaign's schedule", () => {
  it("is the one the plan asks for", () => {
    expect(schedule).toEqual({
      daysBefore: [30, 14, 7, 3, 1],
      sendAt: "08:00",
      workingDays: [1, 2, 3, 4, 5],
      holidays: ["01-01"],
      overdueEveryWorkingDays: 1,
      overdueForDays: 30,
      employeeDaysBefore: [14, 3],
      digestFromDaysBefore: 14,
    });
    expect(deadline.toISOString()).toBe("2027-01-04T17:00:00.000Z");
  });
});

describe("deadlineDate", () => {
  it("is the local date on which the deadline's midnight falls", () => {
    expect(deadlineDate(deadline, HCM)).toEqual({ year: 2027, month: 1, day: 5 });
    // The same instant is still 04/01 in UTC.
    expect(deadlineDate(deadline, "UTC")).toEqual({ year: 2027, month: 1, day: 4 });
  });
});

describe("unitSlots for the 2026 round", () => {
  const slots = unitSlots(deadline, schedule, HCM);

  it("reminds 30, 14, 7, 3 and 1 days before 05/01/2027, each moved off weekends and 01/01", () => {
    expect(slots.filter((slot) => !slot.overdue).map(view)).toEqual([
      ahead("unit", 30, "2026-12-04"), // Sunday 06/12 -> Friday 04/12
      ahead("unit", 14, "2026-12-22"), // Tuesday
      ahead("unit", 7, "2026-12-29"), // Tuesday
      ahead("unit", 3, "2026-12-31"), // Saturday 02/01 -> past the 01/01 holiday -> Thursday 31/12
      ahead("unit", 1, "2027-01-04"), // Monday, the last day
    ]);
    expect(slots[0]?.sendAt.toISOString()).toBe("2026-12-04T01:00:00.000Z");
  });

  it("then reminds at 08:00 every working day from the deadline's date for 30 days", () => {
    expect(slots.filter((slot) => slot.overdue).map(view)).toEqual(OVERDUE_DAYS.map(overdue));
    expect(slots.at(-1)?.key).toBe("unit:overdue:2027-02-03");
  });

  it("counts overdueForDays from the deadline's date, that date included, and 0 means no overdue reminder", () => {
    const overdueDates = (overdueForDays: number) =>
      unitSlots(deadline, withSchedule({ overdueForDays }), HCM)
        .filter((slot) => slot.overdue)
        .map((slot) => isoDate(slot.date));
    expect(overdueDates(0)).toEqual([]);
    expect(overdueDates(1)).toEqual(["2027-01-05"]);
    expect(overdueDates(2)).toEqual(["2027-01-05", "2027-01-06"]);
    // 05/01 to 11/01: Saturday 09/01 and Sunday 10/01 count as days but get no reminder.
    expect(overdueDates(7)).toEqual(OVERDUE_DAYS.slice(0, 5));
    expect(overdueDates(31)).toEqual([...OVERDUE_DAYS, "2027-02-04"]);
    // The reminders before the deadline do not depend on it.
    expect(unitSlots(deadline, withSchedule({ overdueForDays: 0 }), HCM).map(view)).toEqual(
      slots.filter((slot) => !slot.overdue).map(view),
    );
  });

  it("never expire: a missed unit reminder is still worth sending late", () => {
    expect(slots.filter((slot) => slot.expiresAt !== undefined)).toEqual([]);
  });

  it("are in time order, all at 08:00 in Vietnam on a working day, with unique keys", () => {
    const times = slots.map((slot) => slot.sendAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    for (const slot of slots) {
      expect(slot.sendAt.toISOString()).toBe(at8(isoDate(slot.date)));
      expect(isoWeekday(slot.date)).toBeLessThanOrEqual(5);
      expect(isoDate(slot.date).endsWith("-01-01")).toBe(false);
    }
    expect(new Set(slots.map((slot) => slot.key)).size).toBe(slots.length);
  });

  it("sends at the schedule's time of day", () => {
    const early = unitSlots(deadline, withSchedule({ sendAt: "07:30" }), HCM);
    expect(early[0]?.sendAt.toISOString()).toBe("2026-12-04T00:30:00.000Z");
    expect(early.at(-1)?.sendAt.toISOString()).toBe("2027-02-03T00:30:00.000Z");
  });

  it("makes one reminder of offsets that move to the same working day", () => {
    // 4 days before is 01/01 (holiday), 3 is Saturday 02/01, 2 is Sunday 03/01: all move to Thursday 31/12.
    const merged = unitSlots(deadline, withSchedule({ daysBefore: [4, 3, 2, 1], overdueForDays: 0 }), HCM);
    expect(merged.map(view)).toEqual([ahead("unit", 2, "2026-12-31"), ahead("unit", 1, "2027-01-04")]);
  });

  it("puts offsets given in any order into time order", () => {
    const slots = unitSlots(deadline, withSchedule({ daysBefore: [1, 30, 7], overdueForDays: 0 }), HCM);
    expect(slots.map((slot) => slot.key)).toEqual(["unit:before:30", "unit:before:7", "unit:before:1"]);
  });

  it("reminds every second working day while overdue when the schedule says 2", () => {
    const every2 = unitSlots(
      deadline,
      withSchedule({ overdueEveryWorkingDays: 2, overdueForDays: 10 }),
      HCM,
    ).filter((slot) => slot.overdue);
    // 10 days from 05/01 run to 14/01. Working days 05, 06, 07, 08, 11, 12, 13, 14/01: the 1st, 3rd, 5th, 7th.
    expect(every2.map((slot) => isoDate(slot.date))).toEqual([
      "2027-01-05",
      "2027-01-07",
      "2027-01-11",
      "2027-01-13",
    ]);
  });

  it("counts only working days between overdue reminders, skipping a dated holiday", () => {
    const every2 = unitSlots(
      deadline,
      withSchedule({ overdueEveryWorkingDays: 2, overdueForDays: 10, holidays: ["01-01", "2027-01-06"] }),
      HCM,
    ).filter((slot) => slot.overdue);
    // 05/01 to 14/01 without 06/01: working days 05, 07, 08, 11, 12, 13, 14/01.
    expect(every2.map((slot) => isoDate(slot.date))).toEqual([
      "2027-01-05",
      "2027-01-08",
      "2027-01-12",
      "2027-01-14",
    ]);
  });

  it("starts overdue reminders on the first working day when the deadline's date is a day off", () => {
    // The 2027 round is due before Wednesday 05/01/2028; make 05/01 and 06/01 days off.
    const deadline2027 = roundDeadline(2027, campaign.deadline, HCM);
    const overdueDates = (overdueForDays: number) =>
      unitSlots(
        deadline2027,
        withSchedule({ holidays: ["01-01", "2028-01-05", "2028-01-06"], overdueForDays }),
        HCM,
      )
        .filter((slot) => slot.overdue)
        .map((slot) => isoDate(slot.date));
    // 07/01/2028 is a Friday; 08 and 09 are the weekend; 10/01 is Monday, the 6th day from 05/01.
    expect(overdueDates(5)).toEqual(["2028-01-07"]);
    expect(overdueDates(6)).toEqual(["2028-01-07", "2028-01-10"]);
    // Two days from 05/01 are both days off: no overdue reminder at all.
    expect(overdueDates(2)).toEqual([]);
  });
});

describe("employeeSlots for the 2026 round", () => {
  it("reminds employees 14 and 3 days before, 3 moved to Thursday 31/12, each expiring at the deadline", () => {
    expect(employeeSlots(deadline, schedule, HCM).map(view)).toEqual([
      employeeAhead(14, "2026-12-22"),
      employeeAhead(3, "2026-12-31"),
    ]);
    expect(employeeSlots(deadline, schedule, HCM)[0]?.expiresAt).toEqual(deadline);
  });

  it("is current until the deadline's instant and never after it, even when the last mark was missed", () => {
    const slots = employeeSlots(deadline, schedule, HCM);
    const openedEarly = new Date("2026-11-28T09:00:00+07:00");
    const current = (nowIso: string) => currentSlot(slots, new Date(nowIso), openedEarly)?.key;
    expect(current("2026-12-31T08:00:00+07:00")).toBe("employee:before:3");
    expect(current("2027-01-04T23:59:59+07:00")).toBe("employee:before:3");
    expect(current("2027-01-05T00:00:00+07:00")).toBeUndefined();
    expect(current("2027-01-05T08:00:00+07:00")).toBeUndefined();
    expect(current("2027-06-01T08:00:00+07:00")).toBeUndefined();
    // With only the 14-day mark, it too lasts until the deadline and no longer.
    const only14 = employeeSlots(deadline, withSchedule({ employeeDaysBefore: [14] }), HCM);
    expect(currentSlot(only14, new Date("2027-01-04T18:00:00+07:00"), openedEarly)?.key).toBe(
      "employee:before:14",
    );
    expect(currentSlot(only14, new Date("2027-01-05T00:00:00+07:00"), openedEarly)).toBeUndefined();
  });

  it("has no slots when the schedule lists no employee offsets", () => {
    expect(employeeSlots(deadline, withSchedule({ employeeDaysBefore: [] }), HCM)).toEqual([]);
  });
});

describe("digestSlots for the 2026 round", () => {
  it("runs every working day of the last 14 days before 05/01/2027, skipping weekends and 01/01", () => {
    // Each expires at 00:00 of the next calendar day (Friday 25/12's on Saturday 26/12, not Monday).
    const digest = (iso: string, days: number, nextDay: string) => ({
      key: `digest:${iso}`,
      kind: "digest",
      date: iso,
      sendAt: at8(iso),
      daysBefore: days,
      overdue: false,
      expiresAt: midnight(nextDay),
    });
    expect(digestSlots(deadline, schedule, HCM).map(view)).toEqual([
      digest("2026-12-22", 14, "2026-12-23"),
      digest("2026-12-23", 13, "2026-12-24"),
      digest("2026-12-24", 12, "2026-12-25"),
      digest("2026-12-25", 11, "2026-12-26"),
      digest("2026-12-28", 8, "2026-12-29"),
      digest("2026-12-29", 7, "2026-12-30"),
      digest("2026-12-30", 6, "2026-12-31"),
      digest("2026-12-31", 5, "2027-01-01"),
      digest("2027-01-04", 1, "2027-01-05"),
    ]);
  });

  it("is current only on its own day: a missed digest is not sent the day after", () => {
    const slots = digestSlots(deadline, schedule, HCM);
    const openedEarly = new Date("2026-11-28T09:00:00+07:00");
    const current = (nowIso: string) => currentSlot(slots, new Date(nowIso), openedEarly)?.key;
    expect(current("2026-12-29T08:00:00+07:00")).toBe("digest:2026-12-29");
    expect(current("2026-12-29T23:59:59+07:00")).toBe("digest:2026-12-29");
    // After downtime from 29/12 18:00 to 30/12 07:00: 29/12's is the latest due, but it is of yesterday.
    expect(current("2026-12-30T00:00:00+07:00")).toBeUndefined();
    expect(current("2026-12-30T07:00:00+07:00")).toBeUndefined();
    expect(current("2026-12-30T08:00:00+07:00")).toBe("digest:2026-12-30");
    // Friday 25/12's is not sent over the weekend, nor on Monday before that day's.
    expect(current("2026-12-26T10:00:00+07:00")).toBeUndefined();
    expect(current("2026-12-28T07:59:00+07:00")).toBeUndefined();
    // The last one, on 04/01, ends with the deadline: no digest afterwards.
    expect(current("2027-01-04T23:59:00+07:00")).toBe("digest:2027-01-04");
    expect(current("2027-01-05T08:00:00+07:00")).toBeUndefined();
  });

  it("follows digestFromDaysBefore, and 0 means no digest", () => {
    expect(
      digestSlots(deadline, withSchedule({ digestFromDaysBefore: 3 }), HCM).map((s) => isoDate(s.date)),
    ).toEqual(["2027-01-04"]);
    expect(digestSlots(deadline, withSchedule({ digestFromDaysBefore: 0 }), HCM)).toEqual([]);
  });
});

describe("currentSlot", () => {
  const slots = unitSlots(deadline, schedule, HCM);
  const openedEarly = new Date("2026-11-28T09:00:00+07:00");
  const current = (nowIso: string, notBefore = openedEarly) =>
    currentSlot(slots, new Date(nowIso), notBefore)?.key;

  it("is none before the first slot", () => {
    expect(current("2026-12-01T08:00:00+07:00")).toBeUndefined();
    expect(current("2026-12-04T07:59:59+07:00")).toBeUndefined();
  });

  it("is a slot from its very instant on", () => {
    expect(current("2026-12-04T08:00:00+07:00")).toBe("unit:before:30");
    expect(current("2026-12-22T07:59:00+07:00")).toBe("unit:before:30");
    expect(current("2026-12-22T08:00:00+07:00")).toBe("unit:before:14");
  });

  it("is the latest due slot: a missed earlier one is superseded", () => {
    expect(current("2026-12-30T12:00:00+07:00")).toBe("unit:before:7");
    expect(current("2027-01-02T10:00:00+07:00")).toBe("unit:before:3");
    expect(current("2027-01-04T23:59:00+07:00")).toBe("unit:before:1");
    expect(current("2027-01-05T08:00:00+07:00")).toBe("unit:overdue:2027-01-05");
    expect(current("2027-01-10T18:00:00+07:00")).toBe("unit:overdue:2027-01-08");
    expect(current("2027-02-04T08:00:00+07:00")).toBe("unit:overdue:2027-02-03");
    // Unit slots do not expire: long after the season the last one is still the current one.
    expect(current("2027-06-01T08:00:00+07:00")).toBe("unit:overdue:2027-02-03");
  });

  it("ignores slots before the round opened, but not one at the opening instant", () => {
    const openedLate = new Date("2026-12-22T09:00:00+07:00");
    expect(current("2026-12-22T12:00:00+07:00", openedLate)).toBeUndefined();
    expect(current("2026-12-28T18:00:00+07:00", openedLate)).toBeUndefined();
    expect(current("2026-12-29T08:00:00+07:00", openedLate)).toBe("unit:before:7");
    const openedAtSlot = new Date("2026-12-22T08:00:00+07:00");
    expect(current("2026-12-22T08:00:00+07:00", openedAtSlot)).toBe("unit:before:14");
  });

  it("is none for an empty schedule", () => {
    expect(currentSlot([], new Date("2027-01-05T08:00:00+07:00"), openedEarly)).toBeUndefined();
  });
});

describe("upcomingSlots", () => {
  const slots = unitSlots(deadline, schedule, HCM);

  it("lists the slots strictly after now, in order", () => {
    expect(
      upcomingSlots(slots, new Date("2026-12-29T07:59:00+07:00"))
        .map((s) => s.key)
        .slice(0, 3),
    ).toEqual(["unit:before:7", "unit:before:3", "unit:before:1"]);
    const after7 = upcomingSlots(slots, new Date("2026-12-29T08:00:00+07:00"));
    expect(after7.map((s) => s.key).slice(0, 3)).toEqual([
      "unit:before:3",
      "unit:before:1",
      "unit:overdue:2027-01-05",
    ]);
    expect(after7).toHaveLength(2 + OVERDUE_DAYS.length);
  });

  it("lists everything before the season and nothing after it", () => {
    expect(upcomingSlots(slots, new Date("2026-11-01T00:00:00+07:00"))).toHaveLength(slots.length);
    expect(upcomingSlots(slots, new Date("2027-02-03T07:59:00+07:00")).map((s) => s.key)).toEqual([
      "unit:overdue:2027-02-03",
    ]);
    expect(upcomingSlots(slots, new Date("2027-02-03T08:00:00+07:00"))).toEqual([]);
  });
});

describe("owedBy and owesNothing", () => {
  const forms = { awardForms: campaign.awardForms, documents: campaign.dossier.documents };
  const people = [
    { telegramId: 1, fullName: "Nguyễn Thị Lan", assessment: "submitted" as const },
    { telegramId: 2, fullName: "Lê Văn Minh", assessment: "in_progress" as const },
    { telegramId: 3, fullName: "Phạm Thị Hoa", assessment: "not_started" as const },
  ];
  const everyoneIn = people.map((person) => ({ ...person, assessment: "submitted" as const }));
  const SENT = { status: "submitted" as const, late: false, returnReason: null };
  /** What a unit owes from its facts, as the reminders work it out (through `unitStatus`). */
  const owed = (facts: Partial<UnitRoundFacts>) =>
    owedBy(
      unitStatus(
        { people: [], unitAssessment: "submitted", nominations: [], uploaded: [], dossier: null, ...facts },
        forms,
        false,
      ),
    );
  const nominee = (
    telegramId: number,
    nomineeName: string,
    status: NominationStatus = "draft",
    formId = "giay-khen-giam-doc-so",
  ) => ({
    formId,
    nomineeKind: "individual" as const,
    // One report per nomination: a person proposed for two forms has two.
    reportKey: `n:${telegramId}:${formId}`,
    nomineeName,
    status,
  });

  it("lists who has not submitted, in order, the unit's own assessment, and its whole dossier", () => {
    const result = owed({ people, unitAssessment: "in_progress" });
    expect(result).toEqual({
      peopleMissing: 2,
      peopleNotSubmitted: [
        { telegramId: 2, fullName: "Lê Văn Minh" },
        { telegramId: 3, fullName: "Phạm Thị Hoa" },
      ],
      peopleTotal: 3,
      unitAssessment: true,
      nominations: true,
      documents: [],
      dossier: { returned: false, reason: null },
    });
    expect(owesNothing(result)).toBe(false);
  });

  it("still owes when only people are missing, or only the unit's assessment", () => {
    expect(owesNothing(owed({ people, dossier: SENT }))).toBe(false);
    const unitMissing = owed({ people: everyoneIn, unitAssessment: "not_started", dossier: SENT });
    expect(unitMissing.peopleNotSubmitted).toEqual([]);
    expect(unitMissing.unitAssessment).toBe(true);
    expect(unitMissing.dossier).toBeNull();
    expect(owesNothing(unitMissing)).toBe(false);
  });

  it("still owes its dossier once every assessment is in: nominations, and sending it", () => {
    const result = owed({ people: everyoneIn });
    expect(result).toEqual({
      peopleMissing: 0,
      peopleNotSubmitted: [],
      peopleTotal: 3,
      unitAssessment: false,
      nominations: true,
      documents: [],
      dossier: { returned: false, reason: null },
    });
    expect(owesNothing(result)).toBe(false);
    // An open dossier (a file uploaded, then every nomination withdrawn) still asks for nominations.
    const open = owed({
      people: everyoneIn,
      nominations: [nominee(2, "Lê Văn Minh", "withdrawn")],
      dossier: { status: "open", late: false, returnReason: null },
    });
    expect(open.nominations).toBe(true);
    expect(open.documents).toEqual([]);
  });

  it("names each missing document: the unit's Tờ trình once, each nominee's report with their name", () => {
    const result = owed({
      people: everyoneIn,
      nominations: [
        nominee(2, "Lê Văn Minh"),
        // Proposed for two forms: a report for each, since the report names the award proposed.
        nominee(2, "Lê Văn Minh", "draft", "bang-khen-chu-tich-tinh"),
        nominee(3, "Phạm Thị Hoa"),
        // Rejected: no report wanted.
        nominee(1, "Nguyễn Thị Lan", "rejected"),
      ],
      uploaded: [{ documentId: "bao-cao-thanh-tich", documentKey: "n:3:giay-khen-giam-doc-so" }],
      dossier: { status: "open", late: false, returnReason: null },
    });
    expect(result.nominations).toBe(false);
    expect(result.documents).toEqual([
      { documentId: "to-trinh", nomineeName: null, formId: null },
      { documentId: "bao-cao-thanh-tich", nomineeName: "Lê Văn Minh", formId: "giay-khen-giam-doc-so" },
      { documentId: "bao-cao-thanh-tich", nomineeName: "Lê Văn Minh", formId: "bang-khen-chu-tich-tinh" },
    ]);
    expect(result.dossier).toEqual({ returned: false, reason: null });
    expect(owesNothing(result)).toBe(false);
  });

  it("with every document uploaded, owes only sending the dossier", () => {
    const result = owed({
      people: everyoneIn,
      nominations: [nominee(2, "Lê Văn Minh")],
      uploaded: [
        { documentId: "to-trinh", documentKey: null },
        { documentId: "bao-cao-thanh-tich", documentKey: "n:2:giay-khen-giam-doc-so" },
      ],
      dossier: { status: "open", late: false, returnReason: null },
    });
    expect(result).toMatchObject({ nominations: false, documents: [], dossier: { returned: false } });
    expect(owesNothing(result)).toBe(false);
  });

  it("a dossier the Office returned is owed again, with the Office's reason", () => {
    const result = owed({
      people: everyoneIn,
      nominations: [nominee(2, "Lê Văn Minh", "returned")],
      uploaded: [{ documentId: "to-trinh", documentKey: null }],
      dossier: { status: "returned", late: false, returnReason: "Thiếu chữ ký trên Tờ trình" },
    });
    expect(result.dossier).toEqual({ returned: true, reason: "Thiếu chữ ký trên Tờ trình" });
    expect(result.documents).toEqual([
      { documentId: "bao-cao-thanh-tich", nomineeName: "Lê Văn Minh", formId: "giay-khen-giam-doc-so" },
    ]);
    expect(owesNothing(result)).toBe(false);
  });

  it("owes nothing once everyone and the unit have submitted and the dossier is sent", () => {
    const result = owed({ people: everyoneIn, dossier: SENT });
    expect(result).toEqual({
      peopleMissing: 0,
      peopleNotSubmitted: [],
      peopleTotal: 3,
      unitAssessment: false,
      nominations: false,
      documents: [],
      dossier: null,
    });
    expect(owesNothing(result)).toBe(true);
    // A sent dossier owes no documents: the nominations and files are the Office's to review now.
    const nominated = owed({
      people: everyoneIn,
      nominations: [nominee(2, "Lê Văn Minh", "submitted")],
      dossier: SENT,
    });
    expect(owesNothing(nominated)).toBe(true);
  });

  it("handles a unit with no people", () => {
    expect(owesNothing(owed({ dossier: SENT }))).toBe(true);
    expect(owed({ unitAssessment: "not_started", dossier: SENT })).toEqual({
      peopleMissing: 0,
      peopleNotSubmitted: [],
      peopleTotal: 0,
      unitAssessment: true,
      nominations: false,
      documents: [],
      dossier: null,
    });
  });
});
