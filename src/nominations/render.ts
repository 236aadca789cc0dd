import type { Decision } from "../../db/nominations.js";
import type { Language, Nomination, NominationHistory } from "../../db/schema.js";
import type { AwardForm, Campaign } from "../campaign/schema.js";
import { decisionDateText } from "../domain/decisions.js";
import type { AssessmentProgress, AssessmentResult, NominationStatus } from "../domain/nominations.js";
import { isSystemStatus, stepOf } from "../domain/routes.js";
import { formatLocalDate, formatLocalDateTime, toLocal } from "../domain/time.js";
import { escapeHtml } from "../html.js";
import { localised } from "../i18n.js";
import type { Translate, ViewContext } from "../screen.js";

const LEVEL_ORDER: Record<AwardForm["level"], number> = { department: 0, province: 1, national: 2 };

/** The forms as a head meets them: the Director's Giấy khen first, the Prime Minister's Bằng khen last. */
export function formsInOrder(campaign: Campaign): AwardForm[] {
  return [...campaign.awardForms].sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]);
}

/** A form's position in the campaign, which buttons carry instead of its long id (64-byte callback data). */
export function formIndex(campaign: Campaign, formId: string): number {
  return campaign.awardForms.findIndex((form) => form.id === formId);
}

export function formAt(campaign: Campaign, index: string | number): AwardForm | undefined {
  return campaign.awardForms[Number(index)];
}

export function formName(campaign: Campaign, formId: string, language: Language): string {
  const form = campaign.awardForms.find((f) => f.id === formId);
  return form ? localised(form.name, language) : formId;
}

export function formShort(campaign: Campaign, formId: string, language: Language): string {
  const form = campaign.awardForms.find((f) => f.id === formId);
  if (!form) return formId;
  return localised(form.short ?? form.name, language);
}

/** "trước ngày 05/01/2027", or with the hour when a deadline (an extension) ends within a day. */
export function deadlineText(t: Translate, deadline: Date, timeZone: string): string {
  const local = toLocal(deadline, timeZone);
  const date = formatLocalDate(deadline, timeZone);
  if (local.hour === 0 && local.minute === 0) return t("ds-deadline-day", { date });
  return t("ds-deadline-time", { date, time: formatLocalDateTime(deadline, timeZone).split(" ")[0] ?? "" });
}

/**
 * What a nomination's status reads: the words of its route's step (the campaign's), or of a status every
 * route shares (the locale's).
 */
export function statusWord(c: ViewContext, status: NominationStatus): string {
  if (isSystemStatus(status)) return c.t(`nm-status-${status}`);
  const step = stepOf(c.campaign, status);
  return step ? localised(step.status, c.language) : status;
}

/** The Office's button that moves a nomination to `to`: the route step's words, or the locale's for a return or refusal. */
export function moveButtonText(c: ViewContext, to: NominationStatus): string {
  if (isSystemStatus(to)) return c.t(`nm-move-${to}`);
  const action = stepOf(c.campaign, to)?.action;
  return action ? localised(action, c.language) : to;
}

/**
 * "✅ đáp ứng 6/6 tiêu chí · có thể xem xét đề nghị", "⚠️ đáp ứng 4/6 tiêu chí", "⏳ đang tự đánh giá": beside a
 * name. The count is a fact; "có thể xem xét đề nghị" only where the Office's rule for the form holds.
 */
export function resultText(t: Translate, result: AssessmentResult, formId: string): string {
  if (result.progress !== "submitted") return t(`nm-result-${result.progress}`);
  const met = t("nm-result-submitted", {
    mark: result.allMet ? "✅" : "⚠️",
    met: result.met,
    total: result.total,
  });
  const awaiting = result.awaitingRating ? ` · ${t("nm-result-awaiting-rating")}` : "";
  return result.considerForms.includes(formId)
    ? `${met}${awaiting} · ${t("nm-result-consider")}`
    : `${met}${awaiting}`;
}

/** "QĐ số 125/QĐ-STP ngày 15/01/2027 của Giám đốc Sở Tư pháp", escaped for HTML. */
export function decisionText(t: Translate, decision: Decision): string {
  return t("nm-decision", {
    number: escapeHtml(decision.number),
    date: decisionDateText(decision.date),
    issuer: escapeHtml(decision.issuer),
  });
}

