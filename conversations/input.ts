import { findSession } from "../db/assessment-sessions.js";
import type { BotContext, FlowContext } from "../src/context.js";
import { HTML } from "../src/html.js";
import { type Ask, answerAsk, type InputDeps } from "../src/input-answers.js";
import { type Flow, isCommand } from "./flow.js";

export const INPUT = "input";

/** Whether a question of another flow waits in this chat: another conversation, or a self-assessment's. */
async function anotherQuestionOpen(deps: InputDeps, ctx: BotContext): Promise<boolean> {
  if (Object.keys(ctx.conversation.active()).some((id) => id !== INPUT)) return true;
  return ctx.chat !== undefined && (await findSession(deps.db, ctx.chat.id)) !== undefined;
}

/** Which action a question that is given up was for, as the locale's `input-dropped` names it. */
function droppedAction(ask: Ask): string {
  return ask.kind === "move" ? `move-${ask.to}` : ask.kind;
}

/** The details' questions show "⏭ Bỏ qua" (and Nam/Nữ) under the keyboard: taken away when they stop. */
function closing(ask: Ask): { reply_markup?: { remove_keyboard: true } } {
  return ask.kind === "profile-details" ? { reply_markup: { remove_keyboard: true } } : {};
}

/**
 * One typed reason or one uploaded file, asked for by a button (a reason to nominate someone whose assessment
 * falls short, a reason to return or reject, a dossier document). The question was sent before entering.
 * A command or another button means the person moved on: the question is dropped (the person is told
 * which action was not done) and the update handled as usual; /cancel just drops it.
 */
export function inputFlow(deps: InputDeps) {
  return async function input(conversation: Flow, _ctx: FlowContext, first: Ask): Promise<void> {
    let ask = first;
    for (;;) {
      const answer = await conversation.wait();
      if (answer.message?.text === "/cancel" || answer.message?.text?.startsWith("/cancel@")) {
        // The details asked one by one keep the answers given before the /cancel.
        await answer.reply(answer.t(ask.kind === "profile-details" ? "pf-cancelled" : "input-cancelled"), {
          ...HTML,
          ...closing(ask),
        });
        return;
      }
      if (isCommand(answer) || answer.callbackQuery || !answer.message) {
        // Said before the command is handled, so the person knows what they were doing is not done; a file
        // asked for on its own after the one before was never started, so nothing is said of it.
        const started = !(ask.kind === "upload" && ask.chained);
        if (started && (answer.message || answer.callbackQuery))
          await answer.reply(answer.t("input-dropped", { action: droppedAction(ask) }), {
            ...HTML,
            ...closing(ask),
          });
        await conversation.halt({ next: true });
      }
      const asked = ask;
      // A file only offered does not take what another flow's open question waits for (a self-assessment's
      // answer, a registration's name): the message goes there, and the offer is dropped without a word.
      if (asked.kind === "upload" && asked.offered && !answer.message?.document) {
        const elsewhere = await conversation.external((ctx) => anotherQuestionOpen(deps, ctx));
        if (elsewhere) await conversation.halt({ next: true });
      }
      const reply = await conversation.external((ctx) => answerAsk(deps, ctx, asked));
      if (reply.passOn) await conversation.halt({ next: true });
      for (const message of reply.messages) await answer.reply(message.text, { ...HTML, ...message.extra });
      if (reply.done) return;
      if (reply.next) ask = reply.next;
    }
  };
}
