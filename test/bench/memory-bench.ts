/**
 * The memory of the bot as users run it: the compiled process (`npm start`'s `node <its flags> dist/src/main.js`) over the
 * seeded 50,000-person database (test/bench/seed.ts, as status-bench uses), polling the project's Bot API
 * emulator. Its resident memory (VmRSS from /proc) once idle, after `/status` and after `/pending` sent by an
 * Office admin (`--times` each, every reply awaited), and its peak (VmHWM) over the run.
 *
 *   node --import tsx test/bench/memory-bench.ts [--runs 3] [--times 3] [--db data/bench.sqlite] [--reseed]
 *     [--people 50000] [--units 200] [--rounds 3] [--tsx] [--base <commit>]
 *
 * `--tsx` also runs the sources through tsx (as the end-to-end tests do), `--base <commit>` also runs that
 * commit's compiled code (built in a temporary git worktree); all of them interleaved, run by run.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { migrateToLatest, openDatabase } from "../../db/connection.js";
import { BotApiEmulator, type FakeUser } from "../e2e/bot-api-emulator.js";
import { startFlags } from "../helpers/start-command.js";
import { baseTree } from "./base-tree.js";
import { flag, number, option } from "./cli.js";
import { range, slashed } from "./measure.js";
import { seedFile } from "./seed.js";

const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));

/** The seed's Office member (test/bench/seed.ts): made an Office admin of the process too. */
const OFFICE_ID = 10_000_000;

/** VmRSS and VmHWM (the peak of VmRSS) of a process, from /proc, in MB. */
function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN);
  return { rssMb: kb("VmRSS") / 1024, peakMb: kb("VmHWM") / 1024 };
}

interface Way {
  name: string;
  /** The tree the process runs from (its working directory). */
  root: string;
  args: string[];
}

interface Figures {
  idleMb: number;
  afterStatusMb: number;
  afterPendingMb: number;
  peakMb: number;
}

/** Resolves once the emulator has seen no call for `quietMs` (the menus are set in the background at start). */
async function quiet(emulator: BotApiEmulator, quietMs: number): Promise<void> {
  let seen = emulator.mark();
  let since = performance.now();
  while (performance.now() - since < quietMs) {
    await sleep(100);
    if (emulator.mark() !== seen) {
      seen = emulator.mark();
      since = performance.now();
    }
  }
}

