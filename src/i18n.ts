import { fileURLToPath } from "node:url";
import { I18n } from "@grammyjs/i18n";
import type { Language } from "../db/schema.js";
import type { BaseContext } from "./context.js";

export const LANGUAGES: readonly Language[] = ["vi", "en"];
export const LOCALES_DIR = fileURLToPath(new URL("./locales", import.meta.url));

export function createI18n(): I18n<BaseContext> {
  const i18n = new I18n<BaseContext>({
    defaultLocale: "vi",
    directory: LOCALES_DIR,
    useSession: false,
    localeNegotiator: (ctx) => ctx.actor?.language ?? "vi",
    // Without this, Fluent wraps every variable in invisible Unicode isolation marks.
    fluentBundleOptions: { useIsolating: false },
  });
  rememberMatchedBundles(i18n.fluent as unknown as BundleMatching);
  return i18n;
}

/** The part of @grammyjs/i18n's Fluent (1.1.2) that picks the bundles for a text: private, so typed here. */
interface BundleMatching {
  bundles: { size: number };
  matchBundles?: (locales: readonly string[]) => unknown;
}

/**
 * Fluent negotiates the languages again for every text it translates (Intl locale parsing, a few arrays): a
 * twentieth of what the bot allocated while people answered. The answer depends only on the locales asked
 * for and the bundles loaded, all loaded at start-up; it is kept per locale list (and bundle count).
 */
function rememberMatchedBundles(fluent: BundleMatching): void {
  const match = fluent.matchBundles;
  if (typeof match !== "function") return;
  const matched = new Map<string, unknown>();
  fluent.matchBundles = (locales) => {
    const key = `${fluent.bundles.size}:${locales.join(",")}`;
    let bundles = matched.get(key);
    if (bundles === undefined) {
      bundles = match.call(fluent, locales);
      matched.set(key, bundles);
    }
    return bundles;
  };
}

/** Picks the campaign's text in the reader's language, falling back to Vietnamese. */
export function localised(text: { vi: string; en?: string | undefined }, language: Language): string {
  return language === "en" ? (text.en ?? text.vi) : text.vi;
}
