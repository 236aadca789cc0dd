import { describe, expect, it } from "vitest";
import { loadCampaign } from "../../../src/campaign/load.js";
import {
  type AgendaEntry,
  type CastVote,
  isValidTieChoice,
  meetsThreshold,
  type PassRule,
  slotsLeftFrom,
  type TallyInput,
  tally,
  votesNeeded,
} from "../../../src/domain/council.js";
import { quotaUse } from "../../../src/domain/nominations.js";

const campaign = loadCampaign();
const GK = "giay-khen-giam-doc-so";
const BKT = "bang-khen-chu-tich-tinh";
const HALF: PassRule = { share: 0.5, inclusive: false, of: "present" };
const MEMBERS = [1, 2, 3, 4, 5, 6, 7];

const person = (nominationId: number, formId = GK): AgendaEntry => ({
  nominationId,
  formId,
  nomineeKind: "individual",
});

/** Votes of members 1…n: the first `agree` agree, the rest disagree. */
function votesFor(nominationId: number, agree: number, voters = MEMBERS): CastVote[] {
  return voters.map((memberId, at) => ({ nominationId, memberId, vote: at < agree ? "agree" : "disagree" }));
}

function input(overrides: Partial<TallyInput>): TallyInput {
  return {
    agenda: [],
    members: MEMBERS,
    present: MEMBERS,
    votes: [],
    rule: HALF,
    slotsLeft: () => null,
    ...overrides,
  };
}

const byId = (t: ReturnType<typeof tally>, id: number) => t.nominations.find((n) => n.nominationId === id);

describe("the threshold", () => {
  it("needs more than half with share 0.5 exclusive: exactly half does not pass", () => {
    expect(meetsThreshold(3, 6, HALF)).toBe(false);
    expect(meetsThreshold(4, 6, HALF)).toBe(true);
    expect(meetsThreshold(4, 7, HALF)).toBe(true);
    expect(meetsThreshold(3, 7, HALF)).toBe(false);
    expect(votesNeeded(6, HALF)).toBe(4);
    expect(votesNeeded(7, HALF)).toBe(4);
  });

  it("takes exactly half where the rule is inclusive, and two thirds as two thirds", () => {
    expect(meetsThreshold(3, 6, { ...HALF, inclusive: true })).toBe(true);
    expect(meetsThreshold(4, 6, { share: 2 / 3, inclusive: true, of: "present" })).toBe(true);
    expect(meetsThreshold(3, 6, { share: 2 / 3, inclusive: true, of: "present" })).toBe(false);
  });

  it("passes nothing when nobody took part", () => {
    const t = tally(input({ agenda: [person(1)], present: [] }));
    expect(t.base).toBe(0);
    expect(byId(t, 1)?.outcome).toBe("not_passed");
    expect(t.absent).toEqual(MEMBERS);
  });

  it("with six of seven present, three agree of six is not enough", () => {
    const present = MEMBERS.slice(0, 6);
    const t = tally(input({ agenda: [person(1)], present, votes: votesFor(1, 3, present) }));
    expect(t.base).toBe(6);
    expect(t.needed).toBe(4);
    expect(byId(t, 1)).toMatchObject({
      agree: 3,
      disagree: 3,
      reachedThreshold: false,
      outcome: "not_passed",
    });
  });
});

describe("absent members", () => {
  it("counts only the votes of those present, lists the absent, and counts blanks", () => {
    const present = [1, 2, 3, 4, 5];
    // Member 7 voted but never confirmed the ballot: not present, the vote does not count.
    const votes: CastVote[] = [
      ...votesFor(1, 3, [1, 2, 3, 4]),
      { nominationId: 1, memberId: 7, vote: "agree" },
    ];
    const t = tally(input({ agenda: [person(1)], present, votes }));
    expect(t.absent).toEqual([6, 7]);
    expect(byId(t, 1)).toMatchObject({ agree: 3, disagree: 1, blank: 1, reachedThreshold: true });
  });

  it("counts of all members where the rule says so", () => {
    const present = [1, 2, 3, 4, 5];
    const rule: PassRule = { share: 0.5, inclusive: false, of: "members" };
    const t = tally(input({ agenda: [person(1)], present, rule, votes: votesFor(1, 3, present) }));
    expect(t.base).toBe(7);
    expect(byId(t, 1)?.reachedThreshold).toBe(false);
  });

  it("ignores a vote of someone not a member", () => {
    const votes: CastVote[] = [...votesFor(1, 3), { nominationId: 1, memberId: 99, vote: "agree" }];
    const t = tally(input({ agenda: [person(1)], present: [...MEMBERS, 99], votes }));
    expect(byId(t, 1)?.agree).toBe(3);
    expect(t.base).toBe(7);
  });
});

describe("ranking", () => {
  it("ranks those that reached the threshold by agree votes, equal votes sharing a place", () => {
    const agenda = [person(1), person(2), person(3), person(4)];
    const votes = [...votesFor(1, 5), ...votesFor(2, 7), ...votesFor(3, 5), ...votesFor(4, 2)];
    const t = tally(input({ agenda, votes }));
    expect(t.groups[0]?.ranking).toEqual([2, 1, 3]);
    expect(byId(t, 2)?.rank).toBe(1);
    expect(byId(t, 1)?.rank).toBe(2);
    expect(byId(t, 3)?.rank).toBe(2);
    expect(byId(t, 4)).toMatchObject({ rank: null, outcome: "not_passed", overQuota: false });
    expect(t.nominations.filter((n) => n.outcome === "passed").map((n) => n.nominationId)).toEqual([1, 2, 3]);
  });

  it("keeps each form and kind apart", () => {
    const agenda = [person(1), person(2, BKT), { ...person(3), nomineeKind: "collective" as const }];
    const votes = [...votesFor(1, 7), ...votesFor(2, 7), ...votesFor(3, 7)];
    const t = tally(input({ agenda, votes, slotsLeft: (g) => (g.formId === GK ? 1 : null) }));
    expect(t.groups.map((g) => [g.formId, g.nomineeKind, g.ranking])).toEqual([
      [GK, "individual", [1]],
      [BKT, "individual", [2]],
      [GK, "collective", [3]],
    ]);
    expect(t.nominations.every((n) => n.outcome === "passed")).toBe(true);
  });
});

