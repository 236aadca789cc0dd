import type { Api } from "grammy";
import type { Decision } from "../../db/nominations.js";
import {
  enqueueNotices,
  headsOfUnit,
  officeRecipients,
  type Recipient,
  registeredPerson,
  UNDELIVERED,
  undeliveredNotices,
} from "../../db/notices.js";
import type { Language, NewReminder, Nomination } from "../../db/schema.js";
import { findUnitById } from "../../db/units.js";
import type { Campaign } from "../campaign/schema.js";
import type { AppDeps } from "../deps.js";
import type { NominationStatus } from "../domain/nominations.js";
import { isSystemStatus, routeOf, stepOf } from "../domain/routes.js";
import { escapeHtml } from "../html.js";
import type { ReminderOutbox } from "../reminders/sender.js";
import { decisionText, formName, statusWord } from "./render.js";

type Deps = Pick<AppDeps, "db" | "campaign" | "clock" | "i18n" | "officeAdminIds">;

/** Whether people are told of a move to `to`: all but the first step of the route (the Office's own business). */
function isTold(campaign: Campaign, formId: string, to: NominationStatus): boolean {
  if (isSystemStatus(to)) return to !== "draft" && to !== "withdrawn";
  return routeOf(campaign, formId)?.steps[0]?.id !== to;
}

/** The notice's words: a status every route has, the award, or a route step named by its own words. */
function noticeKey(campaign: Campaign, to: NominationStatus): string {
  if (isSystemStatus(to)) return `nt-${to}`;
  return stepOf(campaign, to)?.kind === "decision" ? "nt-awarded" : "nt-step";
}

export interface NoticeEvent {
  /** One key per event: with the recipient it makes each notice once-only in the outbox. */
  key: string;
  year: number;
  unitId: number;
  text: (language: Language) => string;
}

/** The outbox rows of a notice, one per recipient, each in the recipient's language. */
export function noticeRows(
  deps: Pick<Deps, "clock">,
  event: NoticeEvent,
  to: readonly Recipient[],
): NewReminder[] {
  const at = deps.clock().toISOString();
  return to.map((recipient) => ({
    round_year: event.year,
    slot_key: event.key,
    kind: "notice",
    chat_id: recipient.id,
    unit_id: event.unitId,
    text: event.text(recipient.language),
    reply_markup: null,
    due_at: at,
    expires_at: null,
    status: "pending",
    created_at: at,
  }));
}

/** Who heard, and who could not: the mover is told so, to call those the bot cannot reach. */
export interface Told {
  heads: number;
  headsUnreachable: number;
  /** A unit the Office proposes, with no head on the bot: the Office itself is the one to hear it. */
  officeProposes?: true;
}

/** The unit's heads, and whether the Office proposes the unit instead (the Ban Giám đốc, the Văn phòng Sở). */
async function proposersOf(deps: Deps, unitId: number): Promise<{ heads: Recipient[]; office: boolean }> {
  const [heads, unit] = await Promise.all([headsOfUnit(deps.db, unitId), findUnitById(deps.db, unitId)]);
  return { heads, office: unit?.office_proposes === 1 };
}

function told(heads: readonly Recipient[], officeProposes: boolean): Told {
  return {
    heads: heads.length,
    headsUnreachable: heads.filter((h) => h.unreachable).length,
    ...(officeProposes && heads.length === 0 ? { officeProposes: true as const } : {}),
  };
}

/**
 * Tells the unit's heads and the nominee (where they are on the bot) of a move of a nomination, through the
 * outbox: once per move and recipient, within Telegram's limits. The person who made the move is not told.
 */
