import type { Kysely } from "kysely";

/**
 * The name and position of an Office admin named in OFFICE_ADMIN_IDS: they belong to no unit, so they have no
 * row in `users`, yet their moves on award records and their notices need a name like everyone else's.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("office_profiles")
    .addColumn("telegram_id", "integer", (c) => c.primaryKey())
    .addColumn("full_name", "text", (c) => c.notNull())
    .addColumn("position", "text", (c) => c.notNull())
    .addColumn("consented_at", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("office_profiles").execute();
}
