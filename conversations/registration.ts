import { InlineKeyboard } from "grammy";
import { findInvite } from "../db/invites.js";
import {
  completeOfficeProfile,
  completeRegistration,
  deleteDraft,
  findDraft,
  saveDraftField,
  startDraft,
} from "../db/registrations.js";
import type { RegistrationDraft, Role } from "../db/schema.js";
import { findOfficeProfile, findUser } from "../db/users.js";
import { setPersonalMenu } from "../src/command-menus.js";
import type { FlowContext } from "../src/context.js";
import type { AppDeps } from "../src/deps.js";
import { typedYesNo } from "../src/domain/answering.js";
import { normalisePosition } from "../src/domain/names.js";
import { OFFICE_PROFILE_DRAFT, registrationStep } from "../src/domain/registration.js";
import { escapeHtml, HTML } from "../src/html.js";
import { localised } from "../src/i18n.js";
import { checkInviteAt } from "../src/invite-check.js";
import {
  acknowledgePress,
  askButton,
  checkedText,
  type Flow,
  KEEP_NAME,
  takeFullName,
  waitForAnswer,
} from "./flow.js";

const END_BUTTONS = new Set(["reg:end:confirm", "reg:end:name", "reg:end:position", "reg:end:cancel"]);

/**
 * Joining through an invite: consent, full name, position, confirmation. An Office admin named in
 * OFFICE_ADMIN_IDS goes the same way without an invite (`OFFICE_PROFILE_DRAFT`), to give the name their moves
 * on award records carry. Each answer is stored in the draft
 * as it comes, and each answer is applied to the question the draft is at when it arrives: if the process
 * was killed after a question went out but before the flow's own position was saved, nothing goes astray.
 */
