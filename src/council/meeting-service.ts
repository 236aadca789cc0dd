import type { DB } from "../../db/connection.js";
import {
  type AgendaItem,
  addTieBreak,
  agendaOf,
  awaitTieBreak,
  ballotsOf,
  closeMeeting,
  currentMeeting,
  findMeeting,
  formIdsOf,
  latestClosedMeeting,
  type MeetingMember,
  meetingOfUpdate,
  membersOf,
  openMeeting,
  setBallot,
  setVote,
  tieBreaksOf,
  votesOf,
} from "../../db/council-meetings.js";
import { councilMembership, currentCouncil } from "../../db/council-members.js";
import { applyMove, countAgainstQuota, findNomination, listNominations } from "../../db/nominations.js";
import { findOpenRound } from "../../db/rounds.js";
import type { CouncilMeeting, CouncilRole, Nomination } from "../../db/schema.js";
import { nameOf } from "../../db/users.js";
import type { Actor } from "../context.js";
import type { AppDeps } from "../deps.js";
import {
  type CastVote,
  type GroupKey,
  isValidTieChoice,
  type Outcome,
  type PassRule,
  sameGroup,
  slotsLeftFrom,
  type Tally,
  type Tie,
  tally,
  type VoteChoice,
} from "../domain/council.js";
import { type NomineeKind, quotaUse, transitionProblem } from "../domain/nominations.js";
import { councilStep, quotaStatuses, routeOf } from "../domain/routes.js";
import { echoArgument } from "../html.js";
import type { Refusal } from "../nominations/access.js";
import { formsInOrder } from "../nominations/render.js";
import { announceResult } from "./meeting-notices.js";

type Deps = Pick<AppDeps, "db" | "campaign" | "clock" | "i18n" | "officeAdminIds">;

/** The Council's role of the person now, or undefined when they are not a member. */
export async function councilRoleOf(deps: Deps, actor: Actor | undefined): Promise<CouncilRole | undefined> {
  if (!actor) return undefined;
  return (await councilMembership(deps.db, actor.telegramId))?.role;
}

/** The forms whose route has a Council step, with the step whose nominations make the agenda. */
function councilForms(deps: Deps): Array<{ formId: string; agendaStep: string; councilStep: string }> {
  return deps.campaign.awardForms.flatMap((form) => {
    const route = routeOf(deps.campaign, form.id);
    const steps = route ? councilStep(route) : null;
    return steps ? [{ formId: form.id, agendaStep: steps.agenda.id, councilStep: steps.council.id }] : [];
  });
}

function agendaStepOf(deps: Deps, formId: string): string | undefined {
  return councilForms(deps).find((f) => f.formId === formId)?.agendaStep;
}

export interface OpenedMeeting {
  ok: true;
  meeting: CouncilMeeting;
  agenda: AgendaItem[];
  members: MeetingMember[];
  /** Nominations at the agenda step left off because their form's quota has no place left. */
  leftOut: number;
  /** The update was handled before: the meeting it opened. */
  again: boolean;
}

/**
 * The Office opens a meeting of the Council for the open round and the forms named (by code or id; all the
 * forms with a Council step by default): the agenda is every nomination at the step before the Council's.
 */
