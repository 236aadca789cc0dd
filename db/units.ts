import { sql } from "kysely";
import { atomically, type DB } from "./connection.js";
import type { Unit } from "./schema.js";

export interface UnitWithCounts extends Unit {
  members: number;
}

export async function listUnits(db: DB, options: { includeArchived: boolean }): Promise<UnitWithCounts[]> {
  let query = db
    .selectFrom("units")
    .leftJoin("users", "users.unit_id", "units.id")
    .selectAll("units")
    .select((eb) => eb.fn.count<number>("users.telegram_id").as("members"))
    .groupBy("units.id")
    .orderBy("units.archived_at")
    .orderBy("units.code");
  if (!options.includeArchived) query = query.where("units.archived_at", "is", null);
  return query.execute();
}

export async function findUnitByCode(db: DB, code: string): Promise<Unit | undefined> {
  return db
    .selectFrom("units")
    .selectAll()
    .where(sql<string>`upper(code)`, "=", code.toLocaleUpperCase("vi"))
    .executeTakeFirst();
}

export async function findUnitById(db: DB, id: number): Promise<Unit | undefined> {
  return db.selectFrom("units").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Returns undefined when the code is taken (by an active or archived unit). */
export async function addUnit(
  db: DB,
  unit: { code: string; name: string; isSample?: boolean; officeProposes?: boolean },
  now: Date,
): Promise<Unit | undefined> {
  return db
    .insertInto("units")
    .values({
      code: unit.code,
      name: unit.name,
      is_sample: unit.isSample ? 1 : 0,
      office_proposes: unit.officeProposes ? 1 : 0,
      created_at: now.toISOString(),
    })
    .onConflict((oc) => oc.doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function renameUnit(db: DB, id: number, name: string): Promise<void> {
  await db.updateTable("units").set({ name }).where("id", "=", id).execute();
}

export async function setUnitArchived(db: DB, id: number, archivedAt: Date | null): Promise<void> {
  await db
    .updateTable("units")
    .set({ archived_at: archivedAt?.toISOString() ?? null })
    .where("id", "=", id)
    .execute();
}

/** Whether the Office proposes the unit and its people (no unit head above them), or the unit's head does. */
export async function setOfficeProposes(db: DB, id: number, officeProposes: boolean): Promise<void> {
  await db
    .updateTable("units")
    .set({ office_proposes: officeProposes ? 1 : 0 })
    .where("id", "=", id)
    .execute();
}

/** The active units the Office proposes (the Ban Giám đốc, the Văn phòng Sở), by code. */
export async function listOfficeProposedUnits(db: DB): Promise<Unit[]> {
  return db
    .selectFrom("units")
    .selectAll()
    .where("office_proposes", "=", 1)
    .where("archived_at", "is", null)
    .orderBy("code")
    .execute();
}

/** The unit a group chat is bound to, if any (or whether it is bound to the unit `unitId`). */
export async function unitOfGroup(db: DB, chatId: number, unitId?: number): Promise<Unit | undefined> {
  let query = db.selectFrom("units").selectAll().where("group_chat_id", "=", chatId);
  if (unitId !== undefined) query = query.where("id", "=", unitId);
  return query.orderBy("id").executeTakeFirst();
}

export type GroupBinding = { bound: true } | { bound: false; heldBy: Unit };

/**
 * Binds a group chat to a unit (its reminders go there), in one transaction: a group is one unit's. A group
 * another unit holds is left as it is, unless `takeFromAnother` (the Office): then the other unit loses it.
 */
export async function bindGroupChat(
  db: DB,
  chatId: number,
  unitId: number,
  takeFromAnother: boolean,
): Promise<GroupBinding> {
  return atomically(db, async (trx) => {
    const heldBy = await trx
      .selectFrom("units")
      .selectAll()
      .where("group_chat_id", "=", chatId)
      .where("id", "!=", unitId)
      .orderBy("id")
      .executeTakeFirst();
    if (heldBy && !takeFromAnother) return { bound: false, heldBy };
    await trx
      .updateTable("units")
      .set({ group_chat_id: null })
      .where("group_chat_id", "=", chatId)
      .where("id", "!=", unitId)
      .execute();
    await trx.updateTable("units").set({ group_chat_id: chatId }).where("id", "=", unitId).execute();
    return { bound: true };
  });
}

/** Unbinds a group chat: from the one unit given, or from every unit when `unitId` is undefined (the Office). */
export async function unbindGroupChat(db: DB, chatId: number, unitId: number | undefined): Promise<void> {
  let query = db.updateTable("units").set({ group_chat_id: null }).where("group_chat_id", "=", chatId);
  if (unitId !== undefined) query = query.where("id", "=", unitId);
  await query.execute();
}
