import { Composer, InlineKeyboard } from "grammy";
import type { InlineKeyboardButton } from "grammy/types";
import { findNomination } from "../../db/nominations.js";
import type { BotContext } from "../context.js";
import type { AppDeps } from "../deps.js";
import type { NominationStatus } from "../domain/nominations.js";
import { escapeHtml, HTML } from "../html.js";
import { transitionProblemText } from "../nominations/card.js";
import { type ListState, listData, parseListState, statusOfCode } from "../nominations/list-state.js";
import {
  bulkMoveLabel,
  loadNominationList,
  nominationListView,
  TICKED,
  tickedIds,
  UNTICKED,
} from "../nominations/list-view.js";
import { noticeOfMove, sendSoon } from "../nominations/notices.js";
import { nomineeLabel, statusWord } from "../nominations/render.js";
import { moveOn } from "../nominations/review.js";
import { answerOnce, notify, showPage } from "../paged-view.js";
import type { ReminderOutbox } from "../reminders/sender.js";
import { type ViewContext, viewContext } from "../screen.js";

/** What happened to one ticked nomination in a bulk move. */
type BulkResult =
  | { kind: "moved"; line: string }
  | { kind: "refused"; line: string }
  | { kind: "skipped"; line: string };

/**
 * The Office's list of one step: a tick per nomination ("Chọn tất cả", "Bỏ chọn"), and one move for all those
 * ticked. The ticks live in the list's own keyboard, so nothing is stored for them and a restart loses none.
 * Each ticked nomination is moved in its own transaction, checked against its route and its form's quota as a
 * move from its card is; what moved, and what was refused or skipped and why, is said in one summary.
 */
export function bulkMovesFeature(deps: AppDeps, outbox: ReminderOutbox): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.callbackQuery(/^nk:(\d+|all|none)$/, async (ctx) => {
    if (ctx.actor?.role !== "office") return notify(ctx, ctx.t("office-only"));
    const rows = ctx.callbackQuery.message?.reply_markup?.inline_keyboard;
    if (!rows) return notify(ctx, ctx.t("nm-stale-button"));
    const which = ctx.match[1] ?? "";
    const ticked = rows.map((row) => row.map((button) => toggled(button, which)));
    const count = tickedIds(ticked).length;
    const c = viewContext(deps, ctx);
    const relabelled = ticked.map((row) => row.map((button) => withCount(c, button, count)));
    await answerOnce(ctx);
    await ctx
      .editMessageReplyMarkup({ reply_markup: new InlineKeyboard(relabelled) })
      .catch((error: unknown) => {
        if (!String(error).includes("message is not modified")) throw error;
      });
  });

  feature.callbackQuery(/^nb:(\d{1,3}):(.*)$/s, async (ctx) => {
    if (ctx.actor?.role !== "office") return notify(ctx, ctx.t("office-only"));
    const to = statusOfCode(deps.campaign, ctx.match[1] ?? "");
    const state = parseListState(deps.campaign, ctx.match[2] ?? "");
    if (to === undefined || state?.status === undefined) return notify(ctx, ctx.t("nm-stale-button"));
    const ids = tickedIds(ctx.callbackQuery.message?.reply_markup?.inline_keyboard);
    if (ids.length === 0) return notify(ctx, ctx.t("nb-none-ticked"));
    const c = viewContext(deps, ctx);
    const results: BulkResult[] = [];
    for (const id of ids) results.push(await moveOne(deps, ctx, c, { id, from: state.status, to }));
    sendSoon(outbox, ctx.api);
    // The list again, without those moved; the summary below it, with the way to the step they reached.
    await redrawList(deps, ctx, state);
    await ctx.reply(summaryText(c, results, to), {
      ...HTML,
      reply_markup: summaryKeyboard(deps, c, results, to, state),
    });
  });

  return feature;
}

