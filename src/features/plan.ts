import { Composer, InlineKeyboard } from "grammy";
import { listRounds } from "../../db/rounds.js";
import type { Campaign } from "../campaign/schema.js";
import type { BotContext } from "../context.js";
import type { AppDeps } from "../deps.js";
import { isoDate } from "../domain/calendar.js";
import { dateOfDeadline, roundDeadline, roundOrganisers } from "../domain/rounds.js";
import { formatLocalDateTime } from "../domain/time.js";
import { escapeHtml, HTML } from "../html.js";
import { localised } from "../i18n.js";
import type { ViewContext } from "../screen.js";
import { viewContext } from "../screen.js";

/** The button under /help that opens the plan's screen. */
export const PLAN_BUTTON = "plan:show";

export const planButton = (ctx: BotContext) => new InlineKeyboard().text(ctx.t("plan-button"), PLAN_BUTTON);

const twoDigits = (n: number) => String(n).padStart(2, "0");

/**
 * The movement in one screen, for everyone: the plan, who runs each year's round, its purpose, its seven
 * contents, the criteria, the award forms with their numbers, and when the dossier is due.
 */
export function planText(
  r: ViewContext,
  campaign: Campaign,
  rounds: readonly { year: number; status: string; deadline_at: string }[],
): string {
  const { t, language } = r;
  const text = (value: { vi: string; en?: string }) => escapeHtml(localised(value, language));
  const lastYear = Math.max(campaign.period.to, ...rounds.map((round) => round.year));
  // A round opened carries its own deadline (the Office may have set one); a year without one, the plan's.
  const dueDay = (year: number) => {
    const own = rounds.find((round) => round.year === year);
    const deadline = own
      ? new Date(own.deadline_at)
      : roundDeadline(year, campaign.deadline, campaign.timeZone);
    return isoDate(dateOfDeadline(deadline, campaign.timeZone));
  };
  const organisers = roundOrganisers(
    campaign.organisation,
    { from: campaign.period.from, to: lastYear },
    dueDay,
  ).map((run) =>
    t("plan-organiser", {
      years: run.from === run.to ? String(run.from) : `${run.from}–${run.to}`,
      name: text(run.name),
    }),
  );
  const forms = campaign.awardForms.map((form) => {
    const { collective, individual } = form.quota;
    const quota =
      collective !== null && individual !== null
        ? t("plan-quota", { collective, individual })
        : form.quota.source
          ? text(form.quota.source)
          : t("plan-quota-unset");
    return t("plan-form", { form: text(form.name), quota });
  });
  const open = rounds.find((round) => round.status === "open");
  const sections = [
    t("plan-title", { title: text(campaign.title) }),
    t("plan-basis", { basis: text(campaign.basis) }),
    [t("plan-organisers-title"), ...organisers].join("\n"),
    ...(campaign.purpose ? [`${t("plan-purpose-title")}\n${text(campaign.purpose)}`] : []),
    [
      t("plan-contents-title"),
      ...campaign.contents.map((content) => `${content.code}. ${text(content.short ?? content.text)}`),
    ].join("\n"),
    t("plan-criteria", {
      collective: campaign.criteria.collective.length,
      individual: campaign.criteria.individual.length,
    }),
    [t("plan-forms-title"), ...forms].join("\n"),
    [
      t("plan-deadline", {
        day: `${twoDigits(campaign.deadline.day)}/${twoDigits(campaign.deadline.month)}`,
        recipient: text(campaign.dossier.recipient),
      }),
      ...(open
        ? [
            t("plan-deadline-open", {
              year: String(open.year),
              deadline: formatLocalDateTime(new Date(open.deadline_at), campaign.timeZone),
            }),
          ]
        : []),
    ].join("\n"),
  ];
  return sections.join("\n\n");
}

/** /plan, and the button under /help: for everyone, registered or not. */
export function planFeature(deps: AppDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const show = async (ctx: BotContext) =>
    ctx.reply(planText(viewContext(deps, ctx), deps.campaign, await listRounds(deps.db)), HTML);
  feature.command("plan", show);
  feature.callbackQuery(PLAN_BUTTON, async (ctx) => {
    await ctx.answerCallbackQuery();
    await show(ctx);
  });
  return feature;
}
