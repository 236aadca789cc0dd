import { InlineKeyboard } from "grammy";
import type { NominationWithUnit } from "../../db/nominations.js";
import { quotaOf } from "../domain/nominations.js";
import { echoArgument, escapeHtml } from "../html.js";
import { localised } from "../i18n.js";
import type { Screen, ViewContext } from "../screen.js";
import { type ProposerAccess, unitRef } from "./access.js";
import { formIndex, formShort, formsInOrder, nomineeLabel, resultText, statusWord } from "./render.js";
import type { Candidate } from "./service.js";

export const PEOPLE_PER_PAGE = 8;
export const SEARCH_PEOPLE_MAX = 10;

function quotaText(c: ViewContext, formId: string): string {
  const form = c.campaign.awardForms.find((f) => f.id === formId);
  if (!form) return "";
  const collective = quotaOf(form, "collective");
  const individual = quotaOf(form, "individual");
  if (collective === null && individual === null)
    return c.t("nm-quota-unset", {
      source: escapeHtml(form.quota.source ? localised(form.quota.source, c.language) : "—"),
    });
  return c.t("nm-quota", { collective: collective ?? "—", individual: individual ?? "—" });
}

/** Where the dossier opens for this proposer: a head's own, or the unit's for the Office. */
function dossierData(access: Pick<ProposerAccess, "by" | "unitId">): string {
  return access.by === "office" ? `ds:u:${access.unitId}` : "ds:view";
}

/** /nominate: what the unit has proposed so far, and the forms to propose for. */
export function homeScreen(
  c: ViewContext,
  access: ProposerAccess,
  nominations: readonly NominationWithUnit[],
): Screen {
  const ref = unitRef(access);
  const lines = [
    c.t("nm-home-title", { year: String(access.round.year), unit: escapeHtml(access.unitName) }),
    ...(access.by === "office" ? [c.t("nm-office-acts")] : []),
    "",
  ];
  if (nominations.length === 0) lines.push(c.t("nm-home-none"));
  for (const form of formsInOrder(c.campaign)) {
    const ofForm = nominations.filter((n) => n.form_id === form.id);
    if (ofForm.length === 0) continue;
    lines.push(`<b>${escapeHtml(formShort(c.campaign, form.id, c.language))}</b>`);
    for (const n of ofForm) lines.push(`• ${nomineeLabel(c.t, n)} — ${statusWord(c, n.status)}`);
  }
  const keyboard = new InlineKeyboard();
  if (access.readOnly) {
    lines.push("", c.t(`nm-read-only-${access.readOnly}`));
  } else if (access.correctionsOnly) {
    lines.push("", c.t("nm-corrections-only"));
  } else {
    lines.push("", c.t("nm-home-pick-form"));
    for (const form of formsInOrder(c.campaign))
      keyboard.text(localised(form.name, c.language), `nm:f:${formIndex(c.campaign, form.id)}:0${ref}`).row();
  }
  keyboard.text(c.t("ds-open-button"), dossierData(access));
  if (access.by === "office") keyboard.row().text(c.t("nm-office-units-button"), "nm:units");
  return { text: lines.join("\n"), keyboard };
}

/**
 * A button for a candidate: add them, or (already proposed) take the proposal back. `ref` names the unit the
 * Office acts for ("" for a head's own).
 */
function candidateButton(
  c: ViewContext,
  formIdx: number,
  candidate: Candidate,
  label: string,
  page: number,
  ref: string,
): [string, string] {
  const n = candidate.nomination;
  // The page rides along, so the list stays where the head was after the press.
  if (n)
    return [
      n.status === "draft" ? `☑️ ${label}` : `☑️ ${label} (${statusWord(c, n.status)})`,
      `nm:x:${n.id}:${page}${ref}`,
    ];
  return [label, `nm:a:${formIdx}:${candidate.key}:${page}${ref}`];
}

/** "Đã đề nghị ở hình thức khác: …": what the unit has proposed for the forms not on screen, if anything. */
function otherFormsLine(
  c: ViewContext,
  formId: string,
  nominations: ReadonlyArray<Pick<NominationWithUnit, "form_id">>,
): string {
  const counts = formsInOrder(c.campaign)
    .filter((form) => form.id !== formId)
    .map((form) => ({ form, count: nominations.filter((n) => n.form_id === form.id).length }))
    .filter(({ count }) => count > 0);
  if (counts.length === 0) return "";
  const list = counts
    .map(({ form, count }) => `${escapeHtml(formShort(c.campaign, form.id, c.language))}: ${count}`)
    .join("; ");
  return c.t("nm-form-others", { list });
}

/** What the form screen shows of the rest: the unit's nominations for every form, and the file it offers. */
export interface FormScreenExtras {
  /** The unit's standing nominations, every form. */
  nominations: ReadonlyArray<Pick<NominationWithUnit, "form_id">>;
  /** The line naming the dossier's next missing file, which the proposer may just send. */
  offer?: string;
  /** Something is proposed and no file the unit may upload is missing. */
  dossierComplete?: boolean;
}

/**
 * One form: the unit itself, then its people ranked (those whose assessment supports the form first), what the
 * unit proposed for the other forms, and the dossier's next missing file.
 */
