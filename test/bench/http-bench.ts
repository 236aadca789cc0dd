/**
 * The self-assessment through the real process over HTTP: the compiled bot, started with `npm start`'s Node
 * flags and `SEND_LIMITS=off`, polls the project's Bot API emulator, and `--users` people (default 500) answer
 * all at once, each taking their next step as soon as the bot has answered the last (a new message in their
 * chat: the next question, or the one carrying the button they press next). Prints updates/s and p50/p99 from
 * a step to its answer, `--runs` times (default 3), each on a fresh database. The emulator runs in this
 * process, so on a 2-core machine it takes CPU the bot could have used: the figure is a floor.
 *
 * Each run also drives, interleaved, a bare grammY bot making the same Bot API calls (test/bench/bare-http-bot.ts:
 * the floor of grammY, node-fetch and Node's HTTP client on this machine), and with `--base <commit>` the bot of
 * that commit; with `--flags "<node flags>"` this bot started with those flags too (on top of `npm start`'s).
 * `--profile <dir>` writes the bot's CPU profile of each run there (it is stopped with SIGINT).
 *
 * `--mode open-loop --rate R --seconds S` (default 1,400 a second for 20 s, `--users` 2,000): steps arrive at R
 * a second whatever the bot's pace, people in turn, each person's next step once they have the answer to the
 * last; latency counts from the step's arrival (the steps due arrive every 5 ms), and is also shown by 5 s
 * of arrival.
 * Before either, `--warm-up` other people (default 200) take their whole assessments at once, unmeasured.
 *
 *   node --import tsx test/bench/http-bench.ts [--users 500] [--runs 3] [--base <commit>] [--no-bare]
 *     [--profile <dir>] [--mode open-loop [--rate 1400] [--seconds 20]] [--warm-up 200] [--flags "<node flags>"]
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrateToLatest, openDatabase } from "../../db/connection.js";
import { BotApiEmulator, type BotMessage, type FakeUser } from "../e2e/bot-api-emulator.js";
import { BotProcess } from "../e2e/bot-process.js";
import { assessmentSteps, type Step, seedPeopleToAssess } from "./assessment-script.js";
import { baseTree } from "./base-tree.js";
import { flag, number, option } from "./cli.js";
import { ARRIVAL_WINDOW_MS, type ArrivalWindow, byArrival, quantile, range, slashed } from "./measure.js";

const openLoop = option("mode", "closed") === "open-loop";
const users = number("users", openLoop ? 2000 : 500);
const rate = number("rate", 1400);
/** People whose whole assessments run, all at once, before the measurement: a bot that has been running. */
const warmUp = Number(option("warm-up", "200"));
const seconds = number("seconds", 20);
const runs = number("runs", 3);
const profileDir = option("profile", "");
const STEP_TIMEOUT_MS = 120_000;

