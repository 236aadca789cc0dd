/**
 * /status and /pending over a seeded database (200 units × 50,000 people × 3 rounds by default), through the
 * real bot (createBot with a fake fetch), each version in a fresh child process: a warm-up, then `--runs`
 * timed updates of each command, p50/p95/max and the process RSS after. This tree and a base commit (the
 * merge-base with main unless `--base <commit>`) run interleaved `--repeats` times on the same data; the base
 * runs from a temporary git worktree on a copy of the database without this branch's newer migrations, and
 * the first page of each reply is compared between the two.
 *
 *   node --import tsx test/bench/status-bench.ts [--people 50000] [--units 200] [--rounds 3]
 *     [--db data/bench.sqlite] [--reseed] [--runs 30] [--repeats 3] [--base <commit> | --no-base]
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { flag, number, option } from "./cli.js";
import { range, slashed } from "./measure.js";
import { baseDatabase, seedFile } from "./seed.js";

const here = resolve(fileURLToPath(new URL("../..", import.meta.url)));

/** What a child prints, as one JSON line. */
interface ChildResult {
  status: Timing;
  pending: Timing;
  idleRssMb: number;
  rssAfterStatusMb: number;
  rssAfterPendingMb: number;
  /** After /pending and a full garbage collection: what stays. */
  rssAfterGcMb: number;
  heapUsedAfterGcMb: number;
  statusText: string;
  pendingText: string;
}
interface Timing {
  p50: number;
  p95: number;
  max: number;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const mb = () => Math.round(process.memoryUsage().rss / 1024 / 1024);

function afterGc(): { rssAfterGcMb: number; heapUsedAfterGcMb: number } {
  globalThis.gc?.();
  const usage = process.memoryUsage();
  return { rssAfterGcMb: mb(), heapUsedAfterGcMb: Math.round(usage.heapUsed / 1024 / 1024) };
}

/** In the child: the bot of the tree at `root` over the database at `path`. */
async function child(root: string, path: string, officeId: number, runs: number): Promise<void> {
  const { createBot }: typeof import("../../src/bot.js") = await import(join(root, "src/bot.ts"));
  const { loadCampaign }: typeof import("../../src/campaign/load.js") = await import(
    join(root, "src/campaign/load.ts")
  );
  const { createI18n }: typeof import("../../src/i18n.js") = await import(join(root, "src/i18n.ts"));
  const { createLogger }: typeof import("../../src/logger.js") = await import(join(root, "src/logger.ts"));
  const { RateLimiter, realTimer }: typeof import("../../src/reminders/rate-limit.js") = await import(
    join(root, "src/reminders/rate-limit.ts")
  );
  const { openDatabase }: typeof import("../../db/connection.js") = await import(
    join(root, "db/connection.ts")
  );
  const { BOT_INFO, FakeTelegram }: typeof import("../helpers/fake-telegram.js") = await import(
    join(root, "test/helpers/fake-telegram.ts")
  );
  const { TEST_TOKEN }: typeof import("../helpers/harness.js") = await import(
    join(root, "test/helpers/harness.ts")
  );
  const { textUpdate, user }: typeof import("../helpers/updates.js") = await import(
    join(root, "test/helpers/updates.ts")
  );

  const db = openDatabase(path);
  // Every child numbers its updates from 1: those of an earlier run must not be taken for duplicates.
  await db.deleteFrom("processed_updates").execute();
  const now = new Date("2026-12-22T09:00:00+07:00");
  const telegram = new FakeTelegram();
  const unlimited = { count: Number.POSITIVE_INFINITY, windowMs: 1000 };
  const limiter = new RateLimiter(realTimer, {
    overall: unlimited,
    bulk: unlimited,
    privateChat: unlimited,
    replyBurst: unlimited,
    group: unlimited,
  });
  const bot = createBot(
    {
      db,
      campaign: loadCampaign(),
      clock: () => now,
      logger: createLogger({ level: "silent" }),
      i18n: createI18n(),
      officeAdminIds: [],
    },
    { token: TEST_TOKEN, botInfo: BOT_INFO, client: { fetch: telegram.fetch }, limiter },
  );
  await bot.init();
  const office = user(officeId, "Văn phòng");
  const idleRssMb = mb();

  async function measure(command: string): Promise<{ timing: Timing; text: string }> {
    const send = async () => {
      telegram.clear();
      const started = performance.now();
      await bot.handleUpdate(textUpdate(office, command));
      return performance.now() - started;
    };
    for (let i = 0; i < 3; i++) await send();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push(await send());
    const text = String(telegram.calls.find((call) => call.method === "sendMessage")?.payload.text ?? "");
    times.sort((a, b) => a - b);
    return {
      timing: { p50: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1) ?? Number.NaN },
      text,
    };
  }
  const status = await measure("/status");
  const rssAfterStatusMb = mb();
  const pending = await measure("/pending");
  const result: ChildResult = {
    status: status.timing,
    pending: pending.timing,
    idleRssMb,
    rssAfterStatusMb,
    rssAfterPendingMb: mb(),
    ...afterGc(),
    statusText: status.text,
    pendingText: pending.text,
  };
  await db.destroy();
  console.log(JSON.stringify(result));
}

