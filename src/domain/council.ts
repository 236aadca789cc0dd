import type { CouncilRule } from "../campaign/schema.js";
import type { NomineeKind, QuotaUse } from "./nominations.js";

/**
 * The Council's tally at the close of a meeting: each nomination's votes, whether it reached the campaign's
 * threshold, its rank among those that did (by agree votes), and which pass within what is left of the form's
 * quota. Where nominations with equal votes straddle the last slot, the chair breaks the tie.
 */

export type PassRule = CouncilRule["passWhen"];
export type VoteChoice = "agree" | "disagree";

export interface AgendaEntry {
  nominationId: number;
  formId: string;
  nomineeKind: NomineeKind;
}

export interface CastVote {
  nominationId: number;
  memberId: number;
  vote: VoteChoice;
}

/** One (form, nominee kind) of the agenda: its quota is counted apart from every other. */
export interface GroupKey {
  formId: string;
  nomineeKind: NomineeKind;
}

export interface TallyInput {
  agenda: readonly AgendaEntry[];
  /** Everyone entitled to vote in the meeting. */
  members: readonly number[];
  /** The members who took part: only their votes count. */
  present: readonly number[];
  votes: readonly CastVote[];
  rule: PassRule;
  /** Places left in the quota of a form for a kind of nominee; null where no quota is set. */
  slotsLeft: (group: GroupKey) => number | null;
  /** The chair's choices among the tied, by group. */
  tieBreaks?: ReadonlyArray<GroupKey & { chosen: readonly number[] }>;
}

export type Outcome = "passed" | "not_passed";

export interface NominationTally {
  nominationId: number;
  formId: string;
  nomineeKind: NomineeKind;
  agree: number;
  disagree: number;
  /** Present members who gave no vote on it. */
  blank: number;
  reachedThreshold: boolean;
  /** 1-based place among those of its group that reached the threshold (equal votes share a place); null otherwise. */
  rank: number | null;
  /** Null while the chair is still to break a tie that includes it. */
  outcome: Outcome | null;
  /** Passed the vote but no place was left in the quota. */
  overQuota: boolean;
  /** Chosen by the chair among the tied at the quota boundary. */
  chosenByChair: boolean;
}

/** Nominations of equal votes straddling the last places of the quota: `slots` of them pass, the chair says which. */
export interface Tie extends GroupKey {
  candidates: number[];
  slots: number;
  agree: number;
}

export interface GroupTally extends GroupKey {
  slotsLeft: number | null;
  /** The nominations that reached the threshold, most agree votes first. */
  ranking: number[];
  tie: Tie | null;
}

export interface Tally {
  /** How many votes the threshold was counted of (present members, or all members, by the rule). */
  base: number;
  /** The fewest agree votes that pass. */
  needed: number;
  nominations: NominationTally[];
  groups: GroupTally[];
  /** Ties the chair has not broken yet. */
  openTies: Tie[];
  absent: number[];
}

/** Whether `agree` of `base` votes meets the rule: more than (or, inclusive, at least) the share. */
export function meetsThreshold(agree: number, base: number, rule: PassRule): boolean {
  if (base <= 0) return false;
  // A share such as 2/3 is not exact in floating point: 4 of 6 is two thirds, within a hair.
  const bar = rule.share * base;
  const EPSILON = 1e-9;
  return rule.inclusive ? agree >= bar - EPSILON : agree > bar + EPSILON;
}

/** The fewest agree votes of `base` that meet the rule (base + 1 when none can). */
export function votesNeeded(base: number, rule: PassRule): number {
  for (let agree = 0; agree <= base; agree++) if (meetsThreshold(agree, base, rule)) return agree;
  return base + 1;
}

export function sameGroup(a: GroupKey, b: GroupKey): boolean {
  return a.formId === b.formId && a.nomineeKind === b.nomineeKind;
}

/** The groups of an agenda, in the order they first appear. */
export function groupsOf(agenda: readonly GroupKey[]): GroupKey[] {
  const groups: GroupKey[] = [];
  for (const entry of agenda)
    if (!groups.some((g) => sameGroup(g, entry)))
      groups.push({ formId: entry.formId, nomineeKind: entry.nomineeKind });
  return groups;
}

