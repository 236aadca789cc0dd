import type { MiddlewareFn } from "grammy";

/**
 * Counts updates being handled, so that shutdown can wait for them. The runner's stop() only stops
 * fetching; it does not wait for the handlers already running.
 */
export class InFlightUpdates {
  private running = 0;
  private idle: Array<() => void> = [];

  readonly middleware: MiddlewareFn = async (_ctx, next) => {
    this.running++;
    try {
      await next();
    } finally {
      this.running--;
      if (this.running === 0) for (const resolve of this.idle.splice(0)) resolve();
    }
  };

  get count(): number {
    return this.running;
  }

  drain(): Promise<void> {
    return this.running === 0 ? Promise.resolve() : new Promise((resolve) => this.idle.push(resolve));
  }
}
