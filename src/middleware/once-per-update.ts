import type { MiddlewareFn } from "grammy";
import { forgetUpdatesBefore, markUpdateTaken } from "../../db/processed-updates.js";
import type { BaseContext } from "../context.js";
import type { AppDeps } from "../deps.js";

const REMEMBER_MS = 2 * 86_400_000;
const PRUNE_EVERY = 1000;

/**
 * Telegram re-sends updates whose delivery was not confirmed (after a crash, say). A repeated text in the
 * middle of a flow would otherwise be taken as the answer to the next question, so each update id is
 * handled once. Ids are remembered for two days: Telegram may reuse them after a week of silence.
 */
export function oncePerUpdate(deps: Pick<AppDeps, "db" | "clock">): MiddlewareFn<BaseContext> {
  let taken = 0;
  return async (ctx, next) => {
    const now = deps.clock();
    if (!(await markUpdateTaken(deps.db, ctx.update.update_id, now))) {
      ctx.log.info("duplicate update ignored");
      return;
    }
    if (++taken % PRUNE_EVERY === 0)
      await forgetUpdatesBefore(deps.db, new Date(now.getTime() - REMEMBER_MS));
    await next();
  };
}
