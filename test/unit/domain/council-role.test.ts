import { describe, expect, it } from "vitest";
import { loadCampaign } from "../../../src/campaign/load.js";
import {
  isBeforeCouncil,
  MEETING_WORDS,
  parseCouncilCommand,
  parsePersonRef,
  roleOf,
} from "../../../src/domain/council-role.js";
import { type FormRoute, routeOf } from "../../../src/domain/routes.js";
import {
  canSeeAssessment,
  canSeeNomination,
  canSeeUnit,
  scopeOf,
  scopeOfActor,
} from "../../../src/domain/visibility.js";

const campaign = loadCampaign();
const routeFor = (formId: string): FormRoute => {
  const route = routeOf(campaign, formId);
  if (!route) throw new Error(`no route for ${formId}`);
  return route;
};
const GK = routeFor("giay-khen-giam-doc-so");
const OWN_UNIT = 3;
const OTHER_UNIT = 4;
const ME = 1001;
const STRANGER = 2002;

describe("parseCouncilCommand", () => {
  it("lists the Council with nothing after the command, and the agenda with `agenda`", () => {
    expect(parseCouncilCommand("")).toEqual({ kind: "list" });
    expect(parseCouncilCommand("   ")).toEqual({ kind: "list" });
    expect(parseCouncilCommand("agenda")).toEqual({ kind: "agenda" });
    expect(parseCouncilCommand("AGENDA")).toEqual({ kind: "agenda" });
  });

  it("passes every meeting word on, whatever follows it", () => {
    for (const word of MEETING_WORDS) {
      expect(parseCouncilCommand(word)).toEqual({ kind: "meeting" });
      expect(parseCouncilCommand(`${word.toUpperCase()} gk 2026`)).toEqual({ kind: "meeting" });
    }
    expect([...MEETING_WORDS].sort()).toEqual(["close", "count", "meet", "minutes", "result", "tie", "vote"]);
  });

  it("reads a membership change with the person's words kept whole", () => {
    expect(parseCouncilCommand("add Nguyễn  Thị Lan")).toEqual({
      kind: "membership",
      action: "add",
      person: "Nguyễn Thị Lan",
    });
    expect(parseCouncilCommand("Chair 2001")).toEqual({
      kind: "membership",
      action: "chair",
      person: "2001",
    });
    expect(parseCouncilCommand("secretary lan")).toMatchObject({ action: "secretary" });
    expect(parseCouncilCommand("remove lan")).toMatchObject({ action: "remove" });
  });

  it("gives the usage for an unknown word, an action without a person, or words after agenda", () => {
    expect(parseCouncilCommand("invite lan")).toEqual({ kind: "usage" });
    expect(parseCouncilCommand("add")).toEqual({ kind: "usage" });
    expect(parseCouncilCommand("chair   ")).toEqual({ kind: "usage" });
    expect(parseCouncilCommand("agenda gk")).toEqual({ kind: "usage" });
  });
});

describe("roleOf and parsePersonRef", () => {
  it("maps each action to the role it gives", () => {
    expect(roleOf("add")).toBe("member");
    expect(roleOf("chair")).toBe("chair");
    expect(roleOf("secretary")).toBe("secretary");
    expect(roleOf("remove")).toBeUndefined();
  });

  it("tells a Telegram id, an @username and a name apart", () => {
    expect(parsePersonRef(" 2001 ")).toEqual({ kind: "id", telegramId: 2001 });
    expect(parsePersonRef("@lan_nguyen")).toEqual({ kind: "username" });
    expect(parsePersonRef("Lan 2")).toEqual({ kind: "name", query: "Lan 2" });
    expect(parsePersonRef("Nguyễn Thị Lan")).toEqual({ kind: "name", query: "Nguyễn Thị Lan" });
  });
});

describe("isBeforeCouncil", () => {
  it("is true from the agenda step (the one before the Council's) to the end of the route", () => {
    expect(GK.steps.map((s) => s.id)).toEqual(["under_review", "recommended", "council_passed", "awarded"]);
    expect(isBeforeCouncil(GK, "recommended")).toBe(true);
    expect(isBeforeCouncil(GK, "council_passed")).toBe(true);
    expect(isBeforeCouncil(GK, "awarded")).toBe(true);
    expect(isBeforeCouncil(GK, "not_passed")).toBe(true);
  });

  it("is false before the Office has put it forward, and once it left the route before the Council", () => {
    for (const status of ["draft", "submitted", "under_review", "returned", "rejected", "withdrawn"])
      expect(isBeforeCouncil(GK, status), status).toBe(false);
  });

  it("counts a refusal by the level above, after the Council passed it, for the province's form", () => {
    const province = routeFor(
      campaign.awardForms.find((f) => f.route.steps.includes("province_proposed") && f.code !== "gk")?.id ??
        "",
    );
    expect(isBeforeCouncil(province, "province_proposed")).toBe(true);
    expect(isBeforeCouncil(province, "declined")).toBe(true);
    expect(isBeforeCouncil(province, "under_review")).toBe(false);
  });

  it("is false on a route without a Council", () => {
    const noCouncil: FormRoute = { ...GK, steps: GK.steps.filter((s) => s.kind !== "council") };
    expect(isBeforeCouncil(noCouncil, "recommended")).toBe(false);
    expect(isBeforeCouncil(noCouncil, "not_passed")).toBe(false);
  });
});

