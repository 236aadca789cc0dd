import type { Campaign, RouteStep } from "../campaign/schema.js";
import { NO_DATA } from "./achievement-report.js";
import { formatDate, type LocalDate } from "./calendar.js";
import { bodies, type CouncilNominee, countText, formName, meetingDatesText } from "./council-documents.js";
import { dateParts, documentText } from "./document-parts.js";
import { routeOf } from "./routes.js";

/**
 * The Sở's Tờ trình to the province (issue 13, item 3): for a form the province awards or proposes further, the
 * collectives and individuals the Council passed, each with its vote, and the annexed list. Pure: the caller
 * reads the nominations standing before the Sở's proposal and the meetings that passed them.
 */

/** The Sở's own proposal on a form's route: its first proposal step, and the step its nominations wait at. */
export interface SosProposal {
  step: RouteStep;
  from: string;
}

/** The first proposal step of the form's route (the Sở sends it up; later ones are the province's), or null. */
export function sosProposal(campaign: Campaign, formId: string): SosProposal | null {
  const route = routeOf(campaign, formId);
  if (!route) return null;
  const at = route.steps.findIndex((step) => step.kind === "proposal");
  const step = route.steps[at];
  const before = route.steps[at - 1];
  return step && before ? { step, from: before.id } : null;
}

/** The forms the Sở proposes to the province, in the definition's order. */
export function provinceForms(campaign: Campaign): string[] {
  return campaign.awardForms.filter((form) => sosProposal(campaign, form.id) !== null).map((form) => form.id);
}

/** How the Council voted on a nomination at the meeting that passed it. */
export interface CouncilVote {
  meetingDate: LocalDate;
  agree: number;
  /** The votes the pass rule counts from: members present, or all members called. */
  base: number;
  of: "present" | "members";
}

export interface ProposedNominee extends CouncilNominee {
  /** Undefined where the nomination was passed without a meeting on the bot. */
  vote?: CouncilVote | undefined;
}

export interface ProposedCollective {
  index: string;
  name: string;
  result: string;
}

export interface ProposedIndividual {
  index: string;
  name: string;
  position: string;
  unit: string;
  result: string;
}

export interface ProvinceLetterData {
  provinceUpper: string;
  organisationUpper: string;
  organisation: string;
  place: string;
  day: string;
  month: string;
  year: string;
  formName: string;
  formUpper: string;
  recipient: string;
  request: string;
  movement: string;
  roundYear: string;
  basis: string;
  meetingDates: string;
  summary: string;
  collectiveCount: string;
  individualCount: string;
  collectives: ProposedCollective[];
  individuals: ProposedIndividual[];
  noCollectives: string;
  noIndividuals: string;
}

type ProvinceLetterPlaceholder =
  | Exclude<keyof ProvinceLetterData, "collectives" | "individuals">
  | `collectives.${keyof ProposedCollective}`
  | `individuals.${keyof ProposedIndividual}`;

export const PROVINCE_LETTER_PLACEHOLDERS = [
  "provinceUpper",
  "organisationUpper",
  "organisation",
  "place",
  "day",
  "month",
  "year",
  "formName",
  "formUpper",
  "recipient",
  "request",
  "movement",
  "roundYear",
  "basis",
  "meetingDates",
  "summary",
  "collectiveCount",
  "individualCount",
  "collectives.index",
  "collectives.name",
  "collectives.result",
  "individuals.index",
  "individuals.name",
  "individuals.position",
  "individuals.unit",
  "individuals.result",
  "noCollectives",
  "noIndividuals",
] as const satisfies readonly ProvinceLetterPlaceholder[];

/** "5/6 thành viên Hội đồng có mặt đồng ý (họp ngày 01/12/2026)", or what is known without a vote. */
export function voteText(vote: CouncilVote | undefined): string {
  if (!vote) return "Hội đồng đã thông qua (không có phiếu biểu quyết trên bot)";
  const of = vote.of === "present" ? "thành viên Hội đồng có mặt" : "thành viên Hội đồng";
  return `${vote.agree}/${vote.base} ${of} đồng ý (họp ngày ${formatDate(vote.meetingDate)})`;
}

/**
 * The Sở's Tờ trình asking the province to award (a provincial form) or to propose further (a national form)
 * `nominees`, the nominations the Council passed for the form, in order: the collectives, then the individuals.
 */
export function provinceLetterData(source: {
  campaign: Campaign;
  formId: string;
  year: number;
  nominees: readonly ProposedNominee[];
  today: LocalDate;
}): ProvinceLetterData {
  const { campaign, formId, nominees } = source;
  const heading = bodies(campaign);
  const form = campaign.awardForms.find((candidate) => candidate.id === formId);
  const issuer = form?.issuer?.vi.normalize("NFC") ?? "cấp có thẩm quyền";
  const name = formName(campaign, formId);
  const collectives = nominees
    .filter((item) => item.nomineeKind === "collective")
    .map((item, at) => ({
      index: String(at + 1),
      name: documentText(item.name),
      result: voteText(item.vote),
    }));
  const individuals = nominees
    .filter((item) => item.nomineeKind === "individual")
    .map((item, at) => ({
      index: String(at + 1),
      name: documentText(item.name),
      position: item.position ? documentText(item.position) : NO_DATA,
      unit: documentText(item.unitName),
      result: voteText(item.vote),
    }));
  const dates = nominees.flatMap((item) => (item.vote ? [item.vote.meetingDate] : []));
  return {
    provinceUpper: heading.provinceUpper,
    organisationUpper: heading.organisationUpper,
    organisation: heading.organisation,
    place: heading.place,
    ...dateParts(source.today),
    formName: name,
    formUpper: name.toLocaleUpperCase("vi"),
    recipient: sosProposal(campaign, formId)?.step.sentTo?.vi.normalize("NFC") ?? "……………………",
    // The province's own award is asked of its issuer; a higher one is asked to be put to its issuer.
    request: form?.level === "province" ? `đề nghị ${issuer} tặng` : `trình ${issuer} tặng`,
    movement: campaign.title.vi.normalize("NFC"),
    roundYear: String(source.year),
    basis: campaign.basis.vi.normalize("NFC"),
    meetingDates: meetingDatesText(dates),
    summary: countText(collectives.length, individuals.length),
    collectiveCount: String(collectives.length),
    individualCount: String(individuals.length),
    collectives,
    individuals,
    noCollectives: collectives.length === 0 ? "Không có." : "",
    noIndividuals: individuals.length === 0 ? "Không có." : "",
  };
}
