import type { Conversation } from "@grammyjs/conversations";
import type { BotContext, FlowContext } from "../src/context.js";
import type { TextCheck } from "../src/domain/names.js";
import { HTML } from "../src/html.js";
import { withChoiceShown } from "../src/screen.js";

export type Flow = Conversation<BotContext, FlowContext>;

export const isCommand = (ctx: FlowContext) => ctx.message?.text?.startsWith("/") === true;

/**
 * Commands and other buttons are not answers: they pass on to the bot's ordinary handlers (so /help, /lang,
 * /cancel or a new /start work in the middle of a flow) while the flow keeps waiting at the same question.
 */
const passOn = { next: true } as const;

/** Waits for a message that is not a command, or a press on a button the flow accepts. */
export function waitForAnswer(conversation: Flow, acceptsButton: (data: string) => boolean = () => false) {
  return conversation.waitUntil(
    (c) => acceptsButton(c.callbackQuery?.data ?? "") || (c.message !== undefined && !isCommand(c)),
    passOn,
  );
}

/** The text of an answer that passes `check`, or undefined after telling the person what is wrong. */
export async function checkedText(
  answer: FlowContext,
  check: (text: string) => TextCheck,
  problemKey: string,
): Promise<string | undefined> {
  const text = answer.message?.text;
  if (text === undefined) {
    if (answer.callbackQuery) await answer.answerCallbackQuery({ text: answer.t("flow-button-not-now") });
    else await answer.reply(answer.t("flow-text-expected"), HTML);
    return undefined;
  }
  const result = check(text);
  if (result.ok) return result.value;
  await answer.reply(answer.t(`${problemKey}-${result.reason}`), HTML);
  return undefined;
}

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
    const value = await checkedText(await waitForAnswer(conversation), check, problemKey);
    if (value !== undefined) return value;
  }
}

/**
 * Stops a pressed button's spinner and shows the choice under the question in place of its keyboard (or, if it
 * cannot, just removes the keyboard), so it cannot be pressed twice and the chat keeps the answer.
 */
export async function acknowledgePress(ctx: FlowContext): Promise<void> {
  await ctx.answerCallbackQuery();
  const query = ctx.callbackQuery;
  const shown = query && withChoiceShown(query.message, query.data ?? "");
  const edited =
    shown !== undefined &&
    (await ctx.editMessageText(shown.text, { entities: shown.entities }).then(
      () => true,
      () => false,
    ));
  if (!edited) await ctx.editMessageReplyMarkup().catch(() => undefined);
}

/** Waits for one of `choices` on the keyboard just sent; a message instead gets a reminder to press a button. */
export async function askButton<T extends string>(
  conversation: Flow,
  prefix: string,
  choices: readonly T[],
): Promise<{ choice: T; ctx: FlowContext }> {
  const data = new Map(choices.map((choice) => [`${prefix}:${choice}`, choice]));
  for (;;) {
    const answer = await waitForAnswer(conversation, (pressed) => data.has(pressed));
    const choice = data.get(answer.callbackQuery?.data ?? "");
    if (choice === undefined) {
      await answer.reply(answer.t("flow-press-button"), HTML);
      continue;
    }
    await acknowledgePress(answer);
    return { choice, ctx: answer };
  }
}
