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

import {
  councilStep,
  countsAgainstQuota,
  type FormRoute,
  findMove,
  type Mover,
  type NominationStatus,
  routeOf,
} from "./routes.js";

export type { NominationStatus } from "./routes.js";

export type NomineeKind = "individual" | "collective";

export type TransitionProblem =
  | { kind: "not_allowed" }
  | { kind: "reason_required" }
  | { kind: "over_quota"; quota: number; nomineeKind: NomineeKind };

export interface TransitionRequest {
  route: FormRoute;
  from: NominationStatus;
  to: NominationStatus;
  by: Mover;
  reason: string | undefined;
  form: AwardForm;
  nomineeKind: NomineeKind;
  /** How many nominations of this form and nominee kind already count against its quota in the round. */
  alreadyCounted: number;
}

/**
 * Why a move is refused, or null when it may go ahead: the route must allow it to this mover, with a reason
 * where it needs one, and a move that makes the nomination count against the quota (or puts it before the Council)
 * must find a place left.
 */
export function transitionProblem(request: TransitionRequest): TransitionProblem | null {
  const move = findMove(request.route, request.from, request.to, request.by);
  if (!move) return { kind: "not_allowed" };
  if (move.needsReason && (request.reason ?? "").trim().length < 2) return { kind: "reason_required" };
  const startsCounting =
    countsAgainstQuota(request.route, request.to) && !countsAgainstQuota(request.route, request.from);
  // Putting a nomination before the Council when it has no place left to give would only waste its vote.
  const toCouncil = councilStep(request.route)?.agenda.id === request.to;
  if (startsCounting || toCouncil) {
    const quota = quotaOf(request.form, request.nomineeKind);
    if (quota !== null && request.alreadyCounted >= quota) {
      return { kind: "over_quota", quota, nomineeKind: request.nomineeKind };
    }
  }
  return null;
}

/** The form's quota for a kind of nominee; null where the plan sets none (the higher forms follow 800/KH-UBND). */
export function quotaOf(form: AwardForm, nomineeKind: NomineeKind): number | null {
  return nomineeKind === "collective" ? form.quota.collective : form.quota.individual;
}

export interface QuotaUse {
  formId: string;
  nomineeKind: NomineeKind;
  used: number;
  quota: number | null;
  over: boolean;
}

/** For each award form and kind of nominee, the nominations counted against its quota (from its route's quota step). */
export function quotaUse(
  campaign: Campaign,
  nominations: ReadonlyArray<{ formId: string; nomineeKind: NomineeKind; status: NominationStatus }>,
): QuotaUse[] {
  return campaign.awardForms.flatMap((form) =>
    (["collective", "individual"] as const).map((nomineeKind) => {
      const route = routeOf(campaign, form.id);
      const used = nominations.filter(
        (n) =>
          n.formId === form.id &&
          n.nomineeKind === nomineeKind &&
          route !== undefined &&
          countsAgainstQuota(route, n.status),
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
