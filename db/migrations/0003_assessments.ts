import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("assessments")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("round_year", "integer", (c) => c.notNull().references("rounds.year"))
    .addColumn("subject", "text", (c) => c.notNull().check(sql`subject IN ('individual', 'unit')`))
    .addColumn("subject_id", "integer", (c) => c.notNull())
    .addColumn("unit_id", "integer", (c) => c.notNull().references("units.id"))
    .addColumn("status", "text", (c) => c.notNull().check(sql`status IN ('in_progress', 'submitted')`))
    .addColumn("started_at", "text", (c) => c.notNull())
    .addColumn("submitted_at", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("edit_item", "text")
    .addColumn("edit_backup", "text")
    .addUniqueConstraint("assessments_one_per_subject", ["round_year", "subject", "subject_id"])
    .execute();
  await db.schema
    .createIndex("assessments_unit")
    .on("assessments")
    .columns(["round_year", "unit_id"])
    .execute();

  await db.schema
    .createTable("assessment_items")
    .addColumn("assessment_id", "integer", (c) =>
      c.notNull().references("assessments.id").onDelete("cascade"),
    )
    .addColumn("item_key", "text", (c) => c.notNull())
    .addColumn("data", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("assessment_items_pk", ["assessment_id", "item_key"])
    .execute();

  await db.schema
    .createTable("assessment_files")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("assessment_id", "integer", (c) =>
      c.notNull().references("assessments.id").onDelete("cascade"),
    )
    .addColumn("item_key", "text", (c) => c.notNull())
    .addColumn("file_id", "text", (c) => c.notNull())
    .addColumn("file_unique_id", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind IN ('document', 'photo')`))
    .addColumn("file_name", "text")
    .addColumn("mime_type", "text")
    .addColumn("file_size", "integer")
    .addColumn("added_at", "text", (c) => c.notNull())
    .addUniqueConstraint("assessment_files_once", ["assessment_id", "item_key", "file_unique_id"])
    .execute();

  await db.schema
    .createTable("assessment_changes")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("assessment_id", "integer", (c) =>
      c.notNull().references("assessments.id").onDelete("cascade"),
    )
    .addColumn("item_key", "text", (c) => c.notNull())
    .addColumn("before", "text")
    .addColumn("after", "text")
    .addColumn("changed_by", "integer", (c) => c.notNull())
    .addColumn("changed_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("round_extensions")
    .addColumn("round_year", "integer", (c) => c.notNull().references("rounds.year"))
    .addColumn("unit_id", "integer", (c) => c.notNull().references("units.id"))
    .addColumn("until", "text", (c) => c.notNull())
    .addColumn("granted_by", "integer", (c) => c.notNull())
    .addColumn("granted_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("round_extensions_pk", ["round_year", "unit_id"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "round_extensions",
    "assessment_changes",
    "assessment_files",
    "assessment_items",
    "assessments",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