export function registrationFlow(deps: AppDeps) {
  return async function registration(conversation: Flow, ctx: FlowContext, token: string): Promise<void> {
    const telegramId = ctx.from?.id;
    if (telegramId === undefined) return;
    const forOffice = token === OFFICE_PROFILE_DRAFT;
    const invite = forOffice ? undefined : await conversation.external(() => findInvite(deps.db, token));
    if (!forOffice && !invite) return;
    const role: Role = invite?.role ?? "office";
    const unit = escapeHtml(invite?.unit_name ?? ctx.t("role-office"));
    /** The texts that differ for an admin, who has no invite link to press again. */
    const key = (name: string) => (forOffice ? `${name}-office` : name);
    const loadDraft = () => conversation.external(() => findDraft(deps.db, telegramId));

    const existing = await loadDraft();
    if (existing?.invite_token === token) {
      await ctx.reply(ctx.t("reg-resume", { unit }), HTML);
    } else {
      const organisation = localised(deps.campaign.organisation.name, ctx.actor?.language ?? "vi");
      const consent = (target: FlowContext) =>
        target.reply(
          target.t(key("reg-privacy"), {
            unit,
            role: target.t(`role-${role}`),
            organisation: escapeHtml(organisation),
          }),
          {
            ...HTML,
            reply_markup: new InlineKeyboard()
              .text(target.t("reg-consent-yes"), "reg:consent:yes")
              .row()
              .text(target.t("reg-consent-no"), "reg:consent:no"),
          },
        );
      const { choice, ctx: pressed } = await askButton(
        conversation,
        ctx,
        consent,
        "reg:consent",
        ["yes", "no"] as const,
        typedYesNo,
      );
      if (choice === "no") {
        await conversation.external(() => deleteDraft(deps.db, telegramId));
        await pressed.reply(pressed.t(key("reg-refused")), HTML);
        return;
      }
      await conversation.external(() => startDraft(deps.db, telegramId, token, deps.clock()));
    }

    const save = (field: { full_name: string | null } | { position: string | null }, updateId: number) =>
      conversation.external(() => saveDraftField(deps.db, telegramId, field, deps.clock(), updateId));

    let repeatQuestion = true;
    /** A name typed without Vietnamese marks, offered back once to keep or retype. */
    let nameOffered: string | undefined;
    for (;;) {
      const draft = await loadDraft();
      if (!draft) return; // erased meanwhile (the person asked for deletion)
      if (repeatQuestion) await ask(ctx, draft);
      const answer = await waitForAnswer(
        conversation,
        (pressed) => END_BUTTONS.has(pressed) || pressed === KEEP_NAME,
      );
      const current = await loadDraft();
      if (!current) {
        // The draft is gone: registration completed, and this is the confirmation handled again after a
        // crash cut its reply short. Say so, rather than nothing.
        if (!answer.callbackQuery) return;
        if (forOffice) {
          const profile = await conversation.external(() => findOfficeProfile(deps.db, telegramId));
          if (!profile) return;
          await acknowledgePress(answer);
          await welcome(answer, profile.full_name, answer.t("role-office"), "office");
          return;
        }
        const user = await conversation.external(() => findUser(deps.db, telegramId));
        if (user) {
          await acknowledgePress(answer);
          await welcome(answer, user.full_name, user.unit_name, user.role);
        }
        return;
      }
      const updateId = answer.update.update_id;
      // Stored already: this update is handled again after its first handling was cut short.
      if (current.last_update_id === updateId) continue;
      repeatQuestion = false;

      switch (registrationStep(current)) {
        case "name": {
          const taken = await takeFullName(answer, nameOffered);
          nameOffered = taken.offered;
          if (taken.name === undefined) continue;
          await save({ full_name: taken.name }, updateId);
          break;
        }
        case "position": {
          const position = await checkedText(answer, normalisePosition, "position-problem");
          if (position === undefined) continue;
          await save({ position }, updateId);
          break;
        }
        case "confirm": {
          const typed = answer.message?.text;
          const pressed =
            typed === undefined
              ? answer.callbackQuery?.data
              : typedYesNo(typed) === "yes"
                ? "reg:end:confirm"
                : undefined;
          if (!pressed) {
            // The confirmation again, with its buttons: a reminder alone leaves them far up the chat.
            await answer.reply(answer.t("flow-press-button-below"), HTML);
            repeatQuestion = true;
            continue;
          }
          if (answer.callbackQuery) await acknowledgePress(answer);
          if (pressed === "reg:end:name") await save({ full_name: null }, updateId);
          else if (pressed === "reg:end:position") await save({ position: null }, updateId);
          else if (pressed === "reg:end:cancel") {
            await conversation.external(() => deleteDraft(deps.db, telegramId));
            await answer.reply(answer.t(key("reg-cancelled")), HTML);
            return;
          } else {
            await finish(answer, current);
            return;
          }
        }
      }
      repeatQuestion = true;
    }

    async function ask(target: FlowContext, draft: RegistrationDraft): Promise<void> {
      const step = registrationStep(draft);
      if (step === "name") await target.reply(target.t("reg-ask-name"), HTML);
      else if (step === "position") await target.reply(target.t("reg-ask-position"), HTML);
      else {
        await target.reply(
          target.t("reg-confirm", {
            name: escapeHtml(draft.full_name ?? ""),
            position: escapeHtml(draft.position ?? ""),
            unit,
            role: target.t(`role-${role}`),
          }),
          {
            ...HTML,
            reply_markup: new InlineKeyboard()
              .text(target.t("reg-confirm-yes"), "reg:end:confirm")
              .row()
              .text(target.t("reg-edit-name"), "reg:end:name")
              .text(target.t("reg-edit-position"), "reg:end:position")
              .row()
              .text(target.t("reg-cancel"), "reg:end:cancel"),
          },
        );
      }
    }

    async function finish(pressed: FlowContext, draft: RegistrationDraft): Promise<void> {
      if (forOffice) {
        await conversation.external(() =>
          completeOfficeProfile(
            deps.db,
            {
              telegramId: draft.telegram_id,
              fullName: draft.full_name ?? "",
              position: draft.position ?? "",
              consentedAt: draft.consented_at,
            },
            deps.clock(),
          ),
        );
        await welcome(pressed, draft.full_name ?? "", pressed.t("role-office"), "office");
        return;
      }
      const result = await conversation.external(() => {
        const now = deps.clock();
        return completeRegistration(
          deps.db,
          {
            telegramId: draft.telegram_id,
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
        await conversation.external(() => deleteDraft(deps.db, draft.telegram_id));
        await pressed.reply(
          `${pressed.t(`invite-problem-${result.problem}`)}\n\n${pressed.t("reg-ask-new-link")}`,
          HTML,
        );
        return;
      }
      await welcome(pressed, draft.full_name ?? "", result.invite.unit_name, result.invite.role);
      if (result.invite.council) await pressed.reply(pressed.t("cn-joined"), HTML);
    }

    /** The end of registration: the welcome, and the menu of the person's role. */
    async function welcome(pressed: FlowContext, name: string, unitName: string, role: Role): Promise<void> {
      await pressed.reply(
        pressed.t(key("reg-done"), {
          name: escapeHtml(name),
          unit: escapeHtml(unitName),
          role: pressed.t(`role-${role}`),
        }),
        HTML,
      );
      const menuRole = deps.officeAdminIds.includes(telegramId ?? 0) ? "office" : role;
      await setPersonalMenu(pressed.api, deps, telegramId ?? 0, menuRole, pressed.actor?.language ?? "vi");
    }
  };
}
