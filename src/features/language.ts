import { Composer, InlineKeyboard } from "grammy";
import type { Language } from "../../db/schema.js";
import { setLanguage } from "../../db/users.js";
import { setPersonalMenu } from "../command-menus.js";
import type { BotContext } from "../context.js";
import type { AppDeps } from "../deps.js";
import { hasPersonalMenu } from "../domain/roles.js";

export function languageFeature(deps: AppDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("lang", (ctx) =>
    ctx.reply(ctx.t("lang-choose"), {
      reply_markup: new InlineKeyboard().text("Tiếng Việt", "lang:vi").text("English", "lang:en"),
    }),
  );
  feature.callbackQuery(/^lang:(vi|en)$/, async (ctx) => {
    const actor = ctx.actor;
    if (!actor) return ctx.answerCallbackQuery();
    const language = ctx.match[1] as Language;
    await setLanguage(deps.db, actor.telegramId, language);
    actor.language = language;
    await ctx.i18n.renegotiateLocale();
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t("lang-set"));
    if (hasPersonalMenu(actor.role, actor.council !== undefined))
      await setPersonalMenu(ctx.api, deps, actor.telegramId, actor.role, language);
  });
  return feature;
}
