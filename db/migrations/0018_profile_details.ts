import type { Kysely } from "kysely";

/**
 * What the Báo cáo thành tích asks of a person and the bot did not know: date of birth, gender, quê quán,
 * trình độ chuyên môn, nhiệm vụ được giao and the awards already received. One row per person, apart from
 * `users`, so that erasing the person deletes it in one statement. A column left null was never answered.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("profile_details")
    .addColumn("telegram_id", "integer", (c) => c.primaryKey())
    /** YYYY-MM-DD. */
    .addColumn("date_of_birth", "text")
    /** "male" | "female". */
    .addColumn("gender", "text")
    .addColumn("hometown", "text")
    .addColumn("qualification", "text")
    .addColumn("duties", "text")
    /** JSON array of {year, form, decision}; "[]" for "none received", null when never answered. */
    .addColumn("awards", "text")
    /** Who typed the last answer: the person, or their head. */
    .addColumn("updated_by", "integer", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("profile_details").execute();
}
