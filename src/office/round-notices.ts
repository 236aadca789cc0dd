import { enqueueNotices, enqueueNoticeToEveryone, officeRecipients, ROUND_NOTICE } from "../../db/notices.js";
import type { Language } from "../../db/schema.js";
import type { AppDeps } from "../deps.js";
import { formatLocalDate } from "../domain/time.js";
import { LANGUAGES } from "../i18n.js";
import { noticeRows } from "../nominations/notices.js";

type Deps = Pick<AppDeps, "db" | "clock" | "campaign" | "i18n" | "officeAdminIds">;

/** What the Office did to a round, in the update that did it (handled again, it adds no notice). */
export interface RoundEvent {
  year: number;
  /** The Office member who did it: they know already. */
  by: number;
  updateId: number;
}

/**
 * Tells every registered person, and the Office's admins, through the outbox (so within Telegram's limits),
 * once per event and person.
 */
async function tellEveryone(
  deps: Deps,
  event: RoundEvent,
  what: "open" | "close",
  text: (language: Language) => string,
): Promise<void> {
  const key = `${ROUND_NOTICE}${what}:${event.year}:${event.updateId}`;
  const at = deps.clock().toISOString();
  await enqueueNoticeToEveryone(deps.db, {
    year: event.year,
    key,
    messages: new Map(LANGUAGES.map((language) => [language, text(language)])),
    except: event.by,
    at,
  });
  // The OFFICE_ADMIN_IDS admins have no row in `users`; a member who has is already in, and not added twice.
  const office = await officeRecipients(deps.db, deps.officeAdminIds);
  await enqueueNotices(
    deps.db,
    noticeRows(
      deps,
      { key, year: event.year, unitId: 0, text },
      office.filter((member) => member.id !== event.by),
    ).map((row) => ({ ...row, unit_id: null })),
  );
}

/** A round opened (or reopened) with a deadline people can still meet: "trước ngày 05/01/2027". */
export function noticeOfRoundOpened(deps: Deps, event: RoundEvent, deadline: Date): Promise<void> {
  const vars = { year: String(event.year), deadline: formatLocalDate(deadline, deps.campaign.timeZone) };
  return tellEveryone(deps, event, "open", (language) => deps.i18n.t(language, "nt-round-opened", vars));
}

/** A round closed: from now on people only see what they sent. */
export function noticeOfRoundClosed(deps: Deps, event: RoundEvent): Promise<void> {
  const vars = { year: String(event.year) };
  return tellEveryone(deps, event, "close", (language) => deps.i18n.t(language, "nt-round-closed", vars));
}
