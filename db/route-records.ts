import type { DB } from "./connection.js";
import type { Nomination, RouteDraft, RouteRecord } from "./schema.js";
import { nameOf } from "./users.js";

/** A checklist started with /record: who, which form, from which status to which. */
export interface NewRouteDraft {
  officeId: number;
  year: number;
  formId: string;
  from: string;
  to: string;
  nominationIds: readonly number[];
}

/** Starts (or starts again) an Office member's record: any earlier one of theirs is replaced. */
export async function startRouteDraft(db: DB, draft: NewRouteDraft, now: Date): Promise<void> {
  const row = {
    round_year: draft.year,
    form_id: draft.formId,
    from_status: draft.from,
    to_status: draft.to,
    nomination_ids: JSON.stringify(draft.nominationIds),
    unticked: "[]",
    number: null,
    date: null,
    reason: null,
    updated_at: now.toISOString(),
  };
  await db
    .insertInto("route_drafts")
    .values({ office_id: draft.officeId, ...row })
    .onConflict((oc) => oc.column("office_id").doUpdateSet(row))
    .execute();
}

export async function findRouteDraft(db: DB, officeId: number): Promise<RouteDraft | undefined> {
  return db.selectFrom("route_drafts").selectAll().where("office_id", "=", officeId).executeTakeFirst();
}

/** Keeps one answer (what is unticked, the number, the date, the reason) of a record being put together. */
export async function updateRouteDraft(
  db: DB,
  officeId: number,
  change: Partial<Pick<RouteDraft, "unticked" | "number" | "date" | "reason">>,
  now: Date,
): Promise<void> {
  await db
    .updateTable("route_drafts")
    .set({ ...change, updated_at: now.toISOString() })
    .where("office_id", "=", officeId)
    .execute();
}

export async function deleteRouteDraft(db: DB, officeId: number): Promise<void> {
  await db.deleteFrom("route_drafts").where("office_id", "=", officeId).execute();
}

/** The round's nominations of a form standing at `status`, oldest first. */
export async function nominationsAt(
  db: DB,
  year: number,
  formId: string,
  status: string,
): Promise<Nomination[]> {
  return db
    .selectFrom("nominations")
    .selectAll()
    .where("round_year", "=", year)
    .where("form_id", "=", formId)
    .where("status", "=", status)
    .orderBy("id")
    .execute();
}

export interface NewRouteRecord {
  year: number;
  formId: string;
  stepId: string;
  kind: "proposal" | "decision";
  number: string;
  date: string;
  party: string;
  nominationIds: readonly number[];
  by: number;
  updateId: number | null;
}

/** Stores a Tờ trình or a decision; its moves point at it by nomination_history.record_id. */
export async function insertRouteRecord(db: DB, record: NewRouteRecord, now: Date): Promise<number> {
  const row = await db
    .insertInto("route_records")
    .values({
      round_year: record.year,
      form_id: record.formId,
      step_id: record.stepId,
      kind: record.kind,
      number: record.number,
      date: record.date,
      party: record.party,
      nomination_ids: JSON.stringify(record.nominationIds),
      by: record.by,
      by_name: (await nameOf(db, record.by)) ?? null,
      at: now.toISOString(),
      update_id: record.updateId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * For each nomination of the round, the last record its moves were made with (a Tờ trình, a decision), among
 * the moves it still stands on: a move undone since does not count.
 */
export async function latestRecords(db: DB, year: number): Promise<Map<number, RouteRecord>> {
  const rows = await db
    .selectFrom("nomination_history as h")
    .innerJoin("nominations as n", "n.id", "h.nomination_id")
    .innerJoin("route_records as r", "r.id", "h.record_id")
    .selectAll("r")
    .select(["h.nomination_id as nomination_id", "h.to_status as to_status", "n.status as status"])
    .where("n.round_year", "=", year)
    .orderBy("h.id")
    .execute();
  const latest = new Map<number, RouteRecord>();
  for (const { nomination_id, to_status, status, ...record } of rows)
    if (to_status === status) latest.set(nomination_id, record);
  return latest;
}

/** The moves an Office member made while handling `updateId` (a record confirmed, handled again after a crash). */
export async function recordMovesOfUpdate(
  db: DB,
  by: number,
  updateId: number,
): Promise<
  Array<{ nominationId: number; historyId: number; recordId: number | null; reason: string | null }>
> {
  const rows = await db
    .selectFrom("nomination_history")
    .select(["id", "nomination_id", "record_id", "reason"])
    .where("by", "=", by)
    .where("by_role", "=", "office")
    .where("update_id", "=", updateId)
    .orderBy("id")
    .execute();
  return rows.map((row) => ({
    nominationId: row.nomination_id,
    historyId: row.id,
    recordId: row.record_id,
    reason: row.reason,
  }));
}

export async function findRouteRecord(db: DB, id: number): Promise<RouteRecord | undefined> {
  return db.selectFrom("route_records").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The record a nomination was moved to where it stands with (a Tờ trình, a decision), if any. */
export async function standingRecordOf(
  db: DB,
  nomination: { id: number; status: string },
): Promise<RouteRecord | undefined> {
  const last = await db
    .selectFrom("nomination_history")
    .select(["to_status", "record_id"])
    .where("nomination_id", "=", nomination.id)
    .orderBy("id", "desc")
    .executeTakeFirst();
  if (!last?.record_id || last.to_status !== nomination.status) return undefined;
  return findRouteRecord(db, last.record_id);
}
