import type { Campaign } from "../campaign/schema.js";
import { NO_DATA } from "./achievement-report.js";
import { formatDate, isoDate, type LocalDate } from "./calendar.js";
import { dateParts, documentPlace, documentText, twoDigits } from "./document-parts.js";
import type { LocalDateTime } from "./time.js";

/**
 * The Council's papers as data for their templates: the blank phiếu bầu of each member, the biên bản of the
 * meeting and of the vote count, and the draft Quyết định of the Director awarding the Giấy khen. Pure: the
 * caller reads the meeting (its kept minutes) and the nominees' positions.
 */

export type MemberRole = "member" | "chair" | "secretary";
export type NomineeKind = "individual" | "collective";

/** A nomination of the meeting's agenda, as the papers name it. */
export interface CouncilNominee {
  nominationId: number;
  formId: string;
  nomineeKind: NomineeKind;
  name: string;
  unitName: string;
  /** An individual's position as the bot holds it. */
  position?: string | undefined;
}

export interface CouncilMember {
  id: number;
  name: string | null;
  role: MemberRole;
}

/** A closed meeting as its minutes keep it (council_meetings.minutes), in the words the papers need. */
export interface ClosedMeetingRecord {
  meetingId: number;
  year: number;
  openedAt: LocalDateTime;
  closedAt: LocalDateTime;
  rule: { share: number; inclusive: boolean; of: "present" | "members" };
  base: number;
  needed: number;
  members: Array<CouncilMember & { present: boolean }>;
  votes: Array<{ nominationId: number; memberId: number; vote: "agree" | "disagree" }>;
  items: Array<
    CouncilNominee & {
      agree: number;
      disagree: number;
      blank: number;
      rank: number | null;
      reachedThreshold: boolean;
      outcome: "passed" | "not_passed";
      overQuota: boolean;
      chosenByChair: boolean;
    }
  >;
  groups: Array<{ formId: string; nomineeKind: NomineeKind; slotsLeft: number | null; ranking: number[] }>;
  tieBreaks: Array<{
    formId: string;
    nomineeKind: NomineeKind;
    chosen: number[];
    reason: string;
    by: string | null;
  }>;
}

const timeText = (d: LocalDateTime) => `${twoDigits(d.hour)} giờ ${twoDigits(d.minute)}`;
const nameOr = (name: string | null | undefined, fallback = "……………………") =>
  name && name.trim() !== "" ? documentText(name.trim()) : fallback;

export const ROLE_WORDS: Record<MemberRole, string> = {
  chair: "Chủ tịch Hội đồng",
  secretary: "Thư ký Hội đồng",
  member: "Ủy viên",
};

const KIND_WORDS: Record<NomineeKind, string> = { collective: "Tập thể", individual: "Cá nhân" };

export function formName(campaign: Campaign, formId: string): string {
  return (campaign.awardForms.find((form) => form.id === formId)?.name.vi ?? formId).normalize("NFC");
}

/** The heading's two lines: the Sở, and the Council or the Sở itself below it. */
export function bodies(campaign: Campaign) {
  const organisation = campaign.organisation.name.vi.normalize("NFC");
  const place = campaign.documents.place?.normalize("NFC");
  return {
    organisation,
    organisationUpper: organisation.toLocaleUpperCase("vi"),
    council: "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG",
    provinceUpper: place ? `ỦY BAN NHÂN DÂN TỈNH ${place.toLocaleUpperCase("vi")}` : "………………………",
    place: documentPlace(campaign),
  };
}

// ——— Phiếu bầu ———

export interface BallotLine {
  index: string;
  name: string;
  unit: string;
  form: string;
}

export interface BallotPage {
  memberName: string;
  memberRole: string;
  /** Every page but the first starts on a new page. */
  notFirst: boolean;
  items: BallotLine[];
}

export interface BallotData {
  organisationUpper: string;
  council: string;
  place: string;
  meetingNumber: string;
  roundYear: string;
  movement: string;
  ballots: BallotPage[];
}

