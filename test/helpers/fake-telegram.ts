import type { UserFromGetMe } from "grammy/types";
import { callResponse } from "../../src/http-fetch.js";
import { takeMessageId } from "./updates.js";

export interface OutgoingCall {
  method: string;
  payload: Record<string, unknown>;
}

export interface InlineButton {
  text: string;
  callback_data?: string;
  url?: string;
}

export const BOT_INFO: UserFromGetMe = {
  id: 42,
  is_bot: true,
  first_name: "ThiĐua",
  username: "thidua_test_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
} as UserFromGetMe;

type TelegramAnswer = { ok: true; result: unknown } | { ok: false; error_code: number; description: string };

/**
 * The answer as the bot's own transport hands it to grammY (`callResponse`: a status and the JSON text), not a
 * WHATWG Response, whose streams and headers cost more than the bot's work in a benchmark.
 */
const answer = (body: TelegramAnswer): Response =>
  callResponse(200, JSON.stringify(body)) as unknown as Response;

/**
 * A fake `fetch` for grammY that records every outgoing Bot API call (also those made inside
 * conversations, which use their own Api) and answers like Telegram would.
 */
export class FakeTelegram {
  readonly calls: OutgoingCall[] = [];
  /** Chat ids to answer 403 for, as Telegram does for people who never pressed Start. */
  readonly unreachable = new Set<number>();

  /**
   * `record: false` keeps no calls: for benchmarks, where every message kept would grow the heap and make the
   * garbage collector's work (not the bot's) the figure.
   */
  constructor(private readonly options: { record: boolean } = { record: true }) {}

  readonly fetch: typeof fetch = async (input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const method = url.slice(url.lastIndexOf("/") + 1);
    const payload = typeof init?.body === "string" ? (JSON.parse(init.body) as Record<string, unknown>) : {};
    if (this.options.record) this.calls.push({ method, payload });
    return answer(this.respond(method, payload));
  };

  private respond(method: string, payload: Record<string, unknown>): TelegramAnswer {
    const chatId = Number(payload.chat_id);
    if (this.unreachable.has(chatId)) {
      return {
        ok: false,
        error_code: 403,
        description: "Forbidden: bot was blocked by the user",
      };
    }
    const text = payload.text;
    if (typeof text === "string" && text.length > 4096) {
      return { ok: false, error_code: 400, description: "Bad Request: message is too long" };
    }
    switch (method) {
      case "sendMessage":
        return {
          ok: true,
          result: {
            message_id: takeMessageId(),
            date: Math.floor(Date.now() / 1000),
            chat: { id: chatId, type: chatId > 0 ? "private" : "group" },
            text,
          },
        };
      case "getMe":
        return { ok: true, result: BOT_INFO };
      default:
        return { ok: true, result: true };
    }
  }

  clear(): void {
    this.calls.length = 0;
  }

  methods(): string[] {
    return this.calls.map((call) => call.method);
  }

  /** Texts the bot sent to (or edited into) a chat, in order. */
  textsTo(chatId: number): string[] {
    return this.calls
      .filter(
        (c) => ["sendMessage", "editMessageText"].includes(c.method) && Number(c.payload.chat_id) === chatId,
      )
      .map((c) => String(c.payload.text));
  }

  lastTextTo(chatId: number): string {
    const texts = this.textsTo(chatId);
    const last = texts.at(-1);
    if (last === undefined)
      throw new Error(`the bot sent nothing to chat ${chatId}; calls: ${this.methods().join(", ")}`);
    return last;
  }

  /** The buttons of the last message sent to a chat that had an inline keyboard. */
  lastButtonsTo(chatId: number): InlineButton[] {
    const withKeyboard = this.calls.filter(
      (c) => c.method === "sendMessage" && Number(c.payload.chat_id) === chatId && c.payload.reply_markup,
    );
    const markup = withKeyboard.at(-1)?.payload.reply_markup as
      | { inline_keyboard?: InlineButton[][] }
      | undefined;
    return markup?.inline_keyboard?.flat() ?? [];
  }

  /** The buttons last shown in a chat: of a message sent, or of one edited in place (a screen that changed). */
  lastKeyboardTo(chatId: number): InlineButton[] {
    const withKeyboard = this.calls.filter(
      (c) =>
        ["sendMessage", "editMessageText"].includes(c.method) &&
        Number(c.payload.chat_id) === chatId &&
        c.payload.reply_markup,
    );
    const markup = withKeyboard.at(-1)?.payload.reply_markup as
      | { inline_keyboard?: InlineButton[][] }
      | undefined;
    return markup?.inline_keyboard?.flat() ?? [];
  }

  /**
   * The newest keyboard in a chat (of a message sent, or edited in place, text or buttons alone) that has a
   * button with `data`: what Telegram hands back with a press on that button.
   */
  lastMarkupWith(chatId: number, data: string): InlineButton[][] | undefined {
    const shown = this.calls.filter(
      (c) =>
        ["sendMessage", "editMessageText", "editMessageReplyMarkup"].includes(c.method) &&
        Number(c.payload.chat_id) === chatId &&
        c.payload.reply_markup,
    );
    for (const call of shown.reverse()) {
      const rows =
        (call.payload.reply_markup as { inline_keyboard?: InlineButton[][] }).inline_keyboard ?? [];
      if (rows.flat().some((button) => button.callback_data === data)) return rows;
    }
    return undefined;
  }

  callsOf(method: string): OutgoingCall[] {
    return this.calls.filter((call) => call.method === method);
  }
}
