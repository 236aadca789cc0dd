import type { DB } from "../../db/connection.js";
import { nomineePositions } from "../../db/council-documents.js";
import { agendaOf, membersOf } from "../../db/council-meetings.js";
import type { CouncilMeeting } from "../../db/schema.js";
import type { Campaign } from "../campaign/schema.js";
import type { Minutes } from "../council/meeting-service.js";
import { isoDate } from "../domain/calendar.js";
import {
  ballotData,
  type ClosedMeetingRecord,
  decisionData,
  decisionOf,
  minutesData,
} from "../domain/council-documents.js";
import { awaitsDecision, routeOf } from "../domain/routes.js";
import { toLocal } from "../domain/time.js";
import type { GeneratedDocument } from "./achievement-report.js";
import { passedNominees } from "./council-results.js";
import { type DocumentTemplateSet, fillTemplate } from "./templates.js";

interface Deps {
  db: DB;
  campaign: Campaign;
  now: Date;
  templates: DocumentTemplateSet;
}

const today = (deps: Deps) => isoDate(toLocal(deps.now, deps.campaign.timeZone));

/** The blank ballots of a meeting, one page per member it named, each listing its agenda in order. */
export async function ballotDraft(deps: Deps, meeting: CouncilMeeting): Promise<GeneratedDocument> {
  const agenda = await agendaOf(deps.db, meeting.id);
  const data = ballotData({
    campaign: deps.campaign,
    meetingId: meeting.id,
    year: meeting.round_year,
    members: membersOf(meeting),
    agenda: agenda.map((item) => ({
      nominationId: item.id,
      formId: item.form_id,
      nomineeKind: item.nominee_kind,
      name: item.nominee_name,
      unitName: item.unit_name,
    })),
  });
  return {
    fileName: `PhieuBau_HopSo${meeting.id}_${meeting.round_year}_${today(deps)}.docx`,
    bytes: fillTemplate(deps.templates.phieuBau, data),
  };
}

/** The closed meeting as its kept minutes say, with the individual nominees' positions read now. */
async function recordOf(deps: Deps, minutes: Minutes): Promise<ClosedMeetingRecord> {
  const positions = await nomineePositions(
    deps.db,
    minutes.items.map((item) => item.nominationId),
  );
  const zone = deps.campaign.timeZone;
  return {
    meetingId: minutes.meetingId,
    year: minutes.year,
    openedAt: toLocal(new Date(minutes.openedAt), zone),
    closedAt: toLocal(new Date(minutes.closedAt), zone),
    rule: minutes.rule,
    base: minutes.base,
    needed: minutes.needed,
    members: minutes.members,
    votes: minutes.votes,
    items: minutes.items.map((item) => ({
      ...item,
      name: item.nominee,
      position: positions.get(item.nominationId),
    })),
    groups: minutes.groups,
    tieBreaks: minutes.tieBreaks,
  };
}

export type MinutesPaper = "meeting" | "count";

/** The biên bản họp Hội đồng or the biên bản kiểm phiếu of a closed meeting, from its minutes alone. */
export async function minutesDraft(
  deps: Deps,
  minutes: Minutes,
  paper: MinutesPaper,
): Promise<GeneratedDocument> {
  const data = minutesData({ campaign: deps.campaign, record: await recordOf(deps, minutes) });
  const template = paper === "meeting" ? deps.templates.bienBanHopHoiDong : deps.templates.bienBanKiemPhieu;
  const prefix = paper === "meeting" ? "BienBanHop" : "BienBanKiemPhieu";
  return {
    fileName: `${prefix}_HopSo${minutes.meetingId}_${minutes.year}_${today(deps)}.docx`,
    bytes: fillTemplate(template, data),
  };
}

/** The draft Quyết định of the Director awarding a form to those the meeting passed for it, with its list. */
export async function decisionDraft(
  deps: Deps,
  minutes: Minutes,
  formId: string,
): Promise<GeneratedDocument> {
  const data = decisionData({
    campaign: deps.campaign,
    record: await recordOf(deps, minutes),
    formId,
  });
  return {
    fileName: `QuyetDinh_GiayKhen_HopSo${minutes.meetingId}_${minutes.year}_${today(deps)}.docx`,
    bytes: fillTemplate(deps.templates.quyetDinhGiayKhen, data),
  };
}

/**
 * The draft Quyết định for every nomination of the form waiting for the Director's decision in the round,
 * whichever meeting passed it (or none on the bot), from /record and /docs.
 */
export async function roundDecisionDraft(
  deps: Deps,
  round: { year: number },
  formId: string,
): Promise<GeneratedDocument & { count: number }> {
  const route = routeOf(deps.campaign, formId);
  const waiting = route?.steps.at(-2)?.id;
  const passed =
    route && waiting && awaitsDecision(route, waiting)
      ? await passedNominees(deps, round.year, formId, waiting)
      : [];
  const data = decisionOf({
    campaign: deps.campaign,
    year: round.year,
    formId,
    passed,
    meetingDates: passed.flatMap((item) => (item.vote ? [item.vote.meetingDate] : [])),
  });
  return {
    fileName: `QuyetDinh_GiayKhen_${round.year}_${today(deps)}.docx`,
    bytes: fillTemplate(deps.templates.quyetDinhGiayKhen, data),
    count: passed.length,
  };
}
