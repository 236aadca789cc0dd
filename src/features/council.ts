import { Composer, InlineKeyboard } from "grammy";
import {
  type CouncilMemberWithName,
  currentCouncil,
  findRegisteredPerson,
} from "../../db/council-members.js";
import { findUser, getLanguage } from "../../db/users.js";
import { setPersonalMenu } from "../command-menus.js";
import type { BotContext } from "../context.js";
import { councilAgenda } from "../council/agenda.js";
import { type Change, changeMembership, findPerson } from "../council/members.js";
import type { AppDeps } from "../deps.js";
import { type MembershipAction, parseCouncilCommand } from "../domain/council-role.js";
import { escapeHtml, HTML } from "../html.js";
import { officeOnly } from "../middleware/actor.js";
import { sendSoon } from "../nominations/notices.js";
import { formShort, nomineeLabel, statusWord } from "../nominations/render.js";
import { notify, showPage } from "../paged-view.js";
import type { ReminderOutbox } from "../reminders/sender.js";
import { viewContext } from "../screen.js";

const AGENDA_PER_PAGE = 10;
const PICK = /^cn:(add|chair|secretary|remove):(\d+)$/;

/**
 * The Council as a role: `/council add|chair|secretary|remove <person>` (the Office) makes the members and names
 * the chair and the secretary; `/council` lists the Council for the Office and for members, `/council agenda`
 * (or its button) the nominations before it, each opened read-only. The meeting's words
 * (`/council meet|vote|…`) belong to the meeting feature: they are passed on, never answered here.
 */