/** The decision standing on an awarded nomination, if any. */
export function standingDecision(
  nomination: Pick<Nomination, "decision_number" | "decision_date" | "decision_issuer">,
): Decision | null {
  const { decision_number: number, decision_date: date, decision_issuer: issuer } = nomination;
  return number && date && issuer ? { number, date, issuer } : null;
}

/** The nominee's assessment as it stood when proposed, from the JSON kept on the nomination. */
export function storedResultText(
  t: Translate,
  nomination: Pick<Nomination, "result_summary" | "eligible">,
): string {
  try {
    const r = JSON.parse(nomination.result_summary) as {
      met: number;
      total: number;
      progress: AssessmentProgress;
      consider?: boolean;
      awaitingRating?: boolean;
    };
    if (r.progress !== "submitted") return t(`nm-result-${r.progress}`);
    const met = t("nm-result-submitted", {
      mark: nomination.eligible ? "✅" : "⚠️",
      met: r.met,
      total: r.total,
    });
    const awaiting = r.awaitingRating ? ` · ${t("nm-result-awaiting-rating")}` : "";
    return r.consider ? `${met}${awaiting} · ${t("nm-result-consider")}` : `${met}${awaiting}`;
  } catch {
    return "—";
  }
}

export function nomineeLabel(
  t: Translate,
  nomination: Pick<Nomination, "nominee_kind" | "nominee_name">,
): string {
  const name = escapeHtml(nomination.nominee_name);
  return nomination.nominee_kind === "collective" ? t("nm-collective-label", { name }) : name;
}

export interface CardContext {
  t: Translate;
  language: Language;
  campaign: Campaign;
}

/** A nomination opened: who, for what, the assessment and reason behind it, where it stands, and its history. */
export function nominationCard(
  c: CardContext,
  nomination: Nomination & { unit_code: string; unit_name: string },
  history: readonly NominationHistory[],
  /** Where it stands on its route ("Bước 3/4") and the Tờ trình it was moved there with, where the caller knows. */
  place: { step?: string; record?: string } = {},
): string {
  const { t, campaign } = c;
  const lines = [
    t("nm-card-title", { id: nomination.id, nominee: nomineeLabel(t, nomination) }),
    t("nm-card-unit", { code: escapeHtml(nomination.unit_code), unit: escapeHtml(nomination.unit_name) }),
    t("nm-card-form", { form: escapeHtml(formName(campaign, nomination.form_id, c.language)) }),
    t("nm-card-result", { result: storedResultText(t, nomination) }),
  ];
  if (nomination.reason) lines.push(t("nm-card-reason", { reason: escapeHtml(nomination.reason) }));
  lines.push(t("nm-card-status", { status: statusWord(c, nomination.status) }));
  if (place.step) lines.push(place.step);
  const decision = standingDecision(nomination);
  if (decision) lines.push(t("nm-card-decision", { decision: decisionText(t, decision) }));
  if (place.record) lines.push(place.record);
  if (nomination.nominee_kind === "individual" && nomination.nominee_id < 0)
    lines.push(t("nm-card-nominee-left"));
  lines.push("", t("nm-card-history"));
  for (const entry of history) {
    const when = formatLocalDateTime(new Date(entry.at), campaign.timeZone);
    const who = escapeHtml(entry.by_name ?? t(`nm-by-${entry.by_role}`));
    const move = entry.from_status
      ? `${entry.undo_of ? `${t("nm-history-undo")} ` : ""}${statusWord(c, entry.from_status)} → ${statusWord(c, entry.to_status)}`
      : t("nm-history-proposed");
    const recorded = entry.decision ? ` — ${decisionText(t, JSON.parse(entry.decision) as Decision)}` : "";
    const why = entry.reason ? ` — ${t("nm-history-why", { reason: escapeHtml(entry.reason) })}` : "";
    lines.push(`• ${when} · ${who}: ${move}${recorded}${why}`);
  }
  return lines.join("\n");
}
