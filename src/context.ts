import type { ConversationFlavor } from "@grammyjs/conversations";
import type { I18nFlavor } from "@grammyjs/i18n";
import type { Context } from "grammy";
import type { DB } from "../db/connection.js";
import type { CouncilRole, Language } from "../db/schema.js";
import type { UserWithUnit } from "../db/users.js";
import type { ActorRole } from "./domain/roles.js";
import type { Logger } from "./logger.js";

/** Who sent the update, looked up afresh on every update (a role can change between two presses). */
export interface Actor {
  telegramId: number;
  user: UserWithUnit | undefined;
  role: ActorRole;
  language: Language;
  /** Their role in the Hội đồng Thi đua - Khen thưởng, beside their unit role; undefined when not a member. */
  council?: CouncilRole | undefined;
}

export type BaseContext = Context &
  I18nFlavor & {
    actor: Actor | undefined;
    log: Logger;
    /**
     * The update's last write, done in one transaction with the mark that the update was handled (one commit
     * instead of two). Only for the very last step: a crash after it does not handle the update again.
     */
    lastWrite?: (work: (db: DB) => Promise<void>) => Promise<void>;
  };

/** The context of handlers outside conversations. */
export type BotContext = ConversationFlavor<BaseContext>;
/** The context inside a conversation (its own plugins run on it). */
export type FlowContext = BaseContext;