type BallotPlaceholder =
  | Exclude<keyof BallotData, "ballots">
  | `ballots.${Exclude<keyof BallotPage, "items">}`
  | `ballots.items.${keyof BallotLine}`;

export const BALLOT_PLACEHOLDERS = [
  "organisationUpper",
  "council",
  "place",
  "meetingNumber",
  "roundYear",
  "movement",
  "ballots.memberName",
  "ballots.memberRole",
  "ballots.items.index",
  "ballots.items.name",
  "ballots.items.unit",
  "ballots.items.form",
] as const satisfies readonly BallotPlaceholder[];

/** One blank ballot per member of the meeting, each listing its whole agenda in order, to tick and sign. */
export function ballotData(source: {
  campaign: Campaign;
  meetingId: number;
  year: number;
  members: readonly CouncilMember[];
  agenda: readonly CouncilNominee[];
}): BallotData {
  const { campaign } = source;
  const items = source.agenda.map((item, index) => ({
    index: String(index + 1),
    name: `${KIND_WORDS[item.nomineeKind]}: ${documentText(item.name)}`,
    unit: documentText(item.unitName),
    form: formName(campaign, item.formId),
  }));
  // The chair first, then the secretary, then the members, as the meeting named them.
  const order: MemberRole[] = ["chair", "secretary", "member"];
  const members = [...source.members].sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role));
  return {
    organisationUpper: bodies(campaign).organisationUpper,
    council: bodies(campaign).council,
    place: bodies(campaign).place,
    meetingNumber: String(source.meetingId),
    roundYear: String(source.year),
    movement: campaign.title.vi.normalize("NFC"),
    ballots: members.map((member, at) => ({
      memberName: nameOr(member.name),
      memberRole: ROLE_WORDS[member.role],
      notFirst: at > 0,
      items,
    })),
  };
}

// ——— Biên bản họp Hội đồng, biên bản kiểm phiếu ———

export interface AttendeeLine {
  index: string;
  name: string;
  role: string;
}

export interface TallyLine {
  index: string;
  name: string;
  unit: string;
  form: string;
  agree: string;
  disagree: string;
  blank: string;
  rank: string;
  result: string;
}

export interface GroupSection {
  title: string;
  slots: string;
  ranking: TallyLine[];
}

export interface TieBreakLine {
  group: string;
  chosen: string;
  reason: string;
  by: string;
}

export interface OutcomeLine {
  form: string;
  names: string;
}

export interface MinutesData {
  organisationUpper: string;
  council: string;
  place: string;
  day: string;
  month: string;
  year: string;
  meetingNumber: string;
  roundYear: string;
  movement: string;
  openedTime: string;
  openedDate: string;
  closedTime: string;
  closedDate: string;
  memberCount: string;
  presentCount: string;
  absentCount: string;
  present: AttendeeLine[];
  absent: AttendeeLine[];
  noAbsent: string;
  ruleText: string;
  base: string;
  needed: string;
  items: TallyLine[];
  groups: GroupSection[];
  tieBreaks: TieBreakLine[];
  noTieBreaks: string;
  outcomes: OutcomeLine[];
  passedCount: string;
  notPassedCount: string;
  chairName: string;
  secretaryName: string;
}

type MinutesLoops = "present" | "absent" | "items" | "groups" | "tieBreaks" | "outcomes";
type MinutesPlaceholder =
  | Exclude<keyof MinutesData, MinutesLoops>
  | `present.${keyof AttendeeLine}`
  | `absent.${keyof AttendeeLine}`
  | `items.${keyof TallyLine}`
  | `groups.${Exclude<keyof GroupSection, "ranking">}`
  | `groups.ranking.${keyof TallyLine}`
  | `tieBreaks.${keyof TieBreakLine}`
  | `outcomes.${keyof OutcomeLine}`;

const HEADING_PLACEHOLDERS = [
  "organisationUpper",
  "council",
  "place",
  "day",
  "month",
  "year",
  "meetingNumber",
  "roundYear",
  "movement",
  "chairName",
  "secretaryName",
] as const satisfies readonly MinutesPlaceholder[];

