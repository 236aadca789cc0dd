import {
  addProofFile,
  countProofFiles,
  ensureAssessment,
  findAssessment,
  findAssessmentById,
  findExtension,
  finishEdit,
  loadAnswers,
  removeProofFile,
  restoreItem,
  saveItem,
  startEdit,
  submitAssessment,
} from "../../db/assessments.js";
import { decidedNominationOf } from "../../db/nominations.js";
import { findOpenRound, listRounds } from "../../db/rounds.js";
import type { Assessment, Round } from "../../db/schema.js";
import { findUser } from "../../db/users.js";
import type { AppDeps } from "../deps.js";
import { type AnswerInput, interpretAnswer } from "../domain/answering.js";
import {
  type Answers,
  type AreaAnswer,
  areaKey,
  type CriterionAnswer,
  criterionKey,
  isCriterionComplete,
  isLocked,
  nextStep,
  type Questionnaire,
  questionnaireFor,
  type StartRefusal,
  type Step,
  type Subject,
  startRefusal,
  stepKey,
  unitDeadline,
} from "../domain/assessment.js";
import type { NominationStatus } from "../domain/nominations.js";
import { readOnce, type UpdateReads } from "../middleware/update-scope.js";

export type Unavailable = "not_registered" | "not_unit_head" | "no_open_round" | "round_closed" | "locked";

/** Why the assessment cannot be done now; the year says which round was closed. */
export interface Unavailability {
  problem: Unavailable;
  year?: number;
  /** For "locked": until when it could be changed. */
  deadline?: Date;
  /** For "locked": the status of the decided nomination it backs, when that is why. */
  decided?: NominationStatus;
}

export interface AssessmentState {
  round: Round;
  assessment: Assessment;
  questionnaire: Questionnaire;
  answers: Answers;
  step: Step;
  locked: boolean;
  /** The status of the nomination this assessment backs, once the Office decided on it: the answers then stay. */
  lockedByDecision: NominationStatus | null;
  deadline: Date;
  extendedUntil: Date | null;
  unitName: string;
}

/** `reads`: what the update in hand has read already (see `readsOf`), when there is one. */
type Deps = Pick<AppDeps, "db" | "campaign" | "clock"> & { reads?: UpdateReads };

/** Finds (or starts) the actor's assessment of `subject` in the open round, with everything needed to ask. */
export async function loadAssessment(
  deps: Deps,
  actorId: number,
  subject: Subject,
  /** A given round (to read a closed one); by default the open round. */
  given?: Round,
): Promise<{ ok: true; state: AssessmentState } | ({ ok: false } & Unavailability)> {
  // Who is speaking and the open round do not change while an answer is taken: read once per update.
  const user = await readOnce(deps.reads, `user:${actorId}`, () => findUser(deps.db, actorId));
  if (!user) return { ok: false, problem: "not_registered" };
  if (subject === "unit" && user.role !== "unit_head") return { ok: false, problem: "not_unit_head" };
  const round = given ?? (await readOnce(deps.reads, "open-round", () => findOpenRound(deps.db)));
  if (!round) {
    // Say so when the round is over, rather than that there is none.
    const latest = (await listRounds(deps.db))[0];
    return latest
      ? { ok: false, problem: "round_closed", year: latest.year }
      : { ok: false, problem: "no_open_round" };
  }
  const now = deps.clock();
  const ref = { year: round.year, subject, subjectId: subject === "individual" ? actorId : user.unit_id };
  const { deadline, extendedUntil, lockedByDecision } = await limitsOf(deps, round, user.unit_id, ref);
  const locked =
    round.status === "closed" || isLocked(now, deadline, extendedUntil) || lockedByDecision !== null;
  // Past the deadline nothing new is started: looking must not make an empty assessment "in progress".
  const existing = await findAssessment(deps.db, ref);
  if (!existing && locked)
    return {
      ok: false,
      problem: "locked",
      deadline: extendedUntil ?? deadline,
      ...(lockedByDecision ? { decided: lockedByDecision } : {}),
    };
  const assessment = existing ?? (await ensureAssessment(deps.db, { ...ref, unitId: user.unit_id }, now));
  const questionnaire = questionnaireFor(deps.campaign, subject);
  const stored = await loadAnswers(deps.db, assessment.id);
  // Read-only, an answer being changed still counts as it was until the change is complete.
  const answers = locked ? withAnswerBeingChanged(questionnaire, assessment, stored) : stored;
  return {
    ok: true,
    state: {
      round,
      assessment,
      questionnaire,
      answers,
      step: nextStep(questionnaire, answers),
      locked,
      lockedByDecision,
      deadline,
      extendedUntil,
      unitName: user.unit_name,
    },
  };
}

