import type { DB } from "./connection.js";
import type { Recipient } from "./notices.js";
import type { CouncilMeeting, CouncilRole, CouncilTieBreakTable, Nomination } from "./schema.js";

/** A member entitled to vote in a meeting, as the Council stood when it opened. */
export interface MeetingMember {
  id: number;
  name: string | null;
  role: CouncilRole;
}

export interface NewMeeting {
  year: number;
  formIds: readonly string[];
  members: readonly MeetingMember[];
  nominationIds: readonly number[];
  by: number;
  byName: string | null;
  updateId: number;
}

/**
 * Opens a meeting with its agenda, or returns undefined where another meeting of the round is not closed yet
 * (the unique index allows one at a time, so two Office members opening at once get one meeting).
 */
export async function openMeeting(
  db: DB,
  meeting: NewMeeting,
  now: Date,
): Promise<CouncilMeeting | undefined> {
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto("council_meetings")
      .values({
        round_year: meeting.year,
        form_ids: JSON.stringify(meeting.formIds),
        status: "open",
        members: JSON.stringify(meeting.members),
        opened_by: meeting.by,
        opened_by_name: meeting.byName,
        opened_at: now.toISOString(),
        update_id: meeting.updateId,
      })
      .onConflict((oc) => oc.doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!inserted) return undefined;
    for (const [position, nominationId] of meeting.nominationIds.entries())
      await trx
        .insertInto("council_agenda")
        .values({ meeting_id: inserted.id, nomination_id: nominationId, position })
        .execute();
    return inserted;
  });
}

