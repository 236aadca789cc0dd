import type { Sending } from "../../db/dossiers.js";
import type { Language } from "../../db/schema.js";
import type { AppDeps } from "../deps.js";
import { dossierChanges, hasChanges } from "../domain/dossier-changes.js";
import { reportKey } from "../domain/nominations.js";
import { escapeHtml } from "../html.js";
import { localised } from "../i18n.js";
import { formShort } from "../nominations/render.js";

/** Room for the changes in one message (Telegram's limit is 4,096); the rest are counted, not cut. */
const CHANGES_CHARACTERS = 3500;
const NAME_SHOWN = 60;

const cut = (text: string) => {
  const chars = [...text];
  return chars.length > NAME_SHOWN ? `${chars.slice(0, NAME_SHOWN - 1).join("")}…` : text;
};

/**
 * The Office's notice of a dossier sent: the first sending says what it holds; a later one says it is a
 * resubmission and lists, per nomination, what was added, withdrawn, corrected and which files were replaced.
 */
export function sendingNotice(
  deps: Pick<AppDeps, "campaign" | "i18n">,
  language: Language,
  unit: { code: string; unit: string; year: number },
  sending: Sending,
): string {
  const t = (key: string, vars?: Record<string, string | number>) => deps.i18n.t(language, key, vars);
  const standing = sending.current.nominations.filter(
    (n) => n.status !== "withdrawn" && n.status !== "rejected",
  );
  const head = {
    code: escapeHtml(unit.code),
    unit: escapeHtml(unit.unit),
    year: String(unit.year),
    count: standing.length,
    number: sending.number,
  };
  if (!sending.previous) return t(sending.late ? "ds-notice-submitted-late" : "ds-notice-submitted", head);
  const changes = dossierChanges(sending.previous, sending.current, sending.corrected, reportKey);
  const nominee = (n: { name: string; kind: string; formId: string }) => {
    const name = escapeHtml(cut(n.name));
    const label = n.kind === "collective" ? t("nm-collective-label", { name }) : name;
    return `${label} (${escapeHtml(formShort(deps.campaign, n.formId, language))})`;
  };
  const documentName = (id: string) => {
    const document = deps.campaign.dossier.documents.find((d) => d.id === id);
    return escapeHtml(document ? localised(document.short ?? document.name, language) : id);
  };
  const fileName = (name: string | null) => escapeHtml(cut(name ?? t("ds-unnamed-file")));
  const lines = [
    ...changes.added.map((n) => t("ds-change-added", { nominee: nominee(n) })),
    ...changes.withdrawn.map((n) => t("ds-change-withdrawn", { nominee: nominee(n) })),
    ...changes.corrected.map((n) => t("ds-change-corrected", { nominee: nominee(n) })),
    ...changes.replaced.map((r) => {
      const of = sending.current.nominations.find((n) => n.id === r.nominationId);
      const document = documentName(r.documentId);
      const files = { old: fileName(r.oldName), new: fileName(r.newName) };
      return of
        ? t("ds-change-replaced-of", { document, nominee: nominee(of), ...files })
        : t("ds-change-replaced", { document, ...files });
    }),
  ];
  const shown: string[] = [];
  let room = CHANGES_CHARACTERS;
  for (const line of lines) {
    if (line.length + 1 > room) break;
    shown.push(line);
    room -= line.length + 1;
  }
  if (lines.length > shown.length) shown.push(t("ds-change-more", { count: lines.length - shown.length }));
  return [
    t(sending.late ? "ds-notice-resubmitted-late" : "ds-notice-resubmitted", head),
    hasChanges(changes) ? t("ds-changes-title") : t("ds-changes-none"),
    ...shown,
  ].join("\n");
}
