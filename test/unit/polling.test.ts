import type { Bot } from "grammy";
import type { Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import type { BotContext } from "../../src/context.js";
import { startPolling } from "../../src/polling.js";

const update = (update_id: number): Update => ({ update_id }) as Update;

describe("startPolling", () => {
  it("confirms a batch (asks for the next offset) only after every update in it was handled", async () => {
    const offsets: number[] = [];
    const batches = [[update(10), update(11)], [update(12)]];
    const finishers: Array<() => void> = [];
    const events: string[] = [];
    let stopRequested = false;
    const fakeBot = {
      init: async () => {},
      errorHandler: async () => {},
      handleUpdate: (u: Update) =>
        new Promise<void>((resolve) => {
          events.push(`handling ${u.update_id}`);
          finishers.push(() => {
            events.push(`handled ${u.update_id}`);
            resolve();
          });
        }),
      api: {
        getUpdates: async (args: { offset: number }, signal: AbortSignal) => {
          offsets.push(args.offset);
          events.push(`getUpdates offset ${args.offset}`);
          const next = batches.shift();
          if (next) return next;
          return new Promise<Update[]>((_, reject) => {
            stopRequested = true;
            signal.addEventListener("abort", () => reject(new Error("aborted")));
          });
        },
      },
    } as unknown as Bot<BotContext>;

    const runner = startPolling(fakeBot, ["message"]);
    await until(() => finishers.length === 2);
    expect(offsets).toEqual([0]);
    finishers[0]?.();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(offsets).toEqual([0]);
    finishers[1]?.();
    await until(() => offsets.length === 2);
    expect(offsets).toEqual([0, 12]);
    await until(() => finishers.length === 3);
    finishers[2]?.();
    await until(() => stopRequested);
    expect(offsets).toEqual([0, 12, 13]);
    expect(events.indexOf("getUpdates offset 12")).toBeGreaterThan(events.indexOf("handled 11"));
    await runner.stop();
  });
});

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  if (!condition()) throw new Error("condition not reached");
}
