import type { MiddlewareFn } from "grammy";
import type { BaseContext } from "../context.js";
import { hiddenCharacter } from "../domain/text-input.js";

/**
 * Every text a person sends in the private chat (a message, a file's name; captions are not kept) passes here
 * before any flow or command could store it: one holding a hidden character (see `hiddenCharacter`) is answered with what
 * is wrong and goes no further, so a question waiting for an answer is still waiting. Group chats are left
 * alone: the bot may read messages there that were not meant for it.
 */
export const refuseHiddenCharacters: MiddlewareFn<BaseContext> = async (ctx, next) => {
  const message = ctx.message;
  if (ctx.chat?.type !== "private" || !message) return next();
  const typed = [message.text, message.document?.file_name];
  const code = typed.map((text) => (text === undefined ? undefined : hiddenCharacter(text))).find(Boolean);
  if (code === undefined) return next();
  await ctx.reply(ctx.t("input-hidden-characters", { code }));
};
