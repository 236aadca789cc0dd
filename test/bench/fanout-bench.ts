/**
 * `/remind now` to 3,000 unit heads: the real bot process (the compiled JavaScript `npm start` runs) against the
 * project's Bot API emulator with Telegram's flood limits switched on (see test/e2e/flood-control.ts).
 *
 *   node --import tsx test/bench/fanout-bench.ts [--heads 3000] [--probers 5] [--runs 1] [--tsx]
 *
 * Each run seeds a fresh SQLite file (N units, each with a head who has pressed Start; an open round in which
 * every unit still owes everything, so `/remind now` sends one reminder to each head), starts the bot, and lets
 * an Office admin send `/remind now`. Measured: the time from the command until Telegram (the emulator) has
 * accepted all N reminders, the 429s it answered, and the latency of `/help` sent by other people during the
 * fan-out (one every second, from `--probers` people in turn: from the update reaching Telegram to the reply
 * arriving there), next to the same probes on the idle bot just before. `--tsx` runs the sources through tsx.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type DB, migrateToLatest, openDatabase } from "../../db/connection.js";
import { openRound } from "../../db/rounds.js";
import { addUnit } from "../../db/units.js";
import { loadCampaign } from "../../src/campaign/load.js";
import { BotApiEmulator, type FakeUser, type RecordedCall } from "../e2e/bot-api-emulator.js";
import { BotProcess } from "../e2e/bot-process.js";
import { quantile, range } from "./measure.js";

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at < 0 ? fallback : Number(process.argv[at + 1]) || fallback;
}
const heads = option("heads", 3000);
const probers = option("probers", 5);
const runs = option("runs", 1);
const compiled = !process.argv.includes("--tsx");

const DAY_MS = 86_400_000;
const CHUNK = 500;
/** Probes on the idle bot before the fan-out, for comparison. */
const IDLE_PROBES = 10;
const PROBE_EVERY_MS = 1000;

const admin: FakeUser = { id: 900_001, first_name: "Văn phòng", language_code: "vi" };
const headUsers: FakeUser[] = Array.from({ length: heads }, (_, i) => ({
  id: 1_000_000 + i,
  first_name: `Trưởng ${i + 1}`,
  language_code: "vi",
}));
const proberUsers: FakeUser[] = Array.from({ length: probers }, (_, i) => ({
  id: 800_001 + i,
  first_name: `Người hỏi ${i + 1}`,
  language_code: "vi",
}));

