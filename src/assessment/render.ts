import { InlineKeyboard } from "grammy";
import type { ItemFile } from "../../db/assessments.js";
import type { Language } from "../../db/schema.js";
import { type Campaign, type Criterion, RATING_PENDING } from "../campaign/schema.js";
import { buttonData, keptChange, removeFileButton } from "../domain/answering.js";
import {
  type Answers,
  type AreaAnswer,
  areaKey,
  awaitsRating,
  type CriterionAnswer,
  criterionKey,
  evaluate,
  formsToConsider,
  isCriterionComplete,
  type Step,
  type Subject,
} from "../domain/assessment.js";
import { FILES_PER_CRITERION_MAX, formatIsoDate } from "../domain/evidence.js";
import { formatLocalDateTime } from "../domain/time.js";
import { escapeHtml } from "../html.js";
import { localised } from "../i18n.js";
import { statusWord } from "../nominations/render.js";
import type { AssessmentState } from "./service.js";

export type Translate = (key: string, variables?: Record<string, string | number>) => string;

export interface Rendered {
  text: string;
  keyboard?: InlineKeyboard;
}

interface RenderContext {
  t: Translate;
  language: Language;
  campaign: Campaign;
}

const subjectVar = (subject: Subject) => (subject === "unit" ? "unit" : "individual");

function councilName(criterion: Criterion, id: string | undefined, language: Language): string {
  if (criterion.evidence.kind !== "initiative") return "";
  const council = criterion.evidence.councils.find((c) => c.id === id);
  return council ? localised(council.name, language) : "";
}

function ratingName(criterion: Criterion, id: string | undefined, language: Language): string {
  if (criterion.evidence.kind !== "rating") return "";
  const level = criterion.evidence.levels.find((l) => l.id === id);
  return level ? localised(level.name, language) : "";
}

/** The rating given, or the campaign's words for "not known yet" when that was the answer. */
function ratingAnswerName(
  criterion: Criterion,
  answer: CriterionAnswer,
  language: Language,
): string | undefined {
  if (answer.rating !== undefined) return ratingName(criterion, answer.rating, language);
  if (awaitsRating(criterion, answer) && criterion.evidence.kind === "rating" && criterion.evidence.pending)
    return localised(criterion.evidence.pending, language);
  return undefined;
}

/** The stored answer to a question, as a person reads it (for "previous answer: …" while changing it). */
function previousValue(
  r: RenderContext,
  step: Step,
  backup: CriterionAnswer | AreaAnswer | null,
): string | undefined {
  if (!backup || step.kind === "summary") return undefined;
  if (step.kind === "area") {
    const text = (backup as AreaAnswer).text;
    return text === undefined ? undefined : text === null ? r.t("as-skipped") : escapeHtml(text);
  }
  const answer = backup as CriterionAnswer;
  switch (step.field) {
    case "met":
      return answer.met === undefined ? undefined : r.t(answer.met ? "as-yes" : "as-no");
    case "account":
      return answer.account === undefined
        ? undefined
        : answer.account === null
          ? r.t("as-skipped")
          : escapeHtml(answer.account);
    case "initiativeName":
      return answer.initiativeName && escapeHtml(answer.initiativeName);
    case "decisionNumber":
      return answer.decisionNumber && escapeHtml(answer.decisionNumber);
    case "decisionDate":
      return answer.decisionDate && formatIsoDate(answer.decisionDate);
    case "council":
      return answer.council && councilName(step.criterion, answer.council, r.language);
    case "rating":
      return ratingAnswerName(step.criterion, answer, r.language);
    case "files":
      return undefined;
  }
}

