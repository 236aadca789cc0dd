import { type Bot, GrammyError } from "grammy";
import type { Update } from "grammy/types";
import type { BotContext } from "./context.js";
import type { Logger } from "./logger.js";

export interface PollingHandle {
  isRunning(): boolean;
  /** Stops fetching; updates already in hand run on (main waits for them through InFlightUpdates). */
  stop(): Promise<void>;
  /** Settles when polling ends: resolves after stop(), rejects on an error it cannot retry. */
  task(): Promise<void>;
}

export interface PollingOptions {
  logger?: Pick<Logger, "warn">;
  /**
   * While updates are in hand, how often to ask Telegram for newer ones (every 10 ms while each answer brings
   * some: under load, an update would otherwise wait for this to pass).
   */
  busyPollMs?: number;
  /** Longest wait between retries of a failed getUpdates. */
  maxRetryMs?: number;
}

const BATCH_LIMIT = 100;
const LONG_POLL_SECONDS = 30;

/**
 * Long polling that never confirms an update before it is handled, and never lets one slow update hold the
 * others back.
 *
 * Telegram re-sends every update from the offset on, so the offset asked for is the oldest update still being
 * handled: killed mid-way, the process gets it again at its next start (the handled mark in the database drops
 * what was finished). Newer updates are fetched while older ones run (see `busyPollMs`); those already in hand
 * come back in the answer and are skipped. Each update starts as soon as it arrives (sequentialize keeps each
 * chat in order), so `/export` in one chat no longer delays `/help` in another.
 *
 * The limit: Telegram answers with at most BATCH_LIMIT updates from the offset, so while the oldest update is
 * unfinished, only the BATCH_LIMIT - 1 after it can be seen. An update that hangs for long (a call Telegram
 * does not answer) holds back everyone once that many more have come in; to lift that, updates would have to
 * be kept in the database before being confirmed.
 */
export function startPolling(
  bot: Bot<BotContext>,
  allowedUpdates: ReadonlyArray<Exclude<keyof Update, "update_id">>,
  options: PollingOptions = {},
): PollingHandle {
  const busyPollMs = options.busyPollMs ?? 50;
  const busyRepollMs = Math.min(busyPollMs, 10);
  const maxRetryMs = options.maxRetryMs ?? 30_000;
  const inHand = new Set<number>();
  /** Ids at or past the asked offset that this process has started (running or done). */
  const started = new Set<number>();
  let nextNew = 0;
  let running = true;
  const abort = new AbortController();
  let wakeUp: (() => void) | undefined;
  let stopWaiting: (() => void) | undefined;

  /** Waits `ms`; a busy wait also ends when the last update in hand is done, or polling stops. */
  const pause = (ms: number, untilIdle: boolean) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wakeUp = undefined;
        resolve();
      }
      wakeUp = untilIdle ? done : undefined;
      stopWaiting = done;
    });

  const handle = async (update: Update) => {
    try {
      await bot.handleUpdate(update);
    } catch (error) {
      try {
        await bot.errorHandler(error as Parameters<typeof bot.errorHandler>[0]);
      } catch (failure) {
        options.logger?.warn({ err: failure, updateId: update.update_id }, "error handler failed");
      }
    } finally {
      inHand.delete(update.update_id);
      if (inHand.size === 0) wakeUp?.();
    }
  };

  const oldestInHand = () => {
    let oldest = nextNew;
    for (const id of inHand) if (id < oldest) oldest = id;
    return oldest;
  };

  const fetchWithRetry = async (offset: number, timeout: number): Promise<Update[] | undefined> => {
    let retryMs = 100;
    for (;;) {
      try {
        return await bot.api.getUpdates(
          { offset, limit: BATCH_LIMIT, timeout, allowed_updates: allowedUpdates },
          // grammY types the signal with its abort-controller shim; Node's own is the same at run time.
          abort.signal as unknown as Parameters<typeof bot.api.getUpdates>[1],
        );
      } catch (error) {
        if (!running) return undefined;
        if (error instanceof GrammyError && (error.error_code === 401 || error.error_code === 409)) {
          throw error;
        }
        options.logger?.warn(
          { method: "getUpdates", retryInMs: retryMs, reason: describe(error) },
          "could not fetch updates; retrying",
        );
        await pause(retryMs, false);
        if (!running) return undefined;
        retryMs = Math.min(retryMs * 2, maxRetryMs);
      }
    }
  };

  const loop = async () => {
    await bot.init();
    while (running) {
      const offset = oldestInHand();
      for (const id of started) if (id < offset) started.delete(id);
      const updates = await fetchWithRetry(offset, inHand.size > 0 ? 0 : LONG_POLL_SECONDS);
      if (updates === undefined) break;
      let fresh = 0;
      for (const update of updates) {
        if (started.has(update.update_id)) continue;
        started.add(update.update_id);
        inHand.add(update.update_id);
        nextNew = Math.max(nextNew, update.update_id + 1);
        fresh++;
        void handle(update);
      }
      // Updates keep coming: look again soon. Only ones in hand came back: wait longer before asking again.
      if (running && inHand.size > 0) await pause(fresh > 0 ? busyRepollMs : busyPollMs, true);
    }
  };

  const task = loop();
  // main awaits task() only once polling has started; keep an early rejection from going unhandled meanwhile.
  task.catch(() => {});
  return {
    isRunning: () => running,
    stop: async () => {
      running = false;
      abort.abort();
      stopWaiting?.();
      await task.catch(() => {});
    },
    task: () => task,
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
