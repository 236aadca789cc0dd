import type { Role } from "../../db/schema.js";

/** Employee links are shared with a whole unit; head and Office links grant power, so they work once. */
export const INVITE_POLICY: Record<Role, { validDays: number; singleUse: boolean }> = {
  employee: { validDays: 30, singleUse: false },
  unit_head: { validDays: 7, singleUse: true },
  office: { validDays: 7, singleUse: true },
};

export type InviteProblem = "unknown" | "expired" | "revoked" | "used" | "unit_archived";

export interface InviteFacts {
  expiresAt: Date;
  revokedAt: Date | null;
  singleUse: boolean;
  usedCount: number;
  unitArchived: boolean;
}

/** Telegram deep-link payloads allow 1–64 characters of A–Z, a–z, 0–9, _ and -. */
export function isWellFormedInviteToken(payload: string): boolean {
  return /^[A-Za-z0-9_-]{16,64}$/.test(payload);
}

export function inviteProblem(invite: InviteFacts | undefined, now: Date): InviteProblem | null {
  if (!invite) return "unknown";
  if (invite.revokedAt) return "revoked";
  if (invite.unitArchived) return "unit_archived";
  if (invite.singleUse && invite.usedCount > 0) return "used";
  if (now.getTime() >= invite.expiresAt.getTime()) return "expired";
  return null;
}

/**
 * When a new invite stops working: its role's days after now, and an employee link never before `deadline`
 * (the open round's, or the unit's extension of it), since the people it brings in have until then to assess
 * themselves. Head and Office links grant power: they keep their week.
 */
export function inviteExpiry(role: Role, now: Date, deadline?: Date): Date {
  const byDays = new Date(now.getTime() + INVITE_POLICY[role].validDays * 86_400_000);
  if (role !== "employee" || !deadline || deadline.getTime() <= byDays.getTime()) return byDays;
  return deadline;
}
