import type { InlineKeyboardButton } from "grammy/types";
import type { NominationWithUnit } from "../../db/nominations.js";
import type { BotContext } from "../context.js";
import type { AppDeps } from "../deps.js";
import type { NominationStatus } from "../domain/nominations.js";
import type { Screen } from "../screen.js";
import { type ListState, listData, statusCode } from "./list-state.js";

/** A card's way back: "◀ Danh sách" to the page it was opened from, "▶ Tiếp" to the next waiting where it stood. */
export function listNav(
  deps: Pick<AppDeps, "campaign">,
  ctx: BotContext,
  id: number,
  statusWhenOpened: NominationStatus,
  state: ListState,
): InlineKeyboardButton[] {
  const at = { ...state, tickAll: false };
  return [
    { text: ctx.t("nl-back-button"), callback_data: listData(deps.campaign, "pg:", at) },
    {
      text: ctx.t("nl-next-button"),
      callback_data: listData(deps.campaign, `nx:${id}:${statusCode(deps.campaign, statusWhenOpened)}:`, at),
    },
  ];
}

/**
 * The way back of the card a button was pressed on: a card redrawn after a move keeps it, and "▶ Tiếp" still
 * looks for the step the card stood at when it was opened.
 */
export function listNavOf(ctx: BotContext): InlineKeyboardButton[] | undefined {
  const rows = ctx.callbackQuery?.message?.reply_markup?.inline_keyboard ?? [];
  return rows.find((row) =>
    row.some((button) => "callback_data" in button && button.callback_data.startsWith("nx:")),
  );
}

export function withListNav(
  ctx: BotContext,
  screen: Screen,
  nav: InlineKeyboardButton[] | undefined,
): Screen {
  if (!nav || screen.text === ctx.t("nm-not-visible")) return screen;
  screen.keyboard.row();
  for (const button of nav) screen.keyboard.add(button);
  return screen;
}

/** The next nomination after `currentId` in the list's order (from the top again at the end) standing at `status`. */
export function nextWaiting(
  list: readonly NominationWithUnit[],
  currentId: number,
  status: NominationStatus,
): NominationWithUnit | undefined {
  const at = list.findIndex((n) => n.id === currentId);
  const ordered = at === -1 ? list : [...list.slice(at + 1), ...list.slice(0, at)];
  return ordered.find((n) => n.id !== currentId && n.status === status);
}
