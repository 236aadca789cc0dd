import type { InlineKeyboard } from "grammy";
import { currentCouncil } from "../../db/council-members.js";
import type { BotContext } from "../context.js";
import type { AppDeps } from "../deps.js";
import { minutesDraftKeyboard } from "../documents/council-buttons.js";
import { escapeHtml } from "../html.js";
import { sendSoon } from "../nominations/notices.js";
import { MESSAGE_LIMIT, paginate } from "../paging.js";
import type { ReminderOutbox } from "../reminders/sender.js";
import { viewContext } from "../screen.js";
import { tieToChair } from "./meeting-notices.js";
import type { CloseOutcome } from "./meeting-service.js";
import { resultHeader, resultLines, tieScreen } from "./meeting-view.js";

export interface CouncilDeps extends AppDeps {
  outbox: ReminderOutbox;
}

export interface Said {
  text: string;
  keyboard?: InlineKeyboard;
}

/**
 * What closing (or the chair's last tie-break) says: the result to whoever closed it (the Office, the chair,
 * the heads and the nominees have it in the outbox already); or the tie, to the chair.
 */
export async function afterClose(deps: CouncilDeps, ctx: BotContext, outcome: CloseOutcome): Promise<Said[]> {
  if (!outcome.ok) return [{ text: ctx.t(outcome.key, outcome.vars) }];
  const c = viewContext(deps, ctx);
  if (outcome.kind === "tie") {
    // The chair now, who breaks the tie: not necessarily the one when the meeting opened.
    const chair = (await currentCouncil(deps.db)).find((m) => m.role === "chair");
    const isChair = chair !== undefined && chair.telegram_id === ctx.actor?.telegramId;
    if (isChair)
      return [
        { text: ctx.t("cm-tie-found", { count: outcome.ties.length }) },
        ...outcome.ties.map((tie) => tieScreen(c, outcome.meetingId, tie, outcome.counted, [])),
      ];
    if (chair)
      await tieToChair(
        deps,
        outcome.meetingId,
        outcome.counted.meeting.round_year,
        chair.telegram_id,
        outcome.ties,
        outcome.counted,
      );
    sendSoon(deps.outbox, ctx.api);
    return [
      {
        text: ctx.t(chair ? "cm-tie-to-chair" : "cm-tie-no-chair", {
          chair: escapeHtml(chair?.full_name ?? ""),
        }),
      },
    ];
  }
  // The notices of the result were put in the outbox when the meeting closed.
  sendSoon(deps.outbox, ctx.api);
  const pages = paginate(
    resultHeader(c, outcome.minutes),
    resultLines(c, outcome.minutes),
    "",
    MESSAGE_LIMIT - 200,
  );
  // The drafts of the meeting's papers under the last page of the result.
  return pages.map((text, at) =>
    at === pages.length - 1 ? { text, keyboard: minutesDraftKeyboard(c.t, deps, outcome.minutes) } : { text },
  );
}
