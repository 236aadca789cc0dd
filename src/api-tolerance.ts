import { HttpError, type Transformer } from "grammy";
import type { Logger } from "./logger.js";

/**
 * Two refusals that mean "already done", which happen when an update is handled a second time (Telegram
 * re-sends it after a crash) or a button is pressed twice: answering a callback query again ("query is too
 * old") and editing a message into what it already shows, its text or its keyboard ("message is not
 * modified"). Neither should break a flow.
 */
export const treatRepeatsAsDone: Transformer = async (prev, method, payload, signal) => {
  const response = await prev(method, payload, signal);
  if (response.ok || response.error_code !== 400) return response;
  const repeatedAnswer =
    method === "answerCallbackQuery" && /query is too old|query ID is invalid/.test(response.description);
  const alreadyShown =
    (method === "editMessageReplyMarkup" || method === "editMessageText") &&
    /message is not modified/.test(response.description);
  // biome-ignore lint/suspicious/noExplicitAny: these methods may return `true`, which the transformer's generic type cannot express
  return repeatedAnswer || alreadyShown ? ({ ok: true, result: true } as any) : response;
};

export interface RetryPolicy {
  /** Tries after the first; then the last answer (or error) is the call's. */
  retries: number;
  /** The first wait after a failure; each next one doubles, up to `longestWaitSeconds`. */
  firstWaitSeconds: number;
  longestWaitSeconds: number;
}

/**
 * Five tries after the first over about half a minute (1, 2, 4, 8, 16 s): long enough to ride out a short
 * outage, short enough that a reply is not held for an hour. A 429 asking for more than a minute is not sat
 * out: the caller gets it (the reminder outbox postpones by it).
 */
export const TELEGRAM_RETRY_POLICY: RetryPolicy = { retries: 5, firstWaitSeconds: 1, longestWaitSeconds: 60 };

/** getUpdates is retried by the poller and getMe at start-up, each with its own patience and log lines. */
const RETRIED_ELSEWHERE = new Set(["getUpdates", "getMe"]);

/**
 * Tries a call again after a network error, a 5xx, or a 429 whose `retry_after` is at most a minute, a bounded
 * number of times, and says so: each retry is a warning with the method, the wait and the reason.
 */
export function retryLoudly(
  logger: Pick<Logger, "warn">,
  policy: RetryPolicy = TELEGRAM_RETRY_POLICY,
): Transformer {
  return async (prev, method, payload, signal) => {
    if (RETRIED_ELSEWHERE.has(method)) return prev(method, payload, signal);
    let backoffSeconds = policy.firstWaitSeconds;
    for (let attempt = 1; ; attempt++) {
      let waitSeconds: number | undefined;
      let reason: string;
      try {
        const response = await prev(method, payload, signal);
        if (response.ok) return response;
        const retryAfter = response.parameters?.retry_after;
        if (response.error_code === 429 && retryAfter !== undefined) {
          if (retryAfter <= policy.longestWaitSeconds) waitSeconds = retryAfter;
        } else if (response.error_code >= 500) {
          waitSeconds = backoffSeconds;
        }
        if (waitSeconds === undefined || attempt > policy.retries) return response;
        reason = `${response.error_code}: ${response.description}`;
      } catch (error) {
        if (!(error instanceof HttpError) || signal?.aborted || attempt > policy.retries) throw error;
        waitSeconds = backoffSeconds;
        reason = describeHttpError(error);
      }
      if (waitSeconds === backoffSeconds)
        backoffSeconds = Math.min(backoffSeconds * 2, policy.longestWaitSeconds);
      logger.warn({ method, attempt, waitSeconds, reason }, "Telegram call failed; retrying");
      await pause(waitSeconds * 1000, signal);
    }
  };
}

/** grammY's network error and what lies under it (`fetch failed` says little; its cause says why). */
export function describeHttpError(error: HttpError): string {
  const parts = [error.message];
  let cause: unknown = error.error;
  for (let depth = 0; cause instanceof Error && depth < 3; depth++) {
    parts.push(cause.message);
    cause = cause.cause;
  }
  return parts.join(": ");
}

/** grammY types the signal with its abort-controller shim. */
type Signal = Parameters<Transformer>[3];

function pause(ms: number, signal: Signal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error("Request aborted while waiting to retry"));
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", abort);
      resolve();
    }, ms);
    function abort() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", abort);
      reject(new Error("Request aborted while waiting to retry"));
    }
    signal?.addEventListener("abort", abort);
  });
}
