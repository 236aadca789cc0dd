import type { Conversation } from "@grammyjs/conversations";
import type { BotContext, FlowContext } from "../src/context.js";
import type { TextCheck } from "../src/domain/names.js";
import { HTML } from "../src/html.js";

export type Flow = Conversation<BotContext, FlowContext>;

const isCommand = (ctx: FlowContext) => ctx.message?.text?.startsWith("/") === true;

/**
 * Commands and other buttons are not answers: they pass on to the bot's ordinary handlers (so /help, /lang,
 * /cancel or a new /start work in the middle of a flow) while the flow keeps waiting at the same question.
 */
const passOn = { next: true } as const;

/** Asks for one line of text until it passes `check`. */
export async function askText(
  conversation: Flow,
  ctx: FlowContext,
  prompt: string,
  check: (text: string) => TextCheck,
  problemKey: string,
): Promise<string> {
  await ctx.reply(prompt, HTML);
  for (;;) {
    const answer = await conversation.waitUntil((c) => c.message !== undefined && !isCommand(c), passOn);
    const text = answer.message?.text;
    if (text === undefined) {
      await answer.reply(answer.t("flow-text-expected"), HTML);
      continue;
    }
    const result = check(text);
    if (result.ok) return result.value;
    await answer.reply(answer.t(`${problemKey}-${result.reason}`), HTML);
  }
}

/** Waits for one of `choices` on the keyboard just sent, stops the spinner and removes the keyboard. */
export async function askButton<T extends string>(
  conversation: Flow,
  prefix: string,
  choices: readonly T[],
): Promise<{ choice: T; ctx: FlowContext }> {
  const data = new Map(choices.map((choice) => [`${prefix}:${choice}`, choice]));
  for (;;) {
    const answer = await conversation.waitUntil(
      (c) => data.has(c.callbackQuery?.data ?? "") || (c.message !== undefined && !isCommand(c)),
      passOn,
    );
    const choice = data.get(answer.callbackQuery?.data ?? "");
    if (choice === undefined) {
      await answer.reply(answer.t("flow-press-button"), HTML);
      continue;
    }
    await answer.answerCallbackQuery();
    await answer.editMessageReplyMarkup().catch(() => undefined);
    return { choice, ctx: answer };
  }
}
