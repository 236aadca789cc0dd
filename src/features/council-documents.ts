import { Composer, InputFile } from "grammy";
import { findMeeting, membersOf } from "../../db/council-meetings.js";
import type { BotContext } from "../context.js";
import { meetingMinutes } from "../council/meeting-service.js";
import type { AppDeps } from "../deps.js";
import { DRAFT_BALLOT_PATTERN, DRAFT_DECISION_PATTERN, DRAFT_MINUTES_PATTERN } from "../documents/buttons.js";
import { decidedForms } from "../documents/council-buttons.js";
import { ballotDraft, decisionDraft, minutesDraft } from "../documents/council-papers.js";
import { templatesFor } from "../documents/templates.js";
import { formatLocalDate } from "../domain/time.js";
import { formAt } from "../nominations/render.js";
import { answerOnce, notify, refuse } from "../paged-view.js";

type Deps = Pick<AppDeps, "db" | "campaign" | "clock" | "i18n" | "officeAdminIds">;

/**
 * The Council's papers as .docx drafts: the blank ballots (the Office and the meeting's members), the biên bản
 * họp, the biên bản kiểm phiếu and the Director's draft Quyết định (the Office, the chair and the secretary,
 * once the meeting is closed).
 */
export function councilDocumentsFeature(deps: Deps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const paperDeps = () => ({
    db: deps.db,
    campaign: deps.campaign,
    now: deps.clock(),
    templates: templatesFor(deps.campaign),
  });

  async function send(ctx: BotContext, draft: { fileName: string; bytes: Buffer }, caption: string) {
    await ctx.replyWithDocument(new InputFile(draft.bytes, draft.fileName), { caption });
  }

  async function making(ctx: BotContext) {
    await answerOnce(ctx, { text: ctx.t("doc-making") });
    await ctx.replyWithChatAction("upload_document").catch(() => undefined);
  }

  const today = () => formatLocalDate(deps.clock(), deps.campaign.timeZone);

  feature.callbackQuery(DRAFT_BALLOT_PATTERN, async (ctx) => {
    const meeting = await findMeeting(deps.db, Number(ctx.match[1]));
    const actor = ctx.actor;
    const allowed =
      actor !== undefined &&
      (actor.role === "office" ||
        (meeting !== undefined && membersOf(meeting).some((m) => m.id === actor.telegramId)));
    if (!allowed) return notify(ctx, ctx.t("doc-ballot-not-allowed"));
    if (!meeting) return notify(ctx, ctx.t("cm-stale-button"));
    await making(ctx);
    const draft = await ballotDraft(paperDeps(), meeting);
    await send(
      ctx,
      draft,
      ctx.t("doc-ballot-caption", {
        id: String(meeting.id),
        members: membersOf(meeting).length,
        date: today(),
      }),
    );
  });

  feature.callbackQuery(DRAFT_MINUTES_PATTERN, async (ctx) => {
    const found = await meetingMinutes(deps, ctx.actor, Number(ctx.match[2]));
    if (!found.ok) return refuse(ctx, found);
    await making(ctx);
    const paper = ctx.match[1] === "bb" ? "meeting" : "count";
    const draft = await minutesDraft(paperDeps(), found.minutes, paper);
    await send(
      ctx,
      draft,
      ctx.t(paper === "meeting" ? "doc-minutes-caption" : "doc-count-caption", {
        id: String(found.minutes.meetingId),
        date: today(),
      }),
    );
  });

  feature.callbackQuery(DRAFT_DECISION_PATTERN, async (ctx) => {
    const found = await meetingMinutes(deps, ctx.actor, Number(ctx.match[1]));
    if (!found.ok) return refuse(ctx, found);
    const form = formAt(deps.campaign, ctx.match[2] ?? "");
    if (!form || !decidedForms(deps, found.minutes).includes(form.id))
      return notify(ctx, ctx.t("doc-decision-nothing"));
    await making(ctx);
    const draft = await decisionDraft(paperDeps(), found.minutes, form.id);
    const count = found.minutes.items.filter(
      (item) => item.formId === form.id && item.outcome === "passed",
    ).length;
    await send(
      ctx,
      draft,
      ctx.t("doc-decision-caption", { id: String(found.minutes.meetingId), count, date: today() }),
    );
  });

  return feature;
}
