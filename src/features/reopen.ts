import { Composer } from "grammy";
import { grantExtension } from "../../db/assessments.js";
import { findOpenRound } from "../../db/rounds.js";
import { findUnitByCode } from "../../db/units.js";
import type { BotContext } from "../context.js";
import type { AppDeps } from "../deps.js";
import { addDays } from "../domain/calendar.js";
import { formatLocalDateTime, fromLocal, toLocal } from "../domain/time.js";
import { escapeHtml, HTML } from "../html.js";
import { officeOnly } from "../middleware/actor.js";

const DEFAULT_DAYS = 3;
const MAX_DAYS = 30;

/** /reopen CODE [days]: lets a unit change its assessments for a few more days after the deadline. */
export function reopenFeature(deps: AppDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("reopen", officeOnly, async (ctx) => {
    const [code = "", daysText = String(DEFAULT_DAYS)] = ctx.match.trim().split(/\s+/);
    const days = Number(daysText);
    if (code === "" || !Number.isInteger(days) || days < 1 || days > MAX_DAYS) {
      await ctx.reply(ctx.t("reopen-usage", { max: MAX_DAYS }), HTML);
      return;
    }
    const unit = await findUnitByCode(deps.db, code);
    if (!unit) {
      await ctx.reply(ctx.t("units-not-found", { code: escapeHtml(code) }), HTML);
      return;
    }
    const round = await findOpenRound(deps.db);
    if (!round) {
      await ctx.reply(ctx.t("as-unavailable-no_open_round"), HTML);
      return;
    }
    const now = deps.clock();
    // To the end of the last day, local time: "3 days" means up to 24:00 of the third day.
    const lastDay = addDays(toLocal(now, deps.campaign.timeZone), days);
    const until = fromLocal({ ...addDays(lastDay, 1), hour: 0, minute: 0 }, deps.campaign.timeZone);
    await grantExtension(
      deps.db,
      { year: round.year, unitId: unit.id, until, grantedBy: ctx.from?.id ?? 0 },
      now,
    );
    deps.logger.info(
      { unit: unit.code, year: round.year, until: until.toISOString() },
      "assessments reopened",
    );
    await ctx.reply(
      ctx.t("reopen-done", {
        unit: escapeHtml(`${unit.name} (${unit.code})`),
        year: String(round.year),
        until: formatLocalDateTime(until, deps.campaign.timeZone),
      }),
      HTML,
    );
  });
  return feature;
}
