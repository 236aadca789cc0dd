import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  SqliteDialect,
  type SqliteDialectConfig,
} from "kysely";
import { BusyRetry, isBusy } from "./busy.js";
import { FifoMutex } from "./fifo-mutex.js";

export { FifoMutex };

/**
 * Kysely's SQLite driver with the single connection handed out first come, first served, and made patient
 * with a lock another program holds (see `BusyRetry`): a transaction takes the write lock when it begins
 * (`begin immediate`), so it is the begin that waits, before any work was done, and a statement outside a
 * transaction waits on its own. Either lets others have the connection while it pauses: reads, which the
 * write-ahead log lets through, go on answering.
 */
class FairDriver implements Driver {
  readonly turn = new FifoMutex();
  private inTransaction = false;
  private patient: DatabaseConnection | undefined;
  private readonly yieldTurn = {
    release: () => this.turn.unlock(),
    reacquire: () => this.turn.lock(),
  };

  constructor(
    private readonly inner: Driver,
    private readonly busy: BusyRetry,
  ) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.turn.lock();
    this.patient ??= await this.patientConnection();
    return this.patient;
  }

  /**
   * The inner driver's one connection, from now on handed out by `turn` alone: the inner driver's own mutex is
   * let go for good, since a waiter lets others have the connection while it still counts as holding it.
   */
  private async patientConnection(): Promise<DatabaseConnection> {
    const connection = await this.inner.acquireConnection();
    await this.inner.releaseConnection(connection);
    return {
      executeQuery: (query) =>
        this.inTransaction
          ? connection.executeQuery(query)
          : this.busy.run(() => connection.executeQuery(query), this.yieldTurn),
      streamQuery: (query, chunkSize) => connection.streamQuery(query, chunkSize),
    };
  }

  async releaseConnection(): Promise<void> {
    this.turn.unlock();
  }

  /** `connection` is ours, whose statements outside a transaction wait for a lock held elsewhere. */
  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
    this.inTransaction = true;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await this.inner.commitTransaction(connection);
    this.inTransaction = false;
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await this.inner.rollbackTransaction(connection);
    } finally {
      this.inTransaction = false;
    }
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}

/**
 * `SqliteDialect` whose connection goes to waiters in order (see `FifoMutex`), and which can run a compiled
 * query at once, without a turn, where that is safe (see `runDirectly`).
 */
export class FairSqliteDialect extends SqliteDialect implements Dialect {
  private driver: FairDriver | undefined;

  constructor(
    private readonly settings: SqliteDialectConfig & { database: SqliteDatabaseLike; busy?: BusyRetry },
  ) {
    super(settings);
  }

  override createDriver(): Driver {
    this.driver = new FairDriver(super.createDriver(), this.settings.busy ?? new BusyRetry());
    return this.driver;
  }

  /** Whether nobody has the connection now: no transaction open, no query waiting. */
  get idle(): boolean {
    return this.driver?.turn.free ?? false;
  }

  /** The connection's turns (see FairDriver), once Kysely has created the driver. */
  get turn(): FifoMutex | undefined {
    return this.driver?.turn;
  }

  /** Runs `query` on the connection now, as Kysely's SQLite connection would. */
  run<R>(query: CompiledQuery<R>): QueryResult<R> {
    const statement = this.settings.database.prepare(query.sql);
    const parameters = query.parameters as unknown[];
    if (statement.reader) return { rows: statement.all(parameters) as R[] };
    const { changes, lastInsertRowid } = statement.run(parameters);
    return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
  }
}

/** What `run` uses of the database: its (cached) prepared statements. */
type SqliteDatabaseLike = {
  prepare(sql: string): {
    reader: boolean;
    all(parameters: ReadonlyArray<unknown>): unknown[];
    run(parameters: ReadonlyArray<unknown>): { changes: number | bigint; lastInsertRowid: number | bigint };
  };
};

/**
 * Where a query may skip Kysely's connection handling (about 10 promises and their closures per query, a good
 * part of the bot's garbage): a database whose connection is idle, or a transaction of ours, which holds the
 * connection for as long as it runs. Anything else (a transaction not opened by `atomically`) takes its turn.
 */
const direct = new WeakMap<object, { dialect: FairSqliteDialect; transaction: boolean }>();

export function allowDirect(db: object, dialect: FairSqliteDialect): void {
  direct.set(db, { dialect, transaction: false });
}

/** For the length of `work`, queries in `trx` (a transaction of `db`) run directly. */
export async function directInTransaction<T>(db: object, trx: object, work: () => Promise<T>): Promise<T> {
  const root = direct.get(db);
  if (!root) return work();
  direct.set(trx, { dialect: root.dialect, transaction: true });
  try {
    return await work();
  } finally {
    direct.delete(trx);
  }
}

/**
 * `query` on `db`'s connection at its turn, after those who hold it or wait for it (as through Kysely), but
 * without Kysely's connection handling: with people answering at once a transaction is open much of the time,
 * and the reads waiting for it were a tenth of what the bot allocated. Undefined where that does not apply (a
 * transaction's own queries run directly); a database locked by another program goes Kysely's patient way.
 */
function runAtTurn<R>(
  db: Pick<Kysely<never>, "executeQuery">,
  query: CompiledQuery<R>,
): Promise<QueryResult<R>> | undefined {
  const entry = direct.get(db);
  const turn = entry?.dialect.turn;
  if (!entry || entry.transaction || !turn) return undefined;
  return turn.lock().then(() => {
    let result: QueryResult<R>;
    try {
      result = entry.dialect.run(query);
    } catch (error) {
      turn.unlock();
      if (isBusy(error)) return db.executeQuery(query);
      throw error;
    }
    turn.unlock();
    return result;
  });
}

/**
 * Runs `query` synchronously when `db` allows it now; undefined means: go through Kysely. SQLite runs one
 * statement at a time on this thread anyway, so running it now, between two turns, changes no one's result.
 */
function runDirectly<R>(db: object, query: CompiledQuery<R>): Promise<QueryResult<R>> | undefined {
  const entry = direct.get(db);
  if (!entry || (!entry.transaction && !entry.dialect.idle)) return undefined;
  try {
    return Promise.resolve(entry.dialect.run(query));
  } catch (error) {
    // Another program holds the write lock: the way through Kysely waits for it without blocking.
    if (!entry.transaction && isBusy(error)) return undefined;
    return Promise.reject(error);
  }
}

/** `query` the quickest way `db` allows: directly, else directly at the connection's turn, else through Kysely. */
export function runQuery<R>(
  db: Pick<Kysely<never>, "executeQuery">,
  query: CompiledQuery<R>,
): Promise<QueryResult<R>> {
  return runDirectly(db, query) ?? runAtTurn(db, query) ?? db.executeQuery(query);
}
