import type { DB } from "./connection.js";
import { precompile } from "./precompiled.js";
import type { Round } from "./schema.js";

export async function listRounds(db: DB): Promise<Round[]> {
  return db.selectFrom("rounds").selectAll().orderBy("year", "desc").execute();
}

export async function findRound(db: DB, year: number): Promise<Round | undefined> {
  return db.selectFrom("rounds").selectAll().where("year", "=", year).executeTakeFirst();
}

/**
 * Opens a new round, or reopens a closed one, with its own deadline: the caller passes the stored one to keep
 * it, or the one the Office set when it had passed.
 */
export async function openRound(
  db: DB,
  round: { year: number; campaignId: string; deadline: Date; openedBy: number },
  now: Date,
): Promise<void> {
  await db
    .insertInto("rounds")
    .values({
      year: round.year,
      campaign_id: round.campaignId,
      status: "open",
      deadline_at: round.deadline.toISOString(),
      opened_at: now.toISOString(),
      opened_by: round.openedBy,
    })
    .onConflict((oc) =>
      oc
        .column("year")
        .doUpdateSet({ status: "open", closed_at: null, deadline_at: round.deadline.toISOString() }),
    )
    .execute();
}

export async function closeRound(db: DB, year: number, now: Date): Promise<void> {
  await db
    .updateTable("rounds")
    .set({ status: "closed", closed_at: now.toISOString() })
    .where("year", "=", year)
    .execute();
}

const latestOpenRound = precompile((db: DB) =>
  db.selectFrom("rounds").selectAll().where("status", "=", "open").orderBy("year", "desc"),
);

/** The round people work in now: the latest open one. */
export async function findOpenRound(db: DB): Promise<Round | undefined> {
  return latestOpenRound.first(db);
}
