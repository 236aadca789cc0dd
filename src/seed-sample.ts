import { existsSync } from "node:fs";
import { migrateToLatest, openDatabase } from "../db/connection.js";
import { SAMPLE_UNITS, seedSampleUnits } from "../db/sample-units.js";

// `npm run seed:sample`: loads the SAMPLE list of units into the bot's database, for trying the bot.
if (existsSync(".env")) process.loadEnvFile(".env");
const path = process.env.DATABASE_PATH || "data/thidua.sqlite";
const db = openDatabase(path);
await migrateToLatest(db);
const added = await seedSampleUnits(db, new Date());
await db.destroy();
process.stdout.write(
  `${path}: added ${added.length} of ${SAMPLE_UNITS.length} sample units${added.length ? ` (${added.join(", ")})` : ""}; they are marked as sample data.\n`,
);
