import type { DB } from "./connection.js";
import { precompile } from "./precompiled.js";

/**
 * Whether an update was handled to the end before (Telegram delivered it again). An update taken but cut
 * short (the process was killed) is not marked, so it is handled again; the flows recognise what it stored.
 */
const finishedAt = precompile((db: DB, updateId: number) =>
  db.selectFrom("processed_updates").select("finished_at").where("update_id", "=", updateId),
);

export async function wasHandled(db: DB, updateId: number): Promise<boolean> {
  return (await finishedAt.first(db, updateId))?.finished_at != null;
}

const markFinished = precompile((db: DB, updateId: number, receivedAt: string, finishedAt: string) =>
  db
    .insertInto("processed_updates")
    .values({ update_id: updateId, received_at: receivedAt, finished_at: finishedAt })
    .onConflict((oc) => oc.column("update_id").doUpdateSet({ finished_at: finishedAt })),
);

/** Marks an update handled to the end: one write per update, after its work. */
export async function finishUpdate(db: DB, updateId: number, receivedAt: Date, now: Date): Promise<void> {
  await markFinished.run(db, updateId, receivedAt.toISOString(), now.toISOString());
}

/** The highest update id stored, or 0 for none. */
export async function highestUpdateId(db: DB): Promise<number> {
  const row = await db
    .selectFrom("processed_updates")
    .select((eb) => eb.fn.max("update_id").as("highest"))
    .executeTakeFirst();
  return row?.highest ?? 0;
}

export async function forgetUpdatesBefore(db: DB, cutoff: Date): Promise<void> {
  await db.deleteFrom("processed_updates").where("received_at", "<", cutoff.toISOString()).execute();
}
