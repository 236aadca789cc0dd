import { Composer } from "grammy";
import { clearUnreachable } from "../../db/reminders.js";
import { bindGroupChat, findUnitByCode, unbindGroupChat, unitOfGroup } from "../../db/units.js";
import type { BotContext } from "../context.js";
import type { AppDeps } from "../deps.js";
import { echoArgument, escapeHtml, HTML } from "../html.js";

/**
 * /bind and /unbind in a unit's group chat, so that the group gets the unit's reminders. A group is one
 * unit's: a head binds it to their own unit, and only the head of the unit holding it (by /unbind) or the
 * Office (/bind <mã đơn vị>, /unbind) can give it to another.
 */
export function groupBindingFeature(deps: Pick<AppDeps, "db" | "logger">): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const groups = feature.chatType(["group", "supergroup"]);

  groups.command("bind", async (ctx) => {
    const actor = ctx.actor;
    const office = actor?.role === "office";
    if (!office && actor?.role !== "unit_head") {
      await ctx.reply(ctx.t("bind-head-only"));
      return;
    }
    const code = ctx.match.trim();
    // A head binds to their own unit; the Office names the unit, or binds its own when it has one.
    const unit =
      office && code !== ""
        ? await findUnitByCode(deps.db, code)
        : actor?.user
          ? {
              id: actor.user.unit_id,
              code: actor.user.unit_code,
              name: actor.user.unit_name,
              archived_at: null,
            }
          : undefined;
    if (office && code !== "" && (!unit || unit.archived_at !== null)) {
      await ctx.reply(ctx.t("units-not-found", { code: echoArgument(code) }), HTML);
      return;
    }
    if (!unit) {
      await ctx.reply(ctx.t("bind-office-usage"), HTML);
      return;
    }
    const result = await bindGroupChat(deps.db, ctx.chat.id, unit.id, office);
    if (!result.bound) {
      await ctx.reply(
        ctx.t("bind-held", { unit: escapeHtml(result.heldBy.name), own: escapeHtml(unit.name) }),
        HTML,
      );
      return;
    }
    await clearUnreachable(deps.db, ctx.chat.id);
    deps.logger.info({ unit: unit.code, chat: ctx.chat.id, binding: true }, "unit group chat changed");
    await ctx.reply(ctx.t("bind-done", { unit: escapeHtml(unit.name) }), HTML);
  });

  groups.command("unbind", async (ctx) => {
    const actor = ctx.actor;
    const office = actor?.role === "office";
    if (!office && actor?.role !== "unit_head") {
      await ctx.reply(ctx.t("bind-head-only"));
      return;
    }
    const holder = await unitOfGroup(deps.db, ctx.chat.id);
    if (!holder) {
      await ctx.reply(ctx.t("unbind-none"), HTML);
      return;
    }
    // The head's own unit, not only the first found: where an older database has a group bound to two units,
    // each head frees theirs.
    const own = actor?.user?.unit_id;
    const ownHolds = own !== undefined && (await unitOfGroup(deps.db, ctx.chat.id, own)) !== undefined;
    if (!office && !ownHolds) {
      await ctx.reply(ctx.t("unbind-held", { unit: escapeHtml(holder.name) }), HTML);
      return;
    }
    await unbindGroupChat(deps.db, ctx.chat.id, office ? undefined : own);
    const name = office || !actor?.user ? holder.name : actor.user.unit_name;
    deps.logger.info({ chat: ctx.chat.id, binding: false }, "unit group chat changed");
    await ctx.reply(ctx.t("unbind-done", { unit: escapeHtml(name) }), HTML);
  });

  feature.chatType("private").command(["bind", "unbind"], (ctx) => ctx.reply(ctx.t("bind-in-group"), HTML));
  return feature;
}
