import type { Api } from "grammy";
import type { AppDeps } from "../deps.js";
import { planDueReminders } from "./plan.js";
import type { ReminderOutbox } from "./sender.js";

export interface ReminderScheduler {
  /** Plans what is due and sends what is waiting; concurrent calls share one run. */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Runs the reminders in the bot's process: every `intervalMs`, plan what fell due, then send the outbox.
 * `botUsername` makes the group reminders' button to the private chat.
 */
export function startReminderScheduler(
  deps: AppDeps & { botUsername: string },
  api: Api,
  outbox: ReminderOutbox,
  intervalMs = 30_000,
): ReminderScheduler {
  let running: Promise<void> | undefined;
  const tick = () => {
    running ??= (async () => {
      try {
        await planDueReminders(deps, deps.clock());
        await outbox.flush(api);
      } catch (error) {
        deps.logger.error({ err: error }, "reminder run failed");
      } finally {
        running = undefined;
      }
    })();
    return running;
  };
  const timer = setInterval(() => void tick(), intervalMs);
  void tick();
  return {
    tick,
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