/** Places left in a form's quota for a kind of nominee, from the quota's use; null where none is set. */
export function slotsLeftFrom(use: readonly QuotaUse[], group: GroupKey): number | null {
  const found = use.find((u) => u.formId === group.formId && u.nomineeKind === group.nomineeKind);
  if (!found || found.quota === null) return null;
  return Math.max(0, found.quota - found.used);
}

export function tally(input: TallyInput): Tally {
  const present = new Set(input.present.filter((id) => input.members.includes(id)));
  const base = input.rule.of === "present" ? present.size : input.members.length;
  const counted = input.votes.filter((v) => present.has(v.memberId));
  const nominations: NominationTally[] = input.agenda.map((entry) => {
    const mine = counted.filter((v) => v.nominationId === entry.nominationId);
    const agree = mine.filter((v) => v.vote === "agree").length;
    const disagree = mine.filter((v) => v.vote === "disagree").length;
    const reachedThreshold = meetsThreshold(agree, base, input.rule);
    return {
      nominationId: entry.nominationId,
      formId: entry.formId,
      nomineeKind: entry.nomineeKind,
      agree,
      disagree,
      blank: present.size - agree - disagree,
      reachedThreshold,
      rank: null,
      outcome: reachedThreshold ? null : "not_passed",
      overQuota: false,
      chosenByChair: false,
    };
  });
  const groups: GroupTally[] = groupsOf(input.agenda).map((group) => {
    const reached = nominations
      .filter((n) => sameGroup(n, group) && n.reachedThreshold)
      .sort((a, b) => b.agree - a.agree || a.nominationId - b.nominationId);
    for (const n of reached) n.rank = 1 + reached.filter((other) => other.agree > n.agree).length;
    const slotsLeft = input.slotsLeft(group);
    const tie = placeWithinQuota(reached, slotsLeft, group);
    const broken = tie && input.tieBreaks?.find((b) => sameGroup(b, group));
    if (tie && broken) {
      for (const n of reached.filter((r) => tie.candidates.includes(r.nominationId))) {
        const chosen = broken.chosen.includes(n.nominationId);
        n.outcome = chosen ? "passed" : "not_passed";
        n.overQuota = !chosen;
        n.chosenByChair = chosen;
      }
    }
    return {
      ...group,
      slotsLeft,
      ranking: reached.map((n) => n.nominationId),
      tie: tie ?? null,
    };
  });
  const openTies = groups.flatMap((g) =>
    g.tie && !input.tieBreaks?.some((b) => sameGroup(b, g)) ? [g.tie] : [],
  );
  return {
    base,
    needed: votesNeeded(base, input.rule),
    nominations,
    groups,
    openTies,
    absent: input.members.filter((id) => !present.has(id)),
  };
}

/**
 * Gives the places left to the ranked nominations, most votes first; those with the same votes as the last
 * place, where they do not all fit, are left undecided and make the tie returned.
 */
function placeWithinQuota(ranked: NominationTally[], slots: number | null, group: GroupKey): Tie | undefined {
  if (slots === null || ranked.length <= slots) {
    for (const n of ranked) n.outcome = "passed";
    return undefined;
  }
  const boundary = slots > 0 ? (ranked[slots - 1]?.agree ?? 0) : Number.POSITIVE_INFINITY;
  const above = ranked.filter((n) => n.agree > boundary);
  const level = ranked.filter((n) => n.agree === boundary);
  for (const n of above) n.outcome = "passed";
  for (const n of ranked.filter((r) => r.agree < boundary)) {
    n.outcome = "not_passed";
    n.overQuota = true;
  }
  const left = slots - above.length;
  if (level.length <= left) {
    for (const n of level) n.outcome = "passed";
    return undefined;
  }
  return { ...group, candidates: level.map((n) => n.nominationId), slots: left, agree: boundary };
}

/** Whether the chair's choice answers the tie: exactly its number of places, each one of the tied. */
export function isValidTieChoice(tie: Pick<Tie, "candidates" | "slots">, chosen: readonly number[]): boolean {
  return (
    chosen.length === tie.slots &&
    new Set(chosen).size === chosen.length &&
    chosen.every((id) => tie.candidates.includes(id))
  );
}
