import { randomBytes } from "node:crypto";
import type { DB } from "./connection.js";
import type { Invite, Role } from "./schema.js";

export interface InviteWithUnit extends Invite {
  unit_code: string;
  unit_name: string;
  unit_archived_at: string | null;
}

/** 128 random bits, base64url: unguessable, and within Telegram's deep-link payload alphabet. */
export function newInviteToken(): string {
  return randomBytes(16).toString("base64url");
}

export async function createInvite(
  db: DB,
  invite: {
    unitId: number;
    role: Role;
    singleUse: boolean;
    createdBy: number;
    expiresAt: Date;
    /** Whoever joins through it also becomes a member of the Council. */
    council?: boolean;
  },
  now: Date,
): Promise<Invite> {
  return db
    .insertInto("invites")
    .values({
      token: newInviteToken(),
      unit_id: invite.unitId,
      role: invite.role,
      single_use: invite.singleUse ? 1 : 0,
      created_by: invite.createdBy,
      created_at: now.toISOString(),
      expires_at: invite.expiresAt.toISOString(),
      council: invite.council ? 1 : 0,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

const withUnit = (db: DB) =>
  db
    .selectFrom("invites")
    .innerJoin("units", "units.id", "invites.unit_id")
    .selectAll("invites")
    .select(["units.code as unit_code", "units.name as unit_name", "units.archived_at as unit_archived_at"]);

export async function findInvite(db: DB, token: string): Promise<InviteWithUnit | undefined> {
  return withUnit(db).where("invites.token", "=", token).executeTakeFirst();
}

/** Invites that still work at `now`, newest first. */
export async function listUsableInvites(db: DB, now: Date): Promise<InviteWithUnit[]> {
  return withUnit(db)
    .where("invites.revoked_at", "is", null)
    .where("invites.expires_at", ">", now.toISOString())
    .where("units.archived_at", "is", null)
    .where((eb) => eb.or([eb("invites.single_use", "=", 0), eb("invites.used_count", "=", 0)]))
    .orderBy("invites.created_at", "desc")
    .execute();
}

export async function revokeInvite(db: DB, token: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable("invites")
    .set({ revoked_at: now.toISOString() })
    .where("token", "=", token)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Counts one use of an invite (a join, a move, or a request to move). */
export async function spendInvite(db: DB, token: string): Promise<void> {
  await db
    .updateTable("invites")
    .set((eb) => ({ used_count: eb("used_count", "+", 1) }))
    .where("token", "=", token)
    .execute();
}
