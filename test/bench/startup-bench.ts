/**
 * Cold start and idle memory of the real process (`npm start`'s entry) against the project's Bot API
 * emulator: the time from spawning to the first long poll, and the resident memory once it is idle.
 *
 *   node --import tsx test/bench/startup-bench.ts [--runs 3]
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BotApiEmulator } from "../e2e/bot-api-emulator.js";
import { BotProcess } from "../e2e/bot-process.js";

const at = process.argv.indexOf("--runs");
const runs = at >= 0 ? Number(process.argv[at + 1]) || 3 : 3;

/** Resident memory of a process, from /proc (Linux), in MB. */
function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const summary = (values: number[], unit: string) => {
  const s = sorted(values);
  return `min ${s[0]?.toFixed(0)} ${unit}, median ${s[Math.floor(s.length / 2)]?.toFixed(0)} ${unit}, max ${s.at(-1)?.toFixed(0)} ${unit}`;
};

const startMs: number[] = [];
const idleMb: number[] = [];
for (let run = 0; run < runs; run++) {
  const emulator = await BotApiEmulator.start();
  const dir = mkdtempSync(join(tmpdir(), "thidua-startup-"));
  const t0 = performance.now();
  const bot = BotProcess.spawn({
    env: {
      BOT_TOKEN: emulator.token,
      BOT_API_ROOT: emulator.apiRoot,
      DATABASE_PATH: join(dir, "thidua.sqlite"),
      OFFICE_ADMIN_IDS: "1",
      LOG_LEVEL: "warn",
    },
  });
  await emulator.waitForPolling(30_000);
  startMs.push(performance.now() - t0);
  await new Promise((resolve) => setTimeout(resolve, 3000));
  idleMb.push(rssMb(bot.pid));
  await bot.kill("SIGTERM");
  await emulator.stop();
  rmSync(dir, { recursive: true, force: true });
}
console.log(`spawn to first long poll: ${summary(startMs, "ms")} (target ≤ 2,000 ms)`);
console.log(`idle RSS, empty database: ${summary(idleMb, "MB")}`);
console.log(
  JSON.stringify({
    bench: "startup",
    startMs: sorted(startMs)[Math.floor(startMs.length / 2)],
    idleMb: sorted(idleMb)[Math.floor(idleMb.length / 2)],
  }),
);
