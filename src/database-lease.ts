import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { DB } from "../db/connection.js";
import {
  acquireLease,
  type HeldLease,
  type LeaseHolder,
  releaseLease,
  renewLease,
} from "../db/database-lease.js";
import type { Logger } from "./logger.js";

/** A lease not renewed for this long is free: a process that vanished elsewhere blocks the next start no longer. */
export const LEASE_TTL_MS = 30_000;
const HEARTBEAT_MS = 10_000;

/** Whether the holder is a process on this host that no longer exists (killed, crashed). */
export function isGoneFromThisHost(held: HeldLease, host = hostname()): boolean {
  if (held.host !== host) return false;
  try {
    process.kill(held.pid, 0);
    return false;
  } catch (error) {
    // EPERM: it exists, as another user's process.
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

/** What a second process says when it finds the database held. */
export function heldMessage(databasePath: string, held: HeldLease): string {
  return (
    `Another ThiĐua bot process (pid ${held.pid} on ${held.host}, since ${held.acquired_at}) is using the ` +
    `database ${databasePath}. Only one process may run on a database: stop that one first. ` +
    `A process that was killed frees it at once on the same machine, otherwise when its lease runs out ` +
    `(${held.expires_at}).`
  );
}

export interface DatabaseLease {
  /** This process's id in the lease and in the outbox's claims. */
  readonly holder: string;
  /** Stops the heartbeat and gives the database up. */
  release(): Promise<void>;
}

/**
 * Takes the database for this process, or returns who holds it. While held, a heartbeat renews the lease; if
 * another process took it over meanwhile (this one was paused past the lease), `onLost` is called.
 */
export async function holdDatabase(
  db: DB,
  logger: Logger,
  onLost: () => void,
): Promise<{ lease: DatabaseLease } | { heldBy: HeldLease }> {
  const me: LeaseHolder = {
    holder: `${hostname()}:${process.pid}:${randomUUID()}`,
    pid: process.pid,
    host: hostname(),
  };
  const outcome = await acquireLease(db, me, new Date(), LEASE_TTL_MS, (held) => isGoneFromThisHost(held));
  if (!outcome.acquired) return { heldBy: outcome.heldBy };
  if (outcome.tookOverFrom)
    logger.warn(
      { pid: outcome.tookOverFrom.pid, host: outcome.tookOverFrom.host },
      "took the database over from a process that stopped without releasing it",
    );
  let beating: Promise<void> | undefined;
  const timer = setInterval(() => {
    beating ??= renewLease(db, me.holder, new Date(), LEASE_TTL_MS)
      .then((held) => {
        if (!held) onLost();
      })
      .catch((error: unknown) => logger.error({ err: error }, "could not renew the database lease"))
      .finally(() => {
        beating = undefined;
      });
  }, HEARTBEAT_MS);
  timer.unref();
  return {
    lease: {
      holder: me.holder,
      release: async () => {
        clearInterval(timer);
        await beating;
        await releaseLease(db, me.holder);
      },
    },
  };
}
