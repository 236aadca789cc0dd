import { fileURLToPath } from "node:url";
import { I18n } from "@grammyjs/i18n";
import type { Language } from "../db/schema.js";
import type { BaseContext } from "./context.js";

export const LANGUAGES: readonly Language[] = ["vi", "en"];
export const LOCALES_DIR = fileURLToPath(new URL("./locales", import.meta.url));

export function createI18n(): I18n<BaseContext> {
  return new I18n<BaseContext>({
    defaultLocale: "vi",
    directory: LOCALES_DIR,
    useSession: false,
    localeNegotiator: (ctx) => ctx.actor?.language ?? "vi",
    // Without this, Fluent wraps every variable in invisible Unicode isolation marks.
    fluentBundleOptions: { useIsolating: false },
  });
}

/** Picks the campaign's text in the reader's language, falling back to Vietnamese. */
export function localised(text: { vi: string; en?: string | undefined }, language: Language): string {
  return language === "en" ? (text.en ?? text.vi) : text.vi;
}
