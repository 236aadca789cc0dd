import {
  type Answers,
  type AreaAnswer,
  areaKey,
  type CriterionAnswer,
  criterionKey,
  type Questionnaire,
  ratingMeets,
  type Step,
  stepKey,
} from "./assessment.js";
import {
  ACCOUNT_MIN_CHARS,
  checkAccount,
  checkDecisionDate,
  checkDecisionNumber,
  checkMetAccount,
  checkProofFile,
  FILES_PER_CRITERION_MAX,
} from "./evidence.js";
import { searchKey } from "./names.js";

export interface ProofFileInput {
  fileId: string;
  uniqueId: string;
  kind: "document" | "photo";
  fileName?: string | undefined;
  mimeType?: string | undefined;
  size?: number | undefined;
}

/** What a person sent, reduced to plain data (it crosses the conversation's replay log). */
export type AnswerInput =
  | { type: "text"; text: string }
  | { type: "button"; data: string }
  | { type: "file"; file: ProofFileInput }
  | { type: "other" };

export type Interpretation =
  | { kind: "save"; itemKey: string; data: CriterionAnswer | AreaAnswer }
  | { kind: "file"; itemKey: string; file: ProofFileInput }
  | { kind: "problem"; key: string; vars?: Record<string, string | number> }
  | { kind: "stale" }
  | { kind: "submit" }
  | { kind: "stop" }
  | { kind: "edit"; itemKey: string };

export const BUTTON_PREFIX = "as:";

export interface AnswerContext {
  now: Date;
  timeZone: string;
  /** The value kept aside while this item is being changed from the summary. */
  backup: CriterionAnswer | AreaAnswer | null;
  filesOnItem: number;
}

/** The button data for `value` on the question `step`: a press is only taken while that question is open. */
export function buttonData(step: Step, value: string): string {
  return `${BUTTON_PREFIX}${stepKey(step)}:${value}`;
}

function pressedValue(step: Step, input: AnswerInput): string | null | undefined {
  if (input.type !== "button") return undefined;
  const prefix = `${BUTTON_PREFIX}${stepKey(step)}:`;
  return input.data.startsWith(prefix) ? input.data.slice(prefix.length) : null;
}

/**
 * What "Giữ nguyên" (keep) stores on `step` while an answer is being changed, or null where keeping is not
 * possible: nothing was stored before, or the old value no longer fits (a skipped account once the criterion
 * is now answered as met).
 */
export function keptChange(
  step: Step,
  current: CriterionAnswer,
  backup: CriterionAnswer | AreaAnswer | null,
): CriterionAnswer | AreaAnswer | null {
  if (!backup || step.kind === "summary") return null;
  if (step.kind === "area") {
    const text = (backup as AreaAnswer).text;
    return text === undefined ? null : { text };
  }
  const old = backup as CriterionAnswer;
  switch (step.field) {
    case "files":
      return { filesDone: true };
    case "rating":
      return old.rating === undefined ? null : { rating: old.rating, met: old.met ?? false };
    case "account":
      if (old.account === undefined || (old.account === null && current.met !== false)) return null;
      return { account: old.account };
    default: {
      const value = old[step.field];
      return value === undefined ? null : { [step.field]: value };
    }
  }
}

/** What people type for the Đạt / Chưa đạt buttons (the buttons' words, and yes or no), as the typing key. */
const TYPED_YES = new Set(["dat", "co", "dong y", "yes", "met"]);
const TYPED_NO = new Set(["chua dat", "khong", "khong dat", "no", "not met"]);

/** A typed yes or no, ignoring case, diacritics (đ as d), emoji and end punctuation; otherwise undefined. */
export function typedYesNo(text: string): "yes" | "no" | undefined {
  const key = searchKey(text.replace(/[^\p{L}\p{M}\p{N}\s]/gu, " "));
  if (TYPED_YES.has(key)) return "yes";
  if (TYPED_NO.has(key)) return "no";
  return undefined;
}

