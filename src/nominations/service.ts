import { findAssessment, loadAnswers, teamStatus } from "../../db/assessments.js";
import {
  addNomination,
  deleteDraft,
  findNomination,
  listNominations,
  moveNomination,
  type NominationWithUnit,
} from "../../db/nominations.js";
import type { Nomination } from "../../db/schema.js";
import type { Actor } from "../context.js";
import type { AppDeps } from "../deps.js";
import type { Subject } from "../domain/assessment.js";
import {
  type AssessmentProgress,
  type AssessmentResult,
  assessmentResult,
  type NomineeKind,
  nomineeKey,
  rankCandidates,
} from "../domain/nominations.js";
import { routeOf, unitLock } from "../domain/routes.js";
import { escapeHtml } from "../html.js";
import { type ProposerAccess, proposerAccess, type Refusal, type UnitAccess } from "./access.js";

type Deps = Pick<AppDeps, "db" | "campaign" | "clock">;

export interface Candidate {
  kind: NomineeKind;
  id: number;
  key: string;
  name: string;
  result: AssessmentResult;
  /** This nominee's nomination for the form being chosen, if already proposed. */
  nomination: Pick<Nomination, "id" | "status"> | null;
  /** Proposed by this unit, but has moved to another unit since: shown so the proposal can be taken back. */
  leftUnit?: true;
}

async function resultOf(
  deps: Deps,
  year: number,
  subject: Subject,
  subjectId: number,
): Promise<AssessmentResult> {
  const assessment = await findAssessment(deps.db, { year, subject, subjectId });
  const progress: AssessmentProgress = assessment?.status ?? "not_started";
  const answers = assessment ? await loadAnswers(deps.db, assessment.id) : undefined;
  return assessmentResult(deps.campaign, subject, progress, answers);
}

/** What choosing nominees needs, read once for every form: the unit's people and its own result, its nominations. */
export interface UnitCandidates {
  people: Array<{ id: number; name: string; result: AssessmentResult }>;
  unitResult: AssessmentResult;
  nominations: NominationWithUnit[];
  /** The results of people the unit proposed who have moved to another unit since. */
  formerResults: Map<number, AssessmentResult>;
}

export async function loadUnitCandidates(deps: Deps, access: UnitAccess): Promise<UnitCandidates> {
  const year = access.round.year;
  const [team, nominations] = await Promise.all([
    teamStatus(deps.db, year, access.unitId),
    listNominations(deps.db, year, { unitId: access.unitId }),
  ]);
  const people = await Promise.all(
    team.map(async (member) => ({
      id: member.telegram_id,
      name: member.full_name,
      result: await resultOf(deps, year, "individual", member.telegram_id),
    })),
  );
  const members = new Set(team.map((member) => member.telegram_id));
  const formerIds = new Set(
    nominations
      .filter((n) => n.nominee_kind === "individual" && !members.has(n.nominee_id))
      .map((n) => n.nominee_id),
  );
  const formerResults = new Map(
    await Promise.all(
      [...formerIds].map(async (id) => [id, await resultOf(deps, year, "individual", id)] as const),
    ),
  );
  return {
    people,
    unitResult: await resultOf(deps, year, "unit", access.unitId),
    nominations,
    formerResults,
  };
}

/** The unit itself and its people for a form, people ranked with those whose assessment supports it first. */
export function candidatesFor(
  access: UnitAccess,
  loaded: UnitCandidates,
  formId: string,
): { collective: Candidate; people: Candidate[] } {
  const nominations = loaded.nominations.filter((n) => n.form_id === formId);
  const nominationOf = (kind: NomineeKind, id: number) =>
    nominations.find((n) => n.nominee_kind === kind && n.nominee_id === id) ?? null;
  const people: Candidate[] = loaded.people.map((person) => ({
    kind: "individual" as const,
    id: person.id,
    key: nomineeKey("individual", person.id),
    name: person.name,
    result: person.result,
    nomination: nominationOf("individual", person.id),
  }));
  const former: Candidate[] = nominations.flatMap((n) => {
    const result = n.nominee_kind === "individual" ? loaded.formerResults.get(n.nominee_id) : undefined;
    if (!result) return [];
    return [
      {
        kind: "individual" as const,
        id: n.nominee_id,
        key: nomineeKey("individual", n.nominee_id),
        name: n.nominee_name,
        result,
        nomination: { id: n.id, status: n.status },
        leftUnit: true as const,
      },
    ];
  });
  return {
    collective: {
      kind: "collective",
      id: access.unitId,
      key: nomineeKey("collective", access.unitId),
      name: access.unitName,
      result: loaded.unitResult,
      nomination: nominationOf("collective", access.unitId),
    },
    people: [...rankCandidates(people, formId), ...former],
  };
}

