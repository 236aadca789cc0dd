import type { DB } from "../../db/connection.js";
import { currentMeeting, latestClosedMeeting } from "../../db/council-meetings.js";
import { listNominations } from "../../db/nominations.js";
import type { CouncilMeeting, Language } from "../../db/schema.js";
import type { Campaign } from "../campaign/schema.js";
import type { Minutes } from "../council/meeting-service.js";
import { directorForms } from "../domain/council-documents.js";
import { beforeCouncil, hasCouncil } from "../domain/nomination-list.js";
import { provinceForms, sosProposal } from "../domain/province-letter.js";
import { awaitsDecision, routeOf } from "../domain/routes.js";
import { localised } from "../i18n.js";
import { latestRoundOr } from "../nominations/access.js";
import {
  draftBallotData,
  draftCountData,
  draftDecisionData,
  draftListData,
  draftMinutesData,
  draftProvinceLetterData,
  draftRoundDecisionData,
} from "./buttons.js";
import { decidedForms } from "./council-buttons.js";
import { MOVEMENT_REPORT_MENU } from "./movement-report.js";

/** One document the Office can draft now from /docs: its button's label (a locale key and its values) and data. */
export interface OfficeDocument {
  labelKey: string;
  vars: Record<string, string>;
  data: string;
}

/** A document /docs cannot draft yet: a line saying what is missing (a locale key and its values). */
export interface MissingDocument {
  missingKey: string;
  vars: Record<string, string>;
}

export type OfficeEntry = OfficeDocument | MissingDocument;

export const isMissing = (entry: OfficeEntry): entry is MissingDocument => "missingKey" in entry;

/** What the providers read, once per /docs: the round's nominations by form and status, its latest meeting. */
export interface OfficeDocumentsState {
  year: number | undefined;
  /** How many of the round's nominations stand at each status, by form. */
  statuses: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** The round's latest Council meeting, with its minutes once closed. */
  meeting: { row: CouncilMeeting; minutes: Minutes | undefined } | undefined;
}

const NO_STATE: OfficeDocumentsState = { year: undefined, statuses: new Map(), meeting: undefined };

/** Reads what /docs needs to know which documents have data. */
export async function officeDocumentsState(deps: {
  db: DB;
  clock: () => Date;
}): Promise<OfficeDocumentsState> {
  const latest = await latestRoundOr(deps);
  if (!latest.ok) return NO_STATE;
  const year = latest.round.year;
  const statuses = new Map<string, Map<string, number>>();
  for (const n of await listNominations(deps.db, year)) {
    const ofForm = statuses.get(n.form_id) ?? new Map<string, number>();
    ofForm.set(n.status, (ofForm.get(n.status) ?? 0) + 1);
    statuses.set(n.form_id, ofForm);
  }
  const meetings = [await currentMeeting(deps.db), await latestClosedMeeting(deps.db)].filter(
    (meeting): meeting is CouncilMeeting => meeting !== undefined && meeting.round_year === year,
  );
  const row = meetings.sort((a, b) => b.id - a.id)[0];
  const meeting = row
    ? { row, minutes: row.minutes ? (JSON.parse(row.minutes) as Minutes) : undefined }
    : undefined;
  return { year, statuses, meeting };
}

type Provider = (campaign: Campaign, language: Language, state: OfficeDocumentsState) => OfficeEntry[];

const formLabel = (campaign: Campaign, formId: string, language: Language) => {
  const form = campaign.awardForms.find((candidate) => candidate.id === formId);
  return form ? localised(form.short ?? form.name, language) : formId;
};

const indexOf = (campaign: Campaign, formId: string) =>
  campaign.awardForms.findIndex((form) => form.id === formId);

/** How many of the form's nominations stand where `standing` says. */
function countOf(state: OfficeDocumentsState, formId: string, standing: (status: string) => boolean): number {
  let count = 0;
  for (const [status, n] of state.statuses.get(formId) ?? []) if (standing(status)) count += n;
  return count;
}

/** The danh sách đề nghị khen thưởng of each form that goes before the Council, once it has someone to list. */
const nominationLists: Provider = (campaign, language, state) =>
  campaign.awardForms.flatMap((form, index): OfficeEntry[] => {
    if (!hasCouncil(campaign, form.id)) return [];
    const route = routeOf(campaign, form.id);
    const vars = { form: localised(form.short ?? form.name, language) };
    return countOf(state, form.id, (status) => beforeCouncil(route, status)) > 0
      ? [{ labelKey: "doc-list-button", vars, data: draftListData(index) }]
      : [{ missingKey: "doc-missing-list", vars }];
  });

/** The papers of the round's latest Council meeting: ballots while open; minutes and Quyết định once closed. */
const councilPapers: Provider = (campaign, language, state) => {
  const meeting = state.meeting;
  if (!meeting) return [{ missingKey: "doc-missing-meeting", vars: {} }];
  const id = meeting.row.id;
  const vars = { id: String(id) };
  const ballots: OfficeEntry = { labelKey: "doc-office-ballot", vars, data: draftBallotData(id) };
  if (!meeting.minutes) return [ballots, { missingKey: "doc-missing-minutes", vars }];
  const minutes = meeting.minutes;
  return [
    ballots,
    { labelKey: "doc-office-minutes", vars, data: draftMinutesData(id) },
    { labelKey: "doc-office-count", vars, data: draftCountData(id) },
    ...decidedForms({ campaign }, minutes).map((formId) => ({
      labelKey: "doc-office-meeting-decision",
      vars: { ...vars, form: formLabel(campaign, formId, language) },
      data: draftDecisionData(id, indexOf(campaign, formId)),
    })),
  ];
};

/** The Director's Quyết định for everything of the Sở's own forms awaiting it in the round, whichever meeting. */
const roundDecisions: Provider = (campaign, language, state) =>
  directorForms(campaign).map((formId): OfficeEntry => {
    const route = routeOf(campaign, formId);
    const count = route ? countOf(state, formId, (status) => awaitsDecision(route, status)) : 0;
    const vars = { form: formLabel(campaign, formId, language), count: String(count) };
    return count > 0
      ? {
          labelKey: "doc-office-round-decision",
          vars,
          data: draftRoundDecisionData(indexOf(campaign, formId)),
        }
      : { missingKey: "doc-missing-round-decision", vars };
  });

/** The Sở's Tờ trình to the province for each form it proposes there, once the Council has passed someone. */
const provinceLetters: Provider = (campaign, language, state) =>
  provinceForms(campaign).map((formId): OfficeEntry => {
    const from = sosProposal(campaign, formId)?.from;
    const count = countOf(state, formId, (status) => status === from);
    const vars = { form: formLabel(campaign, formId, language), count: String(count) };
    return count > 0
      ? {
          labelKey: "doc-office-province-letter",
          vars,
          data: draftProvinceLetterData(indexOf(campaign, formId)),
        }
      : { missingKey: "doc-missing-province-letter", vars };
  });

/** The Báo cáo sơ kết / tổng kết of the movement: one button, which opens the menu of years and the period. */
const movementReports: Provider = () => [
  { labelKey: "mr-docs-button", vars: {}, data: MOVEMENT_REPORT_MENU },
];

/** The documents /docs offers, in order; a new kind of document adds its provider here. */
const PROVIDERS: readonly Provider[] = [
  nominationLists,
  councilPapers,
  roundDecisions,
  provinceLetters,
  movementReports,
];

export function officeDocuments(
  campaign: Campaign,
  language: Language,
  state: OfficeDocumentsState = NO_STATE,
): OfficeEntry[] {
  return PROVIDERS.flatMap((provider) => provider(campaign, language, state));
}
