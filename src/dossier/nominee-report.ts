import { InlineKeyboard } from "grammy";
import { addDocumentVersion, documentVersions } from "../../db/dossiers.js";
import { findNomination } from "../../db/nominations.js";
import {
  enqueueNotices,
  headsOfUnit,
  officeRecipients,
  type Recipient,
  registeredPerson,
} from "../../db/notices.js";
import { findOpenRound } from "../../db/rounds.js";
import type { DossierFile, Language, Nomination } from "../../db/schema.js";
import { findUnitById } from "../../db/units.js";
import type { Actor } from "../context.js";
import type { AppDeps } from "../deps.js";
import { draftReportData } from "../documents/buttons.js";
import { checkDossierFile, FILE_SIZE_MB } from "../domain/evidence.js";
import { reportKey } from "../domain/nominations.js";
import { routeOf, unitLock } from "../domain/routes.js";
import { escapeHtml } from "../html.js";
import { type Refusal, unitAccess } from "../nominations/access.js";
import { noticeRows } from "../nominations/notices.js";
import { formShort } from "../nominations/render.js";
import type { IncomingFile } from "./service.js";

type Deps = Pick<AppDeps, "db" | "campaign" | "clock" | "i18n" | "officeAdminIds">;

/** The button under the nominee's request: it asks them for the file. */
export const mineData = (nominationId: number) => `ds:mine:${nominationId}`;
/** The button under the head's notice that keeps the nominee's file as it is. */
export const keepData = (fileRowId: number) => `ds:ok:${fileRowId}`;

/** The dossier document each nominee has: the campaign's first one asked per nominee (the Báo cáo thành tích). */
function reportDocument(deps: Pick<Deps, "campaign">): number {
  return deps.campaign.dossier.documents.findIndex((document) => document.per === "nominee");
}

/** The nominee's own report of one nomination, which they may send now. */
export interface NomineeSlot {
  ok: true;
  nomination: Nomination;
  documentIndex: number;
  officeProposes: boolean;
}

/**
 * Whether the speaker may send the report of this nomination now: they are its individual nominee, the round is
 * open, the dossier is in the unit's hands (not sent, not past the deadline unless returned) and the nomination
 * too (a draft, or returned to it). Checked on every press and every file.
 */
export async function nomineeSlot(
  deps: Deps,
  actor: Actor | undefined,
  nominationId: number,
): Promise<NomineeSlot | Refusal> {
  const nomination = await findNomination(deps.db, nominationId);
  const documentIndex = reportDocument(deps);
  if (!nomination || documentIndex < 0) return { ok: false, key: "ds-mine-gone" };
  if (!actor || nomination.nominee_kind !== "individual" || nomination.nominee_id !== actor.telegramId)
    return { ok: false, key: "ds-mine-not-yours" };
  const round = await findOpenRound(deps.db);
  if (round?.year !== nomination.round_year) return { ok: false, key: "ds-mine-closed" };
  const unit = await findUnitById(deps.db, nomination.unit_id);
  if (!unit || unit.archived_at) return { ok: false, key: "ds-mine-closed" };
  const access = await unitAccess(deps, round, unit.id, unit.name);
  if (access.readOnly) return { ok: false, key: `ds-mine-${access.readOnly}` };
  const lock = unitLock(routeOf(deps.campaign, nomination.form_id), nomination.status);
  if (lock)
    return { ok: false, key: `ds-locked-${lock}`, vars: { nominee: escapeHtml(nomination.nominee_name) } };
  return { ok: true, nomination, documentIndex, officeProposes: unit.office_proposes === 1 };
}

/** The report's current version, if any: the nominee's new file will be the next. */
export async function currentReport(deps: Deps, slot: NomineeSlot): Promise<DossierFile | undefined> {
  const { nomination } = slot;
  const [current] = await documentVersions(deps.db, {
    year: nomination.round_year,
    unitId: nomination.unit_id,
    documentId: deps.campaign.dossier.documents[slot.documentIndex]?.id ?? "",
    documentKey: reportKey(nomination.id),
  });
  return current;
}

export type NomineeUpload =
  | { ok: true; slot: NomineeSlot; added: DossierFile }
  | { ok: false; problem: "wrong_type" | "too_large" }
  | Refusal;

/**
 * Stores the nominee's file as a new version of their nomination's report, recorded as uploaded by them: it is
 * the current version at once, and stands unless the head replaces it. The same update handled again finds its
 * version and adds none.
 */
