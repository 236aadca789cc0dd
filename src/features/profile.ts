import { Composer, InlineKeyboard } from "grammy";
import { findDraft } from "../../db/registrations.js";
import { deletePersonalData, getLanguage } from "../../db/users.js";
import { setPersonalMenu } from "../command-menus.js";
import type { BotContext } from "../context.js";
import type { AppDeps } from "../deps.js";
import { formatLocalDateTime } from "../domain/time.js";
import { escapeHtml, HTML } from "../html.js";

export const PROFILE_EDIT = "profile-edit";

/** /me: what the bot stores about me, with buttons to correct it or to erase it (the rights the consent text names). */
export function profileFeature(deps: AppDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const feature = composer.chatType("private");
  const zone = deps.campaign.timeZone;

  feature.command("me", async (ctx) => {
    const actor = ctx.actor;
    if (!actor) return;
    const user = actor.user;
    if (!user) {
      const [draft, language] = await Promise.all([
        findDraft(deps.db, actor.telegramId),
        getLanguage(deps.db, actor.telegramId),
      ]);
      const id = String(actor.telegramId);
      const lines = [ctx.t(draft ? "me-draft" : language ? "me-language-only" : "me-nothing", { id })];
      if (actor.role === "office") lines.push(ctx.t("me-admin-by-config"));
      const keyboard =
        draft || language ? new InlineKeyboard().text(ctx.t("me-delete"), "me:delete") : undefined;
      await ctx.reply(lines.join("\n\n"), { ...HTML, reply_markup: keyboard });
      return;
    }
    await ctx.reply(
      ctx.t("me-profile", {
        id: String(user.telegram_id),
        name: escapeHtml(user.full_name),
        position: escapeHtml(user.position),
        unit: escapeHtml(`${user.unit_name} (${user.unit_code})`),
        role: ctx.t(`role-${actor.role}`),
        language: actor.language === "vi" ? "Tiếng Việt" : "English",
        consentedAt: formatLocalDateTime(new Date(user.consented_at), zone),
        updatedAt: formatLocalDateTime(new Date(user.updated_at), zone),
      }),
      {
        ...HTML,
        reply_markup: new InlineKeyboard()
          .text(ctx.t("me-edit-name"), "me:edit:name")
          .text(ctx.t("me-edit-position"), "me:edit:position")
          .row()
          .text(ctx.t("me-delete"), "me:delete"),
      },
    );
  });

  feature.callbackQuery(/^me:edit:(name|position)$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup();
    if (!ctx.actor?.user) return;
    await ctx.conversation.exitAll();
    await ctx.conversation.enter(PROFILE_EDIT, ctx.match[1]);
  });

  feature.callbackQuery("me:delete", async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup();
    await ctx.reply(ctx.t("me-delete-confirm"), {
      ...HTML,
      reply_markup: new InlineKeyboard()
        .text(ctx.t("me-delete-yes"), "me:delete:yes")
        .row()
        .text(ctx.t("me-delete-no"), "me:delete:no"),
    });
  });

  feature.callbackQuery(/^me:delete:(yes|no)$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    const actor = ctx.actor;
    if (ctx.match[1] === "no" || !actor) {
      await ctx.editMessageText(ctx.t("me-delete-kept"));
      return;
    }
    await ctx.conversation.exitAll();
    await deletePersonalData(deps.db, actor.telegramId);
    deps.logger.info({ telegramId: actor.telegramId }, "personal data erased at the person's request");
    // The message is in the language they used; the preference itself is gone now.
    await ctx.editMessageText(ctx.t("me-deleted"));
    if (!deps.officeAdminIds.includes(actor.telegramId)) {
      await setPersonalMenu(ctx.api, deps, actor.telegramId, "guest", actor.language);
    }
  });

  return composer;
}
