import { Composer } from "grammy";
import { findSession } from "../../db/assessment-sessions.js";
import type { BotContext } from "../context.js";
import type { AppDeps } from "../deps.js";
import { HTML } from "../html.js";

/** What nobody else handled: old buttons, unknown commands, stray messages. Must be the last handler. */
export function fallbackFeature(deps: Pick<AppDeps, "db">): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.on("callback_query", async (ctx) => {
    await ctx.answerCallbackQuery({ text: ctx.t("stale-button"), show_alert: true });
    await ctx.editMessageReplyMarkup().catch(() => undefined);
  });

  const privateChats = feature.chatType("private");
  // An edited message changes nothing the bot stored: say so, rather than stay silent.
  privateChats.on("edited_message", (ctx) => ctx.reply(ctx.t("edited-message"), HTML));
  privateChats.on("message::bot_command", async (ctx) => {
    const inFlow =
      Object.keys(ctx.conversation.active()).length > 0 ||
      (await findSession(deps.db, ctx.chat.id)) !== undefined;
    return ctx.reply(ctx.t(inFlow ? "flow-command-not-now" : "unknown-command"), HTML);
  });
  privateChats.on("message", (ctx) =>
    ctx.reply(ctx.t(ctx.actor?.role === "guest" ? "start-guest" : "unknown-input"), HTML),
  );
  // Group chats: the bot only speaks when spoken to with a command it knows.
  return feature;
}
