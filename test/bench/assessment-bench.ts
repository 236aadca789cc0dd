/**
 * Drives whole self-assessments through the real bot in-process (SQLite file, fake fetch) and prints
 * updates/s and p50/p99 per update, for the first and the last question separately, next to a bare grammY
 * handler answering the same updates in the same run. Options:
 * - `--users N` (default 100): how many people assess themselves;
 * - `--mode sequential` (default): one update at a time;
 * - `--mode concurrent`: every person at once, each person's updates in order (as the runner sequentializes
 *   by chat);
 * - `--mode open-loop --rate R --seconds S`: updates arrive at R a second whatever the bot's pace (each
 *   person's in order), for S seconds; latency counts from arrival, and is also shown by 5 s of arrival. This
 *   is how a deadline day looks.
 * In every mode, 200 other people's whole assessments run first (not measured), so the bot is warm.
 * `SQLITE_SYNCHRONOUS=FULL` (or NORMAL, the bot's setting) picks how often SQLite syncs the disk.
 * The last line is JSON, for the suite (test/bench/suite.ts).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Bot } from "grammy";
import type { Update } from "grammy/types";
import { migrateToLatest, openDatabase, synchronousFrom } from "../../db/connection.js";
import { createBot } from "../../src/bot.js";
import { loadCampaign } from "../../src/campaign/load.js";
import { createI18n } from "../../src/i18n.js";
import { createLogger } from "../../src/logger.js";
import { NO_LIMITS, RateLimiter, realTimer } from "../../src/reminders/rate-limit.js";
import { BOT_INFO, FakeTelegram } from "../helpers/fake-telegram.js";
import { TEST_TOKEN } from "../helpers/harness.js";
import { callbackUpdate, type TestUser, takeMessageId, textUpdate, user } from "../helpers/updates.js";
import { assessmentSteps, seedPeopleToAssess } from "./assessment-script.js";
import { ARRIVAL_WINDOW_MS, type ArrivalWindow, byArrival, quantile } from "./measure.js";

const option = (name: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const users = Number(option("users")) || 100;
const mode = option("mode") ?? "sequential";
const rate = Number(option("rate")) || 1400;
const seconds = Number(option("seconds")) || 20;
const synchronous = synchronousFrom(process.env) ?? "NORMAL";

/** One whole individual assessment, as updates, each tagged with the question it answers. */
function assessmentUpdates(person: TestUser): Array<{ update: Update; label: string }> {
  return assessmentSteps().map(({ kind, value, label }) => ({
    update: kind === "text" ? textUpdate(person, value) : callbackUpdate(person, value),
    label,
  }));
}

const percentile = (sorted: number[], p: number): number => quantile(sorted, p / 100);

function report(name: string, { timings, totalMs, count, cpuMs, windows }: Run) {
  const all = [...timings.values()].flat().sort((a, b) => a - b);
  const line = (label: string, values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return `  ${label.padEnd(15)} n=${String(sorted.length).padStart(5)}  p50 ${percentile(sorted, 50).toFixed(2)} ms  p99 ${percentile(sorted, 99).toFixed(2)} ms`;
  };
  console.log(
    `${name}: ${count} updates in ${(totalMs / 1000).toFixed(2)} s = ${((count / totalMs) * 1000).toFixed(0)} updates/s, ${(cpuMs / count).toFixed(3)} ms CPU per update`,
  );
  console.log(line("all updates", all));
  for (const label of ["start", "first question", "last question"])
    console.log(line(label, timings.get(label) ?? []));
  for (const window of windows ?? []) {
    console.log(line(`arrived ${window.fromS}–${window.fromS + ARRIVAL_WINDOW_MS / 1000} s`, window.spent));
  }
}

type Script = Array<{ update: Update; label: string }>;

interface Run {
  timings: Map<string, number[]>;
  totalMs: number;
  count: number;
  /** Process CPU time (user + system) over the run, ms. */
  cpuMs: number;
  /** Open loop only: latency by when the updates arrived. */
  windows?: ArrivalWindow[];
}

function record(timings: Map<string, number[]>, label: string, spent: number) {
  const list = timings.get(label) ?? [];
  list.push(spent);
  timings.set(label, list);
}

