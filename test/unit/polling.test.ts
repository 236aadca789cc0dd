import { type Bot, GrammyError } from "grammy";
import type { Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import type { BotContext } from "../../src/context.js";
import { startPolling } from "../../src/polling.js";

const update = (update_id: number): Update => ({ update_id }) as Update;

/**
 * A Telegram that behaves like the real one: it keeps every update until a getUpdates call asks for an offset
 * past it, and answers each call with what it still holds from that offset on.
 */
function fakeTelegram() {
  let pending: Update[] = [];
  const calls: Array<{ offset: number; timeout: number }> = [];
  const handling = new Map<number, () => void>();
  const handled: number[] = [];
  const waiting: Array<() => void> = [];
  let failNext: unknown[] = [];
  const bot = {
    init: async () => {},
    errorHandler: async () => {},
    handleUpdate: (u: Update) =>
      new Promise<void>((resolve) => {
        if (handling.has(u.update_id)) throw new Error(`update ${u.update_id} started twice`);
        handling.set(u.update_id, () => {
          handled.push(u.update_id);
          resolve();
        });
      }),
    api: {
      getUpdates: async (args: { offset: number; timeout: number }, signal: AbortSignal) => {
        calls.push({ offset: args.offset, timeout: args.timeout });
        const failure = failNext.shift();
        if (failure) throw failure;
        pending = pending.filter((u) => u.update_id >= args.offset);
        if (pending.length > 0 || args.timeout === 0) return pending.slice(0, 100);
        await new Promise<void>((resolve, reject) => {
          waiting.push(resolve);
          signal.addEventListener("abort", () => reject(new Error("aborted")));
        });
        return pending.filter((u) => u.update_id >= args.offset).slice(0, 100);
      },
    },
  };
  return {
    bot: bot as unknown as Bot<BotContext>,
    calls,
    handled,
    started: () => [...handling.keys()],
    send(...ids: number[]) {
      pending.push(...ids.map(update));
      for (const resolve of waiting.splice(0)) resolve();
    },
    finish(id: number) {
      const done = handling.get(id);
      if (!done) throw new Error(`update ${id} was not started`);
      done();
    },
    failNextCalls(...errors: unknown[]) {
      failNext = errors;
    },
    longPolling: () => waiting.length > 0,
  };
}

describe("startPolling", () => {
  it("starts a newer update while an older one is still being handled", async () => {
    const telegram = fakeTelegram();
    const polling = startPolling(telegram.bot, ["message"], { busyPollMs: 5 });
    telegram.send(10);
    await until(() => telegram.started().includes(10));
    telegram.send(11);
    await until(() => telegram.started().includes(11));
    telegram.finish(11);
    expect(telegram.handled).toEqual([11]);
    telegram.finish(10);
    await polling.stop();
  });

  it("never asks for an offset past an update still being handled, so Telegram re-sends it after a crash", async () => {
    const telegram = fakeTelegram();
    const polling = startPolling(telegram.bot, ["message"], { busyPollMs: 5 });
    telegram.send(10, 11);
    await until(() => telegram.started().length === 2);
    telegram.finish(11);
    telegram.send(12);
    await until(() => telegram.started().includes(12));
    telegram.finish(12);
    await sleep(30);
    expect(Math.max(...telegram.calls.map((c) => c.offset))).toBe(10);
    telegram.finish(10);
    await until(() => telegram.longPolling());
    expect(telegram.calls.at(-1)).toEqual({ offset: 13, timeout: 30 });
    await polling.stop();
  });

  it("does not start an update it already has in hand when Telegram sends it again", async () => {
    const telegram = fakeTelegram();
    const polling = startPolling(telegram.bot, ["message"], { busyPollMs: 2 });
    telegram.send(10, 11);
    await until(() => telegram.started().length === 2);
    telegram.finish(11);
    await until(() => telegram.calls.filter((c) => c.timeout === 0).length >= 5);
    expect(telegram.started()).toEqual([10, 11]);
    telegram.finish(10);
    await until(() => telegram.longPolling());
    expect(telegram.handled).toEqual([11, 10]);
    await polling.stop();
  });

  it("retries a failed fetch, and stops for good on a conflict with another poller", async () => {
    const telegram = fakeTelegram();
    const warnings: unknown[] = [];
    telegram.failNextCalls(new Error("socket hang up"));
    const polling = startPolling(telegram.bot, ["message"], {
      logger: { warn: (fields: unknown) => warnings.push(fields) },
    });
    await until(() => telegram.longPolling());
    expect(warnings).toEqual([{ method: "getUpdates", retryInMs: 100, reason: "socket hang up" }]);
    await polling.stop();

    const second = fakeTelegram();
    second.failNextCalls(
      new GrammyError(
        "Call to 'getUpdates' failed!",
        { ok: false, error_code: 409, description: "Conflict" },
        "getUpdates",
        {},
      ),
    );
    const conflicted = startPolling(second.bot, ["message"]);
    await expect(conflicted.task()).rejects.toThrow("getUpdates");
  });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !condition(); i++) await sleep(5);
  if (!condition()) throw new Error("condition not reached");
}
