/**
 * `npm run reminders -- --at <ISO instant> --dry-run`: prints which reminders the bot would send at that
 * instant, to whom and with which text, reading the bot's database (DATABASE_PATH) and sending nothing.
 */
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { migrateToLatest, openDatabase } from "../db/connection.js";
import { loadCampaign } from "./campaign/load.js";
import { formatLocalDateTime } from "./domain/time.js";
import { createI18n } from "./i18n.js";
import { createLogger } from "./logger.js";
import { planDueReminders } from "./reminders/plan.js";

const USAGE = "Usage: npm run reminders -- --at <ISO instant, e.g. 2026-12-29T08:00:00+07:00> --dry-run";

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function parseOptions(): { at: string | undefined; dryRun: boolean } {
  try {
    const { values } = parseArgs({
      options: { at: { type: "string" }, "dry-run": { type: "boolean", default: false } },
      strict: true,
    });
    return { at: values.at, dryRun: values["dry-run"] };
  } catch (error) {
    return fail((error as Error).message);
  }
}

const options = parseOptions();
if (!options.dryRun) fail("Only --dry-run is supported here: the running bot is what sends reminders.");
// An instant without its offset would be read in this machine's zone, not the campaign's: refuse it.
const hasOffset = /(?:[zZ]|[+-]\d{2}:?\d{2})$/.test(options.at ?? "");
const at = new Date(options.at ?? "");
if (!options.at || !hasOffset || Number.isNaN(at.getTime())) {
  fail(
    `--at needs an ISO instant with its offset, e.g. 2026-12-29T08:00:00+07:00; got ${options.at ?? "nothing"}.`,
  );
}

if (existsSync(".env")) process.loadEnvFile(".env");
const databasePath = process.env.DATABASE_PATH || "data/thidua.sqlite";
if (!existsSync(databasePath)) fail(`No database at ${databasePath} (set DATABASE_PATH).`);
const db = openDatabase(databasePath);
await migrateToLatest(db);
const campaign = loadCampaign(process.env.CAMPAIGN_FILE || undefined);
const officeAdminIds = (process.env.OFFICE_ADMIN_IDS ?? "")
  .split(",")
  .map((id) => Number(id.trim()))
  .filter((id) => Number.isInteger(id) && id > 0);
const deps = { db, campaign, i18n: createI18n(), officeAdminIds, logger: createLogger({ level: "silent" }) };

const planned = await planDueReminders(deps, at, { dryRun: true });
const zone = campaign.timeZone;
const out: string[] = [
  `Reminders due at ${formatLocalDateTime(at, zone)} (${zone}), dry run: nothing is sent or stored.`,
];
if (planned.length === 0)
  out.push("Nothing would be sent: no open round, no slot due, or the due slots were already sent.");
for (const { slot, rows } of planned) {
  out.push("", `== ${slot.key} (due ${formatLocalDateTime(slot.sendAt, zone)}): ${rows.length} message(s)`);
  if (rows.length === 0) out.push("   (nobody owes anything)");
  for (const row of rows) {
    out.push(`-- to ${row.kind} chat ${row.chat_id}${row.page ? ` (page ${Number(row.page) + 1})` : ""}`);
    out.push(row.text.replace(/<[^>]+>/g, ""));
  }
}
process.stdout.write(`${out.join("\n")}\n`);
await db.destroy();
