import { listProofFiles, loadAnswers } from "../../db/assessments.js";
import type { Assessment, AssessmentFile, Language, Round } from "../../db/schema.js";
import type { AppDeps } from "../deps.js";
import { criterionKey, nextStep, questionnaireFor } from "../domain/assessment.js";
import { escapeHtml } from "../html.js";
import { type AssessmentState, withAnswerBeingChanged } from "./service.js";
import { summaryView, translator } from "./view.js";

/** The command that opens one self-assessment read-only: /xem_2001 (a person), /xem_u3 (a unit's own). */
export const readCommand = (subject: "individual" | "unit", subjectId: number) =>
  `/xem_${subject === "unit" ? "u" : ""}${subjectId}`;

export const READ_COMMAND = /^\/xem_(u?)(\d+)(?:@\w+)?$/;

/**
 * Someone else's self-assessment as its summary shows it, read-only (no buttons), headed by whose it is, and
 * its proof files, numbered as the pages list them, for the reader to fetch one by one.
 */
export async function readOnlyPages(
  deps: Pick<AppDeps, "db" | "campaign" | "clock" | "i18n">,
  round: Round,
  assessment: Assessment,
  whose: string,
  unitName: string,
  language: Language,
): Promise<{ pages: string[]; files: AssessmentFile[] }> {
  const t = translator(deps, language);
  const questionnaire = questionnaireFor(deps.campaign, assessment.subject);
  // A change in progress shows the answer as it stood: the reader sees what was given, not a half-edit.
  const answers = withAnswerBeingChanged(
    questionnaire,
    assessment,
    await loadAnswers(deps.db, assessment.id),
  );
  const state: AssessmentState = {
    round,
    assessment,
    questionnaire,
    answers,
    step: nextStep(questionnaire, answers),
    locked: false,
    lockedByDecision: null,
    deadline: new Date(round.deadline_at),
    extendedUntil: null,
    unitName,
  };
  const files = await listProofFiles(deps.db, assessment.id);
  const view = await summaryView(deps, state, t, language, files);
  const criterionOf = (itemKey: string) =>
    questionnaire.criteria.findIndex((criterion) => criterionKey(criterion.id) === itemKey) + 1;
  const fileLines = files.map((file, index) =>
    t("av-file-line", {
      number: index + 1,
      name: escapeHtml(file.file_name ?? t(file.kind === "photo" ? "as-file-photo" : "as-file-unnamed")),
      criterion: criterionOf(file.item_key),
    }),
  );
  const pages = [`${t("av-heading", { whose })}\n\n${view.pages[0] ?? ""}`, ...view.pages.slice(1)];
  if (fileLines.length > 0)
    pages.push([t("av-files-title", { count: files.length }), ...fileLines].join("\n"));
  return { pages, files };
}
