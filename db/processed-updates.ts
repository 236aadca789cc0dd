import type { DB } from "./connection.js";

/**
 * Whether an update was handled to the end before (Telegram delivered it again). An update taken but cut
 * short (the process was killed) is not marked, so it is handled again; the flows recognise what it stored.
 */
export async function wasHandled(db: DB, updateId: number): Promise<boolean> {
  const row = await db
    .selectFrom("processed_updates")
    .select("finished_at")
    .where("update_id", "=", updateId)
    .executeTakeFirst();
  return row?.finished_at != null;
}

/** Marks an update handled to the end: one write per update, after its work. */
export async function finishUpdate(db: DB, updateId: number, receivedAt: Date, now: Date): Promise<void> {
  const finishedAt = now.toISOString();
  await db
    .insertInto("processed_updates")
    .values({ update_id: updateId, received_at: receivedAt.toISOString(), finished_at: finishedAt })
    .onConflict((oc) => oc.column("update_id").doUpdateSet({ finished_at: finishedAt }))
    .execute();
}

export async function forgetUpdatesBefore(db: DB, cutoff: Date): Promise<void> {
  await db.deleteFrom("processed_updates").where("received_at", "<", cutoff.toISOString()).execute();
}