export const MEETING_MINUTES_PLACEHOLDERS = [
  ...HEADING_PLACEHOLDERS,
  "openedTime",
  "openedDate",
  "closedTime",
  "closedDate",
  "memberCount",
  "presentCount",
  "absentCount",
  "present.index",
  "present.name",
  "present.role",
  "absent.name",
  "absent.role",
  "noAbsent",
  "ruleText",
  "items.index",
  "items.name",
  "items.unit",
  "items.form",
  "items.agree",
  "items.disagree",
  "items.result",
  "tieBreaks.group",
  "tieBreaks.chosen",
  "tieBreaks.reason",
  "tieBreaks.by",
  "noTieBreaks",
  "outcomes.form",
  "outcomes.names",
  "passedCount",
  "notPassedCount",
] as const satisfies readonly MinutesPlaceholder[];

export const VOTE_COUNT_PLACEHOLDERS = [
  ...HEADING_PLACEHOLDERS,
  "closedTime",
  "closedDate",
  "memberCount",
  "presentCount",
  "absentCount",
  "ruleText",
  "base",
  "needed",
  "groups.title",
  "groups.slots",
  "groups.ranking.index",
  "groups.ranking.name",
  "groups.ranking.unit",
  "groups.ranking.agree",
  "groups.ranking.disagree",
  "groups.ranking.blank",
  "groups.ranking.rank",
  "groups.ranking.result",
  "tieBreaks.group",
  "tieBreaks.chosen",
  "tieBreaks.reason",
  "tieBreaks.by",
  "noTieBreaks",
] as const satisfies readonly MinutesPlaceholder[];

function shareText(share: number): string {
  const known: Array<[number, string]> = [
    [0.5, "1/2 (50%)"],
    [2 / 3, "2/3"],
    [0.75, "3/4 (75%)"],
  ];
  const found = known.find(([value]) => Math.abs(value - share) < 1e-9);
  return found ? found[1] : `${Math.round(share * 1000) / 10}%`;
}

/** "trên 50% tổng số thành viên có mặt": the campaign's pass rule in the minutes' words. */
function ruleText(rule: ClosedMeetingRecord["rule"]): string {
  const of = rule.of === "present" ? "tổng số thành viên Hội đồng có mặt" : "tổng số thành viên Hội đồng";
  return `${rule.inclusive ? "từ" : "trên"} ${shareText(rule.share)} ${of} đồng ý`;
}

function groupTitle(campaign: Campaign, group: { formId: string; nomineeKind: NomineeKind }): string {
  return `${formName(campaign, group.formId)} — ${KIND_WORDS[group.nomineeKind].toLocaleLowerCase("vi")}`;
}

function resultWords(item: ClosedMeetingRecord["items"][number]): string {
  if (item.outcome === "passed") return item.chosenByChair ? "Đề nghị (Chủ tịch quyết định)" : "Đề nghị";
  if (item.overQuota) return "Không đề nghị (hết chỉ tiêu)";
  return "Không đề nghị";
}

