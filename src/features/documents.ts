import { Composer, InlineKeyboard, InputFile } from "grammy";
import { findNomination } from "../../db/nominations.js";
import { findUnitById } from "../../db/units.js";
import type { BotContext } from "../context.js";
import type { AppDeps } from "../deps.js";
import { achievementReportDraft } from "../documents/achievement-report.js";
import {
  DRAFT_LETTER_PATTERN,
  DRAFT_LIST_PATTERN,
  DRAFT_PROVINCE_LETTER_PATTERN,
  DRAFT_REPORT_PATTERN,
  DRAFT_ROUND_DECISION_PATTERN,
} from "../documents/buttons.js";
import { roundDecisionDraft } from "../documents/council-papers.js";
import { nominationListDraft } from "../documents/nomination-list.js";
import { isMissing, officeDocuments, officeDocumentsState } from "../documents/office-documents.js";
import { provinceLetterDraft } from "../documents/province-letter.js";
import { templatesFor } from "../documents/templates.js";
import { unitLetterDraft } from "../documents/unit-letter.js";
import { directorForms } from "../domain/council-documents.js";
import { hasCouncil } from "../domain/nomination-list.js";
import { provinceForms } from "../domain/province-letter.js";
import { formatLocalDate } from "../domain/time.js";
import { dossierFor } from "../dossier/service.js";
import { escapeHtml } from "../html.js";
import { localised } from "../i18n.js";
import { officeOnly } from "../middleware/actor.js";
import { latestRoundOr } from "../nominations/access.js";
import { nominationAccess } from "../nominations/card.js";
import { formAt } from "../nominations/render.js";
import { answerOnce, notify, refuse } from "../paged-view.js";

/** A missing line's values, escaped: /docs is sent as HTML. */
const escapedVars = (vars: Record<string, string>) =>
  Object.fromEntries(Object.entries(vars).map(([name, value]) => [name, escapeHtml(value)]));

/** Telegram's captions hold 1,024 characters: a very long name is shortened in the caption (the file keeps it). */
const shortened = (text: string, max = 120) =>
  [...text].length > max ? `${[...text].slice(0, max - 1).join("")}…` : text;

/**
 * "📄 Bản nháp" on a nomination's card: its Báo cáo thành tích, drafted from the current data as a .docx the
 * clerk opens in Word, for whoever may see the nomination.
 */
export function documentsFeature(deps: AppDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const draftDeps = (now: Date) => ({
    db: deps.db,
    campaign: deps.campaign,
    now,
    templates: templatesFor(deps.campaign),
  });
  const making = async (ctx: BotContext) => {
    await answerOnce(ctx, { text: ctx.t("doc-making") });
    await ctx.replyWithChatAction("upload_document").catch(() => undefined);
  };

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

  // /docs: the documents the Office can draft now, one button each, and a line for each that lacks its data.
  feature.command("docs", officeOnly, async (ctx) => {
    const entries = officeDocuments(
      deps.campaign,
      ctx.actor?.language ?? "vi",
      await officeDocumentsState(deps),
    );
    const keyboard = new InlineKeyboard();
    const missing: string[] = [];
    for (const entry of entries)
      if (isMissing(entry)) missing.push(`• ${ctx.t(entry.missingKey, escapedVars(entry.vars))}`);
      else keyboard.text(ctx.t(entry.labelKey, entry.vars), entry.data).row();
    const any = entries.length > missing.length;
    const text = [
      ctx.t(any ? "doc-office-intro" : "doc-office-none"),
      ...(missing.length > 0 ? ["", ctx.t("doc-office-missing"), ...missing] : []),
    ].join("\n");
    await ctx.reply(text, { parse_mode: "HTML", reply_markup: keyboard });
  });

  // The Director's draft Quyết định for every nomination of a form awaiting it (/record, /docs).
  feature.callbackQuery(DRAFT_ROUND_DECISION_PATTERN, officeOnly, async (ctx) => {
    const form = formAt(deps.campaign, ctx.match[1] ?? "");
    if (!form || !directorForms(deps.campaign).includes(form.id))
      return refuse(ctx, { ok: false, key: "nm-stale-button" });
    const latest = await latestRoundOr(deps);
    if (!latest.ok) return refuse(ctx, latest);
    const now = deps.clock();
    const draft = await roundDecisionDraft(draftDeps(now), latest.round, form.id);
    if (draft.count === 0) return notify(ctx, ctx.t("doc-round-decision-nothing"));
    await making(ctx);
    await ctx.replyWithDocument(new InputFile(draft.bytes, draft.fileName), {
      caption: ctx.t("doc-round-decision-caption", {
        form: localised(form.name, ctx.actor?.language ?? "vi"),
        year: String(latest.round.year),
        count: draft.count,
        date: formatLocalDate(now, deps.campaign.timeZone),
      }),
    });
  });

  // The Sở's Tờ trình to the province for a form: everything the Council passed that waits for it.
  feature.callbackQuery(DRAFT_PROVINCE_LETTER_PATTERN, officeOnly, async (ctx) => {
    const form = formAt(deps.campaign, ctx.match[1] ?? "");
    if (!form || !provinceForms(deps.campaign).includes(form.id))
      return refuse(ctx, { ok: false, key: "nm-stale-button" });
    const latest = await latestRoundOr(deps);
    if (!latest.ok) return refuse(ctx, latest);
    const now = deps.clock();
    const draft = await provinceLetterDraft(draftDeps(now), latest.round, form.id);
    if (draft.count === 0) return notify(ctx, ctx.t("doc-province-letter-nothing"));
    await making(ctx);
    await ctx.replyWithDocument(new InputFile(draft.bytes, draft.fileName), {
      caption: ctx.t("doc-province-letter-caption", {
        form: localised(form.name, ctx.actor?.language ?? "vi"),
        year: String(latest.round.year),
        count: draft.count,
        date: formatLocalDate(now, deps.campaign.timeZone),
      }),
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
