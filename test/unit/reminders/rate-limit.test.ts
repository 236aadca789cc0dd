import { describe, expect, it } from "vitest";
import { type Limit, RateLimiter, TELEGRAM_LIMITS } from "../../../src/reminders/rate-limit.js";
import { FakeTimer } from "../../helpers/harness.js";

/** Acquires for each chat in order (as the sender does, one send after another) and records the instants. */
async function sendAll(
  chats: readonly number[],
): Promise<{ timer: FakeTimer; sends: Map<number, number[]>; all: number[] }> {
  const timer = new FakeTimer(1_000_000);
  const limiter = new RateLimiter(timer);
  const sends = new Map<number, number[]>();
  const all: number[] = [];
  for (const chat of chats) {
    await limiter.acquire(chat);
    const at = timer.now();
    all.push(at);
    sends.set(chat, [...(sends.get(chat) ?? []), at]);
  }
  return { timer, sends, all };
}

/**
 * The most sends that fall in any window [t, t + windowMs). A window with the most sends can always be slid
 * so that it starts at a send, so checking the windows that start at each recorded instant covers them all.
 */
function busiestWindow(instants: readonly number[], windowMs: number): number {
  const sorted = [...instants].sort((a, b) => a - b);
  let most = 0;
  for (const start of sorted) {
    const inWindow = sorted.filter((at) => at >= start && at < start + windowMs).length;
    most = Math.max(most, inWindow);
  }
  return most;
}

function expectWithin(instants: readonly number[], limit: Limit): void {
  expect(busiestWindow(instants, limit.windowMs)).toBeLessThanOrEqual(limit.count);
}

const privateChats = (count: number, from = 10_000) => Array.from({ length: count }, (_, i) => from + i);

describe("TELEGRAM_LIMITS", () => {
  it("are Telegram's published limits", () => {
    expect(TELEGRAM_LIMITS).toEqual({
      overall: { count: 30, windowMs: 1000 },
      privateChat: { count: 1, windowMs: 1000 },
      group: { count: 20, windowMs: 60_000 },
    });
  });
});

describe("RateLimiter (simulated time)", () => {
  it("sends to 100 people at no more than 30 in any second, and takes just over 3 s", async () => {
    const { timer, all } = await sendAll(privateChats(100));
    expect(all).toHaveLength(100);
    expectWithin(all, TELEGRAM_LIMITS.overall);
    // The check above is not vacuous: the limiter uses the whole allowance of each second.
    expect(busiestWindow(all, 1000)).toBe(30);
    const elapsed = timer.now() - 1_000_000;
    // 100 sends at 30 a second: the 91st cannot go before 3 s have passed, and no more waiting is needed.
    expect(elapsed).toBeGreaterThanOrEqual(3000);
    expect(elapsed).toBeLessThan(4000);
    // Time only moves when the limiter sleeps, never backwards.
    expect([...all].sort((a, b) => a - b)).toEqual(all);
  });

  it("spaces five messages to one person at least a second apart", async () => {
    const { all, timer } = await sendAll([7, 7, 7, 7, 7]);
    for (let i = 1; i < all.length; i++) {
      expect((all[i] ?? 0) - (all[i - 1] ?? 0)).toBeGreaterThanOrEqual(1000);
    }
    expectWithin(all, TELEGRAM_LIMITS.privateChat);
    // ... and does not hold them back longer than that.
    expect(timer.now() - 1_000_000).toBeLessThan(4 * 1000 + 100);
  });

  it("sends at most 20 messages a minute to one group", async () => {
    const group = -100_500;
    const { all, timer } = await sendAll(Array.from({ length: 25 }, () => group));
    expect(all).toHaveLength(25);
    expectWithin(all, TELEGRAM_LIMITS.group);
    // The 21st message has to wait for the minute to pass.
    expect((all[20] ?? 0) - (all[0] ?? 0)).toBeGreaterThanOrEqual(60_000);
    expect(timer.now() - 1_000_000).toBeLessThan(2 * 60_000);
  });

  it("respects all three limits at once in mixed traffic", async () => {
    const people = privateChats(60);
    const busyPeople = [501, 502, 503];
    const groups = [-1001, -1002];
    const chats: number[] = [];
    // Interleave: many people once, a few people many times, two groups 25 times each.
    for (let i = 0; i < 60; i++) {
      chats.push(people[i] ?? 0);
      if (i % 4 === 0) chats.push(busyPeople[i % 3] ?? 0);
      if (i < 50) chats.push(groups[i % 2] ?? 0);
    }
    const { all, sends } = await sendAll(chats);
    expect(all).toHaveLength(chats.length);
    expectWithin(all, TELEGRAM_LIMITS.overall);
    for (const [chat, instants] of sends) {
      expectWithin(instants, chat < 0 ? TELEGRAM_LIMITS.group : TELEGRAM_LIMITS.privateChat);
    }
    for (const group of groups) expect(sends.get(group)).toHaveLength(25);
    for (const person of busyPeople) expect(sends.get(person)?.length).toBeGreaterThan(1);
  });

  it("lets a chat send again once its window has passed, without waiting", async () => {
    const timer = new FakeTimer(0);
    const limiter = new RateLimiter(timer);
    await limiter.acquire(1);
    timer.ms += 1000;
    await limiter.acquire(1);
    expect(timer.sleeps).toEqual([]);
  });
});
