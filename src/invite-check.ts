import type { InviteWithUnit } from "../db/invites.js";
import { type InviteProblem, inviteProblem } from "./domain/invites.js";

/** Adapts a stored invite to the domain's rule, for the transactions that must re-check it. */
export function checkInviteAt(now: Date): (invite: InviteWithUnit | undefined) => InviteProblem | null {
  return (invite) =>
    inviteProblem(
      invite && {
        expiresAt: new Date(invite.expires_at),
        revokedAt: invite.revoked_at ? new Date(invite.revoked_at) : null,
        singleUse: invite.single_use === 1,
        usedCount: invite.used_count,
        unitArchived: invite.unit_archived_at !== null,
      },
      now,
    );
}