export async function loadCandidates(
  deps: Deps,
  access: UnitAccess,
  formId: string,
): Promise<{ collective: Candidate; people: Candidate[] }> {
  return candidatesFor(access, await loadUnitCandidates(deps, access), formId);
}

export type ProposeOutcome =
  | { ok: true; nomination: Nomination; candidate: Candidate; access: ProposerAccess }
  | { ok: false; problem: "needs_reason"; candidate: Candidate }
  | Refusal;

/**
 * Proposes a nominee of the proposer's unit for a form: a head's own unit, or a unit the Office proposes
 * (`unitId`). A nominee whose own assessment does not support the form needs a reason, which the Office sees.
 * Everything is checked again here: the role, the unit, the round, the lock.
 */
export async function propose(
  deps: Deps,
  actor: Actor | undefined,
  request: {
    formId: string;
    kind: NomineeKind;
    id: number;
    reason: string | null;
    updateId: number | null;
    unitId?: number | undefined;
  },
): Promise<ProposeOutcome> {
  const access = await proposerAccess(deps, actor, request.unitId);
  if (!access.ok) return access;
  if (access.readOnly) return { ok: false, key: `nm-read-only-${access.readOnly}` };
  if (access.correctionsOnly) return { ok: false, key: "nm-corrections-only" };
  const form = deps.campaign.awardForms.find((f) => f.id === request.formId);
  if (!form) return { ok: false, key: "nm-stale-button" };
  const { collective, people } = await loadCandidates(deps, access, form.id);
  const candidate =
    request.kind === "collective"
      ? collective.id === request.id
        ? collective
        : undefined
      : people.find((person) => person.id === request.id);
  // Someone who has left the unit since the list was shown is not offered, and not named.
  if (!candidate) return { ok: false, key: "nm-not-in-unit" };
  if (candidate.nomination)
    return { ok: false, key: "nm-already", vars: { name: escapeHtml(candidate.name) } };
  // A reason is asked where the answers do not meet every criterion: the plan sets no other rule.
  const eligible = candidate.result.allMet;
  const reason = request.reason?.trim() || null;
  if (!eligible && !reason) return { ok: false, problem: "needs_reason", candidate };
  const nomination = await addNomination(
    deps.db,
    {
      year: access.round.year,
      unitId: access.unitId,
      formId: form.id,
      nomineeKind: candidate.kind,
      nomineeId: candidate.id,
      nomineeName: candidate.name,
      eligible,
      resultSummary: JSON.stringify({
        met: candidate.result.met,
        total: candidate.result.total,
        progress: candidate.result.progress,
        consider: candidate.result.considerForms.includes(form.id),
        ...(candidate.result.awaitingRating ? { awaitingRating: true } : {}),
      }),
      reason: eligible ? null : reason,
      by: actor?.telegramId ?? 0,
      byRole: access.by,
      updateId: request.updateId,
    },
    deps.clock(),
  );
  if (!nomination) return { ok: false, key: "nm-already", vars: { name: escapeHtml(candidate.name) } };
  return { ok: true, nomination, candidate, access };
}

/** Takes back a nomination: a draft is deleted, a returned one withdrawn; anything the Office holds stays. */
export async function takeBack(
  deps: Deps,
  actor: Actor | undefined,
  nominationId: number,
  updateId: number,
  unitId?: number,
): Promise<{ ok: true; name: string; formId: string } | Refusal> {
  const access = await proposerAccess(deps, actor, unitId);
  if (!access.ok) return access;
  const nomination = await findNomination(deps.db, nominationId);
  if (!nomination || nomination.unit_id !== access.unitId || nomination.round_year !== access.round.year)
    return { ok: false, key: "nm-stale-button" };
  if (access.readOnly) return { ok: false, key: `nm-read-only-${access.readOnly}` };
  const done =
    nomination.status === "draft"
      ? await deleteDraft(deps.db, nomination.id, access.unitId)
      : nomination.status === "returned"
        ? await moveNomination(
            deps.db,
            {
              id: nomination.id,
              from: "returned",
              to: "withdrawn",
              by: actor?.telegramId ?? 0,
              byRole: access.by,
              reason: null,
              updateId,
            },
            deps.clock(),
          )
        : false;
  if (done === false || done === undefined) {
    const lock = unitLock(routeOf(deps.campaign, nomination.form_id), nomination.status);
    if (lock === "forwarded" || lock === "awarded") return { ok: false, key: `nm-locked-${lock}` };
    return lock !== null && lock !== "with-office"
      ? { ok: false, key: "nm-closed-nomination" }
      : { ok: false, key: "nm-cannot-take-back" };
  }
  return { ok: true, name: nomination.nominee_name, formId: nomination.form_id };
}
