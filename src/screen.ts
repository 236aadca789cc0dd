import type { InlineKeyboard } from "grammy";
import type { Language } from "../db/schema.js";
import type { Campaign } from "./campaign/schema.js";
import type { BotContext } from "./context.js";
import type { AppDeps } from "./deps.js";

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
