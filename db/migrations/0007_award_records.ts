import { type Kysely, sql } from "kysely";

/**
 * Award records that hold. Every upload is a new version of a document, and a Báo cáo thành tích belongs to
 * one nomination (the official form names the award proposed). A nomination keeps the decision that awarded
 * it; each move keeps the mover's name as it was; notices go through the outbox; each sending of a dossier
 * keeps what it held, so the next one can say what changed; a person who erases their data leaves their
 * name, not their Telegram id, on the records that stay.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("dossier_file_versions")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("round_year", "integer", (c) => c.notNull())
    .addColumn("unit_id", "integer", (c) => c.notNull())
    .addColumn("document_id", "text", (c) => c.notNull())
    // "" for the unit's own document (the Tờ trình), else "n:<nomination id>" for a nomination's report.
    .addColumn("document_key", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("file_id", "text", (c) => c.notNull())
    .addColumn("file_unique_id", "text", (c) => c.notNull())
    .addColumn("file_name", "text")
    .addColumn("mime_type", "text")
    .addColumn("file_size", "integer")
    .addColumn("uploaded_by", "integer", (c) => c.notNull())
    .addColumn("uploaded_by_name", "text")
    .addColumn("uploaded_at", "text", (c) => c.notNull())
    .addColumn("update_id", "integer")
    .addUniqueConstraint("dossier_file_versions_once", [
      "round_year",
      "unit_id",
      "document_id",
      "document_key",
      "version",
    ])
    .execute();
  // The unit's own documents keep their place; a person's report goes to each of their nominations.
  await sql`
    INSERT INTO dossier_file_versions (round_year, unit_id, document_id, document_key, version, file_id,
      file_unique_id, file_name, mime_type, file_size, uploaded_by, uploaded_by_name, uploaded_at)
    SELECT f.round_year, f.unit_id, f.document_id, '', 1, f.file_id, f.file_unique_id, f.file_name,
      f.mime_type, f.file_size, f.uploaded_by, u.full_name, f.uploaded_at
    FROM dossier_files f LEFT JOIN users u ON u.telegram_id = f.uploaded_by
    WHERE f.nominee_key = ''`.execute(db);
  await sql`
    INSERT INTO dossier_file_versions (round_year, unit_id, document_id, document_key, version, file_id,
      file_unique_id, file_name, mime_type, file_size, uploaded_by, uploaded_by_name, uploaded_at)
    SELECT f.round_year, f.unit_id, f.document_id, 'n:' || n.id, 1, f.file_id, f.file_unique_id, f.file_name,
      f.mime_type, f.file_size, f.uploaded_by, u.full_name, f.uploaded_at
    FROM dossier_files f
    JOIN nominations n ON n.round_year = f.round_year AND n.unit_id = f.unit_id
      AND f.nominee_key = (CASE n.nominee_kind WHEN 'individual' THEN 'p:' ELSE 'u:' END) || n.nominee_id
    LEFT JOIN users u ON u.telegram_id = f.uploaded_by
    WHERE f.nominee_key != ''`.execute(db);
  await db.schema.dropTable("dossier_files").execute();
  await db.schema
    .createIndex("dossier_file_versions_of_unit")
    .on("dossier_file_versions")
    .columns(["round_year", "unit_id"])
    .execute();

  // The decision that awarded a nomination (number, date, issuer), kept while it stands.
  for (const column of ["decision_number", "decision_date", "decision_issuer"])
    await db.schema.alterTable("nominations").addColumn(column, "text").execute();

  await db.schema.alterTable("nomination_history").addColumn("by_name", "text").execute();
  await db.schema.alterTable("nomination_history").addColumn("decision", "text").execute();
  await db.schema.alterTable("nomination_history").addColumn("undo_of", "integer").execute();
  await sql`
    UPDATE nomination_history
    SET by_name = (SELECT full_name FROM users WHERE users.telegram_id = nomination_history.by)`.execute(db);

  // People who erased their data: the records that stay name them, and point here instead of their Telegram id.
  await db.schema
    .createTable("former_people")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("full_name", "text", (c) => c.notNull())
    .addColumn("unit_id", "integer", (c) => c.notNull())
    .addColumn("left_at", "text", (c) => c.notNull())
    .execute();

  // Each sending of a unit's dossier, with what it held, so the next sending can say what changed.
  await db.schema
    .createTable("dossier_submissions")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("round_year", "integer", (c) => c.notNull())
    .addColumn("unit_id", "integer", (c) => c.notNull())
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("submitted_at", "text", (c) => c.notNull())
    .addColumn("submitted_by", "integer", (c) => c.notNull())
    .addColumn("by_name", "text")
    .addColumn("late", "integer", (c) => c.notNull())
    .addColumn("snapshot", "text", (c) => c.notNull())
    // The update that sent it: handled again after a crash, it finds its sending and tells of it again.
    .addColumn("update_id", "integer")
    .addUniqueConstraint("dossier_submissions_once", ["round_year", "unit_id", "number"])
    .execute();
  // Likewise the update that returned a dossier as a whole.
  await db.schema.alterTable("dossiers").addColumn("returned_update_id", "integer").execute();

  // An award decision being typed in by an Office member, step by step, until they confirm it.
  await db.schema
    .createTable("award_drafts")
    .addColumn("nomination_id", "integer", (c) => c.notNull().references("nominations.id"))
    .addColumn("office_id", "integer", (c) => c.notNull())
    .addColumn("decision_number", "text")
    .addColumn("decision_date", "text")
    .addColumn("decision_issuer", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("award_drafts_pk", ["nomination_id", "office_id"])
    .execute();

  // The outbox also carries notices of a nomination's moves and of dossiers (SQLite cannot alter a CHECK).
  await sql`ALTER TABLE reminder_outbox RENAME TO reminder_outbox_before_notices`.execute(db);
  await sql`DROP INDEX reminder_outbox_due`.execute(db);
  await db.schema
    .createTable("reminder_outbox")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("round_year", "integer", (c) => c.notNull())
    .addColumn("slot_key", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) =>
      c.notNull().check(sql`kind IN ('unit', 'group', 'employee', 'digest', 'notice')`),
    )
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
  await sql`INSERT INTO reminder_outbox SELECT * FROM reminder_outbox_before_notices`.execute(db);
  await db.schema.dropTable("reminder_outbox_before_notices").execute();
  await db.schema
    .createIndex("reminder_outbox_due")
    .on("reminder_outbox")
    .columns(["status", "due_at"])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error("0007_award_records keeps every file version and decision: it is not undone");
}
