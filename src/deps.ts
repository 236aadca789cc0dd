import type { I18n } from "@grammyjs/i18n";
import type { DB } from "../db/connection.js";
import type { Campaign } from "./campaign/schema.js";
import type { BaseContext } from "./context.js";
import type { Clock } from "./domain/time.js";
import type { Logger } from "./logger.js";

/** Everything the features need, injected so that tests can replace the clock and the database. */
export interface AppDeps {
  db: DB;
  campaign: Campaign;
  clock: Clock;
  logger: Logger;
  i18n: I18n<BaseContext>;
  officeAdminIds: readonly number[];
}
