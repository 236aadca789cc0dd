/**
 * Telegram's flood limits on the messages a bot sends, for the Bot API emulator's opt-in `floodControl` mode.
 *
 * Telegram publishes them loosely ("about 30 messages a second" in all, "avoid more than one message a second"
 * to a chat, "no more than 20 messages a minute" to a group), answers a send over them with 429 and
 * `retry_after`, and is known to let a chat take a short burst. Here each is a sliding window that includes its
 * edge, as strict as the words allow: a message exactly `windowMs` old still counts.
 */

export interface FloodLimit {
  count: number;
  windowMs: number;
}

export interface FloodLimits {
  /** Every counted message of the bot, to any chat. */
  overall: FloodLimit;
  /** One chat, private or group. */
  perChat: FloodLimit;
  /** One group or supergroup (or a chat named by @username), on top of `perChat`. */
  group: FloodLimit;
}

/**
 * 30 in any second in all; 20 in any minute to a group. To one chat, one a second on average with a burst of
 * up to three (at most 3 in any 3 s): Telegram tolerates a short burst (a reply is often two messages at once),
 * and a bot that keeps to one a second passes.
 */
export const TELEGRAM_FLOOD_LIMITS: FloodLimits = {
  overall: { count: 30, windowMs: 1000 },
  perChat: { count: 3, windowMs: 3000 },
  group: { count: 20, windowMs: 60_000 },
};

/**
 * The methods that put a new message in a chat (every `send…` but `sendChatAction`, copies and forwards).
 * Edits are not counted: Telegram publishes no limit on them, and the bot's own limiter does not count them.
 */
const SENDS = /^(send(?!chatAction$)[a-z]\w*|copyMessages?|forwardMessages?)$/i;

export function isMessageSend(method: string): boolean {
  return SENDS.test(method);
}

export interface FloodControlOptions {
  /** Replaces some of Telegram's limits (e.g. a strict `perChat` of 1 a second). */
  limits?: Partial<FloodLimits>;
  /** The clock in milliseconds (default `Date.now`): tests set it to check the windows to the millisecond. */
  now?: () => number;
  /** Which methods count as a message sent (default: `isMessageSend`). */
  counts?: (method: string) => boolean;
}

type ChatKey = number | string;

/** Sends recorded over the longest window, oldest first; older ones are dropped as sends are recorded. */
export class FloodControl {
  readonly limits: FloodLimits;
  private readonly now: () => number;
  private readonly counts: (method: string) => boolean;
  private readonly all: number[] = [];
  private readonly perChat = new Map<ChatKey, number[]>();

  constructor(options: FloodControlOptions = {}) {
    this.limits = { ...TELEGRAM_FLOOD_LIMITS, ...options.limits };
    this.now = options.now ?? Date.now;
    this.counts = options.counts ?? isMessageSend;
  }

  /**
   * For a message the bot wants to send now: the whole seconds it must wait (Telegram's `retry_after`, at least
   * 1) if it would go over a limit, or undefined if it may go. Other methods always may.
   */
  retryAfter(method: string, chatId: unknown): number | undefined {
    const chat = chatKey(chatId);
    if (!this.counts(method) || chat === undefined) return undefined;
    const now = this.now();
    const chatSends = this.perChat.get(chat) ?? [];
    const waits = [waitMs(this.all, this.limits.overall, now), waitMs(chatSends, this.limits.perChat, now)];
    if (isGroup(chat)) waits.push(waitMs(chatSends, this.limits.group, now));
    const wait = Math.max(...waits);
    return wait > 0 ? Math.max(1, Math.ceil(wait / 1000)) : undefined;
  }

  /** Counts a message Telegram accepted (one that went over a limit, or failed, does not count). */
  record(method: string, chatId: unknown): void {
    const chat = chatKey(chatId);
    if (!this.counts(method) || chat === undefined) return;
    const now = this.now();
    this.all.push(now);
    dropOlder(this.all, this.limits.overall.windowMs, now);
    const chatSends = this.perChat.get(chat) ?? [];
    chatSends.push(now);
    const longest = isGroup(chat)
      ? Math.max(this.limits.perChat.windowMs, this.limits.group.windowMs)
      : this.limits.perChat.windowMs;
    dropOlder(chatSends, longest, now);
    this.perChat.set(chat, chatSends);
  }
}

function chatKey(chatId: unknown): ChatKey | undefined {
  if (typeof chatId === "number" && Number.isInteger(chatId)) return chatId;
  if (typeof chatId !== "string" || chatId === "") return undefined;
  return /^-?\d+$/.test(chatId) ? Number(chatId) : chatId;
}

/** A group, a supergroup or a channel has a negative id; a public one may be named by its @username. */
function isGroup(chat: ChatKey): boolean {
  return typeof chat === "string" || chat < 0;
}

/** How long until one more send fits in `limit` at `now`, counting the sends at or after `now - windowMs`. */
function waitMs(sends: readonly number[], limit: FloodLimit, now: number): number {
  let inWindow = 0;
  for (let i = sends.length - 1; i >= 0 && (sends[i] ?? 0) >= now - limit.windowMs; i--) inWindow++;
  if (inWindow < limit.count) return 0;
  // The send that has to leave the window for one more to fit; it leaves 1 ms after it is windowMs old.
  const blocking = sends[sends.length - limit.count] ?? now;
  return blocking + limit.windowMs + 1 - now;
}

function dropOlder(sends: number[], windowMs: number, now: number): void {
  let old = 0;
  while (old < sends.length && (sends[old] ?? now) < now - windowMs) old++;
  if (old > 0) sends.splice(0, old);
}
