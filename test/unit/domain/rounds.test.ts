import { describe, expect, it } from "vitest";
import {
  checkRoundDeadline,
  dateOfDeadline,
  deadlineInDays,
  deadlineOn,
  deadlineStatus,
  isBeyondPlanPeriod,
  latestRoundDeadline,
  nameOn,
  parseRoundDeadline,
  roundDeadline,
  roundOrganisers,
  roundYearProblem,
} from "../../../src/domain/rounds.js";

const HCM = "Asia/Ho_Chi_Minh";
const RULE = { month: 1, day: 5, yearsAfter: 1 };
const PERIOD = { from: 2023, to: 2025 };
const deadline2026 = roundDeadline(2026, RULE, HCM);
const status = (iso: string) => deadlineStatus(new Date(iso), deadline2026, HCM);

describe("roundDeadline", () => {
  it("is 05/01 of the next year at 00:00 in Vietnam", () => {
    expect(deadline2026.toISOString()).toBe("2027-01-04T17:00:00.000Z");
    expect(roundDeadline(2023, RULE, HCM).toISOString()).toBe("2024-01-04T17:00:00.000Z");
  });

  it("follows the rule's month, day and yearsAfter", () => {
    expect(roundDeadline(2026, { month: 12, day: 20, yearsAfter: 0 }, HCM).toISOString()).toBe(
      "2026-12-19T17:00:00.000Z",
    );
  });
});

describe("deadlineStatus against the 2026 deadline (before 05/01/2027)", () => {
  it("is the last day in the last minute before 05/01 00:00 local", () => {
    expect(status("2027-01-04T16:59:00Z")).toEqual({ kind: "last_day" });
  });

  it("is the last day on 04/01 at 08:00 local", () => {
    expect(status("2027-01-04T01:00:00Z")).toEqual({ kind: "last_day" });
  });

  it("is the last day from 04/01 00:00 local", () => {
    expect(status("2027-01-03T17:00:00Z")).toEqual({ kind: "last_day" });
  });

  it("leaves 1 day on 03/01, from its first to its last minute", () => {
    expect(status("2027-01-02T17:00:00Z")).toEqual({ kind: "days_left", days: 1 });
    expect(status("2027-01-03T05:00:00Z")).toEqual({ kind: "days_left", days: 1 });
    expect(status("2027-01-03T16:59:00Z")).toEqual({ kind: "days_left", days: 1 });
  });

  it("counts the days left a month before", () => {
    expect(status("2026-12-05T03:00:00Z")).toEqual({ kind: "days_left", days: 30 });
  });

  it("is overdue by 1 day at exactly 05/01 00:00 local, and all of 05/01", () => {
    expect(status("2027-01-04T17:00:00.000Z")).toEqual({ kind: "overdue", days: 1 });
    expect(status("2027-01-05T16:59:00Z")).toEqual({ kind: "overdue", days: 1 });
  });

  it("is overdue by 2 days on 06/01", () => {
    expect(status("2027-01-05T17:00:00Z")).toEqual({ kind: "overdue", days: 2 });
    expect(status("2027-01-06T03:00:00Z")).toEqual({ kind: "overdue", days: 2 });
  });
});

describe("roundYearProblem (plan 2023-2025, current year 2026)", () => {
  it.each([2026.5, Number.NaN, Number.POSITIVE_INFINITY, 1899, 10000, 26])("calls %s not a year", (year) => {
    expect(roundYearProblem(year, PERIOD, 2026)).toBe("not_a_year");
  });

  it("refuses years before the plan's first year", () => {
    expect(roundYearProblem(2022, PERIOD, 2026)).toBe("too_far_back");
    expect(roundYearProblem(1900, PERIOD, 2026)).toBe("too_far_back");
  });

  it("refuses years beyond next year", () => {
    expect(roundYearProblem(2028, PERIOD, 2026)).toBe("too_far_ahead");
    expect(roundYearProblem(9999, PERIOD, 2026)).toBe("too_far_ahead");
  });

  it.each([2023, 2025, 2026, 2027])("accepts %s", (year) => {
    expect(roundYearProblem(year, PERIOD, 2026)).toBeNull();
  });

  it("measures 'ahead' from the current year, not from the plan", () => {
    expect(roundYearProblem(2024, PERIOD, 2023)).toBeNull();
    expect(roundYearProblem(2025, PERIOD, 2023)).toBe("too_far_ahead");
  });
});

describe("isBeyondPlanPeriod", () => {
  it("is false inside the plan and true after it", () => {
    expect(isBeyondPlanPeriod(2023, PERIOD)).toBe(false);
    expect(isBeyondPlanPeriod(2025, PERIOD)).toBe(false);
    expect(isBeyondPlanPeriod(2026, PERIOD)).toBe(true);
  });
});

