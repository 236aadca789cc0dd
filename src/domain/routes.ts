import { type Campaign, type RouteStep, SYSTEM_STATUSES } from "../campaign/schema.js";

/**
 * An award form's route, as the campaign definition gives it: which steps a nomination takes after the unit
 * submits it, who moves it into each, what each produces, from which step it counts against the quota. The
 * moves below are the only ones there are; every check of a move goes through `routeMoves`.
 */
export type SystemStatus = (typeof SYSTEM_STATUSES)[number];

/** A system status, or the id of a step of the nomination's route. */
export type NominationStatus = string;

export interface FormRoute {
  formId: string;
  steps: readonly RouteStep[];
  quotaFrom: string;
}

/** Who makes a move: the unit's head, the Office, or the Council by its vote. */
export type Mover = "unit_head" | "office" | "council";

export type MoveKind =
  /** The unit sends it (with the dossier), or sends it again after correcting it. */
  | "submit"
  | "withdraw"
  /** The Office takes it to the next review step. */
  | "advance"
  /** The Office records a Tờ trình (number, date, sent to) for it. */
  | "propose"
  /** The Office records the decision that awards it. */
  | "decide"
  | "return"
  | "reject"
  /** The level above refused it: recorded by the Office. */
  | "decline"
  | "council_pass"
  | "council_fail";

export interface RouteMove {
  from: NominationStatus;
  to: NominationStatus;
  by: Mover;
  kind: MoveKind;
  needsReason: boolean;
}

/** How a nomination leaves a route without an award: refused by the Office, the Council, the level above; withdrawn. */
export const FALLEN: readonly SystemStatus[] = ["rejected", "withdrawn", "not_passed", "declined"];

export function isSystemStatus(status: string): status is SystemStatus {
  return (SYSTEM_STATUSES as readonly string[]).includes(status);
}

/** The route of a form, its step ids resolved; undefined for a form the campaign no longer has. */
export function routeOf(campaign: Campaign, formId: string): FormRoute | undefined {
  const form = campaign.awardForms.find((f) => f.id === formId);
  if (!form) return undefined;
  const steps = form.route.steps.flatMap((id) => campaign.routeSteps.filter((step) => step.id === id));
  return { formId, steps, quotaFrom: form.route.quotaFrom };
}

export function stepOf(campaign: Campaign, status: NominationStatus): RouteStep | undefined {
  return campaign.routeSteps.find((step) => step.id === status);
}

/** Where on the route a status stands: -1 for "submitted", the step's index, or null off the route. */
function positionOf(route: FormRoute, status: NominationStatus): number | null {
  if (status === "submitted") return -1;
  const at = route.steps.findIndex((step) => step.id === status);
  return at === -1 ? null : at;
}

const UNIT_MOVES: readonly RouteMove[] = [
  { from: "draft", to: "submitted", by: "unit_head", kind: "submit", needsReason: false },
  { from: "returned", to: "submitted", by: "unit_head", kind: "submit", needsReason: false },
  { from: "returned", to: "withdrawn", by: "unit_head", kind: "withdraw", needsReason: false },
];

const ADVANCE: Record<RouteStep["kind"], { kind: MoveKind; by: Mover }> = {
  review: { kind: "advance", by: "office" },
  proposal: { kind: "propose", by: "office" },
  decision: { kind: "decide", by: "office" },
  council: { kind: "council_pass", by: "council" },
};

/**
 * Every move the route allows from `from`. Submitted and each review step go on to the next step; the Office
 * may return a nomination to the unit from any of them, and refuse it where its next step is still a review.
 * The Council passes or fails its agenda. Where a proposal went up, the level above may decline it.
 */
export function routeMoves(route: FormRoute, from: NominationStatus): RouteMove[] {
  const moves = UNIT_MOVES.filter((move) => move.from === from);
  const at = positionOf(route, from);
  if (at === null) return moves;
  const here = at === -1 ? undefined : route.steps[at];
  const next = route.steps[at + 1];
  if (next) {
    const { kind, by } = ADVANCE[next.kind];
    moves.push({ from, to: next.id, by, kind, needsReason: false });
    if (next.kind === "council")
      moves.push({ from, to: "not_passed", by: "council", kind: "council_fail", needsReason: false });
  }
  const reviewing = here === undefined || here.kind === "review";
  if (reviewing) {
    moves.push({ from, to: "returned", by: "office", kind: "return", needsReason: true });
    if (next?.kind === "review")
      moves.push({ from, to: "rejected", by: "office", kind: "reject", needsReason: true });
  }
  if (here?.kind === "proposal")
    moves.push({ from, to: "declined", by: "office", kind: "decline", needsReason: true });
  return moves;
}