/** N units, each with a head; an open round of the current year whose deadline is 60 days away (no slot falls due). */
async function seed(path: string): Promise<void> {
  const db: DB = openDatabase(path);
  try {
    await migrateToLatest(db);
    const now = new Date();
    const at = now.toISOString();
    const year = Number(
      new Intl.DateTimeFormat("en", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric" }).format(now),
    );
    await db.transaction().execute(async (trx) => {
      const people = [];
      for (const [i, head] of headUsers.entries()) {
        const code = `DV${String(i + 1).padStart(4, "0")}`;
        const unit = await addUnit(trx, { code, name: `Phòng nghiệp vụ ${i + 1}` }, now);
        if (!unit) throw new Error(`unit ${code} exists already`);
        people.push({
          telegram_id: head.id,
          full_name: `Trần Văn Trưởng ${String(i + 1).padStart(4, "0")}`,
          position: "Trưởng phòng",
          unit_id: unit.id,
          role: "unit_head" as const,
          consented_at: at,
          created_at: at,
          updated_at: at,
        });
      }
      for (let i = 0; i < people.length; i += CHUNK) {
        await trx
          .insertInto("users")
          .values(people.slice(i, i + CHUNK))
          .execute();
      }
      const deadline = new Date(now.getTime() + 60 * DAY_MS);
      await openRound(trx, { year, campaignId: loadCampaign().id, deadline, openedBy: admin.id }, now);
    });
  } finally {
    await db.destroy();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const isOk = (call: RecordedCall) => (call.response as { ok?: boolean } | undefined)?.ok === true;

/** Resolves once `method` has not been called for `quietMs` (e.g. the command menus set in the background). */
async function quietFor(emulator: BotApiEmulator, method: string, quietMs: number): Promise<void> {
  for (;;) {
    const last = emulator.calls.findLast((call) => call.method === method)?.at ?? 0;
    if (Date.now() - last >= quietMs) return;
    await sleep(100);
  }
}

/** `/help` from `user`: milliseconds from the update reaching the emulator to the bot's reply arriving there. */
async function probe(emulator: BotApiEmulator, user: FakeUser): Promise<number> {
  const since = emulator.mark();
  const t0 = performance.now();
  emulator.sendText(user, "/help");
  await emulator.waitForMessage(user.id, () => true, { since, timeoutMs: 60_000 });
  return performance.now() - t0;
}

/** The most accepted messages in any window [t, t + windowMs], edges included. */
function busiest(times: readonly number[], windowMs: number): number {
  let most = 0;
  let from = 0;
  for (let to = 0; to < times.length; to++) {
    while ((times[from] ?? 0) < (times[to] ?? 0) - windowMs) from++;
    most = Math.max(most, to - from + 1);
  }
  return most;
}

const quantileOf = (values: readonly number[], q: number): number =>
  quantile(
    [...values].sort((a, b) => a - b),
    q,
  );

interface RunFigures {
  /** From the command reaching Telegram to Telegram accepting the last of the N reminders. */
  fanoutMs: number;
  /** From the command to the first reminder (planning the N reminders). */
  firstReminderMs: number;
  delivered: number;
  tooManyRequests: number;
  /** The most messages Telegram accepted in any second during the fan-out. */
  busiestSecond: number;
  /** The admin's acknowledgement ("sending N reminders"). */
  ackMs: number;
  idle: number[];
  during: number[];
}

async function once(): Promise<RunFigures> {
  const dir = mkdtempSync(join(tmpdir(), "thidua-fanout-"));
  const databasePath = join(dir, "thidua.sqlite");
  const emulator = await BotApiEmulator.start({ floodControl: true });
  let bot: BotProcess | undefined;
  try {
    await seed(databasePath);
    for (const user of [admin, ...headUsers, ...proberUsers]) emulator.addUser(user);
    bot = BotProcess.spawn({
      compiled,
      env: {
        BOT_TOKEN: emulator.token,
        BOT_API_ROOT: emulator.apiRoot,
        DATABASE_PATH: databasePath,
        OFFICE_ADMIN_IDS: String(admin.id),
        LOG_LEVEL: "warn",
      },
    });
    const started = bot;
    await emulator.waitForPolling(30_000).catch((error: unknown) => {
      throw new Error(`the bot did not poll: ${String(error)}\n${started.output}`);
    });
    // The menus (one per head) are set in the background at start-up: let that finish first.
    await quietFor(emulator, "setMyCommands", 1500);

    const idle: number[] = [];
    for (let i = 0; i < IDLE_PROBES; i++) {
      idle.push(await probe(emulator, proberUsers[i % probers] as FakeUser));
      await sleep(PROBE_EVERY_MS / 2);
    }

    const headIds = new Set(headUsers.map((head) => head.id));
    const since = emulator.mark();
    const commandAt = Date.now();
    const ackStart = performance.now();
    emulator.sendText(admin, "/remind now");
    const ack = emulator
      .waitForMessage(admin.id, (m) => /Đang gửi/.test(m.plain_text ?? ""), { since, timeoutMs: 120_000 })
      .then(() => performance.now() - ackStart);

    // Probes during the fan-out: one a second, people in turn, each awaited on its own.
    const during: Array<Promise<number>> = [];
    let fannedOut = false;
    const prober = (async () => {
      for (let i = 0; !fannedOut; i++) {
        during.push(probe(emulator, proberUsers[i % probers] as FakeUser));
        await sleep(PROBE_EVERY_MS);
      }
    })();

    const reminders: RecordedCall[] = [];
    let cursor = since;
    const deadline = Date.now() + Math.max(120_000, heads * 200);
    while (reminders.length < heads && Date.now() < deadline) {
      await sleep(50);
      const calls = emulator.calls;
      for (; cursor < calls.length; cursor++) {
        const call = calls[cursor] as RecordedCall;
        if (call.method === "sendMessage" && isOk(call) && headIds.has(Number(call.payload.chat_id))) {
          reminders.push(call);
        }
      }
    }
    fannedOut = true;
    await prober;
    const last = reminders.at(-1)?.at ?? Number.NaN;
    const accepted = emulator.calls
      .slice(since)
      .filter((call) => isOk(call) && /^send/.test(call.method) && call.method !== "sendChatAction")
      .map((call) => call.at);
    return {
      fanoutMs: reminders.length === heads ? last - commandAt : Number.NaN,
      firstReminderMs: (reminders[0]?.at ?? Number.NaN) - commandAt,
      delivered: reminders.length,
      tooManyRequests: emulator.tooManyRequests,
      busiestSecond: busiest(accepted, 1000),
      ackMs: await ack,
      idle,
      during: await Promise.all(during),
    };
  } finally {
    await bot?.kill("SIGKILL");
    await emulator.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (compiled) execFileSync("npm", ["run", "build"], { stdio: "ignore" });

const figures: RunFigures[] = [];
for (let run = 1; run <= runs; run++) {
  const f = await once();
  figures.push(f);
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  console.log(
    `run ${run}: ${f.delivered}/${heads} reminders in ${(f.fanoutMs / 1000).toFixed(1)} s (first after ${ms(f.firstReminderMs)}; ` +
      `target ≤ ${((heads / 30) * 1.1).toFixed(0)} s), ${f.tooManyRequests} × 429, busiest second ${f.busiestSecond} messages; ` +
      `/help during it p50 ${ms(quantileOf(f.during, 0.5))}, p95 ${ms(quantileOf(f.during, 0.95))}, max ${ms(Math.max(...f.during))} ` +
      `(${f.during.length} probes; idle p50 ${ms(quantileOf(f.idle, 0.5))}); the admin's acknowledgement ${ms(f.ackMs)}`,
  );
}

const spread = range;
const fanout = spread(figures.map((f) => f.fanoutMs));
const refused = spread(figures.map((f) => f.tooManyRequests));
const p50 = spread(figures.map((f) => quantileOf(f.during, 0.5)));
const p95 = spread(figures.map((f) => quantileOf(f.during, 0.95)));
const max = spread(figures.map((f) => Math.max(...f.during)));
const idleP50 = spread(figures.map((f) => quantileOf(f.idle, 0.5)));
const s = (value: number) => (value / 1000).toFixed(1);
console.log(
  `fan-out to ${heads} (${compiled ? "compiled" : "tsx"}, ${runs} run${runs === 1 ? "" : "s"}, min / median / max): ` +
    `${s(fanout.min)} / ${s(fanout.median)} / ${s(fanout.max)} s; 429s ${refused.min} / ${refused.median} / ${refused.max}; ` +
    `/help during it p50 ${p50.min.toFixed(0)} / ${p50.median.toFixed(0)} / ${p50.max.toFixed(0)} ms, ` +
    `p95 ${p95.min.toFixed(0)} / ${p95.median.toFixed(0)} / ${p95.max.toFixed(0)} ms, ` +
    `max ${max.min.toFixed(0)} / ${max.median.toFixed(0)} / ${max.max.toFixed(0)} ms; idle p50 ${idleP50.median.toFixed(0)} ms`,
);
console.log(
  JSON.stringify({
    bench: "fanout",
    heads,
    runs,
    fanoutMs: fanout,
    tooManyRequests: refused,
    replyDuring: { p50, p95, max },
    replyIdleP50: idleP50.median,
  }),
);
