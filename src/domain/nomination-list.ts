import type { Campaign } from "../campaign/schema.js";
import { NO_DATA } from "./achievement-report.js";
import { type Answers, evaluate, questionnaireFor } from "./assessment.js";
import type { LocalDate } from "./calendar.js";
import { type DocumentHeading, documentHeading, documentText } from "./document-parts.js";
import { councilStep, type FormRoute, routeOf } from "./routes.js";

/** One nomination of the form, with what the list says of it. */
export interface ListedNomination {
  nomineeKind: "individual" | "collective";
  nomineeName: string;
  position?: string | undefined;
  unitName: string;
  /** The nominee's self-assessment as it stands; undefined when never started. */
  answers: Answers | undefined;
}

export interface ListSource {
  campaign: Campaign;
  formId: string;
  roundYear: number;
  /** The form's nominations before the Council or further on, unit by unit, the collective first. */
  nominations: readonly ListedNomination[];
  today: LocalDate;
}

export interface ListRow {
  number: string;
  name: string;
  position: string;
  unit: string;
  summary: string;
  criteria: string;
}

/** The data the danh sách template is filled with; its keys are the template's placeholders. */
export interface NominationListData extends DocumentHeading {
  formTitle: string;
  roundYear: string;
  collectives: ListRow[];
  individuals: ListRow[];
  none: string;
}

type ListPlaceholder =
  | Exclude<keyof NominationListData, "collectives" | "individuals">
  | `collectives.${keyof ListRow}`
  | `individuals.${keyof ListRow}`;

export const NOMINATION_LIST_PLACEHOLDERS = [
  "parentBody",
  "issuingBody",
  "place",
  "day",
  "month",
  "year",
  "formTitle",
  "movement",
  "roundYear",
  "collectives.number",
  "collectives.name",
  "collectives.position",
  "collectives.unit",
  "collectives.summary",
  "collectives.criteria",
  "individuals.number",
  "individuals.name",
  "individuals.position",
  "individuals.unit",
  "individuals.summary",
  "individuals.criteria",
  "none",
] as const satisfies readonly ListPlaceholder[];

/**
 * Whether a nomination standing at `status` is on the list the Office put before the Council: at the step that
 * makes the Council's agenda or beyond it, or fallen there or later (not passed by the Council, declined above).
 */
export function beforeCouncil(route: FormRoute | undefined, status: string): boolean {
  const council = route ? councilStep(route) : null;
  if (!route || !council) return false;
  const agendaAt = route.steps.indexOf(council.agenda);
  if (status === "not_passed") return true;
  if (status === "declined") return route.steps.some((step, at) => step.kind === "proposal" && at > agendaAt);
  const at = route.steps.findIndex((step) => step.id === status);
  return at >= agendaAt;
}

/** Whether the form has a Council step: only then is there a danh sách to put before it. */
export function hasCouncil(campaign: Campaign, formId: string): boolean {
  const route = routeOf(campaign, formId);
  return route !== undefined && councilStep(route) !== null;
}

const SUMMARY_AREA_CHARACTERS = 160;
const SUMMARY_CHARACTERS = 600;

function cut(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max
    ? `${chars
        .slice(0, max - 1)
        .join("")
        .trimEnd()}…`
    : text;
}

const isoToDate = (iso: string | undefined) => {
  const match = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return match ? `${match[3]}/${match[2]}/${match[1]}` : (iso ?? "");
};

/** Tóm tắt thành tích: the initiatives recognised, then each reform area's account, shortened to fit a cell. */
function summary(
  campaign: Campaign,
  kind: "individual" | "collective",
  answers: Answers | undefined,
): string {
  if (!answers) return NO_DATA;
  const criteria = kind === "individual" ? campaign.criteria.individual : campaign.criteria.collective;
  const parts: string[] = [];
  for (const criterion of criteria) {
    const answer = answers.criteria[criterion.id];
    if (criterion.evidence.kind !== "initiative" || !answer?.met) continue;
    const name = answer.initiativeName ? ` “${documentText(answer.initiativeName)}”` : "";
    const number = answer.decisionNumber ? ` (Quyết định số ${documentText(answer.decisionNumber)}` : "";
    const date =
      number && answer.decisionDate ? ` ngày ${isoToDate(answer.decisionDate)})` : number ? ")" : "";
    parts.push(`Sáng kiến${name}${number}${date}`);
  }
  for (const area of campaign.reformAreas) {
    const text = answers.areas[area.id]?.text?.trim();
    if (text)
      parts.push(`${area.name.vi.normalize("NFC")}: ${cut(documentText(text), SUMMARY_AREA_CHARACTERS)}`);
  }
  return parts.length > 0 ? cut(`${parts.join("; ")}.`, SUMMARY_CHARACTERS) : NO_DATA;
}

/** Tiêu chí đáp ứng: how many criteria the answers meet, and which are not (yet) met. */
function criteriaMet(
  campaign: Campaign,
  kind: "individual" | "collective",
  answers: Answers | undefined,
): string {
  if (!answers) return NO_DATA;
  const questionnaire = questionnaireFor(campaign, kind === "individual" ? "individual" : "unit");
  const evaluation = evaluate(questionnaire, answers);
  const codes = (ids: string[]) =>
    ids.map((id) => questionnaire.criteria.find((criterion) => criterion.id === id)?.code ?? id).join(", ");
  const lines = [`Đáp ứng ${evaluation.met.length}/${questionnaire.criteria.length} tiêu chí`];
  if (evaluation.notMet.length > 0) lines.push(`chưa đáp ứng: ${codes(evaluation.notMet)}`);
  if (evaluation.awaitingRating.length > 0)
    lines.push(`chờ kết quả xếp loại: ${codes(evaluation.awaitingRating)}`);
  if (evaluation.unanswered.length > 0) lines.push(`chưa trả lời: ${codes(evaluation.unanswered)}`);
  return lines.join("; ");
}

/**
 * The danh sách đề nghị khen thưởng (trích ngang) of one award form, as data for its template: the collectives,
 * then the people, each with their position, unit, a summary of their achievements and the criteria met, from
 * their self-assessment as it stands.
 */
export function nominationListData(source: ListSource): NominationListData {
  const { campaign } = source;
  const form = campaign.awardForms.find((candidate) => candidate.id === source.formId);
  const rows = (kind: "individual" | "collective") =>
    source.nominations
      .filter((n) => n.nomineeKind === kind)
      .map((n, index) => ({
        number: String(index + 1),
        name: documentText(n.nomineeName),
        position: kind === "collective" ? "" : n.position?.trim() ? documentText(n.position.trim()) : NO_DATA,
        unit: documentText(n.unitName),
        summary: summary(campaign, kind, n.answers),
        criteria: criteriaMet(campaign, kind, n.answers),
      }));
  const collectives = rows("collective");
  const individuals = rows("individual");
  return {
    ...documentHeading(campaign, campaign.organisation.office.vi, source.today),
    formTitle: (form?.name.vi ?? source.formId).normalize("NFC").toLocaleUpperCase("vi"),
    roundYear: String(source.roundYear),
    collectives,
    individuals,
    none: "Không có.",
  };
}
