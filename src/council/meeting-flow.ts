import type { InlineKeyboard } from "grammy";
import type { BotContext } from "../context.js";
import type { AppDeps } from "../deps.js";
import { escapeHtml } from "../html.js";
import { sendSoon } from "../nominations/notices.js";
import { MESSAGE_LIMIT, paginate } from "../paging.js";
import type { ReminderOutbox } from "../reminders/sender.js";
import { viewContext } from "../screen.js";
import { announceResult, tieToChair } from "./meeting-notices.js";
import { type CloseOutcome, councilRoleOf } from "./meeting-service.js";
import { resultHeader, resultLines, tieScreen } from "./meeting-view.js";

export interface CouncilDeps extends AppDeps {
  outbox: ReminderOutbox;
}

export interface Said {
  text: string;
  keyboard?: InlineKeyboard;
}

/**
 * What closing (or the chair's last tie-break) says, and the notices it sends: the result to whoever closed it
 * and, through the outbox, to the Office, the chair, the heads and the nominees; or the tie, to the chair.
 */
export async function afterClose(deps: CouncilDeps, ctx: BotContext, outcome: CloseOutcome): Promise<Said[]> {
  if (!outcome.ok) return [{ text: ctx.t(outcome.key, outcome.vars) }];
  const c = viewContext(deps, ctx);
  if (outcome.kind === "tie") {
    const chair = outcome.counted.members.find((m) => m.role === "chair");
    const isChair = (await councilRoleOf(deps, ctx.actor)) === "chair";
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
        chair.id,
        outcome.ties,
        outcome.counted,
      );
    sendSoon(deps.outbox, ctx.api);
    return [
      {
        text: ctx.t(chair ? "cm-tie-to-chair" : "cm-tie-no-chair", {
          chair: escapeHtml(chair?.name ?? ""),
        }),
      },
    ];
  }
  await announceResult(deps, outcome.minutes, ctx.actor?.telegramId ?? 0);
  sendSoon(deps.outbox, ctx.api);
  return paginate(
    resultHeader(c, outcome.minutes),
    resultLines(c, outcome.minutes),
    "",
    MESSAGE_LIMIT - 200,
  ).map((text) => ({ text }));
}
