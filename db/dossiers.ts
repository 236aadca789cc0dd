import type { DossierSnapshot } from "../src/domain/dossier-changes.js";
import { parseReportKey } from "../src/domain/nominations.js";
import { inUnitHands } from "../src/domain/routes.js";
import type { DB } from "./connection.js";
import { movesOfUpdate, moveUnitNominations, type UnitMove } from "./nominations.js";
import type { Dossier, DossierFile, NominationStatusColumn, Role } from "./schema.js";
import { nameOf } from "./users.js";

export async function findDossier(db: DB, year: number, unitId: number): Promise<Dossier | undefined> {
  return db
    .selectFrom("dossiers")
    .selectAll()
    .where("round_year", "=", year)
    .where("unit_id", "=", unitId)
    .executeTakeFirst();
}

/** Every version of every document of a unit's dossier, oldest first. */
export async function listDossierFiles(db: DB, year: number, unitId: number): Promise<DossierFile[]> {
  return db
    .selectFrom("dossier_file_versions")
    .selectAll()
    .where("round_year", "=", year)
    .where("unit_id", "=", unitId)
    .orderBy("id")
    .execute();
}

export async function findDossierFile(db: DB, id: number): Promise<DossierFile | undefined> {
  return db.selectFrom("dossier_file_versions").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Every version of one document, newest first. */
export async function documentVersions(
  db: DB,
  slot: { year: number; unitId: number; documentId: string; documentKey: string },
): Promise<DossierFile[]> {
  return db
    .selectFrom("dossier_file_versions")
    .selectAll()
    .where("round_year", "=", slot.year)
    .where("unit_id", "=", slot.unitId)
    .where("document_id", "=", slot.documentId)
    .where("document_key", "=", slot.documentKey)
    .orderBy("version", "desc")
    .execute();
}

export interface UploadedDocument {
  year: number;
  unitId: number;
  documentId: string;
  documentKey: string;
  fileId: string;
  fileUniqueId: string;
  fileName: string | null;
  mimeType: string | null;
  fileSize: number | null;
  by: number;
  updateId: number | null;
}

/** Why a new version was not added: the dossier is with the Office, or the nomination is no longer the unit's. */
export type VersionRefusal =
  | { refused: "submitted" }
  | { refused: "nomination"; status: NominationStatusColumn };

/**
 * Adds a version of a document; nothing uploaded before is overwritten. In the same transaction it checks that
 * the document is still the unit's to change: the dossier not sent, and a report's nomination a draft or
 * returned. The same update handled again (after a crash) finds its version and adds none.
 */
export async function addDocumentVersion(
  db: DB,
  doc: UploadedDocument,
  now: Date,
): Promise<DossierFile | VersionRefusal> {
  return db.transaction().execute(async (trx): Promise<DossierFile | VersionRefusal> => {
    const slot = {
      year: doc.year,
      unitId: doc.unitId,
      documentId: doc.documentId,
      documentKey: doc.documentKey,
    };
    const versions = await documentVersions(trx, slot);
    const again = doc.updateId === null ? undefined : versions.find((v) => v.update_id === doc.updateId);
    if (again) return again;
    const dossier = await findDossier(trx, doc.year, doc.unitId);
    if (dossier?.status === "submitted") return { refused: "submitted" };
    const nominationId = parseReportKey(doc.documentKey);
    if (nominationId !== null) {
      const nomination = await trx
        .selectFrom("nominations")
        .select("status")
        .where("id", "=", nominationId)
        .executeTakeFirst();
      if (nomination && !inUnitHands(nomination.status))
        return { refused: "nomination", status: nomination.status };
    }
    const uploaderName = (await nameOf(trx, doc.by)) ?? null;
    const added = await trx
      .insertInto("dossier_file_versions")
      .values({
        round_year: doc.year,
        unit_id: doc.unitId,
        document_id: doc.documentId,
        document_key: doc.documentKey,
        version: (versions[0]?.version ?? 0) + 1,
        file_id: doc.fileId,
        file_unique_id: doc.fileUniqueId,
        file_name: doc.fileName,
        mime_type: doc.mimeType,
        file_size: doc.fileSize,
        uploaded_by: doc.by,
        uploaded_by_name: uploaderName,
        uploaded_at: now.toISOString(),
        update_id: doc.updateId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await ensureDossier(trx, doc.year, doc.unitId, now);
    return added;
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

export interface Sending {
  /** 1 for the first sending, 2 and on for resubmissions. */
  number: number;
  late: boolean;
  previous: DossierSnapshot | null;
  current: DossierSnapshot;
  /** Nominations that came back from "returned" in this sending. */
  corrected: number[];
  /** Every nomination this sending moved to "submitted", with the history entry of its move. */
  moved: Array<{ nominationId: number; historyId: number }>;
}

/** What the dossier holds now: its nominations and each document's current version. */
async function snapshotOf(db: DB, year: number, unitId: number): Promise<DossierSnapshot> {
  const [nominations, files] = await Promise.all([
    db
      .selectFrom("nominations")
      .select(["id", "nominee_name", "nominee_kind", "form_id", "status"])
      .where("round_year", "=", year)
      .where("unit_id", "=", unitId)
      .orderBy("id")
      .execute(),
    listDossierFiles(db, year, unitId),
  ]);
  return {
    nominations: nominations.map((n) => ({
      id: n.id,
      name: n.nominee_name,
      kind: n.nominee_kind,
      formId: n.form_id,
      status: n.status,
    })),
    files: currentVersions(files).map((f) => ({
      documentId: f.document_id,
      documentKey: f.document_key,
      version: f.version,
      fileName: f.file_name,
    })),
  };
}

/** The newest version of each document. */
export function currentVersions(files: readonly DossierFile[]): DossierFile[] {
  const newest = new Map<string, DossierFile>();
  for (const file of files) {
    const slot = `${file.document_id}\u0000${file.document_key}`;
    const seen = newest.get(slot);
    if (!seen || seen.version < file.version) newest.set(slot, file);
  }
  return [...newest.values()].sort((a, b) => a.id - b.id);
}

/**
 * Sends the dossier: it becomes read-only for the unit, its draft and returned nominations go to the Office
 * as submitted, and what it holds is kept with the sending. Undefined if it was already submitted.
 */
export async function submitDossier(
  db: DB,
  year: number,
  unitId: number,
  by: Actor,
  late: boolean,
  now: Date,
): Promise<Sending | undefined> {
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
    if (result.numUpdatedRows === 0n) return undefined;
    const moved = await moveUnitNominations(
      trx,
      year,
      unitId,
      ["draft", "returned"],
      "submitted",
      { ...by, reason: null },
      now,
    );
    const last = await trx
      .selectFrom("dossier_submissions")
      .select(["number", "snapshot"])
      .where("round_year", "=", year)
      .where("unit_id", "=", unitId)
      .orderBy("number", "desc")
      .executeTakeFirst();
    const current = await snapshotOf(trx, year, unitId);
    const senderName = (await nameOf(trx, by.id)) ?? null;
    const number = (last?.number ?? 0) + 1;
    await trx
      .insertInto("dossier_submissions")
      .values({
        round_year: year,
        unit_id: unitId,
        number,
        submitted_at: at,
        submitted_by: by.id,
        by_name: senderName,
        late: wasLate ? 1 : 0,
        snapshot: JSON.stringify(current),
        update_id: by.updateId,
      })
      .execute();
    return {
      number,
      late: wasLate,
      previous: last ? (JSON.parse(last.snapshot) as DossierSnapshot) : null,
      current,
      corrected: moved.filter((m) => m.from === "returned").map((m) => m.nominationId),
      moved: moved.map(({ nominationId, historyId }) => ({ nominationId, historyId })),
    };
  });
}

/**
 * The sending made while handling `updateId`, as `submitDossier` returned it: an update handled again after a
 * crash tells of its sending again (the notices' keys keep each one once). Undefined if it made none.
 */
export async function sendingOfUpdate(
  db: DB,
  year: number,
  unitId: number,
  updateId: number,
): Promise<Sending | undefined> {
  const sent = await db
    .selectFrom("dossier_submissions")
    .selectAll()
    .where("round_year", "=", year)
    .where("unit_id", "=", unitId)
    .where("update_id", "=", updateId)
    .executeTakeFirst();
  if (!sent) return undefined;
  const [before, moved] = await Promise.all([
    db
      .selectFrom("dossier_submissions")
      .select("snapshot")
      .where("round_year", "=", year)
      .where("unit_id", "=", unitId)
      .where("number", "=", sent.number - 1)
      .executeTakeFirst(),
    movesOfUpdate(db, year, unitId, updateId, "submitted"),
  ]);
  return {
    number: sent.number,
    late: sent.late === 1,
    previous: before ? (JSON.parse(before.snapshot) as DossierSnapshot) : null,
    current: JSON.parse(sent.snapshot) as DossierSnapshot,
    corrected: moved.filter((m) => m.from === "returned").map((m) => m.nominationId),
    moved: moved.map(({ nominationId, historyId }) => ({ nominationId, historyId })),
  };
}

/**
 * The Office hands a submitted dossier back for correction: the unit can edit it again, and its nominations
 * still waiting for review go back with the same reason (what the Office decided stays as it is). Undefined if
 * it was not submitted; else the moves it made.
 */
export async function returnDossier(
  db: DB,
  year: number,
  unitId: number,
  by: Actor,
  reason: string,
  now: Date,
): Promise<UnitMove[] | undefined> {
  return db.transaction().execute(async (trx) => {
    if (!(await reopenDossier(trx, year, unitId, by.id, reason, now))) return undefined;
    await trx
      .updateTable("dossiers")
      .set({ returned_update_id: by.updateId })
      .where("round_year", "=", year)
      .where("unit_id", "=", unitId)
      .execute();
    return moveUnitNominations(
      trx,
      year,
      unitId,
      ["submitted", "under_review"],
      "returned",
      { ...by, reason },
      now,
    );
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

/** The units whose dossier stands sent in a round, the latest sent first, with when it was sent. */
export async function sentDossiers(
  db: DB,
  year: number,
): Promise<Array<{ unitId: number; code: string; name: string; submittedAt: string; late: number }>> {
  const rows = await db
    .selectFrom("dossiers")
    .innerJoin("units", "units.id", "dossiers.unit_id")
    .select(["units.id", "units.code", "units.name", "dossiers.submitted_at", "dossiers.late"])
    .where("dossiers.round_year", "=", year)
    .where("dossiers.status", "=", "submitted")
    .where("dossiers.submitted_at", "is not", null)
    .orderBy("dossiers.submitted_at", "desc")
    .orderBy("units.code")
    .execute();
  return rows.map((row) => ({
    unitId: row.id,
    code: row.code,
    name: row.name,
    submittedAt: row.submitted_at ?? "",
    late: row.late,
  }));
}
