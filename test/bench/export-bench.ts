/**
 * The /export workbook at scale: seeds an SQLite file with 200 units × 250 people (50,000), every person's and
 * unit's assessment submitted with every answer filled, and three nominations a unit with their moves. Then
 * writes the workbook `--runs` times with this tree's code and, interleaved, with the code of `--base` (the
 * merge-base with main, checked out once as a git worktree in /tmp/export-base with this tree's node_modules).
 * Each export runs in a child process of its own, so that its peak RSS is its own. Prints, for each, the wall
 * time of the export, the peak RSS of the process, and the longest the event loop was held during it.
 *
 *   node --import tsx test/bench/export-bench.ts [--units 200] [--people 250] [--runs 3] [--db path]
 *     [--base <commit> | --no-base] [--base-dir /tmp/export-base]
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type DB, migrateToLatest, openDatabase } from "../../db/connection.js";
import { longestStall, spelledOut } from "./measure.js";
import { EXPORT_FILL, seedBench } from "./seed.js";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at < 0 ? undefined : process.argv[at + 1];
}
const numberOption = (name: string, fallback: number) => Number(option(name)) || fallback;

export const YEAR = 2026;
/** After the deadline, so that the units sheet shows lateness as the Office sees it in January. */
const NOW = new Date("2027-01-06T02:00:00Z");

/** What one child process reports on its stdout, as one JSON line. */
interface RunResult {
  ms: number;
  /** CPU time of the whole process (all threads) during the export: less sensitive to a busy machine. */
  cpuMs: number;
  peakRssMb: number;
  startRssMb: number;
  stallMs: number;
  bytes: number;
}

interface ExportModule {
  withWorkbookFile?: (
    deps: object,
    year: number,
    language: "vi",
    use: (path: string) => Promise<number>,
  ) => Promise<number>;
  buildWorkbook: (deps: object, year: number, language: "vi") => Promise<Buffer>;
}

/** In the child: one export with the code under `codeRoot`, as the bot runs it (to a file, or to a buffer). */
async function child(codeRoot: string, path: string): Promise<void> {
  const startRss = process.memoryUsage().rss;
  const connection = (await import(
    join(codeRoot, "db/connection.ts")
  )) as typeof import("../../db/connection.js");
  const load = (await import(
    join(codeRoot, "src/campaign/load.ts")
  )) as typeof import("../../src/campaign/load.js");
  const i18n = (await import(join(codeRoot, "src/i18n.ts"))) as typeof import("../../src/i18n.js");
  const exporter = (await import(join(codeRoot, "src/office/export.ts"))) as ExportModule;
  const db = connection.openDatabase(path);
  const deps = { db, campaign: load.loadCampaign(), clock: () => NOW, i18n: i18n.createI18n() };
  const { statSync } = await import("node:fs");
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const { result: bytes, stallMs } = await longestStall(() =>
    exporter.withWorkbookFile
      ? exporter.withWorkbookFile(deps, YEAR, "vi", async (file) => statSync(file).size)
      : exporter.buildWorkbook(deps, YEAR, "vi").then((buffer) => buffer.length),
  );
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  await db.destroy();
  const result: RunResult = {
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    // maxRSS is in kilobytes.
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    startRssMb: startRss / 1024 / 1024,
    stallMs,
    bytes,
  };
  console.log(JSON.stringify(result));
}

function runChild(codeRoot: string, path: string): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const proc = spawn(
      process.execPath,
      ["--import", "tsx", fileURLToPath(import.meta.url), "--child", codeRoot, "--db", path],
      { cwd: root, stdio: ["ignore", "pipe", "inherit"] },
    );
    let out = "";
    proc.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
    });
    proc.on("error", reject);
    proc.on("close", (code) => {
      const line = out.trim().split("\n").at(-1) ?? "";
      if (code !== 0) reject(new Error(`export child (${codeRoot}) exited with ${code}: ${out}`));
      else resolvePromise(JSON.parse(line) as RunResult);
    });
  });
}