async function once(way: Way, path: string, times: number): Promise<Figures> {
  // The emulator numbers its updates from the same id every time: an earlier run's must not count as seen.
  const db = openDatabase(path);
  await db.deleteFrom("processed_updates").execute();
  await db.destroy();

  const emulator = await BotApiEmulator.start();
  const child: ChildProcess = spawn(process.execPath, way.args, {
    cwd: way.root,
    env: {
      PATH: process.env.PATH ?? "",
      BOT_TOKEN: emulator.token,
      BOT_API_ROOT: emulator.apiRoot,
      DATABASE_PATH: path,
      OFFICE_ADMIN_IDS: String(OFFICE_ID),
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const pid = child.pid ?? -1;
  try {
    await emulator.waitForPolling(60_000);
    // Idle: polling, the menus set, nothing asked for two seconds.
    await quiet(emulator, 2000);
    await sleep(1000);
    const idleMb = memoryOf(pid).rssMb;
    const office: FakeUser = { id: OFFICE_ID, first_name: "Văn phòng", language_code: "vi" };
    const ask = async (command: string) => {
      for (let i = 0; i < times; i++) {
        const since = emulator.mark();
        emulator.sendText(office, command);
        const reply = await emulator.waitForMessage(office.id, () => true, { since, timeoutMs: 60_000 });
        // The units' figures, not a refusal or an error: each reply names units by their codes.
        if (!/DV\d{3}/.test(reply.plain_text ?? ""))
          throw new Error(`${command} answered: ${reply.plain_text}`);
        await quiet(emulator, 500);
      }
      await sleep(1000);
      return memoryOf(pid).rssMb;
    };
    const afterStatusMb = await ask("/status");
    const afterPendingMb = await ask("/pending");
    return { idleMb, afterStatusMb, afterPendingMb, peakMb: memoryOf(pid).peakMb };
  } catch (error) {
    throw new Error(`${way.name}: ${String(error)}\n${stderr}`);
  } finally {
    if (child.exitCode === null) {
      const exited = new Promise((done) => child.once("exit", done));
      child.kill("SIGTERM");
      await exited;
    }
    await emulator.stop();
  }
}

const spread = (values: number[]) => `${slashed(values)} MB`;
const median = (values: number[]) => range(values).median;

async function main(): Promise<void> {
  const runs = number("runs", 3);
  const times = number("times", 3);
  const path = resolve(option("db", "data/bench.sqlite"));
  if (flag("reseed") || !existsSync(path)) {
    const started = performance.now();
    const options = {
      people: number("people", 50_000),
      units: number("units", 200),
      rounds: number("rounds", 3),
    };
    const { db } = await seedFile(path, options);
    await db.destroy();
    console.log(`seeded ${path} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } else {
    // A database seeded by an older tree gets this tree's migrations (the bot would apply them at start).
    const db = openDatabase(path);
    await migrateToLatest(db);
    await db.destroy();
  }
  execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: "ignore" });
  const ways: Way[] = [{ name: "compiled", root: ROOT, args: [...startFlags(), "dist/src/main.js"] }];
  if (flag("tsx"))
    ways.push({ name: "through tsx", root: ROOT, args: [...startFlags(), "--import", "tsx", "src/main.ts"] });
  const base = flag("base") ? baseTree(option("base", "main")) : undefined;
  if (base)
    ways.push({
      name: `base ${option("base", "main").slice(0, 7)}`,
      root: base.root,
      args: [...startFlags(base.root), "dist/src/main.js"],
    });

  console.log(
    `memory of the bot process over ${path}: idle, after /status and /pending (${times} each, as an Office admin), peak; Node ${process.version}`,
  );
  const results = new Map<string, Figures[]>(ways.map((way) => [way.name, []]));
  try {
    for (let run = 1; run <= runs; run++) {
      // Interleaved, the order alternating, so that a busy neighbour on the machine weighs on each alike.
      for (const way of run % 2 === 1 ? ways : [...ways].reverse()) {
        const figures = await once(way, path, times);
        results.get(way.name)?.push(figures);
        console.log(
          `  #${run} ${way.name}: idle ${figures.idleMb.toFixed(0)} MB, after /status ${figures.afterStatusMb.toFixed(0)} MB, after /pending ${figures.afterPendingMb.toFixed(0)} MB, peak ${figures.peakMb.toFixed(0)} MB`,
        );
      }
    }
  } finally {
    base?.remove();
  }
  console.log("min / median / max (target ≤ 150 MB):");
  for (const [name, list] of results) {
    console.log(
      `  ${name}: idle ${spread(list.map((f) => f.idleMb))} · after /status ${spread(list.map((f) => f.afterStatusMb))} · after /pending ${spread(list.map((f) => f.afterPendingMb))} · peak ${spread(list.map((f) => f.peakMb))}`,
    );
  }
  const summary = (list: Figures[]) => ({
    idleMb: median(list.map((f) => f.idleMb)),
    afterStatusMb: median(list.map((f) => f.afterStatusMb)),
    afterPendingMb: median(list.map((f) => f.afterPendingMb)),
    peakMb: median(list.map((f) => f.peakMb)),
  });
  console.log(
    JSON.stringify({
      bench: "memory",
      compiled: summary(results.get("compiled") ?? []),
      ...(flag("tsx") ? { tsx: summary(results.get("through tsx") ?? []) } : {}),
    }),
  );
}

await main();
