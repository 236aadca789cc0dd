import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("units").addColumn("group_chat_id", "integer").execute();

  // The outbox: every reminder is planned here first and marked sent only once Telegram accepted it.
  await db.schema
    .createTable("reminder_outbox")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("round_year", "integer", (c) => c.notNull())
    .addColumn("slot_key", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind IN ('unit', 'group', 'employee', 'digest')`))
    .addColumn("chat_id", "integer", (c) => c.notNull())
    .addColumn("page", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("unit_id", "integer")
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("reply_markup", "text")
    .addColumn("due_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text")
    .addColumn("status", "text", (c) =>
      c.notNull().check(sql`status IN ('pending', 'sent', 'superseded', 'unreachable', 'failed')`),
    )
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_error", "text")
    .addColumn("sent_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("reminder_outbox_once", ["round_year", "slot_key", "chat_id", "page"])
    .execute();
  await db.schema
    .createIndex("reminder_outbox_due")
    .on("reminder_outbox")
    .columns(["status", "due_at"])
    .execute();

  // Each slot of the schedule is planned once, at its time (what is owed is read then).
  await db.schema
    .createTable("reminder_slots")
    .addColumn("round_year", "integer", (c) => c.notNull())
    .addColumn("slot_key", "text", (c) => c.notNull())
    .addColumn("planned_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("reminder_slots_pk", ["round_year", "slot_key"])
    .execute();

  await db.schema
    .createTable("unreachable_chats")
    .addColumn("chat_id", "integer", (c) => c.primaryKey())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("since", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("unreachable_chats").execute();
  await db.schema.dropTable("reminder_slots").execute();
  await db.schema.dropTable("reminder_outbox").execute();
  await db.schema.alterTable("units").dropColumn("group_chat_id").execute();
}
