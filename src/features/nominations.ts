import { Composer } from "grammy";
import { deleteAwardDraft } from "../../db/award-drafts.js";
import { findNomination } from "../../db/nominations.js";
import type { BotContext } from "../context.js";
import type { AppDeps } from "../deps.js";
import type { NominationStatus } from "../domain/nominations.js";
import { findMove, routeOf, stepOf } from "../domain/routes.js";
import { formatLocalDateTime } from "../domain/time.js";
import { scopeOfActor } from "../domain/visibility.js";
import { escapeHtml } from "../html.js";
import { awardStaleText } from "../nominations/award-view.js";
import { cardScreen, transitionProblemText } from "../nominations/card.js";
import { listNav, listNavOf, nextWaiting, withListNav } from "../nominations/list-nav.js";
import { type ListState, parseListState, statusOfCode } from "../nominations/list-state.js";
import { loadNominationList, nominationListView } from "../nominations/list-view.js";
import { noticeOfMove, sendSoon } from "../nominations/notices.js";
import { decisionText, formName, nomineeLabel, statusWord } from "../nominations/render.js";
import { moveOn, recordAward, undoableMove } from "../nominations/review.js";
import { answerOnce, notify, plainText, refuse, showPage, showScreen } from "../paged-view.js";
import type { ReminderOutbox } from "../reminders/sender.js";
import { viewContext } from "../screen.js";
import { askFor } from "./ask.js";
import { beginRecord } from "./record.js";

/**
 * /nominations [number | form | name | unit code]: the Office sees every nomination, a head their unit's, an
 * employee their own; each can be opened, and on an opened one the Office moves it on with buttons. The Office
 * also opens the list of one step, to tick nominations and move them on at once (features/bulk-moves.ts).
 */
