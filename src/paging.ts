import type { InlineKeyboard } from "grammy";
import type { BotContext } from "./context.js";
import { HTML } from "./html.js";

/** Telegram refuses messages over 4,096 characters; keep a margin for the header and footer. */
export const MESSAGE_LIMIT = 4096;

/**
 * Splits lines into pages that each fit in one message; a single over-long line gets a page to itself,
 * and the footer goes on a page of its own if the last page has no room for it.
 */
export function paginate(
  header: string,
  lines: readonly string[],
  footer = "",
  limit = MESSAGE_LIMIT,
): string[] {
  const render = (body: string[], withFooter: boolean) =>
    [header, ...body, ...(withFooter && footer ? ["", footer] : [])].join("\n");
  const pages: string[] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (current.length > 0 && render([...current, line], false).length > limit) {
      pages.push(render(current, false));
      current = [];
    }
    current.push(line);
  }
  if (current.length > 0 && render(current, true).length > limit) {
    pages.push(render(current, false));
    current = [];
  }
  pages.push(render(current, true));
  return pages;
}

/** Sends a long list as several messages, never cutting it; `keyboard` goes under the last one. */
export async function replyPaged(
  ctx: BotContext,
  header: string,
  lines: readonly string[],
  footer = "",
  keyboard?: InlineKeyboard,
) {
  const pages = paginate(header, lines, footer, MESSAGE_LIMIT - 100);
  for (const [index, page] of pages.entries()) {
    const marker =
      pages.length > 1 ? `\n\n${ctx.t("page-marker", { page: index + 1, pages: pages.length })}` : "";
    const last = index === pages.length - 1;
    await ctx.reply(page + marker, last && keyboard ? { ...HTML, reply_markup: keyboard } : HTML);
  }
}
