/** Text from users goes through this before it is placed into an HTML-formatted message. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export const HTML = { parse_mode: "HTML" } as const;

/** How much of an argument a reply repeats: enough to recognise it, never enough to push a reply past 4,096. */
export const ECHO_MAX = 64;

/**
 * An argument the person typed, as a reply repeats it: escaped, and cut to `ECHO_MAX` characters (whole
 * code points) with "…" when longer, so that a reply quoting a 4,000-character argument is still sent.
 */
export function echoArgument(text: string): string {
  const characters = Array.from(text.trim());
  const shown = characters.length > ECHO_MAX ? `${characters.slice(0, ECHO_MAX - 1).join("")}…` : text.trim();
  return escapeHtml(shown);
}
