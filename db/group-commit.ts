import { CompiledQuery } from "kysely";
import { atomically, type DB } from "./connection.js";
import { runQuery } from "./sqlite-dialect.js";

interface Job {
  work: (trx: DB) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Runs small writes of many updates in one transaction: whatever arrives while a transaction is being written
 * goes into the next one, each job in a savepoint of its own, and while transactions are shared (the last one
 * held more than one job) the jobs that come in the same turn of the event loop go together too. A job's
 * promise settles once its transaction is committed (or its own work failed, rolled back to its savepoint,
 * the others unharmed). With many people answering at once this spares a commit, the dearest statement of an
 * answer, for all but one in each group; a job that comes alone is written at once.
 */
export class GroupCommit {
  private waiting: Job[] = [];
  private writing = false;
  /** Whether the last transaction held more than one job: others are answering at the same time. */
  private shared = false;

  constructor(private readonly db: DB) {}

  run<T>(work: (trx: DB) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.writing) void this.writeAll();
    });
  }

  private async writeAll(): Promise<void> {
    this.writing = true;
    try {
      if (this.shared) await endOfThisTurn();
      while (this.waiting.length > 0) {
        const jobs = this.waiting.splice(0);
        this.shared = jobs.length > 1;
        await this.writeGroup(jobs);
      }
    } finally {
      this.writing = false;
    }
  }

  private async writeGroup(jobs: Job[]): Promise<void> {
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    try {
      await atomically(this.db, async (trx) => {
        for (const job of jobs) {
          await runQuery(trx, SAVEPOINT);
          try {
            outcomes.push({ ok: true, value: await job.work(trx) });
          } catch (error) {
            await runQuery(trx, ROLLBACK_TO_SAVEPOINT);
            outcomes.push({ ok: false, error });
          }
          await runQuery(trx, RELEASE_SAVEPOINT);
        }
      });
    } catch (error) {
      for (const job of jobs) job.reject(error);
      return;
    }
    jobs.forEach((job, i) => {
      const outcome = outcomes[i];
      if (outcome?.ok) job.resolve(outcome.value);
      else job.reject(outcome?.error);
    });
  }
}

// The updates of one poll are answered in the same turns, so their writes are gathered there; waiting longer
// would put a timer's delay on every answer. Not for a job that comes alone: the extra turn cost one person
// answering at a time about a sixth of an answer's CPU (test/bench/assessment-bench.ts --users 50).
const endOfThisTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

// Run directly in the group's transaction (runQuery), two of these an update skip Kysely's building and its
// connection handling.
const SAVEPOINT = CompiledQuery.raw("savepoint group_job");
const ROLLBACK_TO_SAVEPOINT = CompiledQuery.raw("rollback to savepoint group_job");
const RELEASE_SAVEPOINT = CompiledQuery.raw("release savepoint group_job");

const groups = new WeakMap<DB, GroupCommit>();

/** `work` in the next group transaction of `db` (see GroupCommit). */
export function inGroupCommit<T>(db: DB, work: (trx: DB) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db);
  let group = groups.get(db);
  if (!group) {
    group = new GroupCommit(db);
    groups.set(db, group);
  }
  return group.run(work);
}
