import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, type Migration, type MigrationProvider, Migrator, type SqliteDatabase, sql } from "kysely";
import { BUSY_TIMEOUT_MS, type BusyPolicy, BusyRetry, type BusyWait, DEFAULT_BUSY_POLICY } from "./busy.js";
import { type Checkpointer, type CheckpointStarter, checkpointInBackground } from "./checkpointer.js";
import * as initial from "./migrations/0001_initial.js";
import * as processedUpdates from "./migrations/0002_processed_updates.js";
import * as assessments from "./migrations/0003_assessments.js";
import * as idempotentUpdates from "./migrations/0004_idempotent_updates.js";
import * as reminders from "./migrations/0005_reminders.js";
import * as nominations from "./migrations/0006_nominations.js";
import * as awardRecords from "./migrations/0007_award_records.js";
import * as statusIndexes from "./migrations/0008_status_indexes.js";
import * as assessmentSessions from "./migrations/0009_assessment_sessions.js";
import * as reminderMessages from "./migrations/0010_reminder_messages.js";
import * as officeProfiles from "./migrations/0011_office_profiles.js";
import * as moveRequests from "./migrations/0012_move_requests.js";
import * as routesAndCouncil from "./migrations/0013_routes_and_council.js";
import * as officeProposes from "./migrations/0014_office_proposes.js";
import * as councilRole from "./migrations/0015_council_role.js";
import * as routeDrafts from "./migrations/0017_route_drafts.js";
import * as profileDetails from "./migrations/0018_profile_details.js";
import * as oneOpenRound from "./migrations/0019_one_open_round.js";
import * as outboxLease from "./migrations/0020_outbox_lease.js";
import type { Database } from "./schema.js";
import { allowDirect, directInTransaction, FairSqliteDialect } from "./sqlite-dialect.js";

const migrations: Record<string, Migration> = {
  "0001_initial": initial,
  "0002_processed_updates": processedUpdates,
  "0003_assessments": assessments,
  "0004_idempotent_updates": idempotentUpdates,
  "0005_reminders": reminders,
  "0006_nominations": nominations,
  "0007_award_records": awardRecords,
  "0008_status_indexes": statusIndexes,
  "0009_assessment_sessions": assessmentSessions,
  "0010_reminder_messages": reminderMessages,
  "0011_office_profiles": officeProfiles,
  "0012_move_requests": moveRequests,
  "0013_routes_and_council": routesAndCouncil,
  "0014_office_proposes": officeProposes,
  "0015_council_role": councilRole,
  "0017_route_drafts": routeDrafts,
  "0018_profile_details": profileDetails,
  "0019_one_open_round": oneOpenRound,
  "0020_outbox_lease": outboxLease,
};

const inCodeMigrations: MigrationProvider = {
  getMigrations: async () => migrations,
};

export type DB = Kysely<Database>;

/** Statements kept prepared: the bot's queries are a few hundred shapes, each run again and again. */
const STATEMENT_CACHE = 500;

/**
 * better-sqlite3 with its statements kept prepared, by their SQL: Kysely prepares each query anew, and that
 * was a sixth of the bot's CPU per update. A statement being iterated (a streamed query) is not handed out
 * again until done; the cache forgets the least recently used beyond its size.
 */
function withPreparedStatements(sqlite: SQLite.Database, onClose?: () => void): SqliteDatabase {
  const prepared = new Map<string, SQLite.Statement>();
  return {
    close: () => {
      onClose?.();
      sqlite.close();
    },
    prepare(query: string) {
      const cached = prepared.get(query);
      if (cached && !cached.busy) {
        // Most recently used last, so the first is the one to forget.
        prepared.delete(query);
        prepared.set(query, cached);
        return cached;
      }
      const statement = sqlite.prepare(query);
      prepared.set(query, statement);
      if (prepared.size > STATEMENT_CACHE) {
        const oldest = prepared.keys().next().value;
        if (oldest !== undefined) prepared.delete(oldest);
      }
      return statement;
    },
  };
}

