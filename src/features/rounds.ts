import { Composer } from "grammy";
import { closeRound, findRound, listRounds, openRound } from "../../db/rounds.js";
import type { Round } from "../../db/schema.js";
import type { BotContext } from "../context.js";
import type { AppDeps } from "../deps.js";
import {
  deadlineStatus,
  deadlineStatusKey,
  isBeyondPlanPeriod,
  roundDeadline,
  roundYearProblem,
} from "../domain/rounds.js";
import { formatLocalDate, formatLocalDateTime, toLocal } from "../domain/time.js";
import { HTML } from "../html.js";
import { officeOnly } from "../middleware/actor.js";

/** /round lists the yearly rounds; /round open YEAR and /round close YEAR manage them. */
export function roundsFeature(deps: AppDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const { campaign } = deps;
  const zone = campaign.timeZone;

  const describe = (ctx: BotContext, round: Round) => {
    const deadline = new Date(round.deadline_at);
    const status = deadlineStatus(deps.clock(), deadline, zone);
    return ctx.t(round.status === "open" ? "round-line-open" : "round-line-closed", {
      year: String(round.year),
      deadline: formatLocalDate(deadline, zone),
      left: ctx.t(`round-${deadlineStatusKey(status)}`, { days: "days" in status ? status.days : 0 }),
    });
  };

  feature.command("round", officeOnly, async (ctx) => {
    const [action = "", yearText = ""] = ctx.match.trim().split(/\s+/);
    const verb = action.toLowerCase();
    if (verb === "") {
      const rounds = await listRounds(deps.db);
      const body =
        rounds.length === 0 ? ctx.t("round-empty") : rounds.map((r) => describe(ctx, r)).join("\n");
      await ctx.reply(`${ctx.t("round-header")}\n${body}\n\n${ctx.t("round-usage")}`, HTML);
      return;
    }
    if ((verb !== "open" && verb !== "close") || !/^\d{4}$/.test(yearText)) {
      await ctx.reply(ctx.t("round-usage"), HTML);
      return;
    }
    const year = Number(yearText);
    const now = deps.clock();
    const existing = await findRound(deps.db, year);

    if (verb === "close") {
      if (!existing) await ctx.reply(ctx.t("round-not-found", { year: yearText }), HTML);
      else if (existing.status === "closed")
        await ctx.reply(ctx.t("round-already-closed", { year: yearText }), HTML);
      else {
        await closeRound(deps.db, year, now);
        await ctx.reply(ctx.t("round-closed", { year: yearText }), HTML);
      }
      return;
    }

    const problem = roundYearProblem(year, campaign.period, toLocal(now, zone).year);
    if (problem) {
      await ctx.reply(
        ctx.t(`round-year-${problem}`, { year: yearText, from: String(campaign.period.from) }),
        HTML,
      );
      return;
    }
    // People work in one round at a time: opening another would hide the unfinished work of the open one.
    const open = (await listRounds(deps.db)).find((round) => round.status === "open" && round.year !== year);
    if (open) {
      await ctx.reply(ctx.t("round-other-open", { year: yearText, open: String(open.year) }), HTML);
      return;
    }
    if (existing?.status === "open") {
      await ctx.reply(`${ctx.t("round-already-open", { year: yearText })}\n${describe(ctx, existing)}`, HTML);
      return;
    }
    const deadline = existing ? new Date(existing.deadline_at) : roundDeadline(year, campaign.deadline, zone);
    await openRound(
      deps.db,
      { year, campaignId: campaign.id, deadline, openedBy: ctx.actor?.telegramId ?? 0 },
      now,
    );
    const lines = [
      ctx.t(existing ? "round-reopened" : "round-opened", {
        year: yearText,
        deadline: formatLocalDateTime(deadline, zone),
        dayBefore: formatLocalDate(new Date(deadline.getTime() - 1), zone),
      }),
    ];
    if (isBeyondPlanPeriod(year, campaign.period)) {
      lines.push(
        ctx.t("round-beyond-period", {
          from: String(campaign.period.from),
          to: String(campaign.period.to),
        }),
      );
    }
    await ctx.reply(lines.join("\n\n"), HTML);
  });

  return feature;
}
