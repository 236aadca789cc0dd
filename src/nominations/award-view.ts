import { InlineKeyboard } from "grammy";
import { findAwardDraft } from "../../db/award-drafts.js";
import { findNomination, nominationHistory } from "../../db/nominations.js";
import type { Nomination } from "../../db/schema.js";
import type { AppDeps } from "../deps.js";
import { formatLocalDateTime } from "../domain/time.js";
import { escapeHtml } from "../html.js";
import type { Screen, ViewContext } from "../screen.js";
import { decisionText, formName, nomineeLabel, statusWord } from "./render.js";

/** The award decision typed in, shown whole before it is recorded, with the buttons to confirm or drop it. */
export async function awardConfirmation(
  deps: Pick<AppDeps, "db" | "campaign">,
  c: ViewContext,
  key: { nominationId: number; officeId: number },
): Promise<Screen> {
  const [nomination, draft] = await Promise.all([
    findNomination(deps.db, key.nominationId),
    findAwardDraft(deps.db, key),
  ]);
  const keyboard = new InlineKeyboard();
  if (!nomination || !draft?.decision_number || !draft.decision_date || !draft.decision_issuer)
    return { text: c.t("nm-award-incomplete"), keyboard };
  const decision = {
    number: draft.decision_number,
    date: draft.decision_date,
    issuer: draft.decision_issuer,
  };
  keyboard
    .text(c.t("aw-confirm-button"), `aw:ok:${nomination.id}`)
    .row()
    .text(c.t("aw-drop-button"), `aw:no:${nomination.id}`);
  return {
    text: c.t("aw-confirm", {
      nominee: nomineeLabel(c.t, nomination),
      form: escapeHtml(formName(c.campaign, nomination.form_id, c.language)),
      decision: decisionText(c.t, decision),
    }),
    keyboard,
  };
}

/**
 * Why an award cannot be recorded now: where the nomination stands, and who moved it there when (someone
 * returned, rejected or undid it since the button was shown).
 */
export async function awardStaleText(
  deps: Pick<AppDeps, "db" | "campaign">,
  c: ViewContext,
  nomination: Nomination,
): Promise<string> {
  const last = (await nominationHistory(deps.db, nomination.id)).at(-1);
  return c.t("nm-award-stale", {
    status: statusWord(c, nomination.status),
    by: escapeHtml(last?.by_name ?? c.t(`nm-by-${last?.by_role ?? "office"}`)),
    at: formatLocalDateTime(new Date(last?.at ?? nomination.updated_at), c.campaign.timeZone),
  });
}
