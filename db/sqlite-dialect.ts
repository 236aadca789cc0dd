import {
  type DatabaseConnection,
  type Dialect,
  type Driver,
  SqliteDialect,
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
  private readonly turn = new FifoMutex();

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

/** `SqliteDialect` whose connection goes to waiters in order (see `FifoMutex`). */
export class FairSqliteDialect extends SqliteDialect implements Dialect {
  override createDriver(): Driver {
    return new FairDriver(super.createDriver());
  }
}
