import {
  findDossier,
  findDossierFile,
  listDossierFiles,
  returnDossier,
  saveDossierFile,
  submitDossier,
} from "../../db/dossiers.js";
import { listNominations, type NominationWithUnit } from "../../db/nominations.js";
import type { Dossier, DossierFile } from "../../db/schema.js";
import { findUnitById } from "../../db/units.js";
import type { Actor } from "../context.js";
import type { AppDeps } from "../deps.js";
import { checkDossierFile } from "../domain/evidence.js";
import { type MissingDocument, missingDocuments, nomineeKey, STANDING } from "../domain/nominations.js";
import {
  headAccess,
  latestRoundOr,
  type Refusal,
  type UnitAccess,
  unitAccess,
} from "../nominations/access.js";

type Deps = Pick<AppDeps, "db" | "campaign" | "clock">;

export interface DossierState {
  ok: true;
  access: UnitAccess;
  dossier: Dossier | undefined;
  /** Nominations still part of the proposal (not rejected or withdrawn). */
  nominations: NominationWithUnit[];
  files: DossierFile[];
  missing: MissingDocument[];
}

export async function loadDossier(deps: Deps, access: UnitAccess): Promise<DossierState> {
  const year = access.round.year;
  const [dossier, all, files] = await Promise.all([
    findDossier(deps.db, year, access.unitId),
    listNominations(deps.db, year, { unitId: access.unitId }),
    listDossierFiles(deps.db, year, access.unitId),
  ]);
  const nominations = all.filter((n) => STANDING.includes(n.status));
  const keys = nominations.map((n) => nomineeKey(n.nominee_kind, n.nominee_id));
  const uploaded = files.map((f) => ({ documentId: f.document_id, nomineeKey: f.nominee_key || null }));
  const missing = missingDocuments(deps.campaign.dossier.documents, keys, uploaded);
  return { ok: true, access, dossier, nominations, files, missing };
}

/** The dossier a person may look at: a head their own unit's; the Office any unit's, by id. */
export async function dossierFor(
  deps: Deps,
  actor: Actor | undefined,
  unitId?: number,
): Promise<DossierState | Refusal> {
  if (actor?.role === "office" && unitId !== undefined) {
    const open = await latestRoundOr(deps);
    if (!open.ok) return open;
    const unit = await findUnitById(deps.db, unitId);
    if (!unit) return { ok: false, key: "nm-stale-button" };
    return loadDossier(deps, await unitAccess(deps, open.round, unit.id, unit.name));
  }
  const access = await headAccess(deps, actor);
  if (!access.ok) return access;
  return loadDossier(deps, access);
}

export interface IncomingFile {
  fileId: string;
  uniqueId: string;
  fileName: string | undefined;
  mimeType: string | undefined;
  size: number | undefined;
}

export type UploadOutcome =
  | { ok: true; state: DossierState }
  | { ok: false; problem: "wrong_type" | "too_large" }
  | Refusal;

export async function uploadDocument(
  deps: Deps,
  actor: Actor | undefined,
  slot: { documentId: string; nomineeKey: string },
  file: IncomingFile,
): Promise<UploadOutcome> {
  const access = await headAccess(deps, actor);
  if (!access.ok) return access;
  if (access.readOnly) return { ok: false, key: `nm-read-only-${access.readOnly}` };
  const document = deps.campaign.dossier.documents.find((d) => d.id === slot.documentId);
  const before = await loadDossier(deps, access);
  const wanted =
    document?.per === "unit"
      ? slot.nomineeKey === ""
      : before.nominations.some((n) => nomineeKey(n.nominee_kind, n.nominee_id) === slot.nomineeKey);
  if (!document || !wanted) return { ok: false, key: "nm-stale-button" };
  const check = checkDossierFile(file);
  if (!check.ok) return { ok: false, problem: check.reason };
  await saveDossierFile(
    deps.db,
    {
      year: access.round.year,
      unitId: access.unitId,
      documentId: document.id,
      nomineeKey: slot.nomineeKey,
      fileId: file.fileId,
      fileUniqueId: file.uniqueId,
      fileName: file.fileName ?? null,
      mimeType: file.mimeType ?? null,
      fileSize: file.size ?? null,
      by: actor?.telegramId ?? 0,
    },
    deps.clock(),
  );
  return { ok: true, state: await loadDossier(deps, access) };
}

export async function submit(
  deps: Deps,
  actor: Actor | undefined,
  updateId: number,
): Promise<{ ok: true; state: DossierState; already: boolean } | Refusal> {
  const access = await headAccess(deps, actor);
  if (!access.ok) return access;
  const state = await loadDossier(deps, access);
  // Pressing "submit" twice (or the update handled again) finds it submitted: that is success, not an error.
  if (access.readOnly === "submitted") return { ok: true, state, already: true };
  if (access.readOnly) return { ok: false, key: `nm-read-only-${access.readOnly}` };
  if (state.missing.length > 0)
    return { ok: false, key: "ds-missing-first", vars: { count: state.missing.length } };
  const done = await submitDossier(
    deps.db,
    access.round.year,
    access.unitId,
    { id: actor?.telegramId ?? 0, role: "unit_head", updateId },
    access.pastDeadline,
    deps.clock(),
  );
  const after = await headAccess(deps, actor);
  return { ok: true, state: after.ok ? await loadDossier(deps, after) : state, already: !done };
}

export async function returnByOffice(
  deps: Deps,
  actor: Actor | undefined,
  unitId: number,
  reason: string,
  updateId: number,
): Promise<{ ok: true; state: DossierState; already: boolean } | Refusal> {
  if (actor?.role !== "office") return { ok: false, key: "office-only" };
  const before = await dossierFor(deps, actor, unitId);
  if (!before.ok) return before;
  if (before.dossier?.status !== "submitted") {
    if (before.dossier?.status === "returned") return { ok: true, state: before, already: true };
    return { ok: false, key: "ds-not-submitted" };
  }
  const done = await returnDossier(
    deps.db,
    before.access.round.year,
    unitId,
    { id: actor.telegramId, role: "office", updateId },
    reason.trim(),
    deps.clock(),
  );
  const after = await dossierFor(deps, actor, unitId);
  return after.ok ? { ok: true, state: after, already: !done } : after;
}

/** A stored file, if the person may have it back: the Office any, a head their own unit's. */
export async function fileFor(
  deps: Deps,
  actor: Actor | undefined,
  fileRowId: number,
): Promise<{ ok: true; file: DossierFile } | Refusal> {
  const file = await findDossierFile(deps.db, fileRowId);
  const allowed =
    actor?.role === "office" || (actor?.user?.role === "unit_head" && actor.user.unit_id === file?.unit_id);
  if (!allowed) return { ok: false, key: "ds-file-not-yours" };
  if (!file) return { ok: false, key: "nm-stale-button" };
  return { ok: true, file };
}