export function formScreen(
  c: ViewContext,
  access: ProposerAccess,
  formId: string,
  candidates: { collective: Candidate; people: Candidate[] },
  requestedPage: number,
  extras: FormScreenExtras = { nominations: [] },
): Screen {
  const formIdx = formIndex(c.campaign, formId);
  const ref = unitRef(access);
  const pages = Math.max(1, Math.ceil(candidates.people.length / PEOPLE_PER_PAGE));
  const page = Math.min(Math.max(0, requestedPage), pages - 1);
  const shown = candidates.people.slice(page * PEOPLE_PER_PAGE, (page + 1) * PEOPLE_PER_PAGE);
  const head = [
    c.t("nm-form-title", {
      form: escapeHtml(localised(c.campaign.awardForms[formIdx]?.name ?? { vi: formId }, c.language)),
      unit: escapeHtml(access.unitName),
    }),
    ...(access.by === "office" ? [c.t("nm-office-acts")] : []),
    quotaText(c, formId),
    otherFormsLine(c, formId, extras.nominations),
  ];
  const body = [c.t("nm-form-help"), pages > 1 ? c.t("page-marker", { page: page + 1, pages }) : ""];
  const dossier = extras.offer ?? (extras.dossierComplete ? c.t("nm-form-dossier-complete") : "");
  const text = [head, body, [dossier]]
    .map((lines) => lines.filter((line) => line !== "").join("\n"))
    .filter((block) => block !== "")
    .join("\n\n");
  const keyboard = new InlineKeyboard();
  const unitLabel = `🏢 ${c.t("nm-collective-label", { name: access.unitName })} · ${resultText(c.t, candidates.collective.result, formId)}`;
  keyboard.text(...candidateButton(c, formIdx, candidates.collective, unitLabel, 0, ref)).row();
  for (const person of shown) {
    const moved = person.leftUnit ? ` (${c.t("nm-left-unit")})` : "";
    const label = `${person.name}${moved} · ${resultText(c.t, person.result, formId)}`;
    keyboard.text(...candidateButton(c, formIdx, person, label, page, ref)).row();
  }
  if (pages > 1) {
    if (page > 0) keyboard.text("◀", `nm:f:${formIdx}:${page - 1}${ref}`);
    keyboard.text(c.t("page-of", { page: page + 1, pages }), `nm:f:${formIdx}:${page}${ref}`);
    if (page < pages - 1) keyboard.text("▶", `nm:f:${formIdx}:${page + 1}${ref}`);
    keyboard.row();
  }
  // The other forms one tap away, without going back to the list of forms.
  for (const other of formsInOrder(c.campaign))
    if (other.id !== formId)
      keyboard.text(
        `↪ ${formShort(c.campaign, other.id, c.language)}`,
        `nm:f:${formIndex(c.campaign, other.id)}:0${ref}`,
      );
  keyboard.row();
  keyboard.text(c.t("nm-overview-button"), `nm:home${ref}`).text(c.t("ds-open-button"), dossierData(access));
  return { text, keyboard };
}

/**
 * People whose names match a search, each with the forms they can be proposed for: a head's unit's, or those
 * of the units the Office proposes (each found person carries the `ref` of their unit, "" for a head's).
 */
export function searchScreen(
  c: ViewContext,
  query: string,
  found: ReadonlyArray<{ formId: string; candidate: Candidate; ref: string }>,
  names: readonly string[],
  back: string,
): Screen {
  const keyboard = new InlineKeyboard();
  if (names.length === 0)
    return {
      text: c.t("nm-search-none", { query: echoArgument(query) }),
      keyboard: keyboard.text(c.t("nm-back-button"), back),
    };
  // Three buttons a person (one per form): a cap keeps the keyboard far under Telegram's 100 buttons.
  const shown = new Set(names.slice(0, SEARCH_PEOPLE_MAX));
  for (const { formId, candidate, ref } of found.filter((f) => shown.has(f.candidate.key))) {
    const label = `${candidate.name} · ${formShort(c.campaign, formId, c.language)} · ${resultText(c.t, candidate.result, formId)}`;
    keyboard.text(...candidateButton(c, formIndex(c.campaign, formId), candidate, label, 0, ref)).row();
  }
  keyboard.text(c.t("nm-back-button"), back);
  const text = c.t("nm-search-found", { query: echoArgument(query), count: names.length });
  const more = names.length > shown.size ? `\n${c.t("nm-search-more", { shown: shown.size })}` : "";
  return { text: text + more, keyboard };
}

/** After a proposal: propose more for the same form, or open the dossier. */
export function afterProposalKeyboard(
  c: ViewContext,
  formId: string,
  access: Pick<ProposerAccess, "by" | "unitId">,
): InlineKeyboard {
  return new InlineKeyboard()
    .text(c.t("nm-more-button"), `nm:f:${formIndex(c.campaign, formId)}:0${unitRef(access)}`)
    .text(c.t("ds-open-button"), dossierData(access));
}

/**
 * The Office's /nominate: the units it proposes (the Ban Giám đốc, the Văn phòng Sở), each a button; the
 * other units' heads propose their own people.
 */
export function officeUnitsScreen(
  c: ViewContext,
  units: ReadonlyArray<{ id: number; code: string; name: string }>,
): Screen {
  const keyboard = new InlineKeyboard();
  if (units.length === 0) return { text: c.t("nm-office-no-units"), keyboard };
  const list = units.map((u) => `• <code>${escapeHtml(u.code)}</code> ${escapeHtml(u.name)}`).join("\n");
  // Each opens on the unit's first form, or on its overview where it cannot change (see /nominate).
  for (const unit of units) keyboard.text(`${unit.code} · ${unit.name}`, `nm:open@${unit.id}`).row();
  return { text: c.t("nm-office-units", { units: list }), keyboard };
}
