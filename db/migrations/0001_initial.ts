import { type Kysely, sql } from "kysely";

// Migrations take Kysely<unknown>: they must not depend on today's schema types.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("units")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("is_sample", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("archived_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await sql`CREATE UNIQUE INDEX units_code_unique ON units (upper(code))`.execute(db);

  await db.schema
    .createTable("users")
    .addColumn("telegram_id", "integer", (c) => c.primaryKey())
    .addColumn("full_name", "text", (c) => c.notNull())
    .addColumn("position", "text", (c) => c.notNull())
    .addColumn("unit_id", "integer", (c) => c.notNull().references("units.id"))
    .addColumn("role", "text", (c) => c.notNull().check(sql`role IN ('employee', 'unit_head', 'office')`))
    .addColumn("consented_at", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("users_unit").on("users").column("unit_id").execute();

  await db.schema
    .createTable("preferences")
    .addColumn("telegram_id", "integer", (c) => c.primaryKey())
    .addColumn("language", "text", (c) => c.notNull().check(sql`language IN ('vi', 'en')`))
    .execute();

  await db.schema
    .createTable("invites")
    .addColumn("token", "text", (c) => c.primaryKey())
    .addColumn("unit_id", "integer", (c) => c.notNull().references("units.id"))
    .addColumn("role", "text", (c) => c.notNull().check(sql`role IN ('employee', 'unit_head', 'office')`))
    .addColumn("single_use", "integer", (c) => c.notNull())
    .addColumn("created_by", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("revoked_at", "text")
    .addColumn("used_count", "integer", (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable("registration_drafts")
    .addColumn("telegram_id", "integer", (c) => c.primaryKey())
    .addColumn("invite_token", "text", (c) => c.notNull())
    .addColumn("consented_at", "text", (c) => c.notNull())
    .addColumn("full_name", "text")
    .addColumn("position", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("rounds")
    .addColumn("year", "integer", (c) => c.primaryKey())
    .addColumn("campaign_id", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(sql`status IN ('open', 'closed')`))
    .addColumn("deadline_at", "text", (c) => c.notNull())
    .addColumn("opened_at", "text", (c) => c.notNull())
    .addColumn("opened_by", "integer", (c) => c.notNull())
    .addColumn("closed_at", "text")
    .execute();

  await db.schema
    .createTable("conversation_state")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "conversation_state",
    "rounds",
    "registration_drafts",
    "invites",
    "preferences",
    "users",
    "units",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
