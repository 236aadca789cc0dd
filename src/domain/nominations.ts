import type { AwardForm, Campaign } from "../campaign/schema.js";
import {
  type Answers,
  allCriteriaMet,
  evaluate,
  formsToConsider,
  questionnaireFor,
  type Subject,
} from "./assessment.js";
import { searchKey } from "./names.js";
import type { ActorRole } from "./roles.js";

/**
 * A nomination's life: a unit head drafts and submits it with the dossier; the Office reviews it, recommends
 * it to the council (within the form's quota) and records the award, or returns it to the unit for correction,
 * or rejects it. A head may withdraw a returned nomination instead of correcting it.
 */
export type NominationStatus =
  | "draft"
  | "submitted"
  | "under_review"
  | "recommended"
  | "awarded"
  | "returned"
  | "rejected"
  | "withdrawn";

export type NomineeKind = "individual" | "collective";

interface Move {
  from: NominationStatus;
  to: NominationStatus;
  by: "unit_head" | "office";
  needsReason: boolean;
}

const MOVES: readonly Move[] = [
  { from: "draft", to: "submitted", by: "unit_head", needsReason: false },
  { from: "returned", to: "submitted", by: "unit_head", needsReason: false },
  { from: "submitted", to: "under_review", by: "office", needsReason: false },
  { from: "under_review", to: "recommended", by: "office", needsReason: false },
  { from: "under_review", to: "returned", by: "office", needsReason: true },
  { from: "under_review", to: "rejected", by: "office", needsReason: true },
  { from: "submitted", to: "returned", by: "office", needsReason: true },
  { from: "submitted", to: "rejected", by: "office", needsReason: true },
  { from: "recommended", to: "awarded", by: "office", needsReason: false },
  { from: "recommended", to: "returned", by: "office", needsReason: true },
  { from: "returned", to: "withdrawn", by: "unit_head", needsReason: false },
];

/** Where a role may move a nomination from `from`. */
export function nextStatuses(from: NominationStatus, role: ActorRole): NominationStatus[] {
  return MOVES.filter((move) => move.from === from && move.by === role).map((move) => move.to);
}

export type TransitionProblem =
  | { kind: "not_allowed" }
  | { kind: "reason_required" }
  | { kind: "over_quota"; quota: number; nomineeKind: NomineeKind };

export interface TransitionRequest {
  from: NominationStatus;
  to: NominationStatus;
  role: ActorRole;
  reason: string | undefined;
  form: AwardForm;
  nomineeKind: NomineeKind;
  /** How many nominations of this form and nominee kind are already recommended or awarded in the round. */
  alreadyRecommended: number;
}

/** Why a move is refused, or null when it may go ahead. */
export function transitionProblem(request: TransitionRequest): TransitionProblem | null {
  const move = MOVES.find((m) => m.from === request.from && m.to === request.to && m.by === request.role);
  if (!move) return { kind: "not_allowed" };
  if (move.needsReason && (request.reason ?? "").trim().length < 2) return { kind: "reason_required" };
  if (request.to === "recommended") {
    const quota = quotaOf(request.form, request.nomineeKind);
    if (quota !== null && request.alreadyRecommended >= quota) {
      return { kind: "over_quota", quota, nomineeKind: request.nomineeKind };
    }
  }
  return null;
}

/** The form's quota for a kind of nominee; null where the plan sets none (the higher forms follow 800/KH-UBND). */
export function quotaOf(form: AwardForm, nomineeKind: NomineeKind): number | null {
  return nomineeKind === "collective" ? form.quota.collective : form.quota.individual;
}

/** The statuses that count against a quota: recommended to the council, or already awarded. */
export const COUNTS_AGAINST_QUOTA: readonly NominationStatus[] = ["recommended", "awarded"];

export interface QuotaUse {
  formId: string;
  nomineeKind: NomineeKind;
  used: number;
  quota: number | null;
  over: boolean;
}

/** For each award form and kind of nominee, the nominations counted against its quota. */
export function quotaUse(
  forms: readonly AwardForm[],
  nominations: ReadonlyArray<{ formId: string; nomineeKind: NomineeKind; status: NominationStatus }>,
): QuotaUse[] {
  return forms.flatMap((form) =>
    (["collective", "individual"] as const).map((nomineeKind) => {
      const used = nominations.filter(
        (n) =>
          n.formId === form.id && n.nomineeKind === nomineeKind && COUNTS_AGAINST_QUOTA.includes(n.status),
      ).length;
      const quota = quotaOf(form, nomineeKind);
      return { formId: form.id, nomineeKind, used, quota, over: quota !== null && used > quota };
    }),
  );
}

export interface DossierDocument {
  id: string;
  per: "unit" | "nominee";
}

export interface MissingDocument {
  documentId: string;
  /** The nomination a per-nominee document is for (see `reportKey`); null for the unit's own (the Tờ trình). */
  documentKey: string | null;
}

/** One key for a nominee of either kind: a person ("p:<telegram id>") or a unit ("u:<unit id>"). */
export function nomineeKey(kind: NomineeKind, id: number): string {
  return `${kind === "individual" ? "p" : "u"}:${id}`;
}