export async function noticeOfMove(
  deps: Deps,
  nomination: Pick<
    Nomination,
    "id" | "round_year" | "unit_id" | "form_id" | "nominee_kind" | "nominee_id" | "nominee_name"
  >,
  move: {
    historyId: number;
    to: NominationStatus;
    reason: string | null;
    decision?: Decision;
    /** For an undo: the status it undid. People are told of it only if they were told of that status. */
    undoneFrom?: NominationStatus;
  },
  moverId: number,
  /** "nominee" where the heads hear of it otherwise (the whole dossier returned). */
  audience: "all" | "nominee" = "all",
): Promise<Told> {
  const proposers = audience === "all" ? await proposersOf(deps, nomination.unit_id) : undefined;
  const heads = proposers?.heads ?? [];
  if (!isTold(deps.campaign, nomination.form_id, move.undoneFrom ?? move.to))
    return { ...told(heads, proposers?.office ?? false), headsUnreachable: 0 };
  const nominee =
    nomination.nominee_kind === "individual"
      ? await registeredPerson(deps.db, nomination.nominee_id)
      : undefined;
  const to = [...heads, ...(nominee && !heads.some((h) => h.id === nominee.id) ? [nominee] : [])].filter(
    (r) => r.id !== moverId,
  );
  await enqueueNotices(
    deps.db,
    noticeRows(
      deps,
      {
        key: `notice:move:${move.historyId}`,
        year: nomination.round_year,
        unitId: nomination.unit_id,
        text: (language) =>
          deps.i18n.t(language, move.undoneFrom ? "nt-undone" : noticeKey(deps.campaign, move.to), {
            nominee: escapeHtml(nomination.nominee_name),
            form: escapeHtml(formName(deps.campaign, nomination.form_id, language)),
            reason: escapeHtml(move.reason ?? ""),
            decision: move.decision
              ? decisionText((key, vars) => deps.i18n.t(language, key, vars), move.decision)
              : "",
            status: statusWord(
              { t: (key, vars) => deps.i18n.t(language, key, vars), language, campaign: deps.campaign },
              move.to,
            ),
          }),
      },
      to,
    ),
  );
  return told(
    heads.filter((h) => h.id !== moverId),
    proposers?.office ?? false,
  );
}

/** A notice to the unit's heads alone (the dossier returned as a whole). */
export async function noticeToHeads(deps: Deps, event: NoticeEvent): Promise<Told> {
  const { heads, office } = await proposersOf(deps, event.unitId);
  await enqueueNotices(deps.db, noticeRows(deps, event, heads));
  return told(heads, office);
}

/** A notice to everyone in the Office (a dossier sent, a person who left), but the member who caused it. */
export async function noticeToOffice(deps: Deps, event: NoticeEvent, except?: number): Promise<void> {
  const office = await officeRecipients(deps.db, deps.officeAdminIds);
  await enqueueNotices(
    deps.db,
    noticeRows(
      deps,
      event,
      office.filter((member) => member.id !== except),
    ),
  );
}

/**
 * Notices that could not reach their recipient (never pressed Start, or blocked the bot) are reported to the
 * Office, so someone calls that person. True if anything was reported.
 */
export async function reportUndeliveredNotices(deps: Deps, reminderIds: readonly number[]): Promise<boolean> {
  if (reminderIds.length === 0) return false;
  const undelivered = await undeliveredNotices(deps.db, reminderIds);
  if (undelivered.length === 0) return false;
  const office = await officeRecipients(deps.db, deps.officeAdminIds);
  for (const notice of undelivered)
    await enqueueNotices(
      deps.db,
      noticeRows(
        deps,
        {
          key: `${UNDELIVERED}${notice.id}`,
          year: notice.round_year,
          unitId: notice.unit_id ?? 0,
          text: (language) =>
            deps.i18n.t(language, "nt-undelivered", {
              name: escapeHtml(notice.full_name ?? String(notice.chat_id)),
              notice: notice.text.split("\n")[0] ?? "",
            }),
        },
        office.filter((member) => member.id !== notice.chat_id),
      ),
    );
  return true;
}

/** Sends what was just put in the outbox, without making the person who caused it wait for the fan-out. */
export function sendSoon(outbox: ReminderOutbox, api: Api): void {
  outbox.sendSoon(api);
}

/** What the Office member is told of the unit's heads after a move they were to hear of. */
export function toldKey(told: Told): string {
  if (told.officeProposes) return "nm-office-proposes-told";
  return told.heads === 0 || told.headsUnreachable > 0 ? "nm-head-not-told" : "nm-head-told";
}
