/**
 * What one update has read already, by key: who is speaking, the open round. Kept by the update object
 * itself (a conversation's contexts for the update share it) rather than in an AsyncLocalStorage, whose
 * promise hooks cost every update about a twentieth of its CPU.
 */
export class UpdateReads {
  private readonly known = new Map<string, Promise<unknown>>();

  /**
   * `load()` once per key: only for what an update reads but does not change (a person's registration, the
   * open round, a unit's extension).
   */
  once<T>(key: string, load: () => Promise<T>): Promise<T> {
    const known = this.known.get(key);
    if (known) return known as Promise<T>;
    const loading = load();
    this.known.set(key, loading);
    return loading;
  }
}

const byUpdate = new WeakMap<object, UpdateReads>();

/** The reads of the update being handled (`ctx.update`). */
export function readsOf(update: object): UpdateReads {
  let reads = byUpdate.get(update);
  if (!reads) {
    reads = new UpdateReads();
    byUpdate.set(update, reads);
  }
  return reads;
}

/** Through `reads` when there is an update in hand; outside one (the scheduler, a CLI), just loads. */
export function readOnce<T>(reads: UpdateReads | undefined, key: string, load: () => Promise<T>): Promise<T> {
  return reads ? reads.once(key, load) : load();
}
