import {
  createRunner,
  createSource,
  createUpdateFetcher,
  type RunnerHandle,
  type UpdateSink,
} from "@grammyjs/runner";
import type { Bot } from "grammy";
import type { Update } from "grammy/types";
import type { BotContext } from "./context.js";

/**
 * Long polling with @grammyjs/runner, confirming a batch to Telegram only once every update in it has been
 * handled. The runner's own run() confirms a batch as soon as it fetches the next one, so an update still
 * waiting behind another of the same chat would be lost if the process were killed; here Telegram re-sends
 * it. Updates of one batch are handled concurrently (sequentialize keeps each chat in order).
 */
export function startPolling(
  bot: Bot<BotContext>,
  allowedUpdates: ReadonlyArray<Exclude<keyof Update, "update_id">>,
): RunnerHandle {
  const fetchUpdates = createUpdateFetcher(bot, { fetch: { allowed_updates: allowedUpdates } });
  const source = createSource({
    supply: async (batchSize, signal) => {
      await bot.init();
      return fetchUpdates(batchSize, signal);
    },
  });
  let handling = 0;
  const sink: UpdateSink<Update> = {
    handle: async (updates) => {
      handling += updates.length;
      await Promise.all(
        updates.map(async (update) => {
          try {
            await bot.handleUpdate(update);
          } catch (error) {
            await bot.errorHandler(error as Parameters<typeof bot.errorHandler>[0]);
          } finally {
            handling--;
          }
        }),
      );
      return Number.POSITIVE_INFINITY;
    },
    size: () => handling,
    snapshot: () => [],
  };
  const runner = createRunner(source, sink);
  runner.start();
  return runner;
}
