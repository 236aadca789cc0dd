/**
 * The reminder planner at scale: seeds an SQLite file (test/bench/seed.ts, `PLANNER_FILL`) with 200 units × 250
 * people (50,000), one open round, and plans the slot that falls 14 days before the deadline (a unit, an
 * employee and a digest slot at once) from an empty outbox, `--runs` times. Each run is a child process of its
 * own that plans twice (the first warms it up, as in a bot that has been running); the second is timed: its wall
 * time, its CPU time, and the longest the event loop was held (a timer that should fire every 10 ms, measured as
 * the longest gap between its firings). With `--base <commit>`, that commit's planner runs too, interleaved, on
 * a copy of the same database, and what both stored in the outbox (every row, with the words it would be sent
 * with) is compared.
 *
 *   node --import tsx test/bench/planner-bench.ts [--units 200] [--people 250] [--runs 3] [--db path]
 *     [--base <commit>]
 */
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type Kysely, sql } from "kysely";
import { migrateToLatest, openDatabase } from "../../db/connection.js";
import type { Database } from "../../db/schema.js";
import { longestStall, range, slashed } from "./measure.js";
import { baseDatabase, PLANNER_FILL, seedBench } from "./seed.js";

const here = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const argv = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = argv.indexOf(`--${name}`);
  return at < 0 ? undefined : argv[at + 1];
};
const number = (name: string, fallback: number) => Number(option(name)) || fallback;

/** 22/12/2026 08:00 local, 14 days before the deadline's date: unit, employee and digest slots are due. */
const NOW = new Date("2026-12-22T01:00:00Z");

/** What one child reports on its last line. */
interface RunResult {
  ms: number;
  cpuMs: number;
  stallMs: number;
  /** Rows planned per slot. */
  counts: string;
  /** What the outbox holds after the run, hashed (`outboxHash`): the same in two trees or not. */
  planned: string;
}

interface StoredRow {
  slot_key: string;
  kind: string;
  chat_id: number;
  page: number;
  unit_id: number | null;
  text: string;
  reply_markup: string | null;
  due_at: string;
  expires_at: string | null;
  status: string;
}

/**
 * A hash of what the outbox holds, row by row in the order it would be sent, each with the words it would be
 * sent with (its own, or the shared message it points to where the tree has those).
 */
async function outboxHash(db: Kysely<Database>): Promise<string> {
  const columns = sql`o.slot_key, o.kind, o.chat_id, o.page, o.unit_id, o.due_at, o.expires_at, o.status`;
  const rows = await sql<StoredRow>`SELECT ${columns}, coalesce(m.text, o.text) AS text,
      coalesce(m.reply_markup, o.reply_markup) AS reply_markup
    FROM reminder_outbox o LEFT JOIN reminder_messages m ON m.id = o.message_id ORDER BY o.id`
    .execute(db)
    .catch(() =>
      sql<StoredRow>`SELECT ${columns}, o.text, o.reply_markup FROM reminder_outbox o ORDER BY o.id`.execute(
        db,
      ),
    );
  const hash = createHash("sha256");
  for (const row of rows.rows) hash.update(`${JSON.stringify(row)}\n`);
  return `${rows.rows.length} rows, ${hash.digest("hex").slice(0, 16)}`;
}

/** In the child: plans the slot twice with the code under `codeRoot` (from an empty outbox each time). */
async function child(codeRoot: string, path: string): Promise<void> {
  const connection = (await import(
    join(codeRoot, "db/connection.ts")
  )) as typeof import("../../db/connection.js");
  const load = (await import(
    join(codeRoot, "src/campaign/load.ts")
  )) as typeof import("../../src/campaign/load.js");
  const i18n = (await import(join(codeRoot, "src/i18n.ts"))) as typeof import("../../src/i18n.js");
  const logger = (await import(join(codeRoot, "src/logger.ts"))) as typeof import("../../src/logger.js");
  const plan = (await import(
    join(codeRoot, "src/reminders/plan.ts")
  )) as typeof import("../../src/reminders/plan.js");
  // As the bot opens it (src/main.ts): the log is checkpointed on a background thread, not in the commits.
  const db = connection.openDatabase(path, { backgroundCheckpoints: true });
  const deps = {
    db,
    campaign: load.loadCampaign(),
    i18n: i18n.createI18n(),
    officeAdminIds: [1, 2, 3],
    logger: logger.createLogger({ level: "silent", botToken: "" }),
  };
  const reset = async () => {
    await sql`DELETE FROM reminder_outbox`.execute(db);
    await sql`DELETE FROM reminder_slots`.execute(db);
    // The shared messages' table, where the tree has one.
    await sql`DELETE FROM reminder_messages`.execute(db).catch(() => undefined);
    await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
  };
  let result: RunResult | undefined;
  for (const timed of [false, true]) {
    await reset();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const { result: planned, stallMs } = await longestStall(() => plan.planDueReminders(deps, NOW));
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    if (!timed) continue;
    result = {
      ms,
      cpuMs: (cpu.user + cpu.system) / 1000,
      stallMs,
      // An older tree's planned slots have no count.
      counts: planned
        .map(
          (p: { slot: { key: string }; count?: number; rows: unknown[] }) =>
            `${p.slot.key}: ${p.count ?? p.rows.length}`,
        )
        .join(", "),
      planned: await outboxHash(db),
    };
  }
  await db.destroy();
  console.log(JSON.stringify(result));
}

