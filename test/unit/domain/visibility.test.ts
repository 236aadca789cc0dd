import { describe, expect, it } from "vitest";
import {
  canSeeAssessment,
  canSeeNomination,
  canSeeUnit,
  type Scope,
  scopeOf,
  type VisibleNomination,
} from "../../../src/domain/visibility.js";

const OWN_UNIT = 3;
const OTHER_UNIT = 4;
const ME = 1001;
const COLLEAGUE = 1002;

const individual = (unitId: number, nomineeId: number): VisibleNomination => ({
  unitId,
  nomineeKind: "individual",
  nomineeId,
});
const collective = (unitId: number): VisibleNomination => ({
  unitId,
  nomineeKind: "collective",
  nomineeId: unitId,
});

describe("scopeOf", () => {
  it("gives the Office everything, whatever unit it belongs to", () => {
    expect(scopeOf({ role: "office", telegramId: ME, unitId: OWN_UNIT })).toEqual({ kind: "all" });
    expect(scopeOf({ role: "office", telegramId: ME, unitId: undefined })).toEqual({ kind: "all" });
  });

  it("gives a unit head their own unit, and nothing without one", () => {
    expect(scopeOf({ role: "unit_head", telegramId: ME, unitId: OWN_UNIT })).toEqual({
      kind: "unit",
      unitId: OWN_UNIT,
    });
    expect(scopeOf({ role: "unit_head", telegramId: ME, unitId: undefined })).toEqual({ kind: "none" });
  });

  it("gives an employee only themself, not their unit", () => {
    expect(scopeOf({ role: "employee", telegramId: ME, unitId: OWN_UNIT })).toEqual({
      kind: "self",
      telegramId: ME,
    });
  });

  it("gives a guest nothing", () => {
    expect(scopeOf({ role: "guest", telegramId: ME, unitId: undefined })).toEqual({ kind: "none" });
    expect(scopeOf({ role: "guest", telegramId: ME, unitId: OWN_UNIT })).toEqual({ kind: "none" });
  });
});

describe("canSeeUnit", () => {
  it("lets the Office see any unit", () => {
    const office = scopeOf({ role: "office", telegramId: ME, unitId: undefined });
    expect(canSeeUnit(office, OWN_UNIT)).toBe(true);
    expect(canSeeUnit(office, OTHER_UNIT)).toBe(true);
  });

  it("lets a unit head see their own unit and not another", () => {
    const head = scopeOf({ role: "unit_head", telegramId: ME, unitId: OWN_UNIT });
    expect(canSeeUnit(head, OWN_UNIT)).toBe(true);
    expect(canSeeUnit(head, OTHER_UNIT)).toBe(false);
  });

  it("shows an employee and a guest no unit, not even the employee's own", () => {
    const employee = scopeOf({ role: "employee", telegramId: ME, unitId: OWN_UNIT });
    const guest = scopeOf({ role: "guest", telegramId: ME, unitId: undefined });
    expect(canSeeUnit(employee, OWN_UNIT)).toBe(false);
    expect(canSeeUnit(guest, OWN_UNIT)).toBe(false);
  });
});

describe("canSeeNomination", () => {
  const all: VisibleNomination[] = [
    individual(OWN_UNIT, ME),
    individual(OWN_UNIT, COLLEAGUE),
    collective(OWN_UNIT),
    individual(OTHER_UNIT, 2001),
    collective(OTHER_UNIT),
  ];
  const visible = (scope: Scope) => all.map((nomination) => canSeeNomination(scope, nomination));

  it("lets the Office see every nomination", () => {
    expect(visible(scopeOf({ role: "office", telegramId: ME, unitId: undefined }))).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
  });

  it("lets a unit head see every nomination of their unit, the collective one too, and none of another", () => {
    expect(visible(scopeOf({ role: "unit_head", telegramId: ME, unitId: OWN_UNIT }))).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });

  it("lets an employee see only their own nomination, not a colleague's or their unit's", () => {
    expect(visible(scopeOf({ role: "employee", telegramId: ME, unitId: OWN_UNIT }))).toEqual([
      true,
      false,
      false,
      false,
      false,
    ]);
  });

  it("does not take a collective nominee whose unit id equals the employee's Telegram id for the employee", () => {
    const employee = scopeOf({ role: "employee", telegramId: 7, unitId: 7 });
    expect(canSeeNomination(employee, collective(7))).toBe(false);
    expect(canSeeNomination(employee, individual(7, 7))).toBe(true);
  });

  it("shows an employee their own nomination even when it is filed under another unit", () => {
    const employee = scopeOf({ role: "employee", telegramId: ME, unitId: OWN_UNIT });
    expect(canSeeNomination(employee, individual(OTHER_UNIT, ME))).toBe(true);
  });

  it("shows a guest and a head without a unit nothing", () => {
    expect(visible(scopeOf({ role: "guest", telegramId: ME, unitId: undefined }))).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(visible(scopeOf({ role: "unit_head", telegramId: ME, unitId: undefined }))).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe("canSeeAssessment", () => {
  const lans = { subject: "individual" as const, subjectId: 2001, unitId: 7 };
  const unitOwn = { subject: "unit" as const, subjectId: 7, unitId: 7 };

  it("lets the Office see any, a head their unit's people and the unit's own", () => {
    expect(canSeeAssessment({ kind: "all" }, lans)).toBe(true);
    expect(canSeeAssessment({ kind: "unit", unitId: 7 }, lans)).toBe(true);
    expect(canSeeAssessment({ kind: "unit", unitId: 7 }, unitOwn)).toBe(true);
    expect(canSeeAssessment({ kind: "unit", unitId: 8 }, lans)).toBe(false);
  });

  it("lets a person see their own and nothing else, a guest nothing", () => {
    expect(canSeeAssessment({ kind: "self", telegramId: 2001 }, lans)).toBe(true);
    expect(canSeeAssessment({ kind: "self", telegramId: 2002 }, lans)).toBe(false);
    // A unit's own subject id is the unit's: never a person's own.
    expect(canSeeAssessment({ kind: "self", telegramId: 7 }, unitOwn)).toBe(false);
    expect(canSeeAssessment({ kind: "none" }, lans)).toBe(false);
  });
});
