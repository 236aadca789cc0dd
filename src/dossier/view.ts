import { InlineKeyboard } from "grammy";
import type { DossierFile } from "../../db/schema.js";
import { draftLetterData } from "../documents/buttons.js";
import { FILE_SIZE_MB } from "../domain/evidence.js";
import { fileNameScore, type GuessSlot, rankByFileName } from "../domain/file-guess.js";
import { reportKey } from "../domain/nominations.js";
import { inUnitHands } from "../domain/routes.js";
import { formatLocalDateTime } from "../domain/time.js";
import { escapeHtml } from "../html.js";
import { localised } from "../i18n.js";
import { type ProposerAccess, type UnitAccess, unitRef } from "../nominations/access.js";
import { deadlineText, formShort, formsInOrder, nomineeLabel } from "../nominations/render.js";
import { plainText } from "../paged-view.js";
import type { Screen, ViewContext } from "../screen.js";
import { sentByNominee } from "./nominee-report.js";
import type { DossierState } from "./service.js";

/** "-" stands for the unit's own document in callback data, where an empty part would be ambiguous. */
export const UNIT_DOCUMENT = "-";

interface Slot {
  documentIndex: number;
  label: string;
  key: string;
  /** Whether the unit may upload a new version now (its own documents, and nominations in its hands). */
  open: boolean;
}

/** Every document the dossier asks for: the unit's own once, each nomination's report once. */
function slots(c: ViewContext, state: DossierState): Slot[] {
  if (state.nominations.length === 0) return [];
  return c.campaign.dossier.documents.flatMap((document, documentIndex) => {
    const name = localised(document.short ?? document.name, c.language);
    if (document.per === "unit") return [{ documentIndex, label: name, key: "", open: true }];
    // The name first: a phone cuts a long button at its end. The form, since each nomination has its report.
    return state.nominations.map((n) => ({
      documentIndex,
      label: `${nomineeLabel(c.t, n)} (${escapeHtml(formShort(c.campaign, n.form_id, c.language))}) – ${name}`,
      key: reportKey(n.id),
      open: inUnitHands(n.status),
    }));
  });
}

/** A document named by its id and key (a nomination's report key; none, or "", for the unit's own). */
type DocumentRef = { documentId: string; documentKey?: string | null | undefined };

/** Whether `slot` holds the document `ref` names. */
const holds = (c: ViewContext, slot: Slot, ref: DocumentRef) =>
  c.campaign.dossier.documents[slot.documentIndex]?.id === ref.documentId &&
  slot.key === (ref.documentKey ?? "");

/** Whether the document `ref` names is still missing from the dossier. */
export function stillMissing(state: Pick<DossierState, "missing">, ref: DocumentRef): boolean {
  return state.missing.some(
    (m) => m.documentId === ref.documentId && (m.documentKey ?? "") === (ref.documentKey ?? ""),
  );
}

/**
 * The first document still missing that the proposer may upload now, for the upload to ask for next: after a
 * file is in, the head just sends the next one.
 */
export function nextMissing(
  c: ViewContext,
  state: DossierState,
): { documentId: string; documentKey: string; label: string } | undefined {
  if (state.access.readOnly) return undefined;
  const open = slots(c, state).filter((slot) => slot.open);
  for (const missing of state.missing) {
    const slot = open.find((s) => holds(c, s, missing));
    if (slot) return { documentId: missing.documentId, documentKey: slot.key, label: slot.label };
  }
  return undefined;
}

/**
 * The documents a file sent without a 📎 press may be, likeliest first by its name: those still missing, or,
 * with none missing, every one the proposer may still replace.
 */
export function dropChoices(
  c: ViewContext,
  state: DossierState,
  fileName: string,
): Array<{ documentIndex: number; key: string; label: string }> {
  return rankByFileName(fileName, guessSlots(c, state)).map(({ documentIndex, key, label }) => ({
    documentIndex,
    key,
    label,
  }));
}