export async function openCouncilMeeting(
  deps: Deps,
  actor: Actor | undefined,
  words: readonly string[],
  updateId: number,
): Promise<OpenedMeeting | Refusal> {
  if (actor?.role !== "office") return { ok: false, key: "office-only" };
  const earlier = await meetingOfUpdate(deps.db, updateId);
  if (earlier) {
    const agenda = await agendaOf(deps.db, earlier.id);
    return { ok: true, meeting: earlier, agenda, members: membersOf(earlier), leftOut: 0, again: true };
  }
  const round = await findOpenRound(deps.db);
  if (!round) return { ok: false, key: "cm-no-round" };
  const forms = councilForms(deps);
  const chosen: string[] = [];
  for (const word of words) {
    const form = deps.campaign.awardForms.find((f) => f.code === word.toLowerCase() || f.id === word);
    if (!form) return { ok: false, key: "cm-unknown-form", vars: { word: echoArgument(word) } };
    if (!forms.some((f) => f.formId === form.id))
      return { ok: false, key: "cm-form-no-council", vars: { word: echoArgument(word) } };
    if (!chosen.includes(form.id)) chosen.push(form.id);
  }
  const formIds = chosen.length > 0 ? chosen : forms.map((f) => f.formId);
  if (await currentMeeting(deps.db)) return { ok: false, key: "cm-already-open" };
  const council = await currentCouncil(deps.db);
  if (council.length === 0) return { ok: false, key: "cm-no-members" };
  const nominations = await listNominations(deps.db, round.year);
  const onAgenda = nominations.filter(
    (n) => formIds.includes(n.form_id) && n.status === agendaStepOf(deps, n.form_id),
  );
  if (onAgenda.length === 0) return { ok: false, key: "cm-empty-agenda" };
  const use = quotaUse(
    deps.campaign,
    nominations.map((n) => ({ formId: n.form_id, nomineeKind: n.nominee_kind, status: n.status })),
  );
  // Form by form as the plan lists them (the Director's Giấy khen first), each as /nominations lists it.
  const order = formsInOrder(deps.campaign).map((form) => form.id);
  const withPlace = onAgenda
    .filter((n) => slotsLeftFrom(use, { formId: n.form_id, nomineeKind: n.nominee_kind }) !== 0)
    .sort((a, b) => order.indexOf(a.form_id) - order.indexOf(b.form_id));
  if (withPlace.length === 0) return { ok: false, key: "cm-quota-full" };
  const members: MeetingMember[] = council.map((m) => ({
    id: m.telegram_id,
    name: m.full_name,
    role: m.role,
  }));
  const meeting = await openMeeting(
    deps.db,
    {
      year: round.year,
      formIds,
      members,
      nominationIds: withPlace.map((n) => n.id),
      by: actor.telegramId,
      byName: (await nameOf(deps.db, actor.telegramId)) ?? null,
      updateId,
    },
    deps.clock(),
  );
  if (!meeting) return { ok: false, key: "cm-already-open" };
  return {
    ok: true,
    meeting,
    agenda: await agendaOf(deps.db, meeting.id),
    members,
    leftOut: onAgenda.length - withPlace.length,
    again: false,
  };
}

/** A member's ballot: the agenda, their votes on it, and whether they have sent (confirmed) it. */
export interface Ballot {
  ok: true;
  meeting: CouncilMeeting;
  agenda: AgendaItem[];
  votes: Map<number, VoteChoice>;
  sent: boolean;
}

/**
 * Who may vote in a meeting: a member named when it opened who is still on the Council. A button forwarded to
 * someone else, or pressed after leaving the Council, is refused.
 */
async function voterCheck(
  trx: DB,
  meeting: CouncilMeeting | undefined,
  actor: Actor | undefined,
): Promise<Refusal | null> {
  if (!meeting) return { ok: false, key: "cm-stale-button" };
  if (!actor || !membersOf(meeting).some((m) => m.id === actor.telegramId))
    return { ok: false, key: "cm-not-member" };
  if (!(await councilMembership(trx, actor.telegramId))) return { ok: false, key: "cm-not-member" };
  if (meeting.status !== "open") return { ok: false, key: "cm-meeting-closed" };
  return null;
}

async function ballotOf(trx: DB, meeting: CouncilMeeting, memberId: number): Promise<Ballot> {
  const [agenda, votes, ballots] = await Promise.all([
    agendaOf(trx, meeting.id),
    votesOf(trx, meeting.id, memberId),
    ballotsOf(trx, meeting.id),
  ]);
  return {
    ok: true,
    meeting,
    agenda,
    votes: new Map(votes.map((v) => [v.nomination_id, v.vote])),
    sent: ballots.some((b) => b.member_id === memberId && b.sent_at !== null),
  };
}