describe("roundOrganisers: who ran each year's round, across the 01/07/2025 merger", () => {
  const history = { name: "Ninh Bình", formerNames: [{ name: "Hà Nam", until: "2025-07-01" }] };
  const dueOn = (year: number) => `${year + 1}-01-05`;

  it("gives the former name to days before it was given up, today's from that day", () => {
    expect(nameOn(history, "2025-06-30")).toBe("Hà Nam");
    expect(nameOn(history, "2025-07-01")).toBe("Ninh Bình");
    expect(nameOn({ name: "X", formerNames: [] }, "2000-01-01")).toBe("X");
  });

  it("names Hà Nam for the 2023 and 2024 rounds and Ninh Bình from the 2025 round on", () => {
    expect(roundOrganisers(history, { from: 2023, to: 2026 }, dueOn)).toEqual([
      { from: 2023, to: 2024, name: "Hà Nam" },
      { from: 2025, to: 2026, name: "Ninh Bình" },
    ]);
  });
});

describe("a round's own deadline, set by the Office", () => {
  const now = new Date("2026-12-01T09:00:00+07:00");

  it("falls at 00:00 of the chosen day in the campaign's time zone, and names that day back", () => {
    const deadline = deadlineOn({ year: 2027, month: 1, day: 15 }, HCM);
    expect(deadline.toISOString()).toBe("2027-01-14T17:00:00.000Z");
    expect(dateOfDeadline(deadline, HCM)).toEqual({ year: 2027, month: 1, day: 15 });
  });

  it("offers 00:00 of the day 30 days after today's local date, across a month and a year", () => {
    expect(deadlineInDays(now, 30, HCM).toISOString()).toBe("2026-12-30T17:00:00.000Z");
    // From 31/12, thirty days on is 30/01 of the next year.
    expect(deadlineInDays(new Date("2026-12-31T23:30:00+07:00"), 30, HCM).toISOString()).toBe(
      "2027-01-29T17:00:00.000Z",
    );
    // 01:00 on 01/01 in Vietnam is still 31/12 in UTC: the local date counts.
    expect(deadlineInDays(new Date("2027-01-01T01:00:00+07:00"), 1, HCM).toISOString()).toBe(
      "2027-01-01T17:00:00.000Z",
    );
  });

  // The 2025 round: the plan's deadline (05/01/2026) has passed, so the latest is a year after today.
  const planned2025 = roundDeadline(2025, RULE, HCM);

  it("allows at latest a year after today, or after the plan's deadline when that is later", () => {
    expect(latestRoundDeadline(now, planned2025, HCM).toISOString()).toBe("2027-11-30T17:00:00.000Z");
    // The 2027 round opened in 2026: a year after 05/01/2028.
    expect(latestRoundDeadline(now, roundDeadline(2027, RULE, HCM), HCM).toISOString()).toBe(
      "2029-01-04T17:00:00.000Z",
    );
  });

  it("takes a real date still ahead, up to the latest allowed", () => {
    expect(checkRoundDeadline({ year: 2027, month: 1, day: 15 }, now, planned2025, HCM)).toEqual({
      ok: true,
      deadline: new Date("2027-01-14T17:00:00.000Z"),
    });
    // Tomorrow at 00:00 is still ahead: today is the last day.
    expect(checkRoundDeadline({ year: 2026, month: 12, day: 2 }, now, planned2025, HCM).ok).toBe(true);
    expect(checkRoundDeadline({ year: 2026, month: 12, day: 1 }, now, planned2025, HCM)).toEqual({
      ok: false,
      problem: "past",
    });
    expect(checkRoundDeadline({ year: 2027, month: 2, day: 29 }, now, planned2025, HCM)).toEqual({
      ok: false,
      problem: "not_a_date",
    });
    expect(checkRoundDeadline({ year: 2027, month: 12, day: 1 }, now, planned2025, HCM).ok).toBe(true);
    expect(checkRoundDeadline({ year: 2027, month: 12, day: 2 }, now, planned2025, HCM)).toEqual({
      ok: false,
      problem: "too_far",
    });
  });

  it("reads dd/mm/yyyy typed with /, - or ., and refuses anything else as a format problem", () => {
    const at = (text: string) => parseRoundDeadline(text, now, planned2025, HCM);
    expect(at(" 15/01/2027 ")).toMatchObject({ ok: true, deadline: new Date("2027-01-14T17:00:00.000Z") });
    expect(at("5-1-2027")).toMatchObject({ ok: true, deadline: new Date("2027-01-04T17:00:00.000Z") });
    expect(at("15.01.2027").ok).toBe(true);
    expect(at("15/01")).toEqual({ ok: false, problem: "format" });
    expect(at("2027-01-15")).toEqual({ ok: false, problem: "format" });
    expect(at("31/04/2027")).toEqual({ ok: false, problem: "not_a_date" });
  });
});
