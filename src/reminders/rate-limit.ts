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

/** Telegram's published limits: about 30 messages a second in all, 1 a second to a chat, 20 a minute to a group. */
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

  async acquire(chatId: number): Promise<void> {
    const chatLimit = chatId < 0 ? this.limits.group : this.limits.privateChat;
    const chatSends = this.perChat.get(chatId) ?? [];
    for (;;) {
      const now = this.timer.now();
      const wait = Math.max(
        waitFor(this.overall, this.limits.overall, now),
        waitFor(chatSends, chatLimit, now),
      );
      if (wait <= 0) break;
      await this.timer.sleep(wait);
    }
    const now = this.timer.now();
    this.overall.push(now);
    chatSends.push(now);
    this.perChat.set(chatId, chatSends);
    prune(this.overall, this.limits.overall.windowMs, now);
    prune(chatSends, chatLimit.windowMs, now);
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
