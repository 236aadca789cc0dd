import { describe, expect, it } from "vitest";
import { loadCampaign, parseCampaign } from "../../../src/campaign/load.js";
import { SYSTEM_STATUSES } from "../../../src/campaign/schema.js";
import { quotaOf, type TransitionRequest, transitionProblem } from "../../../src/domain/nominations.js";
import {
  councilStep,
  decidedStatuses,
  type FormRoute,
  inUnitHands,
  isDecided,
  isStanding,
  type Mover,
  nextStatuses,
  quotaStatuses,
  routeMoves,
  routeOf,
  undoTarget,
  unitLock,
} from "../../../src/domain/routes.js";

const campaign = loadCampaign();
const routeFor = (formId: string): FormRoute => {
  const route = routeOf(campaign, formId);
  if (!route) throw new Error(`no route for ${formId}`);
  return route;
};
const formOf = (formId: string) => {
  const form = campaign.awardForms.find((f) => f.id === formId);
  if (!form) throw new Error(`no form ${formId}`);
  return form;
};
const GK = "giay-khen-giam-doc-so";
const TINH = "bang-khen-chu-tich-tinh";
const THU_TUONG = "bang-khen-thu-tuong";

/** Every move of a route as "from → to by kind", the whole table at once. */
function table(route: FormRoute): string[] {
  const statuses = [...SYSTEM_STATUSES, ...route.steps.map((step) => step.id)];
  return statuses.flatMap((from) =>
    routeMoves(route, from).map(
      (move) => `${from} → ${move.to} by ${move.by}${move.needsReason ? " (reason)" : ""}`,
    ),
  );
}

describe("the routes of the bundled plan", () => {
  it("gives the Director's Giấy khen: review, the Council's vote, the Director's decision", () => {
    expect(routeFor(GK).steps.map((s) => s.id)).toEqual([
      "under_review",
      "recommended",
      "council_passed",
      "awarded",
    ]);
    expect(table(routeFor(GK))).toEqual([
      "draft → submitted by unit_head",
      "submitted → under_review by office",
      "submitted → returned by office (reason)",
      "submitted → rejected by office (reason)",
      "returned → submitted by unit_head",
      "returned → withdrawn by unit_head",
      "under_review → recommended by office",
      "under_review → returned by office (reason)",
      "under_review → rejected by office (reason)",
      "recommended → council_passed by council",
      "recommended → not_passed by council",
      "recommended → returned by office (reason)",
      "council_passed → awarded by office",
    ]);
  });

  it("sends the province's Bằng khen up with the Sở's Tờ trình, where the province decides or declines", () => {
    expect(table(routeFor(TINH)).slice(-4)).toEqual([
      "recommended → returned by office (reason)",
      "council_passed → province_proposed by office",
      "province_proposed → awarded by office",
      "province_proposed → declined by office (reason)",
    ]);
  });

  it("sends the Prime Minister's Bằng khen through the province to the national level", () => {
    expect(routeFor(THU_TUONG).steps.map((s) => s.id)).toEqual([
      "under_review",
      "recommended",
      "council_passed",
      "province_proposed",
      "national_proposed",
      "awarded",
    ]);
    expect(table(routeFor(THU_TUONG)).slice(-5)).toEqual([
      "council_passed → province_proposed by office",
      "province_proposed → national_proposed by office",
      "province_proposed → declined by office (reason)",
      "national_proposed → awarded by office",
      "national_proposed → declined by office (reason)",
    ]);
  });

  it("lets nobody move a nomination that has left its route or been awarded", () => {
    for (const formId of [GK, TINH, THU_TUONG])
      for (const from of ["awarded", "rejected", "withdrawn", "not_passed", "declined"])
        expect(routeMoves(routeFor(formId), from), `${formId} ${from}`).toEqual([]);
  });

  it("gives the Council only its vote on the agenda, and the Office none of the Council's moves", () => {
    const route = routeFor(GK);
    expect(councilStep(route)).toMatchObject({
      council: { id: "council_passed" },
      agenda: { id: "recommended" },
    });
    expect(nextStatuses(route, "recommended", "council")).toEqual(["council_passed", "not_passed"]);
    expect(nextStatuses(route, "recommended", "office")).toEqual(["returned"]);
    for (const from of ["submitted", "under_review", "council_passed"])
      expect(nextStatuses(route, from, "council")).toEqual([]);
  });
});

