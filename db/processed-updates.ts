import type { DB } from "./connection.js";

export type UpdateClaim = "new" | "interrupted" | "finished";

/**
 * Takes an update for handling. "finished": it was handled before (Telegram delivered it again);
 * "interrupted": it was taken before but its handling never finished (the process was killed).
 */
export async function claimUpdate(db: DB, updateId: number, now: Date): Promise<UpdateClaim> {
  const inserted = await db
    .insertInto("processed_updates")
    .values({ update_id: updateId, received_at: now.toISOString(), finished_at: null })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  if ((inserted.numInsertedOrUpdatedRows ?? 0n) > 0n) return "new";
  const row = await db
    .selectFrom("processed_updates")
    .select("finished_at")
    .where("update_id", "=", updateId)
    .executeTakeFirst();
  return row?.finished_at ? "finished" : "interrupted";
}

export async function finishUpdate(db: DB, updateId: number, now: Date): Promise<void> {
  await db
    .updateTable("processed_updates")
    .set({ finished_at: now.toISOString() })
    .where("update_id", "=", updateId)
    .execute();
}

export async function forgetUpdatesBefore(db: DB, cutoff: Date): Promise<void> {
  await db.deleteFrom("processed_updates").where("received_at", "<", cutoff.toISOString()).execute();
}
