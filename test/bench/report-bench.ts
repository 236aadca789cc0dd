/**
 * The Báo cáo sơ kết / tổng kết over a seeded database (200 units × 50,000 people × 3 rounds, every assessment
 * answered item by item, by default): each report made `--runs` times, each run in a fresh child process as the
 * bot makes it (a worker thread counts with GROUP BY through its own read-only connection, draws the charts and
 * fills the .docx). Per report: the time to the file, the longest the child's event loop was held, its peak
 * RSS and the file's size, as min / median / max. Targets (issue 13): under 10 s and under Telegram's 50 MB.
 *
 * By default the compiled bot is measured (`npm run build` first), as `npm start` runs it; `--tsx` measures the
 * sources through tsx instead, whose worker thread compiles its TypeScript as it starts (seconds more).
 *
 *   node --import tsx test/bench/report-bench.ts [--people 50000] [--units 200] [--rounds 3] [--runs 3]
 *     [--db data/bench-report.sqlite] [--reseed] [--tsx]
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { flag, number, option } from "./cli.js";
import { longestStall, range, slashed } from "./measure.js";
import { type Fill, seedFile } from "./seed.js";

const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));

/** Every assessment answered (the criteria met are counted from the answers), most sent, nominations of all kinds. */
const REPORT_FILL: Fill = {
  progress: { people: { submitted: 0.8, inProgress: 0.1 }, units: { submitted: 0.8, inProgress: 0.1 } },
  answers: true,
  nominations: "mixed",
  churn: true,
};

interface ChildResult {
  report: string;
  fileName: string;
  ms: number;
  stallMs: number;
  peakRssMb: number;
  bytes: number;
  units: string;
}

/**
 * In the child: one report, timed, from the database at `path`, by the compiled JavaScript that `npm start`
 * runs (`dist/`, built by the parent) or from the TypeScript sources through tsx (its worker thread too).
 */
async function child(path: string, which: string, compiled: boolean): Promise<void> {
  const from = (module: string) =>
    compiled ? join(ROOT, "dist", `${module}.js`) : join(ROOT, `${module}.ts`);
  const { openDatabase }: typeof import("../../db/connection.js") = await import(from("db/connection"));
  const { loadCampaign }: typeof import("../../src/campaign/load.js") = await import(
    from("src/campaign/load")
  );
  const { templatesFor }: typeof import("../../src/documents/templates.js") = await import(
    from("src/documents/templates")
  );
  const { reportJob }: typeof import("../../src/documents/movement-report.js") = await import(
    from("src/documents/movement-report")
  );
  const { renderInWorker }: typeof import("../../src/documents/report-runner.js") = await import(
    from("src/documents/report-runner")
  );
  const { periodScope }: typeof import("../../src/domain/movement-report.js") = await import(
    from("src/domain/movement-report")
  );
  const db = openDatabase(path);
  const campaign = loadCampaign();
  const templates = templatesFor(campaign);
  const scope =
    which === "tong-ket" ? periodScope(campaign) : { kind: "so-ket" as const, year: Number(which) };
  const started = performance.now();
  const { result, stallMs } = await longestStall(async () =>
    renderInWorker(await reportJob({ db, campaign, now: new Date(), templates }, scope)),
  );
  const ms = performance.now() - started;
  const out: ChildResult = {
    report: which,
    fileName: result.fileName,
    ms,
    stallMs,
    // The process's peak, worker threads included (they share it).
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    bytes: result.bytes.length,
    units: result.unitCount,
  };
  await db.destroy();
  console.log(JSON.stringify(out));
}

async function main(): Promise<void> {
  const path = resolve(ROOT, option("db", "data/bench-report.sqlite"));
  const people = number("people", 50_000);
  const units = number("units", 200);
  const rounds = number("rounds", 3);
  const runs = number("runs", 3);
  if (flag("reseed") || !existsSync(path)) {
    const started = performance.now();
    const { db, summary } = await seedFile(path, { people, units, rounds, fill: REPORT_FILL });
    await db.destroy();
    console.log(
      `seeded ${path} in ${((performance.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(summary)}`,
    );
  }
  const compiled = !flag("tsx");
  if (compiled) execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: "ignore" });
  const openYear = 2026;
  const reports = [String(openYear), "tong-ket"];
  const results = new Map<string, ChildResult[]>(reports.map((report) => [report, []]));
  // Interleaved, so that a busy moment of the machine does not fall on one report only.
  for (let run = 0; run < runs; run++)
    for (const report of reports) {
      const done = spawnSync(
        process.execPath,
        [
          "--import",
          "tsx",
          fileURLToPath(import.meta.url),
          "--child",
          path,
          report,
          compiled ? "compiled" : "tsx",
        ],
        { cwd: ROOT, encoding: "utf8", env: { ...process.env, LOG_LEVEL: "silent" } },
      );
      const line = done.stdout.split("\n").find((l) => l.startsWith("{"));
      if (done.status !== 0 || !line) throw new Error(`child failed: ${done.stderr.slice(-2000)}`);
      results.get(report)?.push(JSON.parse(line) as ChildResult);
    }
  const summary: Record<string, unknown> = { bench: "report", people, units, rounds, runs, compiled };
  console.log(compiled ? "the compiled bot (dist/, as npm start runs it)" : "from the sources through tsx");
  for (const [report, of] of results) {
    const name = report === "tong-ket" ? "tổng kết" : `sơ kết ${report}`;
    console.log(
      `${name} (${of[0]?.fileName}, ${of[0]?.units} units), min / median / max of ${of.length}: ` +
        `time ${slashed(
          of.map((r) => r.ms / 1000),
          2,
        )} s; event loop held at most ${slashed(
          of.map((r) => r.stallMs),
        )} ms; peak RSS ${slashed(of.map((r) => r.peakRssMb))} MB; file ${slashed(
          of.map((r) => r.bytes / 1024),
        )} KB`,
    );
    summary[report === "tong-ket" ? "tongKet" : "soKet"] = {
      ms: range(of.map((r) => r.ms)),
      stallMs: range(of.map((r) => r.stallMs)),
      peakRssMb: range(of.map((r) => r.peakRssMb)),
      bytes: range(of.map((r) => r.bytes)),
    };
  }
  console.log(JSON.stringify(summary));
}

const childAt = process.argv.indexOf("--child");
if (childAt >= 0)
  await child(
    process.argv[childAt + 1] ?? "",
    process.argv[childAt + 2] ?? "",
    process.argv[childAt + 3] === "compiled",
  );
else await main();
