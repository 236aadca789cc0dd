import { deleteAwardDraft, findAwardDraft } from "../../db/award-drafts.js";
import type { DB } from "../../db/connection.js";
import { reopenDossier } from "../../db/dossiers.js";
import {
  applyMove,
  countAgainstQuota,
  type Decision,
  findNomination,
  moveOfUpdate,
  nominationHistory,
} from "../../db/nominations.js";
import { findRound } from "../../db/rounds.js";
import { insertRouteRecord } from "../../db/route-records.js";
import type { Nomination, NominationHistory } from "../../db/schema.js";
import type { Actor } from "../context.js";
import type { AppDeps } from "../deps.js";
import { type NominationStatus, type TransitionProblem, transitionProblem } from "../domain/nominations.js";
import { quotaStatuses, routeOf, stepOf, undoTarget } from "../domain/routes.js";
import type { Refusal } from "./access.js";

type Deps = Pick<AppDeps, "db" | "campaign" | "clock">;

export type ReviewOutcome =
  | {
      ok: true;
      nomination: Nomination;
      from: NominationStatus;
      to: NominationStatus;
      reason: string | null;
      /** The history entry of the move; a re-handled update finds the one it made before. */
      historyId: number;
    }
  | { ok: false; problem: TransitionProblem; nomination: Nomination }
  | Refusal;

/**
 * Why the Office may not make this move now (the move, its reason, the form's quota counted in `trx`, the
 * transaction that will make it), "no-form" if the nomination's form is gone from the campaign, or null.
 */
export async function officeMoveProblem(
  deps: Deps,
  trx: DB,
  nomination: Nomination,
  to: NominationStatus,
  reason: string | null,
): Promise<TransitionProblem | "no-form" | null> {
  const form = deps.campaign.awardForms.find((f) => f.id === nomination.form_id);
  const route = routeOf(deps.campaign, nomination.form_id);
  if (!form || !route) return "no-form";
  return transitionProblem({
    route,
    from: nomination.status,
    to,
    by: "office",
    reason: reason ?? undefined,
    form,
    nomineeKind: nomination.nominee_kind,
    alreadyCounted: await countAgainstQuota(
      trx,
      nomination.round_year,
      form.id,
      nomination.nominee_kind,
      quotaStatuses(route),
    ),
  });
}

/**
 * The Office moves a nomination on. The role, the move, the reason and the form's quota are checked inside
 * the transaction that makes the move, so two Office members cannot both take the last place in a quota.
 */
export async function moveOn(
  deps: Deps,
  actor: Actor | undefined,
  request: { nominationId: number; to: NominationStatus; reason: string | null; updateId: number },
): Promise<ReviewOutcome> {
  if (actor?.role !== "office") return { ok: false, key: "office-only" };
  const reason = request.reason?.trim() || null;
  return deps.db.transaction().execute(async (trx): Promise<ReviewOutcome> => {
    const nomination = await findNomination(trx, request.nominationId);
    if (!nomination) return { ok: false, key: "nm-stale-button" };
    // The same update handled again after a crash: its move is already made.
    const earlier = await moveOfUpdate(trx, nomination.id, request.updateId);
    if (earlier?.from_status)
      return {
        ok: true,
        nomination,
        from: earlier.from_status,
        to: earlier.to_status,
        reason: earlier.reason,
        historyId: earlier.id,
      };
    // An award is recorded with its decision (recordAward), a proposal with its Tờ trình: never by a bare move.
    const kind = stepOf(deps.campaign, request.to)?.kind;
    if (kind === "decision") return { ok: false, key: "nm-award-needs-decision" };
    if (kind === "proposal" || kind === "council") return { ok: false, key: "nm-move-not-allowed" };
    const from = nomination.status;
    const problem = await officeMoveProblem(deps, trx, nomination, request.to, reason);
    if (problem === "no-form") return { ok: false, key: "nm-stale-button" };
    if (problem) return { ok: false, problem, nomination };
    const now = deps.clock();
    const historyId = await applyMove(
      trx,
      {
        id: nomination.id,
        from,
        to: request.to,
        by: actor.telegramId,
        byRole: "office",
        reason,
        updateId: request.updateId,
      },
      now,
    );
    // A nomination sent back for correction reopens the unit's dossier so its head can fix and resend it.
    if (request.to === "returned" && reason)
      await reopenDossier(
        trx,
        nomination.round_year,
        nomination.unit_id,
        actor.telegramId,
        reason,
        now,
        true,
      );
    const moved = await findNomination(trx, nomination.id);
    if (historyId === undefined) return { ok: false, problem: { kind: "not_allowed" }, nomination };
    return { ok: true, nomination: moved ?? nomination, from, to: request.to, reason, historyId };
  });
}

export type AwardOutcome =
  | { ok: true; nomination: Nomination; decision: Decision; historyId: number; again: boolean }
  | { ok: false; key: "nm-award-incomplete" | "nm-stale-button" | "office-only" | "nm-round-closed" }
  | { ok: false; key: "nm-already-awarded"; decision: Decision | null; by: string | null; at: string }
  | { ok: false; problem: TransitionProblem; nomination: Nomination };

/**
 * Records the award of a nomination with the decision the Office member typed in (their draft), in one
 * transaction with the check that it still stands recommended: of two Office members confirming at once, one
 * decision is stored and the other is told whose it was.
 */
