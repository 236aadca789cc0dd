import type { MiddlewareFn } from "grammy";
import { findUser, speakerFacts } from "../../db/users.js";
import type { BaseContext } from "../context.js";
import type { AppDeps } from "../deps.js";
import { effectiveRole } from "../domain/roles.js";
import { readsOf } from "./update-scope.js";

/** The update's read of `speakerFacts` for this person (the actor's; `reachableAgain` reads it too). */
export const speakerKey = (telegramId: number) => `speaker:${telegramId}`;

/** Loads who is speaking on every update, so a role change takes effect at once. */
export function actorMiddleware(deps: Pick<AppDeps, "db" | "officeAdminIds">): MiddlewareFn<BaseContext> {
  return async (ctx, next) => {
    const telegramId = ctx.from?.id;
    if (telegramId === undefined) {
      ctx.actor = undefined;
    } else {
      // Read once per update: a conversation runs this again for each of its contexts.
      const reads = readsOf(ctx.update);
      const [user, facts] = await Promise.all([
        reads.once(`user:${telegramId}`, () => findUser(deps.db, telegramId)),
        reads.once(speakerKey(telegramId), () => speakerFacts(deps.db, telegramId)),
      ]);
      const role = effectiveRole(user?.role, deps.officeAdminIds.includes(telegramId));
      ctx.actor = {
        telegramId,
        user,
        role,
        language: facts.language ?? "vi",
        // A member who erased their data (no longer registered) reads nothing as one.
        council: role === "guest" ? undefined : facts.councilRole,
      };
    }
    await next();
  };
}

/**
 * Stops Office-only commands from anyone else, with a reply that says why and shows nothing; and keeps
 * them out of group chats, where their answers (invite links that grant powers) would be seen by all.
 */
export const officeOnly: MiddlewareFn<BaseContext> = async (ctx, next) => {
  if (ctx.actor?.role !== "office") {
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t("office-only"), show_alert: true });
    else await ctx.reply(ctx.t("office-only"));
    return;
  }
  if (ctx.chat?.type !== "private") {
    await ctx.reply(ctx.t("office-private-only"));
    return;
  }
  await next();
};
