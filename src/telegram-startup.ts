import { type Bot, GrammyError, HttpError } from "grammy";
import { describeHttpError } from "./api-tolerance.js";
import type { BotContext } from "./context.js";
import type { Logger } from "./logger.js";

export interface StartupPolicy {
  /** Tries of getMe in all. */
  attempts: number;
  /** The wait after the first failure; each next one doubles. */
  firstWaitMs: number;
  /** However the tries go, start-up gives up by then (a Telegram that never answers included). */
  deadlineMs: number;
}

/** Five tries over about 8 s, all within 25 s: a wrong BOT_API_ROOT or no network is said within half a minute. */
export const STARTUP_POLICY: StartupPolicy = { attempts: 5, firstWaitMs: 500, deadlineMs: 25_000 };

/** Telegram could not be reached at start-up; the message says why, and never holds the token. */
export class TelegramUnreachable extends Error {}

/**
 * Asks Telegram who the bot is (getMe), as the bot needs before it polls, trying a few times and saying so;
 * after the last try or the deadline, fails with the reason. A refused token (401) is thrown at once, as it is.
 */
export async function connectToTelegram(
  bot: Bot<BotContext>,
  logger: Pick<Logger, "warn">,
  token: string,
  policy: StartupPolicy = STARTUP_POLICY,
): Promise<void> {
  const started = performance.now();
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), policy.deadlineMs);
  let waitMs = policy.firstWaitMs;
  let reason = "";
  try {
    for (let attempt = 1; attempt <= policy.attempts; attempt++) {
      try {
        // Not bot.init(): it retries getMe without end and without a word (grammY's withRetries).
        // grammY types the signal with its abort-controller shim; Node's own is the same at run time.
        bot.botInfo = await bot.api.getMe(deadline.signal as unknown as Parameters<typeof bot.api.getMe>[0]);
        return;
      } catch (error) {
        if (error instanceof GrammyError && error.error_code === 401) throw error;
        reason = deadline.signal.aborted
          ? `no answer within ${policy.deadlineMs / 1000} s`
          : describeStartupError(error);
      }
      if (attempt === policy.attempts || deadline.signal.aborted) break;
      logger.warn(
        {
          method: "getMe",
          attempt,
          waitSeconds: waitMs / 1000,
          reason: reason.split(token).join("[bot token]"),
        },
        "Telegram call failed; retrying",
      );
      await pauseUnless(deadline.signal, waitMs);
      waitMs *= 2;
    }
  } finally {
    clearTimeout(timer);
  }
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  const message = `Telegram could not be reached (getMe failed for ${seconds} s): ${reason}. Check BOT_API_ROOT (if set) and the network.`;
  throw new TelegramUnreachable(message.split(token).join("[bot token]"));
}

function describeStartupError(error: unknown): string {
  if (error instanceof GrammyError) return `${error.error_code}: ${error.description}`;
  if (error instanceof HttpError) return describeHttpError(error);
  return error instanceof Error ? error.message : String(error);
}

/** Waits `ms`, or less if `signal` aborts meanwhile. */
function pauseUnless(signal: AbortSignal, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
  });
}
