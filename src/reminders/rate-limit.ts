export interface Timer {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realTimer: Timer = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface Limit {
  count: number;
  windowMs: number;
}

/** Telegram's published limits: about 30 messages a second in all, 1 a second to any chat, 20 a minute to a group. */
export const TELEGRAM_LIMITS = {
  overall: { count: 30, windowMs: 1000 },
  privateChat: { count: 1, windowMs: 1000 },
  group: { count: 20, windowMs: 60_000 },
} satisfies Record<string, Limit>;

export interface Limits {
  /** Every message the bot sends, counted from when it starts. */
  overall: Limit;
  /**
   * Bulk sends (the reminders) among themselves: the rest of `overall` is kept for replies to people, and a reply
   * waiting holds bulk back, so replies beyond that slot take bulk's place.
   */
  bulk: Limit;
  /**
   * Every message again, counted from Telegram's answer to it, with each send still waiting for its answer
   * counted as now. A message reaches Telegram after it starts and before it is answered, so whatever the
   * delays on the way, no more than this many arrive there within any window: the limits above pace the sends
   * by when they start (the time a request takes is not lost from every second), this one makes it safe. Left
   * out, nothing is checked against the answers (for a bench that runs without Telegram's limits).
   */
  answered?: Limit;
  privateChat: Limit;
  /**
   * Replies to one chat may come in a short burst (Telegram allows one, and a reply is often two messages: an
   * acknowledgement and the next question) while keeping one a second on average.
   */
  replyBurst: Limit;
  group: Limit;
}

/**
 * What the bot holds itself to: sends start at under Telegram's 30 a second, of which one a second is kept for
 * replies, and Telegram sees at most its 30 arrive in any second. Bulk at 28 a second takes 3,000 reminders out
 * in about 107 s, however long each request takes.
 */
export const BOT_LIMITS: Limits = {
  overall: { count: 29, windowMs: 1000 },
  bulk: { count: 28, windowMs: 1000 },
  answered: TELEGRAM_LIMITS.overall,
  privateChat: TELEGRAM_LIMITS.privateChat,
  replyBurst: { count: 3, windowMs: 3000 },
  group: TELEGRAM_LIMITS.group,
};

const UNLIMITED: Limit = { count: Number.POSITIVE_INFINITY, windowMs: 1000 };

/** No limit at all: for load tests against a local Bot API server (SEND_LIMITS=off) and benchmarks. */
export const NO_LIMITS: Limits = {
  overall: UNLIMITED,
  bulk: UNLIMITED,
  privateChat: UNLIMITED,
  replyBurst: UNLIMITED,
  group: UNLIMITED,
};

/** A reply answers a person and goes first; bulk (a reminder fan-out) waits while replies are waiting. */
export type Priority = "reply" | "bulk";
/** A chat's id, or a public chat's @username. */
export type ChatId = number | string;

/** Forget the sends of chats that sent nothing for longer than the longest window, every so many sends. */
const SWEEP_EVERY = 1000;
/** Bulk behind schedule may send this many at once to catch up. */
const CATCH_UP_SENDS = 2;
/** When only answers still to come can make room (every send in the window is in flight), look again this soon. */
const IN_FLIGHT_RECHECK_MS = 10;

/**
 * One limiter for every message the bot sends, over sliding windows that include their edge: a send exactly
 * `windowMs` old still counts. The timer is injected, so tests run a whole fan-out in simulated time and can
 * check the windows exactly.
 */
export class RateLimiter {
  /** When each send still inside the overall window started, in time order. */
  private readonly started: number[] = [];
  /** The same for bulk sends alone: bulk takes at most its share, replies the rest of the overall limit. */
  private readonly bulkStarted: number[] = [];
  /** When Telegram answered each send still inside the `answered` window, in time order. */
  private readonly answered: number[] = [];
  /** Sends started and not answered yet. */
  private inFlight = 0;
  /** Each chat's sends, counted from Telegram's answer (from the start while in flight). */
  private readonly perChat = new Map<ChatId, number[]>();
  /** Replies waiting for their turn. */
  private readonly replies = new Set<{ chatId: ChatId }>();
  /** Bulk sends waiting for the replies to go. */
  private bulkWaiting: Array<() => void> = [];
  private sinceSweep = 0;
  /**
   * When the next bulk send is due: bulk goes out evenly spaced (28 a second is one every 36 ms), not in a
   * burst at the start of each second that the next second then repeats, later by however long the burst's
   * requests took. Behind schedule (a slow request), it catches up a little.
   */
  private nextBulkAt = 0;
  /**
   * The chats a `send` is sending to now: its message, once it reaches the Api's transformer, is not counted
   * again; a retry of it is, as the same priority. By chat rather than in an AsyncLocalStorage, whose promise
   * hooks would cost every update of the bot; a reply to the same chat meanwhile may take the turn instead,
   * which counts the same.
   */
  private readonly sending = new Map<ChatId, { prepaid: boolean; priority: Priority }>();

  constructor(
    private readonly timer: Timer = realTimer,
    private readonly limits: Limits = BOT_LIMITS,
  ) {}

  /**
   * Waits until a message to `chatId` may go out. Call the returned function once Telegram has answered (or the
   * request failed): the send then counts from that moment in the `answered` and chat windows, so a slow request
   * cannot bunch the next ones up at Telegram's end.
   */
  async acquire(chatId: ChatId, priority: Priority): Promise<() => void> {
    const chatLimits = this.chatLimits(chatId, priority);
    const reply = { chatId };
    if (priority === "reply") this.replies.add(reply);
    /** When the last wait was meant to end: a timer firing late does not push every later send back. */
    let dueAt: number | undefined;
    try {
      for (;;) {
        const now = this.timer.now();
        if (priority === "bulk" && this.replyReady(now)) {
          dueAt = undefined;
          await new Promise<void>((resolve) => this.bulkWaiting.push(resolve));
          continue;
        }
        // Read afresh each time: the chat's sends may have been swept while this waited.
        const chatSends = this.perChat.get(chatId) ?? [];
        const wait = Math.max(
          priority === "bulk" ? this.nextBulkAt - now : 0,
          priority === "bulk" ? waitFor(this.bulkStarted, this.limits.bulk, now) : 0,
          waitFor(this.started, this.limits.overall, now),
          this.limits.answered ? waitFor(this.answered, this.limits.answered, now, this.inFlight) : 0,
          ...chatLimits.map((limit) => waitFor(chatSends, limit, now)),
        );
        if (wait <= 0) break;
        dueAt = now + wait;
        await this.timer.sleep(wait);
      }
    } finally {
      if (priority === "reply") {
        this.replies.delete(reply);
        this.wakeBulk();
      }
    }
    const now = this.timer.now();
    const chatSends = this.perChat.get(chatId) ?? [];
    // Counted from when its turn came, so the overall and bulk windows keep their pace on a busy machine whose
    // timers fire late (that lost 20-40 ms a second, 3-4 s over a fan-out of 3,000); the `answered` window still
    // holds what reaches Telegram to its limit.
    const turn = Math.max(Math.min(now, dueAt ?? now), this.started.at(-1) ?? 0);
    this.started.push(turn);
    if (priority === "bulk") {
      this.bulkStarted.push(turn);
      prune(this.bulkStarted, this.limits.bulk.windowMs, now);
      const { count, windowMs } = this.limits.bulk;
      const spacing = windowMs / count;
      // A fan-out starts on its own schedule; within one, a late send lets the next two catch up.
      this.nextBulkAt =
        turn > this.nextBulkAt + windowMs
          ? turn + spacing
          : Math.max(this.nextBulkAt, turn - CATCH_UP_SENDS * spacing) + spacing;
    }
    this.inFlight++;
    chatSends.push(now);
    this.perChat.set(chatId, chatSends);
    prune(this.started, this.limits.overall.windowMs, now);
    prune(chatSends, Math.max(...chatLimits.map((limit) => limit.windowMs)), now);
    this.sweep(now);
    let settled = false;
    return () => {
      if (settled) return;
      settled = true;
      const done = this.timer.now();
      this.inFlight--;
      if (this.limits.answered) {
        this.answered.push(done);
        prune(this.answered, this.limits.answered.windowMs, done);
      }
      restamp(chatSends, now, done);
    };
  }

  /** Waits for a turn, then runs `send` (one message to `chatId`) and counts it from when it returns. */
  async send<T>(chatId: ChatId, priority: Priority, send: () => Promise<T>): Promise<T> {
    const settle = await this.acquire(chatId, priority);
    const mark = { prepaid: true, priority };
    this.sending.set(chatId, mark);
    try {
      return await send();
    } finally {
      if (this.sending.get(chatId) === mark) this.sending.delete(chatId);
      settle();
    }
  }

  /**
   * For the Api's transformer: a message already counted by `send` passes once; anything else (and a retry of
   * a counted message) waits for its turn, as a reply unless it is part of a bulk `send`.
   */
  async throughApi<T>(chatId: ChatId, call: () => Promise<T>): Promise<T> {
    const mark = this.sending.get(chatId);
    if (mark?.prepaid) {
      mark.prepaid = false;
      return call();
    }
    const settle = await this.acquire(chatId, mark?.priority ?? "reply");
    try {
      return await call();
    } finally {
      settle();
    }
  }

  /**
   * A group (or a channel named by @username) is held to one a second and 20 a minute; a reply in a private
   * chat may come in a short burst.
   */
  private chatLimits(chatId: ChatId, priority: Priority): Limit[] {
    const group = typeof chatId === "string" || chatId < 0;
    if (group) return [this.limits.privateChat, this.limits.group];
    return [priority === "reply" ? this.limits.replyBurst : this.limits.privateChat];
  }

  /** A reply is waiting only for the overall budget (not for its own chat's): bulk must let it go first. */
  private replyReady(now: number): boolean {
    for (const { chatId } of this.replies) {
      const chatSends = this.perChat.get(chatId) ?? [];
      if (this.chatLimits(chatId, "reply").every((limit) => waitFor(chatSends, limit, now) <= 0)) return true;
    }
    return false;
  }

  private wakeBulk(): void {
    const waiting = this.bulkWaiting;
    this.bulkWaiting = [];
    for (const wake of waiting) wake();
  }

  private sweep(now: number): void {
    if (++this.sinceSweep < SWEEP_EVERY) return;
    this.sinceSweep = 0;
    const longest = Math.max(
      this.limits.privateChat.windowMs,
      this.limits.replyBurst.windowMs,
      this.limits.group.windowMs,
    );
    for (const [chatId, chatSends] of this.perChat) {
      if ((chatSends.at(-1) ?? now) < now - longest) this.perChat.delete(chatId);
    }
  }
}

/**
 * How long until one more send fits in `limit`: sends at or after `now - windowMs` count, and so do `alsoNow`
 * more (sends in flight, which count as now until they are answered).
 */
function waitFor(sends: readonly number[], limit: Limit, now: number, alsoNow = 0): number {
  let inWindow = alsoNow;
  for (let i = sends.length - 1; i >= 0 && (sends[i] ?? 0) >= now - limit.windowMs; i--) inWindow++;
  if (inWindow < limit.count) return 0;
  // How many of the recorded sends may stay in the window; the one before them has to leave it.
  const mayStay = limit.count - 1 - alsoNow;
  if (mayStay < 0) return IN_FLIGHT_RECHECK_MS;
  const mustLeave = sends[sends.length - 1 - mayStay] ?? now;
  return mustLeave + limit.windowMs + 1 - now;
}

function prune(sends: number[], windowMs: number, now: number): void {
  while (sends.length > 0 && (sends[0] ?? now) < now - windowMs) sends.shift();
}

/** Moves one recorded send from `from` to `to`, keeping the list in time order. */
function restamp(sends: number[], from: number, to: number): void {
  const index = sends.lastIndexOf(from);
  if (index < 0 || to === from) return;
  sends.splice(index, 1);
  let at = sends.length;
  while (at > 0 && (sends[at - 1] ?? 0) > to) at--;
  sends.splice(at, 0, to);
}
