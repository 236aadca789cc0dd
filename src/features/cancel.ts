import { Composer } from "grammy";
import type { BotContext } from "../context.js";

export function cancelFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("cancel", async (ctx) => {
    const active = Object.keys(ctx.conversation.active());
    if (active.length === 0) {
      await ctx.reply(ctx.t("cancel-nothing"));
      return;
    }
    await ctx.conversation.exitAll();
    await ctx.reply(ctx.t(active.includes("registration") ? "cancel-registration" : "cancel-done"));
  });
  return feature;
}
