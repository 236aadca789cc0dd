import { Composer, InputFile } from "grammy";
import { findNomination } from "../../db/nominations.js";
import type { BotContext } from "../context.js";
import type { AppDeps } from "../deps.js";
import { achievementReportDraft } from "../documents/achievement-report.js";
import { DRAFT_REPORT_PATTERN } from "../documents/buttons.js";
import { templatesFor } from "../documents/templates.js";
import { formatLocalDate } from "../domain/time.js";
import { localised } from "../i18n.js";
import { nominationAccess } from "../nominations/card.js";
import { answerOnce, notify } from "../paged-view.js";

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

  return feature;
}
