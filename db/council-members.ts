import { atomically, type DB } from "./connection.js";
import { findInvite, type InviteWithUnit, spendInvite } from "./invites.js";
import { precompile } from "./precompiled.js";
import type { CouncilMember, CouncilRole } from "./schema.js";

/** A current member of the Hội đồng Thi đua - Khen thưởng, with the name they gave the bot (if any). */
export interface CouncilMemberWithName extends CouncilMember {
  full_name: string | null;
}

/** The Council as it stands now: its chair first, then the secretary, then members by name. */
export async function currentCouncil(db: DB): Promise<CouncilMemberWithName[]> {
  const rows = await db
    .selectFrom("council_members")
    .leftJoin("users", "users.telegram_id", "council_members.telegram_id")
    .leftJoin("office_profiles", "office_profiles.telegram_id", "council_members.telegram_id")
    .selectAll("council_members")
    .select((eb) => eb.fn.coalesce("users.full_name", "office_profiles.full_name").as("full_name"))
    .where("council_members.removed_at", "is", null)
    .execute();
  const order: Record<CouncilRole, number> = { chair: 0, secretary: 1, member: 2 };
  return rows.sort(
    (a, b) => order[a.role] - order[b.role] || (a.full_name ?? "").localeCompare(b.full_name ?? "", "vi"),
  );
}

const membershipOf = precompile((db: DB, telegramId: number) =>
  db
    .selectFrom("council_members")
    .selectAll()
    .where("telegram_id", "=", telegramId)
    .where("removed_at", "is", null),
);

/**
 * The person's current membership of the Council, or undefined when they are not a member. Read for every
 * update (the actor), so compiled once.
 */
export async function councilMembership(db: DB, telegramId: number): Promise<CouncilMember | undefined> {
  return membershipOf.first(db, telegramId);
}

/**
 * Makes the person a member (or gives a current member another role). A new chair, or a new secretary, takes
 * the place of the one before, who stays a member: the Council has one chair and one secretary. Each change
 * ends one membership row and starts another, so the rows say who held which role when.
 */
export async function setCouncilRole(
  db: DB,
  person: { telegramId: number; role: CouncilRole },
  by: number,
  now: Date,
): Promise<CouncilMember> {
  const at = now.toISOString();
  return atomically(db, async (trx) => {
    const end = (telegramId: number) =>
      trx
        .updateTable("council_members")
        .set({ removed_at: at, removed_by: by })
        .where("telegram_id", "=", telegramId)
        .where("removed_at", "is", null)
        .execute();
    const start = (telegramId: number, role: CouncilRole) =>
      trx
        .insertInto("council_members")
        .values({ telegram_id: telegramId, role, added_by: by, added_at: at })
        .returningAll()
        .executeTakeFirstOrThrow();
    const current = await councilMembership(trx, person.telegramId);
    if (current?.role === person.role) return current;
    if (person.role !== "member") {
      const holder = await trx
        .selectFrom("council_members")
        .select("telegram_id")
        .where("role", "=", person.role)
        .where("removed_at", "is", null)
        .executeTakeFirst();
      if (holder && holder.telegram_id !== person.telegramId) {
        await end(holder.telegram_id);
        await start(holder.telegram_id, "member");
      }
    }
    if (current) await end(person.telegramId);
    return start(person.telegramId, person.role);
  });
}

/** Ends the person's membership; false when they were not a member. */
export async function removeFromCouncil(db: DB, telegramId: number, by: number, now: Date): Promise<boolean> {
  const result = await db
    .updateTable("council_members")
    .set({ removed_at: now.toISOString(), removed_by: by })
    .where("telegram_id", "=", telegramId)
    .where("removed_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Makes the person a member unless they are one already (then their role stays): for joining through a Council
 * invite, inside the transaction that registers them. True when they became a member.
 */
export async function joinCouncil(db: DB, telegramId: number, by: number, now: Date): Promise<boolean> {
  if (await councilMembership(db, telegramId)) return false;
  await db
    .insertInto("council_members")
    .values({ telegram_id: telegramId, role: "member", added_by: by, added_at: now.toISOString() })
    .execute();
  return true;
}

/** A registered person, as the Office finds them to make them a member. */
export interface RegisteredPerson {
  telegram_id: number;
  full_name: string;
  position: string;
  unit_code: string;
  unit_name: string;
}

const registered = (db: DB) =>
  db
    .selectFrom("users")
    .innerJoin("units", "units.id", "users.unit_id")
    .select([
      "users.telegram_id",
      "users.full_name",
      "users.position",
      "units.code as unit_code",
      "units.name as unit_name",
    ]);

export async function findRegisteredPerson(
  db: DB,
  telegramId: number,
): Promise<RegisteredPerson | undefined> {
  return registered(db).where("users.telegram_id", "=", telegramId).executeTakeFirst();
}

/** Everyone registered, for a search by name (names are matched without diacritics, outside SQL). */
export async function listRegisteredPeople(db: DB): Promise<RegisteredPerson[]> {
  return registered(db).orderBy("users.full_name").execute();
}

/**
 * A registered person opens a Council invite for the unit they are already in: they become a member and keep
 * their unit role. The invite is checked again and spent in the same transaction.
 */
export async function acceptCouncilInvite<P>(
  db: DB,
  telegramId: number,
  token: string,
  checkInvite: (invite: InviteWithUnit | undefined) => P | null,
  now: Date,
): Promise<{ ok: true; invite: InviteWithUnit; joined: boolean } | { ok: false; problem: P }> {
  return atomically(db, async (trx) => {
    const invite = await findInvite(trx, token);
    const problem = checkInvite(invite);
    if (problem !== null || !invite) return { ok: false, problem: problem as P };
    const joined = await joinCouncil(trx, telegramId, invite.created_by, now);
    if (joined) await spendInvite(trx, invite.token);
    return { ok: true, invite, joined };
  });
}
