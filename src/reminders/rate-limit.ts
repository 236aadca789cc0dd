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

/**
 * Waits before each send until it stays within every limit over a sliding window. The timer is injected, so
 * tests run a whole fan-out in simulated time and can check the windows exactly.
 */
export class RateLimiter {
  private readonly overall: number[] = [];
  private readonly perChat = new Map<number, number[]>();

  constructor(
    private readonly timer: Timer = realTimer,
    private readonly limits: typeof TELEGRAM_LIMITS = TELEGRAM_LIMITS,
  ) {}

  /**
   * Waits until a message to `chatId` may go out. Call the returned function once Telegram has answered: the
   * send then counts from that moment, so a slow request cannot bunch the next ones up at Telegram's end.
   */
  async acquire(chatId: number): Promise<() => void> {
    // Every chat gets at most one message a second; a group also at most 20 a minute.
    const chatLimits = chatId < 0 ? [this.limits.privateChat, this.limits.group] : [this.limits.privateChat];
    const chatSends = this.perChat.get(chatId) ?? [];
    for (;;) {
      const now = this.timer.now();
      const wait = Math.max(
        waitFor(this.overall, this.limits.overall, now),
        ...chatLimits.map((limit) => waitFor(chatSends, limit, now)),
      );
      if (wait <= 0) break;
      await this.timer.sleep(wait);
    }
    const now = this.timer.now();
    this.overall.push(now);
    chatSends.push(now);
    this.perChat.set(chatId, chatSends);
    prune(this.overall, this.limits.overall.windowMs, now);
    prune(chatSends, Math.max(...chatLimits.map((limit) => limit.windowMs)), now);
    return () => {
      const done = this.timer.now();
      restamp(this.overall, now, done);
      restamp(chatSends, now, done);
    };
  }
}

function waitFor(sends: number[], limit: Limit, now: number): number {
  const inWindow = sends.filter((at) => at > now - limit.windowMs);
  if (inWindow.length < limit.count) return 0;
  const oldestThatCounts = inWindow[inWindow.length - limit.count] ?? now;
  return oldestThatCounts + limit.windowMs - now;
}

function prune(sends: number[], windowMs: number, now: number): void {
  while (sends.length > 0 && (sends[0] ?? now) <= now - windowMs) sends.shift();
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
