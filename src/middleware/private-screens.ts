import type { MiddlewareFn } from "grammy";
import type { BaseContext } from "../context.js";

/** The commands whose screens show people's results, nominations and files. */
const PRIVATE_COMMANDS = ["nominate", "dossier", "status", "nominations"];
/** The buttons of those screens. */
const PRIVATE_BUTTONS = /^(nm|ds|no|nt|pg):/;

/**
 * Those screens belong in private chats: the commands are refused in a group, and so is a press of one of
 * their buttons there (forged data, or a forwarded keyboard), rather than showing someone's results to all.
 */
export const privateScreensOnly: MiddlewareFn<BaseContext> = async (ctx, next) => {
  if (ctx.chat?.type === "private" || ctx.chat === undefined) return next();
  if (ctx.hasCommand(PRIVATE_COMMANDS)) {
    await ctx.reply(ctx.t("st-private-only"));
    return;
  }
  const data = ctx.callbackQuery?.data;
  if (data !== undefined && PRIVATE_BUTTONS.test(data)) {
    await ctx.answerCallbackQuery({ text: ctx.t("st-private-only"), show_alert: true });
    return;
  }
  await next();
};
