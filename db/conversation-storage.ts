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

export function sqliteConversationStorage<S>(db: DB, clock: () => Date) {
  return {
    async read(key: string): Promise<VersionedStateLike<S> | undefined> {
      const row = await stateOf.first(db, key);
      return row ? (JSON.parse(row.value) as VersionedStateLike<S>) : undefined;
    },
    async write(key: string, state: VersionedStateLike<S>): Promise<void> {
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
    },
  };
}