function runChild(codeRoot: string, path: string): RunResult {
  const out = spawnSync(
    process.execPath,
    ["--import", "tsx", fileURLToPath(import.meta.url), "--child", codeRoot, "--db", path],
    { cwd: codeRoot, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  const line = out.stdout.trim().split("\n").at(-1) ?? "";
  if (out.status !== 0 || !line.startsWith("{"))
    throw new Error(`planner child at ${codeRoot} failed (${out.status}): ${out.stderr}`);
  return JSON.parse(line) as RunResult;
}

const spread = slashed;

async function main(): Promise<void> {
  const units = number("units", 200);
  const perUnit = number("people", 250);
  const runs = number("runs", 3);
  const keptPath = option("db");
  const dir = keptPath ? undefined : mkdtempSync(join(tmpdir(), "thidua-planner-"));
  const path = resolve(keptPath ?? join(dir ?? ".", "planner.sqlite"));
  const cleanups: Array<() => void> = [];
  try {
    if (!existsSync(path)) {
      const db = openDatabase(path);
      await migrateToLatest(db);
      const t0 = performance.now();
      await seedBench(db, { units, people: units * perUnit, rounds: 1, fill: PLANNER_FILL });
      await db.destroy();
      console.log(`seeded ${units} units × ${perUnit} people in ${(performance.now() - t0).toFixed(0)} ms`);
    }
    const trees = [{ label: "this tree", root: here, db: path, results: [] as RunResult[] }];
    const base = option("base");
    if (base) {
      const baseRoot = mkdtempSync(join(tmpdir(), "planner-base-"));
      rmSync(baseRoot, { recursive: true });
      execFileSync("git", ["-C", here, "worktree", "add", "--detach", baseRoot, base], { stdio: "ignore" });
      cleanups.push(() => execFileSync("git", ["-C", here, "worktree", "remove", "--force", baseRoot]));
      symlinkSync(join(here, "node_modules"), join(baseRoot, "node_modules"));
      const copy = await baseDatabase(path, baseRoot);
      cleanups.push(() => {
        for (const suffix of ["", "-wal", "-shm"]) rmSync(`${copy}${suffix}`, { force: true });
      });
      trees.push({ label: `base ${base.slice(0, 7)}`, root: baseRoot, db: copy, results: [] });
    }
    for (let run = 1; run <= runs; run++) {
      // Interleaved, the order alternating, so that a busy neighbour on the machine weighs on both alike.
      for (const tree of run % 2 === 1 ? trees : [...trees].reverse()) {
        const result = runChild(tree.root, tree.db);
        tree.results.push(result);
        console.log(
          `run ${run} ${tree.label}: ${result.ms.toFixed(0)} ms (${result.cpuMs.toFixed(0)} ms CPU), event loop held at most ${result.stallMs.toFixed(0)} ms (${result.counts}; outbox ${result.planned})`,
        );
      }
    }
    console.log(
      `planner, one slot, ${units * perUnit} people, min / median / max of ${runs} (target ≤ 500 ms):`,
    );
    for (const tree of trees) {
      console.log(
        `  ${tree.label.padEnd(12)} ${spread(tree.results.map((r) => r.ms))} ms, CPU ${spread(tree.results.map((r) => r.cpuMs))} ms, event loop held at most ${spread(tree.results.map((r) => r.stallMs))} ms`,
      );
    }
    const [mine, other] = trees.map((tree) => tree.results[0]?.planned);
    if (other !== undefined) {
      console.log(`the same outbox in both trees: ${mine === other ? "yes" : "NO"}`);
      if (mine !== other) process.exitCode = 1;
    }
    const ours = trees[0]?.results ?? [];
    console.log(
      JSON.stringify({
        bench: "planner",
        people: units * perUnit,
        ms: range(ours.map((r) => r.ms)),
        stallMs: range(ours.map((r) => r.stallMs)),
      }),
    );
  } finally {
    for (const cleanup of cleanups.reverse()) cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

const childAt = argv.indexOf("--child");
if (childAt >= 0) await child(argv[childAt + 1] ?? here, option("db") ?? "");
else await main();
