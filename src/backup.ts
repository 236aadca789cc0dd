/**
 * `npm run backup [path] [-- --pages-per-step N --pause-ms M]`: copies the bot's database (DATABASE_PATH) to
 * `path` (default: backups/thidua-<date>-<time>.sqlite beside the database) while the bot runs, with SQLite's
 * online backup API: the bot goes on answering and writing meanwhile (see db/backup.ts).
 */
import { existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { backupDatabase } from "../db/backup.js";

const USAGE = "Usage: npm run backup [path] [-- --pages-per-step <pages> --pause-ms <ms>]";

function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n${code === 2 ? `${USAGE}\n` : ""}`);
  process.exit(code);
}

function wholeNumber(name: string, value: string | undefined, fallback: number, least: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < least)
    fail(`${name} needs a whole number from ${least}; got ${value}.`);
  return number;
}

function parseOptions(): { path: string | undefined; pagesPerStep: number; pauseMs: number } {
  let parsed: { values: { "pages-per-step"?: string; "pause-ms"?: string }; positionals: string[] };
  try {
    parsed = parseArgs({
      options: { "pages-per-step": { type: "string" }, "pause-ms": { type: "string" } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    return fail((error as Error).message);
  }
  if (parsed.positionals.length > 1) fail(`One backup path at most; got ${parsed.positionals.join(" ")}.`);
  return {
    path: parsed.positionals[0],
    pagesPerStep: wholeNumber("--pages-per-step", parsed.values["pages-per-step"], 1000, 1),
    pauseMs: wholeNumber("--pause-ms", parsed.values["pause-ms"], 0, 0),
  };
}

const options = parseOptions();
if (existsSync(".env")) process.loadEnvFile(".env");
const source = process.env.DATABASE_PATH || "data/thidua.sqlite";
if (!existsSync(source)) fail(`No database at ${source} (set DATABASE_PATH).`, 1);

const stamp = new Date().toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
const destination = options.path ?? join(dirname(source), "backups", `thidua-${stamp}.sqlite`);
mkdirSync(dirname(destination), { recursive: true });
if (existsSync(destination)) fail(`${destination} exists already; give another path.`, 1);

try {
  const result = await backupDatabase(source, destination, {
    pagesPerStep: options.pagesPerStep,
    pauseMs: options.pauseMs,
    onProgress: ({ totalPages, remainingPages }) =>
      process.stdout.write(`copied ${totalPages - remainingPages} of ${totalPages} pages\n`),
  });
  const restarted =
    result.restarts > 0 ? ` (begun again ${result.restarts}× as the bot wrote meanwhile)` : "";
  process.stdout.write(
    `Backup of ${source} written to ${destination}: ${result.totalPages} pages, integrity ok${restarted}.\n`,
  );
} catch (error) {
  fail(`Backup failed: ${error instanceof Error ? error.message : String(error)}`, 1);
}