export async function showBallot(
  deps: Deps,
  actor: Actor | undefined,
  meetingId: number,
): Promise<Ballot | Refusal> {
  const meeting = await findMeeting(deps.db, meetingId);
  const refusal = await voterCheck(deps.db, meeting, actor);
  if (refusal || !meeting || !actor) return refusal ?? { ok: false, key: "cm-stale-button" };
  return ballotOf(deps.db, meeting, actor.telegramId);
}

export type VoteOutcome = (Ballot & { changed: boolean; reopened: boolean }) | Refusal;

/**
 * A member's vote on one nomination, in one transaction with the checks: the meeting still open, the member
 * entitled, the nomination on its agenda. A vote changed after the ballot was sent reopens the ballot, to be
 * confirmed again. The same vote pressed twice changes nothing the second time.
 */
export async function castVote(
  deps: Deps,
  actor: Actor | undefined,
  request: { meetingId: number; nominationId: number; vote: VoteChoice },
): Promise<VoteOutcome> {
  return deps.db.transaction().execute(async (trx): Promise<VoteOutcome> => {
    const meeting = await findMeeting(trx, request.meetingId);
    const refusal = await voterCheck(trx, meeting, actor);
    if (refusal || !meeting || !actor) return refusal ?? { ok: false, key: "cm-stale-button" };
    const before = await ballotOf(trx, meeting, actor.telegramId);
    if (!before.agenda.some((item) => item.id === request.nominationId))
      return { ok: false, key: "cm-stale-button" };
    if (before.votes.get(request.nominationId) === request.vote)
      return { ...before, changed: false, reopened: false };
    await setVote(trx, { ...request, memberId: actor.telegramId }, deps.clock());
    const reopened = before.sent;
    if (reopened) await setBallot(trx, meeting.id, actor.telegramId, null);
    return { ...(await ballotOf(trx, meeting, actor.telegramId)), changed: true, reopened };
  });
}

export type ConfirmOutcome = Ballot | Refusal;

/** The member sends the ballot: every nomination on the agenda must have a vote; sent once until changed. */
export async function confirmBallot(
  deps: Deps,
  actor: Actor | undefined,
  meetingId: number,
): Promise<ConfirmOutcome> {
  return deps.db.transaction().execute(async (trx): Promise<ConfirmOutcome> => {
    const meeting = await findMeeting(trx, meetingId);
    const refusal = await voterCheck(trx, meeting, actor);
    if (refusal || !meeting || !actor) return refusal ?? { ok: false, key: "cm-stale-button" };
    const ballot = await ballotOf(trx, meeting, actor.telegramId);
    if (ballot.sent) return { ok: false, key: "cm-ballot-already-sent" };
    const missing = ballot.agenda.filter((item) => !ballot.votes.has(item.id)).length;
    if (missing > 0) return { ok: false, key: "cm-ballot-incomplete", vars: { count: missing } };
    await setBallot(trx, meeting.id, actor.telegramId, deps.clock().toISOString());
    return { ...ballot, sent: true };
  });
}

/** Everything the tally of a meeting rests on, read in one transaction. */
export interface Counted {
  meeting: CouncilMeeting;
  members: MeetingMember[];
  agenda: AgendaItem[];
  /** Agenda nominations no longer at the agenda step (the Office returned one meanwhile): not voted on. */
  leftAgenda: AgendaItem[];
  votes: CastVote[];
  present: number[];
  tally: Tally;
  rule: PassRule;
  tieBreaks: Awaited<ReturnType<typeof tieBreaksOf>>;
}

