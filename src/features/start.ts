import { Composer, InlineKeyboard } from "grammy";
import type { Message } from "grammy/types";
import { endSession } from "../../db/assessment-sessions.js";
import { acceptCouncilInvite } from "../../db/council-members.js";
import { findInvite } from "../../db/invites.js";
import { acceptInviteAsMember, findDraft } from "../../db/registrations.js";
import { findOpenRound } from "../../db/rounds.js";
import { findOfficeProfile } from "../../db/users.js";
import { setPersonalMenu } from "../command-menus.js";
import type { BotContext } from "../context.js";
import type { AppDeps } from "../deps.js";
import { isWellFormedInviteToken } from "../domain/invites.js";
import { OFFICE_PROFILE_DRAFT } from "../domain/registration.js";
import { escapeHtml, HTML } from "../html.js";
import { checkInviteAt } from "../invite-check.js";
import { isPrivateCommand, type PrivateCommand, privateChatKeyboard } from "../middleware/private-screens.js";
import { sendSoon } from "../nominations/notices.js";
import type { ReminderOutbox } from "../reminders/sender.js";
import { helpText } from "./help.js";
import { noticeOfPersonMoved, noticeYear, requestMoveIfNeeded } from "./moves.js";

export const REGISTRATION = "registration";

export function startFeature(deps: AppDeps, outbox: ReminderOutbox): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const privateChats = feature.chatType("private");

  feature
    .chatType(["group", "supergroup"])
    .command("start", (ctx) =>
      ctx.reply(ctx.t("start-in-group"), { reply_markup: privateChatKeyboard(ctx.t, ctx.me.username) }),
    );

  privateChats.command("start", async (ctx, next) => {
    const actor = ctx.actor;
    if (!actor) return;
    const payload = ctx.match.trim();

    // The button under a group's reply or reminder (t.me/<bot>?start=assess): handled as if the command had
    // been typed, by the features after this one, so each checks who may use it as it always does.
    if (isPrivateCommand(payload)) {
      asTypedCommand(ctx.message, payload);
      return next();
    }

    if (payload === "") {
      const officeProfile =
        !actor.user && actor.role === "office"
          ? await findOfficeProfile(deps.db, actor.telegramId)
          : undefined;
      if (actor.user || officeProfile) {
        const greeting = ctx.t(actor.user ? "start-welcome-back" : "start-welcome-admin");
        await ctx.reply(`${greeting}\n\n${helpText(ctx, deps.campaign)}`, HTML);
        return;
      }
      const draft = await findDraft(deps.db, actor.telegramId);
      // An admin's draft left by someone no longer an admin is not theirs to finish.
      if (draft && (draft.invite_token !== OFFICE_PROFILE_DRAFT || actor.role === "office")) {
        await enterRegistration(deps, ctx, draft.invite_token);
        return;
      }
      if (actor.role === "office") {
        // An admin by configuration gives their name and position like anyone joining: their moves carry it.
        await ctx.reply(ctx.t("start-welcome-admin"), HTML);
        await enterRegistration(deps, ctx, OFFICE_PROFILE_DRAFT);
        return;
      }
      await ctx.reply(ctx.t("start-guest"), HTML);
      return;
    }

    const invite = isWellFormedInviteToken(payload) ? await findInvite(deps.db, payload) : undefined;
    const problem = checkInviteAt(deps.clock())(invite);
    if (problem || !invite) {
      await ctx.reply(ctx.t(`invite-problem-${problem ?? "unknown"}`), HTML);
      return;
    }
    const user = actor.user;
    if (!user) {
      await enterRegistration(deps, ctx, invite.token);
      return;
    }
    // A Council invite for the unit they are in: they join the Council and keep their unit role.
    if (invite.council && user.unit_id === invite.unit_id) {
      const joined = await acceptCouncilInvite(
        deps.db,
        actor.telegramId,
        invite.token,
        checkInviteAt(deps.clock()),
        deps.clock(),
      );
      if (!joined.ok) {
        await ctx.reply(ctx.t(`invite-problem-${joined.problem}`), HTML);
        return;
      }
      await ctx.reply(ctx.t(joined.joined ? "cn-joined" : "cn-already-member"), HTML);
      if (joined.joined) await setPersonalMenu(ctx.api, deps, actor.telegramId, actor.role, actor.language);
      return;
    }
    if (user.unit_id === invite.unit_id && user.role === invite.role) {
      await ctx.reply(ctx.t("invite-already-member", { unit: escapeHtml(invite.unit_name) }), HTML);
      return;
    }
    await ctx.reply(
      ctx.t("invite-switch-offer", {
        fromUnit: escapeHtml(user.unit_name),
        fromRole: ctx.t(`role-${user.role}`),
        toUnit: escapeHtml(invite.unit_name),
        toRole: ctx.t(`role-${invite.role}`),
      }),
      {
        ...HTML,
        reply_markup: new InlineKeyboard()
          .text(ctx.t("invite-switch-yes"), `inv:accept:${invite.token}`)
          .text(ctx.t("invite-switch-no"), "inv:keep"),
      },
    );
  });

  privateChats.callbackQuery(/^inv:accept:([A-Za-z0-9_-]+)$/, async (ctx) => {
    const actor = ctx.actor;
    await ctx.answerCallbackQuery();
    if (!actor?.user) {
      await ctx.editMessageReplyMarkup();
      return;
    }
    const now = deps.clock();
    const token = ctx.match[1] ?? "";
    const invite = await findInvite(deps.db, token);
    const problem = checkInviteAt(now)(invite);
    if (problem || !invite) {
      await ctx.editMessageText(ctx.t(`invite-problem-${problem ?? "unknown"}`), HTML);
      return;
    }
    // Someone their unit counts on in the open round moves only when the Office agrees: until then they stay.
    const year = await requestMoveIfNeeded(deps, actor.user, invite);
    if (year !== undefined) {
      await ctx.editMessageText(
        ctx.t("invite-switch-pending", {
          year: String(year),
          fromUnit: escapeHtml(actor.user.unit_name),
          toUnit: escapeHtml(invite.unit_name),
        }),
        HTML,
      );
      sendSoon(outbox, ctx.api);
      return;
    }
    const result = await acceptInviteAsMember(deps.db, actor.telegramId, token, checkInviteAt(now), now);
    if (!result.ok) {
      await ctx.editMessageText(ctx.t(`invite-problem-${result.problem}`), HTML);
      return;
    }
    await ctx.editMessageText(
      ctx.t("invite-switch-done", {
        unit: escapeHtml(result.invite.unit_name),
        role: ctx.t(`role-${result.invite.role}`),
      }) + (result.invite.council ? `\n\n${ctx.t("cn-joined")}` : ""),
      HTML,
    );
    await noticeOfPersonMoved(deps, {
      key: `notice:moved:${ctx.update.update_id}:${actor.telegramId}`,
      year: noticeYear(deps, await findOpenRound(deps.db)),
      telegramId: actor.telegramId,
      name: actor.user.full_name,
      from: { id: actor.user.unit_id, name: actor.user.unit_name },
      to: { id: result.invite.unit_id, name: result.invite.unit_name },
      role: result.invite.role,
    });
    sendSoon(outbox, ctx.api);
    const role = deps.officeAdminIds.includes(actor.telegramId) ? "office" : result.invite.role;
    await setPersonalMenu(ctx.api, deps, actor.telegramId, role, actor.language);
  });

  privateChats.callbackQuery("inv:keep", async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t("invite-switch-kept"));
  });

  return feature;
}

/** Makes `/start <command>` read `/<command>`, with the command entity Telegram would have sent. */
function asTypedCommand(message: Message, command: PrivateCommand): void {
  message.text = `/${command}`;
  message.entities = [{ type: "bot_command", offset: 0, length: command.length + 1 }];
}

async function enterRegistration(deps: AppDeps, ctx: BotContext, token: string): Promise<void> {
  // A fresh /start replaces a registration that was waiting; the draft in the database carries the answers over.
  await ctx.conversation.exitAll();
  if (ctx.chat) await endSession(deps.db, ctx.chat.id);
  await ctx.conversation.enter(REGISTRATION, token);
}
