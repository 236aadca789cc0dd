import type { MiddlewareFn } from "grammy";
import type { BaseContext } from "../context.js";

/** The buttons of the nomination, dossier and status screens, which show people's results and files. */
const PRIVATE_BUTTONS = /^(nm|ds|no|nt|pg):/;

/**
 * Those screens are only ever sent in private chats; a press of such a button in a group (forged data, or a
 * forwarded keyboard) is refused rather than turning a group message into someone's results or files.
 */
export const privateButtonsOnly: MiddlewareFn<BaseContext> = async (ctx, next) => {
  const data = ctx.callbackQuery?.data;
  if (data !== undefined && PRIVATE_BUTTONS.test(data) && ctx.chat?.type !== "private") {
    await ctx.answerCallbackQuery({ text: ctx.t("st-private-only"), show_alert: true });
    return;
  }
  await next();
};
