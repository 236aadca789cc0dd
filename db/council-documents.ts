import type { DB } from "./connection.js";

/** The positions of the individual nominees of these nominations, as their users' rows hold them now. */
export async function nomineePositions(
  db: DB,
  nominationIds: readonly number[],
): Promise<Map<number, string>> {
  if (nominationIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("nominations")
    .innerJoin("users", "users.telegram_id", "nominations.nominee_id")
    .select(["nominations.id", "users.position"])
    .where("nominations.id", "in", [...nominationIds])
    .where("nominations.nominee_kind", "=", "individual")
    .execute();
  return new Map(rows.flatMap((row) => (row.position ? [[row.id, row.position] as [number, string]] : [])));
}

/** What a closed meeting decided on one nomination: the meeting, when it closed, and its minutes' JSON. */
export interface MeetingOfNomination {
  nominationId: number;
  meetingId: number;
  closedAt: string;
  minutes: string;
}

/**
 * For each of these nominations, the latest closed meeting that had it on its agenda (a nomination put before
 * the Council again is decided by its last meeting). A nomination passed outside any meeting has none.
 */
export async function lastMeetingsOf(
  db: DB,
  nominationIds: readonly number[],
): Promise<Map<number, MeetingOfNomination>> {
  if (nominationIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("council_agenda")
    .innerJoin("council_meetings", "council_meetings.id", "council_agenda.meeting_id")
    .select([
      "council_agenda.nomination_id as nominationId",
      "council_meetings.id as meetingId",
      "council_meetings.closed_at as closedAt",
      "council_meetings.minutes as minutes",
    ])
    .where("council_agenda.nomination_id", "in", [...nominationIds])
    .where("council_meetings.status", "=", "closed")
    .orderBy("council_meetings.id")
    .execute();
  const found = new Map<number, MeetingOfNomination>();
  for (const row of rows)
    if (row.closedAt !== null && row.minutes !== null)
      found.set(row.nominationId, { ...row, closedAt: row.closedAt, minutes: row.minutes });
  return found;
}
