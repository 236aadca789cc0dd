import { InlineKeyboard, type MiddlewareFn } from "grammy";
import type { BaseContext } from "../context.js";
import type { CommandName } from "../domain/roles.js";
import type { Translate } from "../screen.js";

/** The commands whose screens show a person's own data, results, nominations and files. */
export const PRIVATE_COMMANDS = [
  "assess",
  "myresult",
  "unit",
  "me",
  "nominate",
  "dossier",
  "status",
  "nominations",
] as const satisfies readonly CommandName[];
export type PrivateCommand = (typeof PRIVATE_COMMANDS)[number];

export function isPrivateCommand(name: string): name is PrivateCommand {
  return (PRIVATE_COMMANDS as readonly string[]).includes(name);
}

/** The buttons of those screens. */
const PRIVATE_BUTTONS = /^(nm|ds|no|nt|pg|av|avf):/;

/**
 * A button that opens the private chat with the bot. With a command, its link starts the chat with
 * `/start <command>`, which the start feature answers with that command's screen.
 */
export function privateChatKeyboard(
  t: Translate,
  botUsername: string,
  command?: PrivateCommand,
): InlineKeyboard {
  const start = command ? `?start=${command}` : "";
  return new InlineKeyboard().url(t("private-chat-button"), `https://t.me/${botUsername}${start}`);
}

/**
 * Those screens belong in private chats: in a group each of the commands gets one short reply with a button
 * to the private chat, and a press of one of their buttons there (forged data, or a forwarded keyboard) is
 * refused, rather than showing someone's results to all.
 */
export const privateScreensOnly: MiddlewareFn<BaseContext> = async (ctx, next) => {
  if (ctx.chat?.type === "private" || ctx.chat === undefined) return next();
  const command = PRIVATE_COMMANDS.find((name) => ctx.hasCommand(name));
  if (command) {
    await ctx.reply(ctx.t("private-chat-only", { command }), {
      reply_markup: privateChatKeyboard(ctx.t, ctx.me.username, command),
      ...(ctx.msg
        ? { reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true } }
        : {}),
    });
    return;
  }
  const data = ctx.callbackQuery?.data;
  if (data !== undefined && PRIVATE_BUTTONS.test(data)) {
    await ctx.answerCallbackQuery({ text: ctx.t("st-private-only"), show_alert: true });
    return;
  }
  await next();
};
