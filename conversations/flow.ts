import type { Conversation } from "@grammyjs/conversations";
import { InlineKeyboard } from "grammy";
import type { BotContext, FlowContext } from "../src/context.js";
import { lacksVietnameseMarks, normaliseFullName, type TextCheck } from "../src/domain/names.js";
import { escapeHtml, HTML } from "../src/html.js";
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

/**
 * Sends `prompt` (a question with a button for each of `choices`) and waits for a press, or for typed text
 * that `typed` reads as one of the choices; anything else gets a reminder and the prompt, buttons and all,
 * again.
 */
export async function askButton<T extends string>(
  conversation: Flow,
  ctx: FlowContext,
  prompt: (target: FlowContext) => Promise<unknown>,
  prefix: string,
  choices: readonly T[],
  typed: (text: string) => T | undefined = () => undefined,
): Promise<{ choice: T; ctx: FlowContext }> {
  const data = new Map(choices.map((choice) => [`${prefix}:${choice}`, choice]));
  await prompt(ctx);
  for (;;) {
    const answer = await waitForAnswer(conversation, (pressed) => data.has(pressed));
    const text = answer.message?.text;
    const choice = text === undefined ? data.get(answer.callbackQuery?.data ?? "") : typed(text);
    if (choice === undefined) {
      await answer.reply(answer.t("flow-press-button-below"), HTML);
      await prompt(answer);
      continue;
    }
    if (answer.callbackQuery) await acknowledgePress(answer);
    return { choice, ctx: answer };
  }
}

/** The button that keeps a name offered back for being typed without Vietnamese marks. */
export const KEEP_NAME = "name:keep";

/**
 * A full name from `answer`: typed, or `offered` (a name without Vietnamese marks, offered back once) kept with
 * its button. A first name without marks is offered back, to keep or to retype with them; undefined `name`
 * means the question is still open, with what is now `offered`.
 */
export async function takeFullName(
  answer: FlowContext,
  offered: string | undefined,
): Promise<{ name?: string; offered: string | undefined }> {
  if (answer.callbackQuery?.data === KEEP_NAME) {
    if (offered === undefined) {
      await answer.answerCallbackQuery();
      return { offered };
    }
    await acknowledgePress(answer);
    return { name: offered, offered };
  }
  const name = await checkedText(answer, normaliseFullName, "name-problem");
  if (name === undefined) return { offered };
  if (offered !== undefined || !lacksVietnameseMarks(name)) return { name, offered };
  await answer.reply(answer.t("name-without-marks", { name: escapeHtml(name) }), {
    ...HTML,
    reply_markup: new InlineKeyboard().text(answer.t("name-keep", { name: escapeHtml(name) }), KEEP_NAME),
  });
  return { offered: name };
}
