import { InlineKeyboard } from "grammy";
import type { BotContext } from "./context.js";
import { HTML } from "./html.js";
import type { Refusal } from "./nominations/access.js";
import { MESSAGE_LIMIT } from "./paging.js";

export interface PagedView {
  header: string;
  lines: readonly string[];
  footer?: string;
  /** Callback data that shows page `n` (0-based) again; it recomputes the view, so it is never stale. */
  pageData: (page: number) => string;
  /** Buttons for the page shown (to open its items), above the page arrows. */
  buttons?: (page: number, pageLines: readonly string[]) => InlineKeyboard;
  /** A blank line between the lines, for blocks of several lines (a unit in /status). */
  blankBetween?: boolean;
  /** Lines per page at most, so a page's buttons stay few; the text limit applies as well. */
  linesPerPage?: number;
}

/** Splits a view into pages by the message size limit, and by `linesPerPage` when given. */
export function viewPages(
  view: PagedView,
  limit = MESSAGE_LIMIT - 120,
): Array<{ text: string; lines: string[] }> {
  const per = view.linesPerPage ?? Number.POSITIVE_INFINITY;
  const render = (lines: readonly string[]) =>
    [view.header, ...(view.blankBetween ? lines.flatMap((line) => ["", line]) : lines)]
      .concat(view.footer ? ["", view.footer] : [])
      .join("\n");
  const pages: string[][] = [];
  let current: string[] = [];
  for (const line of view.lines) {
    if (current.length > 0 && (current.length >= per || render([...current, line]).length > limit)) {
      pages.push(current);
      current = [];
    }
    current.push(line);
  }
  pages.push(current);
  return pages.map((lines) => ({ text: render(lines), lines }));
}

/**
 * Shows one page of a long list in a single message with ◀ n/N ▶ buttons; a press on them edits the same
 * message. Nothing is ever cut: every line is on some page.
 */
export async function showPage(ctx: BotContext, view: PagedView, requested: number): Promise<void> {
  const pages = viewPages(view);
  const index = Math.min(Math.max(0, requested), pages.length - 1);
  const page = pages[index] ?? { text: view.header, lines: [] };
  const keyboard = view.buttons ? view.buttons(index, page.lines) : new InlineKeyboard();
  if (pages.length > 1) {
    keyboard.row();
    if (index > 0) keyboard.text("◀", view.pageData(index - 1));
    keyboard.text(ctx.t("page-of", { page: index + 1, pages: pages.length }), view.pageData(index));
    if (index < pages.length - 1) keyboard.text("▶", view.pageData(index + 1));
  }
  await showScreen(ctx, { text: page.text, keyboard });
}

/**
 * Shows a screen: in place of the pressed button's message, or as a new message for a command. Pressing a
 * button whose screen is already shown changes nothing; Telegram says so, and that is fine.
 */
export async function showScreen(
  ctx: BotContext,
  screen: { text: string; keyboard: InlineKeyboard },
): Promise<void> {
  // Rows are added before knowing whether buttons follow; Telegram should not get the empty ones.
  const rows = screen.keyboard.inline_keyboard.filter((row) => row.length > 0);
  const options = { ...HTML, reply_markup: new InlineKeyboard(rows) };
  if (ctx.callbackQuery?.message) {
    await answerOnce(ctx);
    await ctx.editMessageText(screen.text, options).catch((error: unknown) => {
      if (!String(error).includes("message is not modified")) throw error;
    });
    return;
  }
  await ctx.reply(screen.text, options);
}

/** A refusal from a service, in the reader's words: why, and nothing of anyone's data. */
export function refuse(ctx: BotContext, refusal: Refusal): Promise<void> {
  return notify(ctx, ctx.t(refusal.key, refusal.vars));
}

/** A refusal or a short notice: a pop-up on the button that was pressed, or a reply to a command. */
export async function notify(ctx: BotContext, text: string): Promise<void> {
  if (ctx.callbackQuery) await answerOnce(ctx, { text: plainText(text), show_alert: true });
  else await ctx.reply(text, HTML);
}

const answered = new WeakSet<object>();

/** Answers a button press once: Telegram refuses a second answer to the same press. */
export async function answerOnce(
  ctx: BotContext,
  options?: { text?: string; show_alert?: boolean },
): Promise<void> {
  if (!ctx.callbackQuery || answered.has(ctx.update)) return;
  answered.add(ctx.update);
  await ctx.answerCallbackQuery(options);
}

/** A pop-up shows plain text: the HTML of a message is taken off, and its escapes turned back. */
export function plainText(html: string): string {
  return html
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}
