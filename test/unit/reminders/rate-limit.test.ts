import { describe, expect, it } from "vitest";
import {
  BOT_LIMITS,
  type Limit,
  type Priority,
  RateLimiter,
  TELEGRAM_LIMITS,
  type Timer,
} from "../../../src/reminders/rate-limit.js";
import { FakeTimer } from "../../helpers/harness.js";

/** Acquires for each chat in order (as the sender does, one send after another) and records the instants. */
async function sendAll(
  chats: readonly number[],
  priority: Priority = "bulk",
): Promise<{ timer: FakeTimer; sends: Map<number, number[]>; all: number[] }> {
  const timer = new FakeTimer(1_000_000);
  const limiter = new RateLimiter(timer);
  const sends = new Map<number, number[]>();
  const all: number[] = [];
  for (const chat of chats) {
    const settle = await limiter.acquire(chat, priority);
    const at = timer.now();
    // Telegram answers at once (the time a request takes is simulated further down).
    settle();
    all.push(at);
    sends.set(chat, [...(sends.get(chat) ?? []), at]);
  }
  return { timer, sends, all };
}

/**
 * The most sends that fall in any window [t, t + windowMs], edges included (a send exactly windowMs old still
 * counts). A window with the most sends can always be slid so that it starts at a send, so checking the windows
 * that start at each recorded instant covers them all.
 */
