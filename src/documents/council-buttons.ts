import { InlineKeyboard } from "grammy";
import type { Campaign } from "../campaign/schema.js";
import type { Minutes } from "../council/meeting-service.js";
import { directorForms } from "../domain/council-documents.js";
import { formIndex } from "../nominations/render.js";
import type { Translate } from "../screen.js";
import { draftBallotData, draftCountData, draftDecisionData, draftMinutesData } from "./buttons.js";

type Deps = { campaign: Campaign };

/** "📄 Bản nháp phiếu bầu" under the meeting's agenda. */
export function ballotDraftKeyboard(t: Translate, meetingId: number): InlineKeyboard {
  return new InlineKeyboard().text(t("doc-ballot-button"), draftBallotData(meetingId));
}

/** The forms of the Director's Giấy khen the meeting passed someone for: each gets its draft Quyết định. */
export function decidedForms(deps: Deps, minutes: Minutes): string[] {
  const own = directorForms(deps.campaign);
  return own.filter((formId) =>
    minutes.items.some((item) => item.formId === formId && item.outcome === "passed"),
  );
}

/** The drafts under a closed meeting's minutes and result: biên bản họp, biên bản kiểm phiếu, the Quyết định. */
export function minutesDraftKeyboard(t: Translate, deps: Deps, minutes: Minutes): InlineKeyboard {
  const keyboard = new InlineKeyboard()
    .text(t("doc-minutes-button"), draftMinutesData(minutes.meetingId))
    .row()
    .text(t("doc-count-button"), draftCountData(minutes.meetingId));
  for (const formId of decidedForms(deps, minutes))
    keyboard
      .row()
      .text(t("doc-decision-button"), draftDecisionData(minutes.meetingId, formIndex(deps.campaign, formId)));
  return keyboard;
}
