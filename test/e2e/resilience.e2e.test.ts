import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import SQLite from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BUSY_TIMEOUT_MS } from "../../db/busy.js";
import { BotApiError, type BotMessage, type FakeUser } from "./bot-api-emulator.js";
import { BotProcess } from "./bot-process.js";
import { button, E2eWorld } from "./e2e-helpers.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

const writer: FakeUser = { id: 7401, first_name: "Ghi", language_code: "vi" };
const reader: FakeUser = { id: 7402, first_name: "Đọc", language_code: "vi" };
const later: FakeUser = { id: 7403, first_name: "Sau", language_code: "vi" };

let world: E2eWorld;
const databasePath = () => join(world.dir, "thidua.sqlite");

beforeEach(async () => {
  world = await E2eWorld.start({ officeAdminIds: [] });
});

afterEach(() => world.stop());

/** The bot process started as startBot does, but not waited for: for a start that should fail. */
function spawnBot(apiRoot: string): BotProcess {
  const bot = BotProcess.spawn({
    env: {
      BOT_TOKEN: world.emulator.token,
      BOT_API_ROOT: apiRoot,
      DATABASE_PATH: databasePath(),
      OFFICE_ADMIN_IDS: "",
    },
  });
  world.bots.push(bot);
  return bot;
}

/** An address where nothing listens: a port just let go. */
async function closedPort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

const warnings = (bot: BotProcess, msg: string) =>
  bot.logs().filter((line) => line.level === 40 && line.msg === msg);

/** /lang, then English: a write (the preference) before the reply. */
async function switchToEnglish(user: FakeUser): Promise<BotMessage> {
  const choice = await world.say(user, "/lang", button("lang:en"));
  return world.press(user, choice, "lang:en", /Switched to English/);
}

function languageIn(path: string, user: FakeUser): string | undefined {
  const db = new SQLite(path, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare("select language from preferences where telegram_id = ?").get(user.id) as
      | { language: string }
      | undefined;
    return row?.language;
  } finally {
    db.close();
  }
}

describe("start-up fails loudly when Telegram cannot be reached", () => {
  it("exits non-zero with the reason, never the token, when getMe answers 502", async () => {
    world.emulator.onMethod("getMe", () => {
      throw new BotApiError(502, "Bad Gateway");
    });
    const bot = spawnBot(world.emulator.apiRoot);
    const exit = await bot.exited;

    expect(exit.code).toBe(1);
    expect(bot.errorOutput).toMatch(/Telegram could not be reached .*502: Bad Gateway/);
    expect(bot.output).not.toContain(world.emulator.token);
    expect(bot.output).not.toContain(world.emulator.token.split(":")[1]);
    const retries = warnings(bot, "Telegram call failed; retrying");
    expect(retries.length).toBeGreaterThanOrEqual(1);
    expect(retries[0]).toMatchObject({
      method: "getMe",
      attempt: 1,
      waitSeconds: 0.5,
      reason: "502: Bad Gateway",
    });
    expect(bot.logs().some((line) => line.msg === "bot started")).toBe(false);
  });

  it("exits non-zero naming the refused connection when nothing listens at BOT_API_ROOT", async () => {
    const bot = spawnBot(await closedPort());
    const exit = await bot.exited;

    expect(exit.code).toBe(1);
    expect(bot.errorOutput).toMatch(/Telegram could not be reached .*ECONNREFUSED/);
    expect(bot.output).not.toContain(world.emulator.token.split(":")[1]);
  });
});

