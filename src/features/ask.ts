import { INPUT } from "../../conversations/input.js";
import type { BotContext } from "../context.js";
import { HTML } from "../html.js";
import type { Ask } from "../input-answers.js";
import { answerOnce } from "../paged-view.js";

/** Asks for one reason or file; the next message answers it (see conversations/input.ts). */
export async function askFor(ctx: BotContext, ask: Ask, prompt: string): Promise<void> {
  await answerOnce(ctx);
  // A question asked before and never answered is replaced by this one.
  await ctx.conversation.exit(INPUT);
  await ctx.reply(prompt, HTML);
  await ctx.conversation.enter(INPUT, ask);
}
