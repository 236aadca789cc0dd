import type { Kysely } from "kysely";

/**
 * Units whose nominations and dossier the Office makes: the Ban Giám đốc and the Văn phòng Sở itself have no
 * unit head above them, so the Office proposes them (`/units office <code>`). 0 for every unit until set.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("units")
    .addColumn("office_proposes", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("units").dropColumn("office_proposes").execute();
}
