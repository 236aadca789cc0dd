import type { Kysely } from "kysely";

/**
 * A self-assessment in progress in a private chat: which one (the person's own, or their unit's) and the
 * question the bot asked last, with its message. The answers themselves are in `assessment_items`; this is
 * only the position, so a typed answer is taken for the question the person saw, also after a restart.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("assessment_sessions")
    .addColumn("chat_id", "integer", (c) => c.primaryKey())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("asked_step", "text", (c) => c.notNull())
    .addColumn("message_id", "integer")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("assessment_sessions").execute();
}