/** One question: where it stands, the criterion in the plan's words, what to answer, and its buttons. */
export function renderQuestion(
  r: RenderContext,
  state: AssessmentState,
  backup: CriterionAnswer | AreaAnswer | null,
  /** The proof files sent for the question's criterion (only for the files question). */
  filesOnItem: readonly ItemFile[],
): Rendered {
  const step = state.step;
  const subject = subjectVar(state.questionnaire.subject);
  const year = String(state.round.year);
  const keyboard = new InlineKeyboard();
  const lines: string[] = [];
  if (step.kind === "summary") throw new Error("the summary is rendered by renderSummary");

  if (step.kind === "area") {
    lines.push(r.t("as-progress-area", { index: step.index + 1, total: step.total }));
    lines.push(r.t("as-ask-area", { subject, year, area: localised(step.area.name, r.language) }));
    keyboard.text(r.t("as-skip"), buttonData(step, "skip"));
  } else {
    const { criterion } = step;
    lines.push(
      r.t("as-progress-criterion", { index: step.index + 1, total: step.total, code: criterion.code }),
    );
    // The criterion's words open its first question; the questions after it follow right below.
    const opensCriterion = step.field === "met" || step.field === "rating";
    if (opensCriterion || backup) lines.push(`<i>${escapeHtml(localised(criterion.text, r.language))}</i>`);
    lines.push("");
    const current = state.answers.criteria[criterion.id] ?? {};
    switch (step.field) {
      case "met":
        lines.push(r.t("as-ask-met", { subject }));
        keyboard.text(r.t("as-yes"), buttonData(step, "yes")).text(r.t("as-no"), buttonData(step, "no"));
        break;
      case "account":
        lines.push(r.t(current.met === false ? "as-ask-account-not-met" : "as-ask-account", { subject }));
        if (current.met === false) keyboard.text(r.t("as-skip"), buttonData(step, "skip"));
        break;
      case "initiativeName":
        lines.push(r.t("as-ask-initiative-name"));
        break;
      case "decisionNumber":
        lines.push(r.t("as-ask-decision-number"));
        break;
      case "decisionDate":
        lines.push(r.t("as-ask-decision-date"));
        break;
      case "council":
        lines.push(r.t("as-ask-council"));
        if (criterion.evidence.kind === "initiative") {
          for (const council of criterion.evidence.councils) {
            keyboard.text(localised(council.name, r.language), buttonData(step, council.id)).row();
          }
        }
        break;
      case "rating":
        lines.push(r.t("as-ask-rating", { subject, year }));
        if (criterion.evidence.kind === "rating") {
          for (const level of criterion.evidence.levels) {
            keyboard.text(localised(level.name, r.language), buttonData(step, level.id)).row();
          }
          const { pending } = criterion.evidence;
          if (pending)
            keyboard.text(`⏳ ${localised(pending, r.language)}`, buttonData(step, RATING_PENDING)).row();
        }
        break;
      case "files":
        if (filesOnItem.length === 0) lines.push(r.t("as-ask-files", { max: FILES_PER_CRITERION_MAX }));
        else {
          lines.push(r.t("as-files-received", { count: filesOnItem.length, max: FILES_PER_CRITERION_MAX }));
          for (const [index, file] of filesOnItem.entries()) {
            const name = file.file_name ?? r.t(file.kind === "photo" ? "as-file-photo" : "as-file-unnamed");
            lines.push(`${index + 1}. ${escapeHtml(name)}`);
            keyboard.text(r.t("as-file-remove", { number: index + 1 }), removeFileButton(step, file.id));
          }
          keyboard.row();
        }
        keyboard.text(r.t("as-files-done"), buttonData(step, "done"));
        break;
    }
  }
  const previous = previousValue(r, step, backup);
  if (previous !== undefined) lines.push("", r.t("as-previous", { value: previous }));
  const current = step.kind === "criterion" ? (state.answers.criteria[step.criterion.id] ?? {}) : {};
  // The files question has its own "Xong", which keeps the files already sent.
  if (previous !== undefined && keptChange(step, current, backup)) {
    keyboard.row().text(r.t("as-keep"), buttonData(step, "keep"));
  }
  return { text: lines.join("\n"), keyboard };
}

export interface SummaryFiles {
  item_key: string;
}

/** Every answer, what is not met, which award forms the answers support; one line per answer. */
export function summaryLines(
  r: RenderContext,
  state: AssessmentState,
  files: readonly SummaryFiles[],
): string[] {
  const { questionnaire, answers } = state;
  const lines: string[] = [];
  for (const [index, criterion] of questionnaire.criteria.entries()) {
    const answer = answers.criteria[criterion.id] ?? {};
    const mark = !isCriterionComplete(criterion, answer)
      ? "▫️"
      : awaitsRating(criterion, answer)
        ? "⏳"
        : answer.met
          ? "✅"
          : "❌";
    lines.push(`${mark} <b>${index + 1}.</b> ${escapeHtml(localised(criterion.text, r.language))}`);
    lines.push(
      ...evidenceLines(
        r,
        criterion,
        answer,
        files.filter((f) => f.item_key === criterionKey(criterion.id)).length,
      ),
    );
  }
  lines.push("", r.t("as-summary-areas"));
  for (const area of questionnaire.areas) {
    const text = answers.areas[area.id]?.text;
    const value =
      text === undefined ? r.t("as-unanswered") : text === null ? r.t("as-skipped") : escapeHtml(text);
    lines.push(`• <b>${escapeHtml(localised(area.name, r.language))}</b>: ${value}`);
  }
  lines.push("", ...verdictLines(r, state));
  return lines;
}