interface RunFigures {
  /** CPU time per update of the bot's process and of this one (the emulator and the people). */
  botCpuMs: number;
  emulatorCpuMs: number;
  perSecond: number;
  p50: number;
  p99: number;
  updates: number;
  /** The bot's Bot API calls during the run, by method. */
  calls: Record<string, number>;
  /** Open loop only: latency by when the steps arrived. */
  windows?: ArrivalWindow[];
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

/**
 * `person` takes step `index` (types its text, or presses its button on the newest message carrying it);
 * resolves once the bot has answered: with the next question, or the message whose button comes next.
 */
function takeStep(
  emulator: BotApiEmulator,
  replies: Replies,
  person: FakeUser,
  steps: readonly Step[],
  index: number,
): Promise<unknown> {
  const step = steps[index] as Step;
  const following = steps[index + 1];
  const answered = replies.next(person.id, (m) =>
    following?.kind === "press" ? hasButton(m, following.value) : true,
  );
  if (step.kind === "text") emulator.sendText(person, step.value);
  else {
    const question = replies.latestIn(person.id);
    if (!question) throw new Error(`${person.first_name} has nothing to press "${step.value}" on`);
    emulator.pressButton(person, question, step.value);
  }
  return answered;
}

interface Driven {
  latencies: number[];
  windows?: ArrivalWindow[];
}

/** Everyone at once, each taking their next step as soon as they have the answer to the last. */
async function driveAllAtOnce(
  emulator: BotApiEmulator,
  replies: Replies,
  people: readonly FakeUser[],
  steps: readonly Step[],
): Promise<Driven> {
  const latencies: number[] = [];
  await Promise.all(
    people.map(async (person) => {
      for (let index = 0; index < steps.length; index++) {
        const t0 = performance.now();
        await takeStep(emulator, replies, person, steps, index);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { latencies };
}

/**
 * Steps arrive at `rate` a second for `seconds`, whatever the bot's pace: people in turn, a person's step
 * taken once they have the answer to their last (at this rate and 2,000 people, 1.4 s after it arrived).
 * Latency counts from the arrival, so a bot that falls behind shows it.
 */
async function driveOpenLoop(
  emulator: BotApiEmulator,
  replies: Replies,
  people: readonly FakeUser[],
  steps: readonly Step[],
): Promise<Driven> {
  const latencies: number[] = [];
  const series: Array<{ at: number; spent: number }> = [];
  const taken = people.map(() => 0);
  const chains = people.map((): Promise<unknown> => Promise.resolve());
  const forMs = seconds * 1000;
  const started = performance.now();
  let sent = 0;
  let turn = 0;
  while (performance.now() - started < forMs) {
    const due = Math.floor(((performance.now() - started) / 1000) * rate);
    for (; sent < due; sent++) {
      let tries = 0;
      while ((taken[turn % people.length] ?? steps.length) >= steps.length && tries++ < people.length) turn++;
      const index = turn % people.length;
      turn++;
      const step = taken[index] ?? steps.length;
      if (step >= steps.length)
        throw new Error(`every one of ${people.length} people has finished: too few for this run`);
      taken[index] = step + 1;
      const arrived = performance.now();
      chains[index] = (chains[index] as Promise<unknown>)
        .then(() => takeStep(emulator, replies, people[index] as FakeUser, steps, step))
        .then(() => {
          const spent = performance.now() - arrived;
          latencies.push(spent);
          series.push({ at: arrived - started, spent });
        });
    }
    // Wake for the next arrivals rather than spin: the emulator shares this thread.
    await new Promise((resolve) => setTimeout(resolve, ARRIVAL_TICK_MS));
  }
  await Promise.all(chains);
  return { latencies, windows: byArrival(series) };
}

/** How often the open loop lets the steps due meanwhile arrive (at 1,400 a second, 7 at a time). */
const ARRIVAL_TICK_MS = 5;

/** What answers the people: this tree's bot, an older commit's, or the bare grammY baseline. */
interface Contender {
  name: string;
  spawn: (env: Record<string, string>) => BotProcess;
}

async function once(contender: Contender): Promise<RunFigures> {
  const dir = mkdtempSync(join(tmpdir(), "thidua-http-bench-"));
  const path = join(dir, "bench.sqlite");
  const peopleFrom = (firstId: number, count: number): FakeUser[] =>
    Array.from({ length: count }, (_, i) => ({
      id: firstId + i,
      first_name: `Người ${firstId + i}`,
      language_code: "vi",
    }));
  const people = peopleFrom(300_000, users);
  const warmUpPeople = peopleFrom(900_000, warmUp);
  const db = openDatabase(path);
  await migrateToLatest(db);
  await seedPeopleToAssess(
    db,
    [...people, ...warmUpPeople].map((p) => p.id),
    new Date(),
  );
  await db.destroy();

  const emulator = await BotApiEmulator.start();
  const replies = new Replies();
  emulator.onBotMessage = replies.onBotMessage;
  for (const person of [...people, ...warmUpPeople]) emulator.addUser(person);
  const bot = contender.spawn({
    BOT_TOKEN: emulator.token,
    BOT_API_ROOT: emulator.apiRoot,
    DATABASE_PATH: path,
    SEND_LIMITS: "off",
    LOG_LEVEL: "warn",
  });
  try {
    await emulator.waitForPolling(60_000);
    const steps = assessmentSteps();
    await driveAllAtOnce(emulator, replies, warmUpPeople, steps);
    const botCpu0 = cpuMsOf(bot.pid);
    const ownCpu0 = process.cpuUsage();
    const callsBefore = emulator.calls.length;
    const started = performance.now();
    const { latencies, windows } = openLoop
      ? await driveOpenLoop(emulator, replies, people, steps)
      : await driveAllAtOnce(emulator, replies, people, steps);
    const ms = performance.now() - started;
    const byMethod = new Map<string, number>();
    for (const call of emulator.calls.slice(callsBefore))
      byMethod.set(call.method, (byMethod.get(call.method) ?? 0) + 1);
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
      calls: Object.fromEntries(byMethod),
      ...(windows ? { windows } : {}),
    };
  } catch (error) {
    throw new Error(`${contender.name}: ${String(error)}; its last output:\n${bot.output.slice(-3000)}`);
  } finally {
    await bot.kill(profileDir ? "SIGINT" : "SIGKILL");
    await emulator.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const profile = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
const compiledBot =
  (name: string, root?: string, nodeFlags: readonly string[] = []): Contender["spawn"] =>
  (env) =>
    BotProcess.spawn({
      compiled: true,
      env,
      ...(root ? { root } : {}),
      nodeFlags: [...nodeFlags, ...(name === "bot" ? profile : [])],
    });
/** Node flags for one more contender: this bot run with them (a runtime setting, side by side). */
const withFlags = option("flags", "").split(" ").filter(Boolean);
execFileSync("npm", ["run", "build"], { stdio: "ignore" });
const base = flag("base")
  ? { commit: option("base", "main"), ...baseTree(option("base", "main")) }
  : undefined;
const contenders: Contender[] = [
  { name: "bot", spawn: compiledBot("bot") },
  ...(withFlags.length > 0
    ? [{ name: `bot ${withFlags.join(" ")}`, spawn: compiledBot("flags", undefined, withFlags) }]
    : []),
  ...(base ? [{ name: `base ${base.commit.slice(0, 7)}`, spawn: compiledBot("base", base.root) }] : []),
  ...(flag("no-bare")
    ? []
    : [
        {
          name: "bare grammY",
          spawn: (env: Record<string, string>) =>
            BotProcess.spawn({ script: "test/bench/bare-http-bot.ts", env }),
        },
        {
          name: "bare grammY over the bot's transport",
          spawn: (env: Record<string, string>) =>
            BotProcess.spawn({
              script: "test/bench/bare-http-bot.ts",
              env: { ...env, BARE_FETCH: "bot" },
            }),
        },
      ]),
];
const load = openLoop ? `arriving at ${rate}/s for ${seconds} s` : "at once";
const results = new Map<string, RunFigures[]>(contenders.map((c) => [c.name, []]));
try {
  for (let run = 1; run <= runs; run++) {
    // Interleaved, the order alternating, so that a busy neighbour on the machine weighs on each alike.
    for (const contender of run % 2 === 1 ? contenders : [...contenders].reverse()) {
      const figures = await once(contender);
      results.get(contender.name)?.push(figures);
      console.log(
        `run ${run}, ${contender.name}: ${figures.updates} updates from ${users} people ${load} over HTTP: ` +
          `${figures.perSecond.toFixed(0)} updates/s, p50 ${figures.p50.toFixed(1)} ms, p99 ${figures.p99.toFixed(1)} ms; ` +
          `CPU an update: the bot ${figures.botCpuMs.toFixed(2)} ms, the emulator and the people ` +
          `${figures.emulatorCpuMs.toFixed(2)} ms; Bot API calls ${JSON.stringify(figures.calls)}`,
      );
      for (const window of figures.windows ?? []) {
        const spent = [...window.spent].sort((a, b) => a - b);
        console.log(
          `  arrived ${window.fromS}–${window.fromS + ARRIVAL_WINDOW_MS / 1000} s: n=${spent.length}, ` +
            `p50 ${quantile(spent, 0.5).toFixed(1)} ms, p99 ${quantile(spent, 0.99).toFixed(1)} ms`,
        );
      }
    }
  }
} finally {
  base?.remove();
}
for (const [name, figures] of results)
  console.log(
    `${name}, real process over HTTP, ${users} people ${load} (min / median / max of ${runs}): ` +
      `${slashed(figures.map((r) => r.perSecond))} updates/s, p50 ${slashed(
        figures.map((r) => r.p50),
        1,
      )} ms, p99 ${slashed(
        figures.map((r) => r.p99),
        1,
      )} ms, CPU an update ${slashed(
        figures.map((r) => r.botCpuMs),
        2,
      )} ms`,
  );
const figuresOf = (runs: readonly RunFigures[]) => ({
  perSecond: range(runs.map((r) => r.perSecond)),
  p50: range(runs.map((r) => r.p50)),
  p99: range(runs.map((r) => r.p99)),
});
const ours = results.get("bot") ?? [];
const bare = results.get("bare grammY") ?? [];
const bareOwnTransport = results.get("bare grammY over the bot's transport") ?? [];
console.log(
  JSON.stringify({
    bench: openLoop ? "http-open-loop" : "http",
    users,
    ...(openLoop ? { rate, seconds } : {}),
    perSecond: range(ours.map((r) => r.perSecond)),
    p50: range(ours.map((r) => r.p50)),
    p99: range(ours.map((r) => r.p99)),
    ...(bare.length > 0 ? { bare: figuresOf(bare) } : {}),
    ...(bareOwnTransport.length > 0 ? { bareOwnTransport: figuresOf(bareOwnTransport) } : {}),
  }),
);
