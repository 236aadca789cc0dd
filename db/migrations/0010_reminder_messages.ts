import type { Kysely } from "kysely";

/**
 * The words every employee of a slot receives, stored once per slot and language rather than on each of
 * 45,000 rows: an outbox row that points to a message (`message_id`) keeps an empty `text` and no keyboard of
 * its own, and is sent with the message's. Such a text names no one (a person's erasure has nothing to remove).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("reminder_messages")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("round_year", "integer", (c) => c.notNull())
    .addColumn("slot_key", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("reply_markup", "text")
    .execute();
  await db.schema
    .createIndex("reminder_messages_slot")
    .on("reminder_messages")
    .columns(["round_year", "slot_key"])
    .execute();
  await db.schema
    .alterTable("reminder_outbox")
    .addColumn("message_id", "integer", (c) => c.references("reminder_messages.id"))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("reminder_outbox").dropColumn("message_id").execute();
  await db.schema.dropTable("reminder_messages").execute();
}