/** What limits changes to an assessment: the round's own deadline, the unit's extension, a decision made. */
async function limitsOf(
  deps: Deps,
  round: Round,
  unitId: number,
  ref: { subject: Subject; subjectId: number },
): Promise<{ deadline: Date; extendedUntil: Date | null; lockedByDecision: NominationStatus | null }> {
  const extendedUntil = await readOnce(deps.reads, `extension:${round.year}:${unitId}`, () =>
    findExtension(deps.db, round.year, unitId),
  );
  const nomineeKind = ref.subject === "individual" ? "individual" : "collective";
  const decided = await readOnce(deps.reads, `decided:${round.year}:${nomineeKind}:${ref.subjectId}`, () =>
    decidedNominationOf(deps.db, deps.campaign, round.year, nomineeKind, ref.subjectId),
  );
  return { deadline: new Date(round.deadline_at), extendedUntil, lockedByDecision: decided?.status ?? null };
}

/**
 * For someone with no self-assessment in `round`: why /assess would refuse to start one now, with the
 * deadline that passed (the unit's extension if later) or the decision made; null when /assess would start.
 */
export async function individualStartRefusal(
  deps: Deps,
  actorId: number,
  round: Round,
): Promise<{ refusal: StartRefusal; deadline: Date; decided: NominationStatus | null } | null> {
  const user = await findUser(deps.db, actorId);
  if (!user) return null;
  const limits = await limitsOf(deps, round, user.unit_id, { subject: "individual", subjectId: actorId });
  const refusal = startRefusal({
    open: round.status === "open",
    now: deps.clock(),
    deadline: limits.deadline,
    extendedUntil: limits.extendedUntil,
    decided: limits.lockedByDecision !== null,
  });
  if (!refusal) return null;
  return {
    refusal,
    deadline: unitDeadline(limits.deadline, limits.extendedUntil),
    decided: limits.lockedByDecision,
  };
}

/** The chat's open question, as the person's message meets it. */
export interface AskedQuestion {
  /** The step key of the question the bot asked last. */
  step: string;
  /** The message was written before that question was shown (its id is lower than the question's). */
  writtenBefore: boolean;
}

export type AnswerOutcome =
  /** `state`: the assessment as the answer left it, when that is known without reading it again. */
  | {
      kind: "saved";
      state?: AssessmentState;
      /** For a proof file taken: how many the criterion had before it (the first one gets its own message). */
      filesBefore?: number;
      /** Stored when this update was first handled, by a process that died before it was done. */
      again?: boolean;
    }
  | { kind: "problem"; key: string; vars?: Record<string, string | number> }
  | { kind: "stale" }
  /** `unseen`: the answer was written before the question now open was shown (see AskedQuestion). */
  | { kind: "moved"; unseen: boolean }
  | { kind: "submitted"; firstTime: boolean }
  | { kind: "stopped" }
  | { kind: "unavailable"; problem: Unavailable };

/**
 * Applies one answer to the question the stored assessment is at now (not to the question the flow thinks it
 * asked: after a crash the two can differ), and stores it at once.
 */
export async function applyAnswer(
  deps: Deps,
  actorId: number,
  subject: Subject,
  input: AnswerInput,
  updateId: number,
  /** The question the person was shown; a typed answer or a file is only taken for that question. */
  asked?: AskedQuestion,
): Promise<AnswerOutcome> {
  const loaded = await loadAssessment(deps, actorId, subject);
  if (!loaded.ok) return { kind: "unavailable", problem: loaded.problem };
  const { state } = loaded;
  if (state.locked) return { kind: "unavailable", problem: "locked" };
  const { assessment, questionnaire, answers, step } = state;
  // Stored already: this update is being handled again after its first handling was cut short. If the
  // change it completed was not closed yet (the cut came between the two), close it now.
  if (assessment.last_update_id === updateId) {
    const editing = assessment.edit_item;
    const data = editing ? itemData(answers, editing) : undefined;
    if (editing && data && isItemComplete(questionnaire, editing, data)) {
      await finishEdit(deps.db, assessment, actorId, deps.clock());
    }
    return { kind: "saved", again: true };
  }
  // A button says which question it was on; a typed answer or a file is taken only for the question on the
  // person's screen when they wrote. Someone else (a unit's other head) may have answered meanwhile, or the
  // question was still on its way (held back by Telegram, or re-sent after a crash) when they wrote.
  if (asked !== undefined && input.type !== "button" && (asked.writtenBefore || asked.step !== stepKey(step)))
    return { kind: "moved", unseen: asked.writtenBefore };
  const now = deps.clock();
  const editing = assessment.edit_item;
  const backup =
    editing && assessment.edit_backup ? (JSON.parse(assessment.edit_backup) as CriterionAnswer) : null;
  const filesOnItem =
    step.kind === "criterion" && step.field === "files"
      ? await countProofFiles(deps.db, assessment.id, itemKeyOf(step))
      : 0;
  const meaning = interpretAnswer(questionnaire, answers, step, input, {
    now,
    timeZone: deps.campaign.timeZone,
    backup: step.kind !== "summary" && editing === itemKeyOf(step) ? backup : null,
    filesOnItem,
  });

  switch (meaning.kind) {
    case "problem":
    case "stale":
      return meaning;
    case "stop":
      await abandonChange(deps, assessment, questionnaire, answers);
      return { kind: "stopped" };
    case "submit":
      await submitAssessment(deps.db, assessment.id, now, updateId);
      return { kind: "submitted", firstTime: assessment.status !== "submitted" };
    case "edit":
      await startEdit(deps.db, assessment.id, meaning.itemKey, now, updateId);
      return { kind: "saved" };
    case "file":
      await addProofFile(
        deps.db,
        {
          assessment_id: assessment.id,
          item_key: meaning.itemKey,
          file_id: meaning.file.fileId,
          file_unique_id: meaning.file.uniqueId,
          kind: meaning.file.kind,
          file_name: meaning.file.fileName ?? null,
          mime_type: meaning.file.mimeType ?? null,
          file_size: meaning.file.size ?? null,
        },
        now,
        updateId,
      );
      return { kind: "saved", filesBefore: filesOnItem };
    case "remove-file":
      await removeProofFile(deps.db, assessment.id, meaning.itemKey, meaning.fileId, updateId);
      return { kind: "saved" };
    case "save": {
      await saveItem(deps.db, assessment.id, meaning.itemKey, meaning.data, now, updateId);
      if (editing === meaning.itemKey && isItemComplete(questionnaire, meaning.itemKey, meaning.data)) {
        const fresh = await findAssessmentById(deps.db, assessment.id);
        if (fresh) await finishEdit(deps.db, fresh, actorId, now);
      }
      if (editing) return { kind: "saved" };
      // The usual answer changes one item and nothing else the next question depends on.
      const after = withItem(answers, meaning.itemKey, meaning.data);
      return { kind: "saved", state: { ...state, answers: after, step: nextStep(questionnaire, after) } };
    }
  }
}

