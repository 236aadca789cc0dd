/** Text from users goes through this before it is placed into an HTML-formatted message. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export const HTML = { parse_mode: "HTML" } as const;
