import type { Campaign, Criterion } from "../campaign/schema.js";
import { type Answers, awaitsRating, type CriterionAnswer, isCriterionComplete } from "./assessment.js";
import type { LocalDate } from "./calendar.js";
import { type DocumentHeading, documentHeading, documentText } from "./document-parts.js";

/** What a field the bot does not hold reads in a draft: the clerk fills it in Word. */
export const NO_DATA = "chưa có dữ liệu";

/** An award the nominee already received (section III of the report). */
export interface ReceivedAward {
  year: string;
  form: string;
  decision: string;
}

/**
 * The profile's fields a report asks for beyond name, position and unit. Any may be missing: they are asked when
 * a person is nominated, and a draft is made from whatever is there.
 */
export interface ProfileDetails {
  birthDate?: string | undefined;
  gender?: string | undefined;
  hometown?: string | undefined;
  qualification?: string | undefined;
  duties?: string | undefined;
  awards?: readonly ReceivedAward[] | undefined;
}

export interface ReportSource {
  campaign: Campaign;
  nomination: {
    roundYear: number;
    formId: string;
    nomineeKind: "individual" | "collective";
    nomineeName: string;
  };
  unit: { code: string; name: string };
  /** The nominee's position (an individual) or the unit head's name (a collective), as the bot holds them. */
  position?: string | undefined;
  headName?: string | undefined;
  profile: ProfileDetails;
  /** The nominee's self-assessment answers; undefined when they never started one. */
  answers: Answers | undefined;
  /** The day the draft is made, in the campaign's time zone. */
  today: LocalDate;
}

export interface CriterionLine {
  code: string;
  text: string;
  result: string;
  details: string;
}

export interface AreaLine {
  number: string;
  name: string;
  text: string;
}

export interface InitiativeLine {
  name: string;
  decision: string;
}

/** The data every Báo cáo thành tích template is filled with; its keys are the templates' placeholders. */
export interface AchievementReportData extends DocumentHeading {
  formTitle: string;
  roundYear: string;
  fullName: string;
  birthDate: string;
  gender: string;
  hometown: string;
  unitName: string;
  position: string;
  qualification: string;
  headName: string;
  duties: string;
  criteriaBasis: string;
  criteria: CriterionLine[];
  areas: AreaLine[];
  initiatives: InitiativeLine[];
  noInitiatives: string;
  awards: ReceivedAward[];
}

type Loops = "criteria" | "areas" | "initiatives" | "awards";

/** A placeholder of the data: a value, or a loop's field as "loop.field". */
type Placeholder =
  | Exclude<keyof AchievementReportData, Loops>
  | `criteria.${keyof CriterionLine}`
  | `areas.${keyof AreaLine}`
  | `initiatives.${keyof InitiativeLine}`
  | `awards.${keyof ReceivedAward}`;

/** The placeholders each report's generator fills: a template lacking one is refused at start-up. */
export const ACHIEVEMENT_REPORT_PLACEHOLDERS = {
  individual: [
    "parentBody",
    "issuingBody",
    "place",
    "day",
    "month",
    "year",
    "formTitle",
    "movement",
    "roundYear",
    "fullName",
    "birthDate",
    "gender",
    "hometown",
    "unitName",
    "position",
    "qualification",
    "duties",
    "criteriaBasis",
    "criteria.code",
    "criteria.text",
    "criteria.result",
    "criteria.details",
    "areas.number",
    "areas.name",
    "areas.text",
    "initiatives.name",
    "initiatives.decision",
    "noInitiatives",
    "awards.year",
    "awards.form",
    "awards.decision",
  ],
  collective: [
    "parentBody",
    "issuingBody",
    "place",
    "day",
    "month",
    "year",
    "formTitle",
    "movement",
    "roundYear",
    "unitName",
    "headName",
    "duties",
    "criteriaBasis",
    "criteria.code",
    "criteria.text",
    "criteria.result",
    "criteria.details",
    "areas.number",
    "areas.name",
    "areas.text",
    "initiatives.name",
    "initiatives.decision",
    "noInitiatives",
    "awards.year",
    "awards.form",
    "awards.decision",
  ],
} as const satisfies Record<"individual" | "collective", readonly Placeholder[]>;

/** Section III's table keeps this many rows to fill by hand when no award is known. */
const BLANK_AWARD_ROWS = 3;

const orNoData = (text: string | null | undefined) =>
  text === undefined || text === null || text.trim() === "" ? NO_DATA : documentText(text.trim());

/** yyyy-mm-dd as documents write it: dd/mm/yyyy. */
function documentDate(iso: string | undefined): string {
  const match = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return match ? `${match[3]}/${match[2]}/${match[1]}` : orNoData(iso);
}

