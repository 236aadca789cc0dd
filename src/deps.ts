import type { I18n } from "@grammyjs/i18n";
import type { DB } from "../db/connection.js";
import type { Campaign } from "./campaign/schema.js";
import type { BaseContext } from "./context.js";
import type { ReportRenderer } from "./documents/report-runner.js";
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
  /** Makes the Báo cáo sơ kết / tổng kết's file; a worker thread unless a test holds it. */
  reportRenderer?: ReportRenderer;
}