async function driveSequential(
  handle: (update: Update) => Promise<void>,
  scripts: Script[],
): Promise<Omit<Run, "cpuMs">> {
  const timings = new Map<string, number[]>();
  const started = performance.now();
  let count = 0;
  const steps: Array<Script[number] | undefined> = scripts.flat();
  scripts.length = 0;
  for (let i = 0; i < steps.length; i++) {
    const { update, label } = steps[i] as Script[number];
    // Let go of each update once handled, as Telegram's client does: what the bot keeps per update
    // (a WeakMap keyed by it) would otherwise pile up and make the garbage collector's work the figure.
    steps[i] = undefined;
    const t0 = performance.now();
    await handle(update);
    record(timings, label, performance.now() - t0);
    count++;
  }
  return { timings, totalMs: performance.now() - started, count };
}

/** Every person at once; each person's updates one after another. */
async function driveConcurrent(
  handle: (update: Update) => Promise<void>,
  scripts: Script[],
): Promise<Omit<Run, "cpuMs">> {
  const timings = new Map<string, number[]>();
  const started = performance.now();
  let count = 0;
  await Promise.all(
    scripts.map(async (script) => {
      for (let step = script.shift(); step; step = script.shift()) {
        const { update, label } = step;
        const t0 = performance.now();
        await handle(update);
        record(timings, label, performance.now() - t0);
        count++;
      }
    }),
  );
  return { timings, totalMs: performance.now() - started, count };
}

/**
 * Updates arrive at `perSecond` whatever the bot's pace, people in turn, each person's in order; latency is
 * from arrival to done, so a bot that falls behind shows it. Stops arriving after `forMs`.
 */
async function driveOpenLoop(
  handle: (update: Update) => Promise<void>,
  scripts: Script[],
  perSecond: number,
  forMs: number,
): Promise<Omit<Run, "cpuMs">> {
  const timings = new Map<string, number[]>();
  const series: Array<{ at: number; spent: number }> = [];
  const queues = scripts.map((script) => [...script]);
  scripts.length = 0;
  const chains = new Map<number, Promise<void>>();
  const done: Array<Promise<void>> = [];
  const started = performance.now();
  let sent = 0;
  let person = 0;
  while (performance.now() - started < forMs) {
    const due = Math.floor(((performance.now() - started) / 1000) * perSecond);
    while (sent < due) {
      // The next person who still has an update, in turn.
      let tries = 0;
      while ((queues[person % queues.length]?.length ?? 0) === 0 && tries++ < queues.length) person++;
      const index = person % queues.length;
      const next = queues[index]?.shift();
      person++;
      if (!next) break;
      const arrived = performance.now();
      const chain = (chains.get(index) ?? Promise.resolve()).then(async () => {
        await handle(next.update);
        record(timings, next.label, performance.now() - arrived);
        series.push({ at: arrived - started, spent: performance.now() - arrived });
      });
      chains.set(index, chain);
      done.push(chain);
      sent++;
    }
    // Wake for the next arrivals rather than spin: a spinning driver would take the bot's own thread.
    await new Promise((resolve) => setTimeout(resolve, ARRIVAL_TICK_MS));
  }
  await Promise.all(done);
  return { timings, totalMs: performance.now() - started, count: sent, windows: byArrival(series) };
}

/** People whose whole assessments run, all at once, before the measurement. */
const WARM_UP_PEOPLE = 200;

/** How often the open-loop driver lets the updates due meanwhile arrive (at 1,400/s, 7 at a time). */
const ARRIVAL_TICK_MS = 5;

/**
 * `handle` with each message's id given as it is sent, after the question it answers: built ahead, a typed
 * answer would carry an id from before the question and be taken for an answer to an earlier one.
 */
function asSent(handle: (update: Update) => Promise<void>): (update: Update) => Promise<void> {
  return (update) => {
    if (update.message) update.message.message_id = takeMessageId();
    return handle(update);
  };
}

