import type { DB } from "./connection.js";

/** Records an update as taken; false if it was taken before (Telegram delivered it again). */
export async function markUpdateTaken(db: DB, updateId: number, now: Date): Promise<boolean> {
  const result = await db
    .insertInto("processed_updates")
    .values({ update_id: updateId, received_at: now.toISOString() })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
}

export async function forgetUpdatesBefore(db: DB, cutoff: Date): Promise<void> {
  await db.deleteFrom("processed_updates").where("received_at", "<", cutoff.toISOString()).execute();
}
