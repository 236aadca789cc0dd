import { Composer, InlineKeyboard } from "grammy";
import { findExtension } from "../../db/assessments.js";
import { createInvite, type InviteWithUnit, listUsableInvites, revokeInvite } from "../../db/invites.js";
import { findOpenRound } from "../../db/rounds.js";
import type { Role } from "../../db/schema.js";
import { findUnitByCode } from "../../db/units.js";
import type { BotContext } from "../context.js";
import type { AppDeps } from "../deps.js";
import { unitDeadline } from "../domain/assessment.js";
import { INVITE_POLICY, inviteExpiry } from "../domain/invites.js";
import { formatLocalDateTime } from "../domain/time.js";
import { echoArgument, escapeHtml, HTML } from "../html.js";
import { officeOnly } from "../middleware/actor.js";
import { replyPaged } from "../paging.js";

const ROLE_WORDS: Record<string, Role> = {
  "": "employee",
  head: "unit_head",
  office: "office",
  council: "employee",
};
/** `/invite <unit> council`: the person joins the unit as its staff and becomes a member of the Council. */
const COUNCIL_WORD = "council";

const usage = (ctx: BotContext) => `${ctx.t("invite-usage")}\n${ctx.t("cn-invite-usage")}`;

/** /invite CODE [head|office|council], /invite list, and a revoke button under each link. */
export function invitesFeature(deps: AppDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const zone = deps.campaign.timeZone;
  const link = (ctx: BotContext, token: string) => `https://t.me/${ctx.me.username}?start=${token}`;
  const describe = (ctx: BotContext, invite: InviteWithUnit) =>
    ctx.t("invite-line", {
      unit: escapeHtml(`${invite.unit_name} (${invite.unit_code})`),
      role: invite.council
        ? ctx.t("cn-invite-role", { role: ctx.t(`role-${invite.role}`) })
        : ctx.t(`role-${invite.role}`),
      link: link(ctx, invite.token),
      expires: formatLocalDateTime(new Date(invite.expires_at), zone),
      uses: ctx.t(invite.single_use ? "invite-single-use" : "invite-multi-use", { used: invite.used_count }),
    });

  feature.command("invite", officeOnly, async (ctx) => {
    const [first = "", second = ""] = ctx.match.trim().split(/\s+/);
    if (first === "") {
      await ctx.reply(usage(ctx), HTML);
      return;
    }
    if (first.toLowerCase() === "list") {
      const invites = await listUsableInvites(deps.db, deps.clock());
      if (invites.length === 0) await ctx.reply(ctx.t("invite-list-empty"), HTML);
      else
        await replyPaged(
          ctx,
          ctx.t("invite-list-header", { count: invites.length }),
          invites.map((i) => describe(ctx, i)),
        );
      return;
    }
    if (first.toLowerCase() === "revoke") {
      const token = second.replace(/^.*[?&]start=/, "");
      const revoked = await revokeInvite(deps.db, token, deps.clock());
      await ctx.reply(ctx.t(revoked ? "invite-revoked" : "invite-not-found"), HTML);
      return;
    }
    const role = ROLE_WORDS[second.toLowerCase()];
    const council = second.toLowerCase() === COUNCIL_WORD;
    if (!role) {
      await ctx.reply(usage(ctx), HTML);
      return;
    }
    const unit = await findUnitByCode(deps.db, first);
    if (!unit) {
      await ctx.reply(ctx.t("units-not-found", { code: echoArgument(first) }), HTML);
      return;
    }
    if (unit.archived_at) {
      await ctx.reply(ctx.t("invite-unit-archived", { code: escapeHtml(unit.code) }), HTML);
      return;
    }
    const now = deps.clock();
    const round = await findOpenRound(deps.db);
    const deadline = round
      ? unitDeadline(new Date(round.deadline_at), await findExtension(deps.db, round.year, unit.id))
      : undefined;
    const invite = await createInvite(
      deps.db,
      {
        unitId: unit.id,
        role,
        // A Council link grants a power, as a head's does: once, for a week.
        singleUse: council || INVITE_POLICY[role].singleUse,
        createdBy: ctx.actor?.telegramId ?? 0,
        expiresAt: council ? inviteExpiry("unit_head", now) : inviteExpiry(role, now, deadline),
        council,
      },
      now,
    );
    deps.logger.info({ unit: unit.code, role, council, by: ctx.from?.id }, "invite created");
    await ctx.reply(
      `${ctx.t("invite-created")}\n\n${describe(ctx, { ...invite, unit_code: unit.code, unit_name: unit.name, unit_archived_at: null })}\n\n${ctx.t(council ? "cn-invite-advice" : `invite-advice-${role}`)}`,
      {
        ...HTML,
        link_preview_options: { is_disabled: true },
        reply_markup: new InlineKeyboard().text(ctx.t("invite-revoke"), `inv:revoke:${invite.token}`),
      },
    );
  });

  feature.callbackQuery(/^inv:revoke:([A-Za-z0-9_-]+)$/, officeOnly, async (ctx) => {
    const revoked = await revokeInvite(deps.db, ctx.match[1] ?? "", deps.clock());
    await ctx.answerCallbackQuery({ text: ctx.t(revoked ? "invite-revoked" : "invite-already-revoked") });
    await ctx.editMessageReplyMarkup();
    if (revoked) await ctx.reply(ctx.t("invite-revoked"), HTML);
  });

  return feature;
}
