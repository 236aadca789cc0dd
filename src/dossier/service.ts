import {
  addDocumentVersion,
  currentVersions,
  documentVersions,
  findDossier,
  findDossierFile,
  listDossierFiles,
  returnDossier,
  type Sending,
  sendingOfUpdate,
  submitDossier,
} from "../../db/dossiers.js";
import {
  listNominations,
  movesOfUpdate,
  type NominationWithUnit,
  type UnitMove,
} from "../../db/nominations.js";
import type { Dossier, DossierFile } from "../../db/schema.js";
import { findUnitById } from "../../db/units.js";
import type { Campaign } from "../campaign/schema.js";
import type { Actor } from "../context.js";
import { fileBeforeCouncil } from "../council/agenda.js";
import type { AppDeps } from "../deps.js";
import { checkDossierFile } from "../domain/evidence.js";
import { type MissingDocument, missingDocuments, parseReportKey, reportKey } from "../domain/nominations.js";
import { inUnitHands, isStanding, routeOf, unitLock } from "../domain/routes.js";
import { escapeHtml } from "../html.js";
import {
  latestRoundOr,
  type ProposerAccess,
  proposerAccess,
  type Refusal,
  type UnitAccess,
  unitAccess,
} from "../nominations/access.js";

type Deps = Pick<AppDeps, "db" | "campaign" | "clock">;

export interface DossierState {
  ok: true;
  /** A proposer's (the unit's head, or the Office for a unit it proposes); else the Office's, to review. */
  access: ProposerAccess | UnitAccess;
  dossier: Dossier | undefined;
  /** Nominations still part of the proposal (not rejected or withdrawn). */
  nominations: NominationWithUnit[];
  /** Every nomination of the unit in the round, also those rejected or withdrawn. */
  all: NominationWithUnit[];
  /** The current version of each document. */
  files: DossierFile[];
  missing: MissingDocument[];
  campaign: Campaign;
}

export async function loadDossier(deps: Deps, access: UnitAccess): Promise<DossierState> {
  const year = access.round.year;
  const [dossier, all, versions] = await Promise.all([
    findDossier(deps.db, year, access.unitId),
    listNominations(deps.db, year, { unitId: access.unitId }),
    listDossierFiles(deps.db, year, access.unitId),
  ]);
  const nominations = all.filter((n) => isStanding(n.status));
  const keys = nominations.map((n) => reportKey(n.id));
  const files = currentVersions(versions);
  const uploaded = files.map((f) => ({ documentId: f.document_id, documentKey: f.document_key || null }));
  const missing = missingDocuments(deps.campaign.dossier.documents, keys, uploaded);
  return { ok: true, access, dossier, nominations, all, files, missing, campaign: deps.campaign };
}

/**
 * The dossier a person may look at: a head their own unit's; the Office any unit's, by id, as the one who
 * makes it for a unit it proposes (the Ban Giám đốc, the Văn phòng Sở), else to review it.
 */
export async function dossierFor(
  deps: Deps,
  actor: Actor | undefined,
  unitId?: number,
): Promise<DossierState | Refusal> {
  if (actor?.role === "office" && unitId !== undefined) {
    const unit = await findUnitById(deps.db, unitId);
    if (!unit) return { ok: false, key: "nm-stale-button" };
    if (unit.office_proposes && !unit.archived_at) return proposerDossier(deps, actor, unitId);
    const open = await latestRoundOr(deps);
    if (!open.ok) return open;
    return loadDossier(deps, await unitAccess(deps, open.round, unit.id, unit.name));
  }
  return proposerDossier(deps, actor, unitId);
}

/** The dossier of the unit the speaker proposes for (`unitId` for the Office), to complete and send. */
export async function proposerDossier(
  deps: Deps,
  actor: Actor | undefined,
  unitId?: number,
): Promise<(DossierState & { access: ProposerAccess }) | Refusal> {
  const access = await proposerAccess(deps, actor, unitId);
  if (!access.ok) return access;
  return { ...(await loadDossier(deps, access)), access };
}

export interface IncomingFile {
  fileId: string;
  uniqueId: string;
  fileName: string | undefined;
  mimeType: string | undefined;
  size: number | undefined;
}

export type UploadOutcome =
  | { ok: true; state: DossierState & { access: ProposerAccess }; added: DossierFile }
  | { ok: false; problem: "wrong_type" | "too_large" }
  | Refusal;

