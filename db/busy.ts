import SQLite from "better-sqlite3";
import { FifoMutex } from "./fifo-mutex.js";

/**
 * How long one statement may wait, blocking the process, for a write lock another program holds (a backup, an
 * `sqlite3` shell). better-sqlite3 waits synchronously: the whole bot stands still for that long, so it is
 * short, and a longer wait is spent in `BusyRetry`, with the event loop free.
 */
export const BUSY_TIMEOUT_MS = 50;

export interface BusyPolicy {
  /** The first pause after a busy answer; each next one doubles, up to `longestPauseMs`. */
  firstPauseMs: number;
  longestPauseMs: number;
  /** After this long busy, the statement fails (and the update gets its apology). */
  giveUpAfterMs: number;
}

/** Long enough to outlast a person's `sqlite3` shell holding a write for a few seconds. */
export const DEFAULT_BUSY_POLICY: BusyPolicy = {
  firstPauseMs: 20,
  longestPauseMs: 500,
  giveUpAfterMs: 30_000,
};

/** SQLite answered "the database is locked": another connection holds the lock this statement needs. */
export function isBusy(error: unknown): boolean {
  return error instanceof SQLite.SqliteError && /^SQLITE_BUSY/.test(error.code);
}

/** What a waiter lets go of while it pauses, so that others use the connection meanwhile. */
export interface Yielding {
  release(): void;
  reacquire(): Promise<void>;
}

export interface BusyWait {
  waitedMs: number;
  attempts: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Tries a statement again, asynchronously, while SQLite answers busy. The waiters take turns (one probes the
 * lock, the others wait behind it), so however many updates want to write, the process blocks at most one
 * `BUSY_TIMEOUT_MS` per pause; a statement's earlier failed try changed nothing, so trying again is safe.
 */
export class BusyRetry {
  private readonly probing = new FifoMutex();

  constructor(
    private readonly policy: BusyPolicy = DEFAULT_BUSY_POLICY,
    private readonly onWaited?: (wait: BusyWait) => void,
  ) {}

  async run<T>(attempt: () => Promise<T>, yielding: Yielding): Promise<T> {
    try {
      return await attempt();
    } catch (error) {
      if (!isBusy(error)) throw error;
      return this.retry(attempt, yielding, error);
    }
  }

  private async retry<T>(attempt: () => Promise<T>, yielding: Yielding, first: unknown): Promise<T> {
    const started = performance.now();
    let pauseMs = this.policy.firstPauseMs;
    let attempts = 1;
    let lastError = first;
    yielding.release();
    await this.probing.lock();
    try {
      for (;;) {
        const waited = performance.now() - started;
        if (waited >= this.policy.giveUpAfterMs) {
          // The caller holds the connection again when this returns, either way.
          await yielding.reacquire();
          throw lastError;
        }
        await sleep(Math.min(pauseMs, this.policy.giveUpAfterMs - waited));
        pauseMs = Math.min(pauseMs * 2, this.policy.longestPauseMs);
        await yielding.reacquire();
        attempts++;
        try {
          const result = await attempt();
          this.onWaited?.({ waitedMs: Math.round(performance.now() - started), attempts });
          return result;
        } catch (error) {
          if (!isBusy(error)) throw error;
          lastError = error;
          yielding.release();
        }
      }
    } finally {
      this.probing.unlock();
    }
  }
}
