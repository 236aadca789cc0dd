import type { UnitRow } from "../../db/round-status.js";
import { readCommand } from "../assessment/read-view.js";
import { type NominationStatus, type NomineeKind, type QuotaUse, quotaUse } from "../domain/nominations.js";
import { headingForQuota, routeOf } from "../domain/routes.js";
import { type PendingItem, pendingItems, type UnitStatus } from "../domain/unit-status.js";
import { escapeHtml } from "../html.js";
import { localised } from "../i18n.js";
import { formShort, formsInOrder, statusWord } from "../nominations/render.js";
import type { ViewContext } from "../screen.js";
import type { UnitWithStatus } from "./round-status.js";

/** Names shown per unit in /pending: the database is asked for no more. */
export const PENDING_NAMES_MAX = 15;
const NAMES_PER_LINE = 10;

function nominationsText(c: ViewContext, status: UnitStatus): string {
  const parts = status.nominationsByForm
    .filter((f) => f.collective + f.individual > 0)
    .map((f) =>
      c.t("st-form-count", {
        form: escapeHtml(formShort(c.campaign, f.formId, c.language)),
        collective: f.collective,
        individual: f.individual,
      }),
    );
  return parts.length > 0 ? parts.join("; ") : c.t("st-no-nominations");
}

function dossierText(c: ViewContext, status: UnitStatus): string {
  const state = c.t(`st-dossier-${status.dossier}`);
  return status.late
    ? `${state} · ${c.t(status.dossier === "submitted" ? "st-late-submitted" : "st-overdue")}`
    : state;
}

/** Two lines per unit for /status: assessments, nominations per form, documents, dossier and lateness. */
export function statusLines(
  c: ViewContext,
  units: ReadonlyArray<Pick<UnitWithStatus, "unit" | "status">>,
): string[] {
  return units.map(({ unit, status }) =>
    [
      `${status.complete ? "✅" : "▫️"} <b>${escapeHtml(unit.code)}</b> · ${escapeHtml(unit.name)}`,
      c.t("st-line-assessments", {
        submitted: status.peopleSubmitted,
        total: status.peopleTotal,
        own: c.t(`st-own-${status.unitAssessment}`),
      }),
      c.t("st-line-nominations", { nominations: nominationsText(c, status) }),
      c.t("st-line-dossier", {
        uploaded: status.documentsUploaded,
        required: status.documentsRequired,
        dossier: dossierText(c, status),
      }),
    ].join("\n"),
  );
}

/** The first names of who has not submitted, and how many more there are. */
function namesText(c: ViewContext, names: readonly string[], missing: number): string {
  const shown = names.slice(0, PENDING_NAMES_MAX);
  const more = missing - shown.length;
  return shown.map(escapeHtml).join(", ") + (more > 0 ? ` ${c.t("rm-and-more", { count: more })}` : "");
}

export function pendingText(c: ViewContext, item: PendingItem): string {
  switch (item.kind) {
    case "people":
      return c.t("pd-people", {
        missing: item.missing,
        total: item.total,
        // A unit's block is one paging unit: a long list of names is cut and counted, never over a message.
        names: namesText(c, item.names, item.missing),
      });
    case "unit_assessment":
      return c.t("pd-unit-assessment", { progress: c.t(`st-own-${item.progress}`) });
    case "nominations":
      return c.t("pd-nominations");
    case "document": {
      const document = c.campaign.dossier.documents.find((d) => d.id === item.documentId);
      const name = escapeHtml(
        document ? localised(document.short ?? document.name, c.language) : item.documentId,
      );
      return item.nomineeName
        ? c.t("pd-document-of", {
            document: name,
            nominee: `${
              item.collective
                ? c.t("nm-collective-label", { name: escapeHtml(item.nomineeName) })
                : escapeHtml(item.nomineeName)
            }${item.formId ? ` (${escapeHtml(formShort(c.campaign, item.formId, c.language))})` : ""}`,
          })
        : c.t("pd-document", { document: name });
    }
    case "dossier":
      return item.state === "returned"
        ? c.t("pd-dossier-returned", { reason: escapeHtml(item.returnReason ?? "") })
        : c.t("pd-dossier");
  }
}

/** /pending: one block per unit that still lacks something, and only what it lacks. */
export function pendingLines(
  c: ViewContext,
  units: ReadonlyArray<Pick<UnitWithStatus, "unit" | "status">>,
): string[] {
  return units.flatMap(({ unit, status }) => {
    const items = pendingItems(status);
    if (items.length === 0) return [];
    const late = status.late && status.dossier !== "submitted" ? ` · ${c.t("st-overdue")}` : "";
    return [
      [
        `<b>${escapeHtml(unit.code)}</b> · ${escapeHtml(unit.name)}${late}`,
        ...items.map((i) => `   – ${pendingText(c, i)}`),
      ].join("\n"),
    ];
  });
}

