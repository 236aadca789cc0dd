import type { ActorRole } from "./roles.js";

/**
 * What a person may see of the round: the Office everything, a unit head their unit, an employee only
 * their own records, a guest nothing. Worked out from the role on every call, never remembered.
 */
export type Scope =
  | { kind: "all" }
  | { kind: "unit"; unitId: number }
  | { kind: "self"; telegramId: number }
  | { kind: "none" };

export interface Viewer {
  role: ActorRole;
  telegramId: number;
  unitId: number | undefined;
}

export function scopeOf(viewer: Viewer): Scope {
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
  actor: { role: ActorRole; telegramId: number; user?: { unit_id: number } | undefined } | undefined,
): Scope {
  return scopeOf({
    role: actor?.role ?? "guest",
    telegramId: actor?.telegramId ?? 0,
    unitId: actor?.user?.unit_id,
  });
}

export function canSeeUnit(scope: Scope, unitId: number): boolean {
  return scope.kind === "all" || (scope.kind === "unit" && scope.unitId === unitId);
}

export interface VisibleNomination {
  unitId: number;
  nomineeKind: "individual" | "collective";
  nomineeId: number;
}

export function canSeeNomination(scope: Scope, nomination: VisibleNomination): boolean {
  if (scope.kind === "self")
    return nomination.nomineeKind === "individual" && nomination.nomineeId === scope.telegramId;
  return canSeeUnit(scope, nomination.unitId);
}

export interface VisibleAssessment {
  subject: "individual" | "unit";
  /** The person (individual) or the unit (unit). */
  subjectId: number;
  unitId: number;
}

/** A self-assessment is seen as a nomination of its subject would be: its owner, its unit's head, the Office. */
export function canSeeAssessment(scope: Scope, assessment: VisibleAssessment): boolean {
  if (scope.kind === "self")
    return assessment.subject === "individual" && assessment.subjectId === scope.telegramId;
  return canSeeUnit(scope, assessment.unitId);
}