/** The documents a file may be, with what its name is matched against: the missing ones, else every open one. */
function guessSlots(c: ViewContext, state: DossierState): Array<Slot & GuessSlot> {
  if (state.access.readOnly) return [];
  const open = slots(c, state).filter((slot) => slot.open);
  const missing = open.filter((slot) => state.missing.some((m) => holds(c, slot, m)));
  return (missing.length > 0 ? missing : open).map((slot) => {
    const document = c.campaign.dossier.documents[slot.documentIndex];
    const nomination = state.nominations.find((n) => reportKey(n.id) === slot.key);
    return {
      ...slot,
      documentNames: document ? [document.name.vi, document.short?.vi ?? ""] : [],
      ...(nomination && nomination.nominee_kind === "individual"
        ? { nomineeName: nomination.nominee_name }
        : {}),
    };
  });
}

/**
 * Whether a file's name fits another missing document better than the one asked for ("BCTT Lê Văn Minh.pdf"
 * while the Tờ trình is asked): such a file is not taken for a document only offered, but asked about.
 */
export function nameFitsElsewhere(
  c: ViewContext,
  state: DossierState,
  fileName: string,
  asked: { documentId: string; documentKey: string },
): boolean {
  const guesses = guessSlots(c, state);
  const score = (slot: GuessSlot) => fileNameScore(fileName, slot);
  const own = guesses.find((slot) => holds(c, slot, asked));
  return Math.max(0, ...guesses.map(score)) > (own ? score(own) : 0);
}

/** "v2" after a file replaced once (versions count up from 1): who looks knows there is an earlier one. */
function versionMark(file: DossierFile): string {
  return file.version > 1 ? ` · v${file.version}` : "";
}

function stateLine(c: ViewContext, state: DossierState): string {
  const d = state.dossier;
  const zone = c.campaign.timeZone;
  if (d?.status === "submitted" && d.submitted_at)
    return c.t(d.late ? "ds-state-submitted-late" : "ds-state-submitted", {
      at: formatLocalDateTime(new Date(d.submitted_at), zone),
    });
  if (d?.status === "returned")
    return c.t("ds-state-returned", { reason: escapeHtml(d.return_reason ?? "") });
  return c.t("ds-state-open");
}

/** Documents (and their buttons) on one page of the dossier: few enough for any phone and any message. */
export const SLOTS_PER_PAGE = 12;
/** Room for the names in the nominations summary; the rest is counted, so the screen stays one message. */
const SUMMARY_CHARACTERS = 1500;
const FILE_NAME_SHOWN = 40;

function nominationSummary(c: ViewContext, state: DossierState): string[] {
  const { t } = c;
  const lines: string[] = [];
  let room = SUMMARY_CHARACTERS;
  for (const form of formsInOrder(c.campaign)) {
    const ofForm = state.nominations.filter((n) => n.form_id === form.id);
    if (ofForm.length === 0) continue;
    const mark = (n: (typeof ofForm)[number]) =>
      `${n.eligible ? "" : " ⚠️"}${n.status === "returned" ? ` ↩️ <i>${t("nm-status-returned")}</i>` : ""}`;
    const names: string[] = [];
    for (const n of ofForm) {
      const name = `${nomineeLabel(t, n)}${mark(n)}`;
      if (name.length + 2 > room) break;
      names.push(name);
      room -= name.length + 2;
    }
    const more =
      ofForm.length > names.length ? ` ${t("ds-and-more", { count: ofForm.length - names.length })}` : "";
    lines.push(
      `• <b>${escapeHtml(formShort(c.campaign, form.id, c.language))}</b>: ${names.join("; ")}${more}`,
    );
  }
  return lines;
}

function shortFileName(name: string): string {
  const chars = [...name];
  return chars.length > FILE_NAME_SHOWN ? `${chars.slice(0, FILE_NAME_SHOWN - 1).join("")}…` : name;
}

