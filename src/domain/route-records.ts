import { type FormRoute, type NominationStatus, routeMoves } from "./routes.js";

/**
 * What the Office records beyond the Council, as pure checks: which records a route asks for (a Tờ trình, a
 * decision, a refusal by the level above), the number each carries, and where a nomination stands on its route.
 */

/** A record the Office makes for a list of nominations standing at `from`: they all move to `to`. */
export interface RecordTask {
  from: NominationStatus;
  to: NominationStatus;
  kind: "propose" | "decide" | "decline";
}

const RECORDED = new Set(["propose", "decide", "decline"]);

/** Every record the route asks of the Office, in the route's order: a proposal, a decision, a refusal. */
export function recordTasks(route: FormRoute): RecordTask[] {
  return route.steps.flatMap((step) =>
    routeMoves(route, step.id)
      .filter((move) => move.by === "office" && RECORDED.has(move.kind))
      .map((move) => ({ from: move.from, to: move.to, kind: move.kind as RecordTask["kind"] })),
  );
}

export type RecordNumberCheck = { ok: true; number: string } | { ok: false };

/**
 * A Tờ trình's number and symbol: "15/TTr-STP", "45/TTr-UBND". Spaces around the marks and the case of "TTr"
 * are forgiven; the issuer's symbol keeps its own case.
 */
export function checkSubmissionNumber(text: string): RecordNumberCheck {
  const match = /^(\d{1,6})\s*\/\s*ttr\s*-\s*([\p{L}\d]+(?:-[\p{L}\d]+)*)$/iu.exec(
    text.normalize("NFC").trim(),
  );
  if (!match) return { ok: false };
  return { ok: true, number: `${Number(match[1])}/TTr-${match[2]}` };
}

/** Where a status stands on its route: step `at` of `of` (1-based), or null for a status off the route. */
export function routeProgress(route: FormRoute, status: NominationStatus): { at: number; of: number } | null {
  const index = route.steps.findIndex((step) => step.id === status);
  return index === -1 ? null : { at: index + 1, of: route.steps.length };
}

/** The nominations of a checklist that are ticked: those shown, less those unticked. */
export function tickedIds(shown: readonly number[], unticked: readonly number[]): number[] {
  const off = new Set(unticked);
  return shown.filter((id) => !off.has(id));
}

/** Ticks or unticks one nomination of a checklist; a nomination not shown on it changes nothing. */
export function toggleTick(shown: readonly number[], unticked: readonly number[], id: number): number[] {
  if (!shown.includes(id)) return [...unticked];
  return unticked.includes(id) ? unticked.filter((other) => other !== id) : [...unticked, id];
}
