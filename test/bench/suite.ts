/**
 * `npm run bench`: every benchmark of issue 10 in one run, each in its own process (so one's memory does not
 * count in another's), then a table of each figure next to its target and, where there is one, next to a bare
 * grammY handler doing the same work in the same run. `npm run bench -- --quick` runs each small enough for
 * CI, to show the figures on every change; nothing is asserted on them.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { startFlags } from "../helpers/start-command.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const quick = process.argv.includes("--quick");

interface Bench {
  name: string;
  script: string;
  args: string[];
}

const benches: Bench[] = [
  {
    name: "assessment, sequential",
    script: "test/bench/assessment-bench.ts",
    args: ["--users", quick ? "10" : "50"],
  },
  {
    name: "assessment, everyone at once",
    script: "test/bench/assessment-bench.ts",
    args: ["--users", quick ? "50" : "500", "--mode", "concurrent"],
  },
  {
    name: "assessment, open loop",
    script: "test/bench/assessment-bench.ts",
    args: quick
      ? ["--users", "200", "--mode", "open-loop", "--rate", "200", "--seconds", "3"]
      : ["--users", "2000", "--mode", "open-loop", "--rate", "1400", "--seconds", "20"],
  },
  {
    name: "assessment over HTTP, everyone at once",
    script: "test/bench/http-bench.ts",
    args: ["--users", quick ? "30" : "500", "--runs", quick ? "1" : "3"],
  },
  {
    name: "assessment over HTTP, open loop",
    script: "test/bench/http-bench.ts",
    args: quick
      ? [
          "--mode",
          "open-loop",
          "--users",
          "200",
          "--rate",
          "200",
          "--seconds",
          "3",
          "--runs",
          "1",
          "--no-bare",
        ]
      : ["--mode", "open-loop", "--users", "2000", "--rate", "1400", "--seconds", "20", "--runs", "3"],
  },
  {
    name: "reminder planner, one slot",
    script: "test/bench/planner-bench.ts",
    args: quick ? ["--units", "20", "--people", "50", "--runs", "1"] : ["--runs", "3"],
  },
  {
    name: "/status and /pending",
    script: "test/bench/status-bench.ts",
    args: quick
      ? [
          "--people",
          "5000",
          "--units",
          "50",
          "--runs",
          "10",
          "--repeats",
          "1",
          "--no-base",
          "--db",
          "data/bench-quick.sqlite",
          "--reseed",
        ]
      : ["--repeats", "3", "--no-base"],
  },
  {
    // After /status, whose seeded database it reuses.
    name: "memory, compiled bot at 50,000 people",
    script: "test/bench/memory-bench.ts",
    args: quick ? ["--runs", "1", "--times", "1", "--db", "data/bench-quick.sqlite"] : ["--runs", "3"],
  },
  {
    name: "/export xlsx",
    script: "test/bench/export-bench.ts",
    args: quick ? ["--people", "100", "--units", "50", "--runs", "1", "--no-base"] : ["--no-base"],
  },
  {
    name: "Báo cáo sơ kết / tổng kết",
    script: "test/bench/report-bench.ts",
    args: quick
      ? [
          "--people",
          "2000",
          "--units",
          "20",
          "--runs",
          "1",
          "--db",
          "data/bench-report-quick.sqlite",
          "--reseed",
        ]
      : ["--runs", "3"],
  },
  { name: "start-up", script: "test/bench/startup-bench.ts", args: ["--runs", quick ? "1" : "3"] },
  {
    name: "/remind now fan-out",
    script: "test/bench/fanout-bench.ts",
    args: quick ? ["--heads", "60"] : ["--heads", "3000", "--runs", "3"],
  },
];

const results: Array<{ name: string; json: Record<string, unknown> | null; ok: boolean }> = [];
for (const bench of benches) {
  if (!existsSync(`${ROOT}/${bench.script}`)) continue;
  // With the flags `npm start` gives the bot: the in-process benches run the bot's code in this process.
  const args = [...startFlags(), "--import", "tsx", bench.script, ...bench.args];
  console.log(`\n## ${bench.name}: node ${args.join(" ")}`);
  const run = spawnSync(process.execPath, args, {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, LOG_LEVEL: "silent" },
    maxBuffer: 64 * 1024 * 1024,
  });
  const lines = run.stdout.split("\n").filter((line) => line.trim() !== "");
  const shown = lines.filter((line) => !line.startsWith("{"));
  console.log(shown.join("\n"));
  if (run.status !== 0) console.log(run.stderr.split("\n").slice(-15).join("\n"));
  const last = lines.findLast((line) => line.startsWith('{"bench"'));
  results.push({
    name: bench.name,
    json: last ? (JSON.parse(last) as Record<string, unknown>) : null,
    ok: run.status === 0,
  });
}

const ms = (value: unknown) => (typeof value === "number" ? `${value.toFixed(2)} ms` : "—");
const perSecond = (value: unknown) => (typeof value === "number" ? `${value.toFixed(0)}/s` : "—");
/** A `{min, median, max}` of a bench's JSON, formatted. */
const spread = (value: unknown, format: (n: number) => string) => {
  const { min, median, max } = (value ?? {}) as Record<string, unknown>;
  return [min, median, max].map((n) => (typeof n === "number" ? format(n) : "—")).join(" / ");
};
const whole = (n: number) => n.toFixed(0);
const whole1 = (n: number) => n.toFixed(1);
const field = (json: Record<string, unknown> | null, side: string, key: string) =>
  (json?.[side] as Record<string, unknown> | undefined)?.[key];