/**
 * Whether the unit may upload a new version of a document now: its own documents while the dossier is in its
 * hands; a nomination's report only while the nomination is (a draft, or returned to it). What the Office has
 * recommended, awarded or rejected, or still holds for review, stays as it was sent.
 */
export function slotRefusal(state: DossierState, documentKey: string): Refusal | null {
  if (state.access.readOnly) return { ok: false, key: `nm-read-only-${state.access.readOnly}` };
  if (documentKey === "") return null;
  const nomination = state.all.find((n) => reportKey(n.id) === documentKey);
  if (!nomination) return { ok: false, key: "nm-stale-button" };
  return nominationLock(state.campaign, nomination);
}

/** Why the unit can no longer change a nomination's documents, or null while it can. */
function nominationLock(
  campaign: Campaign,
  nomination: Pick<NominationWithUnit, "status" | "nominee_name" | "form_id">,
): Refusal | null {
  const lock = unitLock(routeOf(campaign, nomination.form_id), nomination.status);
  if (lock === null) return null;
  return { ok: false, key: `ds-locked-${lock}`, vars: { nominee: escapeHtml(nomination.nominee_name) } };
}

export async function uploadDocument(
  deps: Deps,
  actor: Actor | undefined,
  slot: { documentId: string; documentKey: string },
  file: IncomingFile,
  updateId: number | null,
  unitId?: number,
): Promise<UploadOutcome> {
  const access = await proposerAccess(deps, actor, unitId);
  if (!access.ok) return access;
  const document = deps.campaign.dossier.documents.find((d) => d.id === slot.documentId);
  const before = await loadDossier(deps, access);
  const shape =
    document?.per === "unit" ? slot.documentKey === "" : parseReportKey(slot.documentKey) !== null;
  if (!document || !shape) return { ok: false, key: "nm-stale-button" };
  const refusal = slotRefusal(before, slot.documentKey);
  if (refusal) return refusal;
  const check = checkDossierFile(file);
  if (!check.ok) return { ok: false, problem: check.reason };
  const stored = await addDocumentVersion(
    deps.db,
    {
      year: access.round.year,
      unitId: access.unitId,
      documentId: document.id,
      documentKey: slot.documentKey,
      fileId: file.fileId,
      fileUniqueId: file.uniqueId,
      fileName: file.fileName ?? null,
      mimeType: file.mimeType ?? null,
      fileSize: file.size ?? null,
      by: actor?.telegramId ?? 0,
      updateId,
    },
    deps.clock(),
  );
  // Checked again where the file is stored: a second head may have sent the dossier meanwhile.
  if ("refused" in stored) {
    if (stored.refused === "submitted") return { ok: false, key: "nm-read-only-submitted" };
    const nomination = before.all.find((n) => reportKey(n.id) === slot.documentKey);
    const lock = nominationLock(deps.campaign, {
      status: stored.status,
      nominee_name: nomination?.nominee_name ?? "",
      form_id: nomination?.form_id ?? "",
    });
    return lock ?? { ok: false, key: "nm-stale-button" };
  }
  return { ok: true, state: { ...(await loadDossier(deps, access)), access }, added: stored };
}

/**
 * The same person's other nominations whose report is still missing and in the unit's hands: the head may use
 * the file just uploaded for them too, in one tap.
 */
export function reuseTargets(state: DossierState, file: DossierFile): NominationWithUnit[] {
  const from = state.nominations.find((n) => reportKey(n.id) === file.document_key);
  if (!from) return [];
  return state.nominations.filter(
    (n) =>
      n.id !== from.id &&
      n.nominee_kind === from.nominee_kind &&
      n.nominee_id === from.nominee_id &&
      inUnitHands(n.status) &&
      state.missing.some((m) => m.documentId === file.document_id && m.documentKey === reportKey(n.id)),
  );
}

/** Uses an uploaded report for another nomination of the same person (a new version of that nomination's). */
export async function reuseReport(
  deps: Deps,
  actor: Actor | undefined,
  fileRowId: number,
  nominationId: number,
  updateId: number,
  unitId?: number,
): Promise<UploadOutcome> {
  const access = await proposerAccess(deps, actor, unitId);
  if (!access.ok) return access;
  const file = await findDossierFile(deps.db, fileRowId);
  if (!file || file.unit_id !== access.unitId || file.round_year !== access.round.year)
    return { ok: false, key: "nm-stale-button" };
  const state = await loadDossier(deps, access);
  if (!reuseTargets(state, file).some((n) => n.id === nominationId)) {
    const refusal = slotRefusal(state, reportKey(nominationId));
    return refusal ?? { ok: false, key: "ds-reuse-done" };
  }
  return uploadDocument(
    deps,
    actor,
    { documentId: file.document_id, documentKey: reportKey(nominationId) },
    {
      fileId: file.file_id,
      uniqueId: file.file_unique_id,
      fileName: file.file_name ?? undefined,
      mimeType: file.mime_type ?? undefined,
      size: file.file_size ?? undefined,
    },
    updateId,
    unitId,
  );
}

