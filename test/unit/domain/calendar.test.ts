import { describe, expect, it } from "vitest";
import {
  addDays,
  daysBetween,
  formatDate,
  isoDate,
  isoWeekday,
  isRealDate,
  isWorkingDay,
  type LocalDate,
  parseDayMonthYear,
  type WorkingCalendar,
  workingDayOnOrBefore,
} from "../../../src/domain/calendar.js";

const date = (year: number, month: number, day: number): LocalDate => ({ year, month, day });
/** "YYYY-MM-DD" to a LocalDate, to keep the tables short. */
const d = (iso: string): LocalDate => {
  const [year = 0, month = 0, day = 0] = iso.split("-").map(Number);
  return date(year, month, day);
};

/** The campaign's calendar: Monday to Friday, New Year's Day off every year. */
const MON_FRI: WorkingCalendar = { workingDays: [1, 2, 3, 4, 5], holidays: ["01-01"] };

describe("addDays", () => {
  it.each([
    ["2026-12-31", 1, "2027-01-01"],
    ["2027-01-01", -1, "2026-12-31"],
    ["2027-01-05", -30, "2026-12-06"],
    ["2027-01-05", -35, "2026-12-01"],
    ["2027-01-05", 30, "2027-02-04"],
    ["2028-02-28", 1, "2028-02-29"],
    ["2027-02-28", 1, "2027-03-01"],
    ["2026-03-15", 0, "2026-03-15"],
    ["2026-01-01", 365, "2027-01-01"],
    ["2028-01-01", 366, "2029-01-01"],
  ])("%s %+d days is %s", (from, days, expected) => {
    expect(isoDate(addDays(d(from), days))).toBe(expected);
  });

  it("does not change the date it is given", () => {
    const start = date(2026, 12, 31);
    addDays(start, 10);
    expect(start).toEqual(date(2026, 12, 31));
  });
});

describe("daysBetween", () => {
  it.each([
    ["2026-12-31", "2027-01-01", 1],
    ["2027-01-01", "2026-12-31", -1],
    ["2026-12-01", "2027-01-05", 35],
    ["2027-01-05", "2026-12-06", -30],
    ["2028-02-01", "2028-03-01", 29],
    ["2027-02-01", "2027-03-01", 28],
    ["2026-06-10", "2026-06-10", 0],
    ["2026-01-01", "2027-01-01", 365],
  ])("from %s to %s is %d", (from, to, expected) => {
    expect(daysBetween(d(from), d(to))).toBe(expected);
  });

  it("undoes addDays, across a year boundary", () => {
    const start = date(2026, 11, 20);
    for (const days of [-400, -1, 0, 1, 45, 366]) {
      expect(daysBetween(start, addDays(start, days))).toBe(days);
    }
  });
});