/** The ticked state of a button after pressing `which` (a nomination's id, "all" or "none"). */
function toggled(button: InlineKeyboardButton, which: string): InlineKeyboardButton {
  const data = "callback_data" in button ? button.callback_data : "";
  const id = /^nk:(\d+)$/.exec(data)?.[1];
  if (!id) return button;
  const label = button.text.replace(/^(☑️|☐) /, "");
  const wasTicked = button.text.startsWith(TICKED);
  const tick = which === "all" ? true : which === "none" ? false : id === which ? !wasTicked : wasTicked;
  return { ...button, text: `${tick ? TICKED : UNTICKED} ${label}` };
}

/** A bulk move's button with the number now ticked. */
function withCount(c: ViewContext, button: InlineKeyboardButton, count: number): InlineKeyboardButton {
  const data = "callback_data" in button ? button.callback_data : "";
  const code = /^nb:(\d{1,3}):/.exec(data)?.[1];
  const to = code === undefined ? undefined : statusOfCode(c.campaign, code);
  return to === undefined ? button : { ...button, text: bulkMoveLabel(c, to, count) };
}

async function moveOne(
  deps: AppDeps,
  ctx: BotContext,
  c: ViewContext,
  move: { id: number; from: NominationStatus; to: NominationStatus },
): Promise<BulkResult> {
  const nomination = await findNomination(deps.db, move.id);
  if (!nomination) return { kind: "skipped", line: c.t("nb-gone", { id: move.id }) };
  const who = `#${nomination.id} ${nomineeLabel(c.t, nomination)}`;
  // Someone else moved it since the list was drawn: it is left where it now stands.
  if (nomination.status !== move.from)
    return {
      kind: "skipped",
      line: c.t("nb-moved-meanwhile", { who, status: statusWord(c, nomination.status) }),
    };
  const outcome = await moveOn(deps, ctx.actor, {
    nominationId: move.id,
    to: move.to,
    reason: null,
    updateId: ctx.update.update_id,
  });
  if (!outcome.ok) {
    const why =
      "problem" in outcome
        ? transitionProblemText(c, outcome.problem, outcome.nomination.form_id)
        : ctx.t(outcome.key, outcome.vars);
    return { kind: "refused", line: `${who}: ${why}` };
  }
  await noticeOfMove(
    deps,
    outcome.nomination,
    { historyId: outcome.historyId, to: move.to, reason: null },
    ctx.actor?.telegramId ?? 0,
  );
  return { kind: "moved", line: who };
}

async function redrawList(deps: AppDeps, ctx: BotContext, state: ListState): Promise<void> {
  const loaded = await loadNominationList(deps, ctx, state);
  if (!loaded.ok) return;
  const view = await nominationListView(
    deps,
    viewContext(deps, ctx),
    ctx,
    { ...state, tickAll: false },
    loaded,
  );
  await showPage(ctx, view, state.page);
}

function summaryText(c: ViewContext, results: readonly BulkResult[], to: NominationStatus): string {
  const of = (kind: BulkResult["kind"]) => results.filter((r) => r.kind === kind).map((r) => `• ${r.line}`);
  const moved = of("moved");
  const refused = of("refused");
  const skipped = of("skipped");
  return [
    c.t("nb-summary", { moved: moved.length, total: results.length, status: escapeHtml(statusWord(c, to)) }),
    ...moved,
    ...(refused.length > 0 ? ["", c.t("nb-refused", { count: refused.length }), ...refused] : []),
    ...(skipped.length > 0 ? ["", c.t("nb-skipped", { count: skipped.length }), ...skipped] : []),
  ].join("\n");
}

/** After a bulk move, one tap opens the step the moved ones reached, all ticked, for the next move. */
function summaryKeyboard(
  deps: AppDeps,
  c: ViewContext,
  results: readonly BulkResult[],
  to: NominationStatus,
  state: ListState,
): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  if (results.some((r) => r.kind === "moved"))
    keyboard.text(
      c.t("nb-open-next", { status: statusWord(c, to) }),
      listData(deps.campaign, "pg:", { page: 0, status: to, tickAll: true, filter: state.filter }),
    );
  return keyboard;
}
