import type { FlowContext } from "../src/context.js";
import { HTML } from "../src/html.js";
import { type Ask, answerAsk, type InputDeps } from "../src/input-answers.js";
import { type Flow, isCommand } from "./flow.js";

export const INPUT = "input";

/**
 * One typed reason or one uploaded file, asked for by a button (a reason to nominate someone whose assessment
 * falls short, a reason to return or reject, a dossier document). The question was sent before entering.
 * A command or another button means the person moved on: the question is dropped and the update handled as
 * usual; /cancel just drops it.
 */
export function inputFlow(deps: InputDeps) {
  return async function input(conversation: Flow, _ctx: FlowContext, first: Ask): Promise<void> {
    let ask = first;
    for (;;) {
      const answer = await conversation.wait();
      if (answer.message?.text === "/cancel" || answer.message?.text?.startsWith("/cancel@")) {
        await answer.reply(answer.t("input-cancelled"), HTML);
        return;
      }
      if (isCommand(answer) || answer.callbackQuery || !answer.message)
        await conversation.halt({ next: true });
      const asked = ask;
      const reply = await conversation.external((ctx) => answerAsk(deps, ctx, asked));
      for (const message of reply.messages) await answer.reply(message.text, { ...HTML, ...message.extra });
      if (reply.done) return;
      if (reply.next) ask = reply.next;
    }
  };
}
