import type { Campaign } from "../src/campaign/schema.js";
import { searchKey } from "../src/domain/names.js";
import { isDecided, routeOf } from "../src/domain/routes.js";
import type { DB } from "./connection.js";
import { precompile } from "./precompiled.js";
import type { Nomination, NominationHistory, NominationStatusColumn, Role } from "./schema.js";
import { nameOf } from "./users.js";

export interface NewNomination {
  year: number;
  unitId: number;
  formId: string;
  nomineeKind: "individual" | "collective";
  nomineeId: number;
  nomineeName: string;
  eligible: boolean;
  resultSummary: string;
  reason: string | null;
  by: number;
  byRole: Role;
  updateId: number | null;
}

/**
 * Adds a draft nomination with its first history entry; undefined when the nominee is already proposed for
 * that form in the round (by anyone: a person can be in one unit only, but a re-handled update can repeat).
 */
export async function addNomination(db: DB, n: NewNomination, now: Date): Promise<Nomination | undefined> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto("nominations")
      .values({
        round_year: n.year,
        unit_id: n.unitId,
        form_id: n.formId,
        nominee_kind: n.nomineeKind,
        nominee_id: n.nomineeId,
        nominee_name: n.nomineeName,
        eligible: n.eligible ? 1 : 0,
        result_summary: n.resultSummary,
        reason: n.reason,
        status: "draft",
        created_by: n.by,
        created_at: at,
        updated_at: at,
      })
      .onConflict((oc) => oc.doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!inserted) return undefined;
    const proposerName = (await nameOf(trx, n.by)) ?? null;
    await trx
      .insertInto("nomination_history")
      .values({
        nomination_id: inserted.id,
        from_status: null,
        to_status: "draft",
        by: n.by,
        by_role: n.byRole,
        by_name: proposerName,
        reason: n.reason,
        at,
        update_id: n.updateId,
      })
      .execute();
    return inserted;
  });
}

export async function findNomination(db: DB, id: number): Promise<Nomination | undefined> {
  return db.selectFrom("nominations").selectAll().where("id", "=", id).executeTakeFirst();
}

export interface NominationFilter {
  unitId?: number;
  formId?: string;
}

export interface NominationWithUnit extends Nomination {
  unit_code: string;
  unit_name: string;
}

/** A round's nominations, unit by unit in code order, each unit's collective first, then people by name. */
export async function listNominations(
  db: DB,
  year: number,
  filter: NominationFilter = {},
): Promise<NominationWithUnit[]> {
  let query = db
    .selectFrom("nominations")
    .innerJoin("units", "units.id", "nominations.unit_id")
    .selectAll("nominations")
    .select(["units.code as unit_code", "units.name as unit_name"])
    .where("nominations.round_year", "=", year);
  if (filter.unitId !== undefined) query = query.where("nominations.unit_id", "=", filter.unitId);
  if (filter.formId !== undefined) query = query.where("nominations.form_id", "=", filter.formId);
  const rows = await query.execute();
  // In Vietnamese order (Đ after D, not after Z), which SQLite's byte order does not give.
  const collective = (n: NominationWithUnit) => (n.nominee_kind === "collective" ? 0 : 1);
  return rows.sort(
    (a, b) =>
      a.unit_code.localeCompare(b.unit_code) ||
      a.form_id.localeCompare(b.form_id) ||
      collective(a) - collective(b) ||
      searchKey(a.nominee_name).localeCompare(searchKey(b.nominee_name)) ||
      a.nominee_name.localeCompare(b.nominee_name, "vi") ||
      a.id - b.id,
  );
}

