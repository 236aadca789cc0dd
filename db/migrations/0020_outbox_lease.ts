import { type Kysely, sql } from "kysely";

/**
 * One process holds the database, and the outbox knows what is in flight (issue 14).
 *
 * `database_lease` has at most one row: the process that holds the database, renewed by its heartbeat. A
 * second process refuses to start while the row is held and fresh; one whose holder was killed takes it over.
 *
 * An outbox row is claimed (`claimed_by`) by the process that sends it, just before the send: a process that
 * no longer holds the lease cannot claim it, and a claim left on a row still pending means the send's outcome
 * was never known (a crash, a lost response): sending it again is a possible repeat, counted in `repeats`.
 *
 * `fan_out_reports`: the report `/remind now` owes the Office member who asked, stored with the fan-out so that
 * a fan-out that outlives a restart still reports when it ends.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("database_lease")
    .addColumn("id", "integer", (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn("holder", "text", (c) => c.notNull())
    .addColumn("pid", "integer", (c) => c.notNull())
    .addColumn("host", "text", (c) => c.notNull())
    .addColumn("acquired_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.alterTable("reminder_outbox").addColumn("claimed_by", "text").execute();
  await db.schema
    .alterTable("reminder_outbox")
    .addColumn("repeats", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable("fan_out_reports")
    .addColumn("round_year", "integer", (c) => c.notNull())
    .addColumn("slot_key", "text", (c) => c.notNull())
    .addColumn("chat_id", "integer", (c) => c.notNull())
    .addColumn("language", "text", (c) => c.notNull())
    .addColumn("requested_at", "text", (c) => c.notNull())
    .addColumn("waiting_reported_at", "text")
    .addColumn("reported_at", "text")
    .addPrimaryKeyConstraint("fan_out_reports_pk", ["round_year", "slot_key"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("fan_out_reports").execute();
  await db.schema.alterTable("reminder_outbox").dropColumn("repeats").execute();
  await db.schema.alterTable("reminder_outbox").dropColumn("claimed_by").execute();
  await db.schema.dropTable("database_lease").execute();
}