function busiestWindow(instants: readonly number[], windowMs: number): number {
  const sorted = [...instants].sort((a, b) => a - b);
  let most = 0;
  for (const start of sorted) {
    const inWindow = sorted.filter((at) => at >= start && at <= start + windowMs).length;
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

describe("BOT_LIMITS", () => {
  it("keep a margin under Telegram's 30 a second, and part of it for replies", () => {
    expect(BOT_LIMITS.overall.count).toBeLessThan(TELEGRAM_LIMITS.overall.count);
    // 3,000 reminders within the 110 s (3,000 / 30 × 1.1).
    expect(3000 / BOT_LIMITS.bulk.count).toBeLessThanOrEqual(110);
    expect(BOT_LIMITS.bulk.count).toBeLessThan(BOT_LIMITS.overall.count);
    expect(BOT_LIMITS.privateChat).toEqual(TELEGRAM_LIMITS.privateChat);
    expect(BOT_LIMITS.group).toEqual(TELEGRAM_LIMITS.group);
    // Replies burst a little, but keep one a second on average.
    expect(BOT_LIMITS.replyBurst.count / (BOT_LIMITS.replyBurst.windowMs / 1000)).toBeLessThanOrEqual(1);
  });
});

describe("a reply's short burst", () => {
  it("lets a reply of two or three messages go at once, then one a second; bulk to that chat stays at one a second", async () => {
    const timer = new FakeTimer();
    const limiter = new RateLimiter(timer);
    const at: number[] = [];
    for (let i = 0; i < 5; i++) {
      const settle = await limiter.acquire(42, "reply");
      at.push(timer.ms);
      settle();
    }
    expect(at.slice(0, 3)).toEqual([0, 0, 0]);
    expect(at[3]).toBeGreaterThan(3000);
    expectWithin(at, BOT_LIMITS.replyBurst);
    const bulkTimer = new FakeTimer();
    const bulk = new RateLimiter(bulkTimer);
    const bulkAt: number[] = [];
    for (let i = 0; i < 3; i++) {
      const settle = await bulk.acquire(42, "bulk");
      bulkAt.push(bulkTimer.ms);
      settle();
    }
    expect(bulkAt[1]).toBeGreaterThan(1000);
    expectWithin(bulkAt, TELEGRAM_LIMITS.privateChat);
  });
});

describe("RateLimiter (simulated time)", () => {
  it("sends a fan-out to 100 people at the bulk share (28 in any second, edges included), in just over 3 s", async () => {
    const { timer, all } = await sendAll(privateChats(100));
    expect(all).toHaveLength(100);
    expectWithin(all, BOT_LIMITS.bulk);
    // The check above is not vacuous: the limiter uses the whole bulk share of each second.
    expect(busiestWindow(all, 1000)).toBe(BOT_LIMITS.bulk.count);
    const elapsed = timer.now() - 1_000_000;
    // 100 sends at 28 a second: the 85th cannot go before 3 s have passed, and no more waiting is needed.
    expect(elapsed).toBeGreaterThan(3000);
    expect(elapsed).toBeLessThan(4000);
    // Time only moves when the limiter sleeps, never backwards.
    expect([...all].sort((a, b) => a - b)).toEqual(all);
  });

  it("takes a fan-out to 3,000 heads out within 110 s (3,000 / 30 × 1.1)", async () => {
    const { timer, all } = await sendAll(privateChats(3000));
    expectWithin(all, BOT_LIMITS.bulk);
    expect(timer.now() - 1_000_000).toBeLessThanOrEqual(110_000);
  });

  it("spaces five messages to one person at least a second apart", async () => {
    const { all, timer } = await sendAll([7, 7, 7, 7, 7]);
    for (let i = 1; i < all.length; i++) {
      expect((all[i] ?? 0) - (all[i - 1] ?? 0)).toBeGreaterThan(1000);
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
    expect((all[20] ?? 0) - (all[0] ?? 0)).toBeGreaterThan(60_000);
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
    expectWithin(all, BOT_LIMITS.overall);
    for (const [chat, instants] of sends) {
      expectWithin(instants, chat < 0 ? TELEGRAM_LIMITS.group : TELEGRAM_LIMITS.privateChat);
    }
    for (const group of groups) expect(sends.get(group)).toHaveLength(25);
    for (const person of busyPeople) expect(sends.get(person)?.length).toBeGreaterThan(1);
  });

  it("lets a chat send again once its window has passed, without waiting", async () => {
    const timer = new FakeTimer(0);
    const limiter = new RateLimiter(timer);
    (await limiter.acquire(1, "reply"))();
    timer.ms += 1001;
    (await limiter.acquire(1, "reply"))();
    expect(timer.sleeps).toEqual([]);
  });

  it("counts a send exactly 1,000 ms old as inside the window", async () => {
    const timer = new FakeTimer(0);
    const limiter = new RateLimiter(timer);
    (await limiter.acquire(1, "bulk"))();
    timer.ms += 1000;
    (await limiter.acquire(1, "bulk"))();
    expect(timer.sleeps).toEqual([1]);
    expect(timer.now()).toBe(1001);
  });

  it("counts a reply burst's window inclusively: the fourth reply 3,000 ms after the first waits past its edge", async () => {
    const timer = new FakeTimer(0);
    const limiter = new RateLimiter(timer);
    for (let i = 0; i < 3; i++) (await limiter.acquire(1, "reply"))();
    timer.ms = 3000;
    (await limiter.acquire(1, "reply"))();
    expect(timer.sleeps).toEqual([1]);
    expect(timer.now()).toBe(3001);
  });

  it("counts the overall window inclusively too: the send after a full second's worth waits past its edge", async () => {
    const timer = new FakeTimer(0);
    const limiter = new RateLimiter(timer);
    for (const chat of privateChats(BOT_LIMITS.overall.count)) (await limiter.acquire(chat, "reply"))();
    expect(timer.sleeps).toEqual([]);
    timer.ms = 1000;
    (await limiter.acquire(99, "reply"))();
    expect(timer.now()).toBe(1001);
  });
});

/**
 * Simulated time for sends that wait at once: each sleep ends at its own instant, the earliest first, and the
 * clock stands still while the code that woke up runs.
 */
class VirtualTimer implements Timer {
  ms = 0;
  private sleepers: Array<{ at: number; order: number; wake: () => void }> = [];
  private order = 0;
  now = () => this.ms;
  sleep = (ms: number) =>
    new Promise<void>((wake) => {
      this.sleepers.push({ at: this.ms + ms, order: this.order++, wake });
    });

  /** Runs until nothing is left sleeping (and everything woken has run). */
  async run(): Promise<void> {
    for (;;) {
      await new Promise((resolve) => setImmediate(resolve));
      this.sleepers.sort((a, b) => a.at - b.at || a.order - b.order);
      const next = this.sleepers.shift();
      if (!next) return;
      this.ms = Math.max(this.ms, next.at);
      next.wake();
    }
  }
}

interface Grant {
  priority: Priority;
  chat: number;
  at: number;
}

/** A fan-out as the sender runs it (one bulk send after another) and, `after` ms in, replies arriving at once. */
async function fanOutWithReplies(options: {
  bulkChats: readonly number[];
  replyChats: readonly number[];
  after: number;
}): Promise<{ grants: Grant[]; repliesArrived: number }> {
  const timer = new VirtualTimer();
  const limiter = new RateLimiter(timer);
  const grants: Grant[] = [];
  const take = async (chat: number, priority: Priority) => {
    const settle = await limiter.acquire(chat, priority);
    grants.push({ priority, chat, at: timer.now() });
    settle();
  };
  let repliesArrived = Number.NaN;
  const fanOut = (async () => {
    for (const chat of options.bulkChats) await take(chat, "bulk");
  })();
  const replies = (async () => {
    await timer.sleep(options.after);
    repliesArrived = timer.now();
    await Promise.all(options.replyChats.map((chat) => take(chat, "reply")));
  })();
  await timer.run();
  await Promise.all([fanOut, replies]);
  return { grants, repliesArrived };
}

describe("RateLimiter: replies before bulk", () => {
  it("lets a reply go at once in the middle of a fan-out: bulk leaves headroom in each second", async () => {
    const { grants, repliesArrived } = await fanOutWithReplies({
      bulkChats: privateChats(100),
      replyChats: [501],
      after: 1500,
    });
    const reply = grants.find((grant) => grant.priority === "reply");
    expect(reply?.at).toBe(repliesArrived);
    // The fan-out was still going: bulk sends went out after the reply.
    expect(
      grants.filter((grant) => grant.priority === "bulk" && grant.at > repliesArrived).length,
    ).toBeGreaterThan(0);
    expectWithin(
      grants.map((grant) => grant.at),
      BOT_LIMITS.overall,
    );
  });

  it("holds bulk back while replies are waiting: every reply goes before the next bulk send", async () => {
    const replyChats = [501, 502, 503, 504, 505, 506, 507, 508];
    const { grants, repliesArrived } = await fanOutWithReplies({
      bulkChats: privateChats(100),
      replyChats,
      after: 1500,
    });
    const replies = grants.filter((grant) => grant.priority === "reply");
    expect(replies.map((grant) => grant.chat).sort()).toEqual(replyChats);
    const lastReply = Math.max(...replies.map((grant) => grant.at));
    const bulkAfterArrival = grants.filter(
      (grant) => grant.priority === "bulk" && grant.at >= repliesArrived,
    );
    // No bulk send was granted after the replies arrived and before the last of them went.
    const lastReplyIndex = grants.findIndex((grant) => grant.priority === "reply" && grant.at === lastReply);
    const firstBulkIndex = grants.indexOf(bulkAfterArrival[0] as Grant);
    expect(firstBulkIndex).toBeGreaterThan(lastReplyIndex);
    // They waited only for the overall window to make room, not for the fan-out.
    expect(lastReply - repliesArrived).toBeLessThanOrEqual(1001);
    expectWithin(
      grants.map((grant) => grant.at),
      BOT_LIMITS.overall,
    );
    expectWithin(
      grants.filter((grant) => grant.priority === "bulk").map((grant) => grant.at),
      BOT_LIMITS.bulk,
    );
  });

  it("does not hold bulk back for a reply that waits only for its own chat's second", async () => {
    const timer = new VirtualTimer();
    const limiter = new RateLimiter(timer);
    // A burst of replies to chat 7 uses its allowance; the next one waits for that chat alone.
    for (let i = 0; i < BOT_LIMITS.replyBurst.count; i++) (await limiter.acquire(7, "reply"))();
    const order: string[] = [];
    const next = limiter.acquire(7, "reply").then(() => order.push(`reply at ${timer.now()}`));
    const bulk = limiter.acquire(8, "bulk").then(() => order.push(`bulk at ${timer.now()}`));
    await timer.run();
    await Promise.all([next, bulk]);
    expect(order).toEqual(["bulk at 0", `reply at ${BOT_LIMITS.replyBurst.windowMs + 1}`]);
  });

  it("keeps a group to 20 messages a minute across replies and bulk", async () => {
    const group = -100_777;
    const { grants } = await fanOutWithReplies({
      bulkChats: Array.from({ length: 15 }, () => group),
      replyChats: [group, group, group, group, group, group, group, group, group, group],
      after: 2000,
    });
    expect(grants).toHaveLength(25);
    expectWithin(
      grants.map((grant) => grant.at),
      TELEGRAM_LIMITS.group,
    );
    expectWithin(
      grants.map((grant) => grant.at),
      TELEGRAM_LIMITS.privateChat,
    );
  });
});

describe("RateLimiter: requests that take time to reach Telegram and be answered", () => {
  it("paces bulk by when sends start: 3,000 reminders whose requests take 30 ms each still go out within 110 s", async () => {
    const timer = new VirtualTimer();
    const limiter = new RateLimiter(timer);
    const starts: number[] = [];
    const answers: number[] = [];
    const fanOut = (async () => {
      for (const chat of privateChats(3000)) {
        const settle = await limiter.acquire(chat, "bulk");
        starts.push(timer.now());
        await timer.sleep(30);
        answers.push(timer.now());
        settle();
      }
    })();
    await timer.run();
    await fanOut;
    expectWithin(starts, BOT_LIMITS.bulk);
    expectWithin(answers, TELEGRAM_LIMITS.overall);
    // Counted from the answers alone, each second would lose the 30 ms a request takes: 3,000 / 28 × 1.031 s.
    expect(timer.now()).toBeLessThanOrEqual(110_000);
  });

  it("keeps bulk at 28 a second while people get a reply every second: replies take the 29th slot, not bulk's", async () => {
    const timer = new VirtualTimer();
    const limiter = new RateLimiter(timer);
    const bulk: number[] = [];
    const all: number[] = [];
    let fanOutDone = false;
    const send = async (chat: number, priority: Priority) => {
      const settle = await limiter.acquire(chat, priority);
      (priority === "bulk" ? bulk : all).push(timer.now());
      await timer.sleep(5);
      settle();
    };
    const fanOut = (async () => {
      for (const chat of privateChats(560)) await send(chat, "bulk");
      fanOutDone = true;
    })();
    let replies = 0;
    const people = (async () => {
      while (!fanOutDone) {
        await timer.sleep(1000);
        await send(50_000 + (replies++ % 5), "reply");
      }
    })();
    await timer.run();
    await Promise.all([fanOut, people]);
    expect(replies).toBeGreaterThanOrEqual(19);
    expectWithin([...bulk, ...all], BOT_LIMITS.overall);
    // 560 at 28 a second: 20 s. Bulk counting the replies against its own 28 took 20.7 s.
    expect(Math.max(...bulk)).toBeLessThanOrEqual(20_100);
  });

  it("counts a send still waiting for its answer as now, and an answered one from its answer", async () => {
    const timer = new VirtualTimer();
    const many = { count: 100, windowMs: 1000 };
    const limiter = new RateLimiter(timer, { ...BOT_LIMITS, overall: many, bulk: many });
    const inFlight = await Promise.all(privateChats(30).map((chat) => limiter.acquire(chat, "reply")));
    // One is answered at 500 ms (it may have reached Telegram at any time until then); the rest never are.
    const answer = timer.sleep(500).then(() => inFlight[0]?.());
    let grantedAt = Number.NaN;
    const thirtyFirst = limiter.acquire(99, "reply").then((settle) => {
      grantedAt = timer.now();
      settle();
      for (const settleOne of inFlight.slice(1)) settleOne();
    });
    await timer.run();
    await Promise.all([answer, thirtyFirst]);
    // 29 in flight and one answered at 500 ms make 30 until that answer is more than a second old.
    expect(grantedAt).toBe(1501);
  });

  it("never lets more than Telegram's 30 arrive within a second, however unevenly requests travel", async () => {
    /** A fan-out and 300 people's replies at once; each request reaches Telegram 0 to 400 ms after it starts. */
    const traffic = async (limits: typeof BOT_LIMITS) => {
      const timer = new VirtualTimer();
      const limiter = new RateLimiter(timer, limits);
      const starts: number[] = [];
      const arrivals: number[] = [];
      let n = 0;
      const send = async (chat: number, priority: Priority) => {
        const settle = await limiter.acquire(chat, priority);
        starts.push(timer.now());
        await timer.sleep((n++ * 137) % 401);
        arrivals.push(timer.now());
        await timer.sleep(5);
        settle();
      };
      const fanOut = (async () => {
        for (const chat of privateChats(300)) await send(chat, "bulk");
      })();
      const replies = Promise.all(privateChats(300, 50_000).map((chat) => send(chat, "reply")));
      await timer.run();
      await Promise.all([fanOut, replies]);
      return { starts, arrivals };
    };
    const { starts, arrivals } = await traffic(BOT_LIMITS);
    expect(arrivals).toHaveLength(600);
    expectWithin(starts, BOT_LIMITS.overall);
    expectWithin(arrivals, TELEGRAM_LIMITS.overall);
    // Not vacuous: paced by their starts alone, the same requests bunch up at Telegram's end.
    const { answered: _, ...startsOnly } = BOT_LIMITS;
    const unchecked = await traffic(startsOnly);
    expect(busiestWindow(unchecked.arrivals, 1000)).toBeGreaterThan(TELEGRAM_LIMITS.overall.count);
  });
});

describe("a bulk send through the Api", () => {
  it("is counted once by send, and its retry again, while another chat's reply takes its own turn", async () => {
    const timer = new FakeTimer(1_000_000);
    const limiter = new RateLimiter(timer);
    const calls: Array<{ chat: number; at: number }> = [];
    // What the Api's transformer does with each message (src/api-limit.ts).
    const api = (chat: number) => limiter.throughApi(chat, async () => calls.push({ chat, at: timer.now() }));
    await limiter.send(501, "bulk", async () => {
      await api(501);
      // Telegram asked to wait and the retry plugin sends the same message again: a second message to count.
      await api(501);
    });
    await api(777);
    expect(calls.map((call) => call.chat)).toEqual([501, 501, 777]);
    // The retry to chat 501 waited for the chat's next second; the reply to 777 did not wait.
    const [first, retry, reply] = calls.map((call) => call.at);
    // The message itself went at once: send's turn counted it.
    expect(first).toBe(1_000_000);
    expect((retry ?? 0) - (first ?? 0)).toBeGreaterThan(1000);
    expect(reply).toBe(retry);
  });
});

describe("on a busy machine whose timers fire late", () => {
  it("keeps bulk at its pace instead of losing the lateness every second, and Telegram still sees at most 30 a second", async () => {
    const timer = new FakeTimer(1_000_000);
    const late = { now: timer.now, sleep: (ms: number) => timer.sleep(ms + 25) };
    const limiter = new RateLimiter(late);
    const started = timer.now();
    const arrivals: number[] = [];
    for (const chat of privateChats(28 * 30)) {
      const settle = await limiter.acquire(chat, "bulk");
      arrivals.push(timer.now());
      settle();
    }
    // 840 at 28 a second, evenly spaced: 839 gaps of 35.7 ms (29.96 s); losing 25 ms at each would take 51 s.
    expect(timer.now() - started).toBeLessThan(30_100);
    expectWithin(arrivals, TELEGRAM_LIMITS.overall);
  });
});

describe("bulk pacing", () => {
  it("spaces bulk sends evenly through each second rather than in a burst at its start", async () => {
    const { all } = await sendAll(privateChats(84));
    // One every 1000/28 ms, from the first.
    const gaps = all.slice(1).map((at, i) => at - (all[i] ?? at));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1000 / 28 - 0.001);
    expectWithin(all, BOT_LIMITS.bulk);
  });
});
