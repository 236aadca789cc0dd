import { Composer, InlineKeyboard } from "grammy";
import { endSession } from "../../db/assessment-sessions.js";
import { headsOfUnit, officeRecipients } from "../../db/notices.js";
import { findProfileDetails } from "../../db/profile-details.js";
import { findDraft } from "../../db/registrations.js";
import type { Language, NewReminder } from "../../db/schema.js";
import { erasePersonalData, findOfficeProfile, getLanguage, personRecords } from "../../db/users.js";
import { abandonChangesOf } from "../assessment/service.js";
import { setPersonalMenu } from "../command-menus.js";
import type { BotContext } from "../context.js";
import type { AppDeps } from "../deps.js";
import { erasurePlan } from "../domain/erasure.js";
import { formatLocalDateTime } from "../domain/time.js";
import { escapeHtml, HTML } from "../html.js";
import { noticeRows, sendSoon } from "../nominations/notices.js";
import { formShort, statusWord } from "../nominations/render.js";
import type { ReminderOutbox } from "../reminders/sender.js";
import type { Translate } from "../screen.js";
import { detailsLines } from "./profile-details.js";

export const PROFILE_EDIT = "profile-edit";

/** /me: what the bot stores about me, with buttons to correct it or to erase it (the rights the consent text names). */
export function profileFeature(deps: AppDeps, outbox: ReminderOutbox): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const feature = composer.chatType("private");
  const zone = deps.campaign.timeZone;

  feature.command("me", async (ctx) => {
    const actor = ctx.actor;
    if (!actor) return;
    const user = actor.user;
    if (!user) {
      const [draft, language, officeProfile] = await Promise.all([
        findDraft(deps.db, actor.telegramId),
        getLanguage(deps.db, actor.telegramId),
        findOfficeProfile(deps.db, actor.telegramId),
      ]);
      const id = String(actor.telegramId);
      const lines = [ctx.t(draft ? "me-draft" : language ? "me-language-only" : "me-nothing", { id })];
      if (officeProfile)
        lines.splice(
          0,
          1,
          ctx.t("me-office-profile", {
            name: escapeHtml(officeProfile.full_name),
            position: escapeHtml(officeProfile.position),
          }),
        );
      if (actor.role === "office") lines.push(ctx.t("me-admin-by-config"));
      const keyboard =
        draft || language || officeProfile
          ? new InlineKeyboard().text(ctx.t("me-delete"), "me:delete")
          : undefined;
      await ctx.reply(lines.join("\n\n"), { ...HTML, reply_markup: keyboard });
      return;
    }
    const details = await findProfileDetails(deps.db, user.telegram_id);
    const t: Translate = (key, vars) => ctx.t(key, vars);
    await ctx.reply(
      `${ctx.t("me-profile", {
        id: String(user.telegram_id),
        name: escapeHtml(user.full_name),
        position: escapeHtml(user.position),
        unit: escapeHtml(`${user.unit_name} (${user.unit_code})`),
        role: ctx.t(`role-${actor.role}`),
        language: actor.language === "vi" ? "Tiếng Việt" : "English",
        consentedAt: formatLocalDateTime(new Date(user.consented_at), zone),
        updatedAt: formatLocalDateTime(new Date(user.updated_at), zone),
      })}\n\n${ctx.t("pf-me-header")}\n${detailsLines(t, details)}`,
      {
        ...HTML,
        reply_markup: new InlineKeyboard()
          .text(ctx.t("me-edit-name"), "me:edit:name")
          .text(ctx.t("me-edit-position"), "me:edit:position")
          .row()
          .text(ctx.t("pf-button"), `pf:s:${user.telegram_id}`)
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
    // The profile change takes the next message: an assessment question left open waits for /assess again.
    await endSession(deps.db, ctx.actor.telegramId);
    await ctx.conversation.enter(PROFILE_EDIT, ctx.match[1]);
  });

  /** "Giấy khen của Giám đốc Sở năm 2026 (đã được khen thưởng)", one a line, for what stays. */
  const keptLines = (
    t: Translate,
    language: "vi" | "en",
    kept: ReadonlyArray<{ roundYear: number; formId: string; status: Parameters<typeof statusWord>[1] }>,
  ) =>
    kept.map((n) =>
      t("me-kept-nomination", {
        form: escapeHtml(formShort(deps.campaign, n.formId, language)),
        year: String(n.roundYear),
        status: statusWord({ t, language, campaign: deps.campaign }, n.status),
      }),
    );

  feature.callbackQuery("me:delete", async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup();
    const actor = ctx.actor;
    if (!actor) return;
    // Precisely what goes and what stays, before the person confirms.
    const records = await personRecords(deps.db, actor.telegramId);
    const plan = erasurePlan(records.nominations, records.submittedAssessmentYears);
    const t = ctx.t.bind(ctx);
    const lines = [ctx.t("me-delete-confirm"), "", ctx.t("me-delete-goes")];
    if (plan.dropped.length > 0) lines.push(ctx.t("me-delete-goes-drafts", { count: plan.dropped.length }));
    if (await findProfileDetails(deps.db, actor.telegramId)) lines.push(ctx.t("pf-delete-goes"));
    if (plan.kept.length > 0)
      lines.push("", ctx.t("me-delete-stays"), ...keptLines(t, actor.language, plan.kept));
    if (records.actedOnRecords) lines.push("", ctx.t("me-delete-stays-acts"));
    if (plan.kept.length > 0 || records.actedOnRecords) lines.push(ctx.t("me-delete-stays-why"));
    if (records.fullName) lines.push(ctx.t("me-delete-told"));
    await ctx.reply(lines.join("\n"), {
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
    // An answer left half-changed goes back as it was, before a kept assessment becomes a record.
    await abandonChangesOf(deps, actor.telegramId);
    // The notices that the person left go in the outbox in the erasure's own transaction: a crash cannot
    // erase them without telling, nor tell without erasing.
    const notices = await leavingNotices(actor.telegramId, ctx.update.update_id);
    const erased = await erasePersonalData(deps.db, actor.telegramId, deps.clock(), notices);
    deps.logger.info(
      { telegramId: actor.telegramId, kept: erased.kept.length },
      "personal data erased at the person's request",
    );
    // The message is in the language they used; the preference itself is gone now.
    await ctx.editMessageText(
      erased.kept.length > 0 ? ctx.t("me-deleted-kept", { count: erased.kept.length }) : ctx.t("me-deleted"),
      HTML,
    );
    sendSoon(outbox, ctx.api);
    if (!deps.officeAdminIds.includes(actor.telegramId)) {
      await setPersonalMenu(ctx.api, deps, actor.telegramId, "guest", actor.language);
    }
  });

  /**
   * What the unit's heads and the Office are told when a registered person leaves: who, and which of their
   * nominations stay. None for someone who never finished registering.
   */
  async function leavingNotices(telegramId: number, updateId: number): Promise<NewReminder[]> {
    const records = await personRecords(deps.db, telegramId);
    if (!records.fullName || records.unitId === null) return [];
    const { kept } = erasurePlan(records.nominations, records.submittedAssessmentYears);
    const name = records.fullName;
    const event = {
      key: `notice:left:${updateId}`,
      year: kept[0]?.roundYear ?? deps.clock().getUTCFullYear(),
      unitId: records.unitId,
      text: (language: Language) => {
        const t: Translate = (key, vars) => deps.i18n.t(language, key, vars);
        const lines = keptLines(t, language, kept);
        return [
          t(lines.length > 0 ? "me-left-notice-kept" : "me-left-notice", { name: escapeHtml(name) }),
          ...lines,
        ].join("\n");
      },
    };
    const readers = [
      ...(await headsOfUnit(deps.db, records.unitId)),
      ...(await officeRecipients(deps.db, deps.officeAdminIds)),
    ].filter(
      (reader, index, all) => reader.id !== telegramId && all.findIndex((r) => r.id === reader.id) === index,
    );
    return noticeRows(deps, event, readers);
  }

  return composer;
}
