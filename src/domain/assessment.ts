import type { Campaign, ConsiderRule, Criterion } from "../campaign/schema.js";

/** Who is assessed: a person against the individual criteria, or a unit against the collective ones. */
export type Subject = "individual" | "unit";

/** Stored per criterion; a field left undefined is not answered yet, null means the person skipped it. */
export interface CriterionAnswer {
  met?: boolean;
  account?: string | null;
  /** The initiative's name; answers stored before it was asked have none and stay complete. */
  initiativeName?: string;
  decisionNumber?: string;
  /** yyyy-mm-dd */
  decisionDate?: string;
  council?: string;
  rating?: string;
  /** The year's rating is not decided yet: answered (the assessment can be submitted), not met until given. */
  ratingPending?: boolean;
  filesDone?: boolean;
}

export interface AreaAnswer {
  text?: string | null;
}

export interface Answers {
  criteria: Record<string, CriterionAnswer>;
  areas: Record<string, AreaAnswer>;
}

export interface Questionnaire {
  subject: Subject;
  criteria: Criterion[];
  areas: Campaign["reformAreas"];
}

export type CriterionField =
  | "met"
  | "account"
  | "initiativeName"
  | "decisionNumber"
  | "decisionDate"
  | "council"
  | "rating"
  | "files";

export type Step =
  | { kind: "criterion"; criterion: Criterion; field: CriterionField; index: number; total: number }
  | { kind: "area"; area: Campaign["reformAreas"][number]; index: number; total: number }
  | { kind: "summary" };

export function questionnaireFor(campaign: Campaign, subject: Subject): Questionnaire {
  return {
    subject,
    criteria: subject === "individual" ? campaign.criteria.individual : campaign.criteria.collective,
    areas: campaign.reformAreas,
  };
}

export const criterionKey = (id: string) => `c:${id}`;
export const areaKey = (id: string) => `a:${id}`;

/** The questions a criterion asks, given what has been answered so far (a "not met" needs no proof). */
export function criterionFields(criterion: Criterion, answer: CriterionAnswer): CriterionField[] {
  switch (criterion.evidence.kind) {
    case "rating":
      return ["rating"];
    case "initiative":
      if (answer.met === false) return ["met"];
      // An answer given before the initiative's name was asked has its decision and no name: it stays complete.
      return answer.decisionNumber !== undefined && answer.initiativeName === undefined
        ? ["met", "decisionNumber", "decisionDate", "council", "files"]
        : ["met", "initiativeName", "decisionNumber", "decisionDate", "council", "files"];
    case "account":
      return answer.met === false ? ["met", "account"] : ["met", "account", "files"];
  }
}

function isAnswered(field: CriterionField, answer: CriterionAnswer): boolean {
  if (field === "files") return answer.filesDone === true;
  if (field === "rating") return answer.rating !== undefined || answer.ratingPending === true;
  return answer[field] !== undefined;
}

export function isCriterionComplete(criterion: Criterion, answer: CriterionAnswer = {}): boolean {
  return criterionFields(criterion, answer).every((field) => isAnswered(field, answer));
}

/** The first question without an answer, in the plan's order; the summary once everything is answered. */
export function nextStep(questionnaire: Questionnaire, answers: Answers): Step {
  const criteria = questionnaire.criteria;
  for (const [index, criterion] of criteria.entries()) {
    const answer = answers.criteria[criterion.id] ?? {};
    const field = criterionFields(criterion, answer).find((f) => !isAnswered(f, answer));
    if (field) return { kind: "criterion", criterion, field, index, total: criteria.length };
  }
  for (const [index, area] of questionnaire.areas.entries()) {
    if (answers.areas[area.id]?.text === undefined) {
      return { kind: "area", area, index, total: questionnaire.areas.length };
    }
  }
  return { kind: "summary" };
}

/** A stable name for a step, carried in button data so that a press on an old question is recognised. */
export function stepKey(step: Step): string {
  if (step.kind === "criterion") return `${criterionKey(step.criterion.id)}:${step.field}`;
  if (step.kind === "area") return areaKey(step.area.id);
  return "summary";
}

/** Whether `ratingId` is at least `level` on the criterion's scale of ratings. */
export function ratingReaches(criterion: Criterion, ratingId: string, level: string): boolean {
  if (criterion.evidence.kind !== "rating") return false;
  const levels = criterion.evidence.levels;
  const rank = (id: string) => levels.find((candidate) => candidate.id === id)?.rank;
  const have = rank(ratingId);
  const need = rank(level);
  return have !== undefined && need !== undefined && have >= need;
}

/** "Hoàn thành tốt nhiệm vụ trở lên": the rating meets the criterion's own minimum. */
export function ratingMeets(criterion: Criterion, ratingId: string): boolean {
  return (
    criterion.evidence.kind === "rating" &&
    ratingReaches(criterion, ratingId, criterion.evidence.minimumLevel)
  );
}

