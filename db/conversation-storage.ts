import type { DB } from "./connection.js";
import { precompile } from "./precompiled.js";

export interface VersionedStateLike<S> {
  version: [0, string | number];
  state: S;
}

/**
 * Storage for @grammyjs/conversations, one row per key (the chat), so that a restarted process resumes
 * each conversation where it stood.
 */
const stateOf = precompile((db: DB, key: string) =>
  db.selectFrom("conversation_state").select("value").where("key", "=", key),
);

/** How many chats the storage remembers to be in no conversation before it starts that list afresh. */
const ABSENT_REMEMBERED = 100_000;

/**
 * The plugin reads a chat's state on every update, and nearly every update comes from a chat in no
 * conversation (a self-assessment is not one), so the storage remembers which keys it found without state and
 * answers those from memory until it writes them. That holds because this adapter is the only writer of
 * conversation_state (one process holds the database; erasing a person only deletes rows).
 */
export function sqliteConversationStorage<S>(db: DB, clock: () => Date) {
  const absent = new Set<string>();
  const rememberAbsent = (key: string) => {
    if (absent.size >= ABSENT_REMEMBERED) absent.clear();
    absent.add(key);
  };
  return {
    async read(key: string): Promise<VersionedStateLike<S> | undefined> {
      if (absent.has(key)) return undefined;
      const row = await stateOf.first(db, key);
      if (!row) rememberAbsent(key);
      return row ? (JSON.parse(row.value) as VersionedStateLike<S>) : undefined;
    },
    async write(key: string, state: VersionedStateLike<S>): Promise<void> {
      absent.delete(key);
      const value = JSON.stringify(state);
      const updated_at = clock().toISOString();
      await db
        .insertInto("conversation_state")
        .values({ key, value, updated_at })
        .onConflict((oc) => oc.column("key").doUpdateSet({ value, updated_at }))
        .execute();
    },
    async delete(key: string): Promise<void> {
      await db.deleteFrom("conversation_state").where("key", "=", key).execute();
      rememberAbsent(key);
    },
  };
}
