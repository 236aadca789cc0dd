import { Composer, InlineKeyboard } from "grammy";
import { listNominations } from "../../db/nominations.js";
import { findOpenRound } from "../../db/rounds.js";
import { deleteRouteDraft, findRouteDraft } from "../../db/route-records.js";
import type { BotContext } from "../context.js";
import type { AppDeps } from "../deps.js";
import { draftProvinceLetterData, draftRoundDecisionData } from "../documents/buttons.js";
import { directorForms } from "../domain/council-documents.js";
import { decisionDateText } from "../domain/decisions.js";
import { sosProposal } from "../domain/province-letter.js";
import { type RecordTask, recordTasks } from "../domain/route-records.js";
import { routeOf } from "../domain/routes.js";
import { escapeHtml } from "../html.js";
import { officeOnly } from "../middleware/actor.js";
import { transitionProblemText } from "../nominations/card.js";
import { noticeOfMove, sendSoon, toldKey } from "../nominations/notices.js";
import { formIndex, formShort, statusWord } from "../nominations/render.js";
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
import { type Screen, type ViewContext, viewContext } from "../screen.js";
import { askFor } from "./ask.js";

type Deps = AppDeps;

/**
 * The draft a record task stands on: the Director's Quyết định for the Sở's own forms (every nomination awaiting
 * it, whichever meeting passed it), or the Sở's Tờ trình to the province; none for the others.
 */
function draftButton(
  c: ViewContext,
  formId: string,
  task: RecordTask,
): { text: string; data: string } | null {
  const index = formIndex(c.campaign, formId);
  const form = formShort(c.campaign, formId, c.language);
  if (task.kind === "decide" && directorForms(c.campaign).includes(formId))
    return { text: c.t("rr-decision-draft-button", { form }), data: draftRoundDecisionData(index) };
  if (task.kind === "propose" && sosProposal(c.campaign, formId)?.step.id === task.to)
    return { text: c.t("rr-letter-draft-button", { form }), data: draftProvinceLetterData(index) };
  return null;
}

/** /record's tasks with a draft to go with them: a "📄 Bản nháp" button under the screen for each. */
async function withHomeDrafts(deps: Deps, c: ViewContext, screen: Screen): Promise<Screen> {
  const round = await findOpenRound(deps.db);
  if (!round) return screen;
  const all = await listNominations(deps.db, round.year);
  for (const form of deps.campaign.awardForms) {
    const route = routeOf(deps.campaign, form.id);
    for (const task of route ? recordTasks(route) : []) {
      const button = draftButton(c, form.id, task);
      if (button && all.some((n) => n.form_id === form.id && n.status === task.from))
        screen.keyboard.row().text(button.text, button.data);
    }
  }
  return screen;
}

/** The checklist of the member's record, with the draft of what it records where there is one. */
async function checklistWithDraft(deps: Deps, c: ViewContext, officeId: number): Promise<Screen> {
  const screen = await checklistScreen(deps, c, officeId);
  const draft = await findRouteDraft(deps.db, officeId);
  const route = draft && routeOf(deps.campaign, draft.form_id);
  const task =
    route && recordTasks(route).find((t) => t.from === draft.from_status && t.to === draft.to_status);
  const button = draft && task ? draftButton(c, draft.form_id, task) : null;
  if (button) screen.keyboard.row().text(button.text, button.data);
  return screen;
}

/** Starts a record for a task (from /record, or one nomination from its card) and asks its first question. */
export async function beginRecord(deps: Deps, ctx: BotContext, ref: TaskRef, onlyId?: number): Promise<void> {
  const started = await startRecord(deps, ctx.actor, ref, onlyId);
  if (!started.ok) return refuse(ctx, started);
  const c = viewContext(deps, ctx);
  if (onlyId === undefined)
    return showScreen(ctx, await checklistWithDraft(deps, c, ctx.actor?.telegramId ?? 0));
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
    const c = viewContext(deps, ctx);
    await showScreen(ctx, await withHomeDrafts(deps, c, await recordHomeScreen(deps, c)));
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
    await showScreen(ctx, await checklistWithDraft(deps, viewContext(deps, ctx), officeId));
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
