import { describe, expect, it } from "vitest";
import {
  calendarDaysBetween,
  formatLocalDate,
  formatLocalDateTime,
  fromLocal,
  type LocalDateTime,
  toLocal,
} from "../../../src/domain/time.js";

const HCM = "Asia/Ho_Chi_Minh";
const BERLIN = "Europe/Berlin";
const at = (iso: string) => new Date(iso);
const local = (year: number, month: number, day: number, hour = 0, minute = 0): LocalDateTime => ({
  year,
  month,
  day,
  hour,
  minute,
});

describe("fromLocal / toLocal in Asia/Ho_Chi_Minh (UTC+7, no DST)", () => {
  it("puts 05/01/2027 00:00 local at 2027-01-04T17:00:00Z", () => {
    expect(fromLocal(local(2027, 1, 5), HCM).toISOString()).toBe("2027-01-04T17:00:00.000Z");
  });

  it("reads 2027-01-04T17:00:00Z as 05/01/2027 00:00 local", () => {
    expect(toLocal(at("2027-01-04T17:00:00Z"), HCM)).toEqual(local(2027, 1, 5, 0, 0));
  });

  it("reads the minute before as 04/01 23:59", () => {
    expect(toLocal(at("2027-01-04T16:59:00Z"), HCM)).toEqual(local(2027, 1, 4, 23, 59));
  });

  it("crosses a year boundary", () => {
    expect(fromLocal(local(2026, 1, 1, 6, 30), HCM).toISOString()).toBe("2025-12-31T23:30:00.000Z");
  });

  it.each([local(2024, 2, 29, 12, 0), local(2026, 12, 31, 23, 59), local(2025, 7, 1, 0, 0)])(
    "round-trips %o",
    (wallClock) => {
      expect(toLocal(fromLocal(wallClock, HCM), HCM)).toEqual(wallClock);
    },
  );
});

describe("fromLocal / toLocal in a zone with daylight saving time (Europe/Berlin)", () => {
  it("uses UTC+2 in summer", () => {
    expect(fromLocal(local(2026, 7, 15, 12, 0), BERLIN).toISOString()).toBe("2026-07-15T10:00:00.000Z");
  });

  it("uses UTC+1 in winter", () => {
    expect(fromLocal(local(2026, 1, 15, 12, 0), BERLIN).toISOString()).toBe("2026-01-15T11:00:00.000Z");
  });

  it("handles both sides of the spring change on 29/03/2026", () => {
    expect(fromLocal(local(2026, 3, 29, 1, 30), BERLIN).toISOString()).toBe("2026-03-29T00:30:00.000Z");
    expect(fromLocal(local(2026, 3, 29, 3, 30), BERLIN).toISOString()).toBe("2026-03-29T01:30:00.000Z");
  });

  it.each([
    local(2026, 7, 15, 12, 0),
    local(2026, 6, 21, 0, 0),
    local(2026, 3, 29, 3, 0),
    local(2026, 10, 24, 23, 45),
    local(2026, 12, 1, 8, 15),
  ])("round-trips %o", (wallClock) => {
    expect(toLocal(fromLocal(wallClock, BERLIN), BERLIN)).toEqual(wallClock);
  });
});

describe("formatting", () => {
  it("writes dates as dd/mm/yyyy in local time", () => {
    expect(formatLocalDate(at("2027-01-04T17:00:00Z"), HCM)).toBe("05/01/2027");
    expect(formatLocalDate(at("2027-01-04T16:59:59Z"), HCM)).toBe("04/01/2027");
  });

  it("writes date and time as HH:MM dd/mm/yyyy in local time, on a 24-hour clock", () => {
    expect(formatLocalDateTime(at("2027-01-04T17:00:00Z"), HCM)).toBe("00:00 05/01/2027");
    expect(formatLocalDateTime(at("2026-12-31T16:59:00Z"), HCM)).toBe("23:59 31/12/2026");
    expect(formatLocalDateTime(at("2026-03-08T07:05:00Z"), HCM)).toBe("14:05 08/03/2026");
  });
});

describe("calendarDaysBetween", () => {
  it("counts a local midnight that is not a UTC midnight", () => {
    // Same UTC day (04/01), but local 23:59 on 04/01 and 00:00 on 05/01.
    expect(calendarDaysBetween(at("2027-01-04T16:59:00Z"), at("2027-01-04T17:00:00Z"), HCM)).toBe(1);
  });

  it("does not count a UTC midnight that is not a local midnight", () => {
    // Different UTC days, but both on 05/01 local.
    expect(calendarDaysBetween(at("2027-01-04T17:00:00Z"), at("2027-01-05T16:59:00Z"), HCM)).toBe(0);
  });

  it("is negative once past", () => {
    expect(calendarDaysBetween(at("2027-01-04T17:00:00Z"), at("2027-01-04T16:59:00Z"), HCM)).toBe(-1);
  });

  it("counts calendar days, not 24-hour periods", () => {
    expect(calendarDaysBetween(at("2026-12-01T16:30:00Z"), at("2026-12-04T17:30:00Z"), HCM)).toBe(4);
  });

  it("counts whole days across a DST change", () => {
    expect(
      calendarDaysBetween(
        fromLocal(local(2026, 3, 28, 12, 0), BERLIN),
        fromLocal(local(2026, 3, 30, 12, 0), BERLIN),
        BERLIN,
      ),
    ).toBe(2);
  });
});
