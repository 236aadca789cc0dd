import { describe, expect, it } from "vitest";
import {
  calendarDaysBetween,
  formatLocalDate,
  formatLocalDateTime,
  fromLocal,
} from "../../../src/domain/time.js";

/**
 * The formatters are built once per zone and reused: these are the strings the functions gave when they built a
 * new Intl.DateTimeFormat on every call, recorded before the change, across zones with and without DST.
 */
const DEADLINE = new Date("2027-01-04T17:00:00Z");

const formatted: Array<
  [zone: string, instant: string, date: string, dateTime: string, daysToDeadline: number]
> = [
  ["Asia/Ho_Chi_Minh", "2026-12-31T17:00:00Z", "01/01/2027", "00:00 01/01/2027", 4],
  ["Asia/Ho_Chi_Minh", "2027-01-04T16:59:59Z", "04/01/2027", "23:59 04/01/2027", 1],
  ["Asia/Ho_Chi_Minh", "2024-02-29T00:30:00Z", "29/02/2024", "07:30 29/02/2024", 1041],
  ["Asia/Ho_Chi_Minh", "2026-03-29T00:59:00Z", "29/03/2026", "07:59 29/03/2026", 282],
  ["Asia/Ho_Chi_Minh", "2026-03-29T01:00:00Z", "29/03/2026", "08:00 29/03/2026", 282],
  ["Asia/Ho_Chi_Minh", "2026-11-01T05:30:00Z", "01/11/2026", "12:30 01/11/2026", 65],
  ["Asia/Ho_Chi_Minh", "1999-12-31T23:59:00Z", "01/01/2000", "06:59 01/01/2000", 9866],
  ["Europe/London", "2026-12-31T17:00:00Z", "31/12/2026", "17:00 31/12/2026", 4],
  ["Europe/London", "2027-01-04T16:59:59Z", "04/01/2027", "16:59 04/01/2027", 0],
  ["Europe/London", "2024-02-29T00:30:00Z", "29/02/2024", "00:30 29/02/2024", 1040],
  ["Europe/London", "2026-03-29T00:59:00Z", "29/03/2026", "00:59 29/03/2026", 281],
  ["Europe/London", "2026-03-29T01:00:00Z", "29/03/2026", "02:00 29/03/2026", 281],
  ["Europe/London", "2026-11-01T05:30:00Z", "01/11/2026", "05:30 01/11/2026", 64],
  ["Europe/London", "1999-12-31T23:59:00Z", "31/12/1999", "23:59 31/12/1999", 9866],
  ["America/New_York", "2026-12-31T17:00:00Z", "31/12/2026", "12:00 31/12/2026", 4],
  ["America/New_York", "2027-01-04T16:59:59Z", "04/01/2027", "11:59 04/01/2027", 0],
  ["America/New_York", "2024-02-29T00:30:00Z", "28/02/2024", "19:30 28/02/2024", 1041],
  ["America/New_York", "2026-03-29T00:59:00Z", "28/03/2026", "20:59 28/03/2026", 282],
  ["America/New_York", "2026-03-29T01:00:00Z", "28/03/2026", "21:00 28/03/2026", 282],
  ["America/New_York", "2026-11-01T05:30:00Z", "01/11/2026", "01:30 01/11/2026", 64],
  ["America/New_York", "1999-12-31T23:59:00Z", "31/12/1999", "18:59 31/12/1999", 9866],
  ["Australia/Adelaide", "2026-12-31T17:00:00Z", "01/01/2027", "03:30 01/01/2027", 4],
  ["Australia/Adelaide", "2027-01-04T16:59:59Z", "05/01/2027", "03:29 05/01/2027", 0],
  ["Australia/Adelaide", "2024-02-29T00:30:00Z", "29/02/2024", "11:00 29/02/2024", 1041],
  ["Australia/Adelaide", "2026-03-29T00:59:00Z", "29/03/2026", "11:29 29/03/2026", 282],
  ["Australia/Adelaide", "2026-03-29T01:00:00Z", "29/03/2026", "11:30 29/03/2026", 282],
  ["Australia/Adelaide", "2026-11-01T05:30:00Z", "01/11/2026", "16:00 01/11/2026", 65],
  ["Australia/Adelaide", "1999-12-31T23:59:00Z", "01/01/2000", "10:29 01/01/2000", 9866],
  ["UTC", "2026-12-31T17:00:00Z", "31/12/2026", "17:00 31/12/2026", 4],
  ["UTC", "2027-01-04T16:59:59Z", "04/01/2027", "16:59 04/01/2027", 0],
  ["UTC", "2024-02-29T00:30:00Z", "29/02/2024", "00:30 29/02/2024", 1040],
  ["UTC", "2026-03-29T00:59:00Z", "29/03/2026", "00:59 29/03/2026", 281],
  ["UTC", "2026-03-29T01:00:00Z", "29/03/2026", "01:00 29/03/2026", 281],
  ["UTC", "2026-11-01T05:30:00Z", "01/11/2026", "05:30 01/11/2026", 64],
  ["UTC", "1999-12-31T23:59:00Z", "31/12/1999", "23:59 31/12/1999", 9866],
];

const wallClocks: Array<
  [zone: string, march29At0130: string, november1At0130: string, january5At0000: string]
> = [
  ["Asia/Ho_Chi_Minh", "2026-03-28T18:30:00.000Z", "2026-10-31T18:30:00.000Z", "2027-01-04T17:00:00.000Z"],
  ["Europe/London", "2026-03-29T01:30:00.000Z", "2026-11-01T01:30:00.000Z", "2027-01-05T00:00:00.000Z"],
  ["America/New_York", "2026-03-29T05:30:00.000Z", "2026-11-01T05:30:00.000Z", "2027-01-05T05:00:00.000Z"],
  ["Australia/Adelaide", "2026-03-28T15:00:00.000Z", "2026-10-31T15:00:00.000Z", "2027-01-04T13:30:00.000Z"],
  ["UTC", "2026-03-29T01:30:00.000Z", "2026-11-01T01:30:00.000Z", "2027-01-05T00:00:00.000Z"],
];

describe("time formatting gives the same strings as before the formatter cache", () => {
  it.each(formatted)("%s, %s", (zone, instant, date, dateTime, days) => {
    expect(formatLocalDate(new Date(instant), zone)).toBe(date);
    expect(formatLocalDateTime(new Date(instant), zone)).toBe(dateTime);
    expect(calendarDaysBetween(new Date(instant), DEADLINE, zone)).toBe(days);
  });

  it.each(wallClocks)("fromLocal in %s", (zone, march, november, january) => {
    expect(fromLocal({ year: 2026, month: 3, day: 29, hour: 1, minute: 30 }, zone).toISOString()).toBe(march);
    expect(fromLocal({ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, zone).toISOString()).toBe(
      november,
    );
    expect(fromLocal({ year: 2027, month: 1, day: 5, hour: 0, minute: 0 }, zone).toISOString()).toBe(january);
  });

  it("gives the same answer when zones alternate (one cached formatter per zone)", () => {
    const instant = new Date("2026-12-31T17:00:00Z");
    const seen = ["Asia/Ho_Chi_Minh", "America/New_York", "Asia/Ho_Chi_Minh", "America/New_York"].map(
      (zone) => formatLocalDateTime(instant, zone),
    );
    expect(seen).toEqual(["00:00 01/01/2027", "12:00 31/12/2026", "00:00 01/01/2027", "12:00 31/12/2026"]);
  });
});
