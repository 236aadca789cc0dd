import { HttpError } from "grammy";
import { describe, expect, it } from "vitest";
import { type RetryPolicy, retryLoudly, treatRepeatsAsDone } from "../../src/api-tolerance.js";

type Answer =
  | { ok: true; result: true }
  | { ok: false; error_code: number; description: string; parameters?: object };

/** A transformer's `prev` that gives these answers in turn (an Error is thrown), recording each call. */
function telegram(answers: Array<Answer | Error>) {
  const calls: string[] = [];
  const prev = async (method: string) => {
    calls.push(method);
    const answer = answers.shift() ?? { ok: true, result: true };
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { calls, prev };
}

function warnings() {
  const lines: Array<Record<string, unknown>> = [];
  return { lines, logger: { warn: (fields: object) => void lines.push(fields as Record<string, unknown>) } };
}

// Tiny waits: the order of events is what the tests look at.
const quick: RetryPolicy = { retries: 3, firstWaitSeconds: 0.001, longestWaitSeconds: 0.004 };
const badGateway: Answer = { ok: false, error_code: 502, description: "Bad Gateway" };
const networkDown = new HttpError(
  "Network request for 'sendMessage' failed!",
  new Error("connect ECONNREFUSED"),
);

async function call(
  transformer: ReturnType<typeof retryLoudly>,
  prev: ReturnType<typeof telegram>["prev"],
  method = "sendMessage",
) {
  // biome-ignore lint/suspicious/noExplicitAny: the fake stands for grammY's generic `prev`
  return transformer(prev as any, method as any, {} as any);
}

describe("retryLoudly", () => {
  it("retries a 5xx and a network error, logging each retry with the method, the wait and the reason", async () => {
    const { calls, prev } = telegram([badGateway, networkDown]);
    const { lines, logger } = warnings();
    const response = await call(retryLoudly(logger, quick), prev);

    expect(response.ok).toBe(true);
    expect(calls).toEqual(["sendMessage", "sendMessage", "sendMessage"]);
    expect(lines).toEqual([
      { method: "sendMessage", attempt: 1, waitSeconds: 0.001, reason: "502: Bad Gateway" },
      {
        method: "sendMessage",
        attempt: 2,
        waitSeconds: 0.002,
        reason: "Network request for 'sendMessage' failed!: connect ECONNREFUSED",
      },
    ]);
  });

  it("stops after its retries and hands back the last failure", async () => {
    const { calls, prev } = telegram([badGateway, badGateway, badGateway, badGateway, badGateway]);
    const { lines, logger } = warnings();
    const response = await call(retryLoudly(logger, quick), prev);
    expect(response).toEqual(badGateway);
    expect(calls).toHaveLength(4);
    expect(lines.map((line) => line.waitSeconds)).toEqual([0.001, 0.002, 0.004]);

    const down = telegram([networkDown, networkDown, networkDown, networkDown, networkDown]);
    await expect(call(retryLoudly(logger, quick), down.prev)).rejects.toBe(networkDown);
    expect(down.calls).toHaveLength(4);
  });

  it("sits out a 429 up to the longest wait, and hands back a longer one at once", async () => {
    const flood = (seconds: number): Answer => ({
      ok: false,
      error_code: 429,
      description: "Too Many Requests",
      parameters: { retry_after: seconds },
    });
    const { lines, logger } = warnings();
    const short = telegram([flood(0.003)]);
    expect((await call(retryLoudly(logger, quick), short.prev)).ok).toBe(true);
    expect(lines).toEqual([
      { method: "sendMessage", attempt: 1, waitSeconds: 0.003, reason: "429: Too Many Requests" },
    ]);

    const long = telegram([flood(90)]);
    expect(await call(retryLoudly(logger, quick), long.prev)).toEqual(flood(90));
    expect(long.calls).toHaveLength(1);
  });

  it("leaves a 4xx alone, and getUpdates and getMe to their own retries", async () => {
    const { lines, logger } = warnings();
    const refused: Answer = { ok: false, error_code: 400, description: "Bad Request: chat not found" };
    const bad = telegram([refused]);
    expect(await call(retryLoudly(logger, quick), bad.prev)).toEqual(refused);
    const polling = telegram([badGateway]);
    expect(await call(retryLoudly(logger, quick), polling.prev, "getUpdates")).toEqual(badGateway);
    const me = telegram([networkDown]);
    await expect(call(retryLoudly(logger, quick), me.prev, "getMe")).rejects.toBe(networkDown);
    expect(lines).toEqual([]);
  });
});

describe("treatRepeatsAsDone", () => {
  const notModified: Answer = {
    ok: false,
    error_code: 400,
    description:
      "Bad Request: message is not modified: specified new message content and reply markup are exactly the same",
  };
  const repeat = (method: string, answer: Answer) =>
    // biome-ignore lint/suspicious/noExplicitAny: the fake stands for grammY's generic `prev`
    treatRepeatsAsDone((async () => answer) as any, method as any, {} as any);

  it("takes an edit into what the message already shows, text or keyboard, as done", async () => {
    expect(await repeat("editMessageText", notModified)).toEqual({ ok: true, result: true });
    expect(await repeat("editMessageReplyMarkup", notModified)).toEqual({ ok: true, result: true });
  });

  it("leaves any other refusal as it is", async () => {
    expect(await repeat("sendMessage", notModified)).toEqual(notModified);
    const gone: Answer = {
      ok: false,
      error_code: 400,
      description: "Bad Request: message to edit not found",
    };
    expect(await repeat("editMessageText", gone)).toEqual(gone);
  });
});