export async function uploadNomineeReport(
  deps: Deps,
  actor: Actor | undefined,
  nominationId: number,
  file: IncomingFile,
  updateId: number,
): Promise<NomineeUpload> {
  const slot = await nomineeSlot(deps, actor, nominationId);
  if (!slot.ok) return slot;
  const check = checkDossierFile(file);
  if (!check.ok) return { ok: false, problem: check.reason };
  const document = deps.campaign.dossier.documents[slot.documentIndex];
  const { nomination } = slot;
  if (!document) return { ok: false, key: "nm-stale-button" };
  const stored = await addDocumentVersion(
    deps.db,
    {
      year: nomination.round_year,
      unitId: nomination.unit_id,
      documentId: document.id,
      documentKey: reportKey(nomination.id),
      fileId: file.fileId,
      fileUniqueId: file.uniqueId,
      fileName: file.fileName ?? null,
      mimeType: file.mimeType ?? null,
      fileSize: file.size ?? null,
      by: nomination.nominee_id,
      updateId,
    },
    deps.clock(),
  );
  // Checked again where the file is stored: the head may have sent the dossier meanwhile.
  if ("refused" in stored) {
    if (stored.refused === "submitted") return { ok: false, key: "ds-mine-submitted" };
    const lock = unitLock(routeOf(deps.campaign, nomination.form_id), stored.status);
    return lock
      ? { ok: false, key: `ds-locked-${lock}`, vars: { nominee: escapeHtml(nomination.nominee_name) } }
      : { ok: false, key: "nm-stale-button" };
  }
  return { ok: true, slot, added: stored };
}

/** Whether a report was sent by the person it is about (their own Telegram id on the version). */
export function sentByNominee(
  nomination: Pick<Nomination, "nominee_kind" | "nominee_id">,
  file: Pick<DossierFile, "uploaded_by">,
): boolean {
  return (
    nomination.nominee_kind === "individual" &&
    file.uploaded_by !== 0 &&
    file.uploaded_by === nomination.nominee_id
  );
}

/**
 * After a person is proposed: they are asked for their own Báo cáo thành tích through the outbox, once per
 * nomination, with a button that asks for the file and one for the bot's draft. Not the proposer themself
 * (a head proposing themself uploads it as head), nor a collective, nor someone not on the bot. True if asked.
 */
export async function askNomineeReport(
  deps: Deps,
  nomination: Pick<Nomination, "id" | "round_year" | "unit_id" | "form_id" | "nominee_kind" | "nominee_id">,
  proposerId: number | undefined,
): Promise<boolean> {
  if (nomination.nominee_kind !== "individual" || reportDocument(deps) < 0) return false;
  const nominee = await registeredPerson(deps.db, nomination.nominee_id);
  if (!nominee || nominee.id === proposerId) return false;
  const t = (key: string, vars?: Record<string, string | number>) => deps.i18n.t(nominee.language, key, vars);
  const rows = noticeRows(
    deps,
    {
      key: `notice:ds-ask:${nomination.id}`,
      year: nomination.round_year,
      unitId: nomination.unit_id,
      text: (language) =>
        deps.i18n.t(language, "ds-mine-notice", {
          form: escapeHtml(formShort(deps.campaign, nomination.form_id, language)),
          size: FILE_SIZE_MB,
        }),
    },
    [nominee],
  ).map((row) => ({
    ...row,
    reply_markup: JSON.stringify(
      new InlineKeyboard()
        .text(t("ds-mine-button"), mineData(nomination.id))
        .text(t("doc-draft-button"), draftReportData(nomination.id)),
    ),
  }));
  await enqueueNotices(deps.db, rows);
  return true;
}

/**
 * The nominee's file is in: those who make the dossier hear of it (the unit's heads; the Office for a unit it
 * proposes), once per version, with a button to keep it and one to replace it with their own file. Says which.
 */
export async function tellOfNomineeReport(
  deps: Deps,
  upload: Extract<NomineeUpload, { ok: true }>,
): Promise<"head" | "office"> {
  const { nomination, documentIndex, officeProposes } = upload.slot;
  const heads = await headsOfUnit(deps.db, nomination.unit_id);
  const office = heads.length === 0 && officeProposes;
  const to: Recipient[] = office ? await officeRecipients(deps.db, deps.officeAdminIds) : heads;
  const ref = office ? `@${nomination.unit_id}` : "";
  const event = {
    key: `notice:ds-mine:${upload.added.id}`,
    year: nomination.round_year,
    unitId: nomination.unit_id,
    text: (language: Language) =>
      deps.i18n.t(language, "ds-mine-arrived", {
        name: escapeHtml(nomination.nominee_name),
        form: escapeHtml(formShort(deps.campaign, nomination.form_id, language)),
        file: escapeHtml(upload.added.file_name ?? deps.i18n.t(language, "ds-unnamed-file")),
        version: upload.added.version,
      }),
  };
  const key = `${documentIndex}:${reportKey(nomination.id)}`;
  const rows = to
    .filter((recipient) => recipient.id !== nomination.nominee_id)
    .flatMap((recipient) =>
      noticeRows(deps, event, [recipient]).map((row) => ({
        ...row,
        reply_markup: JSON.stringify(
          new InlineKeyboard()
            .text(deps.i18n.t(recipient.language, "ds-keep-button"), keepData(upload.added.id))
            .text(deps.i18n.t(recipient.language, "ds-replace-button"), `ds:up:${key}${ref}`),
        ),
      })),
    );
  await enqueueNotices(deps.db, rows);
  return office ? "office" : "head";
}
