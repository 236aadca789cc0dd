import { Composer, InlineKeyboard, InputFile } from "grammy";
import { findNomination } from "../../db/nominations.js";
import { findUnitById } from "../../db/units.js";
import type { BotContext } from "../context.js";
import type { AppDeps } from "../deps.js";
import { achievementReportDraft } from "../documents/achievement-report.js";
import { DRAFT_LETTER_PATTERN, DRAFT_LIST_PATTERN, DRAFT_REPORT_PATTERN } from "../documents/buttons.js";
import { nominationListDraft } from "../documents/nomination-list.js";
import { officeDocuments } from "../documents/office-documents.js";
import { templatesFor } from "../documents/templates.js";
import { unitLetterDraft } from "../documents/unit-letter.js";
import { hasCouncil } from "../domain/nomination-list.js";
import { formatLocalDate } from "../domain/time.js";
import { dossierFor } from "../dossier/service.js";
import { localised } from "../i18n.js";
import { officeOnly } from "../middleware/actor.js";
import { latestRoundOr } from "../nominations/access.js";
import { nominationAccess } from "../nominations/card.js";
import { answerOnce, notify, refuse } from "../paged-view.js";

/** Telegram's captions hold 1,024 characters: a very long name is shortened in the caption (the file keeps it). */
const shortened = (text: string, max = 120) =>
  [...text].length > max ? `${[...text].slice(0, max - 1).join("")}…` : text;

/**
 * "📄 Bản nháp" on a nomination's card: its Báo cáo thành tích, drafted from the current data as a .docx the
 * clerk opens in Word, for whoever may see the nomination.
 */
export function documentsFeature(deps: AppDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.callbackQuery(DRAFT_REPORT_PATTERN, async (ctx) => {
    const nomination = await findNomination(deps.db, Number(ctx.match[1]));
    const access = nomination ? await nominationAccess(deps, ctx.actor, nomination) : undefined;
    if (!nomination || !access?.visible) return notify(ctx, ctx.t("doc-not-visible"));
    await answerOnce(ctx, { text: ctx.t("doc-making") });
    await ctx.replyWithChatAction("upload_document").catch(() => undefined);
    const now = deps.clock();
    const draft = await achievementReportDraft(
      { db: deps.db, campaign: deps.campaign, now, templates: templatesFor(deps.campaign) },
      nomination,
    );
    const form = deps.campaign.awardForms.find((candidate) => candidate.id === nomination.form_id);
    await ctx.replyWithDocument(new InputFile(draft.bytes, draft.fileName), {
      caption: ctx.t("doc-report-caption", {
        name: shortened(nomination.nominee_name),
        form: form ? localised(form.name, ctx.actor?.language ?? "vi") : nomination.form_id,
        date: formatLocalDate(now, deps.campaign.timeZone),
      }),
    });
  });

  // "📄 Bản nháp Tờ trình" on a dossier: whoever may open the unit's dossier (its head, the Office) gets its Tờ trình.
  feature.callbackQuery(DRAFT_LETTER_PATTERN, async (ctx) => {
    const state = await dossierFor(deps, ctx.actor, Number(ctx.match[1]));
    if (!state.ok) return refuse(ctx, state);
    const unit = await findUnitById(deps.db, state.access.unitId);
    if (!unit) return refuse(ctx, { ok: false, key: "nm-stale-button" });
    await answerOnce(ctx, { text: ctx.t("doc-making") });
    await ctx.replyWithChatAction("upload_document").catch(() => undefined);
    const now = deps.clock();
    const round = state.access.round;
    const draft = await unitLetterDraft(
      { db: deps.db, campaign: deps.campaign, now, templates: templatesFor(deps.campaign) },
      round,
      unit,
    );
    await ctx.replyWithDocument(new InputFile(draft.bytes, draft.fileName), {
      caption: ctx.t("doc-letter-caption", {
        unit: shortened(unit.name),
        year: String(round.year),
        date: formatLocalDate(now, deps.campaign.timeZone),
      }),
    });
  });

  // /docs: the documents the Office can draft now, one button each.
  feature.command("docs", officeOnly, async (ctx) => {
    const documents = officeDocuments(deps.campaign, ctx.actor?.language ?? "vi");
    const keyboard = new InlineKeyboard();
    for (const document of documents)
      keyboard.text(ctx.t(document.labelKey, document.vars), document.data).row();
    await ctx.reply(ctx.t(documents.length > 0 ? "doc-office-intro" : "doc-office-none"), {
      parse_mode: "HTML",
      reply_markup: keyboard,
    });
  });

  feature.callbackQuery(DRAFT_LIST_PATTERN, officeOnly, async (ctx) => {
    const form = deps.campaign.awardForms[Number(ctx.match[1])];
    if (!form || !hasCouncil(deps.campaign, form.id))
      return refuse(ctx, { ok: false, key: "nm-stale-button" });
    const latest = await latestRoundOr(deps);
    if (!latest.ok) return refuse(ctx, latest);
    await answerOnce(ctx, { text: ctx.t("doc-making") });
    await ctx.replyWithChatAction("upload_document").catch(() => undefined);
    const now = deps.clock();
    const draft = await nominationListDraft(
      { db: deps.db, campaign: deps.campaign, now, templates: templatesFor(deps.campaign) },
      latest.round,
      form.id,
    );
    await ctx.replyWithDocument(new InputFile(draft.bytes, draft.fileName), {
      caption: ctx.t("doc-list-caption", {
        form: localised(form.name, ctx.actor?.language ?? "vi"),
        year: String(latest.round.year),
        count: draft.count,
        date: formatLocalDate(now, deps.campaign.timeZone),
      }),
    });
  });

  return feature;
}