function evidenceLines(
  r: RenderContext,
  criterion: Criterion,
  answer: CriterionAnswer,
  fileCount: number,
): string[] {
  const lines: string[] = [];
  if (answer.rating)
    lines.push(`   ${r.t("as-ev-rating", { level: ratingName(criterion, answer.rating, r.language) })}`);
  else if (awaitsRating(criterion, answer)) lines.push(`   ${r.t("as-ev-rating-pending")}`);
  if (answer.initiativeName)
    lines.push(`   ${r.t("as-ev-initiative-name", { name: escapeHtml(answer.initiativeName) })}`);
  if (answer.decisionNumber) {
    lines.push(
      `   ${r.t("as-ev-initiative", {
        number: escapeHtml(answer.decisionNumber),
        date: answer.decisionDate ? formatIsoDate(answer.decisionDate) : "?",
        council: councilName(criterion, answer.council, r.language) || "?",
      })}`,
    );
  }
  if (answer.account) lines.push(`   ${escapeHtml(answer.account)}`);
  if (fileCount > 0) lines.push(`   ${r.t("as-ev-files", { count: fileCount })}`);
  return lines;
}

function verdictLines(r: RenderContext, state: AssessmentState): string[] {
  const { questionnaire, answers } = state;
  const evaluation = evaluate(questionnaire, answers);
  const number = (id: string) => String(questionnaire.criteria.findIndex((c) => c.id === id) + 1);
  const notMet = [...evaluation.notMet, ...evaluation.unanswered];
  const lines: string[] = [];
  if (notMet.length > 0) lines.push(r.t("as-verdict-not-met", { list: notMet.map(number).join(", ") }));
  else if (evaluation.awaitingRating.length === 0) lines.push(r.t("as-verdict-all-met"));
  // Not met until the rating is given, yet not "chưa đạt": said apart, with what to do once it is known.
  if (evaluation.awaitingRating.length > 0)
    lines.push(
      r.t("as-verdict-awaiting-rating", {
        list: evaluation.awaitingRating.map(number).join(", "),
        first: number(evaluation.awaitingRating[0] ?? ""),
      }),
    );
  const forms = formsToConsider(r.campaign, questionnaire, answers)
    .map((id) => r.campaign.awardForms.find((form) => form.id === id))
    .filter((form) => form !== undefined)
    .map((form) => localised(form.name, r.language));
  lines.push(
    forms.length > 0 ? r.t("as-verdict-forms", { forms: forms.join("; ") }) : r.t("as-verdict-no-forms"),
  );
  return lines;
}

/** The status line: draft, or submitted at …, and until when it can be changed. */
export function statusLine(r: RenderContext, state: AssessmentState): string {
  const zone = r.campaign.timeZone;
  const { assessment } = state;
  const until =
    state.extendedUntil && state.extendedUntil > state.deadline ? state.extendedUntil : state.deadline;
  const status =
    assessment.status === "submitted" && assessment.submitted_at
      ? r.t("as-status-submitted", { at: formatLocalDateTime(new Date(assessment.submitted_at), zone) })
      : r.t("as-status-draft");
  const lock = state.lockedByDecision
    ? r.t("as-status-locked-decided", { status: statusWord(r, state.lockedByDecision) })
    : state.locked
      ? r.t("as-status-locked")
      : r.t("as-status-open-until", { until: formatLocalDateTime(until, zone) });
  return `${status} ${lock}`;
}

/** The summary's buttons: submit (or done, once submitted), change any one answer, stop for now. */
export function summaryKeyboard(r: RenderContext, state: AssessmentState): InlineKeyboard {
  const step: Step = { kind: "summary" };
  const keyboard = new InlineKeyboard();
  const submitted = state.assessment.status === "submitted";
  keyboard
    .text(r.t(submitted ? "as-done" : "as-submit"), buttonData(step, submitted ? "stop" : "submit"))
    .row();
  state.questionnaire.criteria.forEach((criterion, index) => {
    keyboard.text(
      r.t("as-edit-criterion", { n: index + 1 }),
      buttonData(step, `edit:${criterionKey(criterion.id)}`),
    );
    if (index % 3 === 2) keyboard.row();
  });
  keyboard.row();
  state.questionnaire.areas.forEach((area, index) => {
    keyboard.text(r.t("as-edit-area", { n: index + 1 }), buttonData(step, `edit:${areaKey(area.id)}`));
    if (index % 3 === 2) keyboard.row();
  });
  keyboard.row();
  if (!submitted) keyboard.text(r.t("as-stop"), buttonData(step, "stop"));
  return keyboard;
}

export function answersAreEmpty(answers: Answers): boolean {
  return Object.keys(answers.criteria).length === 0 && Object.keys(answers.areas).length === 0;
}
