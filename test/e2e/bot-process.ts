import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { startFlags } from "../helpers/start-command.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export interface BotProcessOptions {
  env: Record<string, string>;
  /** Run the compiled JavaScript (`npm run build`, what `npm start` runs) instead of the sources with tsx. */
  compiled?: boolean;
  /** Another TypeScript entry to run through tsx instead of the bot (a bench's bare grammY bot). */
  script?: string;
  /** The tree to run, when not this one (a bench's older commit, checked out and built elsewhere). */
  root?: string;
  /** More flags for Node, before the entry (a bench's `--cpu-prof`). */
  nodeFlags?: readonly string[];
}

/**
 * The real bot process, started as `npm start` starts it (node with tsx, src/main.ts), so that signals
 * reach the bot itself and SIGKILL kills it at once.
 */
export class BotProcess {
  private stdout = "";
  private stderr = "";
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    child.stdout.on("data", (chunk: Buffer) => {
      this.stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      this.stderr += chunk.toString();
    });
    this.exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  }

  static spawn(options: BotProcessOptions): BotProcess {
    const entry = [
      ...startFlags(options.root),
      ...(options.nodeFlags ?? []),
      ...(options.script
        ? ["--import", "tsx", options.script]
        : options.compiled
          ? ["dist/src/main.js"]
          : ["--import", "tsx", "src/main.ts"]),
    ];
    const child = spawn(process.execPath, entry, {
      cwd: options.root ?? ROOT,
      env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "info", ...options.env },
      stdio: "pipe",
    });
    return new BotProcess(child);
  }

  /** Starts the bot and resolves once it polls; rejects with its output if it exits first. */
  static async start(options: BotProcessOptions, timeoutMs = 30_000): Promise<BotProcess> {
    const bot = BotProcess.spawn(options);
    await bot.waitForLog("bot started", timeoutMs);
    return bot;
  }

  /** The process id, to read its memory from /proc. */
  get pid(): number {
    return this.child.pid ?? -1;
  }

  get output(): string {
    return `${this.stdout}\n${this.stderr}`;
  }

  get errorOutput(): string {
    return this.stderr;
  }

  /** The JSON log lines the process wrote. */
  logs(): Array<Record<string, unknown>> {
    return this.stdout
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  waitForLog(message: string, timeoutMs = 30_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`no log "${message}" within ${timeoutMs} ms; output:\n${this.output}`));
      }, timeoutMs);
      const check = () => {
        if (this.logs().some((line) => line.msg === message)) {
          cleanup();
          resolve();
        }
      };
      const onExit = () => {
        cleanup();
        reject(new Error(`the bot exited before logging "${message}"; output:\n${this.output}`));
      };
      const cleanup = () => {
        clearTimeout(timer);
        this.child.stdout.off("data", check);
        this.child.off("exit", onExit);
      };
      this.child.stdout.on("data", check);
      this.child.once("exit", onExit);
      check();
    });
  }

  kill(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    return this.exited;
  }
}
