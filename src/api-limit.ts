import type { Transformer } from "grammy";
import type { ChatId, RateLimiter } from "./reminders/rate-limit.js";

/** The methods that put a new message in a chat, which Telegram's limits count; edits and chat actions are not. */
const SENDS = /^(send(?!ChatAction$)[A-Z]\w*|copyMessages?|forwardMessages?)$/;

function chatOf(method: string, payload: unknown): ChatId | undefined {
  return SENDS.test(method) ? (payload as { chat_id?: ChatId }).chat_id : undefined;
}

/**
 * Makes every message sent through the bot's Api wait for its turn in the bot's one limiter: as a reply, unless
 * the reminder sender counted it already as bulk. Installed first, so that a retry waits for a turn too.
 */
export function limitOutgoingMessages(limiter: RateLimiter): Transformer {
  return (prev, method, payload, signal) => {
    const chatId = chatOf(method, payload);
    if (chatId === undefined) return prev(method, payload, signal);
    return limiter.throughApi(chatId, () => prev(method, payload, signal));
  };
}

/** What the limiter needs of a conversation: a step that runs when the conversation runs live, not on replay. */
export interface LiveSteps {
  external(op: () => Promise<void>): Promise<void>;
}

/**
 * The same for a conversation's own Api. A conversation replays its past on every update, and the calls it
 * replays get their logged answers without reaching Telegram, below this transformer: waiting for a turn is
 * therefore a step of its own (`external`), which a replay skips, so only the messages really sent take turns.
 */
export function limitConversationMessages(limiter: RateLimiter, conversation: LiveSteps): Transformer {
  return async (prev, method, payload, signal) => {
    const chatId = chatOf(method, payload);
    if (chatId === undefined) return prev(method, payload, signal);
    let settle: (() => void) | undefined;
    await conversation.external(async () => {
      settle = await limiter.acquire(chatId, "reply");
    });
    try {
      return await prev(method, payload, signal);
    } finally {
      settle?.();
    }
  };
}
