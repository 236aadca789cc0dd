import { Api, GrammyError } from "grammy";
import {
  claimReminder,
  dueReminders,
  isUnreachable,
  markSent,
  markUndeliverable,
  moveGroupChat,
  nextDueAfter,
  postpone,
  recordFailedAttempt,
  recordUnreachable,
  releaseClaim,
} from "../../db/reminders.js";
import type { AppDeps } from "../deps.js";
import { reportUndeliveredNotices } from "../nominations/notices.js";
import { reportFanOuts } from "./fan-out-report.js";
import type { RateLimiter } from "./rate-limit.js";

const MAX_ATTEMPTS = 5;
const PER_RUN = 10_000;
/** A send not answered by then is given up (and counted as one whose outcome is unknown). */
const SEND_TIMEOUT_SECONDS = 30;
/** A row due within this is sent when due; a later one waits for the scheduler's tick. */
const WAKE_WITHIN_MS = 10 * 60_000;
/** The claims of a process that holds no database lease (bot-level tests, scripts): it is alone. */
export const SOLE_PROCESS = "sole-process";

export interface SendOptions {
  /** The process's id in the database lease; alone without one. */
  holder?: string;
  /** Only the notices (a report while the reminders wait for Telegram's flood wait). */
  onlyNotices?: boolean;
  /** True once the process is stopping: the send in flight ends, the rest waits for the next process. */
  stopping?: () => boolean;
}

export interface SendReport {
  sent: number[];
  unreachable: number[];
  failed: number[];
  /** Telegram asked to wait (429) until then: the run stopped there, what is left waits. */
  floodUntil?: Date;
}

/** Telegram's answers that mean the recipient cannot be written to until they (re)start the bot. */
function isUnreachableError(error: unknown): error is GrammyError {
  if (!(error instanceof GrammyError)) return false;
  if (error.error_code === 403) return true;
  return (
    error.error_code === 400 && /chat not found|user is deactivated|bot was kicked/i.test(error.description)
  );
}

/** A failure after which Telegram may still have delivered the message: no answer, or a server error. */
function outcomeUnknown(error: unknown): boolean {
  if (error instanceof GrammyError) return error.error_code >= 500;
  return true;
}

/**
 * Sends every reminder that is due (notices first, then the oldest), within Telegram's limits, one at a time. Each is claimed
 * just before its send (`claimReminder`): a process that lost the database to another claims nothing, and a
 * send whose outcome was never known (a crash in flight, a 5xx, a lost response) is sent again once per such
 * loss, counted in the row's `repeats` and logged. A reminder is marked sent once Telegram accepted it. A 403
 * marks the recipient unreachable instead of retrying; other failures are retried up to MAX_ATTEMPTS times.
 *
 * The sends bypass the bot's Api transformers: the retry there would resend a message whose response
 * was lost without anyone knowing. The retries here are the outbox's own, counted.
 */
