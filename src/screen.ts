import type { InlineKeyboard } from "grammy";
import type { InlineKeyboardButton, MessageEntity } from "grammy/types";
import type { Language } from "../db/schema.js";
import type { Campaign } from "./campaign/schema.js";
import type { BotContext } from "./context.js";
import type { AppDeps } from "./deps.js";
import { MESSAGE_LIMIT } from "./paging.js";

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** What a screen needs to be rendered in its reader's language, without grammY. */
export interface ViewContext {
  t: Translate;
  language: Language;
  campaign: Campaign;
}

/** A message with its buttons, shown new or in place of the one whose button was pressed. */
export interface Screen {
  text: string;
  keyboard: InlineKeyboard;
}

export function viewContext(deps: Pick<AppDeps, "campaign">, ctx: BotContext): ViewContext {
  const language = ctx.actor?.language ?? "vi";
  return { t: (key, vars) => ctx.t(key, vars), language, campaign: deps.campaign };
}

/** The pressed message as Telegram hands it back: plain text, its formatting as entities, its keyboard. */
export interface PressedMessage {
  text?: string;
  entities?: MessageEntity[];
  reply_markup?: { inline_keyboard: InlineKeyboardButton[][] };
}

/**
 * The pressed question with the chosen button's label under it ("… → Đạt") and no keyboard, so the chat
 * reads as a record of the answers; undefined when the message has no text, the button is not on it, or the
 * result would not fit in a message. The text keeps its formatting: Telegram's entities count UTF-16 units,
 * as JavaScript's string lengths do.
 */
export function withChoiceShown(
  message: PressedMessage | undefined,
  data: string,
): { text: string; entities: MessageEntity[] } | undefined {
  const text = message?.text;
  if (!text) return undefined;
  const button = (message.reply_markup?.inline_keyboard ?? [])
    .flat()
    .find((b) => "callback_data" in b && b.callback_data === data);
  if (!button) return undefined;
  const lead = `${text}\n\n→ `;
  const shown = `${lead}${button.text}`;
  if (shown.length > MESSAGE_LIMIT) return undefined;
  return {
    text: shown,
    entities: [
      ...(message.entities ?? []),
      { type: "bold", offset: lead.length, length: button.text.length },
    ],
  };
}
