import type { InlineKeyboardButton } from "grammy/types";
import { listItemFiles, listProofFiles } from "../../db/assessments.js";
import type { AssessmentFile, Language } from "../../db/schema.js";
import type { AppDeps } from "../deps.js";
import { type AreaAnswer, type CriterionAnswer, type Subject, stepKey } from "../domain/assessment.js";
import { formatLocalDateTime } from "../domain/time.js";
import { escapeHtml } from "../html.js";
import type { UpdateReads } from "../middleware/update-scope.js";
import { statusWord } from "../nominations/render.js";
import { MESSAGE_LIMIT, paginate } from "../paging.js";
import type { ViewContext } from "../screen.js";
import { renderQuestion, statusLine, summaryKeyboard, summaryLines, type Translate } from "./render.js";
import {
  type AssessmentState,
  itemKeyOf,
  loadAssessment,
  type Unavailability,
  type Unavailable,
} from "./service.js";

/**
 * What to show next, as plain JSON: it is computed inside conversation.external, whose results the
 * conversation keeps in its log (so no Date, no class instances).
 */
export type View =
  | { kind: "unavailable"; problem: Unavailable; text: string }
  | { kind: "question"; text: string; keyboard: InlineKeyboardButton[][]; stepKey: string }
  | { kind: "summary"; pages: string[]; keyboard: InlineKeyboardButton[][] };

type Deps = Pick<AppDeps, "db" | "campaign" | "clock" | "i18n"> & { reads?: UpdateReads };

export function translator(deps: Pick<AppDeps, "i18n">, language: Language): Translate {
  return (key, variables) => deps.i18n.t(language, key, variables);
}

export function unavailableText(
  c: ViewContext,
  why: Unavailability,
  state?: AssessmentState,
  zone?: string,
): string {
  const { t } = c;
  const until = why.deadline ?? state?.deadline;
  const decided = why.decided ?? state?.lockedByDecision;
  if (why.problem === "locked" && decided)
    return t("as-unavailable-decided", { status: statusWord(c, decided) });
  if (why.problem === "locked" && until && zone) {
    return t("as-unavailable-locked", { deadline: formatLocalDateTime(until, zone) });
  }
  return t(`as-unavailable-${why.problem}`, { year: String(why.year ?? "") });
}

export async function currentView(
  deps: Deps,
  actorId: number,
  subject: Subject,
  language: Language,
): Promise<View> {
  const loaded = await loadAssessment(deps, actorId, subject);
  if (!loaded.ok) {
    const c = { t: translator(deps, language), language, campaign: deps.campaign };
    const text = unavailableText(c, loaded, undefined, deps.campaign.timeZone);
    return { kind: "unavailable", problem: loaded.problem, text };
  }
  return viewOf(deps, loaded.state, language);
}

/** What to show for an assessment in `state` (as just loaded, or as an answer just left it). */
export async function viewOf(deps: Deps, state: AssessmentState, language: Language): Promise<View> {
  const t = translator(deps, language);
  const r = { t, language, campaign: deps.campaign };
  if (state.locked) {
    return {
      kind: "unavailable",
      problem: "locked",
      text: unavailableText(r, { problem: "locked" }, state, deps.campaign.timeZone),
    };
  }
  const step = state.step;
  if (step.kind === "summary") return summaryView(deps, state, t, language);
  const editing = state.assessment.edit_item;
  const backup =
    editing === itemKeyOf(step) && state.assessment.edit_backup
      ? (JSON.parse(state.assessment.edit_backup) as CriterionAnswer | AreaAnswer)
      : null;
  const files =
    step.kind === "criterion" && step.field === "files"
      ? await listItemFiles(deps.db, state.assessment.id, itemKeyOf(step))
      : [];
  const rendered = renderQuestion(r, state, backup, files);
  return {
    kind: "question",
    text: rendered.text,
    keyboard: rendered.keyboard?.inline_keyboard ?? [],
    stepKey: stepKey(step),
  };
}

/** The whole assessment, split into messages that fit, with the status line and buttons at the end. */
export async function summaryView(
  deps: Deps,
  state: AssessmentState,
  t: Translate,
  language: Language,
  /** The assessment's proof files, when the caller has them already. */
  known?: readonly AssessmentFile[],
): Promise<Extract<View, { kind: "summary" }>> {
  const r = { t, language, campaign: deps.campaign };
  const files = known ?? (await listProofFiles(deps.db, state.assessment.id));
  const header = t("as-summary-title", {
    subject: state.questionnaire.subject === "unit" ? "unit" : "individual",
    unit: escapeHtml(state.unitName),
    year: String(state.round.year),
  });
  const footer = statusLine(r, state);
  const pages = paginate(header, summaryLines(r, state, files), footer, MESSAGE_LIMIT - 100);
  return { kind: "summary", pages, keyboard: summaryKeyboard(r, state).inline_keyboard };
}
