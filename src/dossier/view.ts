import { InlineKeyboard } from "grammy";
import type { Language } from "../../db/schema.js";
import type { Campaign } from "../campaign/schema.js";
import { FILE_SIZE_MAX } from "../domain/evidence.js";
import { nomineeKey } from "../domain/nominations.js";
import { formatLocalDateTime } from "../domain/time.js";
import { escapeHtml } from "../html.js";
import { localised } from "../i18n.js";
import { formShort, formsInOrder, nomineeLabel, type Translate } from "../nominations/render.js";
import type { DossierState } from "./service.js";

export interface ViewContext {
  t: Translate;
  language: Language;
  campaign: Campaign;
}

export interface Screen {
  text: string;
  keyboard: InlineKeyboard;
}

/** "-" stands for the unit's own document in callback data, where an empty part would be ambiguous. */
export const UNIT_DOCUMENT = "-";

interface Slot {
  documentIndex: number;
  label: string;
  key: string;
}

/** Every document the dossier asks for: the unit's own once, each nominee's once. */
function slots(c: ViewContext, state: DossierState): Slot[] {
  const nominees = new Map<string, string>();
  for (const n of state.nominations)
    nominees.set(nomineeKey(n.nominee_kind, n.nominee_id), nomineeLabel(c.t, n));
  if (nominees.size === 0) return [];
  return c.campaign.dossier.documents.flatMap((document, documentIndex) => {
    const name = localised(document.short ?? document.name, c.language);
    if (document.per === "unit") return [{ documentIndex, label: name, key: "" }];
    return [...nominees].map(([key, nominee]) => ({ documentIndex, label: `${name} – ${nominee}`, key }));
  });
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

/** The dossier as its head or the Office sees it, with the buttons that person may use now. */
export function dossierScreen(c: ViewContext, state: DossierState, viewer: "head" | "office"): Screen {
  const { t } = c;
  const access = state.access;
  const lines = [
    t("ds-title", { year: String(access.round.year), unit: escapeHtml(access.unitName) }),
    stateLine(c, state),
    t("ds-deadline", { deadline: formatLocalDateTime(access.deadline, c.campaign.timeZone) }),
    "",
    t("ds-nominations", { count: state.nominations.length }),
  ];
  if (state.nominations.length === 0)
    lines.push(t(viewer === "head" ? "ds-no-nominations" : "ds-no-nominations-office"));
  for (const form of formsInOrder(c.campaign)) {
    const ofForm = state.nominations.filter((n) => n.form_id === form.id);
    if (ofForm.length === 0) continue;
    const names = ofForm.map((n) => `${nomineeLabel(t, n)}${n.eligible ? "" : " ⚠️"}`).join("; ");
    lines.push(`• <b>${escapeHtml(formShort(c.campaign, form.id, c.language))}</b>: ${names}`);
  }
  const all = slots(c, state);
  const keyboard = new InlineKeyboard();
  if (all.length > 0) {
    lines.push("", t("ds-documents", { size: Math.round(FILE_SIZE_MAX / 1024 / 1024) }));
    for (const slot of all) {
      const documentId = c.campaign.dossier.documents[slot.documentIndex]?.id ?? "";
      const file = state.files.find((f) => f.document_id === documentId && f.nominee_key === slot.key);
      lines.push(
        file
          ? `✅ ${slot.label} — <i>${escapeHtml(file.file_name ?? t("ds-unnamed-file"))}</i>`
          : `❌ ${slot.label}`,
      );
    }
  }
  const editable = viewer === "head" && access.readOnly === null;
  lines.push("");
  if (viewer === "head" && access.readOnly)
    lines.push(t(access.readOnly === "submitted" ? "ds-read-only" : `nm-read-only-${access.readOnly}`));
  else if (state.missing.length > 0) lines.push(t("ds-missing", { count: state.missing.length }));
  else if (editable) lines.push(t(state.nominations.length === 0 ? "ds-ready-empty" : "ds-ready"));

  for (const slot of all) {
    const documentId = c.campaign.dossier.documents[slot.documentIndex]?.id ?? "";
    const file = state.files.find((f) => f.document_id === documentId && f.nominee_key === slot.key);
    const key = slot.key || UNIT_DOCUMENT;
    if (editable) {
      keyboard.text(`${file ? "🔁" : "📎"} ${slot.label}`, `ds:up:${slot.documentIndex}:${key}`).row();
    } else if (file) {
      keyboard.text(`⬇ ${slot.label}`, `ds:get:${file.id}`).row();
    }
  }
  if (editable) {
    keyboard.text(t("ds-nominate-button"), "nm:home");
    if (state.missing.length === 0) keyboard.text(t("ds-submit-button"), "ds:sub");
  }
  if (viewer === "office" && state.dossier?.status === "submitted")
    keyboard.text(t("ds-return-button"), `ds:ret:${access.unitId}`);
  return { text: lines.join("\n"), keyboard };
}
