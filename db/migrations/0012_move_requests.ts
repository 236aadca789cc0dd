import { type Kysely, sql } from "kysely";

/**
 * A registered person's request to move to another unit through an invite, where the move needs the Office's
 * word (they have a self-assessment sent or a nomination standing in the open round). Kept once decided.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("move_requests")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("telegram_id", "integer", (c) => c.notNull())
    .addColumn("from_unit_id", "integer", (c) => c.notNull().references("units.id"))
    .addColumn("from_role", "text", (c) => c.notNull())
    .addColumn("to_unit_id", "integer", (c) => c.notNull().references("units.id"))
    .addColumn("to_role", "text", (c) =>
      c.notNull().check(sql`to_role IN ('employee', 'unit_head', 'office')`),
    )
    .addColumn("invite_token", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) =>
      c.notNull().check(sql`status IN ('pending', 'approved', 'refused', 'withdrawn')`),
    )
    .addColumn("requested_at", "text", (c) => c.notNull())
    .addColumn("decided_at", "text")
    .addColumn("decided_by", "integer")
    .addColumn("decided_by_name", "text")
    .execute();
  // One request waiting per person: a second tap finds the first.
  await sql`CREATE UNIQUE INDEX move_requests_pending ON move_requests (telegram_id) WHERE status = 'pending'`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("move_requests").execute();
}