export async function findMeeting(db: DB, id: number): Promise<CouncilMeeting | undefined> {
  return db.selectFrom("council_meetings").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The meeting not closed yet (open, or waiting for the chair's tie-break), the latest if several rounds have one. */
export async function currentMeeting(db: DB): Promise<CouncilMeeting | undefined> {
  return db
    .selectFrom("council_meetings")
    .selectAll()
    .where("status", "!=", "closed")
    .orderBy("id", "desc")
    .executeTakeFirst();
}

/** The meeting opened by this update, if it was handled before. */
export async function meetingOfUpdate(db: DB, updateId: number): Promise<CouncilMeeting | undefined> {
  return db.selectFrom("council_meetings").selectAll().where("update_id", "=", updateId).executeTakeFirst();
}

export async function latestClosedMeeting(db: DB): Promise<CouncilMeeting | undefined> {
  return db
    .selectFrom("council_meetings")
    .selectAll()
    .where("status", "=", "closed")
    .orderBy("id", "desc")
    .executeTakeFirst();
}

export function membersOf(meeting: Pick<CouncilMeeting, "members">): MeetingMember[] {
  return JSON.parse(meeting.members) as MeetingMember[];
}

export function formIdsOf(meeting: Pick<CouncilMeeting, "form_ids">): string[] {
  return JSON.parse(meeting.form_ids) as string[];
}

export interface AgendaItem extends Nomination {
  position: number;
  unit_code: string;
  unit_name: string;
}

/** The meeting's agenda in its order, each nomination as it stands now, with its unit. */
export async function agendaOf(db: DB, meetingId: number): Promise<AgendaItem[]> {
  return db
    .selectFrom("council_agenda")
    .innerJoin("nominations", "nominations.id", "council_agenda.nomination_id")
    .innerJoin("units", "units.id", "nominations.unit_id")
    .selectAll("nominations")
    .select(["council_agenda.position", "units.code as unit_code", "units.name as unit_name"])
    .where("council_agenda.meeting_id", "=", meetingId)
    .orderBy("council_agenda.position")
    .execute();
}

export interface VoteRow {
  nomination_id: number;
  member_id: number;
  vote: "agree" | "disagree";
  at: string;
}

export async function votesOf(db: DB, meetingId: number, memberId?: number): Promise<VoteRow[]> {
  let query = db
    .selectFrom("council_votes")
    .select(["nomination_id", "member_id", "vote", "at"])
    .where("meeting_id", "=", meetingId);
  if (memberId !== undefined) query = query.where("member_id", "=", memberId);
  return query.orderBy("member_id").orderBy("nomination_id").execute();
}

/** Sets a member's vote on a nomination (a new one, or a change). */
export async function setVote(
  db: DB,
  vote: { meetingId: number; nominationId: number; memberId: number; vote: "agree" | "disagree" },
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  await db
    .insertInto("council_votes")
    .values({
      meeting_id: vote.meetingId,
      nomination_id: vote.nominationId,
      member_id: vote.memberId,
      vote: vote.vote,
      at,
    })
    .onConflict((oc) =>
      oc.columns(["meeting_id", "nomination_id", "member_id"]).doUpdateSet({ vote: vote.vote, at }),
    )
    .execute();
}

export interface BallotRow {
  member_id: number;
  sent_at: string | null;
}

export async function ballotsOf(db: DB, meetingId: number): Promise<BallotRow[]> {
  return db
    .selectFrom("council_ballots")
    .select(["member_id", "sent_at"])
    .where("meeting_id", "=", meetingId)
    .execute();
}

/** Marks the member's ballot sent (`at`), or being changed (null). */
export async function setBallot(
  db: DB,
  meetingId: number,
  memberId: number,
  at: string | null,
): Promise<void> {
  await db
    .insertInto("council_ballots")
    .values({ meeting_id: meetingId, member_id: memberId, sent_at: at })
    .onConflict((oc) => oc.columns(["meeting_id", "member_id"]).doUpdateSet({ sent_at: at }))
    .execute();
}

export type TieBreakRow = Omit<CouncilTieBreakTable, "id"> & { id: number };

export async function tieBreaksOf(db: DB, meetingId: number): Promise<TieBreakRow[]> {
  return db
    .selectFrom("council_tie_breaks")
    .selectAll()
    .where("meeting_id", "=", meetingId)
    .orderBy("id")
    .execute();
}

/** Records the chair's choice among the tied; false where that tie was broken already. */
export async function addTieBreak(
  db: DB,
  tieBreak: {
    meetingId: number;
    formId: string;
    nomineeKind: "individual" | "collective";
    chosen: readonly number[];
    reason: string;
    by: number;
    byName: string | null;
  },
  now: Date,
): Promise<boolean> {
  const result = await db
    .insertInto("council_tie_breaks")
    .values({
      meeting_id: tieBreak.meetingId,
      form_id: tieBreak.formId,
      nominee_kind: tieBreak.nomineeKind,
      chosen: JSON.stringify(tieBreak.chosen),
      reason: tieBreak.reason,
      by: tieBreak.by,
      by_name: tieBreak.byName,
      at: now.toISOString(),
    })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
}

/** Moves an open meeting to waiting for the chair's tie-break; false if it was not open. */
export async function awaitTieBreak(db: DB, meetingId: number): Promise<boolean> {
  const result = await db
    .updateTable("council_meetings")
    .set({ status: "tie_break" })
    .where("id", "=", meetingId)
    .where("status", "=", "open")
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Closes a meeting not closed yet, with its minutes; false if someone closed it first. */
export async function closeMeeting(
  db: DB,
  meetingId: number,
  close: { by: number; byName: string | null; minutes: string },
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable("council_meetings")
    .set({
      status: "closed",
      closed_by: close.by,
      closed_by_name: close.byName,
      closed_at: now.toISOString(),
      minutes: close.minutes,
    })
    .where("id", "=", meetingId)
    .where("status", "!=", "closed")
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Council members as recipients of notices, with their language and whether they are known unreachable: a
 * member may be in the Office without a row in `users`, so this goes by the preferences, as for the Office.
 */
export async function memberRecipients(db: DB, ids: readonly number[]): Promise<Recipient[]> {
  if (ids.length === 0) return [];
  const [languages, unreachable] = await Promise.all([
    db
      .selectFrom("preferences")
      .select(["telegram_id", "language"])
      .where("telegram_id", "in", [...ids])
      .execute(),
    db
      .selectFrom("unreachable_chats")
      .select("chat_id")
      .where("chat_id", "in", [...ids])
      .execute(),
  ]);
  return [...new Set(ids)].map((id) => ({
    id,
    language: languages.find((row) => row.telegram_id === id)?.language ?? "vi",
    unreachable: unreachable.some((row) => row.chat_id === id),
  }));
}
