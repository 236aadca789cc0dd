import type { CouncilRole } from "../../db/schema.js";
import type { ActorRole } from "./roles.js";

/**
 * What a person may see of the round: the Office everything, a unit head their unit, an employee only
 * their own records, a guest nothing. A member of the Council sees, besides what their own role shows, the
 * nominations before the Council (read-only), and nothing else of other units. Worked out from the role on
 * every call, never remembered.
 */
export type Scope =
  | { kind: "all" }
  | { kind: "unit"; unitId: number }
  | { kind: "self"; telegramId: number }
  | { kind: "none" }
  | { kind: "council"; own: OwnScope };

/** The scope of a role alone, without the Council. */
export type OwnScope = Exclude<Scope, { kind: "council" }>;

export interface Viewer {
  role: ActorRole;
  telegramId: number;
  unitId: number | undefined;
  /** A current member of the Council (any role in it). */
  council?: boolean;
}

export function scopeOf(viewer: Viewer): Scope {
  const own = ownScopeOf(viewer);
  // The Office sees everything already; someone the bot does not know (a guest) reads nothing, member or not.
  if (viewer.council && own.kind !== "all" && viewer.role !== "guest") return { kind: "council", own };
  return own;
}

function ownScopeOf(viewer: Viewer): OwnScope {
  switch (viewer.role) {
    case "office":
      return { kind: "all" };
    case "unit_head":
      return viewer.unitId === undefined ? { kind: "none" } : { kind: "unit", unitId: viewer.unitId };
    case "employee":
      return { kind: "self", telegramId: viewer.telegramId };
    case "guest":
      return { kind: "none" };
  }
}

/** The scope of whoever is speaking: a registered person, an Office admin, or nobody (a guest's). */
export function scopeOfActor(
  actor:
    | {
        role: ActorRole;
        telegramId: number;
        user?: { unit_id: number } | undefined;
        council?: CouncilRole | undefined;
      }
    | undefined,
): Scope {
  return scopeOf({
    role: actor?.role ?? "guest",
    telegramId: actor?.telegramId ?? 0,
    unitId: actor?.user?.unit_id,
    council: actor?.council !== undefined,
  });
}

/** A unit's own views (/status of it, its people, its dossier as a whole): the Council adds none. */
export function canSeeUnit(scope: Scope, unitId: number): boolean {
  if (scope.kind === "council") return canSeeUnit(scope.own, unitId);
  return scope.kind === "all" || (scope.kind === "unit" && scope.unitId === unitId);
}

export interface VisibleNomination {
  unitId: number;
  nomineeKind: "individual" | "collective";
  nomineeId: number;
  /** Before the Council (see `isBeforeCouncil`) in the round shown; only a member's scope asks. */
  beforeCouncil?: boolean;
}

export function canSeeNomination(scope: Scope, nomination: VisibleNomination): boolean {
  if (scope.kind === "council")
    return nomination.beforeCouncil === true || canSeeNomination(scope.own, nomination);
  if (scope.kind === "self")
    return nomination.nomineeKind === "individual" && nomination.nomineeId === scope.telegramId;
  return canSeeUnit(scope, nomination.unitId);
}

export interface VisibleAssessment {
  subject: "individual" | "unit";
  /** The person (individual) or the unit (unit). */
  subjectId: number;
  unitId: number;
  /** Its subject is the nominee of a nomination before the Council; only a member's scope asks. */
  nomineeBeforeCouncil?: boolean;
}

/**
 * A self-assessment is seen as a nomination of its subject would be: its owner, its unit's head, the Office;
 * and a member of the Council, while its subject's nomination is before the Council.
 */
export function canSeeAssessment(scope: Scope, assessment: VisibleAssessment): boolean {
  if (scope.kind === "council")
    return assessment.nomineeBeforeCouncil === true || canSeeAssessment(scope.own, assessment);
  if (scope.kind === "self")
    return assessment.subject === "individual" && assessment.subjectId === scope.telegramId;
  return canSeeUnit(scope, assessment.unitId);
}
