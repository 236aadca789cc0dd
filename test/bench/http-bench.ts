/**
 * The self-assessment through the real process over HTTP: the compiled bot, started with `npm start`'s Node
 * flags and `SEND_LIMITS=off`, polls the project's Bot API emulator, and `--users` people (default 500) answer
 * all at once, each taking their next step as soon as the bot has answered the last (a new message in their
 * chat: the next question, or the one carrying the button they press next). Prints updates/s and p50/p99 from
 * a step to its answer, `--runs` times (default 3), each on a fresh database. The emulator runs in this
 * process, so on a 2-core machine it takes CPU the bot could have used: the figure is a floor.
 *
 *   node --import tsx test/bench/http-bench.ts [--users 500] [--runs 3]
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrateToLatest, openDatabase } from "../../db/connection.js";
import { BotApiEmulator, type BotMessage, type FakeUser } from "../e2e/bot-api-emulator.js";
import { BotProcess } from "../e2e/bot-process.js";
import { assessmentSteps, seedPeopleToAssess } from "./assessment-script.js";
import { number } from "./cli.js";
import { quantile, range, slashed } from "./measure.js";

const users = number("users", 500);
const runs = number("runs", 3);
const STEP_TIMEOUT_MS = 120_000;

interface RunFigures {
  /** CPU time per update of the bot's process and of this one (the emulator and the people). */
  botCpuMs: number;
  emulatorCpuMs: number;
  perSecond: number;
  p50: number;
  p99: number;
  updates: number;
}

/** Each chat's newest message the bot sent (edits aside), and who waits for the next one. */
class Replies {
  private readonly latest = new Map<number, BotMessage>();
  private readonly waiting = new Map<number, { accept: (m: BotMessage) => boolean; done: () => void }>();

  readonly onBotMessage = (message: BotMessage): void => {
    if (message.edited) return;
    this.latest.set(message.chat_id, message);
    const waiter = this.waiting.get(message.chat_id);
    if (waiter?.accept(message)) {
      this.waiting.delete(message.chat_id);
      waiter.done();
    }
  };

  latestIn(chatId: number): BotMessage | undefined {
    return this.latest.get(chatId);
  }

  /** Resolves with the first message sent to `chatId` from now on that `accept` takes. */
  next(chatId: number, accept: (m: BotMessage) => boolean): Promise<BotMessage> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no answer in chat ${chatId} within ${STEP_TIMEOUT_MS} ms`)),
        STEP_TIMEOUT_MS,
      );
      this.waiting.set(chatId, {
        accept,
        done: () => {
          clearTimeout(timer);
          resolve(this.latest.get(chatId) as BotMessage);
        },
      });
    });
  }
}

/** User + system CPU time of a process so far, from /proc (Linux), in ms. */
function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / CLOCK_TICKS;
}

/** Linux's USER_HZ: /proc counts CPU time in hundredths of a second. */
const CLOCK_TICKS = 100;

const hasButton = (message: BotMessage, data: string) =>
  (message.reply_markup?.inline_keyboard ?? []).flat().some((button) => button.callback_data === data);

async function once(): Promise<RunFigures> {
  const dir = mkdtempSync(join(tmpdir(), "thidua-http-bench-"));
  const path = join(dir, "bench.sqlite");
  const people: FakeUser[] = Array.from({ length: users }, (_, i) => ({
    id: 300_000 + i,
    first_name: `Người ${i}`,
    language_code: "vi",
  }));
  const db = openDatabase(path);
  await migrateToLatest(db);
  await seedPeopleToAssess(
    db,
    people.map((p) => p.id),
    new Date(),
  );
  await db.destroy();

  const emulator = await BotApiEmulator.start();
  const replies = new Replies();
  emulator.onBotMessage = replies.onBotMessage;
  for (const person of people) emulator.addUser(person);
  const bot = BotProcess.spawn({
    compiled: true,
    env: {
      BOT_TOKEN: emulator.token,
      BOT_API_ROOT: emulator.apiRoot,
      DATABASE_PATH: path,
      SEND_LIMITS: "off",
      LOG_LEVEL: "warn",
    },
  });
  try {
    await emulator.waitForPolling(60_000);
    const steps = assessmentSteps();
    const latencies: number[] = [];
    const botCpu0 = cpuMsOf(bot.pid);
    const ownCpu0 = process.cpuUsage();
    const started = performance.now();
    await Promise.all(
      people.map(async (person) => {
        for (const [index, step] of steps.entries()) {
          const following = steps[index + 1];
          const answered = replies.next(person.id, (m) =>
            following?.kind === "press" ? hasButton(m, following.value) : true,
          );
          const t0 = performance.now();
          if (step.kind === "text") emulator.sendText(person, step.value);
          else {
            const question = replies.latestIn(person.id);
            if (!question) throw new Error(`${person.first_name} has nothing to press "${step.value}" on`);
            emulator.pressButton(person, question, step.value);
          }
          await answered;
          latencies.push(performance.now() - t0);
        }
      }),
    );
    const ms = performance.now() - started;
    const own = process.cpuUsage(ownCpu0);
    const count = latencies.length;
    latencies.sort((a, b) => a - b);

    return {
      botCpuMs: (cpuMsOf(bot.pid) - botCpu0) / count,
      emulatorCpuMs: (own.user + own.system) / 1000 / count,
      perSecond: (count / ms) * 1000,
      p50: quantile(latencies, 0.5),
      p99: quantile(latencies, 0.99),
      updates: count,
    };
  } finally {
    await bot.kill("SIGKILL");
    await emulator.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

execFileSync("npm", ["run", "build"], { stdio: "ignore" });
const results: RunFigures[] = [];
for (let run = 1; run <= runs; run++) {
  const figures = await once();
  results.push(figures);
  console.log(
    `run ${run}: ${figures.updates} updates from ${users} people at once over HTTP: ${figures.perSecond.toFixed(0)} updates/s, ` +
      `p50 ${figures.p50.toFixed(1)} ms, p99 ${figures.p99.toFixed(1)} ms; CPU an update: the bot ` +
      `${figures.botCpuMs.toFixed(2)} ms, the emulator and the people ${figures.emulatorCpuMs.toFixed(2)} ms`,
  );
}
const perSecond = range(results.map((r) => r.perSecond));
const p99 = range(results.map((r) => r.p99));
console.log(
  `real process over HTTP, ${users} people at once (min / median / max of ${runs}): ` +
    `${slashed(results.map((r) => r.perSecond))} updates/s, p99 ${slashed(
      results.map((r) => r.p99),
      1,
    )} ms`,
);
console.log(JSON.stringify({ bench: "http", users, perSecond, p99 }));
