import { InlineKeyboard } from "grammy";
import { documentVersions } from "../../db/dossiers.js";
import { findNomination, nominationHistory } from "../../db/nominations.js";
import { standingRecordOf } from "../../db/route-records.js";
import type { Nomination } from "../../db/schema.js";
import { findUnitById } from "../../db/units.js";
import type { Actor } from "../context.js";
import { nominationBeforeCouncil } from "../council/agenda.js";
import type { AppDeps } from "../deps.js";
import { draftReportData } from "../documents/buttons.js";
import { reportKey, type TransitionProblem } from "../domain/nominations.js";
import { routeProgress } from "../domain/route-records.js";
import { nextStatuses, routeOf } from "../domain/routes.js";
import { canSeeNomination, scopeOfActor } from "../domain/visibility.js";
import { escapeHtml } from "../html.js";
import { localised } from "../i18n.js";
import type { Screen, ViewContext } from "../screen.js";
import { formName, moveButtonText, nominationCard, statusWord } from "./render.js";
import { undoableMove } from "./review.js";
import { proposalText } from "./route-records.js";

type Deps = Pick<AppDeps, "db" | "campaign" | "clock">;

/** Why a move was refused, in words: which quota, or that a reason is needed, or that it is no longer possible. */
export function transitionProblemText(c: ViewContext, problem: TransitionProblem, formId: string): string {
  if (problem.kind === "over_quota")
    return c.t(`nm-over-quota-${problem.nomineeKind}`, {
      form: escapeHtml(formName(c.campaign, formId, c.language)),
      quota: problem.quota,
    });
  return c.t(problem.kind === "reason_required" ? "input-reason-short" : "nm-move-not-allowed");
}

/**
 * Whether someone may see a nomination (the Office, its unit's head, the nominee, a member of the Council while
 * it is before the Council), and whether they see it as a member of the Council.
 */
export async function nominationAccess(
  deps: Deps,
  actor: Actor | undefined,
  nomination: Nomination,
): Promise<{ visible: boolean; beforeCouncil: boolean }> {
  const scope = scopeOfActor(actor);
  const beforeCouncil = scope.kind === "council" && (await nominationBeforeCouncil(deps, nomination));
  const visible = canSeeNomination(scope, {
    unitId: nomination.unit_id,
    nomineeKind: nomination.nominee_kind,
    nomineeId: nomination.nominee_id,
    beforeCouncil,
  });
  return { visible, beforeCouncil };
}

/**
 * A nomination opened by someone allowed to see it: the Office with buttons to move it on and to get the
 * nominee's report back; a head or the nominee without.
 */
export async function cardScreen(
  deps: Deps,
  c: ViewContext,
  actor: Actor | undefined,
  id: number,
): Promise<Screen> {
  const nomination = await findNomination(deps.db, id);
  const keyboard = new InlineKeyboard();
  const access = nomination ? await nominationAccess(deps, actor, nomination) : undefined;
  if (!nomination || !access?.visible) return { text: c.t("nm-not-visible"), keyboard };
  const { beforeCouncil } = access;
  const [unit, history, record] = await Promise.all([
    findUnitById(deps.db, nomination.unit_id),
    nominationHistory(deps.db, nomination.id),
    standingRecordOf(deps.db, nomination),
  ]);
  const route = routeOf(deps.campaign, nomination.form_id);
  const step = route ? routeProgress(route, nomination.status) : null;
  // A Tờ trình it stands on is shown; a decision is, on the nomination itself.
  const text = nominationCard(
    c,
    { ...nomination, unit_code: unit?.code ?? "?", unit_name: unit?.name ?? "?" },
    history,
    {
      ...(step ? { step: c.t("rr-card-step", step) } : {}),
      ...(record?.kind === "proposal" ? { record: proposalText(c, record) } : {}),
    },
  );
  // A member of the Council reads what the nomination rests on; nothing on the card moves it.
  if (beforeCouncil && actor?.role !== "office") {
    await readingButtons(deps, c, keyboard, nomination);
    keyboard.row().text(c.t("doc-draft-button"), draftReportData(nomination.id));
    return { text: `${text}\n\n${c.t("cn-card-read-only")}`, keyboard };
  }
  if (actor?.role !== "office") {
    keyboard.text(c.t("doc-draft-button"), draftReportData(nomination.id));
    // The head of a returned nomination is told what to do next.
    const next = nomination.status === "returned" ? `\n\n${c.t("nm-card-next-returned")}` : "";
    return { text: text + next, keyboard };
  }
  const moves = route ? nextStatuses(route, nomination.status, "office") : [];
  for (const to of moves) keyboard.text(moveButtonText(c, to), `nt:${nomination.id}:${to}`);
  if (moves.length > 0) keyboard.row();
  const undoable = await undoableMove(deps, nomination.id);
  if (undoable)
    keyboard
      .text(
        c.t("nm-undo-button", { status: statusWord(c, undoable.to_status) }),
        `nu:${nomination.id}:${undoable.id}`,
      )
      .row();
  // The nomination's own document (its Báo cáo thành tích), newest version first.
  const reportDocument = deps.campaign.dossier.documents.find((d) => d.per === "nominee");
  const [report] = reportDocument
    ? await documentVersions(deps.db, {
        year: nomination.round_year,
        unitId: nomination.unit_id,
        documentId: reportDocument.id,
        documentKey: reportKey(nomination.id),
      })
    : [];
  if (report) keyboard.text(c.t("nm-report-button"), `ds:doc:${report.id}`);
  keyboard.text(c.t("nm-unit-dossier-button"), `ds:u:${nomination.unit_id}`);
  // What the nomination rests on: the nominee's own self-assessment, read-only.
  const assessment =
    nomination.nominee_kind === "collective" ? `av:u:${nomination.unit_id}` : `av:i:${nomination.nominee_id}`;
  keyboard.row().text(c.t("av-open-button"), assessment);
  keyboard.text(c.t("doc-draft-button"), draftReportData(nomination.id));
  return { text, keyboard };
}

/** The buttons a member of the Council reads a nomination with: its dossier files and its nominee's assessment. */
async function readingButtons(
  deps: Deps,
  c: ViewContext,
  keyboard: InlineKeyboard,
  nomination: Nomination,
): Promise<void> {
  for (const document of deps.campaign.dossier.documents) {
    const [current] = await documentVersions(deps.db, {
      year: nomination.round_year,
      unitId: nomination.unit_id,
      documentId: document.id,
      documentKey: document.per === "nominee" ? reportKey(nomination.id) : "",
    });
    if (current)
      keyboard
        .text(`📎 ${localised(document.short ?? document.name, c.language)}`, `ds:doc:${current.id}`)
        .row();
  }
  const assessment =
    nomination.nominee_kind === "collective" ? `av:u:${nomination.unit_id}` : `av:i:${nomination.nominee_id}`;
  keyboard.text(c.t("av-open-button"), assessment);
}
