import { Composer } from "grammy";
import { endSession } from "../../db/assessment-sessions.js";
import { abandonChangesOf } from "../assessment/service.js";
import type { BotContext } from "../context.js";
import type { AppDeps } from "../deps.js";

export function cancelFeature(deps: AppDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("cancel", async (ctx) => {
    const active = Object.keys(ctx.conversation.active());
    const assessing = ctx.chat ? await endSession(deps.db, ctx.chat.id) : false;
    if (active.length === 0 && !assessing) {
      await ctx.reply(ctx.t("cancel-nothing"));
      return;
    }
    await ctx.conversation.exitAll();
    if (assessing && ctx.actor) await abandonChangesOf(deps, ctx.actor.telegramId);
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