/** Decides what an answer means for the open question, without touching storage. */
export function interpretAnswer(
  questionnaire: Questionnaire,
  answers: Answers,
  step: Step,
  input: AnswerInput,
  context: AnswerContext,
): Interpretation {
  const pressed = pressedValue(step, input);
  if (pressed === null) return { kind: "stale" };

  if (step.kind === "summary") {
    if (pressed === "submit") return { kind: "submit" };
    if (pressed === "stop") return { kind: "stop" };
    const edited = pressed?.startsWith("edit:") ? pressed.slice("edit:".length) : undefined;
    const known = [
      ...questionnaire.criteria.map((c) => criterionKey(c.id)),
      ...questionnaire.areas.map((a) => areaKey(a.id)),
    ];
    if (edited && known.includes(edited)) return { kind: "edit", itemKey: edited };
    return { kind: "problem", key: "flow-press-button" };
  }

  if (step.kind === "area") {
    const itemKey = areaKey(step.area.id);
    if (pressed === "skip") return { kind: "save", itemKey, data: { text: null } };
    const kept = pressed === "keep" ? keptChange(step, {}, context.backup) : null;
    if (kept) return { kind: "save", itemKey, data: kept };
    if (input.type !== "text") return { kind: "problem", key: "flow-text-expected" };
    const checked = checkAccount(input.text);
    if (!checked.ok) return { kind: "problem", key: `as-text-${checked.reason}` };
    return { kind: "save", itemKey, data: { text: checked.value } };
  }

  const { criterion, field } = step;
  const itemKey = criterionKey(criterion.id);
  const current = answers.criteria[criterion.id] ?? {};
  const save = (change: CriterionAnswer): Interpretation => ({
    kind: "save",
    itemKey,
    data: { ...current, ...change },
  });

  const kept = pressed === "keep" ? keptChange(step, current, context.backup) : null;
  if (kept) return save(kept as CriterionAnswer);

  switch (field) {
    case "met": {
      const choice = pressed ?? (input.type === "text" ? typedYesNo(input.text) : undefined);
      if (choice === "yes" || choice === "no") return save({ met: choice === "yes" });
      return { kind: "problem", key: "flow-press-button" };
    }
    case "rating": {
      if (criterion.evidence.kind !== "rating") return { kind: "problem", key: "flow-press-button" };
      const level = criterion.evidence.levels.find((candidate) => candidate.id === pressed);
      if (!level) return { kind: "problem", key: "flow-press-button" };
      return save({ rating: level.id, met: ratingMeets(criterion, level.id) });
    }
    case "council": {
      if (criterion.evidence.kind !== "initiative") return { kind: "problem", key: "flow-press-button" };
      const council = criterion.evidence.councils.find((candidate) => candidate.id === pressed);
      return council ? save({ council: council.id }) : { kind: "problem", key: "flow-press-button" };
    }
    case "account": {
      if (pressed === "skip" && current.met === false) return save({ account: null });
      if (input.type !== "text") return { kind: "problem", key: "flow-text-expected" };
      // Met, the account is what shows it: a sentence at least. Not met, a word of why is enough.
      const checked = current.met === false ? checkAccount(input.text) : checkMetAccount(input.text);
      if (checked.ok) return save({ account: checked.value });
      return checked.reason === "no_sentence"
        ? { kind: "problem", key: "as-account-no-sentence", vars: { min: ACCOUNT_MIN_CHARS } }
        : { kind: "problem", key: `as-text-${checked.reason}` };
    }
    case "decisionNumber": {
      if (input.type !== "text") return { kind: "problem", key: "flow-text-expected" };
      const checked = checkDecisionNumber(input.text);
      return checked.ok
        ? save({ decisionNumber: checked.value })
        : { kind: "problem", key: `as-decision-number-${checked.reason}` };
    }
    case "decisionDate": {
      if (input.type !== "text") return { kind: "problem", key: "flow-text-expected" };
      const checked = checkDecisionDate(input.text, context.now, context.timeZone);
      return checked.ok
        ? save({ decisionDate: checked.value })
        : { kind: "problem", key: `as-decision-date-${checked.reason}` };
    }
    case "files": {
      if (pressed === "done") return save({ filesDone: true });
      if (input.type !== "file") return { kind: "problem", key: "as-files-expected" };
      const checked = checkProofFile(input.file);
      if (!checked.ok) return { kind: "problem", key: `as-file-${checked.reason}` };
      if (context.filesOnItem >= FILES_PER_CRITERION_MAX) {
        return { kind: "problem", key: "as-file-too-many", vars: { max: FILES_PER_CRITERION_MAX } };
      }
      return { kind: "file", itemKey, file: input.file };
    }
  }
}