/** Biên bản họp and biên bản kiểm phiếu of a closed meeting: from its kept minutes alone. */
export function minutesData(source: { campaign: Campaign; record: ClosedMeetingRecord }): MinutesData {
  const { campaign, record } = source;
  const heading = bodies(campaign);
  const attendee = (member: CouncilMember, at: number): AttendeeLine => ({
    index: String(at + 1),
    name: nameOr(member.name),
    role: ROLE_WORDS[member.role],
  });
  const order: MemberRole[] = ["chair", "secretary", "member"];
  const members = [...record.members].sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role));
  const present = members.filter((member) => member.present);
  const absent = members.filter((member) => !member.present);
  const line = (item: ClosedMeetingRecord["items"][number], at: number): TallyLine => ({
    index: String(at + 1),
    name: `${KIND_WORDS[item.nomineeKind]}: ${documentText(item.name)}`,
    unit: documentText(item.unitName),
    form: formName(campaign, item.formId),
    agree: String(item.agree),
    disagree: String(item.disagree),
    blank: String(item.blank),
    rank: item.rank === null ? "—" : String(item.rank),
    result: resultWords(item),
  });
  const nameOf = (id: number) => {
    const item = record.items.find((candidate) => candidate.nominationId === id);
    return item ? documentText(item.name) : `#${id}`;
  };
  const groups = record.groups.map((group) => {
    const inGroup = record.items.filter(
      (item) => item.formId === group.formId && item.nomineeKind === group.nomineeKind,
    );
    // Those that reached the threshold in their ranking's order, then the others by agree votes.
    // Among equal votes, the one the chair chose comes first, as the result on the bot shows it.
    const ranked = group.ranking
      .flatMap((id) => inGroup.filter((item) => item.nominationId === id))
      .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0) || Number(b.chosenByChair) - Number(a.chosenByChair));
    const rest = inGroup.filter((item) => !ranked.includes(item)).sort((a, b) => b.agree - a.agree);
    return {
      title: groupTitle(campaign, group),
      slots: group.slotsLeft === null ? "không giới hạn" : String(group.slotsLeft),
      ranking: [...ranked, ...rest].map(line),
    };
  });
  const tieBreaks = record.tieBreaks.map((tie) => ({
    group: groupTitle(campaign, tie),
    chosen: tie.chosen.map(nameOf).join(", "),
    reason: documentText(tie.reason),
    by: nameOr(tie.by, "Chủ tịch Hội đồng"),
  }));
  const passedForms = [...new Set(record.items.filter((i) => i.outcome === "passed").map((i) => i.formId))];
  const outcomes = passedForms.map((formId) => ({
    form: formName(campaign, formId),
    names: record.items
      .filter((item) => item.formId === formId && item.outcome === "passed")
      .map((item) =>
        item.nomineeKind === "collective"
          ? documentText(item.name)
          : `${documentText(item.name)} (${documentText(item.unitName)})`,
      )
      .join("; "),
  }));
  const chair = record.members.find((member) => member.role === "chair");
  const secretary = record.members.find((member) => member.role === "secretary");
  const passed = record.items.filter((item) => item.outcome === "passed").length;
  return {
    organisationUpper: heading.organisationUpper,
    council: heading.council,
    place: heading.place,
    ...dateParts(record.closedAt),
    meetingNumber: String(record.meetingId),
    roundYear: String(record.year),
    movement: campaign.title.vi.normalize("NFC"),
    openedTime: timeText(record.openedAt),
    openedDate: formatDate(record.openedAt),
    closedTime: timeText(record.closedAt),
    closedDate: formatDate(record.closedAt),
    memberCount: String(record.members.length),
    presentCount: String(present.length),
    absentCount: String(absent.length),
    present: present.map(attendee),
    absent: absent.map(attendee),
    noAbsent: absent.length === 0 ? "Không có." : "",
    ruleText: ruleText(record.rule),
    base: String(record.base),
    needed: String(record.needed),
    items: record.items.map(line),
    groups,
    tieBreaks,
    noTieBreaks: tieBreaks.length === 0 ? "Không có trường hợp bằng phiếu phải xét chọn." : "",
    outcomes,
    passedCount: String(passed),
    notPassedCount: String(record.items.length - passed),
    chairName: nameOr(chair?.name),
    secretaryName: nameOr(secretary?.name),
  };
}

// ——— Quyết định tặng Giấy khen ———

export interface AwardedCollective {
  index: string;
  name: string;
}

export interface AwardedIndividual {
  index: string;
  name: string;
  position: string;
  unit: string;
}

export interface DecisionData {
  provinceUpper: string;
  organisationUpper: string;
  organisation: string;
  place: string;
  formName: string;
  formUpper: string;
  movement: string;
  roundYear: string;
  basis: string;
  meetingDate: string;
  summary: string;
  collectiveCount: string;
  individualCount: string;
  collectives: AwardedCollective[];
  individuals: AwardedIndividual[];
  noCollectives: string;
  noIndividuals: string;
}

