import { type DB, migrateToLatest, openDatabase } from "../../db/connection.js";
import { createBot } from "../../src/bot.js";
import { loadCampaign } from "../../src/campaign/load.js";
import type { AppDeps } from "../../src/deps.js";
import { createI18n } from "../../src/i18n.js";
import { createLogger } from "../../src/logger.js";
import { BOT_INFO, FakeTelegram } from "./fake-telegram.js";
import { callbackUpdate, stickerUpdate, type TestUser, textUpdate } from "./updates.js";

export const TEST_TOKEN = "123456:TEST-TOKEN-abcdefghijklmnopqrstuvwxyz";

export interface Harness {
  telegram: FakeTelegram;
  db: DB;
  deps: AppDeps;
  /** Moves the injected clock. */
  setNow(iso: string): void;
  send(user: TestUser, text: string): Promise<void>;
  sendSticker(user: TestUser): Promise<void>;
  press(user: TestUser, data: string): Promise<void>;
  close(): Promise<void>;
}

/** A real grammY Bot over an in-memory SQLite database, with a fake `fetch` and an injected clock. */
export async function createHarness(
  options: { officeAdminIds?: number[]; now?: string } = {},
): Promise<Harness> {
  const db = openDatabase(":memory:");
  await migrateToLatest(db);
  let now = new Date(options.now ?? "2026-11-28T09:00:00+07:00");
  const deps: AppDeps = {
    db,
    campaign: loadCampaign(),
    clock: () => now,
    logger: createLogger({ level: process.env.TEST_LOG_LEVEL ?? "silent" }),
    i18n: createI18n(),
    officeAdminIds: options.officeAdminIds ?? [],
  };
  const telegram = new FakeTelegram();
  const bot = createBot(deps, { token: TEST_TOKEN, botInfo: BOT_INFO, client: { fetch: telegram.fetch } });
  await bot.init();
  return {
    telegram,
    db,
    deps,
    setNow: (iso) => {
      now = new Date(iso);
    },
    send: (user, text) => bot.handleUpdate(textUpdate(user, text)),
    sendSticker: (user) => bot.handleUpdate(stickerUpdate(user)),
    press: (user, data) => bot.handleUpdate(callbackUpdate(user, data)),
    close: () => db.destroy(),
  };
}