/** /status <code>: one unit in full, with names. */
export function unitDetailLines(
  c: ViewContext,
  unit: UnitRow,
  status: UnitStatus,
  people: ReadonlyArray<{ telegramId: number; fullName: string; assessment: string }>,
  nominations: ReadonlyArray<{
    id: number;
    formId: string;
    label: string;
    status: NominationStatus;
    /** Where it stands on its route, as HTML ("3/4 <i>…</i>"); its status word in italics where not given. */
    step?: string;
    eligible: boolean;
    /** "QĐ 125/QĐ-STP" on an awarded nomination. */
    decision: string | null;
  }>,
): string[] {
  const lines = [
    ...statusLines(c, [{ unit, status }]),
    ...(status.unitAssessment === "not_started"
      ? []
      : [c.t("st-unit-assessment-open", { command: readCommand("unit", unit.id) })]),
    "",
    c.t("st-people-title", { submitted: status.peopleSubmitted, total: status.peopleTotal }),
  ];
  for (const progress of ["submitted", "in_progress", "not_started"]) {
    // A started self-assessment opens read-only with a tap on the command after the name.
    const names = people
      .filter((p) => p.assessment === progress)
      .map(
        (p) =>
          `${escapeHtml(p.fullName)}${progress === "not_started" ? "" : ` ${readCommand("individual", p.telegramId)}`}`,
      );
    if (names.length === 0) continue;
    lines.push(`${c.t(`st-people-${progress}`, { count: names.length })}:`);
    // Several lines of names, so that the pages can split a long unit between them.
    for (let i = 0; i < names.length; i += NAMES_PER_LINE)
      lines.push(`   ${names.slice(i, i + NAMES_PER_LINE).join(", ")}`);
  }
  lines.push("", c.t("st-nominations-title", { count: nominations.length }));
  for (const form of formsInOrder(c.campaign)) {
    for (const n of nominations.filter((x) => x.formId === form.id))
      lines.push(
        `• #${n.id} ${n.label}${n.eligible ? "" : " ⚠️"} · ${escapeHtml(formShort(c.campaign, form.id, c.language))} · ${n.step ?? `<i>${statusWord(c, n.status)}</i>`}${n.decision ? ` · ${n.decision}` : ""}`,
      );
  }
  const missing = pendingItems(status).filter((i) => i.kind === "document" || i.kind === "nominations");
  if (missing.length > 0) {
    lines.push("", c.t("st-missing-title"));
    for (const item of missing) lines.push(`– ${pendingText(c, item)}`);
  }
  return lines;
}

function quotaPart(c: ViewContext, use: QuotaUse, waiting: number, from: string): string {
  const kind = c.t(`st-kind-${use.nomineeKind}`);
  const line =
    use.quota === null
      ? c.t("qt-line-no-quota", { kind, used: use.used, waiting, from })
      : c.t("qt-line", { kind, used: use.used, quota: use.quota, waiting, from });
  return use.over ? `${line} ⛔` : line;
}

/** /quota: for each form, the collectives and individuals its route counts (from the Council's pass) against its quota. */
export function quotaLines(
  c: ViewContext,
  nominations: ReadonlyArray<{ formId: string; nomineeKind: NomineeKind; status: NominationStatus }>,
): string[] {
  const uses = quotaUse(c.campaign, nominations);
  return formsInOrder(c.campaign).map((form) => {
    const parts = uses
      .filter((use) => use.formId === form.id)
      .map((use) => {
        const route = routeOf(c.campaign, form.id);
        const waiting = nominations.filter(
          (n) =>
            n.formId === form.id &&
            n.nomineeKind === use.nomineeKind &&
            route !== undefined &&
            headingForQuota(route, n.status),
        ).length;
        // The quota counts from the step the form's route names (its quotaFrom), not from the Council's agenda.
        return `   ${quotaPart(c, use, waiting, escapeHtml(statusWord(c, form.route.quotaFrom)))}`;
      });
    const source = form.quota.source
      ? `\n   <i>${escapeHtml(localised(form.quota.source, c.language))}</i>`
      : "";
    return [`<b>${escapeHtml(localised(form.name, c.language))}</b>`, ...parts].join("\n") + source;
  });
}