describe("the quota", () => {
  it("passes the top ones within the places left; the rest passed the vote but are over the quota", () => {
    const agenda = [person(1), person(2), person(3), person(4)];
    const votes = [...votesFor(1, 7), ...votesFor(2, 6), ...votesFor(3, 5), ...votesFor(4, 4)];
    const t = tally(input({ agenda, votes, slotsLeft: () => 2 }));
    expect(t.openTies).toEqual([]);
    expect(byId(t, 1)?.outcome).toBe("passed");
    expect(byId(t, 2)?.outcome).toBe("passed");
    expect(byId(t, 3)).toMatchObject({ outcome: "not_passed", overQuota: true, reachedThreshold: true });
    expect(byId(t, 4)).toMatchObject({ outcome: "not_passed", overQuota: true });
  });

  it("finds the tie at the boundary and leaves it to the chair", () => {
    const agenda = [person(1), person(2), person(3), person(4), person(5)];
    // One place left: 2 and 3 have 6 votes each, above 4 and 5.
    const votes = [
      ...votesFor(1, 2),
      ...votesFor(2, 6),
      ...votesFor(3, 6),
      ...votesFor(4, 5),
      ...votesFor(5, 4),
    ];
    const t = tally(input({ agenda, votes, slotsLeft: () => 1 }));
    expect(t.openTies).toEqual([
      { formId: GK, nomineeKind: "individual", candidates: [2, 3], slots: 1, agree: 6 },
    ]);
    expect(byId(t, 2)?.outcome).toBeNull();
    expect(byId(t, 3)?.outcome).toBeNull();
    expect(byId(t, 4)).toMatchObject({ outcome: "not_passed", overQuota: true });
    expect(byId(t, 1)).toMatchObject({ outcome: "not_passed", overQuota: false });

    const broken = tally(
      input({
        agenda,
        votes,
        slotsLeft: () => 1,
        tieBreaks: [{ formId: GK, nomineeKind: "individual", chosen: [3] }],
      }),
    );
    expect(broken.openTies).toEqual([]);
    expect(byId(broken, 3)).toMatchObject({ outcome: "passed", chosenByChair: true });
    expect(byId(broken, 2)).toMatchObject({ outcome: "not_passed", overQuota: true });
  });

  it("passes those above the tie and leaves only the tied places to the chair", () => {
    const agenda = [person(1), person(2), person(3), person(4)];
    const votes = [...votesFor(1, 7), ...votesFor(2, 5), ...votesFor(3, 5), ...votesFor(4, 5)];
    const t = tally(input({ agenda, votes, slotsLeft: () => 3 }));
    expect(byId(t, 1)?.outcome).toBe("passed");
    expect(t.openTies[0]).toMatchObject({ candidates: [2, 3, 4], slots: 2, agree: 5 });
    expect(isValidTieChoice(t.openTies[0] ?? { candidates: [], slots: 0 }, [2, 4])).toBe(true);
    expect(isValidTieChoice(t.openTies[0] ?? { candidates: [], slots: 0 }, [2])).toBe(false);
    expect(isValidTieChoice(t.openTies[0] ?? { candidates: [], slots: 0 }, [1, 2])).toBe(false);
    expect(isValidTieChoice(t.openTies[0] ?? { candidates: [], slots: 0 }, [2, 2])).toBe(false);
  });

  it("with no quota set (the province's form) passes all that reached the threshold", () => {
    const agenda = [person(1, BKT), person(2, BKT), person(3, BKT)];
    const votes = [...votesFor(1, 7), ...votesFor(2, 4), ...votesFor(3, 4)];
    const use = quotaUse(campaign, []);
    const t = tally(input({ agenda, votes, slotsLeft: (g) => slotsLeftFrom(use, g) }));
    expect(t.groups[0]?.slotsLeft).toBeNull();
    expect(t.openTies).toEqual([]);
    expect(t.nominations.map((n) => n.outcome)).toEqual(["passed", "passed", "passed"]);
  });

  it("with the quota already full passes none, and there is no tie to break", () => {
    const full = Array.from({ length: 10 }, () => ({
      formId: GK,
      nomineeKind: "individual" as const,
      status: "council_passed",
    }));
    const use = quotaUse(campaign, full);
    expect(slotsLeftFrom(use, { formId: GK, nomineeKind: "individual" })).toBe(0);
    const agenda = [person(1), person(2)];
    const votes = [...votesFor(1, 7), ...votesFor(2, 7)];
    const t = tally(input({ agenda, votes, slotsLeft: (g) => slotsLeftFrom(use, g) }));
    expect(t.openTies).toEqual([]);
    expect(t.nominations.map((n) => [n.outcome, n.overQuota])).toEqual([
      ["not_passed", true],
      ["not_passed", true],
    ]);
  });

  it("counts the places left from the quota's use", () => {
    const use = quotaUse(campaign, [
      { formId: GK, nomineeKind: "collective", status: "council_passed" },
      { formId: GK, nomineeKind: "collective", status: "recommended" },
    ]);
    expect(slotsLeftFrom(use, { formId: GK, nomineeKind: "collective" })).toBe(3);
    expect(slotsLeftFrom(use, { formId: GK, nomineeKind: "individual" })).toBe(10);
  });
});
