import { sql } from "kysely";
import type { DB } from "./connection.js";

/** Who holds the database: a process on a host. */
export interface LeaseHolder {
  /** Unique to one run of the process. */
  holder: string;
  pid: number;
  host: string;
}

export interface HeldLease extends LeaseHolder {
  acquired_at: string;
  expires_at: string;
}

export type LeaseOutcome =
  | { acquired: true; tookOverFrom?: HeldLease }
  | { acquired: false; heldBy: HeldLease };

async function currentLease(db: DB): Promise<HeldLease | undefined> {
  return db
    .selectFrom("database_lease")
    .select(["holder", "pid", "host", "acquired_at", "expires_at"])
    .where("id", "=", 1)
    .executeTakeFirst();
}

/**
 * Takes the database for this process until `now + ttlMs`, unless another process holds it: one whose lease
 * has not expired and which `isGone` does not find dead (a process killed on this host frees the database at
 * once, one on another host when its lease runs out). The write is one conditional statement, so two processes
 * starting together cannot both get it.
 */
export async function acquireLease(
  db: DB,
  me: LeaseHolder,
  now: Date,
  ttlMs: number,
  isGone: (held: HeldLease) => boolean,
): Promise<LeaseOutcome> {
  const held = await currentLease(db);
  const free = held === undefined || held.holder === me.holder || held.expires_at <= now.toISOString();
  if (held && !free && !isGone(held)) return { acquired: false, heldBy: held };
  const written = await db
    .insertInto("database_lease")
    .values({
      id: 1,
      ...me,
      acquired_at: now.toISOString(),
      expires_at: new Date(now.getTime() + ttlMs).toISOString(),
    })
    .onConflict((oc) =>
      oc
        .column("id")
        .doUpdateSet((eb) => ({
          holder: eb.ref("excluded.holder"),
          pid: eb.ref("excluded.pid"),
          host: eb.ref("excluded.host"),
          acquired_at: eb.ref("excluded.acquired_at"),
          expires_at: eb.ref("excluded.expires_at"),
        }))
        // Only the lease as it was read (expired, or its holder gone): never one another process just took.
        .where((eb) =>
          eb.and([
            eb("database_lease.holder", "=", held?.holder ?? ""),
            eb("database_lease.expires_at", "=", held?.expires_at ?? ""),
          ]),
        ),
    )
    .executeTakeFirst();
  if ((written.numInsertedOrUpdatedRows ?? 0n) === 0n) {
    const nowHeld = await currentLease(db);
    if (nowHeld && nowHeld.holder !== me.holder) return { acquired: false, heldBy: nowHeld };
  }
  return held && held.holder !== me.holder ? { acquired: true, tookOverFrom: held } : { acquired: true };
}

/** Extends this process's lease; false if it no longer holds it (another process took it over). */
export async function renewLease(db: DB, holder: string, now: Date, ttlMs: number): Promise<boolean> {
  const renewed = await db
    .updateTable("database_lease")
    .set({ expires_at: new Date(now.getTime() + ttlMs).toISOString() })
    .where("id", "=", 1)
    .where("holder", "=", holder)
    .executeTakeFirst();
  return (renewed.numUpdatedRows ?? 0n) > 0n;
}

/** Gives the database up on a clean stop, so that the next start need not wait. */
export async function releaseLease(db: DB, holder: string): Promise<void> {
  await db.deleteFrom("database_lease").where("id", "=", 1).where("holder", "=", holder).execute();
}

/** Whether the database has its lease table yet (migration 0020): a new file or an older one has not. */
export async function hasLeaseTable(db: DB): Promise<boolean> {
  const found = await sql<{ name: string }>`
    SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'database_lease'`.execute(db);
  return found.rows.length > 0;
}
