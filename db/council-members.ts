import type { DB } from "./connection.js";
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

/** The person's current membership of the Council, or undefined when they are not a member. */
export async function councilMembership(db: DB, telegramId: number): Promise<CouncilMember | undefined> {
  return db
    .selectFrom("council_members")
    .selectAll()
    .where("telegram_id", "=", telegramId)
    .where("removed_at", "is", null)
    .executeTakeFirst();
}

/**
 * Makes the person a member (or gives a current member another role). A new chair takes the place of the one
 * before, who stays a member: the Council has one chair. Each change ends one membership row and starts
 * another, so the rows say who held which role when.
 */
export async function setCouncilRole(
  db: DB,
  person: { telegramId: number; role: CouncilRole },
  by: number,
  now: Date,
): Promise<CouncilMember> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
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
    if (person.role === "chair") {
      const chair = await trx
        .selectFrom("council_members")
        .select("telegram_id")
        .where("role", "=", "chair")
        .where("removed_at", "is", null)
        .executeTakeFirst();
      if (chair && chair.telegram_id !== person.telegramId) {
        await end(chair.telegram_id);
        await start(chair.telegram_id, "member");
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
