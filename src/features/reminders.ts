import { Composer, type MiddlewareFn } from "grammy";
import {
  clearUnreachable,
  type LoggedReminder,
  listUnreachable,
  moveGroupChat,
  possibleRepeats,
  recordFanOutReport,
  recordUnreachable,
  reminderLog,
  type UnreachableRecipient,
  unitStates,
} from "../../db/reminders.js";
import { findOpenRound } from "../../db/rounds.js";
import { findUnitByCode } from "../../db/units.js";
import { speakerFacts } from "../../db/users.js";
import type { BotContext } from "../context.js";
import type { AppDeps } from "../deps.js";
import {
  digestSlots,
  employeeSlots,
  owesNothing,
  type Slot,
  unitSlots,
  upcomingSlots,
} from "../domain/reminders.js";
import { formatLocalDateTime } from "../domain/time.js";
import { echoArgument, escapeHtml, HTML } from "../html.js";
import { officeOnly, speakerKey } from "../middleware/actor.js";
import { readsOf } from "../middleware/update-scope.js";
import { replyPaged } from "../paging.js";
import { owedOf, planRemindersNow } from "../reminders/plan.js";
import type { ReminderOutbox } from "../reminders/sender.js";
import { groupBindingFeature } from "./group-binding.js";

const UPCOMING_SHOWN = 6;
const LOG_SHOWN = 40;

