import { existsSync } from "node:fs";
import { sequentialize } from "@grammyjs/runner";
import { GrammyError } from "grammy";
import { migrateToLatest, openDatabase } from "../db/connection.js";
import { hasLeaseTable } from "../db/database-lease.js";
import { startBackgroundThread } from "./background-thread.js";
import { createBot } from "./bot.js";
import { CampaignError, loadCampaign } from "./campaign/load.js";
import { registerCommandMenusInBackground } from "./command-menus.js";
import { ConfigError, loadConfig } from "./config.js";
import type { BotContext } from "./context.js";
import { heldMessage, holdDatabase } from "./database-lease.js";
import { DocumentTemplateError, templatesFor } from "./documents/templates.js";
import { systemClock } from "./domain/time.js";
import { asGrammyFetch } from "./http-fetch.js";
import { createI18n } from "./i18n.js";
import { InFlightUpdates } from "./in-flight.js";
import { createLogger } from "./logger.js";
import { startPolling } from "./polling.js";
import { NO_LIMITS, RateLimiter, realTimer } from "./reminders/rate-limit.js";
import { startReminderScheduler } from "./reminders/scheduler.js";
import { ReminderOutbox } from "./reminders/sender.js";
import { connectToTelegram, TelegramUnreachable } from "./telegram-startup.js";

const ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member"] as const;

/**
 * The longest a Bot API call may take (grammY's default is 500 s): a call Telegram never answers fails (and is
 * retried) instead of holding its chat, and the updates behind it, for minutes. Above the 30 s long poll.
 */
const API_CALL_TIMEOUT_SECONDS = 45;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  if (existsSync(".env")) process.loadEnvFile(".env");
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  const logger = createLogger({ level: config.logLevel, botToken: config.botToken });

  let campaign: ReturnType<typeof loadCampaign>;
  try {
    campaign = loadCampaign(config.campaignFile);
  } catch (error) {
    if (error instanceof CampaignError) fail(error.message);
    throw error;
  }
  // The definition's document templates are read and checked now, not on the first draft asked for.
  try {
    templatesFor(campaign);
  } catch (error) {
    if (error instanceof DocumentTemplateError) fail(error.message);
    throw error;
  }

  const background = startBackgroundThread();
  const db = openDatabase(config.databasePath, {
    backgroundCheckpoints: background.checkpoints,
    onLockWait: (wait) => logger.warn(wait, "database: waited for a write lock held by another program"),
  });
  // One process holds the database: a second one would send the outbox and handle updates again. Taken
  // before the migrations where the database has its lease table, so a second process changes nothing.
  const hold = () =>
    holdDatabase(db, logger, () => {
      logger.fatal("another process took the database over: stopping");
      process.exit(1);
    });
  const heldFirst = (await hasLeaseTable(db)) ? await hold() : undefined;
  const applied = heldFirst && "heldBy" in heldFirst ? [] : await migrateToLatest(db);
  const held = heldFirst ?? (await hold());
  if ("heldBy" in held) {
    await db.destroy();
    fail(heldMessage(config.databasePath, held.heldBy));
  }
  const { lease } = held;
  logger.info({ database: config.databasePath, applied }, "database ready");

  const deps = {
    db,
    campaign,
    clock: systemClock,
    logger,
    i18n: createI18n(),
    officeAdminIds: config.officeAdminIds,
  };
  const inFlight = new InFlightUpdates();
  // Its limiter is the one every outgoing message of the bot waits in: reminders as bulk, replies first.
  const limiter = config.sendLimits ? new RateLimiter() : new RateLimiter(realTimer, NO_LIMITS);
  if (!config.sendLimits) logger.warn("SEND_LIMITS=off: sending without Telegram's limits (load tests only)");
  const outbox = new ReminderOutbox(deps, limiter, { sendSoon: true, holder: lease.holder });
  const bot = createBot(deps, {
    token: config.botToken,
    client: {
      fetch: asGrammyFetch(background.fetch),
      timeoutSeconds: API_CALL_TIMEOUT_SECONDS,
      ...(config.botApiRoot ? { apiRoot: config.botApiRoot } : {}),
    },
    outermost: [
      inFlight.middleware,
      // One update at a time per chat (a conversation must see its updates in order); chats run in parallel.
      sequentialize<BotContext>((ctx) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()),
    ],
    outbox,
  });

  try {
    await connectToTelegram(bot, logger, config.botToken);
  } catch (error) {
    if (error instanceof GrammyError && error.error_code === 401) {
      fail("Telegram rejected BOT_TOKEN (401 Unauthorized). Check the token that @BotFather gave you.");
    }
    if (error instanceof TelegramUnreachable) {
      logger.fatal({ reason: error.message }, "could not reach Telegram");
      fail(error.message);
    }
    throw error;
  }
  // Polling first: the menus (about 200 calls) are set while the bot already answers.
  const runner = startPolling(bot, ALLOWED_UPDATES, { logger });
  const menus = registerCommandMenusInBackground(bot.api, deps);
  const reminders = startReminderScheduler({ ...deps, botUsername: bot.botInfo.username }, bot.api, outbox);
  logger.info({ username: bot.botInfo.username, officeAdmins: config.officeAdminIds.length }, "bot started");

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, inFlight: inFlight.count }, "stopping: finishing the updates in hand");
    if (runner.isRunning()) await runner.stop();
    await menus.stop();
    // The outbox first: a fan-out in a reminder run ends after the send in flight instead of running on.
    await outbox.stop();
    await reminders.stop();
    await inFlight.drain();
    await lease.release();
    await db.destroy();
    await background.stop();
    logger.info("stopped");
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));

  runner.task()?.catch((error: unknown) => {
    logger.fatal({ err: error }, "polling stopped with an error");
    process.exit(1);
  });
}

main().catch((error: unknown) => {
  process.stderr.write(
    `ThiĐua bot could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