function initiativeCouncilName(criterion: Criterion, answer: CriterionAnswer): string {
  if (criterion.evidence.kind !== "initiative") return "";
  return criterion.evidence.councils.find((council) => council.id === answer.council)?.name.vi ?? "";
}

function initiativeDecision(criterion: Criterion, answer: CriterionAnswer): string {
  const council = initiativeCouncilName(criterion, answer);
  return [
    `Quyết định số ${orNoData(answer.decisionNumber)} ngày ${documentDate(answer.decisionDate)}`,
    council ? ` của ${council}` : "",
  ].join("");
}

function criterionResult(criterion: Criterion, answer: CriterionAnswer | undefined): string {
  if (!answer || !isCriterionComplete(criterion, answer)) return NO_DATA;
  if (awaitsRating(criterion, answer)) return "Chờ kết quả xếp loại";
  return answer.met ? "Đạt" : "Chưa đạt";
}

function criterionDetails(criterion: Criterion, answer: CriterionAnswer | undefined): string {
  if (!answer) return "";
  const evidence = criterion.evidence;
  if (evidence.kind === "rating") {
    const level = evidence.levels.find((candidate) => candidate.id === answer.rating);
    return level ? `Xếp loại: ${level.name.vi}.` : "";
  }
  if (evidence.kind === "initiative") {
    if (!answer.met) return "";
    const name = answer.initiativeName ? `Sáng kiến “${documentText(answer.initiativeName)}”, ` : "";
    return `${name}${initiativeDecision(criterion, answer)}.`;
  }
  return answer.account ? documentText(answer.account.trim()) : "";
}

/** "GIẤY KHEN CỦA GIÁM ĐỐC SỞ": the award form proposed, as the title names it. */
function formTitle(campaign: Campaign, formId: string): string {
  const form = campaign.awardForms.find((candidate) => candidate.id === formId);
  return (form?.name.vi ?? formId).normalize("NFC").toLocaleUpperCase("vi");
}

function receivedAwards(awards: readonly ReceivedAward[] | undefined): ReceivedAward[] {
  if (awards && awards.length > 0)
    return awards.map((award) => ({
      year: documentText(award.year),
      form: documentText(award.form),
      decision: documentText(award.decision),
    }));
  return Array.from({ length: BLANK_AWARD_ROWS }, () => ({ year: "", form: "", decision: "" }));
}

/**
 * The Báo cáo thành tích of one nomination, as data for its template: section I from the profile, section II.2
 * from the self-assessment (criteria in the plan's order, the six reform areas, the initiatives' decisions),
 * section III from the awards received. Whatever the bot does not hold reads "chưa có dữ liệu".
 */
export function achievementReportData(source: ReportSource): AchievementReportData {
  const { campaign, nomination, answers, profile } = source;
  const individual = nomination.nomineeKind === "individual";
  const criteria = individual ? campaign.criteria.individual : campaign.criteria.collective;
  const criteriaLines = criteria.map((criterion) => {
    const answer = answers?.criteria[criterion.id];
    return {
      code: criterion.code,
      text: criterion.text.vi.normalize("NFC"),
      result: criterionResult(criterion, answer),
      details: criterionDetails(criterion, answer),
    };
  });
  const areas = campaign.reformAreas.map((area, index) => ({
    number: String(index + 1),
    name: area.name.vi.normalize("NFC"),
    text: orNoData(answers?.areas[area.id]?.text),
  }));
  const initiatives = criteria.flatMap((criterion) => {
    const answer = answers?.criteria[criterion.id];
    if (criterion.evidence.kind !== "initiative" || !answer?.met) return [];
    return [
      {
        name: answer.initiativeName ? documentText(answer.initiativeName) : NO_DATA,
        decision: initiativeDecision(criterion, answer),
      },
    ];
  });
  const codes = criteria.map((criterion) => criterion.code);
  const section = codes[0]?.replace(/\.\d+$/, "") ?? "";
  return {
    ...documentHeading(campaign, source.unit.name, source.today),
    formTitle: formTitle(campaign, nomination.formId),
    roundYear: String(nomination.roundYear),
    fullName: documentText(nomination.nomineeName),
    birthDate: documentDate(profile.birthDate),
    gender: orNoData(profile.gender),
    hometown: orNoData(profile.hometown),
    unitName: documentText(source.unit.name),
    position: orNoData(source.position),
    qualification: orNoData(profile.qualification),
    headName: orNoData(source.headName),
    duties: orNoData(profile.duties),
    criteriaBasis: `Mục ${section} của Kế hoạch`,
    criteria: criteriaLines,
    areas,
    initiatives,
    noInitiatives: answers === undefined ? NO_DATA : "Không có.",
    awards: receivedAwards(profile.awards),
  };
}