export interface OpenOptions {
  /**
   * Checkpoint the write-ahead log from a background thread instead of in the commits (see
   * `checkpointInBackground`): for the bot's long-running process, not for short scripts and tests. `true`
   * starts a thread for them; or the thread is the caller's (a thread of the bot's that has other work too).
   */
  backgroundCheckpoints?: boolean | CheckpointStarter;
  /**
   * How surely a commit survives a power cut (a process crash loses nothing either way). NORMAL, the default:
   * a commit is in the write-ahead log, which is synced at each checkpoint; the last commits before a power
   * cut may be lost. FULL: the log is synced at every commit. See README, "Running it".
   */
  synchronous?: Synchronous;
  /** Hears of a statement that had to wait for a write lock another program held (see `BusyRetry`). */
  onLockWait?: (wait: BusyWait) => void;
  /** How long and how often to try again while another program holds the write lock. */
  busyPolicy?: BusyPolicy;
}

export type Synchronous = "NORMAL" | "FULL";

/** `SQLITE_SYNCHRONOUS` (NORMAL or FULL) as an option, for the benches to compare the two. */
export function synchronousFrom(env: NodeJS.ProcessEnv): Synchronous | undefined {
  const value = env.SQLITE_SYNCHRONOUS?.toUpperCase();
  if (value === undefined || value === "") return undefined;
  if (value === "NORMAL" || value === "FULL") return value;
  throw new Error(`SQLITE_SYNCHRONOUS must be NORMAL or FULL, not "${env.SQLITE_SYNCHRONOUS}"`);
}

/** The write-ahead log is cut back to this after a checkpoint (it grows while checkpoints wait for readers). */
const WAL_SIZE_LIMIT = 64 * 1024 * 1024;

/** Opens (creating the folder if needed) an SQLite database in WAL mode with foreign keys on. */
export function openDatabase(path: string, options: OpenOptions = {}): DB {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  // Short: better-sqlite3 waits synchronously, and a longer wait is spent asynchronously (BusyRetry).
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  sqlite.pragma(`synchronous = ${options.synchronous ?? "NORMAL"}`);
  let checkpointer: Checkpointer | undefined;
  if (options.backgroundCheckpoints && path !== ":memory:") {
    sqlite.pragma("wal_autocheckpoint = 0");
    sqlite.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT}`);
    // Should the background thread fail, the commits checkpoint again as SQLite does by default.
    const start =
      options.backgroundCheckpoints === true ? checkpointInBackground : options.backgroundCheckpoints;
    checkpointer = start(path, () => sqlite.pragma("wal_autocheckpoint = 1000"));
  }
  const database = withPreparedStatements(sqlite, () => void checkpointer?.stop());
  const busy = new BusyRetry(options.busyPolicy ?? DEFAULT_BUSY_POLICY, options.onLockWait);
  const dialect = new FairSqliteDialect({ database, busy });
  const db = new Kysely<Database>({ dialect });
  allowDirect(db, dialect);
  return db;
}

/**
 * Runs `work` in a transaction, or in the one `db` already is: a read-check-write that a caller wraps in its
 * own transaction (one per update) stays one.
 */
export function atomically<T>(db: DB, work: (trx: DB) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db);
  return db.transaction().execute((trx) => directInTransaction(db, trx, () => work(trx)));
}

/**
 * Brings the schema up to date. Foreign keys are off while the migrations run (SQLite's way to rebuild a
 * table that others reference, 0013) and, when a migration ran, every reference is checked before they are on
 * again. Not at a start with nothing to migrate: the check reads every table, and over 50,000 people it left
 * the process 24 MB larger for good (SQLite's memory, kept by the allocator).
 */
export async function migrateToLatest(db: DB, upTo?: string): Promise<string[]> {
  const migrator = new Migrator({ db, provider: inCodeMigrations });
  await sql`PRAGMA foreign_keys = OFF`.execute(db);
  const migrating = upTo === undefined ? migrator.migrateToLatest() : migrator.migrateTo(upTo);
  const { error, results } = await migrating.finally(async () => {
    await sql`PRAGMA foreign_keys = ON`.execute(db);
  });
  const ran = (results ?? []).some((result) => result.status !== "NotExecuted");
  const broken = ran ? (await sql`PRAGMA foreign_key_check`.execute(db)).rows : [];
  if (broken.length > 0)
    throw new Error(
      `Database migration left ${broken.length} broken references: ${JSON.stringify(broken.slice(0, 3))}`,
    );
  if (error) {
    const failed = results?.find((result) => result.status === "Error")?.migrationName ?? "unknown";
    throw new Error(`Database migration ${failed} failed: ${String(error)}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