/** The base tree: a detached worktree at the merge-base with main, sharing this tree's node_modules. */
function ensureBase(dir: string, commit: string): void {
  if (!existsSync(dir)) {
    execFileSync("git", ["worktree", "add", "--detach", dir, commit], { cwd: root, stdio: "ignore" });
    symlinkSync(join(root, "node_modules"), join(dir, "node_modules"));
  }
}

const summary = spelledOut;

async function main(): Promise<void> {
  const units = numberOption("units", 200);
  const perUnit = numberOption("people", 250);
  const runs = numberOption("runs", 3);
  const keptPath = option("db");
  const baseDir = option("base-dir") ?? "/tmp/export-base";
  // --no-base: this tree alone (the suite's figures against the targets).
  const withBase = !process.argv.includes("--no-base");
  const base = withBase
    ? (option("base") ?? execFileSync("git", ["merge-base", "HEAD", "main"], { cwd: root }).toString().trim())
    : "";
  if (withBase) ensureBase(baseDir, base);

  const dir = keptPath ? undefined : mkdtempSync(join(tmpdir(), "thidua-export-bench-"));
  const path = keptPath ?? join(dir ?? ".", "export.sqlite");
  try {
    if (!existsSync(path)) {
      const db: DB = openDatabase(path);
      try {
        await migrateToLatest(db);
        const t0 = performance.now();
        // One round, YEAR's, open.
        await seedBench(db, { units, people: units * perUnit, rounds: 1, fill: EXPORT_FILL });
        console.log(`seeded ${units} units × ${perUnit} people in ${(performance.now() - t0).toFixed(0)} ms`);
      } finally {
        await db.destroy();
      }
    }
    const trees = [
      ...(withBase ? [{ label: `base ${base.slice(0, 7)}`, root: baseDir, results: [] as RunResult[] }] : []),
      { label: "this tree", root, results: [] as RunResult[] },
    ];
    for (let run = 1; run <= runs; run++) {
      // Interleaved, the order alternating, so that a busy neighbour on the machine weighs on both alike.
      const order = run % 2 === 1 ? trees : [...trees].reverse();
      for (const tree of order) {
        const result = await runChild(tree.root, path);
        tree.results.push(result);
        console.log(
          `run ${run} ${tree.label}: ${result.ms.toFixed(0)} ms (${result.cpuMs.toFixed(0)} ms CPU), peak RSS ${result.peakRssMb.toFixed(0)} MB ` +
            `(${result.startRssMb.toFixed(0)} MB at start), event loop held at most ${result.stallMs.toFixed(0)} ms, ` +
            `${(result.bytes / 1024).toFixed(0)} KB xlsx`,
        );
      }
    }
    console.log(
      `\n/export xlsx, ${units * perUnit} people, ${runs} runs each (target ≤ 5 s, peak RSS ≤ 300 MB):`,
    );
    for (const tree of trees) {
      console.log(`  ${tree.label}`);
      console.log(
        `    time          ${summary(
          tree.results.map((r) => r.ms / 1000),
          "s",
          2,
        )}`,
      );
      console.log(
        `    peak RSS      ${summary(
          tree.results.map((r) => r.peakRssMb),
          "MB",
        )}`,
      );
      console.log(
        `    CPU           ${summary(
          tree.results.map((r) => r.cpuMs / 1000),
          "s",
          2,
        )} (all threads; less sensitive to a busy machine than the time)`,
      );
      console.log(
        `    loop held     ${summary(
          tree.results.map((r) => r.stallMs),
          "ms",
        )}`,
      );
    }
    // The suite's summary line: this tree's medians.
    const mine = trees.at(-1)?.results ?? [];
    const median = (values: number[]) =>
      [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
    console.log(
      JSON.stringify({
        bench: "export",
        people: units * perUnit,
        seconds: median(mine.map((r) => r.ms / 1000)),
        cpuSeconds: median(mine.map((r) => r.cpuMs / 1000)),
        peakRssMb: median(mine.map((r) => r.peakRssMb)),
        loopHeldMs: median(mine.map((r) => r.stallMs)),
      }),
    );
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

const childAt = process.argv.indexOf("--child");
if (childAt >= 0) await child(process.argv[childAt + 1] ?? root, option("db") ?? "");
else await main();
