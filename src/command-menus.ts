import type { I18n } from "@grammyjs/i18n";
import type { Api } from "grammy";
import type { BotCommand } from "grammy/types";
import type { DB } from "../db/connection.js";
import type { Language } from "../db/schema.js";
import { getLanguage, listUsersWithPersonalMenus } from "../db/users.js";
import type { BaseContext } from "./context.js";
import { type ActorRole, commandsFor, hasPersonalMenu } from "./domain/roles.js";
import { LANGUAGES } from "./i18n.js";
import type { Logger } from "./logger.js";

export function menuFor(i18n: I18n<BaseContext>, role: ActorRole, language: Language): BotCommand[] {
  return commandsFor(role).map((command) => ({ command, description: i18n.t(language, `cmd-${command}`) }));
}

/**
 * Everyone's menu is set for all private chats (Vietnamese, and English for English-language clients);
 * each Office member and unit head gets a wider menu scoped to their own chat, in the language they chose.
 */
export async function registerCommandMenus(
  api: Api,
  deps: { db: DB; i18n: I18n<BaseContext>; officeAdminIds: readonly number[]; logger: Logger },
): Promise<void> {
  const scope = { type: "all_private_chats" } as const;
  await api.setMyCommands(menuFor(deps.i18n, "employee", "vi"), { scope });
  for (const language of LANGUAGES.filter((l) => l !== "vi")) {
    await api.setMyCommands(menuFor(deps.i18n, "employee", language), { scope, language_code: language });
  }
  const people = new Map<number, ActorRole>(
    (await listUsersWithPersonalMenus(deps.db)).map((user) => [user.telegram_id, user.role]),
  );
  for (const id of deps.officeAdminIds) people.set(id, "office");
  for (const [telegramId, role] of people) {
    const language = (await getLanguage(deps.db, telegramId)) ?? "vi";
    await setPersonalMenu(api, deps, telegramId, role, language);
  }
}

/** Office members and unit heads get a menu of their own; for anyone else the personal menu is removed. */
export async function setPersonalMenu(
  api: Api,
  deps: { i18n: I18n<BaseContext>; logger: Logger },
  telegramId: number,
  role: ActorRole,
  language: Language,
): Promise<void> {
  const scope = { type: "chat", chat_id: telegramId } as const;
  try {
    if (hasPersonalMenu(role)) await api.setMyCommands(menuFor(deps.i18n, role, language), { scope });
    else await api.deleteMyCommands({ scope });
  } catch (error) {
    // A person who never opened the bot has no chat yet; their menu is set when they do.
    deps.logger.warn({ err: error, telegramId }, "could not set a personal command menu");
  }
}