export async function submit(
  deps: Deps,
  actor: Actor | undefined,
  updateId: number,
  unitId?: number,
): Promise<
  | {
      ok: true;
      state: DossierState & { access: ProposerAccess };
      sending: Sending | undefined;
      again: boolean;
    }
  | Refusal
> {
  const access = await proposerAccess(deps, actor, unitId);
  if (!access.ok) return access;
  const state = { ...(await loadDossier(deps, access)), access };
  // Pressing "submit" twice finds it submitted: that is success, not an error. The same update handled again
  // after a crash finds its own sending, so that its notices are not lost.
  if (access.readOnly === "submitted")
    return {
      ok: true,
      state,
      sending: await sendingOfUpdate(deps.db, access.round.year, access.unitId, updateId),
      again: true,
    };
  if (access.readOnly) return { ok: false, key: `nm-read-only-${access.readOnly}` };
  if (state.missing.length > 0)
    return { ok: false, key: "ds-missing-first", vars: { count: state.missing.length } };
  const sending = await submitDossier(
    deps.db,
    access.round.year,
    access.unitId,
    { id: actor?.telegramId ?? 0, role: access.by, updateId },
    access.pastDeadline,
    deps.clock(),
  );
  const after = await proposerDossier(deps, actor, unitId);
  return { ok: true, state: after.ok ? after : state, sending, again: false };
}

export async function returnByOffice(
  deps: Deps,
  actor: Actor | undefined,
  unitId: number,
  reason: string,
  updateId: number,
): Promise<{ ok: true; state: DossierState; moves: UnitMove[] | undefined } | Refusal> {
  if (actor?.role !== "office") return { ok: false, key: "office-only" };
  const before = await dossierFor(deps, actor, unitId);
  if (!before.ok) return before;
  if (before.dossier?.status !== "submitted") {
    if (before.dossier?.status !== "returned") return { ok: false, key: "ds-not-submitted" };
    // Returned by this very update, handled again after a crash: its moves, so its notices are not lost.
    const again = before.dossier.returned_update_id === updateId;
    const moves = again
      ? await movesOfUpdate(deps.db, before.access.round.year, unitId, updateId, "returned")
      : undefined;
    return { ok: true, state: before, moves };
  }
  const moves = await returnDossier(
    deps.db,
    before.access.round.year,
    unitId,
    { id: actor.telegramId, role: "office", updateId },
    reason.trim(),
    deps.clock(),
  );
  const after = await dossierFor(deps, actor, unitId);
  return after.ok ? { ok: true, state: after, moves } : after;
}

/** A stored file, if the person may have it back: the Office any, a head their own unit's. */
export async function fileFor(
  deps: Deps,
  actor: Actor | undefined,
  fileRowId: number,
): Promise<{ ok: true; file: DossierFile } | Refusal> {
  const file = await findDossierFile(deps.db, fileRowId);
  const allowed =
    actor?.role === "office" ||
    (actor?.user?.role === "unit_head" && actor.user.unit_id === file?.unit_id) ||
    // A member of the Council reads the files of the nominations before it.
    (actor?.council !== undefined && file !== undefined && (await fileBeforeCouncil(deps, file)));
  if (!allowed) return { ok: false, key: "ds-file-not-yours" };
  if (!file) return { ok: false, key: "nm-stale-button" };
  return { ok: true, file };
}

/** Every version of a document, newest first, for the Office or the unit's head. */
export async function versionsFor(
  deps: Deps,
  actor: Actor | undefined,
  fileRowId: number,
): Promise<{ ok: true; versions: DossierFile[] } | Refusal> {
  const outcome = await fileFor(deps, actor, fileRowId);
  if (!outcome.ok) return outcome;
  const { file } = outcome;
  return {
    ok: true,
    versions: await documentVersions(deps.db, {
      year: file.round_year,
      unitId: file.unit_id,
      documentId: file.document_id,
      documentKey: file.document_key,
    }),
  };
}
