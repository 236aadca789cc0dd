import { AsyncLocalStorage } from "node:async_hooks";
import type { MiddlewareFn } from "grammy";

/** What one update has read already, by key: who is speaking, the open round. */
const scope = new AsyncLocalStorage<Map<string, Promise<unknown>>>();

/**
 * Opens a scope for one update. Reads made through `readOncePerUpdate` inside it are made once, however many
 * times the middleware (run again for each context inside a conversation) and the services ask.
 */
export const updateScope: MiddlewareFn = (_ctx, next) => scope.run(new Map(), next);

/**
 * `load()` once per update and key: only for what an update reads but does not change (a person's
 * registration, the open round, a unit's extension). Outside an update (the scheduler, a CLI) it just loads.
 */
export function readOncePerUpdate<T>(key: string, load: () => Promise<T>): Promise<T> {
  const cache = scope.getStore();
  if (!cache) return load();
  const known = cache.get(key);
  if (known) return known as Promise<T>;
  const loading = load();
  cache.set(key, loading);
  return loading;
}
