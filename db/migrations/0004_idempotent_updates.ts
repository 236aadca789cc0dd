import type { Kysely } from "kysely";

/**
 * An update is finished once handled; one taken but not finished was cut short (the process was killed) and
 * is handled again when Telegram re-sends it. Answers remember the update they came in, so handling that
 * update again does not store its answer a second time (as the answer to the next question).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("processed_updates").addColumn("finished_at", "text").execute();
  await db.schema.alterTable("assessments").addColumn("last_update_id", "integer").execute();
  await db.schema.alterTable("registration_drafts").addColumn("last_update_id", "integer").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("registration_drafts").dropColumn("last_update_id").execute();
  await db.schema.alterTable("assessments").dropColumn("last_update_id").execute();
  await db.schema.alterTable("processed_updates").dropColumn("finished_at").execute();
}