describe("transitionProblem", () => {
  const request = (change: Partial<TransitionRequest>): TransitionRequest => ({
    route: routeFor(GK),
    from: "under_review",
    to: "recommended",
    by: "office",
    reason: undefined,
    form: formOf(GK),
    nomineeKind: "individual",
    alreadyCounted: 0,
    ...change,
  });

  it("refuses a move the route does not have, or by the wrong mover", () => {
    expect(transitionProblem(request({ from: "draft", to: "awarded" }))).toEqual({ kind: "not_allowed" });
    expect(transitionProblem(request({ by: "unit_head" }))).toEqual({ kind: "not_allowed" });
    // The Office cannot pass a nomination in the Council's place, nor skip the Council to the decision.
    expect(transitionProblem(request({ from: "recommended", to: "council_passed" }))).toEqual({
      kind: "not_allowed",
    });
    expect(transitionProblem(request({ from: "recommended", to: "awarded" }))).toEqual({
      kind: "not_allowed",
    });
    // The province's steps are not on the Giấy khen's route.
    expect(transitionProblem(request({ from: "council_passed", to: "province_proposed" }))).toEqual({
      kind: "not_allowed",
    });
    expect(transitionProblem(request({ from: "returned", to: "withdrawn", by: "office" }))).toEqual({
      kind: "not_allowed",
    });
  });

  it("asks for a reason to return, refuse or record a refusal from above", () => {
    expect(transitionProblem(request({ to: "returned" }))).toEqual({ kind: "reason_required" });
    expect(transitionProblem(request({ to: "rejected", reason: "  " }))).toEqual({ kind: "reason_required" });
    expect(transitionProblem(request({ to: "returned", reason: "Thiếu Báo cáo thành tích" }))).toBeNull();
    const tinh = { route: routeFor(TINH), form: formOf(TINH) };
    expect(transitionProblem(request({ ...tinh, from: "province_proposed", to: "declined" }))).toEqual({
      kind: "reason_required",
    });
    expect(
      transitionProblem(
        request({ ...tinh, from: "province_proposed", to: "declined", reason: "Công văn 12" }),
      ),
    ).toBeNull();
  });

  it("counts the quota on the move into the quota step (the Council's), and finds a place left before the Council", () => {
    const council = (alreadyCounted: number, nomineeKind: "individual" | "collective" = "individual") =>
      transitionProblem(
        request({ from: "recommended", to: "council_passed", by: "council", alreadyCounted, nomineeKind }),
      );
    expect(council(9)).toBeNull();
    expect(council(10)).toEqual({ kind: "over_quota", quota: 10, nomineeKind: "individual" });
    expect(council(3, "collective")).toBeNull();
    expect(council(4, "collective")).toEqual({ kind: "over_quota", quota: 4, nomineeKind: "collective" });
    // The Office may put forward more than the places left (the Council ranks within them), but nothing once
    // the Council has given every place.
    expect(transitionProblem(request({ alreadyCounted: 9 }))).toBeNull();
    expect(transitionProblem(request({ alreadyCounted: 10 }))).toEqual({
      kind: "over_quota",
      quota: 10,
      nomineeKind: "individual",
    });
    // Already counted: the decision does not count it again.
    expect(
      transitionProblem(request({ from: "council_passed", to: "awarded", alreadyCounted: 10 })),
    ).toBeNull();
  });

  it("has no quota to enforce for the forms the plan leaves to 800/KH-UBND", () => {
    for (const formId of [TINH, THU_TUONG]) {
      expect(quotaOf(formOf(formId), "individual")).toBeNull();
      expect(
        transitionProblem(
          request({
            route: routeFor(formId),
            form: formOf(formId),
            from: "recommended",
            to: "council_passed",
            by: "council",
            alreadyCounted: 500,
          }),
        ),
      ).toBeNull();
    }
  });

  it("asks for a reason before looking at the quota", () => {
    expect(transitionProblem(request({ to: "rejected", alreadyCounted: 10 }))).toEqual({
      kind: "reason_required",
    });
  });
});