console.log(`\n## Summary${quick ? " (--quick: small sizes, figures not comparable with the targets)" : ""}`);
console.log("| what | ThiĐua bot | bare grammY | target |");
console.log("|---|---|---|---|");
for (const { name, json, ok } of results) {
  if (!ok) {
    console.log(`| ${name} | failed (see above) | | |`);
    continue;
  }
  if (!json) {
    console.log(`| ${name} | see above | | |`);
    continue;
  }
  switch (json.bench) {
    case "assessment-sequential":
      console.log(
        `| ${name}: p50 / p99 (first, last question p50) | ${ms(field(json, "bot", "p50"))} / ${ms(field(json, "bot", "p99"))} (${ms(field(json, "bot", "firstP50"))}, ${ms(field(json, "bot", "lastP50"))}) | ${ms(field(json, "bare", "p50"))} / ${ms(field(json, "bare", "p99"))} | p50 ≤ 1.5 ms, p99 ≤ 5 ms |`,
      );
      break;
    case "assessment-concurrent":
      console.log(
        `| ${name}: updates/s | ${perSecond(field(json, "bot", "perSecond"))} | ${perSecond(field(json, "bare", "perSecond"))} | ≥ 1,400/s |`,
      );
      break;
    case "assessment-open-loop":
      console.log(
        `| ${name}: achieved, p50 / p99 from arrival | ${perSecond(field(json, "bot", "perSecond"))}, ${ms(field(json, "bot", "p50"))} / ${ms(field(json, "bot", "p99"))} | ${perSecond(field(json, "bare", "perSecond"))}, ${ms(field(json, "bare", "p50"))} / ${ms(field(json, "bare", "p99"))} | 1,400/s with p99 ≤ 50 ms |`,
      );
      break;
    case "http":
      console.log(
        `| ${name} (the real process, SEND_LIMITS=off, ${Number(json.users)} people): updates/s; p99 from a step to its answer (min / median / max) | ${spread(json.perSecond, whole)}; ${spread(json.p99, whole)} ms | ${json.bare ? `${spread((json.bare as Record<string, unknown>).perSecond, whole)} updates/s (node-fetch); ${spread((json.bareOwnTransport as Record<string, unknown> | undefined)?.perSecond, whole)} updates/s (the bot's transport)` : ""} | ≥ 1,400/s |`,
      );
      break;
    case "http-open-loop": {
      const bare = json.bareOwnTransport as Record<string, unknown> | undefined;
      console.log(
        `| ${name} (the real process, SEND_LIMITS=off, ${Number(json.users)} people, ${Number(json.rate)}/s for ${Number(json.seconds)} s): achieved; p50; p99 from arrival (min / median / max) | ${spread(json.perSecond, whole)}/s; ${spread(json.p50, whole1)} ms; ${spread(json.p99, whole1)} ms | ${bare ? `${spread(bare.perSecond, whole)}/s; ${spread(bare.p50, whole1)} ms; ${spread(bare.p99, whole1)} ms (the bot's transport)` : ""} | 1,400/s with p99 ≤ 50 ms |`,
      );
      break;
    }
    case "fanout": {
      const seconds = (n: number) => `${(n / 1000).toFixed(1)} s`;
      const during = (json.replyDuring ?? {}) as Record<string, unknown>;
      const heads = Number(json.heads);
      console.log(
        `| ${name} to ${heads} heads, Telegram's limits on (min / median / max): time; 429s | ${spread(json.fanoutMs, seconds)}; ${spread(json.tooManyRequests, whole)} | | ≤ ${((heads / 30) * 1.1).toFixed(0)} s; 0 |`,
      );
      console.log(
        `| ${name}: a /help reply during it, p50; p95; max (ms; idle p50 ${ms(json.replyIdleP50)}) | ${spread(during.p50, whole)}; ${spread(during.p95, whole)}; ${spread(during.max, whole)} | | ≤ 200 ms |`,
      );
      break;
    }
    case "status": {
      const pair = (command: string) => {
        const of = json[command] as Record<string, unknown> | undefined;
        return `${spread(of?.p50, whole1)} ms; ${spread(of?.p95, whole1)} ms`;
      };
      console.log(`| /status: p50; p95 (min / median / max) | ${pair("status")} | | p95 ≤ 50 ms |`);
      console.log(`| /pending: p50; p95 | ${pair("pending")} | | p95 ≤ 50 ms |`);
      break;
    }
    case "planner":
      console.log(
        `| ${name} at ${Number(json.people)} people: time; the event loop held at most (min / median / max) | ${spread(json.ms, whole)} ms; ${spread(json.stallMs, whole)} ms | | ≤ 500 ms, never blocking |`,
      );
      break;
    case "startup": {
      const side = (key: string) => {
        const of = json[key] as Record<string, unknown> | undefined;
        return `${(Number(of?.startMs) / 1000).toFixed(2)} s, ${Number(of?.idleMb).toFixed(0)} MB`;
      };
      console.log(
        `| start-up to first long poll, idle RSS (median) | compiled ${side("compiled")}; through tsx ${side("tsx")} | | ≤ 2 s, ≤ 150 MB |`,
      );
      break;
    }
    case "memory": {
      const mbOf = (key: string) => `${Number(field(json, "compiled", key)).toFixed(0)} MB`;
      console.log(
        `| RSS of the compiled bot (npm start): idle, after /status, after /pending (peak) | ${mbOf("idleMb")}, ${mbOf("afterStatusMb")}, ${mbOf("afterPendingMb")} (${mbOf("peakMb")}) | | ≤ 150 MB |`,
      );
      break;
    }
    case "export":
      console.log(
        `| ${name}: time (CPU), peak RSS | ${Number(json.seconds).toFixed(2)} s (${Number(json.cpuSeconds).toFixed(2)} s), ${Number(json.peakRssMb).toFixed(0)} MB | | ≤ 5 s, ≤ 300 MB |`,
      );
      break;
    case "report": {
      const seconds = (n: number) => `${(n / 1000).toFixed(1)} s`;
      const mbOf = (n: number) => `${n.toFixed(0)} MB`;
      for (const [key, label] of [
        ["soKet", "sơ kết"],
        ["tongKet", "tổng kết"],
      ] as const) {
        const of = (json[key] ?? {}) as Record<string, unknown>;
        console.log(
          `| ${name}, ${label} of ${Number(json.units)} units (min / median / max): time; event loop held; peak RSS; file | ${spread(of.ms, seconds)}; ${spread(of.stallMs, whole)} ms; ${spread(of.peakRssMb, mbOf)}; ${spread(of.bytes, (n) => `${(n / 1024).toFixed(0)} KB`)} | | time < 10 s; file < 50 MB (what Telegram takes) |`,
        );
      }
      break;
    }
    default:
      console.log(`| ${name} | ${JSON.stringify(json)} | | see above |`);
  }
}
if (results.some((result) => !result.ok)) process.exitCode = 1;
