import { Composer, InlineKeyboard } from "grammy";
import { decideMoveRequest, fileMoveRequest, findMoveRequest, moveStakes } from "../../db/move-requests.js";
import { enqueueNotices, headsOfUnit, officeRecipients, registeredPerson } from "../../db/notices.js";
import { findOpenRound } from "../../db/rounds.js";
import type { Language, Role } from "../../db/schema.js";
import { getLanguage, nameOf, type UserWithUnit } from "../../db/users.js";
import { setPersonalMenu } from "../command-menus.js";
import type { BotContext } from "../context.js";
import type { AppDeps } from "../deps.js";
import { moveNeedsOffice } from "../domain/moves.js";
import { toLocal } from "../domain/time.js";
import { escapeHtml, HTML } from "../html.js";
import { officeOnly } from "../middleware/actor.js";
import { noticeRows, sendSoon } from "../nominations/notices.js";
import type { ReminderOutbox } from "../reminders/sender.js";

type Deps = Pick<AppDeps, "db" | "campaign" | "clock" | "i18n" | "officeAdminIds" | "logger">;

interface UnitSide {
  id: number;
  name: string;
}

/** A move of a person between units, as the heads of both units are told of it. */
export interface PersonMove {
  key: string;
  year: number;
  telegramId: number;
  name: string;
  from: UnitSide;
  to: UnitSide;
  role: Role;
}

/** Tells the heads of the unit left and of the unit joined (the person themself excepted) of a move. */
export async function noticeOfPersonMoved(deps: Deps, move: PersonMove): Promise<void> {
  const heads = [...(await headsOfUnit(deps.db, move.from.id)), ...(await headsOfUnit(deps.db, move.to.id))];
  const to = heads.filter(
    (head, index) => head.id !== move.telegramId && heads.findIndex((h) => h.id === head.id) === index,
  );
  await enqueueNotices(
    deps.db,
    noticeRows(
      deps,
      {
        key: move.key,
        year: move.year,
        unitId: move.to.id,
        text: (language) =>
          deps.i18n.t(language, "nt-person-moved", {
            name: escapeHtml(move.name),
            fromUnit: escapeHtml(move.from.name),
            toUnit: escapeHtml(move.to.name),
            role: deps.i18n.t(language, `role-${move.role}`),
          }),
      },
      to,
    ),
  );
}

/** The year a notice belongs to: the open round's, else the current one. */
export function noticeYear(deps: Deps, round: { year: number } | undefined): number {
  return round?.year ?? toLocal(deps.clock(), deps.campaign.timeZone).year;
}

/**
 * A registered person's move to an invite's unit, where the Office must confirm it: the request is filed and
 * the Office is asked, with buttons. Returns the open round's year if it was filed, undefined if the move
 * needs no confirmation.
 */
export async function requestMoveIfNeeded(
  deps: Deps,
  user: UserWithUnit,
  invite: { token: string; unit_id: number; unit_name: string; role: Role },
): Promise<number | undefined> {
  const round = await findOpenRound(deps.db);
  if (!round) return undefined;
  const stakes = await moveStakes(deps.db, user.telegram_id, round.year);
  if (!moveNeedsOffice(stakes)) return undefined;
  const id = await fileMoveRequest(
    deps.db,
    {
      telegramId: user.telegram_id,
      fromUnitId: user.unit_id,
      fromRole: user.role,
      toUnitId: invite.unit_id,
      toRole: invite.role,
      inviteToken: invite.token,
    },
    deps.clock(),
  );
  const office = await officeRecipients(deps.db, deps.officeAdminIds);
  const rows = noticeRows(
    deps,
    {
      key: `notice:move-request:${id}`,
      year: round.year,
      unitId: user.unit_id,
      text: (language) =>
        deps.i18n.t(language, "mv-request", {
          name: escapeHtml(user.full_name),
          fromUnit: escapeHtml(user.unit_name),
          fromRole: deps.i18n.t(language, `role-${user.role}`),
          toUnit: escapeHtml(invite.unit_name),
          toRole: deps.i18n.t(language, `role-${invite.role}`),
          year: String(round.year),
        }),
    },
    office.filter((member) => member.id !== user.telegram_id),
  );
  const keyboard = (language: Language) =>
    JSON.stringify(
      new InlineKeyboard()
        .text(deps.i18n.t(language, "mv-approve"), `mv:ok:${id}`)
        .text(deps.i18n.t(language, "mv-refuse"), `mv:no:${id}`),
    );
  await enqueueNotices(
    deps.db,
    rows.map((row) => {
      const language = office.find((member) => member.id === row.chat_id)?.language ?? "vi";
      return { ...row, reply_markup: keyboard(language) };
    }),
  );
  return round.year;
}

/** The Office's Approve / Refuse on a move request. */
export function movesFeature(deps: AppDeps, outbox: ReminderOutbox): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.callbackQuery(/^mv:(ok|no):(\d+)$/, officeOnly, async (ctx) => {
    const actor = ctx.actor;
    if (!actor) return;
    const approve = ctx.match[1] === "ok";
    const request = await findMoveRequest(deps.db, Number(ctx.match[2]));
    const decided =
      request !== undefined &&
      (await decideMoveRequest(
        deps.db,
        request.id,
        { approve, by: actor.telegramId, byName: (await nameOf(deps.db, actor.telegramId)) ?? null },
        deps.clock(),
      ));
    if (!request || !decided) {
      await ctx.answerCallbackQuery({ text: ctx.t("mv-stale"), show_alert: true });
      await ctx.editMessageReplyMarkup();
      return;
    }
    await ctx.answerCallbackQuery();
    const names = {
      name: escapeHtml(request.full_name),
      fromUnit: escapeHtml(request.from_unit_name),
      toUnit: escapeHtml(request.to_unit_name),
      role: ctx.t(`role-${request.to_role}`),
    };
    await ctx.editMessageText(ctx.t(approve ? "mv-approved" : "mv-refused", names), HTML);

    const round = await findOpenRound(deps.db);
    const year = noticeYear(deps, round);
    const person = await registeredPerson(deps.db, request.telegram_id);
    if (person)
      await enqueueNotices(
        deps.db,
        noticeRows(
          deps,
          {
            key: `notice:move-decided:${request.id}`,
            year,
            unitId: approve ? request.to_unit_id : request.from_unit_id,
            text: (language) =>
              deps.i18n.t(language, approve ? "nt-move-approved" : "nt-move-refused", {
                ...names,
                role: deps.i18n.t(language, `role-${request.to_role}`),
              }),
          },
          [person],
        ),
      );
    if (approve) {
      await noticeOfPersonMoved(deps, {
        key: `notice:moved:request:${request.id}`,
        year,
        telegramId: request.telegram_id,
        name: request.full_name,
        from: { id: request.from_unit_id, name: request.from_unit_name },
        to: { id: request.to_unit_id, name: request.to_unit_name },
        role: request.to_role,
      });
      const menuRole = deps.officeAdminIds.includes(request.telegram_id) ? "office" : request.to_role;
      const language = (await getLanguage(deps.db, request.telegram_id)) ?? "vi";
      await setPersonalMenu(ctx.api, deps, request.telegram_id, menuRole, language);
    }
    sendSoon(outbox, ctx.api);
  });

  return feature;
}
