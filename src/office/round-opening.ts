import { InlineKeyboard } from "grammy";
import { findRound, listRounds, openRound } from "../../db/rounds.js";
import type { Round } from "../../db/schema.js";
import type { BotContext } from "../context.js";
import type { AppDeps } from "../deps.js";
import { isoDate, type LocalDate } from "../domain/calendar.js";
import {
  dateOfDeadline,
  deadlineInDays,
  deadlineStatus,
  deadlineStatusKey,
  isBeyondPlanPeriod,
  LATE_ROUND_DAYS,
  latestRoundDeadline,
  parseRoundDeadline,
  type RoundDeadlineCheck,
  type RoundDeadlineProblem,
  roundDeadline,
  roundYearProblem,
} from "../domain/rounds.js";
import { formatLocalDate, formatLocalDateTime, toLocal } from "../domain/time.js";
import { echoArgument } from "../html.js";
import { noticeOfRoundOpened } from "./round-notices.js";

/** How the Office asked to open a round. */
export type OpenChoice =
  /** `/round open YEAR`: the plan's deadline (or a closed round's own), asking first if it has passed. */
  | { kind: "default" }
  /** A deadline the Office chose: typed and checked already, or the one-tap offer. */
  | { kind: "date"; deadline: Date }
  /** A deadline typed with the command, checked once the year may be opened at all. */
  | { kind: "typed"; text: string }
  /** Reopen a closed round with its own deadline even though it has passed (the Office's review goes on). */
  | { kind: "keep" };

export interface RoundScreen {
  text: string;
  keyboard?: InlineKeyboard;
}

const compact = (date: LocalDate) => isoDate(date).replaceAll("-", "");

/** Callback data of the buttons under the question asked when a round's deadline has passed. */
export const ROUND_BUTTONS = {
  open: (year: number, date: LocalDate) => `round:open:${year}:${compact(date)}`,
  keep: (year: number) => `round:keep:${year}`,
  date: (year: number) => `round:date:${year}`,
  cancel: (year: number) => `round:cancel:${year}`,
};

/** A round in the /round list: open or closed, its own deadline, and the days left. */
export function roundLine(deps: Pick<AppDeps, "clock" | "campaign">, ctx: BotContext, round: Round): string {
  const zone = deps.campaign.timeZone;
  const deadline = new Date(round.deadline_at);
  const status = deadlineStatus(deps.clock(), deadline, zone);
  return ctx.t(round.status === "open" ? "round-line-open" : "round-line-closed", {
    year: String(round.year),
    deadline: formatLocalDate(deadline, zone),
    left: ctx.t(`round-${deadlineStatusKey(status)}`, { days: "days" in status ? status.days : 0 }),
  });
}

/** A deadline the Office typed for the round of `year`, checked. */
export function typedDeadline(
  deps: Pick<AppDeps, "clock" | "campaign">,
  year: number,
  text: string,
): RoundDeadlineCheck {
  const zone = deps.campaign.timeZone;
  return parseRoundDeadline(text, deps.clock(), roundDeadline(year, deps.campaign.deadline, zone), zone);
}

/** Why a deadline the Office typed is refused, with what to type instead. */
export function deadlineProblemText(
  deps: Pick<AppDeps, "clock" | "campaign">,
  ctx: BotContext,
  problem: RoundDeadlineProblem,
  year: number,
  typed: string,
): string {
  const zone = deps.campaign.timeZone;
  const now = deps.clock();
  const planned = roundDeadline(year, deps.campaign.deadline, zone);
  return ctx.t(`round-date-${problem}`, {
    date: echoArgument(typed),
    example: formatLocalDate(deadlineInDays(now, LATE_ROUND_DAYS, zone), zone),
    today: formatLocalDate(now, zone),
    latest: formatLocalDate(latestRoundDeadline(now, planned, zone), zone),
  });
}

/** Asks for a round's deadline to be typed, with an example. */
export function askDateText(
  deps: Pick<AppDeps, "clock" | "campaign">,
  ctx: BotContext,
  year: number,
): string {
  const zone = deps.campaign.timeZone;
  return ctx.t("round-ask-date", {
    year: String(year),
    example: formatLocalDate(deadlineInDays(deps.clock(), LATE_ROUND_DAYS, zone), zone),
  });
}

/**
 * Opens (or reopens) the round of `year` as the Office chose, every check made again (a button may be pressed
 * long after it was shown), and says what happened. When the deadline the round would get has already passed,
 * nothing is opened: the Office is asked for a deadline instead, since nobody could act in such a round.
 */