/**
 * Who looks at a dossier: its unit's head; the Office making it for a unit it proposes (the Ban Giám đốc,
 * the Văn phòng Sở), who completes and sends it as a head would, and reviews it once sent; or the Office
 * reviewing another unit's.
 */
export type DossierViewer = "head" | "office-proposer" | "office";

export function viewerOf(access: ProposerAccess | UnitAccess): DossierViewer {
  if (!("by" in access)) return "office";
  return access.by === "office" ? "office-proposer" : "head";
}

/**
 * The dossier as its proposer or the Office sees it, with the buttons that person may use now. Its documents
 * are paged (`pageData` makes the ◀ ▶ buttons' data), so a unit with many nominees still gets whole messages.
 */
export function dossierScreen(
  c: ViewContext,
  state: DossierState,
  requestedPage = 0,
  pageData?: (page: number) => string,
): Screen {
  const { t } = c;
  const access = state.access;
  const as = viewerOf(access);
  // The proposer's part (uploading, sending) is the same for a head and for the Office acting for a unit.
  const viewer = as === "office" ? "office" : "head";
  const ref = "by" in access ? unitRef(access) : "";
  const pageOf =
    pageData ?? ((page: number) => (as === "head" ? `ds:view:${page}` : `ds:u:${access.unitId}:${page}`));
  const lines = [
    t("ds-title", { year: String(access.round.year), unit: escapeHtml(access.unitName) }),
    ...(as === "office-proposer" ? [t("ds-office-acts")] : []),
    stateLine(c, state),
    deadlineText(t, access.deadline, c.campaign.timeZone),
    "",
    t("ds-nominations", { count: state.nominations.length }),
  ];
  if (state.nominations.length === 0)
    lines.push(t(viewer === "head" ? "ds-no-nominations" : "ds-no-nominations-office"));
  lines.push(...nominationSummary(c, state));

  const all = slots(c, state);
  const pages = Math.max(1, Math.ceil(all.length / SLOTS_PER_PAGE));
  const page = Math.min(Math.max(0, requestedPage), pages - 1);
  const shown = all.slice(page * SLOTS_PER_PAGE, (page + 1) * SLOTS_PER_PAGE);
  const fileOf = (slot: Slot) => {
    const documentId = c.campaign.dossier.documents[slot.documentIndex]?.id ?? "";
    return state.files.find((f) => f.document_id === documentId && f.document_key === slot.key);
  };
  if (all.length > 0) {
    lines.push("", t("ds-documents", { size: FILE_SIZE_MB }));
    if (pages > 1) lines.push(t("page-marker", { page: page + 1, pages }));
    for (const slot of shown) {
      const file = fileOf(slot);
      const name = escapeHtml(shortFileName(file?.file_name ?? t("ds-unnamed-file")));
      const lock = viewer === "head" && !slot.open ? " 🔒" : "";
      const nomination = state.nominations.find((n) => reportKey(n.id) === slot.key);
      const byNominee =
        file && nomination && sentByNominee(nomination, file) ? ` · ${t("ds-by-nominee")}` : "";
      lines.push(
        file
          ? `✅ ${slot.label}${lock} — <i>${name}</i>${versionMark(file)}${byNominee}`
          : `❌ ${slot.label}${lock}`,
      );
    }
  }
  const editable = viewer === "head" && access.readOnly === null;
  lines.push("");
  if (editable && shown.some((slot) => !slot.open)) lines.push(t("ds-locked-legend"));
  if (viewer === "head" && access.readOnly)
    lines.push(
      t(
        access.readOnly !== "submitted"
          ? `nm-read-only-${access.readOnly}`
          : as === "office-proposer"
            ? "ds-read-only-office"
            : "ds-read-only",
      ),
    );
  else if (state.missing.length > 0) lines.push(t("ds-missing", { count: state.missing.length }));
  else if (editable)
    lines.push(
      t(
        state.nominations.length === 0
          ? "ds-ready-empty"
          : state.dossier?.status === "returned"
            ? "ds-ready-returned"
            : "ds-ready",
      ),
    );

  const keyboard = new InlineKeyboard();
  for (const slot of shown) {
    const file = fileOf(slot);
    if (editable && slot.open) {
      const key = slot.key || UNIT_DOCUMENT;
      keyboard
        .text(`${file ? "🔁" : "📎"} ${plainText(slot.label)}`, `ds:up:${slot.documentIndex}:${key}${ref}`)
        .row();
    } else if (file) {
      // A document opens on its versions, each of which can be fetched.
      keyboard.text(`📄 ${plainText(slot.label)}`, `ds:doc:${file.id}`).row();
    }
  }
  if (pages > 1) {
    if (page > 0) keyboard.text("◀", pageOf(page - 1));
    keyboard.text(t("page-of", { page: page + 1, pages }), pageOf(page));
    if (page < pages - 1) keyboard.text("▶", pageOf(page + 1));
    keyboard.row();
  }
  // The unit's Tờ trình, drafted from its nominations as they stand, for whoever looks at the dossier.
  if (state.nominations.length > 0)
    keyboard.text(t("doc-letter-button"), draftLetterData(access.unitId)).row();
  if (editable) {
    if (!access.correctionsOnly) keyboard.text(t("ds-nominate-button"), `nm:open${ref}`);
    if (state.missing.length === 0) keyboard.text(t("ds-submit-button"), `ds:sub${ref}`);
  }
  // The Office reviews what it sent for a unit it proposes as it reviews any other unit's.
  if (as !== "head" && state.dossier?.status === "submitted")
    keyboard.text(t("ds-return-button"), `ds:ret:${access.unitId}`);
  return { text: lines.join("\n"), keyboard };
}

