import { Composer, InlineKeyboard, InputFile } from "grammy";
import { findRound, listRounds } from "../../db/rounds.js";
import type { BotContext } from "../context.js";
import type { AppDeps } from "../deps.js";
import {
  MOVEMENT_REPORT_MENU,
  MOVEMENT_REPORT_PATTERN,
  reportJob,
  soKetData,
  TONG_KET_DATA,
} from "../documents/movement-report.js";
import { renderInWorker } from "../documents/report-runner.js";
import { templatesFor } from "../documents/templates.js";
import { periodScope, type ReportScope } from "../domain/movement-report.js";
import { formatLocalDate } from "../domain/time.js";
import { HTML } from "../html.js";
import { officeOnly } from "../middleware/actor.js";
import { answerOnce, notify, refuse } from "../paged-view.js";

/**
 * The Báo cáo sơ kết (a round's year) and tổng kết (the campaign's period) of the movement, for the Office: a
 * menu from /status's "📄 Bản nháp" and from /docs, then the report made in the background. The press is
 * answered at once ("đang lập báo cáo…"); the file follows when made, and the bot answers other updates
 * meanwhile: a worker thread counts (a read-only connection of its own), draws the charts and fills the file.
 */
export function movementReportFeature(deps: AppDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  /** Chats with a report being made: one at a time each, so that repeated presses do not pile up work. */
  const busy = new Set<number>();

  feature.callbackQuery(MOVEMENT_REPORT_MENU, officeOnly, async (ctx) => {
    const rounds = await listRounds(deps.db);
    const period = deps.campaign.period;
    const keyboard = new InlineKeyboard();
    for (const year of rounds.map((round) => round.year).sort((a, b) => a - b))
      keyboard.text(ctx.t("mr-so-ket-button", { year: String(year) }), soKetData(year)).row();
    keyboard.text(
      ctx.t("mr-tong-ket-button", { from: String(period.from), to: String(period.to) }),
      TONG_KET_DATA,
    );
    await answerOnce(ctx);
    await ctx.reply(ctx.t("mr-menu"), { ...HTML, reply_markup: keyboard });
  });

  feature.callbackQuery(MOVEMENT_REPORT_PATTERN, officeOnly, async (ctx) => {
    const year = ctx.match[1];
    let scope: ReportScope = periodScope(deps.campaign);
    if (year !== undefined) {
      if (!(await findRound(deps.db, Number(year))))
        return refuse(ctx, { ok: false, key: "nm-stale-button" });
      scope = { kind: "so-ket", year: Number(year) };
    }
    const title =
      scope.kind === "so-ket"
        ? ctx.t("mr-title-so-ket", { year: String(scope.year) })
        : ctx.t("mr-title-tong-ket", { from: String(scope.from), to: String(scope.to) });
    const chatId = ctx.chat?.id;
    if (chatId === undefined) return;
    if (busy.has(chatId)) return notify(ctx, ctx.t("mr-busy"));
    busy.add(chatId);
    await answerOnce(ctx, { text: ctx.t("doc-making") });
    await ctx.reply(ctx.t("mr-making", { title }), HTML);
    const now = deps.clock();
    const render = deps.reportRenderer ?? renderInWorker;
    // Not awaited: the update is done; the file is sent when it is made.
    void (async () => {
      try {
        const job = await reportJob(
          { db: deps.db, campaign: deps.campaign, now, templates: templatesFor(deps.campaign) },
          scope,
        );
        const made = await render(job);
        await ctx.api.sendDocument(chatId, new InputFile(made.bytes, made.fileName), {
          caption: ctx.t("mr-caption", {
            title,
            units: made.unitCount,
            date: formatLocalDate(now, deps.campaign.timeZone),
          }),
        });
      } catch (error) {
        deps.logger.error({ err: error, scope }, "movement report failed");
        await ctx.api.sendMessage(chatId, ctx.t("mr-failed", { title }), HTML).catch(() => undefined);
      } finally {
        busy.delete(chatId);
      }
    })();
  });

  return feature;
}
