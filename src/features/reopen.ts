import { Composer } from "grammy";
import { grantExtension } from "../../db/assessments.js";
import { findOpenRound } from "../../db/rounds.js";
import { findUnitByCode } from "../../db/units.js";
import type { BotContext } from "../context.js";
import type { AppDeps } from "../deps.js";
import { addDays } from "../domain/calendar.js";
import { formatLocalDateTime, fromLocal, toLocal } from "../domain/time.js";
import { echoArgument, escapeHtml, HTML } from "../html.js";
import { officeOnly } from "../middleware/actor.js";
import { unitAccess } from "../nominations/access.js";
import { noticeToHeads, sendSoon } from "../nominations/notices.js";
import type { ReminderOutbox } from "../reminders/sender.js";
import type { Translate } from "../screen.js";

const DEFAULT_DAYS = 3;
const MAX_DAYS = 30;

/**
 * /reopen CODE [days]: gives a unit a few more days after the deadline for its people's self-assessments, its
 * own assessment, its nominations and its dossier (unless already sent). The unit's heads are told.
 */
export function reopenFeature(deps: AppDeps, outbox: ReminderOutbox): Composer<BotContext> {
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
      await ctx.reply(ctx.t("units-not-found", { code: echoArgument(code) }), HTML);
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
    // What the unit can change now, and until when: the later of the round's deadline and this extension.
    const access = await unitAccess(deps, round, unit.id, unit.name);
    const deadline = formatLocalDateTime(access.deadline, deps.campaign.timeZone);
    deps.logger.info(
      { unit: unit.code, year: round.year, until: access.deadline.toISOString() },
      "assessments reopened",
    );
    const vars = {
      unit: escapeHtml(`${unit.name} (${unit.code})`),
      year: String(round.year),
      until: deadline,
    };
    const text = (t: Translate, header: "reopen-done" | "reopen-notice") =>
      [
        t(header, vars),
        t("reopen-open-people"),
        t(access.readOnly === "submitted" ? "reopen-open-unit-dossier-sent" : "reopen-open-unit"),
      ].join("\n");
    const told = await noticeToHeads(deps, {
      key: `notice:reopen:${unit.id}:${ctx.update.update_id}`,
      year: round.year,
      unitId: unit.id,
      text: (language) => text((key, variables) => deps.i18n.t(language, key, variables), "reopen-notice"),
    });
    sendSoon(outbox, ctx.api);
    const heads = told.heads === 0 || told.headsUnreachable > 0 ? "nm-head-not-told" : "reopen-heads-told";
    await ctx.reply(`${text(ctx.t, "reopen-done")}\n\n${ctx.t(heads)}`, HTML);
  });
  return feature;
}
