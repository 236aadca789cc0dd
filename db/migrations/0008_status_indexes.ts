import type { Kysely } from "kysely";

/**
 * Indexes for the queries that read every unit or every person at once: /status and /pending count people per
 * unit and name the first who have not submitted, the menus and notices look people up by role, and the list
 * of unreachable chats joins units by their bound group.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Counting who submitted, and finding who did not, read only this index.
  await db.schema
    .createIndex("assessments_progress")
    .on("assessments")
    .columns(["round_year", "subject", "status", "subject_id"])
    .execute();
  // A unit's people in name order: the first few who have not submitted without sorting them all.
  await db.schema.createIndex("users_unit_name").on("users").columns(["unit_id", "full_name"]).execute();
  await db.schema.createIndex("users_role").on("users").column("role").execute();
  await db.schema.createIndex("units_group_chat").on("units").column("group_chat_id").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const name of ["units_group_chat", "users_role", "users_unit_name", "assessments_progress"])
    await db.schema.dropIndex(name).ifExists().execute();
}