export function parseNomineeKey(key: string): { kind: NomineeKind; id: number } | null {
  const match = /^([pu]):(\d{1,16})$/.exec(key);
  if (!match) return null;
  return { kind: match[1] === "p" ? "individual" : "collective", id: Number(match[2]) };
}

/** The key of a nomination's own documents (its Báo cáo thành tích): one report per nomination, since the form names the award. */
export function reportKey(nominationId: number): string {
  return `n:${nominationId}`;
}

export function parseReportKey(key: string): number | null {
  const match = /^n:(\d{1,16})$/.exec(key);
  return match ? Number(match[1]) : null;
}

/** Once the Office recommends, awards or rejects a nomination, the unit can no longer change what stands behind it. */
export const DECIDED: readonly NominationStatus[] = ["recommended", "awarded", "rejected"];

/** Whether the unit may still change a nomination's documents or withdraw it: only while it is in its hands. */
export function inUnitHands(status: NominationStatus): boolean {
  return status === "draft" || status === "returned";
}

/** The statuses in which a nomination is still part of the unit's proposal (not rejected or withdrawn). */
export const STANDING: readonly NominationStatus[] = [
  "draft",
  "submitted",
  "under_review",
  "recommended",
  "awarded",
  "returned",
];

/**
 * The dossier documents a unit still has to upload: the unit's own documents once it nominates anyone, and
 * each nomination's own (the Báo cáo thành tích), keyed by `reportKey`.
 */
export function missingDocuments(
  documents: readonly DossierDocument[],
  reportKeys: readonly string[],
  uploaded: readonly MissingDocument[],
): MissingDocument[] {
  if (reportKeys.length === 0) return [];
  const has = (documentId: string, key: string | null) =>
    uploaded.some((doc) => doc.documentId === documentId && doc.documentKey === key);
  return documents.flatMap((document): MissingDocument[] => {
    if (document.per === "unit")
      return has(document.id, null) ? [] : [{ documentId: document.id, documentKey: null }];
    return [...new Set(reportKeys)]
      .filter((key) => !has(document.id, key))
      .map((key) => ({ documentId: document.id, documentKey: key }));
  });
}

export type AssessmentProgress = "not_started" | "in_progress" | "submitted";

/** A nominee's own assessment as the head sees it when choosing: how far, how many criteria met, which forms. */
export interface AssessmentResult {
  progress: AssessmentProgress;
  met: number;
  total: number;
  /** Submitted, with every criterion met: a nomination needs no reason. */
  allMet: boolean;
  /** Forms for which the Office's rule holds ("có thể xem xét đề nghị"); none until it is submitted. */
  considerForms: readonly string[];
  /** The year's rating was answered "not known yet": shown as "chờ kết quả xếp loại", not counted as met. */
  awaitingRating: boolean;
}

export function assessmentResult(
  campaign: Campaign,
  subject: Subject,
  progress: AssessmentProgress,
  answers: Answers | undefined,
): AssessmentResult {
  const questionnaire = questionnaireFor(campaign, subject);
  const evaluation = answers ? evaluate(questionnaire, answers) : undefined;
  const met = evaluation?.met.length ?? 0;
  const submitted = progress === "submitted" && answers !== undefined;
  return {
    progress,
    met,
    awaitingRating: (evaluation?.awaitingRating.length ?? 0) > 0,
    total: questionnaire.criteria.length,
    allMet: submitted && allCriteriaMet(questionnaire, answers),
    considerForms: submitted ? formsToConsider(campaign, questionnaire, answers) : [],
  };
}

const PROGRESS_ORDER: Record<AssessmentProgress, number> = { submitted: 0, in_progress: 1, not_started: 2 };

/**
 * The order in which people are offered for a form: those the Office's rule names for it first, then by how far
 * their assessment got and how many criteria it meets, then by name (diacritics ignored).
 */
export function rankCandidates<T extends { name: string; result: AssessmentResult }>(
  people: readonly T[],
  formId: string,
): T[] {
  const considered = (person: T) => (person.result.considerForms.includes(formId) ? 0 : 1);
  return [...people].sort(
    (a, b) =>
      considered(a) - considered(b) ||
      PROGRESS_ORDER[a.result.progress] - PROGRESS_ORDER[b.result.progress] ||
      b.result.met - a.result.met ||
      searchKey(a.name).localeCompare(searchKey(b.name)),
  );
}

/** The Office's own moves that it may undo, within the round: its decisions, not a hand-over to the unit. */
const UNDOABLE: readonly NominationStatus[] = ["under_review", "recommended", "awarded", "rejected"];

/**
 * Where undoing a nomination's last move takes it back to, or null when that move cannot be undone: only the
 * Office's own last decision, not a return to the unit (the unit holds it then), nor an undo itself.
 */
export function undoTarget(last: {
  from_status: NominationStatus | null;
  to_status: NominationStatus;
  by_role: ActorRole;
  undo_of: number | null;
}): NominationStatus | null {
  if (last.by_role !== "office" || last.undo_of !== null || last.from_status === null) return null;
  return UNDOABLE.includes(last.to_status) ? last.from_status : null;
}
