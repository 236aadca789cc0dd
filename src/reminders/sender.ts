import { type Api, GrammyError } from "grammy";
import {
  dueReminders,
  isUnreachable,
  markSent,
  markUndeliverable,
  moveGroupChat,
  postpone,
  recordFailedAttempt,
  recordUnreachable,
} from "../../db/reminders.js";
import type { AppDeps } from "../deps.js";
import { reportUndeliveredNotices } from "../nominations/notices.js";
import type { RateLimiter } from "./rate-limit.js";

const MAX_ATTEMPTS = 5;
const PER_RUN = 10_000;

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
  // One pass over what is due now: a reminder that fails stays waiting for the next run, not this one.
  const due = await dueReminders(deps.db, deps.clock(), PER_RUN);
  for (const reminder of due) {
    if (await isUnreachable(deps.db, reminder.chat_id)) {
      await markUndeliverable(
        deps.db,
        reminder.id,
        "unreachable",
        "recipient unreachable since an earlier reminder",
        false,
      );
      report.unreachable.push(reminder.id);
      continue;
    }
    try {
      // Bulk: a person's reply waiting in the same limiter goes first.
      await limiter.send(reminder.chat_id, "bulk", () =>
        api.sendMessage(reminder.chat_id, reminder.text, {
          parse_mode: "HTML",
          link_preview_options: { is_disabled: true },
          ...(reminder.reply_markup ? { reply_markup: JSON.parse(reminder.reply_markup) } : {}),
        }),
      );
      await markSent(deps.db, reminder.id, deps.clock());
      report.sent.push(reminder.id);
    } catch (error) {
      const description = error instanceof Error ? error.message : String(error);
      if (isUnreachableError(error)) {
        await markUndeliverable(deps.db, reminder.id, "unreachable", error.description, true);
        await recordUnreachable(deps.db, reminder.chat_id, error.description, deps.clock());
        report.unreachable.push(reminder.id);
        deps.logger.warn(
          { chatId: reminder.chat_id, reminder: reminder.id },
          "reminder recipient unreachable",
        );
        continue;
      }
      const movedTo = error instanceof GrammyError ? error.parameters.migrate_to_chat_id : undefined;
      if (movedTo !== undefined) {
        // The group was upgraded to a supergroup: follow it; the reminder goes out on the next run.
        await moveGroupChat(deps.db, reminder.chat_id, movedTo);
        deps.logger.info({ from: reminder.chat_id, to: movedTo }, "unit group moved to a supergroup");
        continue;
      }
      const retryAfter =
        error instanceof GrammyError && error.error_code === 429 ? error.parameters.retry_after : undefined;
      if (retryAfter !== undefined) {
        // A flood wait longer than the retry plugin sits out: stop, and try again once it is over.
        const until = new Date(deps.clock().getTime() + retryAfter * 1000);
        await postpone(deps.db, reminder.id, until, description);
        deps.logger.warn({ retryAfter, reminder: reminder.id }, "Telegram asked to wait before sending more");
        return report;
      }
      const attempts = await recordFailedAttempt(deps.db, reminder.id, description);
      deps.logger.warn({ err: error, reminder: reminder.id, attempts }, "reminder not sent");
      if (attempts >= MAX_ATTEMPTS) {
        await markUndeliverable(deps.db, reminder.id, "failed", description, false);
        report.failed.push(reminder.id);
      }
      // Otherwise it stays waiting for the next run; the others behind it go on.
    }
  }
  return report;
}

type OutboxDeps = Pick<AppDeps, "db" | "clock" | "logger" | "campaign" | "i18n" | "officeAdminIds">;

export class ReminderOutbox {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly deps: OutboxDeps,
    readonly limiter: RateLimiter,
    /** Bot-level tests turn this off and send with `flush`, so that what arrives when is theirs to say. */
    private readonly options: { sendSoon: boolean } = { sendSoon: true },
  ) {}

  /** Sends what was just put in the outbox, without making the person who caused it wait for the fan-out. */
  sendSoon(api: Api): void {
    // A failed run is logged by the queue, and what it could not send stays waiting for the next.
    if (this.options.sendSoon) this.flush(api).catch(() => undefined);
  }

  flush(api: Api): Promise<SendReport> {
    return this.enqueue(() => this.send(api));
  }

  /** Sends what is due, then runs `after` (a report), in the same queue: awaiting a later flush awaits it too. */
  flushThen(api: Api, after: (report: SendReport) => Promise<unknown>): Promise<void> {
    return this.enqueue(async () => {
      await after(await this.send(api));
    });
  }

  /** One pass over what is due; a notice nobody could receive is reported to the Office, in a second pass. */
  private async send(api: Api): Promise<SendReport> {
    const report = await sendDueReminders(this.deps, api, this.limiter);
    if (!(await reportUndeliveredNotices(this.deps, report.unreachable))) return report;
    const again = await sendDueReminders(this.deps, api, this.limiter);
    return {
      sent: [...report.sent, ...again.sent],
      unreachable: [...report.unreachable, ...again.unreachable],
      failed: [...report.failed, ...again.failed],
    };
  }

  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job);
    this.queue = run.catch((error: unknown) =>
      this.deps.logger.error({ err: error }, "reminder sending failed"),
    );
    return run;
  }
}
