import type { I18n } from "@grammyjs/i18n";
import type { Api } from "grammy";
import type { BotCommand } from "grammy/types";
import type { DB } from "../db/connection.js";
import { councilMembership, currentCouncil } from "../db/council-members.js";
import type { Language } from "../db/schema.js";
import { findUser, getLanguage, listUsersWithPersonalMenus } from "../db/users.js";
import type { BaseContext } from "./context.js";
import { type ActorRole, commandsFor, hasPersonalMenu } from "./domain/roles.js";
import { LANGUAGES } from "./i18n.js";
import type { Logger } from "./logger.js";

export function menuFor(
  i18n: I18n<BaseContext>,
  role: ActorRole,
  language: Language,
  councilMember = false,
): BotCommand[] {
  return commandsFor(role, councilMember).map((command) => ({
    command,
    description: i18n.t(language, `cmd-${command}`),
  }));
}

/**
 * Everyone's menu is set for all private chats (Vietnamese, and English for English-language clients);
 * each Office member and unit head gets a wider menu scoped to their own chat, in the language they chose.
 * `signal` stops it between two calls (and aborts the one in flight).
 */
export async function registerCommandMenus(
  api: Api,
  deps: { db: DB; i18n: I18n<BaseContext>; officeAdminIds: readonly number[]; logger: Logger },
  signal?: ApiSignal,
): Promise<void> {
  const scope = { type: "all_private_chats" } as const;
  await api.setMyCommands(menuFor(deps.i18n, "employee", "vi"), { scope }, signal);
  for (const language of LANGUAGES.filter((l) => l !== "vi")) {
    throwIfAborted(signal);
    await api.setMyCommands(
      menuFor(deps.i18n, "employee", language),
      { scope, language_code: language },
      signal,
    );
  }
  const people = new Map<number, ActorRole>(
    (await listUsersWithPersonalMenus(deps.db)).map((user) => [user.telegram_id, user.role]),
  );
  for (const id of deps.officeAdminIds) people.set(id, "office");
  // Council members have /council in their menu whatever their unit role.
  for (const member of await currentCouncil(deps.db))
    if (!people.has(member.telegram_id))
      people.set(member.telegram_id, (await findUser(deps.db, member.telegram_id))?.role ?? "guest");
  for (const [telegramId, role] of people) {
    throwIfAborted(signal);
    // The bot answers while this runs: whoever changed role since has had their menu set by that change.
    if (
      !deps.officeAdminIds.includes(telegramId) &&
      ((await findUser(deps.db, telegramId))?.role ?? "guest") !== role
    ) {
      continue;
    }
    const language = (await getLanguage(deps.db, telegramId)) ?? "vi";
    await setPersonalMenu(api, deps, telegramId, role, language, signal);
  }
}

/**
 * grammY types its `signal` parameters with the abort-controller polyfill, whose declarations differ from Node's
 * own AbortSignal; at run time it takes Node's.
 */
type ApiSignal = NonNullable<Parameters<Api["setMyCommands"]>[2]>;
const apiSignal = (signal: AbortSignal): ApiSignal => signal as unknown as ApiSignal;

function throwIfAborted(signal: ApiSignal | undefined): void {
  if (signal?.aborted) throw new Error("stopped");
}

export interface BackgroundTask {
  /** Settles once the task has finished, failed (logged) or been stopped; never rejects. */
  done: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Sets the menus while the bot already answers updates: about 200 calls take some 20 s against Telegram. A
 * failure is logged, never thrown; `stop` (on SIGINT/SIGTERM) ends it between two calls.
 */
export function registerCommandMenusInBackground(
  api: Api,
  deps: Parameters<typeof registerCommandMenus>[1],
): BackgroundTask {
  const controller = new AbortController();
  const done = registerCommandMenus(api, deps, apiSignal(controller.signal)).then(
    () => deps.logger.info("command menus set"),
    (error: unknown) => {
      if (controller.signal.aborted) deps.logger.info("command menus: stopped before all were set");
      else deps.logger.warn({ err: error }, "could not register the command menus");
    },
  );
  return {
    done,
    stop: async () => {
      controller.abort();
      await done;
    },
  };
}

/**
 * Office members, unit heads and Council members get a menu of their own; for anyone else the personal menu
 * is removed. Whether the person is on the Council is looked up here, so that a change of unit role keeps it.
 */
export async function setPersonalMenu(
  api: Api,
  deps: { db: DB; i18n: I18n<BaseContext>; logger: Logger },
  telegramId: number,
  role: ActorRole,
  language: Language,
  signal?: ApiSignal,
): Promise<void> {
  const scope = { type: "chat", chat_id: telegramId } as const;
  try {
    const council = (await councilMembership(deps.db, telegramId)) !== undefined;
    if (hasPersonalMenu(role, council))
      await api.setMyCommands(menuFor(deps.i18n, role, language, council), { scope }, signal);
    else await api.deleteMyCommands({ scope }, signal);
  } catch (error) {
    if (signal?.aborted) throw error;
    // A person who never opened the bot has no chat yet; their menu is set when they do.
    deps.logger.warn({ err: error, telegramId }, "could not set a personal command menu");
  }
}
