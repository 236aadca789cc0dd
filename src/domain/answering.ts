import { RATING_PENDING } from "../campaign/schema.js";
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
  checkInitiativeName,
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
  /** A proof file sent by mistake, by its stored id. */
  | { kind: "remove-file"; itemKey: string; fileId: number }
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

/** The button that removes the proof file stored as `fileId` from the files question `step`. */
export const removeFileButton = (step: Step, fileId: number) => buttonData(step, `del:${fileId}`);

/** Whether button data is a files question's 🗑 (whichever question it was on). */
export const isFileRemoval = (data: string) => /:files:del:\d+$/.test(data);

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
      if (old.ratingPending === true && old.rating === undefined) return PENDING_RATING;
      return old.rating === undefined
        ? null
        : { rating: old.rating, ratingPending: undefined, met: old.met ?? false };
    case "account":
      if (old.account === undefined || (old.account === null && current.met !== false)) return null;
      return { account: old.account };
    default: {
      const value = old[step.field];
      return value === undefined ? null : { [step.field]: value };
    }
  }
}

/** The answer "the rating is not known yet": clears a rating given before; not met until one is given. */
const PENDING_RATING: CriterionAnswer = { rating: undefined, ratingPending: true, met: false };

/** What people type for the Đạt / Chưa đạt (or consent) buttons: the buttons' words, and yes or no. */
const TYPED_YES = new Set(["dat", "co", "dong y", "toi dong y", "yes", "met", "agree", "i agree"]);
const TYPED_NO = new Set([
  "chua dat",
  "khong",
  "khong dat",
  "khong dong y",
  "toi khong dong y",
  "no",
  "not met",
  "i do not agree",
]);
/** What people type for the files question's "Xong": done, or no (more) files. */
const TYPED_DONE = new Set(["xong", "da xong", "khong co", "khong co tep", "het", "done", "no files"]);

/** The typing key of a typed answer: case, diacritics (đ as d), emoji and punctuation ignored. */
const typedKey = (text: string) => searchKey(text.replace(/[^\p{L}\p{M}\p{N}\s]/gu, " "));

/** A typed yes or no; otherwise undefined. */
export function typedYesNo(text: string): "yes" | "no" | undefined {
  const key = typedKey(text);
  if (TYPED_YES.has(key)) return "yes";
  if (TYPED_NO.has(key)) return "no";
  return undefined;
}

export function typedDone(text: string): boolean {
  return TYPED_DONE.has(typedKey(text));
}

/** A choice as a button shows it, in each language the campaign names it. */
export interface NamedChoice {
  id: string;
  names: readonly string[];
}

/**
 * The choice a typed text names: the one whose name it is (case and diacritics ignored), or else the only one
 * whose name holds the typed words ("xuất sắc" for "Hoàn thành xuất sắc nhiệm vụ"); undefined if none or
 * several do ("hoàn thành" is in every rating).
 */
export function typedChoice(text: string, choices: readonly NamedChoice[]): string | undefined {
  const key = typedKey(text);
  if (key === "") return undefined;
  const keysOf = (choice: NamedChoice) => choice.names.map(typedKey);
  const exact = choices.find((choice) => keysOf(choice).includes(key));
  if (exact) return exact.id;
  const holding = choices.filter((choice) => keysOf(choice).some((name) => ` ${name} `.includes(` ${key} `)));
  return holding.length === 1 ? holding[0]?.id : undefined;
}

/** Shorter ways to say the rating is not known yet, besides the campaign's name for it. */
const PENDING_WORDS = ["chưa có kết quả", "chưa xếp loại", "chưa có", "not known yet", "not yet"];

/** The campaign's choices (rating levels, councils) with their names in every language given. */
const named = (items: readonly { id: string; name: { vi: string; en?: string } }[]): NamedChoice[] =>
  items.map((item) => ({ id: item.id, names: [item.name.vi, item.name.en ?? item.name.vi] }));

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
      return { kind: "problem", key: "flow-press-button-below" };
    }
    case "rating": {
      if (criterion.evidence.kind !== "rating") return { kind: "problem", key: "flow-press-button-below" };
      const { levels, pending } = criterion.evidence;
      const choices = named(levels);
      if (pending)
        choices.push({ id: RATING_PENDING, names: [pending.vi, pending.en ?? pending.vi, ...PENDING_WORDS] });
      const chosen = pressed ?? (input.type === "text" ? typedChoice(input.text, choices) : undefined);
      if (pending && chosen === RATING_PENDING) return save(PENDING_RATING);
      const level = levels.find((candidate) => candidate.id === chosen);
      if (!level) return { kind: "problem", key: "flow-press-button-below" };
      return save({ rating: level.id, ratingPending: undefined, met: ratingMeets(criterion, level.id) });
    }
    case "council": {
      if (criterion.evidence.kind !== "initiative")
        return { kind: "problem", key: "flow-press-button-below" };
      const { councils } = criterion.evidence;
      const chosen =
        pressed ?? (input.type === "text" ? typedChoice(input.text, named(councils)) : undefined);
      const council = councils.find((candidate) => candidate.id === chosen);
      return council ? save({ council: council.id }) : { kind: "problem", key: "flow-press-button-below" };
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
    case "initiativeName": {
      if (input.type !== "text") return { kind: "problem", key: "flow-text-expected" };
      const checked = checkInitiativeName(input.text);
      return checked.ok
        ? save({ initiativeName: checked.value })
        : { kind: "problem", key: `as-initiative-name-${checked.reason}` };
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
      if (pressed === "done" || (input.type === "text" && typedDone(input.text)))
        return save({ filesDone: true });
      const removed = /^del:(\d+)$/.exec(pressed ?? "")?.[1];
      if (removed !== undefined) return { kind: "remove-file", itemKey, fileId: Number(removed) };
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