describe("what the route says of a status", () => {
  const route = routeFor(GK);

  it("counts a nomination against the quota from the Council's step on", () => {
    expect(quotaStatuses(route)).toEqual(["council_passed", "awarded"]);
    expect(quotaStatuses(routeFor(THU_TUONG))).toEqual([
      "council_passed",
      "province_proposed",
      "national_proposed",
      "awarded",
    ]);
  });

  it("leaves a nomination to the unit only as a draft or once returned", () => {
    const all = [...SYSTEM_STATUSES, ...route.steps.map((s) => s.id)];
    expect(all.filter(inUnitHands)).toEqual(["draft", "returned"]);
    expect(all.filter((s) => !isStanding(s))).toEqual(["withdrawn", "rejected", "not_passed", "declined"]);
  });

  it("locks the unit out once the Office has put a nomination past its first step, or it left the route", () => {
    expect(
      [
        "submitted",
        "under_review",
        "recommended",
        "council_passed",
        "awarded",
        "rejected",
        "not_passed",
      ].filter((s) => isDecided(route, s)),
    ).toEqual(["recommended", "council_passed", "awarded", "rejected", "not_passed"]);
    expect(isDecided(route, "withdrawn")).toBe(false);
    expect(decidedStatuses(campaign).sort()).toEqual(
      [
        "awarded",
        "council_passed",
        "declined",
        "national_proposed",
        "not_passed",
        "province_proposed",
        "recommended",
        "rejected",
      ].sort(),
    );
  });

  it("says why the unit cannot change a nomination, by where it stands", () => {
    const locks = [
      "draft",
      "returned",
      "submitted",
      "under_review",
      "recommended",
      "council_passed",
      "awarded",
    ].map((s) => unitLock(route, s));
    expect(locks).toEqual([null, null, "with-office", "with-office", "forwarded", "forwarded", "awarded"]);
    expect(unitLock(routeFor(TINH), "province_proposed")).toBe("forwarded");
    expect(unitLock(route, "not_passed")).toBe("not_passed");
  });
});

describe("undoTarget", () => {
  const entry = (
    from: string | null,
    to: string,
    byRole: Mover = "office",
    undoOf: number | null = null,
  ) => ({
    from_status: from,
    to_status: to,
    by_role: byRole,
    undo_of: undoOf,
  });

  it("takes the Office's own move back to where it came from", () => {
    expect(undoTarget(entry("council_passed", "awarded"))).toBe("council_passed");
    expect(undoTarget(entry("under_review", "recommended"))).toBe("under_review");
    expect(undoTarget(entry("submitted", "rejected"))).toBe("submitted");
    expect(undoTarget(entry("province_proposed", "declined"))).toBe("province_proposed");
  });

  it("does not undo a return, a unit's move, the Council's vote, or an undo", () => {
    expect(undoTarget(entry("submitted", "returned"))).toBeNull();
    expect(undoTarget(entry("draft", "submitted", "unit_head"))).toBeNull();
    expect(undoTarget(entry("recommended", "council_passed", "council"))).toBeNull();
    expect(undoTarget(entry("recommended", "not_passed", "council"))).toBeNull();
    expect(undoTarget(entry("awarded", "council_passed", "office", 7))).toBeNull();
  });
});

describe("a route in the definition", () => {
  const definition = () => structuredClone(JSON.parse(JSON.stringify(campaign))) as Record<string, unknown>;
  const forms = (data: Record<string, unknown>) =>
    data.awardForms as Array<{ route: { steps: string[]; quotaFrom: string } }>;
  const problems = (data: unknown) => {
    try {
      parseCampaign(data, "test.json");
      return "";
    } catch (error) {
      return (error as Error).message;
    }
  };

  it("accepts the bundled plan, and a route without a Council", () => {
    expect(problems(definition())).toBe("");
    const data = definition();
    const first = forms(data)[0];
    if (first) first.route = { steps: ["under_review", "awarded"], quotaFrom: "awarded" };
    expect(problems(data)).toBe("");
  });

  it("refuses a route naming an unknown step, a step twice, or a quota step not on it", () => {
    const data = definition();
    const first = forms(data)[0];
    if (first)
      first.route = {
        steps: ["under_review", "vetted", "under_review", "awarded"],
        quotaFrom: "council_passed",
      };
    const message = problems(data);
    expect(message).toContain('awardForms[0].route.steps[1]: no routeSteps entry "vetted"');
    expect(message).toContain('awardForms[0].route.steps[2]: "under_review" comes twice');
    expect(message).toContain(
      'awardForms[0].route.quotaFrom: "council_passed" is not one of this route\'s steps',
    );
  });

  it("refuses a route that does not end with a decision, or whose Council has no agenda step before it", () => {
    const data = definition();
    const [first, second] = forms(data);
    if (first) first.route = { steps: ["under_review", "recommended"], quotaFrom: "recommended" };
    if (second) second.route = { steps: ["council_passed", "awarded"], quotaFrom: "council_passed" };
    const message = problems(data);
    expect(message).toContain("awardForms[0].route.steps: a route ends with a decision step");
    expect(message).toContain(
      "awardForms[1].route.steps[0]: the Council's step follows a review step (its agenda)",
    );
  });

  it("refuses a step named like a status every route has, and an Office step without its button", () => {
    const data = definition();
    const steps = data.routeSteps as Array<Record<string, unknown>>;
    const [first, second] = steps;
    if (first) first.id = "rejected";
    if (second) delete second.action;
    const message = problems(data);
    expect(message).toContain('routeSteps[0].id: "rejected" is a status every route has');
    expect(message).toContain("routeSteps[1].action: the Office's steps need the button's words");
  });
});