describe("a Council member's scope", () => {
  const employee = scopeOf({ role: "employee", telegramId: ME, unitId: OWN_UNIT, council: true });
  const head = scopeOf({ role: "unit_head", telegramId: ME, unitId: OWN_UNIT, council: true });

  it("wraps the unit role's own scope; the Office's stays everything", () => {
    expect(employee).toEqual({ kind: "council", own: { kind: "self", telegramId: ME } });
    expect(head).toEqual({ kind: "council", own: { kind: "unit", unitId: OWN_UNIT } });
    expect(scopeOf({ role: "office", telegramId: ME, unitId: undefined, council: true })).toEqual({
      kind: "all",
    });
    expect(scopeOf({ role: "guest", telegramId: ME, unitId: undefined, council: true })).toEqual({
      kind: "none",
    });
    expect(scopeOf({ role: "employee", telegramId: ME, unitId: OWN_UNIT, council: false })).toEqual({
      kind: "self",
      telegramId: ME,
    });
  });

  it("comes from the actor's Council role", () => {
    const user = { unit_id: OWN_UNIT };
    expect(scopeOfActor({ role: "employee", telegramId: ME, user, council: "secretary" }).kind).toBe(
      "council",
    );
    expect(scopeOfActor({ role: "employee", telegramId: ME, user, council: undefined }).kind).toBe("self");
  });

  it("sees another unit's nomination only while it is before the Council", () => {
    const other = { unitId: OTHER_UNIT, nomineeKind: "individual" as const, nomineeId: STRANGER };
    expect(canSeeNomination(employee, { ...other, beforeCouncil: true })).toBe(true);
    expect(canSeeNomination(employee, { ...other, beforeCouncil: false })).toBe(false);
    expect(canSeeNomination(employee, other)).toBe(false);
    // Not a member: the flag does not open anything.
    expect(canSeeNomination({ kind: "self", telegramId: ME }, { ...other, beforeCouncil: true })).toBe(false);
  });

  it("keeps what the unit role sees: a head their unit's, an employee their own", () => {
    const ownColleague = { unitId: OWN_UNIT, nomineeKind: "individual" as const, nomineeId: STRANGER };
    expect(canSeeNomination(head, ownColleague)).toBe(true);
    expect(canSeeNomination(employee, ownColleague)).toBe(false);
    expect(canSeeNomination(employee, { unitId: OWN_UNIT, nomineeKind: "individual", nomineeId: ME })).toBe(
      true,
    );
  });

  it("sees no other unit as a whole (its /status, its people), only their own as the role gives", () => {
    expect(canSeeUnit(employee, OTHER_UNIT)).toBe(false);
    expect(canSeeUnit(head, OTHER_UNIT)).toBe(false);
    expect(canSeeUnit(head, OWN_UNIT)).toBe(true);
    expect(canSeeUnit(employee, OWN_UNIT)).toBe(false);
  });

  it("reads a self-assessment only of a nominee before the Council, besides their own role's", () => {
    const stranger = { subject: "individual" as const, subjectId: STRANGER, unitId: OTHER_UNIT };
    expect(canSeeAssessment(employee, { ...stranger, nomineeBeforeCouncil: true })).toBe(true);
    expect(canSeeAssessment(employee, stranger)).toBe(false);
    expect(canSeeAssessment(employee, { subject: "unit", subjectId: OTHER_UNIT, unitId: OTHER_UNIT })).toBe(
      false,
    );
    expect(
      canSeeAssessment(employee, {
        subject: "unit",
        subjectId: OTHER_UNIT,
        unitId: OTHER_UNIT,
        nomineeBeforeCouncil: true,
      }),
    ).toBe(true);
    expect(canSeeAssessment(head, { subject: "unit", subjectId: OWN_UNIT, unitId: OWN_UNIT })).toBe(true);
  });
});