describe("isoWeekday", () => {
  it.each([
    ["2026-12-04", 5], // Friday
    ["2026-12-06", 7], // Sunday
    ["2026-12-07", 1], // Monday
    ["2026-12-22", 2], // Tuesday
    ["2026-12-31", 4], // Thursday
    ["2027-01-01", 5], // Friday
    ["2027-01-02", 6], // Saturday
    ["2027-01-04", 1], // Monday
    ["2027-01-05", 2], // Tuesday
    ["2028-02-29", 2], // Tuesday
  ])("%s is ISO weekday %d", (iso, weekday) => {
    expect(isoWeekday(d(iso))).toBe(weekday);
  });

  it("runs 1 to 7 over any seven days in a row", () => {
    const week = Array.from({ length: 7 }, (_, i) => isoWeekday(addDays(date(2026, 12, 28), i)));
    expect(week).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});

describe("isoDate and formatDate", () => {
  it("pad month and day", () => {
    expect(isoDate(date(2027, 1, 5))).toBe("2027-01-05");
    expect(formatDate(date(2027, 1, 5))).toBe("05/01/2027");
    expect(formatDate(date(2026, 12, 31))).toBe("31/12/2026");
  });
});

describe("isWorkingDay", () => {
  it("is true Monday to Friday and false on the weekend", () => {
    expect(isWorkingDay(d("2026-12-28"), MON_FRI)).toBe(true);
    expect(isWorkingDay(d("2026-12-31"), MON_FRI)).toBe(true);
    expect(isWorkingDay(d("2027-01-02"), MON_FRI)).toBe(false);
    expect(isWorkingDay(d("2027-01-03"), MON_FRI)).toBe(false);
  });

  it("treats a MM-DD holiday as off every year", () => {
    expect(isWorkingDay(d("2027-01-01"), MON_FRI)).toBe(false); // Friday
    expect(isWorkingDay(d("2030-01-01"), MON_FRI)).toBe(false); // Tuesday
    expect(isWorkingDay(d("2030-01-02"), MON_FRI)).toBe(true);
  });

  it("treats a YYYY-MM-DD holiday as off in that year only", () => {
    const calendar: WorkingCalendar = { workingDays: [1, 2, 3, 4, 5], holidays: ["2027-02-05"] };
    expect(isWorkingDay(d("2027-02-05"), calendar)).toBe(false); // Friday, Tết 2027
    expect(isWorkingDay(d("2026-02-05"), calendar)).toBe(true); // Thursday, a year earlier
    expect(isWorkingDay(d("2028-02-04"), calendar)).toBe(true);
  });

  it("does not read a MM-DD holiday as some other month's day", () => {
    const calendar: WorkingCalendar = { workingDays: [1, 2, 3, 4, 5], holidays: ["04-30", "05-01"] };
    expect(isWorkingDay(d("2026-04-30"), calendar)).toBe(false);
    expect(isWorkingDay(d("2026-05-01"), calendar)).toBe(false);
    expect(isWorkingDay(d("2026-01-05"), calendar)).toBe(true);
    expect(isWorkingDay(d("2026-04-29"), calendar)).toBe(true);
  });

  it("follows the calendar's working days, e.g. a six-day week", () => {
    const sixDays: WorkingCalendar = { workingDays: [1, 2, 3, 4, 5, 6], holidays: [] };
    expect(isWorkingDay(d("2027-01-02"), sixDays)).toBe(true); // Saturday
    expect(isWorkingDay(d("2027-01-03"), sixDays)).toBe(false); // Sunday
    expect(isWorkingDay(d("2027-01-01"), sixDays)).toBe(true); // no holidays listed
  });
});

describe("workingDayOnOrBefore", () => {
  it.each([
    ["2026-12-04", "2026-12-04"], // a Friday stays
    ["2026-12-05", "2026-12-04"], // Saturday -> Friday
    ["2026-12-06", "2026-12-04"], // Sunday -> Friday
    ["2027-01-01", "2026-12-31"], // the holiday -> Thursday, across the year boundary
    ["2027-01-02", "2026-12-31"], // Saturday -> past Friday's holiday -> Thursday
    ["2027-01-03", "2026-12-31"], // Sunday, the same
    ["2027-01-04", "2027-01-04"], // Monday stays
  ])("moves %s to %s", (from, expected) => {
    expect(isoDate(workingDayOnOrBefore(d(from), MON_FRI))).toBe(expected);
  });

  it("skips a run of dated holidays and a weekend", () => {
    // Tết 2027: Thursday 04/02 to Wednesday 10/02 off.
    const tet: WorkingCalendar = {
      workingDays: [1, 2, 3, 4, 5],
      holidays: ["01-01", "2027-02-04", "2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10"],
    };
    expect(isoDate(workingDayOnOrBefore(d("2027-02-10"), tet))).toBe("2027-02-03");
    expect(isoDate(workingDayOnOrBefore(d("2027-02-11"), tet))).toBe("2027-02-11");
  });
});

describe("dates typed dd/mm/yyyy", () => {
  it("reads day, month and year with / - or ., spaces around allowed, and nothing else", () => {
    expect(parseDayMonthYear(" 5/1/2027 ")).toEqual({ day: 5, month: 1, year: 2027 });
    expect(parseDayMonthYear("31-12-2026")).toEqual({ day: 31, month: 12, year: 2026 });
    expect(parseDayMonthYear("31.12.2026")).toEqual({ day: 31, month: 12, year: 2026 });
    for (const text of ["2026-12-31", "31/12/26", "ngày 31/12/2026", ""])
      expect(parseDayMonthYear(text)).toBeUndefined();
  });

  it("tells a real date from one the calendar lacks", () => {
    expect(isRealDate({ day: 29, month: 2, year: 2028 })).toBe(true);
    expect(isRealDate({ day: 29, month: 2, year: 2027 })).toBe(false);
    expect(isRealDate({ day: 31, month: 4, year: 2027 })).toBe(false);
    expect(isRealDate({ day: 0, month: 1, year: 2027 })).toBe(false);
  });
});
