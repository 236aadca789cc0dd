import type { DB } from "../../db/connection.js";
import { lastMeetingsOf, nomineePositions } from "../../db/council-documents.js";
import { listNominations } from "../../db/nominations.js";
import type { Campaign } from "../campaign/schema.js";
import type { Minutes } from "../council/meeting-service.js";
import type { ProposedNominee } from "../domain/province-letter.js";
import { toLocal } from "../domain/time.js";

/**
 * The nominations of a form in the round standing at `status` (the Council's pass, waiting for the Sở's Tờ trình
 * or the Director's decision), in the list's order, each with the vote of the last closed meeting that passed it.
 */
export async function passedNominees(
  deps: { db: DB; campaign: Campaign },
  year: number,
  formId: string,
  status: string,
): Promise<ProposedNominee[]> {
  const standing = (await listNominations(deps.db, year, { formId })).filter((n) => n.status === status);
  const ids = standing.map((n) => n.id);
  const [positions, meetings] = await Promise.all([
    nomineePositions(deps.db, ids),
    lastMeetingsOf(deps.db, ids),
  ]);
  return standing.map((n) => {
    const meeting = meetings.get(n.id);
    const minutes = meeting ? (JSON.parse(meeting.minutes) as Minutes) : undefined;
    const item = minutes?.items.find((candidate) => candidate.nominationId === n.id);
    const passed = meeting && minutes && item?.outcome === "passed";
    return {
      nominationId: n.id,
      formId: n.form_id,
      nomineeKind: n.nominee_kind,
      name: n.nominee_name,
      unitName: n.unit_name,
      position: positions.get(n.id),
      vote: passed
        ? {
            meetingDate: toLocal(new Date(meeting.closedAt), deps.campaign.timeZone),
            agree: item.agree,
            base: minutes.base,
            of: minutes.rule.of,
          }
        : undefined,
    };
  });
}
