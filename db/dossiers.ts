import type { DB } from "./connection.js";
import { moveUnitNominations } from "./nominations.js";
import type { Dossier, DossierFile, Role } from "./schema.js";

export async function findDossier(db: DB, year: number, unitId: number): Promise<Dossier | undefined> {
  return db
    .selectFrom("dossiers")
    .selectAll()
    .where("round_year", "=", year)
    .where("unit_id", "=", unitId)
    .executeTakeFirst();
}

export async function listDossierFiles(db: DB, year: number, unitId: number): Promise<DossierFile[]> {
  return db
    .selectFrom("dossier_files")
    .selectAll()
    .where("round_year", "=", year)
    .where("unit_id", "=", unitId)
    .orderBy("id")
    .execute();
}

export async function findDossierFile(db: DB, id: number): Promise<DossierFile | undefined> {
  return db.selectFrom("dossier_files").selectAll().where("id", "=", id).executeTakeFirst();
}

export interface UploadedDocument {
  year: number;
  unitId: number;
  documentId: string;
  nomineeKey: string;
  fileId: string;
  fileUniqueId: string;
  fileName: string | null;
  mimeType: string | null;
  fileSize: number | null;
  by: number;
}

/** Stores a document's file, replacing the one uploaded before for the same document and nominee. */
export async function saveDossierFile(db: DB, doc: UploadedDocument, now: Date): Promise<void> {
  const values = {
    file_id: doc.fileId,
    file_unique_id: doc.fileUniqueId,
    file_name: doc.fileName,
    mime_type: doc.mimeType,
    file_size: doc.fileSize,
    uploaded_by: doc.by,
    uploaded_at: now.toISOString(),
  };
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("dossier_files")
      .values({
        round_year: doc.year,
        unit_id: doc.unitId,
        document_id: doc.documentId,
        nominee_key: doc.nomineeKey,
        ...values,
      })
      .onConflict((oc) =>
        oc.columns(["round_year", "unit_id", "document_id", "nominee_key"]).doUpdateSet(values),
      )
      .execute();
    await ensureDossier(trx, doc.year, doc.unitId, now);
  });
}

async function ensureDossier(db: DB, year: number, unitId: number, now: Date): Promise<void> {
  await db
    .insertInto("dossiers")
    .values({ round_year: year, unit_id: unitId, status: "open", updated_at: now.toISOString() })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export interface Actor {
  id: number;
  role: Role;
  updateId: number | null;
}

/**
 * Sends the dossier: it becomes read-only for the unit, and its draft and returned nominations go to the
 * Office as submitted. False if it was already submitted.
 */
export async function submitDossier(
  db: DB,
  year: number,
  unitId: number,
  by: Actor,
  late: boolean,
  now: Date,
): Promise<boolean> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    await ensureDossier(trx, year, unitId, now);
    // A correction the Office asked for is not late: a dossier sent back keeps the lateness of its first sending.
    const before = await findDossier(trx, year, unitId);
    const wasLate = before?.status === "returned" ? before.late === 1 : late;
    const result = await trx
      .updateTable("dossiers")
      .set({
        status: "submitted",
        submitted_at: at,
        submitted_by: by.id,
        late: wasLate ? 1 : 0,
        updated_at: at,
      })
      .where("round_year", "=", year)
      .where("unit_id", "=", unitId)
      .where("status", "!=", "submitted")
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) return false;
    await moveUnitNominations(
      trx,
      year,
      unitId,
      ["draft", "returned"],
      "submitted",
      { ...by, reason: null },
      now,
    );
    return true;
  });
}

/**
 * The Office hands a submitted dossier back for correction: the unit can edit it again, and its nominations
 * still waiting for review go back with the same reason. False if it was not submitted.
 */
export async function returnDossier(
  db: DB,
  year: number,
  unitId: number,
  by: Actor,
  reason: string,
  now: Date,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    if (!(await reopenDossier(trx, year, unitId, by.id, reason, now))) return false;
    await moveUnitNominations(
      trx,
      year,
      unitId,
      ["submitted", "under_review"],
      "returned",
      { ...by, reason },
      now,
    );
    return true;
  });
}

/**
 * A submitted dossier becomes editable again, with the Office's reason; also when one nomination alone is
 * returned, so the head can correct and send it again (`alsoReturned`: a dossier already returned takes the
 * latest reason). False if there was no such dossier.
 */
export async function reopenDossier(
  db: DB,
  year: number,
  unitId: number,
  by: number,
  reason: string,
  now: Date,
  alsoReturned = false,
): Promise<boolean> {
  const at = now.toISOString();
  const result = await db
    .updateTable("dossiers")
    .set({ status: "returned", returned_at: at, returned_by: by, return_reason: reason, updated_at: at })
    .where("round_year", "=", year)
    .where("unit_id", "=", unitId)
    .where("status", "in", alsoReturned ? ["submitted", "returned"] : ["submitted"])
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
