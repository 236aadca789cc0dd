import { Composer } from "grammy";
import { closeRound, findRound, listRounds } from "../../db/rounds.js";
import type { BotContext } from "../context.js";
import type { AppDeps } from "../deps.js";
import { deadlineOn } from "../domain/rounds.js";
import { HTML } from "../html.js";
import { officeOnly } from "../middleware/actor.js";
import { sendSoon } from "../nominations/notices.js";
import { noticeOfRoundClosed } from "../office/round-notices.js";
import {
  askDateText,
  type OpenChoice,
  openRoundScreen,
  type RoundScreen,
  roundLine,
} from "../office/round-opening.js";
import { answerOnce } from "../paged-view.js";
import type { ReminderOutbox } from "../reminders/sender.js";
import { askFor } from "./ask.js";

/**
 * /round lists the yearly rounds; /round open YEAR [dd/mm/yyyy] and /round close YEAR manage them. A round
 * whose deadline has passed is not opened as is: the Office picks its deadline with the buttons below.
 */
export function roundsFeature(deps: AppDeps, outbox: ReminderOutbox): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const zone = deps.campaign.timeZone;

  const show = async (ctx: BotContext, screen: RoundScreen) => {
    // A round opened puts its notice to everyone in the outbox: sent from there, within Telegram's limits.
    sendSoon(outbox, ctx.api);
    await ctx.reply(screen.text, { ...HTML, ...(screen.keyboard ? { reply_markup: screen.keyboard } : {}) });
  };

  feature.command("round", officeOnly, async (ctx) => {
    const [action = "", yearText = "", dateText, ...rest] = ctx.match.trim().split(/\s+/);
    const verb = action.toLowerCase();
    if (verb === "") {
      const rounds = await listRounds(deps.db);
      const body =
        rounds.length === 0 ? ctx.t("round-empty") : rounds.map((r) => roundLine(deps, ctx, r)).join("\n");
      await ctx.reply(`${ctx.t("round-header")}\n${body}\n\n${ctx.t("round-usage")}`, HTML);
      return;
    }
    const takesDate = verb === "open" || dateText === undefined;
    if ((verb !== "open" && verb !== "close") || !/^\d{4}$/.test(yearText) || !takesDate || rest.length > 0) {
      await ctx.reply(ctx.t("round-usage"), HTML);
      return;
    }
    const year = Number(yearText);

    if (verb === "close") {
      const existing = await findRound(deps.db, year);
      if (!existing) await ctx.reply(ctx.t("round-not-found", { year: yearText }), HTML);
      else if (existing.status === "closed")
        await ctx.reply(ctx.t("round-already-closed", { year: yearText }), HTML);
      else {
        await closeRound(deps.db, year, deps.clock());
        await noticeOfRoundClosed(deps, {
          year,
          by: ctx.actor?.telegramId ?? 0,
          updateId: ctx.update.update_id,
        });
        sendSoon(outbox, ctx.api);
        await ctx.reply(ctx.t("round-closed", { year: yearText }), HTML);
      }
      return;
    }

    const choice: OpenChoice =
      dateText === undefined ? { kind: "default" } : { kind: "typed", text: dateText };
    await show(ctx, await openRoundScreen(deps, ctx, year, choice));
  });

  // The answers to the question asked when the deadline a round would get has passed. Each takes the
  // keyboard off first, so it cannot be pressed twice; everything is checked again as for the command.
  const pressed = async (ctx: BotContext) => {
    await answerOnce(ctx);
    await ctx.editMessageReplyMarkup().catch(() => undefined);
  };

  feature.callbackQuery(/^round:open:(\d{4}):(\d{4})(\d{2})(\d{2})$/, officeOnly, async (ctx) => {
    await pressed(ctx);
    const [year, y, m, d] = [1, 2, 3, 4].map((group) => Number(ctx.match[group]));
    const deadline = deadlineOn({ year: Number(y), month: Number(m), day: Number(d) }, zone);
    await show(ctx, await openRoundScreen(deps, ctx, Number(year), { kind: "date", deadline }));
  });

  feature.callbackQuery(/^round:keep:(\d{4})$/, officeOnly, async (ctx) => {
    await pressed(ctx);
    await show(ctx, await openRoundScreen(deps, ctx, Number(ctx.match[1]), { kind: "keep" }));
  });

  feature.callbackQuery(/^round:date:(\d{4})$/, officeOnly, async (ctx) => {
    await pressed(ctx);
    const year = Number(ctx.match[1]);
    await askFor(ctx, { kind: "round-deadline", year }, askDateText(deps, ctx, year));
  });

  feature.callbackQuery(/^round:cancel:(\d{4})$/, officeOnly, async (ctx) => {
    await pressed(ctx);
    await ctx.reply(ctx.t("round-open-cancelled", { year: ctx.match[1] ?? "" }), HTML);
  });

  return feature;
}