/** /bind in a unit's group; /remind, /remind now [unit], /remind log for the Office. */
export function remindersFeature(deps: AppDeps, outbox: ReminderOutbox): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const zone = deps.campaign.timeZone;

  // Telegram tells the bot when someone blocks it or removes it from a group: they cannot be reminded then.
  feature.on("my_chat_member", async (ctx) => {
    const status = ctx.myChatMember.new_chat_member.status;
    if (status === "kicked" || status === "left") {
      await recordUnreachable(deps.db, ctx.chat.id, `bot ${status}`, deps.clock());
    } else if (status === "member" || status === "administrator") {
      await clearUnreachable(deps.db, ctx.chat.id);
    }
  });

  // A group upgraded to a supergroup gets a new id: its binding follows.
  feature.on("message:migrate_to_chat_id", async (ctx) => {
    await moveGroupChat(deps.db, ctx.chat.id, ctx.message.migrate_to_chat_id);
  });

  feature.use(groupBindingFeature(deps));

  const slotLine = (ctx: BotContext, slot: Slot) =>
    ctx.t(`remind-slot-${slot.kind}`, {
      at: formatLocalDateTime(slot.sendAt, zone),
      days: slot.daysBefore ?? 0,
      overdue: slot.overdue ? "yes" : "no",
    });

  feature.command("remind", officeOnly, async (ctx) => {
    const [action = "", code = ""] = ctx.match.trim().split(/\s+/);
    const round = await findOpenRound(deps.db);
    const verb = action.toLowerCase();
    if (verb === "log") {
      const entries = await reminderLog(deps.db, LOG_SHOWN);
      if (entries.length === 0) return ctx.reply(ctx.t("remind-log-empty"), HTML);
      return replyPaged(
        ctx,
        ctx.t("remind-log-header", { count: entries.length }),
        entries.map((e) => logLine(ctx, e)),
      );
    }
    if (!round) return ctx.reply(ctx.t("as-unavailable-no_open_round"), HTML);
    const deadline = new Date(round.deadline_at);

    if (verb === "now") {
      const unit = code ? await findUnitByCode(deps.db, code) : undefined;
      if (code && !unit) return ctx.reply(ctx.t("units-not-found", { code: echoArgument(code) }), HTML);
      const request = { updateId: ctx.update.update_id, unitId: unit?.id };
      const rows =
        (await planRemindersNow({ ...deps, botUsername: ctx.me.username }, deps.clock(), request)) ?? [];
      if (rows.length === 0) return ctx.reply(ctx.t("remind-now-nothing"), HTML);
      // The report is stored with the fan-out: the outbox gives it when the fan-out ends, after a restart too.
      await recordFanOutReport(deps.db, {
        round_year: round.year,
        slot_key: rows[0]?.slot_key ?? "",
        chat_id: ctx.chat?.id ?? 0,
        language: ctx.actor?.language ?? "vi",
        requested_at: deps.clock().toISOString(),
      });
      await ctx.reply(ctx.t("remind-now-sending", { count: rows.length }), HTML);
      // The fan-out runs after this update is done: at 30 messages a second it would hold the bot up.
      outbox.sendSoon(ctx.api);
      return;
    }
    if (verb !== "") return ctx.reply(ctx.t("remind-usage"), HTML);

    const now = deps.clock();
    const schedule = deps.campaign.reminders;
    const upcoming = upcomingSlots(
      [
        ...unitSlots(deadline, schedule, zone),
        ...employeeSlots(deadline, schedule, zone),
        ...digestSlots(deadline, schedule, zone),
      ].sort((a, b) => a.sendAt.getTime() - b.sendAt.getTime()),
      now,
    ).slice(0, UPCOMING_SHOWN);
    // Only whether each unit owes something: no names.
    const states = await unitStates(deps.db, round.year, { room: 0, perName: 1 });
    const owing = states.filter((unit) => !owesNothing(owedOf(deps.campaign, unit)));
    // A unit with nobody on the bot to remind is shown, or the Office would think it is being chased.
    const headless = owing.filter((unit) => unit.heads.length === 0);
    const unreachable = await listUnreachable(deps.db);
    const repeats = await possibleRepeats(deps.db);
    const lines = [
      ctx.t("remind-header", { year: String(round.year), owing: owing.length, total: states.length }),
      ...(upcoming.length > 0
        ? upcoming.map((slot) => slotLine(ctx, slot))
        : [ctx.t("remind-none-upcoming")]),
      ...(headless.length > 0
        ? [
            "",
            ctx.t("remind-no-head", {
              count: headless.length,
              codes: headless.map((unit) => `<code>${escapeHtml(unit.code)}</code>`).join(", "),
            }),
          ]
        : []),
      "",
      unreachable.length > 0
        ? ctx.t("remind-unreachable-header", { count: unreachable.length })
        : ctx.t("remind-unreachable-none"),
      ...unreachable.map(
        (u) => `• ${unreachableName(ctx, u)} (${formatLocalDateTime(new Date(u.since), zone)})`,
      ),
      ...(repeats > 0 ? ["", ctx.t("remind-repeats", { count: repeats })] : []),
      "",
      ctx.t("remind-usage"),
    ];
    return replyPaged(ctx, lines[0] ?? "", lines.slice(1));
  });

  function unreachableName(ctx: BotContext, u: UnreachableRecipient): string {
    if (u.full_name) return escapeHtml(u.full_name);
    if (u.chat_id < 0) return ctx.t("remind-group-of", { unit: escapeHtml(u.unit_code ?? "?") });
    return ctx.t("remind-person-id", { id: String(u.chat_id) });
  }

  function recipientName(ctx: BotContext, reminder: LoggedReminder): string {
    if (reminder.kind === "group")
      return ctx.t("remind-group-of", { unit: escapeHtml(reminder.unit_code ?? "?") });
    return reminder.full_name ? escapeHtml(reminder.full_name) : String(reminder.chat_id);
  }

  function logLine(ctx: BotContext, reminder: LoggedReminder): string {
    const at = reminder.sent_at ?? reminder.created_at;
    return ctx.t(`remind-log-${reminder.status}`, {
      at: formatLocalDateTime(new Date(at), zone),
      kind: ctx.t(`remind-kind-${reminder.kind}`),
      to: recipientName(ctx, reminder),
      error: escapeHtml(reminder.last_error ?? ""),
    });
  }

  return feature;
}

/** Someone who writes to the bot in private can be written to again: they are no longer unreachable. */
export function reachableAgain(deps: Pick<AppDeps, "db">): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    if (ctx.chat?.type !== "private") return next();
    // A read first (the actor's: in a private chat the chat is the speaker): most people were never
    // unreachable, and a write on every update costs more.
    const chatId = ctx.chat.id;
    const facts = await readsOf(ctx.update).once(speakerKey(chatId), () => speakerFacts(deps.db, chatId));
    if (facts.unreachable) await clearUnreachable(deps.db, chatId);
    await next();
  };
}
