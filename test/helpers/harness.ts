import { Writable } from "node:stream";
import type { Bot } from "grammy";
import type { InlineKeyboardButton, Update } from "grammy/types";
import pino from "pino";
import { type DB, migrateToLatest, openDatabase } from "../../db/connection.js";
import { createBot } from "../../src/bot.js";
import { loadCampaign } from "../../src/campaign/load.js";
import type { BotContext } from "../../src/context.js";
import type { AppDeps } from "../../src/deps.js";
import { createI18n } from "../../src/i18n.js";
import type { Logger } from "../../src/logger.js";
import { RateLimiter, type Timer } from "../../src/reminders/rate-limit.js";
import { ReminderOutbox } from "../../src/reminders/sender.js";
import { BOT_INFO, FakeTelegram } from "./fake-telegram.js";
import { callbackUpdate, stickerUpdate, type TestUser, textUpdate } from "./updates.js";

export const TEST_TOKEN = "123456:TEST-TOKEN-abcdefghijklmnopqrstuvwxyz";

/** One JSON log line written by the bot's logger. */
export interface LogLine {
  level: number;
  msg?: string;
  [key: string]: unknown;
}

/** A pino logger that keeps every line it writes, for tests that check what was logged. */
export function recordingLogger(level = "debug"): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n")) if (line.trim()) lines.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  return { logger: pino({ level, base: undefined }, stream), lines };
}

/** Simulated time for the reminder sender's rate limiter: sleeping moves the clock, nothing waits. */
export class FakeTimer implements Timer {
  constructor(public ms = 0) {}
  readonly sleeps: number[] = [];
  now = () => this.ms;
  sleep = async (ms: number) => {
    this.sleeps.push(ms);
    this.ms += ms;
  };
}

export interface Harness {
  telegram: FakeTelegram;
  /** The reminder outbox the bot sends through (rate-limited in simulated time). */
  outbox: ReminderOutbox;
  timer: FakeTimer;
  db: DB;
  deps: AppDeps;
  bot: Bot<BotContext>;
  logLines: LogLine[];
  /** Moves the injected clock. */
  setNow(iso: string): void;
  /** Feeds any update exactly as given (the same update_id when delivered twice). */
  feed(update: Update): Promise<void>;
  send(user: TestUser, text: string): Promise<void>;
  sendSticker(user: TestUser): Promise<void>;
  press(user: TestUser, data: string): Promise<void>;
  /** Presses a button shown in the chat: the press carries its message's keyboard, as Telegram's does. */
  pressOnScreen(user: TestUser, data: string): Promise<void>;
  /** Waits for the outbox to send what is waiting (notices go out after the reply, not during it). */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/** A real grammY Bot over an in-memory SQLite database, with a fake `fetch`, an injected clock and recorded logs. */
export async function createHarness(
  options: { officeAdminIds?: number[]; now?: string; telegram?: FakeTelegram; fetch?: typeof fetch } = {},
): Promise<Harness> {
  const db = openDatabase(":memory:");
  await migrateToLatest(db);
  let now = new Date(options.now ?? "2026-11-28T09:00:00+07:00");
  const { logger, lines } = recordingLogger();
  const deps: AppDeps = {
    db,
    campaign: loadCampaign(),
    clock: () => now,
    logger,
    i18n: createI18n(),
    officeAdminIds: options.officeAdminIds ?? [],
  };
  const telegram = options.telegram ?? new FakeTelegram();
  const timer = new FakeTimer();
  // Notices wait for `settle()`: a test says when they arrive, so that replies and notices never race.
  const outbox = new ReminderOutbox(deps, new RateLimiter(timer), { sendSoon: false });
  const bot = createBot(deps, {
    token: TEST_TOKEN,
    botInfo: BOT_INFO,
    client: { fetch: options.fetch ?? telegram.fetch },
    outbox,
  });
  await bot.init();
  const feed = (update: Update) => bot.handleUpdate(update);
  return {
    telegram,
    outbox,
    timer,
    db,
    deps,
    bot,
    logLines: lines,
    setNow: (iso) => {
      now = new Date(iso);
    },
    feed,
    send: (user, text) => feed(textUpdate(user, text)),
    sendSticker: (user) => feed(stickerUpdate(user)),
    press: (user, data) => feed(callbackUpdate(user, data)),
    pressOnScreen: (user, data) => {
      const rows = telegram.lastMarkupWith(user.id, data);
      if (!rows) throw new Error(`no button "${data}" is shown to ${user.id}`);
      return feed(callbackUpdate(user, data, 1, { inline_keyboard: rows as InlineKeyboardButton[][] }));
    },
    settle: async () => {
      await outbox.flush(bot.api);
    },
    close: () => db.destroy(),
  };
}