function runChild(root: string, path: string, officeId: number, runs: number): ChildResult {
  const out = spawnSync(
    process.execPath,
    [
      "--expose-gc",
      "--import",
      "tsx",
      fileURLToPath(import.meta.url),
      "--child",
      root,
      "--db",
      path,
      "--office",
      String(officeId),
      "--runs",
      String(runs),
    ],
    { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  const line = out.stdout.trim().split("\n").at(-1) ?? "";
  if (out.status !== 0 || !line.startsWith("{"))
    throw new Error(`child at ${root} failed (${out.status}): ${out.stderr}`);
  return JSON.parse(line) as ChildResult;
}

const spread = (values: number[]) => slashed(values, 1);

async function main(): Promise<void> {
  const people = number("people", 50_000);
  const units = number("units", 200);
  const rounds = number("rounds", 3);
  const runs = number("runs", 30);
  const repeats = number("repeats", 3);
  const path = resolve(option("db", "data/bench.sqlite"));
  if (flag("reseed") || !existsSync(path)) {
    const started = performance.now();
    const { db } = await seedFile(path, { people, units, rounds });
    await db.destroy();
    console.log(`seeded ${path} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  // The seed's Office member; a reused database must have been seeded by test/bench/seed.ts.
  const officeId = 10_000_000;

  const versions: Array<{ name: string; root: string; db: string }> = [
    { name: "this tree", root: here, db: path },
  ];
  let cleanup = () => {};
  if (!flag("no-base")) {
    const commit = option(
      "base",
      execFileSync("git", ["-C", here, "merge-base", "HEAD", "main"]).toString().trim(),
    );
    const baseRoot = mkdtempSync(join(tmpdir(), "status-base-"));
    rmSync(baseRoot, { recursive: true });
    execFileSync("git", ["-C", here, "worktree", "add", "--detach", baseRoot, commit], { stdio: "ignore" });
    symlinkSync(join(here, "node_modules"), join(baseRoot, "node_modules"));
    cleanup = () => execFileSync("git", ["-C", here, "worktree", "remove", "--force", baseRoot]);
    versions.push({
      name: `base ${commit.slice(0, 7)}`,
      root: baseRoot,
      db: await baseDatabase(path, baseRoot),
    });
  }
  console.log(
    `/status and /pending benchmark: ${path}, ${runs} timed runs each after 3 warm-up runs, ${repeats} interleaved repeats, Node ${process.version}`,
  );
  const results = new Map<string, ChildResult[]>(versions.map((v) => [v.name, []]));
  try {
    for (let repeat = 1; repeat <= repeats; repeat++)
      for (const version of versions) {
        const result = runChild(version.root, version.db, officeId, runs);
        results.get(version.name)?.push(result);
        const t = (x: Timing) => `p50 ${x.p50.toFixed(1)} p95 ${x.p95.toFixed(1)} max ${x.max.toFixed(1)} ms`;
        console.log(
          `  #${repeat} ${version.name.padEnd(12)} /status ${t(result.status)} · /pending ${t(result.pending)} · RSS idle ${result.idleRssMb} MB, after /status ${result.rssAfterStatusMb} MB, after /pending ${result.rssAfterPendingMb} MB, after a GC ${result.rssAfterGcMb} MB (heap ${result.heapUsedAfterGcMb} MB)`,
        );
      }
  } finally {
    cleanup();
  }
  console.log("min / median / max over the repeats:");
  for (const [name, list] of results) {
    console.log(`  ${name}`);
    for (const command of ["status", "pending"] as const) {
      console.log(
        `    /${command.padEnd(7)} p50 ${spread(list.map((r) => r[command].p50))} ms · p95 ${spread(list.map((r) => r[command].p95))} ms · max ${spread(list.map((r) => r[command].max))} ms`,
      );
    }
    console.log(
      `    RSS idle ${spread(list.map((r) => r.idleRssMb))} MB · after /status ${spread(list.map((r) => r.rssAfterStatusMb))} MB · after /pending ${spread(list.map((r) => r.rssAfterPendingMb))} MB · after a GC ${spread(list.map((r) => r.rssAfterGcMb))} MB (heap ${spread(list.map((r) => r.heapUsedAfterGcMb))} MB)`,
    );
  }
  const ours = [...results.values()][0] ?? [];
  const timings = (command: "status" | "pending") => ({
    p50: range(ours.map((r) => r[command].p50)),
    p95: range(ours.map((r) => r[command].p95)),
  });
  console.log(JSON.stringify({ bench: "status", status: timings("status"), pending: timings("pending") }));
  const [mine, base] = [...results.values()].map((list) => list[0]);
  if (mine && base) {
    const same = mine.statusText === base.statusText && mine.pendingText === base.pendingText;
    console.log(`first page of /status and /pending the same in both versions: ${same ? "yes" : "NO"}`);
    if (!same) process.exitCode = 1;
  }
}

if (flag("child"))
  await child(option("child", here), option("db", ""), number("office", 10_000_000), number("runs", 30));
else await main();
