import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, type Migration, type MigrationProvider, Migrator, SqliteDialect } from "kysely";
import * as initial from "./migrations/0001_initial.js";
import * as processedUpdates from "./migrations/0002_processed_updates.js";
import * as assessments from "./migrations/0003_assessments.js";
import * as idempotentUpdates from "./migrations/0004_idempotent_updates.js";
import * as reminders from "./migrations/0005_reminders.js";
import * as nominations from "./migrations/0006_nominations.js";
import * as awardRecords from "./migrations/0007_award_records.js";
import * as statusIndexes from "./migrations/0008_status_indexes.js";
import type { Database } from "./schema.js";

const migrations: Record<string, Migration> = {
  "0001_initial": initial,
  "0002_processed_updates": processedUpdates,
  "0003_assessments": assessments,
  "0004_idempotent_updates": idempotentUpdates,
  "0005_reminders": reminders,
  "0006_nominations": nominations,
  "0007_award_records": awardRecords,
  "0008_status_indexes": statusIndexes,
};

const inCodeMigrations: MigrationProvider = {
  getMigrations: async () => migrations,
};

export type DB = Kysely<Database>;

/** Opens (creating the folder if needed) an SQLite database in WAL mode with foreign keys on. */
export function openDatabase(path: string): DB {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}

export async function migrateToLatest(db: DB): Promise<string[]> {
  const migrator = new Migrator({ db, provider: inCodeMigrations });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === "Error")?.migrationName ?? "unknown";
    throw new Error(`Database migration ${failed} failed: ${String(error)}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