async function drive(handleNow: (update: Update) => Promise<void>, scripts: Script[]): Promise<Run> {
  const handle = asSent(handleNow);
  const cpu = process.cpuUsage();
  const run =
    mode === "concurrent"
      ? await driveConcurrent(handle, scripts)
      : mode === "open-loop"
        ? await driveOpenLoop(handle, scripts, rate, seconds * 1000)
        : await driveSequential(handle, scripts);
  const spent = process.cpuUsage(cpu);
  return { ...run, cpuMs: (spent.user + spent.system) / 1000 };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "thidua-bench-"));
  const db = openDatabase(join(dir, "bench.sqlite"), { backgroundCheckpoints: true, synchronous });
  await migrateToLatest(db);
  const now = new Date("2026-11-28T09:00:00+07:00");
  const people = Array.from({ length: users }, (_, i) => user(100_000 + i, `Người ${i}`));
  // Others assess themselves first, so that what is measured is a bot already running (its code compiled).
  const warmUpPeople = Array.from({ length: WARM_UP_PEOPLE }, (_, i) =>
    user(900_000 + i, `Người khởi động ${i}`),
  );
  await seedPeopleToAssess(
    db,
    [...people, ...warmUpPeople].map((p) => p.id),
    now,
  );

  const deps = {
    db,
    campaign: loadCampaign(),
    clock: () => now,
    logger: createLogger({ level: "silent" }),
    i18n: createI18n(),
    officeAdminIds: [],
  };
  const telegram = new FakeTelegram({ record: false });
  // The bench feeds each person's answers back to back, far faster than a person answers, and many people's
  // answers at once: Telegram's limits (1 a second to a chat, under 30 a second in all) would measure the
  // limiter's waits, not the step. The limiter is measured on its own (test/unit/reminders/rate-limit.test.ts).
  const limiter = new RateLimiter(realTimer, NO_LIMITS);
  const bot = createBot(deps, {
    token: TEST_TOKEN,
    botInfo: BOT_INFO,
    client: { fetch: telegram.fetch },
    limiter,
  });
  await bot.init();

  const bare = new Bot(TEST_TOKEN, {
    botInfo: BOT_INFO,
    client: { fetch: new FakeTelegram({ record: false }).fetch },
  });
  bare.on("message", (ctx) => ctx.reply("ok"));
  bare.on("callback_query", (ctx) => ctx.answerCallbackQuery());
  await bare.init();

  const scripts = people.map(assessmentUpdates);
  // The bare handler gets structurally identical updates (fresh ids, so the bot's duplicate check is not hit).
  const bareScripts = people.map(assessmentUpdates);

  await driveConcurrent(
    asSent((u) => bare.handleUpdate(u)),
    warmUpPeople.map(assessmentUpdates),
  );
  const baseline = await drive((u) => bare.handleUpdate(u), bareScripts);
  await driveConcurrent(
    asSent((u) => bot.handleUpdate(u)),
    warmUpPeople.map(assessmentUpdates),
  );
  const measured = await drive((u) => bot.handleUpdate(u), scripts);

  const submitted = await db
    .selectFrom("assessments")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("status", "=", "submitted")
    .where("subject_id", "<", 900_000)
    .executeTakeFirstOrThrow();
  const warmedUp = await db
    .selectFrom("assessments")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("status", "=", "submitted")
    .where("subject_id", ">=", 900_000)
    .executeTakeFirstOrThrow();
  console.log(
    `ThiĐua bot self-assessment benchmark (${mode}${mode === "open-loop" ? ` ${rate}/s for ${seconds} s` : ""}): ${users} people, synchronous=${synchronous}, Node ${process.version}`,
  );
  report("bare grammY handler", baseline);
  report("ThiĐua bot", measured);
  const whole = mode !== "open-loop";
  if (whole)
    console.log(
      `assessments submitted: ${submitted.n}/${users}, warm-up ${warmedUp.n}/${WARM_UP_PEOPLE} (a full run must submit them all)`,
    );
  console.log(
    "Telegram's own limits for comparison: about 30 messages/s in bulk and 1 message/s per chat; each update here sends one or two messages.",
  );
  const all = (run: Run) => [...run.timings.values()].flat().sort((a, b) => a - b);
  const figures = (run: Run) => ({
    perSecond: (run.count / run.totalMs) * 1000,
    cpuMsPerUpdate: run.cpuMs / run.count,
    p50: percentile(all(run), 50),
    p99: percentile(all(run), 99),
    firstP50: percentile(
      [...(run.timings.get("first question") ?? [])].sort((a, b) => a - b),
      50,
    ),
    lastP50: percentile(
      [...(run.timings.get("last question") ?? [])].sort((a, b) => a - b),
      50,
    ),
  });
  console.log(
    JSON.stringify({
      bench: `assessment-${mode}`,
      synchronous,
      bot: figures(measured),
      bare: figures(baseline),
    }),
  );
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
  if (whole && submitted.n !== users) process.exitCode = 1;
}

await main();
