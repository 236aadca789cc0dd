import {
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryResult,
  SqliteDialect,
  type SqliteDialectConfig,
  type TransactionSettings,
} from "kysely";

/**
 * One waiter after another, in the order they came. Kysely's own SQLite mutex wakes every waiter on each
 * release and all but one go back to sleep: with 500 updates in flight that was most of the bot's time
 * (the work per query grew with the number waiting).
 */
export class FifoMutex {
  private held = false;
  private readonly waiting: Array<() => void> = [];

  /** Nobody holds it, and so nobody waits for it either (`unlock` hands it straight on). */
  get free(): boolean {
    return !this.held;
  }

  lock(): Promise<void> {
    if (!this.held) {
      this.held = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Hands the lock straight to the longest waiter, if any. */
  unlock(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.held = false;
  }
}

/** Kysely's SQLite driver with the single connection handed out first come, first served. */
class FairDriver implements Driver {
  readonly turn = new FifoMutex();

  constructor(private readonly inner: Driver) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.turn.lock();
    // Ours is the only turn, so the inner driver's own mutex is free and does not wait.
    return this.inner.acquireConnection();
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    await this.inner.releaseConnection(connection);
    this.turn.unlock();
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.inner.beginTransaction(connection, settings);
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.commitTransaction(connection);
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.rollbackTransaction(connection);
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

  constructor(private readonly settings: SqliteDialectConfig & { database: SqliteDatabaseLike }) {
    super(settings);
  }

  override createDriver(): Driver {
    this.driver = new FairDriver(super.createDriver());
    return this.driver;
  }

  /** Whether nobody has the connection now: no transaction open, no query waiting. */
  get idle(): boolean {
    return this.driver?.turn.free ?? false;
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
 * Runs `query` synchronously when `db` allows it now; undefined means: go through Kysely. SQLite runs one
 * statement at a time on this thread anyway, so running it now, between two turns, changes no one's result.
 */
export function runDirectly<R>(db: object, query: CompiledQuery<R>): Promise<QueryResult<R>> | undefined {
  const entry = direct.get(db);
  if (!entry || (!entry.transaction && !entry.dialect.idle)) return undefined;
  try {
    return Promise.resolve(entry.dialect.run(query));
  } catch (error) {
    return Promise.reject(error);
  }
}
