import { Composer } from "grammy";
import { abandonChangesOf } from "../assessment/service.js";
import type { BotContext } from "../context.js";
import type { AppDeps } from "../deps.js";
import { ASSESSMENT } from "./assessment.js";

export function cancelFeature(deps: AppDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("cancel", async (ctx) => {
    const active = Object.keys(ctx.conversation.active());
    if (active.length === 0) {
      await ctx.reply(ctx.t("cancel-nothing"));
      return;
    }
    await ctx.conversation.exitAll();
    if (active.includes(ASSESSMENT) && ctx.actor) await abandonChangesOf(deps, ctx.actor.telegramId);
    if (active.includes("registration")) {
      await ctx.reply(ctx.t("cancel-registration"));
      return;
    }
    // Say how to come back to the flow that was left.
    const command = active.includes("profile-edit")
      ? "/me"
      : ctx.actor?.role === "unit_head"
        ? "/assess · /unit"
        : "/assess";
    await ctx.reply(ctx.t("cancel-done", { command }));
  });
  return feature;
}
