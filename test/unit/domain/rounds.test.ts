import { describe, expect, it } from "vitest";
import {
  deadlineStatus,
  isBeyondPlanPeriod,
  nameOn,
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
