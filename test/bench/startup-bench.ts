/**
 * Cold start and idle memory of the real process (`npm start`'s entry) against the project's Bot API
 * emulator: the time from spawning to the first long poll, and the resident memory once it is idle.
 *
 *   node --import tsx test/bench/startup-bench.ts [--runs 3]
 *
 * Both ways are measured, interleaved: the compiled JavaScript that `npm start` runs (built first), and the
 * TypeScript sources through tsx, as the end-to-end tests run them.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BotApiEmulator } from "../e2e/bot-api-emulator.js";
import { BotProcess } from "../e2e/bot-process.js";
import { range, spelledOut } from "./measure.js";

const at = process.argv.indexOf("--runs");
const runs = at >= 0 ? Number(process.argv[at + 1]) || 3 : 3;

/** Resident memory of a process, from /proc (Linux), in MB. */
function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

const summary = (values: number[], unit: string) => spelledOut(values, unit);

execFileSync("npm", ["run", "build"], { stdio: "ignore" });

async function once(compiled: boolean): Promise<{ startMs: number; idleMb: number }> {
  const emulator = await BotApiEmulator.start();
  const dir = mkdtempSync(join(tmpdir(), "thidua-startup-"));
  const t0 = performance.now();
  const bot = BotProcess.spawn({
    compiled,
    env: {
      BOT_TOKEN: emulator.token,
      BOT_API_ROOT: emulator.apiRoot,
      DATABASE_PATH: join(dir, "thidua.sqlite"),
      OFFICE_ADMIN_IDS: "1",
      LOG_LEVEL: "warn",
    },
  });
  await emulator.waitForPolling(30_000);
  const startMs = performance.now() - t0;
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const idleMb = rssMb(bot.pid);
  await bot.kill("SIGTERM");
  await emulator.stop();
  rmSync(dir, { recursive: true, force: true });
  return { startMs, idleMb };
}

const figures = {
  compiled: { startMs: [] as number[], idleMb: [] as number[] },
  tsx: { startMs: [] as number[], idleMb: [] as number[] },
};
for (let run = 0; run < runs; run++) {
  for (const way of ["compiled", "tsx"] as const) {
    const { startMs, idleMb } = await once(way === "compiled");
    figures[way].startMs.push(startMs);
    figures[way].idleMb.push(idleMb);
  }
}
for (const way of ["compiled", "tsx"] as const) {
  console.log(`${way}: spawn to first long poll ${summary(figures[way].startMs, "ms")} (target ≤ 2,000 ms)`);
  console.log(`${way}: idle RSS, empty database ${summary(figures[way].idleMb, "MB")}`);
}
const median = (values: number[]) => range(values).median;
console.log(
  JSON.stringify({
    bench: "startup",
    compiled: { startMs: median(figures.compiled.startMs), idleMb: median(figures.compiled.idleMb) },
    tsx: { startMs: median(figures.tsx.startMs), idleMb: median(figures.tsx.idleMb) },
  }),
);
