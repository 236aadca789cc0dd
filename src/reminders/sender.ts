import { type Api, GrammyError } from "grammy";
import {
  dueReminders,
  isUnreachable,
  markSent,
  markUndeliverable,
  recordFailedAttempt,
  recordUnreachable,
} from "../../db/reminders.js";
import type { AppDeps } from "../deps.js";
import type { RateLimiter } from "./rate-limit.js";

const MAX_ATTEMPTS = 5;
const BATCH = 200;

export interface SendReport {
  sent: number[];
  unreachable: number[];
  failed: number[];
}

/** Telegram's answers that mean the recipient cannot be written to until they (re)start the bot. */
function isUnreachableError(error: unknown): error is GrammyError {
  if (!(error instanceof GrammyError)) return false;
  if (error.error_code === 403) return true;
  return (
    error.error_code === 400 && /chat not found|user is deactivated|bot was kicked/i.test(error.description)
  );
}

/**
 * Sends every reminder that is due, oldest first, within Telegram's limits. A reminder is marked sent only
 * once Telegram accepted it, so a crash repeats at most the one in flight. A 403 marks the recipient
 * unreachable instead of retrying; other failures are retried up to MAX_ATTEMPTS times.
 */
export async function sendDueReminders(
  deps: Pick<AppDeps, "db" | "clock" | "logger">,
  api: Api,
  limiter: RateLimiter,
): Promise<SendReport> {
  const report: SendReport = { sent: [], unreachable: [], failed: [] };
  for (;;) {
    const due = await dueReminders(deps.db, deps.clock(), BATCH);
    if (due.length === 0) return report;
    for (const reminder of due) {
      if (await isUnreachable(deps.db, reminder.chat_id)) {
        await markUndeliverable(
          deps.db,
          reminder.id,
          "unreachable",
          "recipient unreachable since an earlier reminder",
        );
        report.unreachable.push(reminder.id);
        continue;
      }
      await limiter.acquire(reminder.chat_id);
      try {
        await api.sendMessage(reminder.chat_id, reminder.text, {
          parse_mode: "HTML",
          link_preview_options: { is_disabled: true },
          ...(reminder.reply_markup ? { reply_markup: JSON.parse(reminder.reply_markup) } : {}),
        });
        await markSent(deps.db, reminder.id, deps.clock());
        report.sent.push(reminder.id);
      } catch (error) {
        const description = error instanceof Error ? error.message : String(error);
        if (isUnreachableError(error)) {
          await markUndeliverable(deps.db, reminder.id, "unreachable", error.description);
          await recordUnreachable(deps.db, reminder.chat_id, error.description, deps.clock());
          report.unreachable.push(reminder.id);
          deps.logger.warn(
            { chatId: reminder.chat_id, reminder: reminder.id },
            "reminder recipient unreachable",
          );
          continue;
        }
        const attempts = await recordFailedAttempt(deps.db, reminder.id, description);
        deps.logger.warn({ err: error, reminder: reminder.id, attempts }, "reminder not sent");
        if (attempts >= MAX_ATTEMPTS) {
          await markUndeliverable(deps.db, reminder.id, "failed", description);
          report.failed.push(reminder.id);
        } else {
          // Leave it for the next round of sending rather than spin on a failing recipient now.
          return report;
        }
      }
    }
  }
}

/**
 * The one place that sends the outbox: the scheduler and /remind now both go through it, one run at a time,
 * so no reminder is picked up by two runs at once.
 */
export class ReminderOutbox {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly deps: Pick<AppDeps, "db" | "clock" | "logger">,
    private readonly limiter: RateLimiter,
  ) {}

  flush(api: Api): Promise<SendReport> {
    const run = this.queue.then(() => sendDueReminders(this.deps, api, this.limiter));
    this.queue = run.catch(() => undefined);
    return run;
  }
}
