import { InlineKeyboard } from "grammy";
import { findInvite } from "../db/invites.js";
import {
  completeRegistration,
  deleteDraft,
  findDraft,
  saveDraftField,
  startDraft,
} from "../db/registrations.js";
import { setPersonalMenu } from "../src/command-menus.js";
import type { FlowContext } from "../src/context.js";
import type { AppDeps } from "../src/deps.js";
import { normaliseFullName, normalisePosition } from "../src/domain/names.js";
import { escapeHtml, HTML } from "../src/html.js";
import { localised } from "../src/i18n.js";
import { checkInviteAt } from "../src/invite-check.js";
import { askButton, askText, type Flow } from "./flow.js";

/**
 * Joining through an invite: consent, full name, position, confirmation. Each answer is stored in the
 * draft as it comes, so /cancel, a restart or a new /start continues from the first missing answer.
 */
export function registrationFlow(deps: AppDeps) {
  return async function registration(conversation: Flow, ctx: FlowContext, token: string): Promise<void> {
    const telegramId = ctx.from?.id;
    if (telegramId === undefined) return;
    const invite = await conversation.external(() => findInvite(deps.db, token));
    if (!invite) return;
    const unit = escapeHtml(invite.unit_name);
    const role = ctx.t(`role-${invite.role}`);

    const existing = await conversation.external(() => findDraft(deps.db, telegramId));
    if (existing?.invite_token === token) {
      await ctx.reply(ctx.t("reg-resume", { unit }), HTML);
    } else {
      const organisation = localised(deps.campaign.organisation.name, ctx.actor?.language ?? "vi");
      await ctx.reply(ctx.t("reg-privacy", { unit, role, organisation: escapeHtml(organisation) }), {
        ...HTML,
        reply_markup: new InlineKeyboard()
          .text(ctx.t("reg-consent-yes"), "reg:consent:yes")
          .row()
          .text(ctx.t("reg-consent-no"), "reg:consent:no"),
      });
      const { choice, ctx: pressed } = await askButton(conversation, "reg:consent", ["yes", "no"] as const);
      if (choice === "no") {
        await conversation.external(() => deleteDraft(deps.db, telegramId));
        await pressed.reply(pressed.t("reg-refused"), HTML);
        return;
      }
      await conversation.external(() => startDraft(deps.db, telegramId, token, deps.clock()));
    }

    const askName = async () => {
      const fullName = await askText(
        conversation,
        ctx,
        ctx.t("reg-ask-name"),
        normaliseFullName,
        "name-problem",
      );
      await conversation.external(() =>
        saveDraftField(deps.db, telegramId, { full_name: fullName }, deps.clock()),
      );
    };
    const askPosition = async () => {
      const position = await askText(
        conversation,
        ctx,
        ctx.t("reg-ask-position"),
        normalisePosition,
        "position-problem",
      );
      await conversation.external(() => saveDraftField(deps.db, telegramId, { position }, deps.clock()));
    };

    for (;;) {
      const draft = await conversation.external(() => findDraft(deps.db, telegramId));
      if (!draft) return; // erased meanwhile (the person asked for deletion)
      if (!draft.full_name) {
        await askName();
        continue;
      }
      if (!draft.position) {
        await askPosition();
        continue;
      }
      await ctx.reply(
        ctx.t("reg-confirm", {
          name: escapeHtml(draft.full_name),
          position: escapeHtml(draft.position),
          unit,
          role,
        }),
        {
          ...HTML,
          reply_markup: new InlineKeyboard()
            .text(ctx.t("reg-confirm-yes"), "reg:end:confirm")
            .row()
            .text(ctx.t("reg-edit-name"), "reg:end:name")
            .text(ctx.t("reg-edit-position"), "reg:end:position")
            .row()
            .text(ctx.t("reg-cancel"), "reg:end:cancel"),
        },
      );
      const { choice, ctx: pressed } = await askButton(conversation, "reg:end", [
        "confirm",
        "name",
        "position",
        "cancel",
      ] as const);
      if (choice === "name") await askName();
      else if (choice === "position") await askPosition();
      else if (choice === "cancel") {
        await conversation.external(() => deleteDraft(deps.db, telegramId));
        await pressed.reply(pressed.t("reg-cancelled"), HTML);
        return;
      } else {
        const result = await conversation.external(() => {
          const now = deps.clock();
          return completeRegistration(
            deps.db,
            {
              telegramId,
              inviteToken: token,
              fullName: draft.full_name ?? "",
              position: draft.position ?? "",
              consentedAt: draft.consented_at,
            },
            checkInviteAt(now),
            now,
          );
        });
        if (!result.ok) {
          await conversation.external(() => deleteDraft(deps.db, telegramId));
          await pressed.reply(
            `${pressed.t(`invite-problem-${result.problem}`)}\n\n${pressed.t("reg-ask-new-link")}`,
            HTML,
          );
          return;
        }
        const effectiveRole = deps.officeAdminIds.includes(telegramId) ? "office" : result.invite.role;
        await pressed.reply(pressed.t("reg-done", { name: escapeHtml(draft.full_name), unit, role }), HTML);
        await setPersonalMenu(pressed.api, deps, telegramId, effectiveRole, pressed.actor?.language ?? "vi");
        return;
      }
    }
  };
}