/** Whether the answer says the year's rating is not decided yet ("chờ kết quả xếp loại"). */
export function awaitsRating(criterion: Criterion, answer: CriterionAnswer | undefined): boolean {
  return (
    criterion.evidence.kind === "rating" && answer?.rating === undefined && answer?.ratingPending === true
  );
}

export interface Evaluation {
  met: string[];
  notMet: string[];
  /** Answered "no rating yet": not met, but not "chưa đạt" either, until the rating is given. */
  awaitingRating: string[];
  unanswered: string[];
}

export function evaluate(questionnaire: Questionnaire, answers: Answers): Evaluation {
  const result: Evaluation = { met: [], notMet: [], awaitingRating: [], unanswered: [] };
  for (const criterion of questionnaire.criteria) {
    const answer = answers.criteria[criterion.id];
    if (!answer || !isCriterionComplete(criterion, answer)) result.unanswered.push(criterion.id);
    else if (awaitsRating(criterion, answer)) result.awaitingRating.push(criterion.id);
    else if (answer.met) result.met.push(criterion.id);
    else result.notMet.push(criterion.id);
  }
  return result;
}

/** Whether every criterion is answered and met (a rating still awaited is not met). */
export function allCriteriaMet(questionnaire: Questionnaire, answers: Answers): boolean {
  const evaluation = evaluate(questionnaire, answers);
  return (
    evaluation.notMet.length === 0 &&
    evaluation.unanswered.length === 0 &&
    evaluation.awaitingRating.length === 0
  );
}

/**
 * The award forms for which the Office's rule (`considerWhen` in the campaign definition) holds: the bot then
 * says "có thể xem xét đề nghị". A signal for the head and the Office, never a verdict; a form without a rule
 * for this kind of nominee is never named.
 */
export function formsToConsider(
  campaign: Campaign,
  questionnaire: Questionnaire,
  answers: Answers,
): string[] {
  const kind = questionnaire.subject === "individual" ? "individual" : "collective";
  const evaluation = evaluate(questionnaire, answers);
  const answerOf = (criterion: Criterion) => answers.criteria[criterion.id] ?? {};
  const holds = (rule: ConsiderRule) => {
    if (rule.allCriteria && !allCriteriaMet(questionnaire, answers)) return false;
    if (rule.minimumCriteriaMet !== undefined && evaluation.met.length < rule.minimumCriteriaMet)
      return false;
    const minimumRating = rule.minimumRating;
    if (
      minimumRating &&
      !questionnaire.criteria.some((criterion) => {
        const rating = answerOf(criterion).rating;
        return rating !== undefined && ratingReaches(criterion, rating, minimumRating);
      })
    )
      return false;
    const councils = rule.initiativeCouncils;
    return (
      !councils ||
      questionnaire.criteria.some((criterion) => {
        const answer = answerOf(criterion);
        return (
          criterion.evidence.kind === "initiative" && answer.met && councils.includes(answer.council ?? "")
        );
      })
    );
  };
  return campaign.awardForms
    .filter((form) => {
      const rule = form.considerWhen[kind];
      return rule !== undefined && holds(rule);
    })
    .map((form) => form.id);
}

export type AssessmentStatus = "not_started" | "in_progress" | "submitted";

/**
 * Answers can be changed until the round's deadline (00:00 local time), or until the end of an extension the
 * Office granted to the unit; after that the assessment is read-only.
 */
export function isLocked(now: Date, deadline: Date, extendedUntil: Date | null): boolean {
  return now.getTime() >= unitDeadline(deadline, extendedUntil).getTime();
}

export type StartRefusal = "round_closed" | "decided" | "deadline";

/**
 * Why someone who has no assessment in a round cannot start one now, or null when they can: the round is
 * closed, a decision on their nomination already stands, or the deadline (and any extension) has passed.
 */
export function startRefusal(round: {
  open: boolean;
  now: Date;
  deadline: Date;
  extendedUntil: Date | null;
  decided: boolean;
}): StartRefusal | null {
  if (!round.open) return "round_closed";
  if (round.decided) return "decided";
  if (isLocked(round.now, round.deadline, round.extendedUntil)) return "deadline";
  return null;
}

/** When a unit's time ends: the round's deadline, or the Office's extension of it for the unit if later. */
export function unitDeadline(deadline: Date, extendedUntil: Date | null): Date {
  return extendedUntil && extendedUntil.getTime() > deadline.getTime() ? extendedUntil : deadline;
}

/** How far along an assessment is: answered questions (items) out of all. */
export function progress(questionnaire: Questionnaire, answers: Answers): { done: number; total: number } {
  const criteriaDone = questionnaire.criteria.filter((c) =>
    isCriterionComplete(c, answers.criteria[c.id]),
  ).length;
  const areasDone = questionnaire.areas.filter((a) => answers.areas[a.id]?.text !== undefined).length;
  return {
    done: criteriaDone + areasDone,
    total: questionnaire.criteria.length + questionnaire.areas.length,
  };
}