export async function openRoundScreen(
  deps: Pick<AppDeps, "db" | "clock" | "campaign" | "i18n" | "officeAdminIds">,
  ctx: BotContext,
  year: number,
  choice: OpenChoice,
): Promise<RoundScreen> {
  const { campaign } = deps;
  const zone = campaign.timeZone;
  const now = deps.clock();
  const yearText = String(year);
  const problem = roundYearProblem(year, campaign.period, toLocal(now, zone).year);
  if (problem)
    return { text: ctx.t(`round-year-${problem}`, { year: yearText, from: String(campaign.period.from) }) };
  // People work in one round at a time: opening another would hide the unfinished work of the open one.
  const open = (await listRounds(deps.db)).find((round) => round.status === "open" && round.year !== year);
  if (open) return { text: ctx.t("round-other-open", { year: yearText, open: String(open.year) }) };
  const existing = await findRound(deps.db, year);
  if (existing?.status === "open")
    return {
      text: `${ctx.t("round-already-open", { year: yearText })}\n${roundLine(deps, ctx, existing)}`,
    };

  const planned = roundDeadline(year, campaign.deadline, zone);
  const own = existing ? new Date(existing.deadline_at) : planned;
  let deadline = choice.kind === "date" ? choice.deadline : own;
  if (choice.kind === "typed") {
    const checked = typedDeadline(deps, year, choice.text);
    if (!checked.ok) return { text: deadlineProblemText(deps, ctx, checked.problem, year, choice.text) };
    deadline = checked.deadline;
  }
  // Only a closed round's own deadline may be kept once past: a new round would get the plan's, unasked.
  const keeping = choice.kind === "keep" && existing !== undefined;
  if (!keeping && deadline.getTime() <= now.getTime())
    return askForDeadline(deps, ctx, year, own, existing !== undefined);

  const result = await openRound(
    deps.db,
    { year, campaignId: campaign.id, deadline, openedBy: ctx.actor?.telegramId ?? 0 },
    now,
  );
  // Another year's round was opened since the check above (two /round open at the same instant).
  if (!result.opened)
    return { text: ctx.t("round-other-open", { year: yearText, open: String(result.openYear) }) };
  // Everyone registered hears of it, with the deadline; a round reopened past its deadline (for the Office's
  // review) is nothing people can act on.
  if (deadline.getTime() > now.getTime())
    await noticeOfRoundOpened(
      deps,
      { year, by: ctx.actor?.telegramId ?? 0, updateId: ctx.update.update_id },
      deadline,
    );
  const when = {
    year: yearText,
    deadline: formatLocalDateTime(deadline, zone),
    dayBefore: formatLocalDate(new Date(deadline.getTime() - 1), zone),
  };
  const changed = deadline.getTime() !== own.getTime();
  const lines = [
    ctx.t(existing ? (changed ? "round-reopened-new-deadline" : "round-reopened") : "round-opened", when),
  ];
  if (!existing && changed)
    lines.push(ctx.t("round-own-deadline", { planned: formatLocalDateTime(planned, zone) }));
  if (deadline.getTime() <= now.getTime()) lines.push(ctx.t("round-kept-past-deadline"));
  if (isBeyondPlanPeriod(year, campaign.period))
    lines.push(
      ctx.t("round-beyond-period", { from: String(campaign.period.from), to: String(campaign.period.to) }),
    );
  return { text: lines.join("\n\n") };
}

/** The question asked instead of opening a round whose deadline has passed, with one-tap answers. */
function askForDeadline(
  deps: Pick<AppDeps, "clock" | "campaign">,
  ctx: BotContext,
  year: number,
  passed: Date,
  reopening: boolean,
): RoundScreen {
  const zone = deps.campaign.timeZone;
  const offered = deadlineInDays(deps.clock(), LATE_ROUND_DAYS, zone);
  const keyboard = new InlineKeyboard()
    .text(
      ctx.t("round-open-offer-button", { date: formatLocalDate(offered, zone) }),
      ROUND_BUTTONS.open(year, dateOfDeadline(offered, zone)),
    )
    .row();
  if (reopening)
    keyboard
      .text(ctx.t("round-keep-button", { date: formatLocalDate(passed, zone) }), ROUND_BUTTONS.keep(year))
      .row();
  keyboard
    .text(ctx.t("round-other-date-button"), ROUND_BUTTONS.date(year))
    .row()
    .text(ctx.t("round-cancel-button"), ROUND_BUTTONS.cancel(year));
  return {
    text: ctx.t(reopening ? "round-reopen-deadline-passed" : "round-deadline-passed", {
      year: String(year),
      deadline: formatLocalDateTime(passed, zone),
      days: LATE_ROUND_DAYS,
      offered: formatLocalDateTime(offered, zone),
    }),
    keyboard,
  };
}