/** The tally of a meeting as it stands, with the places left in each quota counted now. */
export async function countMeeting(deps: Deps, trx: DB, meeting: CouncilMeeting): Promise<Counted> {
  const [items, rows, ballots, tieBreaks, nominations] = await Promise.all([
    agendaOf(trx, meeting.id),
    votesOf(trx, meeting.id),
    ballotsOf(trx, meeting.id),
    tieBreaksOf(trx, meeting.id),
    listNominations(trx, meeting.round_year),
  ]);
  const agenda = items.filter((item) => item.status === agendaStepOf(deps, item.form_id));
  const leftAgenda = items.filter((item) => !agenda.includes(item));
  const members = membersOf(meeting);
  const present = ballots.filter((b) => b.sent_at !== null).map((b) => b.member_id);
  const votes: CastVote[] = rows.map((r) => ({
    nominationId: r.nomination_id,
    memberId: r.member_id,
    vote: r.vote,
  }));
  const use = quotaUse(
    deps.campaign,
    nominations.map((n) => ({ formId: n.form_id, nomineeKind: n.nominee_kind, status: n.status })),
  );
  const rule = deps.campaign.council.passWhen;
  const result = tally({
    agenda: agenda.map((item) => ({
      nominationId: item.id,
      formId: item.form_id,
      nomineeKind: item.nominee_kind,
    })),
    members: members.map((m) => m.id),
    present,
    votes,
    rule,
    slotsLeft: (group) => slotsLeftFrom(use, group),
    tieBreaks: tieBreaks.map((b) => ({
      formId: b.form_id,
      nomineeKind: b.nominee_kind,
      chosen: JSON.parse(b.chosen) as number[],
    })),
  });
  return { meeting, members, agenda, leftAgenda, votes, present, tally: result, rule, tieBreaks };
}

/** The running count, for the chair only. */
export async function runningCount(deps: Deps, actor: Actor | undefined): Promise<Counted | Refusal> {
  if ((await councilRoleOf(deps, actor)) !== "chair") return { ok: false, key: "cm-chair-only" };
  const meeting = await currentMeeting(deps.db);
  if (!meeting) return { ok: false, key: "cm-no-meeting" };
  return countMeeting(deps, deps.db, meeting);
}

/** One line of the minutes per nomination voted on. */
export interface MinutesItem {
  nominationId: number;
  nominee: string;
  nomineeKind: NomineeKind;
  unitCode: string;
  unitName: string;
  formId: string;
  agree: number;
  disagree: number;
  blank: number;
  rank: number | null;
  reachedThreshold: boolean;
  outcome: Outcome;
  overQuota: boolean;
  chosenByChair: boolean;
}

/** What the closed meeting keeps (council_meetings.minutes): who attended, each vote, the tally, the tie-breaks. */
export interface Minutes {
  meetingId: number;
  year: number;
  formIds: string[];
  openedAt: string;
  openedBy: string | null;
  closedAt: string;
  closedBy: string | null;
  rule: PassRule;
  base: number;
  needed: number;
  members: Array<MeetingMember & { present: boolean }>;
  votes: CastVote[];
  items: MinutesItem[];
  groups: Array<GroupKey & { slotsLeft: number | null; ranking: number[] }>;
  tieBreaks: Array<GroupKey & { chosen: number[]; reason: string; by: string | null }>;
  leftAgenda: Array<{ nominationId: number; nominee: string }>;
}

export interface ClosedMeeting {
  ok: true;
  kind: "closed";
  minutes: Minutes;
  /** The nominations moved, each with its history entry. */
  moved: Array<{ nomination: Nomination; historyId: number; outcome: Outcome }>;
}

export interface AwaitingTie {
  ok: true;
  kind: "tie";
  meetingId: number;
  ties: Tie[];
  counted: Counted;
}

export type CloseOutcome = ClosedMeeting | AwaitingTie | Refusal;

/**
 * Closes the meeting (the chair or the Office): tallies it, and where a tie at a quota's boundary is left to
 * the chair, waits for it; else moves every nomination voted on, by the Council, in the same transaction as the
 * quota's check, and stores the minutes.
 */