/** A draft the head takes back: it was never sent, so it goes with its history. */
export async function deleteDraft(db: DB, id: number, unitId: number): Promise<boolean> {
  const result = await db
    .deleteFrom("nominations")
    .where("id", "=", id)
    .where("unit_id", "=", unitId)
    .where("status", "=", "draft")
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export interface Move {
  id: number;
  from: NominationStatusColumn;
  to: NominationStatusColumn;
  by: number;
  /** "council": the Council's vote moved it when its meeting closed (`by` is who closed the meeting). */
  byRole: Role | "council";
  reason: string | null;
  updateId: number | null;
  /** For a move to "awarded": the decision, stored on the nomination and in the history. */
  decision?: Decision;
  /** The history entry this move undoes. */
  undoOf?: number;
  /** The route record (a Tờ trình, a decision) the move is made with. */
  recordId?: number;
}

export interface Decision {
  number: string;
  /** YYYY-MM-DD */
  date: string;
  issuer: string;
}

/**
 * Moves a nomination if it is still where the mover saw it; undefined if someone moved it first, else the
 * history entry of the move.
 */
export async function moveNomination(db: DB, move: Move, now: Date): Promise<number | undefined> {
  return db.transaction().execute(async (trx) => applyMove(trx, move, now));
}

export async function applyMove(db: DB, move: Move, now: Date): Promise<number | undefined> {
  const at = now.toISOString();
  // A decision stands on the nomination while it is awarded; undoing the award clears it there, not in the history.
  const decision =
    move.to === "awarded" && move.decision
      ? {
          decision_number: move.decision.number,
          decision_date: move.decision.date,
          decision_issuer: move.decision.issuer,
        }
      : move.from === "awarded"
        ? { decision_number: null, decision_date: null, decision_issuer: null }
        : {};
  const result = await db
    .updateTable("nominations")
    .set({ status: move.to, updated_at: at, ...decision })
    .where("id", "=", move.id)
    .where("status", "=", move.from)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) return undefined;
  const moverName = (await nameOf(db, move.by)) ?? null;
  const entry = await db
    .insertInto("nomination_history")
    .values({
      nomination_id: move.id,
      from_status: move.from,
      to_status: move.to,
      by: move.by,
      by_role: move.byRole,
      by_name: moverName,
      reason: move.reason,
      at,
      update_id: move.updateId,
      decision: move.decision ? JSON.stringify(move.decision) : null,
      undo_of: move.undoOf ?? null,
      record_id: move.recordId ?? null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return entry.id;
}

export interface UnitMove {
  nominationId: number;
  from: NominationStatusColumn;
  historyId: number;
}

/** Moves every nomination of a unit that stands in `from` (a dossier submitted or returned as a whole). */
export async function moveUnitNominations(
  db: DB,
  year: number,
  unitId: number,
  from: readonly NominationStatusColumn[],
  to: NominationStatusColumn,
  by: { id: number; role: Role; reason: string | null; updateId: number | null },
  now: Date,
): Promise<UnitMove[]> {
  const rows = await db
    .selectFrom("nominations")
    .select(["id", "status"])
    .where("round_year", "=", year)
    .where("unit_id", "=", unitId)
    .where("status", "in", [...from])
    .orderBy("id")
    .execute();
  const moves: UnitMove[] = [];
  for (const row of rows) {
    const historyId = await applyMove(
      db,
      {
        id: row.id,
        from: row.status,
        to,
        by: by.id,
        byRole: by.role,
        reason: by.reason,
        updateId: by.updateId,
      },
      now,
    );
    if (historyId !== undefined) moves.push({ nominationId: row.id, from: row.status, historyId });
  }
  return moves;
}

export async function nominationHistory(db: DB, nominationId: number): Promise<NominationHistory[]> {
  return db
    .selectFrom("nomination_history")
    .selectAll()
    .where("nomination_id", "=", nominationId)
    .orderBy("id")
    .execute();
}

/**
 * A nomination's latest move and the reason given with it: the reason for where the nomination stands now. An older
 * reason (a return the unit has since corrected) stays in the history only.
 */
export interface LatestMove {
  at: string;
  reason: string | null;
}

/** Every nomination of the round's latest move, by nomination id, in one query (a nomination never moved is left out). */
export async function latestMoves(db: DB, year: number): Promise<Map<number, LatestMove>> {
  const rows = await db
    .selectFrom("nominations")
    .select((eb) => [
      "nominations.id",
      eb
        .selectFrom("nomination_history as h")
        .select("h.at")
        .whereRef("h.nomination_id", "=", "nominations.id")
        .orderBy("h.id", "desc")
        .limit(1)
        .as("last_at"),
      eb
        .selectFrom("nomination_history as h")
        .select("h.reason")
        .whereRef("h.nomination_id", "=", "nominations.id")
        .orderBy("h.id", "desc")
        .limit(1)
        .as("last_reason"),
    ])
    .where("nominations.round_year", "=", year)
    .execute();
  const moves = new Map<number, LatestMove>();
  for (const row of rows)
    if (row.last_at) moves.set(row.id, { at: row.last_at, reason: row.last_reason ?? null });
  return moves;
}

/** The position (chức vụ) of each person nominated in the round who is still registered, by nomination id. */
export async function nomineePositions(db: DB, year: number): Promise<Map<number, string>> {
  const rows = await db
    .selectFrom("nominations")
    .innerJoin("users", "users.telegram_id", "nominations.nominee_id")
    .select(["nominations.id", "users.position"])
    .where("nominations.round_year", "=", year)
    .where("nominations.nominee_kind", "=", "individual")
    .execute();
  return new Map(rows.map((row) => [row.id, row.position]));
}

/** The person's (or unit's) nomination the Office has decided on in the round, if any: it locks their answers. */
export async function decidedNominationOf(
  db: DB,
  campaign: Campaign,
  year: number,
  nomineeKind: "individual" | "collective",
  nomineeId: number,
): Promise<Nomination | undefined> {
  const beyondUnit = await nominationsBeyondUnit.rows(db, year, nomineeKind, nomineeId);
  return beyondUnit.find((n) => isDecided(routeOf(campaign, n.form_id), n.status));
}

/** Nominations the unit has sent and not taken back: where a decided one is looked for. */
const nominationsBeyondUnit = precompile(
  (db: DB, year: number, nomineeKind: "individual" | "collective", nomineeId: number) =>
    db
      .selectFrom("nominations")
      .selectAll()
      .where("round_year", "=", year)
      .where("nominee_kind", "=", nomineeKind)
      .where("nominee_id", "=", nomineeId)
      .where("status", "not in", ["draft", "returned", "withdrawn", "submitted"])
      .orderBy("id"),
);

/** The moves to `to` of a unit's nominations made while handling `updateId` (a sending, a return). */
export async function movesOfUpdate(
  db: DB,
  year: number,
  unitId: number,
  updateId: number,
  to: NominationStatusColumn,
): Promise<UnitMove[]> {
  const rows = await db
    .selectFrom("nomination_history")
    .innerJoin("nominations", "nominations.id", "nomination_history.nomination_id")
    .select(["nomination_history.id", "nomination_history.nomination_id", "nomination_history.from_status"])
    .where("nominations.round_year", "=", year)
    .where("nominations.unit_id", "=", unitId)
    .where("nomination_history.update_id", "=", updateId)
    .where("nomination_history.to_status", "=", to)
    .orderBy("nomination_history.id")
    .execute();
  return rows.flatMap((row) =>
    row.from_status ? [{ nominationId: row.nomination_id, from: row.from_status, historyId: row.id }] : [],
  );
}

/** The last move made while handling `updateId`, if any: a re-handled update recognises its own work. */
export async function moveOfUpdate(
  db: DB,
  nominationId: number,
  updateId: number,
): Promise<NominationHistory | undefined> {
  return db
    .selectFrom("nomination_history")
    .selectAll()
    .where("nomination_id", "=", nominationId)
    .where("update_id", "=", updateId)
    .orderBy("id", "desc")
    .executeTakeFirst();
}

/** How many nominations of a form and nominee kind stand at one of `statuses` (its route's quota steps) in the round. */
export async function countAgainstQuota(
  db: DB,
  year: number,
  formId: string,
  nomineeKind: "individual" | "collective",
  statuses: readonly string[],
): Promise<number> {
  if (statuses.length === 0) return 0;
  const row = await db
    .selectFrom("nominations")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("round_year", "=", year)
    .where("form_id", "=", formId)
    .where("nominee_kind", "=", nomineeKind)
    .where("status", "in", [...statuses])
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
