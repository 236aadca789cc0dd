import { Composer, InlineKeyboard } from "grammy";
import { nominationHistory } from "../../db/nominations.js";
import type { BotContext } from "../context.js";
import { afterClose, type CouncilDeps } from "../council/meeting-flow.js";
import { inviteMembers } from "../council/meeting-notices.js";
import {
  castVote,
  closeCouncilMeeting,
  confirmBallot,
  meetingMinutes,
  openCouncilMeeting,
  runningCount,
  showBallot,
  tieChoice,
} from "../council/meeting-service.js";
import {
  agendaPages,
  ballotPageOf,
  ballotScreen,
  countScreen,
  minutesPages,
  officeNote,
  tieScreen,
} from "../council/meeting-view.js";
import { ballotDraftKeyboard, minutesDraftKeyboard } from "../documents/council-buttons.js";
import { escapeHtml, HTML } from "../html.js";
import { sendSoon } from "../nominations/notices.js";
import { formAt } from "../nominations/render.js";
import { answerOnce, notify, refuse, showScreen } from "../paged-view.js";
import { type ViewContext, viewContext } from "../screen.js";
import { askFor } from "./ask.js";

/** The words after /council this feature answers; every other goes on to the Council's membership commands. */
const OWN = ["meet", "count", "close", "minutes"];

/**
 * A meeting of the Hội đồng Thi đua - Khen thưởng in chat: the Office opens it (`/council meet [form…]`), each
 * member votes per nomination and confirms the ballot, the chair sees the running count (`/council count`), the
 * chair or the Office closes it (`/council close`), the chair breaks a tie at a quota's boundary with a reason,
 * and the minutes are kept (`/council minutes [n]`).
 */