export function councilFeature(deps: AppDeps, outbox: ReminderOutbox): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command("council", async (ctx, next) => {
    const command = parseCouncilCommand(ctx.match);
    if (command.kind === "meeting") return next();
    const actor = ctx.actor;
    const office = actor?.role === "office";
    const member = actor?.council !== undefined;
    if (command.kind === "membership" || (command.kind === "usage" && !member)) {
      // The Office's alone, and only in a private chat (officeOnly says which refusal).
      return officeOnly(ctx, async () => {
        if (command.kind === "membership") await membership(ctx, command.action, command.person);
        else await usage(ctx);
      });
    }
    if (!office && !member) return ctx.reply(ctx.t("cn-members-only"), HTML);
    if (ctx.chat?.type !== "private") return ctx.reply(ctx.t("cn-private-only"), HTML);
    if (command.kind === "usage") return usage(ctx);
    if (command.kind === "agenda") return agenda(ctx, 0);
    return list(ctx);
  });

  async function usage(ctx: BotContext) {
    const office = ctx.actor?.role === "office";
    await ctx.reply(ctx.t(office ? "cn-usage" : "cn-usage-member"), HTML);
  }

  /** The Council as it stands: chair, secretary, members, each with their unit. */
  async function list(ctx: BotContext) {
    const council = await currentCouncil(deps.db);
    const lines: string[] = [ctx.t("cn-list-header", { count: council.length })];
    if (council.length === 0) lines.push(ctx.t("cn-list-empty"));
    for (const role of ["chair", "secretary", "member"] as const) {
      const holders = council.filter((m) => m.role === role);
      if (role !== "member" && holders.length === 0) lines.push(ctx.t(`cn-list-no-${role}`));
      for (const holder of holders) lines.push(await memberLine(ctx, holder));
    }
    if (ctx.actor?.role === "office") lines.push("", ctx.t("cn-list-footer-office"));
    const keyboard = new InlineKeyboard().text(ctx.t("cn-agenda-button"), "cn:agenda");
    await ctx.reply(lines.join("\n"), { ...HTML, reply_markup: keyboard });
  }

  async function memberLine(ctx: BotContext, member: CouncilMemberWithName): Promise<string> {
    const user = await findUser(deps.db, member.telegram_id);
    return ctx.t("cn-list-line", {
      role: ctx.t(`cn-role-${member.role}`),
      name: escapeHtml(member.full_name ?? String(member.telegram_id)),
      unit: user ? escapeHtml(user.unit_name) : ctx.t("role-office"),
    });
  }

  /** The nominations before the Council (and those it decided) in the round shown, each opened read-only. */
  async function agenda(ctx: BotContext, page: number) {
    const actor = ctx.actor;
    if (actor?.role !== "office" && actor?.council === undefined)
      return notify(ctx, ctx.t("cn-members-only"));
    const found = await councilAgenda(deps);
    if (!found) return notify(ctx, ctx.t("nm-no-round"));
    const c = viewContext(deps, ctx);
    const shown = found.nominations;
    await showPage(
      ctx,
      {
        header: ctx.t("cn-agenda-header", { year: String(found.year), count: shown.length }),
        lines:
          shown.length > 0
            ? shown.map(
                (n) =>
                  `#${n.id} ${nomineeLabel(c.t, n)} (<code>${escapeHtml(n.unit_code)}</code>) · ${escapeHtml(formShort(deps.campaign, n.form_id, c.language))} · <i>${statusWord(c, n.status)}</i>`,
              )
            : [ctx.t("cn-agenda-empty")],
        footer: shown.length > 0 ? ctx.t("cn-agenda-footer") : "",
        linesPerPage: AGENDA_PER_PAGE,
        pageData: (n) => `cn:agenda:${n}`,
        buttons: (index) => {
          const keyboard = new InlineKeyboard();
          shown.slice(index * AGENDA_PER_PAGE, (index + 1) * AGENDA_PER_PAGE).forEach((n, i) => {
            keyboard.text(`#${n.id} ${n.nominee_name}`.slice(0, 40), `no:${n.id}`);
            if (i % 2 === 1) keyboard.row();
          });
          return keyboard;
        },
      },
      page,
    );
  }
  feature.callbackQuery(/^cn:agenda(?::(\d+))?$/, (ctx) => agenda(ctx, Number(ctx.match[1] ?? 0)));

  async function membership(ctx: BotContext, action: MembershipAction, text: string) {
    const found = await findPerson(deps, text);
    if (found.kind === "none") return ctx.reply(ctx.t(found.key, found.vars), HTML);
    if (found.kind === "several") {
      const keyboard = new InlineKeyboard();
      for (const person of found.people)
        keyboard
          .text(
            `${person.full_name} · ${person.unit_code}`.slice(0, 60),
            `cn:${action}:${person.telegram_id}`,
          )
          .row();
      const names = found.people.map(
        (p) =>
          `• ${escapeHtml(p.full_name)}, ${escapeHtml(p.position)}, ${escapeHtml(p.unit_name)} (<code>${p.telegram_id}</code>)`,
      );
      return ctx.reply(
        [ctx.t("cn-pick-person", { count: found.people.length + found.more }), ...names].join("\n"),
        { ...HTML, reply_markup: keyboard },
      );
    }
    return apply(ctx, action, found.person.telegram_id);
  }

  feature.callbackQuery(PICK, officeOnly, async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup();
    await apply(ctx, ctx.match[1] as MembershipAction, Number(ctx.match[2]));
  });

  async function apply(ctx: BotContext, action: MembershipAction, telegramId: number) {
    // Looked up again: a button may be pressed after the person left.
    const person = await findRegisteredPerson(deps.db, telegramId);
    if (!person) return ctx.reply(ctx.t("cn-not-registered-id", { id: String(telegramId) }), HTML);
    const change = await changeMembership(deps, action, person, ctx.actor?.telegramId ?? 0);
    await ctx.reply(changeText(ctx, change, person.full_name), HTML);
    if (change.kind === "set" || change.kind === "removed") {
      sendSoon(outbox, ctx.api);
      // Their menu shows /council while they are on the Council.
      const user = await findUser(deps.db, telegramId);
      const role = deps.officeAdminIds.includes(telegramId) ? "office" : (user?.role ?? "guest");
      await setPersonalMenu(
        ctx.api,
        deps,
        telegramId,
        role,
        (await getLanguage(deps.db, telegramId)) ?? "vi",
      );
    }
  }

  function changeText(ctx: BotContext, change: Change, fullName: string): string {
    const name = escapeHtml(fullName);
    switch (change.kind) {
      case "removed":
        return ctx.t("cn-removed", { name });
      case "not_member":
        return ctx.t("cn-not-member", { name });
      case "unchanged":
        return ctx.t("cn-unchanged", { name, role: ctx.t(`cn-role-${change.role}`) });
      case "set": {
        const done = ctx.t("cn-set", { name, role: ctx.t(`cn-role-${change.role}`) });
        if (!change.replaced) return done;
        return `${done}\n${ctx.t("cn-replaced", { name: escapeHtml(change.replaced.name), role: ctx.t(`cn-role-${change.role}`) })}`;
      }
    }
  }

  return feature;
}