describe("while it works", () => {
  it("logs a failed call it retries, at warn, with the method and the wait, and the reply still arrives", async () => {
    const bot = await world.startBot();
    let refused = 0;
    world.emulator.onMethod("sendMessage", () => {
      refused++;
      world.emulator.onMethod("sendMessage", undefined);
      throw new BotApiError(502, "Bad Gateway");
    });
    const reply = await world.say(reader, "/help", /\S/);

    expect(refused).toBe(1);
    expect(reply.plain_text).not.toBe("");
    expect(warnings(bot, "Telegram call failed; retrying")).toEqual([
      expect.objectContaining({
        method: "sendMessage",
        attempt: 1,
        waitSeconds: 1,
        reason: "502: Bad Gateway",
      }),
    ]);
  });

  it("logs a failed getUpdates at once, at warn, and polls on", async () => {
    const bot = await world.startBot();
    let refused = 0;
    world.emulator.onMethod("getUpdates", () => {
      refused++;
      world.emulator.onMethod("getUpdates", undefined);
      throw new BotApiError(502, "Bad Gateway");
    });
    // The long poll in flight ends with this update; the next one is refused, once.
    await world.say(reader, "/help", /\S/);
    await bot.waitForLog("could not fetch updates; retrying");
    const reply = await world.say(reader, "/help", /\S/);

    expect(refused).toBe(1);
    expect(reply.plain_text).not.toBe("");
    expect(warnings(bot, "could not fetch updates; retrying")).toEqual([
      expect.objectContaining({
        method: "getUpdates",
        retryInMs: 100,
        reason: expect.stringContaining("502"),
      }),
    ]);
  });

  it("answers another chat during another program's write lock, and the waiting write goes through after it", async () => {
    const bot = await world.startBot();
    const choice = await world.say(writer, "/lang", button("lang:en"));
    await world.say(reader, "/help", /\S/);
    // Both done, not only answered: an update's last write (its mark as handled) comes after its reply, and one
    // caught by the lock would hold its chat's next update behind it.
    await expect
      .poll(() => bot.logs().filter((line) => line.msg === "update handled").length, { timeout: 10_000 })
      .toBe(2);

    const other = new SQLite(databasePath());
    other.exec("begin immediate");
    const since = world.emulator.mark();
    world.emulator.pressButton(writer, choice, "lang:en");
    const help = await world.say(reader, "/help", /\S/);
    // Held on past SQLite's own short wait (busy_timeout), which the /help reply, sent from the bot's background
    // thread, can outrun: the write must be one that waits the bot's patient way.
    await new Promise((resolve) => setTimeout(resolve, 10 * BUSY_TIMEOUT_MS));
    // The lock is still held: the writer's reply, which comes after its write, has not come.
    const writerBeforeRelease = world.emulator.messagesIn(writer.id).filter((m) => m.message_id > 0);
    const switchedBeforeRelease = writerBeforeRelease.some((m) =>
      /Switched to English/.test(m.plain_text ?? ""),
    );
    other.exec("commit");
    other.close();
    const switched = await world.emulator.waitForMessage(
      writer.id,
      (m) => /Switched to English/.test(m.plain_text ?? ""),
      {
        since,
      },
    );

    expect(help.plain_text).not.toBe("");
    expect(switchedBeforeRelease).toBe(false);
    expect(switched.plain_text).toBe("Switched to English.");
    expect(languageIn(databasePath(), writer)).toBe("en");
    const logs = bot.logs();
    expect(logs.filter((line) => line.msg === "update failed")).toEqual([]);
    expect(
      logs.some((line) => line.msg === "database: waited for a write lock held by another program"),
    ).toBe(true);
    expect(
      world.emulator.messagesIn(writer.id).some((m) => /Xin lỗi|apologise/.test(m.plain_text ?? "")),
    ).toBe(false);
  });

  it("keeps answering and writing while `npm run backup` is under way, and the backup holds what was written", async () => {
    await world.startBot();
    await switchToEnglish(writer);
    const destination = join(world.dir, "backup.sqlite");
    const backup = startBackup(destination);
    await backup.copied();
    // Frozen half way: even a backup that stops in the middle holds nothing the bot waits for.
    backup.process.kill("SIGSTOP");
    const events: string[] = [];
    await switchToEnglish(later);
    events.push("later switched");
    await world.say(reader, "/help", /\S/);
    events.push("help answered");
    backup.process.kill("SIGCONT");
    const code = await backup.exited;
    events.push(`backup exited ${code}`);

    expect(events).toEqual(["later switched", "help answered", "backup exited 0"]);
    expect(backup.output()).toMatch(/written to .*backup\.sqlite: \d+ pages, integrity ok/);
    expect(languageIn(destination, writer)).toBe("en");
    // Written while the backup was under way: the copy began again after it, and holds it.
    expect(languageIn(destination, later)).toBe("en");
  });
});

/** `npm run backup <destination>`, slowed to a page a step so that the test sees it under way. */
function startBackup(destination: string) {
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    ["--import", "tsx", "src/backup.ts", destination, "--pages-per-step", "1", "--pause-ms", "100"],
    { cwd: ROOT, env: { PATH: process.env.PATH ?? "", DATABASE_PATH: databasePath() }, stdio: "pipe" },
  );
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    out += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    process: child,
    exited,
    output: () => out,
    /** Resolves once some pages are copied and more remain: the backup is under way. */
    copied: () =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          const match = /copied (\d+) of (\d+) pages/g;
          for (const [, done, total] of out.matchAll(match)) {
            if (Number(done) > 0 && Number(done) < Number(total)) {
              child.stdout.off("data", check);
              resolve();
              return;
            }
          }
        };
        child.stdout.on("data", check);
        child.once("exit", () => reject(new Error(`the backup ended before it was seen under way:\n${out}`)));
      }),
  };
}
