import { Composer } from "grammy";
import type { Campaign } from "../campaign/schema.js";
import type { BotContext } from "../context.js";
import { escapeHtml, HTML } from "../html.js";
import { localised } from "../i18n.js";
import { planButton } from "./plan.js";

/** The award forms as typed after /nominations: "<code>gk</code> Giấy khen Giám đốc Sở; …". */
function formCodes(campaign: Campaign, ctx: BotContext): string {
  const language = ctx.actor?.language ?? "vi";
  return campaign.awardForms
    .map(
      (form) =>
        `<code>${escapeHtml(form.code)}</code> ${escapeHtml(localised(form.short ?? form.name, language))}`,
    )
    .join("; ");
}

/** The help text for whoever is asking: what their role can do, and how to join if they have no role yet. */
export function helpText(ctx: BotContext, campaign: Campaign): string {
  const actor = ctx.actor;
  if (!actor || actor.role === "guest") return ctx.t("help-guest");
  const who = actor.user
    ? ctx.t("help-who", {
        name: escapeHtml(actor.user.full_name),
        role: ctx.t(`role-${actor.role}`),
        unit: escapeHtml(actor.user.unit_name),
      })
    : ctx.t("help-who-admin");
  const sections = [who];
  if (actor.user) sections.push(`${ctx.t("help-assess")}\n${ctx.t("help-nominations")}`);
  if (actor.role === "unit_head")
    sections.push([ctx.t("help-unit-head"), ctx.t("help-nominate"), ctx.t("help-bind")].join("\n"));
  if (actor.council && actor.role !== "office")
    sections.push(ctx.t("cn-help-member", { role: ctx.t(`cn-role-${actor.council}`) }));
  sections.push(ctx.t("help-common"));
  if (actor.role === "office") {
    sections.push([ctx.t("help-office"), ctx.t("help-reopen"), ctx.t("help-remind")].join("\n"));
    sections.push(ctx.t("help-office-awards", { forms: formCodes(campaign, ctx) }));
    sections.push(`${ctx.t("cn-help-office")}\n${ctx.t("cm-help-office")}`);
  }
  return sections.join("\n\n");
}

export function helpFeature(campaign: Campaign): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("help", (ctx) =>
    ctx.reply(helpText(ctx, campaign), { ...HTML, reply_markup: planButton(ctx) }),
  );
  return feature;
}