export function itemKeyOf(step: Exclude<Step, { kind: "summary" }>): string {
  return step.kind === "criterion" ? criterionKey(step.criterion.id) : areaKey(step.area.id);
}

function isItemComplete(
  questionnaire: Questionnaire,
  itemKey: string,
  data: CriterionAnswer | AreaAnswer,
): boolean {
  const id = itemKey.slice(2);
  if (itemKey.startsWith("a:")) return (data as AreaAnswer).text !== undefined;
  const criterion = questionnaire.criteria.find((c) => c.id === id);
  return criterion !== undefined && isCriterionComplete(criterion, data as CriterionAnswer);
}

function withItem(answers: Answers, itemKey: string, data: CriterionAnswer | AreaAnswer): Answers {
  const id = itemKey.slice(2);
  return itemKey.startsWith("a:")
    ? { ...answers, areas: { ...answers.areas, [id]: data as AreaAnswer } }
    : { ...answers, criteria: { ...answers.criteria, [id]: data as CriterionAnswer } };
}

function itemData(answers: Answers, itemKey: string): CriterionAnswer | AreaAnswer | undefined {
  return itemKey.startsWith("a:") ? answers.areas[itemKey.slice(2)] : answers.criteria[itemKey.slice(2)];
}

/** The answers with the one being changed shown as it was, while its new version is not complete. */
export function withAnswerBeingChanged(
  questionnaire: Questionnaire,
  assessment: Assessment,
  answers: Answers,
): Answers {
  const itemKey = assessment.edit_item;
  if (!itemKey || assessment.edit_backup === null) return answers;
  const current = itemData(answers, itemKey);
  if (current && isItemComplete(questionnaire, itemKey, current)) return answers;
  const before = JSON.parse(assessment.edit_backup) as CriterionAnswer & AreaAnswer;
  const id = itemKey.slice(2);
  return itemKey.startsWith("a:")
    ? { ...answers, areas: { ...answers.areas, [id]: before } }
    : { ...answers, criteria: { ...answers.criteria, [id]: before } };
}

/** Leaving a change half-done puts the answer back as it was. */
export async function abandonChange(
  deps: Deps,
  assessment: Assessment,
  questionnaire: Questionnaire,
  answers: Answers,
): Promise<void> {
  const itemKey = assessment.edit_item;
  if (!itemKey) return;
  const restored = withAnswerBeingChanged(questionnaire, assessment, answers);
  await restoreItem(deps.db, assessment.id, itemKey, itemData(restored, itemKey) ?? null, deps.clock());
}

/** /cancel in the middle of a change: puts back the answer being changed, for the person and, for a head, the unit. */
export async function abandonChangesOf(deps: Deps, actorId: number): Promise<void> {
  for (const subject of ["individual", "unit"] as const) {
    const loaded = await loadAssessment(deps, actorId, subject);
    if (loaded.ok && loaded.state.assessment.edit_item) {
      const { assessment, questionnaire, answers } = loaded.state;
      await abandonChange(deps, assessment, questionnaire, answers);
    }
  }
}
