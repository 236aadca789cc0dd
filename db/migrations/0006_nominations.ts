import { type Kysely, sql } from "kysely";

const STATUSES = sql`('draft', 'submitted', 'under_review', 'recommended', 'awarded', 'returned', 'rejected', 'withdrawn')`;

export async function up(db: Kysely<unknown>): Promise<void> {
  // A unit's proposal of one nominee (a person of the unit, or the unit itself) for one award form.
  await db.schema
    .createTable("nominations")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("round_year", "integer", (c) => c.notNull().references("rounds.year"))
    .addColumn("unit_id", "integer", (c) => c.notNull().references("units.id"))
    .addColumn("form_id", "text", (c) => c.notNull())
    .addColumn("nominee_kind", "text", (c) =>
      c.notNull().check(sql`nominee_kind IN ('individual', 'collective')`),
    )
    // A person's Telegram id, or the unit's id for a collective nominee.
    .addColumn("nominee_id", "integer", (c) => c.notNull())
    .addColumn("nominee_name", "text", (c) => c.notNull())
    // Whether the nominee's own assessment supported the form when proposed; if not, why the head proposes anyway.
    .addColumn("eligible", "integer", (c) => c.notNull())
    .addColumn("result_summary", "text", (c) => c.notNull())
    .addColumn("reason", "text")
    .addColumn("status", "text", (c) => c.notNull().check(sql`status IN ${STATUSES}`))
    .addColumn("created_by", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("nominations_once_per_form", ["round_year", "form_id", "nominee_kind", "nominee_id"])
    .execute();
  await db.schema
    .createIndex("nominations_by_unit")
    .on("nominations")
    .columns(["round_year", "unit_id"])
    .execute();

  // Every move of a nomination: who, when, from, to, why. `update_id` lets a re-handled update see its own move.
  await db.schema
    .createTable("nomination_history")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("nomination_id", "integer", (c) =>
      c.notNull().references("nominations.id").onDelete("cascade"),
    )
    .addColumn("from_status", "text")
    .addColumn("to_status", "text", (c) => c.notNull())
    .addColumn("by", "integer", (c) => c.notNull())
    .addColumn("by_role", "text", (c) => c.notNull())
    .addColumn("reason", "text")
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("update_id", "integer")
    .execute();
  await db.schema
    .createIndex("nomination_history_of")
    .on("nomination_history")
    .column("nomination_id")
    .execute();

  // A unit's dossier for a round: open while the head prepares it, submitted, or returned by the Office.
  await db.schema
    .createTable("dossiers")
    .addColumn("round_year", "integer", (c) => c.notNull().references("rounds.year"))
    .addColumn("unit_id", "integer", (c) => c.notNull().references("units.id"))
    .addColumn("status", "text", (c) => c.notNull().check(sql`status IN ('open', 'submitted', 'returned')`))
    .addColumn("submitted_at", "text")
    .addColumn("submitted_by", "integer")
    .addColumn("late", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("returned_at", "text")
    .addColumn("returned_by", "integer")
    .addColumn("return_reason", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("dossiers_pk", ["round_year", "unit_id"])
    .execute();

  // The dossier's documents; files stay on Telegram and are kept by file id. One current file per document.
  await db.schema
    .createTable("dossier_files")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("round_year", "integer", (c) => c.notNull())
    .addColumn("unit_id", "integer", (c) => c.notNull())
    .addColumn("document_id", "text", (c) => c.notNull())
    // "" for the unit's own document (the Tờ trình), else the nominee's key ("p:<telegram id>" or "u:<unit id>").
    .addColumn("nominee_key", "text", (c) => c.notNull())
    .addColumn("file_id", "text", (c) => c.notNull())
    .addColumn("file_unique_id", "text", (c) => c.notNull())
    .addColumn("file_name", "text")
    .addColumn("mime_type", "text")
    .addColumn("file_size", "integer")
    .addColumn("uploaded_by", "integer", (c) => c.notNull())
    .addColumn("uploaded_at", "text", (c) => c.notNull())
    .addUniqueConstraint("dossier_files_one_each", ["round_year", "unit_id", "document_id", "nominee_key"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["dossier_files", "dossiers", "nomination_history", "nominations"]) {
    await db.schema.dropTable(table).execute();
  }
}
