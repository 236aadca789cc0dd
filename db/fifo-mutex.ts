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