export async function closeCouncilMeeting(deps: Deps, actor: Actor | undefined): Promise<CloseOutcome> {
  const role = await councilRoleOf(deps, actor);
  if (!actor || (actor.role !== "office" && role !== "chair"))
    return { ok: false, key: "cm-close-not-allowed" };
  return deps.db.transaction().execute(async (trx): Promise<CloseOutcome> => {
    const meeting = await currentMeeting(trx);
    if (!meeting) return { ok: false, key: "cm-no-meeting" };
    const counted = await countMeeting(deps, trx, meeting);
    if (counted.tally.openTies.length > 0) {
      if (meeting.status === "open") await awaitTieBreak(trx, meeting.id);
      return { ok: true, kind: "tie", meetingId: meeting.id, ties: counted.tally.openTies, counted };
    }
    return finish(deps, trx, counted, actor);
  });
}

export type TieBreakOutcome = CloseOutcome;

/** The chair's choice among the tied at a quota's boundary, with the reason; the last one closes the meeting. */
export async function breakTie(
  deps: Deps,
  actor: Actor | undefined,
  request: GroupKey & { meetingId: number; chosen: readonly number[]; reason: string },
): Promise<TieBreakOutcome> {
  if (!actor || (await councilRoleOf(deps, actor)) !== "chair") return { ok: false, key: "cm-chair-only" };
  return deps.db.transaction().execute(async (trx): Promise<TieBreakOutcome> => {
    const meeting = await findMeeting(trx, request.meetingId);
    if (meeting?.status !== "tie_break") return { ok: false, key: "cm-tie-stale" };
    const before = await countMeeting(deps, trx, meeting);
    const tie = before.tally.openTies.find((t) => sameGroup(t, request));
    if (!tie || !isValidTieChoice(tie, request.chosen)) return { ok: false, key: "cm-tie-stale" };
    await addTieBreak(
      trx,
      {
        meetingId: meeting.id,
        formId: request.formId,
        nomineeKind: request.nomineeKind,
        chosen: request.chosen,
        reason: request.reason,
        by: actor.telegramId,
        byName: (await nameOf(trx, actor.telegramId)) ?? null,
      },
      deps.clock(),
    );
    const counted = await countMeeting(deps, trx, meeting);
    if (counted.tally.openTies.length > 0)
      return { ok: true, kind: "tie", meetingId: meeting.id, ties: counted.tally.openTies, counted };
    return finish(deps, trx, counted, actor);
  });
}