export function findMove(
  route: FormRoute,
  from: NominationStatus,
  to: NominationStatus,
  by: Mover,
): RouteMove | undefined {
  return routeMoves(route, from).find((move) => move.to === to && move.by === by);
}

/** Whether the Office may record the decision that awards a nomination standing at `status`. */
export function awaitsDecision(route: FormRoute, status: NominationStatus): boolean {
  const decision = route.steps.at(-1);
  return decision !== undefined && findMove(route, status, decision.id, "office")?.kind === "decide";
}

/** The statuses a mover can take a nomination to from `from` (the Office's buttons). */
export function nextStatuses(route: FormRoute, from: NominationStatus, by: Mover): NominationStatus[] {
  return routeMoves(route, from)
    .filter((move) => move.by === by)
    .map((move) => move.to);
}

/** Where the Office can take many nominations at once from `from`: the next review step, needing no reason. */
export function bulkTargets(route: FormRoute, from: NominationStatus): NominationStatus[] {
  return routeMoves(route, from)
    .filter((move) => move.by === "office" && move.kind === "advance" && !move.needsReason)
    .map((move) => move.to);
}

/** The statuses that count against the form's quota: its quota step and every step after it. */
export function quotaStatuses(route: FormRoute): NominationStatus[] {
  const from = route.steps.findIndex((step) => step.id === route.quotaFrom);
  return from === -1 ? [] : route.steps.slice(from).map((step) => step.id);
}

export function countsAgainstQuota(route: FormRoute, status: NominationStatus): boolean {
  return quotaStatuses(route).includes(status);
}

/** Sent by the unit and still on its way to the quota step: being reviewed, or before the Council. */
export function headingForQuota(route: FormRoute, status: NominationStatus): boolean {
  const at = positionOf(route, status);
  const quotaAt = route.steps.findIndex((step) => step.id === route.quotaFrom);
  return at !== null && at < quotaAt;
}

/** The Council's step of a route, and the step whose nominations make its agenda; null without a Council. */
export function councilStep(route: FormRoute): { council: RouteStep; agenda: RouteStep } | null {
  const at = route.steps.findIndex((step) => step.kind === "council");
  const agenda = route.steps[at - 1];
  const council = route.steps[at];
  return council && agenda ? { council, agenda } : null;
}

/**
 * Once the Office has put a nomination forward (past its first step), or it has left the route, the unit can no
 * longer change what stands behind it: its documents, its nominee's assessment.
 */
export function isDecided(route: FormRoute | undefined, status: NominationStatus): boolean {
  if (FALLEN.includes(status as SystemStatus)) return status !== "withdrawn";
  if (!route) return false;
  const at = positionOf(route, status);
  return at !== null && at >= 1;
}

/** Every status past a route's first step, in any form of the campaign, with the ways off a route (for queries). */
export function decidedStatuses(campaign: Campaign): NominationStatus[] {
  const statuses = new Set<string>(["rejected", "not_passed", "declined"]);
  for (const form of campaign.awardForms) for (const id of form.route.steps.slice(1)) statuses.add(id);
  return [...statuses];
}

/** Whether the unit holds the nomination: a draft, or returned to it for correction. */
export function inUnitHands(status: NominationStatus): boolean {
  return status === "draft" || status === "returned";
}

/** Still part of the unit's proposal: not refused, declined, not passed or withdrawn. */
export function isStanding(status: NominationStatus): boolean {
  return !FALLEN.includes(status as SystemStatus);
}

/**
 * Where undoing a nomination's last move takes it back to, or null: only the Office's own last move (not a
 * return to the unit, which the unit holds then, nor the Council's vote, nor an undo itself).
 */
export function undoTarget(last: {
  from_status: NominationStatus | null;
  to_status: NominationStatus;
  by_role: string;
  undo_of: number | null;
}): NominationStatus | null {
  if (last.by_role !== "office" || last.undo_of !== null || last.from_status === null) return null;
  return last.to_status === "returned" || last.to_status === "submitted" ? null : last.from_status;
}

/** Why the unit can no longer change a nomination (its documents, withdrawing it), by where it stands; null while it can. */
export type UnitLock =
  | "with-office"
  | "forwarded"
  | "awarded"
  | "rejected"
  | "not_passed"
  | "declined"
  | "withdrawn";

export function unitLock(route: FormRoute | undefined, status: NominationStatus): UnitLock | null {
  if (inUnitHands(status)) return null;
  if (status === "rejected" || status === "not_passed" || status === "declined" || status === "withdrawn")
    return status;
  const at = route ? positionOf(route, status) : null;
  if (route && at === route.steps.length - 1) return "awarded";
  return at !== null && at >= 1 ? "forwarded" : "with-office";
}
