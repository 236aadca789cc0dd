import type { AwardForm } from "../campaign/schema.js";
import type { ActorRole } from "./roles.js";

/**
 * A nomination's life: a unit head drafts and submits it with the dossier; the Office reviews it, recommends
 * it to the council (within the form's quota) and records the award, or returns it to the unit for correction,
 * or rejects it.
 */
export type NominationStatus =
  | "draft"
  | "submitted"
  | "under_review"
  | "recommended"
  | "awarded"
  | "returned"
  | "rejected";

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
  /** The nominee a per-nominee document is for; null for the unit's own (the Tờ trình). */
  nomineeId: number | null;
}

/**
 * The dossier documents a unit still has to upload: the unit's own documents once it nominates anyone, and
 * each nominee's (the Báo cáo thành tích) for every nominee.
 */
export function missingDocuments(
  documents: readonly DossierDocument[],
  nomineeIds: readonly number[],
  uploaded: readonly MissingDocument[],
): MissingDocument[] {
  if (nomineeIds.length === 0) return [];
  const has = (documentId: string, nomineeId: number | null) =>
    uploaded.some((doc) => doc.documentId === documentId && doc.nomineeId === nomineeId);
  return documents.flatMap((document): MissingDocument[] => {
    if (document.per === "unit")
      return has(document.id, null) ? [] : [{ documentId: document.id, nomineeId: null }];
    return nomineeIds
      .filter((id) => !has(document.id, id))
      .map((id) => ({ documentId: document.id, nomineeId: id }));
  });
}