/** The moves of the Council's vote and the minutes, in the closing transaction. */
async function finish(deps: Deps, trx: DB, counted: Counted, actor: Actor): Promise<ClosedMeeting | Refusal> {
  const { meeting, tally: result } = counted;
  const now = deps.clock();
  const moved: ClosedMeeting["moved"] = [];
  const items: MinutesItem[] = [];
  for (const item of counted.agenda) {
    const counts = result.nominations.find((n) => n.nominationId === item.id);
    const form = deps.campaign.awardForms.find((f) => f.id === item.form_id);
    const route = routeOf(deps.campaign, item.form_id);
    const steps = route ? councilStep(route) : null;
    if (!counts || !form || !route || !steps) continue;
    let outcome: Outcome = counts.outcome ?? "not_passed";
    let overQuota = counts.overQuota;
    if (outcome === "passed") {
      // The quota counted again in this transaction: nothing passes over it, whatever moved meanwhile.
      const problem = transitionProblem({
        route,
        from: item.status,
        to: steps.council.id,
        by: "council",
        reason: undefined,
        form,
        nomineeKind: item.nominee_kind,
        alreadyCounted: await countAgainstQuota(
          trx,
          item.round_year,
          form.id,
          item.nominee_kind,
          quotaStatuses(route),
        ),
      });
      if (problem) {
        outcome = "not_passed";
        overQuota = problem.kind === "over_quota";
      }
    }
    const historyId = await applyMove(
      trx,
      {
        id: item.id,
        from: item.status,
        to: outcome === "passed" ? steps.council.id : "not_passed",
        by: actor.telegramId,
        byRole: "council",
        reason: null,
        updateId: null,
      },
      now,
    );
    const nomination = await findNomination(trx, item.id);
    if (historyId !== undefined && nomination) moved.push({ nomination, historyId, outcome });
    items.push({
      nominationId: item.id,
      nominee: item.nominee_name,
      nomineeKind: item.nominee_kind,
      unitCode: item.unit_code,
      unitName: item.unit_name,
      formId: item.form_id,
      agree: counts.agree,
      disagree: counts.disagree,
      blank: counts.blank,
      rank: counts.rank,
      reachedThreshold: counts.reachedThreshold,
      outcome,
      overQuota,
      chosenByChair: counts.chosenByChair,
    });
  }
  const closedBy = (await nameOf(trx, actor.telegramId)) ?? null;
  const minutes: Minutes = {
    meetingId: meeting.id,
    year: meeting.round_year,
    formIds: formIdsOf(meeting),
    openedAt: meeting.opened_at,
    openedBy: meeting.opened_by_name,
    closedAt: now.toISOString(),
    closedBy,
    rule: counted.rule,
    base: result.base,
    needed: result.needed,
    members: counted.members.map((m) => ({ ...m, present: counted.present.includes(m.id) })),
    votes: counted.votes.filter((v) => counted.present.includes(v.memberId)),
    items,
    groups: result.groups.map((g) => ({
      formId: g.formId,
      nomineeKind: g.nomineeKind,
      slotsLeft: g.slotsLeft,
      ranking: g.ranking,
    })),
    tieBreaks: counted.tieBreaks.map((b) => ({
      formId: b.form_id,
      nomineeKind: b.nominee_kind,
      chosen: JSON.parse(b.chosen) as number[],
      reason: b.reason,
      by: b.by_name,
    })),
    leftAgenda: counted.leftAgenda.map((item) => ({ nominationId: item.id, nominee: item.nominee_name })),
  };
  const closed = await closeMeeting(
    trx,
    meeting.id,
    { by: actor.telegramId, byName: closedBy, minutes: JSON.stringify(minutes) },
    now,
  );
  if (!closed) return { ok: false, key: "cm-meeting-closed" };
  // The notices go into the outbox with the moves: a crash after closing cannot lose them.
  await announceResult({ ...deps, db: trx }, minutes, actor.telegramId);
  return { ok: true, kind: "closed", minutes, moved };
}

/** The minutes of a closed meeting (the latest, or by number), for the Office, the chair and the secretary. */
export async function meetingMinutes(
  deps: Deps,
  actor: Actor | undefined,
  meetingId: number | undefined,
): Promise<{ ok: true; minutes: Minutes } | Refusal> {
  const role = await councilRoleOf(deps, actor);
  if (actor?.role !== "office" && role !== "chair" && role !== "secretary")
    return { ok: false, key: "cm-minutes-not-allowed" };
  const meeting =
    meetingId === undefined ? await latestClosedMeeting(deps.db) : await findMeeting(deps.db, meetingId);
  if (!meeting?.minutes) return { ok: false, key: "cm-no-minutes" };
  return { ok: true, minutes: JSON.parse(meeting.minutes) as Minutes };
}

export type TieChoice = { ok: true; meetingId: number; tie: Tie; counted: Counted } | Refusal;

/** A pick among the tied, checked as the chair makes it: the chair, the tie still open, picks among the tied. */
export async function tieChoice(
  deps: Deps,
  actor: Actor | undefined,
  request: GroupKey & { meetingId: number; chosen: readonly number[] },
): Promise<TieChoice> {
  if ((await councilRoleOf(deps, actor)) !== "chair") return { ok: false, key: "cm-chair-only" };
  const meeting = await findMeeting(deps.db, request.meetingId);
  if (meeting?.status !== "tie_break") return { ok: false, key: "cm-tie-stale" };
  const counted = await countMeeting(deps, deps.db, meeting);
  const tie = counted.tally.openTies.find((t) => sameGroup(t, request));
  const fits =
    tie &&
    request.chosen.length <= tie.slots &&
    new Set(request.chosen).size === request.chosen.length &&
    request.chosen.every((id) => tie.candidates.includes(id));
  if (!tie || !fits) return { ok: false, key: "cm-tie-stale" };
  return { ok: true, meetingId: meeting.id, tie, counted };
}