export function nominationsFeature(deps: AppDeps, outbox: ReminderOutbox): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  async function list(ctx: BotContext, state: ListState) {
    const loaded = await loadNominationList(deps, ctx, state);
    if (!loaded.ok) return refuse(ctx, loaded);
    const view = await nominationListView(deps, viewContext(deps, ctx), ctx, state, loaded);
    await showPage(ctx, view, state.page);
  }

  /** A nomination's card in place of the pressed message, keeping the way back to the list it was opened from. */
  const showCard = async (ctx: BotContext, id: number, nav = listNavOf(ctx)) =>
    showScreen(ctx, withListNav(ctx, await cardScreen(deps, viewContext(deps, ctx), ctx.actor, id), nav));

  feature.command("nominations", async (ctx) => {
    const number = /^#?\s*(\d{1,9})$/.exec(ctx.match.trim());
    if (!number) return list(ctx, { page: 0, filter: ctx.match });
    // The card checks who may see it, as a press on the list's button does.
    if (scopeOfActor(ctx.actor).kind === "none") return notify(ctx, ctx.t("nl-guest"));
    await showCard(ctx, Number(number[1]));
  });
  feature.callbackQuery(/^pg:(n[lsa]:.*)$/s, async (ctx) => {
    const state = parseListState(deps.campaign, ctx.match[1] ?? "");
    if (!state) return notify(ctx, ctx.t("nm-stale-button"));
    await list(ctx, state);
  });

  // Opened from a list, a card carries "◀ Danh sách" back to the same page and "▶ Tiếp" to the next one
  // waiting at the step this one stood at.
  feature.callbackQuery(/^no:(\d+)(?::(.*))?$/s, async (ctx) => {
    const id = Number(ctx.match[1]);
    const state = ctx.match[2] ? parseListState(deps.campaign, ctx.match[2]) : undefined;
    const nomination = state && (await findNomination(deps.db, id));
    await showCard(
      ctx,
      id,
      state && nomination ? listNav(deps, ctx, id, nomination.status, state) : undefined,
    );
  });
  feature.callbackQuery(/^nx:(\d+):(\d{1,3}):(.*)$/s, async (ctx) => {
    const state = parseListState(deps.campaign, ctx.match[3] ?? "");
    const status = statusOfCode(deps.campaign, ctx.match[2] ?? "");
    if (!state || status === undefined) return notify(ctx, ctx.t("nm-stale-button"));
    const loaded = await loadNominationList(deps, ctx, state);
    if (!loaded.ok) return refuse(ctx, loaded);
    const next = nextWaiting(loaded.filtered, Number(ctx.match[1]), status);
    if (!next) {
      await answerOnce(ctx, {
        text: plainText(ctx.t("nl-next-none", { status: statusWord(viewContext(deps, ctx), status) })),
      });
      return list(ctx, state);
    }
    await showCard(ctx, next.id, listNav(deps, ctx, next.id, status, state));
  });

  feature.callbackQuery(/^nt:(\d+):([a-z_]+)$/, async (ctx) => {
    if (ctx.actor?.role !== "office") return notify(ctx, ctx.t("office-only"));
    const id = Number(ctx.match[1]);
    const to = ctx.match[2] as NominationStatus;
    const c = viewContext(deps, ctx);
    const nomination = await findNomination(deps.db, id);
    const route = nomination && routeOf(deps.campaign, nomination.form_id);
    if (!nomination || !route) return notify(ctx, ctx.t("nm-stale-button"));
    const move = findMove(route, nomination.status, to, "office");
    // Already there: moveOn below tells a move this very update made before a crash (its notices still owed)
    // from someone else's, which only shows the card.
    const alreadyThere = !move && nomination.status === to;
    if (!move && !alreadyThere)
      return notify(
        ctx,
        stepOf(deps.campaign, to)?.kind === "decision"
          ? await awardStaleText(deps, c, nomination)
          : ctx.t("nm-move-not-allowed"),
      );
    if (move?.kind === "decide") {
      return askFor(
        ctx,
        { kind: "award", nominationId: id, step: "number" },
        ctx.t("aw-ask-number", {
          nominee: nomineeLabel(c.t, nomination),
          form: escapeHtml(formName(deps.campaign, nomination.form_id, c.language)),
        }),
      );
    }
    // A Tờ trình is recorded as /record records it, for this one nomination.
    if (move?.kind === "propose") {
      const task = { from: move.from, to: move.to, kind: "propose" as const };
      return beginRecord(deps, ctx, { formId: nomination.form_id, route, task }, id);
    }
    // Asked only while the move is still possible (checked above): no reason typed in vain.
    if (move?.needsReason) {
      return askFor(
        ctx,
        { kind: "move", nominationId: id, to },
        ctx.t(`nm-ask-reason-${to}`, { nominee: escapeHtml(nomination.nominee_name) }),
      );
    }
    const outcome = await moveOn(deps, ctx.actor, {
      nominationId: id,
      to,
      reason: null,
      updateId: ctx.update.update_id,
    });
    if (!outcome.ok && alreadyThere) return showCard(ctx, id);
    if (!outcome.ok && "problem" in outcome)
      return notify(ctx, transitionProblemText(c, outcome.problem, outcome.nomination.form_id));
    if (!outcome.ok) return refuse(ctx, outcome);
    await noticeOfMove(
      deps,
      outcome.nomination,
      { historyId: outcome.historyId, to, reason: null },
      ctx.actor?.telegramId ?? 0,
    );
    sendSoon(outbox, ctx.api);
    await answerOnce(ctx, { text: ctx.t("nm-moved-toast", { status: statusWord(c, to) }) });
    await showCard(ctx, id);
  });

  feature.callbackQuery(/^aw:(ok|no):(\d+)$/, async (ctx) => {
    if (ctx.actor?.role !== "office") return notify(ctx, ctx.t("office-only"));
    const id = Number(ctx.match[2]);
    const c = viewContext(deps, ctx);
    if (ctx.match[1] === "no") {
      await deleteAwardDraft(deps.db, { nominationId: id, officeId: ctx.actor.telegramId });
      await answerOnce(ctx, { text: ctx.t("aw-dropped") });
      return showCard(ctx, id);
    }
    const outcome = await recordAward(deps, ctx.actor, id, ctx.update.update_id);
    if (!outcome.ok && "problem" in outcome)
      return notify(ctx, transitionProblemText(c, outcome.problem, outcome.nomination.form_id));
    if (!outcome.ok && outcome.key === "nm-already-awarded")
      return notify(
        ctx,
        ctx.t("nm-already-awarded", {
          by: escapeHtml(outcome.by ?? ctx.t("nm-by-office")),
          at: formatLocalDateTime(new Date(outcome.at), deps.campaign.timeZone),
          decision: outcome.decision ? decisionText(c.t, outcome.decision) : "—",
        }),
      );
    if (!outcome.ok) return refuse(ctx, outcome);
    await noticeOfMove(
      deps,
      outcome.nomination,
      {
        historyId: outcome.historyId,
        to: outcome.nomination.status,
        reason: null,
        decision: outcome.decision,
      },
      ctx.actor.telegramId,
    );
    sendSoon(outbox, ctx.api);
    await answerOnce(ctx, { text: ctx.t("aw-recorded-toast") });
    await showCard(ctx, id);
  });

  feature.callbackQuery(/^nu:(\d+):(\d+)$/, async (ctx) => {
    if (ctx.actor?.role !== "office") return notify(ctx, ctx.t("office-only"));
    const id = Number(ctx.match[1]);
    const historyId = Number(ctx.match[2]);
    const last = await undoableMove(deps, id);
    if (!last || last.id !== historyId) return notify(ctx, ctx.t("nm-undo-stale"));
    const nomination = await findNomination(deps.db, id);
    return askFor(
      ctx,
      { kind: "undo", nominationId: id, historyId },
      ctx.t("nm-ask-reason-undo", {
        nominee: escapeHtml(nomination?.nominee_name ?? ""),
        status: statusWord(viewContext(deps, ctx), last.to_status),
      }),
    );
  });
  return feature;
}