/** Versions on one page of a document's screen: their lines and buttons fit any message and any phone. */
export const VERSIONS_PER_PAGE = 8;
const VERSION_BUTTONS_PER_ROW = 4;

/**
 * A document's versions, newest first, each with a button to fetch it; the current one is marked. Paged
 * (`pageData` makes the ◀ ▶ buttons' data), so a document replaced many times still gets whole messages.
 */
export function versionsScreen(
  c: ViewContext,
  versions: readonly DossierFile[],
  back: string,
  requestedPage = 0,
  pageData: (page: number) => string = () => back,
): Screen {
  const { t } = c;
  const pages = Math.max(1, Math.ceil(versions.length / VERSIONS_PER_PAGE));
  const page = Math.min(Math.max(0, requestedPage), pages - 1);
  const shown = versions.slice(page * VERSIONS_PER_PAGE, (page + 1) * VERSIONS_PER_PAGE);
  const lines = [t("ds-versions-title", { count: versions.length })];
  if (pages > 1) lines.push(t("page-marker", { page: page + 1, pages }));
  const keyboard = new InlineKeyboard();
  shown.forEach((version, index) => {
    const name = escapeHtml(shortFileName(version.file_name ?? t("ds-unnamed-file")));
    lines.push(
      t(version === versions[0] ? "ds-version-current" : "ds-version", {
        version: version.version,
        name,
        at: formatLocalDateTime(new Date(version.uploaded_at), c.campaign.timeZone),
        by: escapeHtml(version.uploaded_by_name ?? t("nm-by-unit_head")),
      }),
    );
    keyboard.text(`⬇ v${version.version}`, `ds:get:${version.id}`);
    if (index % VERSION_BUTTONS_PER_ROW === VERSION_BUTTONS_PER_ROW - 1) keyboard.row();
  });
  keyboard.row();
  if (pages > 1) {
    if (page > 0) keyboard.text("◀", pageData(page - 1));
    keyboard.text(t("page-of", { page: page + 1, pages }), pageData(page));
    if (page < pages - 1) keyboard.text("▶", pageData(page + 1));
    keyboard.row();
  }
  keyboard.text(t("ds-back-button"), back);
  return { text: lines.join("\n"), keyboard };
}
