import {
  enqueueFanOutReport,
  type FanOutReport,
  type LoggedReminder,
  remindersOfSlot,
  reportsOwed,
  slotCounts,
} from "../../db/reminders.js";
import type { Language, NewReminder } from "../../db/schema.js";
import type { AppDeps } from "../deps.js";
import { formatLocalDateTime } from "../domain/time.js";
import { escapeHtml } from "../html.js";
import { MESSAGE_LIMIT, paginate } from "../paging.js";

type Deps = Pick<AppDeps, "db" | "clock" | "campaign" | "i18n">;

/** The outbox key of a fan-out's report: once per stage and fan-out, whoever sends it. */
export const REPORT = "report:";

function recipientName(t: (key: string, vars?: Record<string, string>) => string, r: LoggedReminder) {
  if (r.kind === "group") return t("remind-group-of", { unit: escapeHtml(r.unit_code ?? "?") });
  return r.full_name ? escapeHtml(r.full_name) : String(r.chat_id);
}

/** What the fan-out came to: sent of all, who could not be reached by name, and how many were given up. */
async function endedLines(deps: Deps, report: FanOutReport, language: Language): Promise<string[]> {
  const t = (key: string, vars?: Record<string, string | number>) => deps.i18n.t(language, key, vars);
  const rows = await remindersOfSlot(deps.db, report.round_year, report.slot_key);
  const sent = rows.filter((r) => r.status === "sent").length;
  const unreachable = rows.filter((r) => r.status === "unreachable");
  const notSent = rows.filter((r) => r.status === "failed" || r.status === "superseded").length;
  const lines = [t("remind-now-done", { sent, total: rows.length })];
  if (notSent > 0) lines.push(t("remind-now-not-sent", { count: notSent }));
  if (unreachable.length > 0) {
    lines.push(t("remind-now-unreachable", { count: unreachable.length }));
    lines.push(...unreachable.map((r) => `• ${recipientName(t, r)}`));
  }
  return lines;
}

/**
 * Puts in the outbox the reports owed for `/remind now` fan-outs: the end of each whose rows are all settled
 * (sent, unreachable or given up), and, once per fan-out, that Telegram asked to wait (`floodUntil`) with what
 * was sent, what waits and who could not be reached so far. Each report is a notice keyed by its fan-out and
 * stage, and marked given in the same transaction: a crash or a second run adds nothing. True if any was put.
 */
export async function reportFanOuts(deps: Deps, floodUntil?: Date): Promise<boolean> {
  let reported = false;
  for (const report of await reportsOwed(deps.db)) {
    const counts = await slotCounts(deps.db, report.round_year, report.slot_key);
    const language = report.language;
    let stage: "waiting" | "ended";
    let lines: string[];
    if (counts.pending === 0) {
      stage = "ended";
      lines = await endedLines(deps, report, language);
    } else if (floodUntil && report.waiting_reported_at === null) {
      stage = "waiting";
      const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
      lines = [
        deps.i18n.t(language, "remind-now-waiting", {
          sent: counts.sent,
          total,
          pending: counts.pending,
          unreachable: counts.unreachable,
          until: formatLocalDateTime(floodUntil, deps.campaign.timeZone),
        }),
      ];
    } else continue;
    const now = deps.clock();
    const pages = paginate(lines[0] ?? "", lines.slice(1), "", MESSAGE_LIMIT - 100);
    const rows: NewReminder[] = pages.map((text, page) => ({
      round_year: report.round_year,
      slot_key: `${REPORT}${stage}:${report.slot_key}`,
      kind: "notice",
      chat_id: report.chat_id,
      page,
      unit_id: null,
      text,
      reply_markup: null,
      due_at: now.toISOString(),
      expires_at: null,
      status: "pending",
      created_at: now.toISOString(),
    }));
    await enqueueFanOutReport(deps.db, report, stage, rows, now);
    reported = true;
  }
  return reported;
}