type DecisionPlaceholder =
  | Exclude<keyof DecisionData, "collectives" | "individuals">
  | `collectives.${keyof AwardedCollective}`
  | `individuals.${keyof AwardedIndividual}`;

export const DECISION_PLACEHOLDERS = [
  "provinceUpper",
  "organisationUpper",
  "organisation",
  "place",
  "formName",
  "formUpper",
  "movement",
  "roundYear",
  "basis",
  "meetingDate",
  "summary",
  "collectives.index",
  "collectives.name",
  "individuals.index",
  "individuals.name",
  "individuals.position",
  "individuals.unit",
  "noCollectives",
  "noIndividuals",
] as const satisfies readonly DecisionPlaceholder[];

/** The forms the Director awards himself (the Sở's own level): the Council's vote is the last step before it. */
export function directorForms(campaign: Campaign): string[] {
  return campaign.awardForms.filter((form) => form.level === "department").map((form) => form.id);
}

/**
 * The days of the meetings that passed a list, in order, after the template's "ngày": "01/12/2026" or
 * "01/12/2026, ngày 05/12/2026"; dots to fill in where none is known.
 */
export function meetingDatesText(dates: readonly LocalDate[]): string {
  const days = [...new Set([...dates].sort((a, b) => isoDate(a).localeCompare(isoDate(b))).map(formatDate))];
  return days.length === 0 ? "……" : days.join(", ngày ");
}

/** "02 tập thể và 03 cá nhân": how many of each a list holds, as a decision or a Tờ trình counts them. */
export function countText(collectives: number, individuals: number): string {
  const parts = [
    collectives > 0 ? `${twoDigits(collectives)} tập thể` : "",
    individuals > 0 ? `${twoDigits(individuals)} cá nhân` : "",
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(" và ") : "……";
}

/**
 * The draft Quyết định of the Director awarding a form to `passed` (the nominations the Council passed for it,
 * in order), with its annexed list: the collectives, then the individuals.
 */
export function decisionOf(source: {
  campaign: Campaign;
  year: number;
  formId: string;
  passed: readonly CouncilNominee[];
  meetingDates: readonly LocalDate[];
}): DecisionData {
  const { campaign, formId, passed } = source;
  const heading = bodies(campaign);
  const collectives = passed
    .filter((item) => item.nomineeKind === "collective")
    .map((item, at) => ({ index: String(at + 1), name: documentText(item.name) }));
  const individuals = passed
    .filter((item) => item.nomineeKind === "individual")
    .map((item, at) => ({
      index: String(at + 1),
      name: documentText(item.name),
      position: item.position ? documentText(item.position) : NO_DATA,
      unit: documentText(item.unitName),
    }));
  const form = formName(campaign, formId);
  return {
    provinceUpper: heading.provinceUpper,
    organisationUpper: heading.organisationUpper,
    organisation: heading.organisation,
    place: heading.place,
    formName: form,
    formUpper: form.toLocaleUpperCase("vi"),
    movement: campaign.title.vi.normalize("NFC"),
    roundYear: String(source.year),
    basis: campaign.basis.vi.normalize("NFC"),
    meetingDate: meetingDatesText(source.meetingDates),
    summary: countText(collectives.length, individuals.length),
    collectiveCount: String(collectives.length),
    individualCount: String(individuals.length),
    collectives,
    individuals,
    noCollectives: collectives.length === 0 ? "Không có." : "",
    noIndividuals: individuals.length === 0 ? "Không có." : "",
  };
}

/** The draft Quyết định of the nominations one closed meeting passed for a form, in its agenda's order. */
export function decisionData(source: {
  campaign: Campaign;
  record: ClosedMeetingRecord;
  formId: string;
}): DecisionData {
  const { record, formId } = source;
  return decisionOf({
    campaign: source.campaign,
    year: record.year,
    formId,
    passed: record.items.filter((item) => item.formId === formId && item.outcome === "passed"),
    meetingDates: [record.closedAt],
  });
}