export async function recordAward(
  deps: Deps,
  actor: Actor | undefined,
  nominationId: number,
  updateId: number,
): Promise<AwardOutcome> {
  if (actor?.role !== "office") return { ok: false, key: "office-only" };
  return deps.db.transaction().execute(async (trx): Promise<AwardOutcome> => {
    const nomination = await findNomination(trx, nominationId);
    if (!nomination) return { ok: false, key: "nm-stale-button" };
    const earlier = await moveOfUpdate(trx, nomination.id, updateId);
    const decisionStep = routeOf(deps.campaign, nomination.form_id)?.steps.at(-1);
    if (!decisionStep) return { ok: false, key: "nm-stale-button" };
    if (earlier?.to_status === decisionStep.id && earlier.decision)
      return {
        ok: true,
        nomination,
        decision: JSON.parse(earlier.decision) as Decision,
        historyId: earlier.id,
        again: true,
      };
    if (nomination.status === decisionStep.id) {
      const last = (await nominationHistory(trx, nomination.id)).findLast(
        (e) => e.to_status === decisionStep.id,
      );
      return {
        ok: false,
        key: "nm-already-awarded",
        decision: last?.decision ? (JSON.parse(last.decision) as Decision) : null,
        by: last?.by_name ?? null,
        at: last?.at ?? nomination.updated_at,
      };
    }
    const round = await findRound(trx, nomination.round_year);
    if (round?.status !== "open") return { ok: false, key: "nm-round-closed" };
    const problem = await officeMoveProblem(deps, trx, nomination, decisionStep.id, null);
    if (problem === "no-form") return { ok: false, key: "nm-stale-button" };
    if (problem) return { ok: false, problem, nomination };
    const key = { nominationId, officeId: actor.telegramId };
    const draft = await findAwardDraft(trx, key);
    if (!draft?.decision_number || !draft.decision_date || !draft.decision_issuer)
      return { ok: false, key: "nm-award-incomplete" };
    const decision = {
      number: draft.decision_number,
      date: draft.decision_date,
      issuer: draft.decision_issuer,
    };
    // The decision is a record of the route like one made with /record: for this one nomination.
    const recordId = await insertRouteRecord(
      trx,
      {
        year: nomination.round_year,
        formId: nomination.form_id,
        stepId: decisionStep.id,
        kind: "decision",
        number: decision.number,
        date: decision.date,
        party: decision.issuer,
        nominationIds: [nomination.id],
        by: actor.telegramId,
        updateId,
      },
      deps.clock(),
    );
    const historyId = await applyMove(
      trx,
      {
        id: nomination.id,
        from: nomination.status,
        to: decisionStep.id,
        by: actor.telegramId,
        byRole: "office",
        reason: null,
        updateId,
        decision,
        recordId,
      },
      deps.clock(),
    );
    if (historyId === undefined) return { ok: false, problem: { kind: "not_allowed" }, nomination };
    await deleteAwardDraft(trx, key);
    const awarded = await findNomination(trx, nomination.id);
    return { ok: true, nomination: awarded ?? nomination, decision, historyId, again: false };
  });
}

export type UndoOutcome =
  | {
      ok: true;
      nomination: Nomination;
      undone: NominationHistory;
      to: NominationStatus;
      historyId: number;
    }
  | {
      ok: false;
      key: "nm-undo-stale" | "nm-undo-not-allowed" | "nm-stale-button" | "office-only" | "nm-round-closed";
    };

/** The nomination's last move, as the Office may undo it (the card offers it), or undefined. */
export async function undoableMove(deps: Deps, nominationId: number): Promise<NominationHistory | undefined> {
  const last = (await nominationHistory(deps.db, nominationId)).at(-1);
  return last && undoTarget(last) !== null ? last : undefined;
}

/**
 * Undoes the nomination's last move, if it is still the last (`historyId`) and an Office decision; the undo is
 * itself a move in the history, with the reason. Undoing an award takes its decision off the nomination; the
 * history keeps it.
 */
export async function undoMove(
  deps: Deps,
  actor: Actor | undefined,
  request: { nominationId: number; historyId: number; reason: string; updateId: number },
): Promise<UndoOutcome> {
  if (actor?.role !== "office") return { ok: false, key: "office-only" };
  return deps.db.transaction().execute(async (trx): Promise<UndoOutcome> => {
    const nomination = await findNomination(trx, request.nominationId);
    if (!nomination) return { ok: false, key: "nm-stale-button" };
    const history = await nominationHistory(trx, nomination.id);
    const last = history.at(-1);
    const undone = history.find((e) => e.id === request.historyId);
    // Handled again after a crash: the undo is the last move now, and undoes the one asked.
    if (
      last &&
      last.undo_of === request.historyId &&
      last.update_id === request.updateId &&
      undone &&
      last.to_status
    )
      return { ok: true, nomination, undone, to: last.to_status, historyId: last.id };
    if (!last || last.id !== request.historyId || !undone) return { ok: false, key: "nm-undo-stale" };
    const to = undoTarget(last);
    if (to === null) return { ok: false, key: "nm-undo-not-allowed" };
    const round = await findRound(trx, nomination.round_year);
    if (round?.status !== "open") return { ok: false, key: "nm-round-closed" };
    const historyId = await applyMove(
      trx,
      {
        id: nomination.id,
        from: last.to_status,
        to,
        by: actor.telegramId,
        byRole: "office",
        reason: request.reason,
        updateId: request.updateId,
        undoOf: last.id,
      },
      deps.clock(),
    );
    if (historyId === undefined) return { ok: false, key: "nm-undo-stale" };
    const after = await findNomination(trx, nomination.id);
    return { ok: true, nomination: after ?? nomination, undone, to, historyId };
  });
}
