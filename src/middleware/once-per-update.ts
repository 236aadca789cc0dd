import type { MiddlewareFn } from "grammy";
import { inGroupCommit } from "../../db/group-commit.js";
import {
  finishUpdate,
  forgetUpdatesBefore,
  highestUpdateId,
  wasHandled,
} from "../../db/processed-updates.js";
import type { BaseContext } from "../context.js";
import type { AppDeps } from "../deps.js";

const REMEMBER_MS = 2 * 86_400_000;
const PRUNE_EVERY = 1000;

/**
 * Telegram re-sends updates whose delivery was not confirmed (after a crash, say). An update handled to the
 * end is not handled again: a repeated text in the middle of a flow would be taken as the answer to the next
 * question. One whose handling was cut short is handled again; the flows recognise an answer they already
 * stored from its update id. Ids are remembered for two days: Telegram may reuse them after a week of silence.
 * An update is marked once, when done (a mark when taken too cost a write per update and only told a log line
 * that the handling was a second one).
 */
export function oncePerUpdate(deps: Pick<AppDeps, "db" | "clock">): MiddlewareFn<BaseContext> {
  let taken = 0;
  // Telegram numbers updates in order: an id above every id stored when this bot began, and above every id it
  // has taken since, cannot have been handled, and needs no read. Any other id is looked up.
  let highest: number | undefined;
  let highestStored: Promise<number> | undefined;
  return async (ctx, next) => {
    const id = ctx.update.update_id;
    const now = deps.clock();
    if (highest === undefined) {
      highestStored ??= highestUpdateId(deps.db);
      const stored = await highestStored;
      highest ??= stored;
    }
    const unseen = id > highest;
    if (unseen) highest = id;
    if (!unseen && (await wasHandled(deps.db, id))) {
      ctx.log.info("duplicate update ignored");
      return;
    }
    if (++taken % PRUNE_EVERY === 0)
      await forgetUpdatesBefore(deps.db, new Date(now.getTime() - REMEMBER_MS));
    let marked = false;
    ctx.lastWrite = async (work) => {
      await inGroupCommit(deps.db, async (trx) => {
        await work(trx);
        await finishUpdate(trx, id, now, deps.clock());
      });
      marked = true;
    };
    try {
      await next();
    } finally {
      if (!marked) await finishUpdate(deps.db, id, now, deps.clock());
    }
  };
}