export async function sendDueReminders(
  deps: Pick<AppDeps, "db" | "clock" | "logger">,
  api: Api,
  limiter: RateLimiter,
  options: SendOptions = {},
): Promise<SendReport> {
  const { holder = SOLE_PROCESS, onlyNotices = false, stopping = () => false } = options;
  const direct = new Api(api.token, { ...api.options, timeoutSeconds: SEND_TIMEOUT_SECONDS });
  const report: SendReport = { sent: [], unreachable: [], failed: [] };
  // One pass over what is due now: a reminder that fails stays waiting for the next run, not this one.
  const due = await dueReminders(deps.db, deps.clock(), PER_RUN, onlyNotices);
  for (const reminder of due) {
    if (stopping()) break;
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
      // Bulk: a person's reply waiting in the same limiter goes first. Claimed when its turn comes, so that a
      // crash while it waits for the turn leaves nothing in doubt. (The direct Api does not pass the limiter's
      // transformer: the turn is taken here, once.)
      const settle = await limiter.acquire(reminder.chat_id, "bulk");
      try {
        const claim = await claimReminder(deps.db, reminder, holder);
        if (!claim.claimed) continue;
        if (claim.repeat)
          deps.logger.warn(
            { reminder: reminder.id, chatId: reminder.chat_id, repeats: reminder.repeats + 1 },
            "sending again a message whose earlier send may have been delivered (a crash or a lost response)",
          );
        await direct.sendMessage(reminder.chat_id, reminder.text, {
          parse_mode: "HTML",
          link_preview_options: { is_disabled: true },
          ...(reminder.reply_markup ? { reply_markup: JSON.parse(reminder.reply_markup) } : {}),
        });
      } finally {
        settle();
      }
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
        await releaseClaim(deps.db, reminder.id);
        await moveGroupChat(deps.db, reminder.chat_id, movedTo);
        deps.logger.info({ from: reminder.chat_id, to: movedTo }, "unit group moved to a supergroup");
        continue;
      }
      const retryAfter =
        error instanceof GrammyError && error.error_code === 429 ? error.parameters.retry_after : undefined;
      if (retryAfter !== undefined) {
        // Telegram asked to wait: stop, and try again once the wait is over.
        const until = new Date(deps.clock().getTime() + retryAfter * 1000);
        await postpone(deps.db, reminder.id, until, description);
        deps.logger.warn({ retryAfter, reminder: reminder.id }, "Telegram asked to wait before sending more");
        report.floodUntil = until;
        return report;
      }
      const attempts = await recordFailedAttempt(deps.db, reminder.id, description, outcomeUnknown(error));
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

export interface OutboxOptions {
  /** Bot-level tests turn this off and send with `flush`, so that what arrives when is theirs to say. */
  sendSoon: boolean;
  /** The process's id in the database lease (`holdDatabase`); alone without one. */
  holder?: string;
}

export class ReminderOutbox {
  private queue: Promise<unknown> = Promise.resolve();
  /** Telegram asked to wait until then: nothing is sent before. */
  private floodUntil: Date | undefined;
  private wake: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly deps: OutboxDeps,
    readonly limiter: RateLimiter,
    private readonly options: OutboxOptions = { sendSoon: true },
  ) {}

  /** Sends what was just put in the outbox, without making the person who caused it wait for the fan-out. */
  sendSoon(api: Api): void {
    // A failed run is logged by the queue, and what it could not send stays waiting for the next.
    if (this.options.sendSoon) this.flush(api).catch(() => undefined);
  }

  flush(api: Api): Promise<SendReport> {
    return this.enqueue(() => this.send(api));
  }

  /** The send in flight ends and is recorded; nothing more is sent (what waits is the next process's). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.wake);
    await this.queue;
  }

  /**
   * One pass over what is due; then the reports owed (a notice nobody could receive, to the Office; a
   * `/remind now` fan-out that ended or had to wait), sent in a second pass.
   */
  private async send(api: Api): Promise<SendReport> {
    const empty: SendReport = { sent: [], unreachable: [], failed: [] };
    if (this.stopped) return empty;
    if (this.floodUntil && this.floodUntil > this.deps.clock())
      return { ...empty, floodUntil: this.floodUntil };
    const report = await this.sendOnce(api);
    const undelivered = await reportUndeliveredNotices(this.deps, report.unreachable);
    const fanOuts = await reportFanOuts(this.deps, report.floodUntil);
    if (!undelivered && !fanOuts) return report;
    // While the reminders wait out a flood wait, the reports are tried at once: a 429 to one chat (a group's
    // 20 a minute) need not hold the others, and one refused again just waits too.
    const again = await this.sendOnce(api, report.floodUntil !== undefined);
    // A report of a fan-out that ended in this second pass (its last rows went out) is given on the next run.
    return {
      sent: [...report.sent, ...again.sent],
      unreachable: [...report.unreachable, ...again.unreachable],
      failed: [...report.failed, ...again.failed],
      ...(report.floodUntil || again.floodUntil ? { floodUntil: report.floodUntil ?? again.floodUntil } : {}),
    };
  }

  private async sendOnce(api: Api, onlyNotices = false): Promise<SendReport> {
    const report = await sendDueReminders(this.deps, api, this.limiter, {
      holder: this.options.holder,
      onlyNotices,
      stopping: () => this.stopped,
    });
    if (onlyNotices && !report.floodUntil) return report;
    this.floodUntil = report.floodUntil;
    if (this.options.sendSoon) await this.wakeWhenDue(api, report.floodUntil);
    return report;
  }

  /**
   * What waits for a flood wait (this process's, or one a process before a restart was told) goes out as soon
   * as it is over, not at the scheduler's next tick.
   */
  private async wakeWhenDue(api: Api, floodUntil: Date | undefined): Promise<void> {
    const now = this.deps.clock();
    const at = floodUntil ?? (await nextDueAfter(this.deps.db, now));
    clearTimeout(this.wake);
    if (!at || at.getTime() - now.getTime() > WAKE_WITHIN_MS) return;
    this.wake = setTimeout(() => this.sendSoon(api), Math.max(0, at.getTime() - now.getTime()) + 100);
    this.wake.unref();
  }

  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job);
    this.queue = run.catch((error: unknown) =>
      this.deps.logger.error({ err: error }, "reminder sending failed"),
    );
    return run;
  }
}
