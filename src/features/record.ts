import { Composer, InlineKeyboard } from "grammy";
import { deleteRouteDraft } from "../../db/route-records.js";
import type { BotContext } from "../context.js";
import type { AppDeps } from "../deps.js";
import { decisionDateText } from "../domain/decisions.js";
import { escapeHtml } from "../html.js";
import { officeOnly } from "../middleware/actor.js";
import { transitionProblemText } from "../nominations/card.js";
import { noticeOfMove, sendSoon, toldKey } from "../nominations/notices.js";
import { statusWord } from "../nominations/render.js";
import {
  checklistScreen,
  commitRecord,
  firstQuestion,
  fitList,
  type RecordOutcome,
  recordHomeScreen,
  startRecord,
  type TaskRef,
  taskOfData,
  toggleRecordTick,
} from "../nominations/route-records.js";
import { answerOnce, notify, refuse, showScreen } from "../paged-view.js";
import type { ReminderOutbox } from "../reminders/sender.js";
import { viewContext } from "../screen.js";
import { askFor } from "./ask.js";

type Deps = AppDeps;

/** Starts a record for a task (from /record, or one nomination from its card) and asks its first question. */
export async function beginRecord(deps: Deps, ctx: BotContext, ref: TaskRef, onlyId?: number): Promise<void> {
  const started = await startRecord(deps, ctx.actor, ref, onlyId);
  if (!started.ok) return refuse(ctx, started);
  const c = viewContext(deps, ctx);
  if (onlyId === undefined)
    return showScreen(ctx, await checklistScreen(deps, c, ctx.actor?.telegramId ?? 0));
  const first = await firstQuestion(deps, c, ctx.actor?.telegramId ?? 0);
  if (!first.ok) return notify(ctx, first.text);
  await askFor(ctx, { kind: "record", step: first.step }, first.prompt);
}

/** Tells each moved nomination's nominee and heads (once per move, through the outbox) and says what was stored. */
async function reportRecorded(
  deps: Deps,
  outbox: ReminderOutbox,
  ctx: BotContext,
  outcome: Extract<RecordOutcome, { ok: true }>,
): Promise<void> {
  const c = viewContext(deps, ctx);
  const record = outcome.record;
  const unreached: string[] = [];
  for (const { nomination, historyId } of outcome.moved) {
    const told = await noticeOfMove(
      deps,
      nomination,
      {
        historyId,
        to: outcome.ref.task.to,
        reason: outcome.reason,
        ...(record?.kind === "decision"
          ? { decision: { number: record.number, date: record.date, issuer: record.party } }
          : {}),
      },
      ctx.actor?.telegramId ?? 0,
    );
    if (toldKey(told) === "nm-head-not-told") unreached.push(escapeHtml(nomination.nominee_name));
  }
  sendSoon(outbox, ctx.api);
  const done = c.t(record ? "rr-done" : "rr-done-declined", {
    count: outcome.moved.length,
    status: statusWord(c, outcome.ref.task.to),
    number: escapeHtml(record?.number ?? ""),
    date: record ? decisionDateText(record.date) : "",
  });
  const names = [
    fitList(
      outcome.moved.map(({ nomination }) => ({
        id: nomination.id,
        line: `• #${nomination.id} ${escapeHtml(nomination.nominee_name)}`,
      })),
    ),
  ];
  // The heads of these nominees' units cannot be reached by the bot: the Office tells them itself.
  if (unreached.length > 0) names.push("", c.t("rr-heads-not-told", { names: unreached.join(", ") }));
  await answerOnce(ctx, { text: c.t("rr-done-toast") });
  await showScreen(ctx, { text: [done, ...names].join("\n"), keyboard: new InlineKeyboard() });
}

/**
 * /record: the Office records, for many nominations at once, what the route beyond the Council waits for: the
 * Director's decision (Giấy khen), the Sở's Tờ trình to the province, the next level's proposal, its decision or
 * its refusal. A checklist (all ticked, untick any), then the number and date (or the refusal's reason), then a
 * confirmation; the moves are made in one transaction through the route engine.
 */
export function recordFeature(deps: Deps, outbox: ReminderOutbox): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command("record", officeOnly, async (ctx) => {
    await showScreen(ctx, await recordHomeScreen(deps, viewContext(deps, ctx)));
  });

  feature.callbackQuery(/^rr:s:(\d+):(\d+):(\d+|d)$/, officeOnly, async (ctx) => {
    const ref = taskOfData(deps.campaign, ctx.match[1] ?? "", ctx.match[2] ?? "", ctx.match[3] ?? "");
    if (!ref) return notify(ctx, ctx.t("nm-stale-button"));
    await beginRecord(deps, ctx, ref);
  });

  feature.callbackQuery(/^rr:t:(\d+)$/, officeOnly, async (ctx) => {
    const officeId = ctx.actor?.telegramId ?? 0;
    if (!(await toggleRecordTick(deps, officeId, Number(ctx.match[1]))))
      return notify(ctx, ctx.t("rr-no-draft"));
    await showScreen(ctx, await checklistScreen(deps, viewContext(deps, ctx), officeId));
  });

  feature.callbackQuery("rr:go", officeOnly, async (ctx) => {
    const first = await firstQuestion(deps, viewContext(deps, ctx), ctx.actor?.telegramId ?? 0);
    if (!first.ok) return notify(ctx, first.text);
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    await askFor(ctx, { kind: "record", step: first.step }, first.prompt);
  });

  feature.callbackQuery("rr:x", officeOnly, async (ctx) => {
    await deleteRouteDraft(deps.db, ctx.actor?.telegramId ?? 0);
    await answerOnce(ctx, { text: ctx.t("rr-dropped") });
    await ctx.editMessageText(ctx.t("rr-dropped")).catch(() => undefined);
  });

  feature.callbackQuery("rr:ok", officeOnly, async (ctx) => {
    const outcome = await commitRecord(deps, ctx.actor, ctx.update.update_id);
    if (!outcome.ok && "problem" in outcome)
      return notify(
        ctx,
        transitionProblemText(viewContext(deps, ctx), outcome.problem, outcome.nomination.form_id),
      );
    if (!outcome.ok) {
      await ctx.editMessageReplyMarkup().catch(() => undefined);
      return refuse(ctx, outcome);
    }
    await reportRecorded(deps, outbox, ctx, outcome);
  });

  return feature;
}
