import {
  councilMembership,
  currentCouncil,
  findRegisteredPerson,
  listRegisteredPeople,
  type RegisteredPerson,
  removeFromCouncil,
  setCouncilRole,
} from "../../db/council-members.js";
import { enqueueNotices, registeredPerson } from "../../db/notices.js";
import { findOpenRound } from "../../db/rounds.js";
import type { CouncilRole } from "../../db/schema.js";
import { findUser } from "../../db/users.js";
import type { AppDeps } from "../deps.js";
import { type MembershipAction, parsePersonRef, roleOf } from "../domain/council-role.js";
import { nameMatches } from "../domain/names.js";
import { toLocal } from "../domain/time.js";
import { echoArgument } from "../html.js";
import { noticeRows } from "../nominations/notices.js";

type Deps = Pick<AppDeps, "db" | "campaign" | "clock" | "i18n" | "officeAdminIds">;

/** At most this many people are offered as buttons when a name fits several. */
export const CANDIDATES_SHOWN = 8;

export type Found =
  | { kind: "one"; person: RegisteredPerson }
  | { kind: "several"; people: RegisteredPerson[]; more: number }
  | { kind: "none"; key: string; vars: Record<string, string> };

/**
 * The registered person the Office names: by Telegram id, or by words of their name. The bot keeps no
 * @username, so one is refused with a way that works. Nobody unregistered is found: they join by an invite.
 */
export async function findPerson(deps: Pick<Deps, "db">, text: string): Promise<Found> {
  const ref = parsePersonRef(text);
  if (ref.kind === "username") return { kind: "none", key: "cn-no-username", vars: {} };
  if (ref.kind === "id") {
    const person = await findRegisteredPerson(deps.db, ref.telegramId);
    return person
      ? { kind: "one", person }
      : { kind: "none", key: "cn-not-registered-id", vars: { id: String(ref.telegramId) } };
  }
  const people = (await listRegisteredPeople(deps.db)).filter((p) => nameMatches(p.full_name, ref.query));
  const [first] = people;
  if (!first) return { kind: "none", key: "cn-not-registered-name", vars: { name: echoArgument(ref.query) } };
  if (people.length === 1) return { kind: "one", person: first };
  return {
    kind: "several",
    people: people.slice(0, CANDIDATES_SHOWN),
    more: Math.max(0, people.length - CANDIDATES_SHOWN),
  };
}

export type Change =
  | { kind: "set"; role: CouncilRole; replaced?: { telegramId: number; name: string } }
  | { kind: "unchanged"; role: CouncilRole }
  | { kind: "removed" }
  | { kind: "not_member" };

/**
 * Applies the Office's change to the person's membership. A new chair or secretary takes the place of the one
 * before, who stays a member (said in the answer). The person is told through the outbox, once per change.
 */
export async function changeMembership(
  deps: Deps,
  action: MembershipAction,
  person: RegisteredPerson,
  by: number,
): Promise<Change> {
  const now = deps.clock();
  const role = roleOf(action);
  const current = await councilMembership(deps.db, person.telegram_id);
  if (role === undefined) {
    if (!current || !(await removeFromCouncil(deps.db, person.telegram_id, by, now)))
      return { kind: "not_member" };
    await tell(deps, person.telegram_id, `notice:council:${current.id}:removed`, "cn-notice-removed", {});
    return { kind: "removed" };
  }
  if (current?.role === role) return { kind: "unchanged", role };
  // Adding someone already on the Council would demote a chair or secretary: it changes nothing.
  if (current && action === "add") return { kind: "unchanged", role: current.role };
  const holder =
    role === "member"
      ? undefined
      : (await currentCouncil(deps.db)).find((m) => m.role === role && m.telegram_id !== person.telegram_id);
  const row = await setCouncilRole(deps.db, { telegramId: person.telegram_id, role }, by, now);
  await tell(deps, person.telegram_id, `notice:council:${row.id}`, "cn-notice-role", { role });
  return {
    kind: "set",
    role,
    ...(holder
      ? { replaced: { telegramId: holder.telegram_id, name: holder.full_name ?? String(holder.telegram_id) } }
      : {}),
  };
}

async function tell(
  deps: Deps,
  telegramId: number,
  key: string,
  message: string,
  vars: { role?: CouncilRole },
): Promise<void> {
  const recipient = await registeredPerson(deps.db, telegramId);
  if (!recipient) return;
  const round = await findOpenRound(deps.db);
  const year = round?.year ?? toLocal(deps.clock(), deps.campaign.timeZone).year;
  await enqueueNotices(
    deps.db,
    noticeRows(
      deps,
      {
        key,
        year,
        unitId: (await findUser(deps.db, telegramId))?.unit_id ?? 0,
        text: (language) =>
          deps.i18n.t(language, message, {
            role: vars.role ? deps.i18n.t(language, `cn-role-${vars.role}`) : "",
          }),
      },
      [recipient],
    ),
  );
}
