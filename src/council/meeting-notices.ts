import type { InlineKeyboard } from "grammy";
import { type MeetingMember, memberRecipients } from "../../db/council-meetings.js";
import { findNomination } from "../../db/nominations.js";
import {
  enqueueNotices,
  headsOfUnit,
  officeRecipients,
  type Recipient,
  registeredPerson,
} from "../../db/notices.js";
import type { Language, NewReminder } from "../../db/schema.js";
import type { AppDeps } from "../deps.js";
import type { Tie } from "../domain/council.js";
import { MESSAGE_LIMIT, paginate } from "../paging.js";
import type { ViewContext } from "../screen.js";
import type { Counted, Minutes, MinutesItem } from "./meeting-service.js";
import { outcomeNotice, resultHeader, resultLines, tieScreen } from "./meeting-view.js";

type Deps = Pick<AppDeps, "db" | "campaign" | "clock" | "i18n" | "officeAdminIds">;

export function viewFor(deps: Deps, language: Language): ViewContext {
  return { t: (key, vars) => deps.i18n.t(language, key, vars), language, campaign: deps.campaign };
}

/** Outbox rows of one message in pages, each recipient in their language; the last page carries the keyboard. */
function rows(
  deps: Deps,
  event: { key: string; year: number },
  to: readonly Recipient[],
  pages: (c: ViewContext) => string[],
  keyboard?: (c: ViewContext) => InlineKeyboard,
): NewReminder[] {
  const at = deps.clock().toISOString();
  return to.flatMap((recipient) => {
    const c = viewFor(deps, recipient.language);
    const texts = pages(c);
    return texts.map((text, page) => ({
      round_year: event.year,
      slot_key: event.key,
      kind: "notice" as const,
      chat_id: recipient.id,
      page,
      unit_id: null,
      text,
      reply_markup: keyboard && page === texts.length - 1 ? JSON.stringify(keyboard(c)) : null,
      due_at: at,
      expires_at: null,
      status: "pending" as const,
      created_at: at,
    }));
  });
}

/** Each member is sent the agenda and a button to their ballot, once per meeting. */
export async function inviteMembers(
  deps: Deps,
  meeting: { id: number; year: number },
  members: readonly MeetingMember[],
  pages: (c: ViewContext) => string[],
  keyboard: (c: ViewContext) => InlineKeyboard,
): Promise<number> {
  const to = await memberRecipients(
    deps.db,
    members.map((m) => m.id),
  );
  await enqueueNotices(
    deps.db,
    rows(deps, { key: `notice:council-meeting:${meeting.id}`, year: meeting.year }, to, pages, keyboard),
  );
  return to.filter((r) => !r.unreachable).length;
}

/** The tie screens go to the chair (when someone else closed the meeting). */
export async function tieToChair(
  deps: Deps,
  meetingId: number,
  year: number,
  chairId: number,
  ties: readonly Tie[],
  counted: Pick<Counted, "agenda">,
): Promise<void> {
  const [chair] = await memberRecipients(deps.db, [chairId]);
  if (!chair) return;
  for (const tie of ties)
    await enqueueNotices(
      deps.db,
      rows(
        deps,
        { key: `notice:council-tie:${meetingId}:${tie.formId}:${tie.nomineeKind}`, year },
        [chair],
        (c) => [tieScreen(c, meetingId, tie, counted, []).text],
        (c) => tieScreen(c, meetingId, tie, counted, []).keyboard,
      ),
    );
}

/**
 * After closing: the Office and the chair get the result (the minutes' first part), every unit head and every
 * registered nominee their own outcomes, each once per meeting; the one who closed it sees it on screen.
 */
export async function announceResult(deps: Deps, minutes: Minutes, closerId: number): Promise<void> {
  const event = { year: minutes.year };
  const chairIds = minutes.members.filter((m) => m.role === "chair").map((m) => m.id);
  const office = await officeRecipients(deps.db, deps.officeAdminIds);
  const chairs = await memberRecipients(deps.db, chairIds);
  const resultTo = [...office, ...chairs.filter((c) => !office.some((o) => o.id === c.id))].filter(
    (r) => r.id !== closerId,
  );
  await enqueueNotices(
    deps.db,
    rows(deps, { ...event, key: `notice:council-result:${minutes.meetingId}` }, resultTo, (c) =>
      paginate(resultHeader(c, minutes), resultLines(c, minutes), "", MESSAGE_LIMIT - 200),
    ),
  );
  // Who hears of which nominations: the heads of its unit, and the nominee where registered.
  const outcomes = new Map<number, { recipient: Recipient; items: MinutesItem[] }>();
  const add = (recipient: Recipient, item: MinutesItem) => {
    const entry = outcomes.get(recipient.id) ?? { recipient, items: [] };
    if (!entry.items.includes(item)) entry.items.push(item);
    outcomes.set(recipient.id, entry);
  };
  const units = new Map<number, Recipient[]>();
  for (const item of minutes.items) {
    const nomination = await findNomination(deps.db, item.nominationId);
    if (!nomination) continue;
    const heads = units.get(nomination.unit_id) ?? (await headsOfUnit(deps.db, nomination.unit_id));
    units.set(nomination.unit_id, heads);
    for (const head of heads) add(head, item);
    // A person who erased their data has a negative id: nobody to tell.
    if (nomination.nominee_kind === "individual" && nomination.nominee_id > 0) {
      const person = await registeredPerson(deps.db, nomination.nominee_id);
      if (person) add(person, item);
    }
  }
  for (const { recipient, items } of outcomes.values())
    await enqueueNotices(
      deps.db,
      rows(deps, { ...event, key: `notice:council:${minutes.meetingId}` }, [recipient], (c) => [
        outcomeNotice(c, minutes, items),
      ]),
    );
}
