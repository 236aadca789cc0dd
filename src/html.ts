/** Text from users goes through this before it is placed into an HTML-formatted message. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export const HTML = { parse_mode: "HTML" } as const;

/** How much of an argument a reply repeats: enough to recognise it, never enough to push a reply past 4,096. */
export const ECHO_MAX = 64;

/** An argument the person typed, cut to `ECHO_MAX` characters (whole code points) with "…" when longer. */
export function shortenArgument(text: string): string {
  const trimmed = text.trim();
  const characters = Array.from(trimmed);
  return characters.length > ECHO_MAX ? `${characters.slice(0, ECHO_MAX - 1).join("")}…` : trimmed;
}

/**
 * An argument the person typed, as a reply repeats it: shortened (`shortenArgument`), then escaped, so that a
 * reply quoting a 4,000-character argument (or one of 1,000 "<") is still one Telegram takes.
 */
export function echoArgument(text: string): string {
  return escapeHtml(shortenArgument(text));
}
