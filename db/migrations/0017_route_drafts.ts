import type { Kysely } from "kysely";

/**
 * The record an Office member is putting together with /record (a Tờ trình, a decision, a refusal by the level
 * above): the checklist shown, what they unticked, and the number, date or reason typed so far. One per Office
 * member; kept until confirmed or dropped, so a pause or a restart loses nothing.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("route_drafts")
    .addColumn("office_id", "integer", (c) => c.primaryKey())
    .addColumn("round_year", "integer", (c) => c.notNull())
    .addColumn("form_id", "text", (c) => c.notNull())
    .addColumn("from_status", "text", (c) => c.notNull())
    .addColumn("to_status", "text", (c) => c.notNull())
    /** JSON array of the nominations on the checklist, as shown. */
    .addColumn("nomination_ids", "text", (c) => c.notNull())
    /** JSON array of those unticked. */
    .addColumn("unticked", "text", (c) => c.notNull())
    .addColumn("number", "text")
    /** YYYY-MM-DD. */
    .addColumn("date", "text")
    .addColumn("reason", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("route_drafts").execute();
}
