import { reopenDossier } from "../../db/dossiers.js";
import { applyMove, countAgainstQuota, findNomination, moveOfUpdate } from "../../db/nominations.js";
import type { Nomination } from "../../db/schema.js";
import type { Actor } from "../context.js";
import type { AppDeps } from "../deps.js";
import { type NominationStatus, type TransitionProblem, transitionProblem } from "../domain/nominations.js";
import type { Refusal } from "./access.js";

type Deps = Pick<AppDeps, "db" | "campaign" | "clock">;

export type ReviewOutcome =
  | { ok: true; nomination: Nomination; from: NominationStatus; to: NominationStatus; reason: string | null }
  | { ok: false; problem: TransitionProblem; nomination: Nomination }
  | Refusal;

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
      };
    const form = deps.campaign.awardForms.find((f) => f.id === nomination.form_id);
    if (!form) return { ok: false, key: "nm-stale-button" };
    const from = nomination.status;
    const problem = transitionProblem({
      from,
      to: request.to,
      role: "office",
      reason: reason ?? undefined,
      form,
      nomineeKind: nomination.nominee_kind,
      alreadyRecommended: await countAgainstQuota(
        trx,
        nomination.round_year,
        form.id,
        nomination.nominee_kind,
      ),
    });
    if (problem) return { ok: false, problem, nomination };
    const now = deps.clock();
    await applyMove(
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
    return { ok: true, nomination: moved ?? nomination, from, to: request.to, reason };
  });
}