export function councilMeetingFeature(deps: CouncilDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const privateChat = feature.chatType("private");

  privateChat.command("council", async (ctx, next) => {
    const [word = "", ...rest] = ctx.match.trim().split(/\s+/).filter(Boolean);
    if (!OWN.includes(word.toLowerCase())) return next();
    switch (word.toLowerCase()) {
      case "meet":
        return meet(ctx, rest);
      case "count":
        return count(ctx);
      case "close":
        return close(ctx);
      case "minutes":
        return minutes(ctx, rest[0]);
    }
  });

  async function meet(ctx: BotContext, words: string[]) {
    const opened = await openCouncilMeeting(deps, ctx.actor, words, ctx.update.update_id);
    if (!opened.ok) return refuse(ctx, opened);
    const { meeting, agenda } = opened;
    const notes = new Map<number, string | null>();
    for (const item of agenda)
      notes.set(item.id, officeNote(await nominationHistory(deps.db, item.id), item.status));
    const header = (c: ViewContext) =>
      c.t("cm-agenda-title", {
        id: String(meeting.id),
        year: String(meeting.round_year),
        count: agenda.length,
      });
    const reached = await inviteMembers(
      deps,
      { id: meeting.id, year: meeting.round_year },
      opened.members,
      (c) => agendaPages(c, header(c), agenda, notes),
      (c) => new InlineKeyboard().text(c.t("cm-vote-button"), `cm:b:${meeting.id}`),
    );
    sendSoon(deps.outbox, ctx.api);
    const c = viewContext(deps, ctx);
    for (const page of agendaPages(c, header(c), agenda, notes)) await ctx.reply(page, HTML);
    const lines = [ctx.t("cm-opened", { members: opened.members.length, reached })];
    if (opened.leftOut > 0) lines.push(ctx.t("cm-left-out", { count: opened.leftOut }));
    await ctx.reply(lines.join("\n"), { ...HTML, reply_markup: ballotDraftKeyboard(c.t, meeting.id) });
  }

  async function count(ctx: BotContext) {
    const counted = await runningCount(deps, ctx.actor);
    if ("key" in counted) return refuse(ctx, counted);
    await showScreen(ctx, countScreen(viewContext(deps, ctx), counted));
  }

  async function close(ctx: BotContext) {
    const outcome = await closeCouncilMeeting(deps, ctx.actor);
    if (!outcome.ok) return refuse(ctx, outcome);
    await answerOnce(ctx);
    const said = await afterClose(deps, ctx, outcome);
    for (const message of said)
      await ctx.reply(message.text, {
        ...HTML,
        ...(message.keyboard ? { reply_markup: message.keyboard } : {}),
      });
  }

  async function minutes(ctx: BotContext, number: string | undefined) {
    const id = number === undefined ? undefined : Number(number.replace(/^#/, ""));
    if (id !== undefined && !Number.isInteger(id)) return notify(ctx, ctx.t("cm-minutes-usage"));
    const found = await meetingMinutes(deps, ctx.actor, id);
    if (!found.ok) return refuse(ctx, found);
    const c = viewContext(deps, ctx);
    const pages = minutesPages(c, found.minutes);
    for (const [at, page] of pages.entries())
      await ctx.reply(page, {
        ...HTML,
        ...(at === pages.length - 1 ? { reply_markup: minutesDraftKeyboard(c.t, deps, found.minutes) } : {}),
      });
  }

  // The ballot: a new message from the agenda's button, the same message turning its pages.
  feature.callbackQuery(/^cm:b:(\d+)(?::(\d+))?$/, async (ctx) => {
    const ballot = await showBallot(deps, ctx.actor, Number(ctx.match[1]));
    if (!ballot.ok) return refuse(ctx, ballot);
    const screen = ballotScreen(viewContext(deps, ctx), ballot, Number(ctx.match[2] ?? 0));
    if (ctx.match[2] !== undefined) return showScreen(ctx, screen);
    await answerOnce(ctx);
    await ctx.reply(screen.text, { ...HTML, reply_markup: screen.keyboard });
  });

  feature.callbackQuery(/^cm:v:(\d+):(\d+):([ad])$/, async (ctx) => {
    const nominationId = Number(ctx.match[2]);
    const outcome = await castVote(deps, ctx.actor, {
      meetingId: Number(ctx.match[1]),
      nominationId,
      vote: ctx.match[3] === "a" ? "agree" : "disagree",
    });
    if (!outcome.ok) return refuse(ctx, outcome);
    if (!outcome.changed) await answerOnce(ctx, { text: ctx.t("cm-vote-same") });
    else if (outcome.reopened) await answerOnce(ctx, { text: ctx.t("cm-vote-reopened"), show_alert: true });
    await showScreen(ctx, ballotScreen(viewContext(deps, ctx), outcome, ballotPageOf(outcome, nominationId)));
  });

  feature.callbackQuery(/^cm:ok:(\d+)$/, async (ctx) => {
    const outcome = await confirmBallot(deps, ctx.actor, Number(ctx.match[1]));
    if (!outcome.ok) return refuse(ctx, outcome);
    await answerOnce(ctx, { text: ctx.t("cm-ballot-thanks") });
    await showScreen(ctx, ballotScreen(viewContext(deps, ctx), outcome));
  });

  feature.callbackQuery("cm:count", async (ctx) => count(ctx));
  feature.callbackQuery("cm:close", async (ctx) => close(ctx));

  // The chair picks among the tied, one press per place; the last pick asks the reason.
  feature.callbackQuery(/^cm:t:(\d+):(\d+):([pu]):([\d.]+)$/, async (ctx) => {
    const form = formAt(deps.campaign, ctx.match[2] ?? "");
    const chosen = (ctx.match[4] ?? "").split(".").map(Number);
    if (!form) return refuse(ctx, { ok: false, key: "cm-tie-stale" });
    const state = await tieChoice(deps, ctx.actor, {
      meetingId: Number(ctx.match[1]),
      formId: form.id,
      nomineeKind: ctx.match[3] === "p" ? "individual" : "collective",
      chosen,
    });
    if (!state.ok) return refuse(ctx, state);
    const c = viewContext(deps, ctx);
    if (chosen.length < state.tie.slots)
      return showScreen(ctx, tieScreen(c, state.meetingId, state.tie, state.counted, chosen));
    const names = chosen
      .map((id) => state.counted.agenda.find((a) => a.id === id)?.nominee_name ?? String(id))
      .map(escapeHtml)
      .join(", ");
    await askFor(
      ctx,
      {
        kind: "council-tie",
        meetingId: state.meetingId,
        formId: form.id,
        nomineeKind: state.tie.nomineeKind,
        chosen,
      },
      ctx.t("cm-tie-ask-reason", { names }),
    );
  });

  return feature;
}
