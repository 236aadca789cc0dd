import type { DB } from "./connection.js";
import { joinCouncil } from "./council-members.js";
import { findInvite, type InviteWithUnit, spendInvite } from "./invites.js";
import type { RegistrationDraft } from "./schema.js";

export async function findDraft(db: DB, telegramId: number): Promise<RegistrationDraft | undefined> {
  return db
    .selectFrom("registration_drafts")
    .selectAll()
    .where("telegram_id", "=", telegramId)
    .executeTakeFirst();
}

/** Called once the person has consented: nothing is stored about them before that. */
export async function startDraft(db: DB, telegramId: number, inviteToken: string, now: Date): Promise<void> {
  const at = now.toISOString();
  await db
    .insertInto("registration_drafts")
    .values({ telegram_id: telegramId, invite_token: inviteToken, consented_at: at, updated_at: at })
    .onConflict((oc) => oc.column("telegram_id").doUpdateSet({ invite_token: inviteToken, updated_at: at }))
    .execute();
}

export async function saveDraftField(
  db: DB,
  telegramId: number,
  field: { full_name: string | null } | { position: string | null },
  now: Date,
  updateId: number,
): Promise<void> {
  await db
    .updateTable("registration_drafts")
    .set({ ...field, updated_at: now.toISOString(), last_update_id: updateId })
    .where("telegram_id", "=", telegramId)
    .execute();
}

export async function deleteDraft(db: DB, telegramId: number): Promise<void> {
  await db.deleteFrom("registration_drafts").where("telegram_id", "=", telegramId).execute();
}

export type InviteCheck<P> = (invite: InviteWithUnit | undefined) => P | null;

/**
 * Turns a complete draft into a user in one transaction, re-checking the invite inside it so that a
 * single-use link cannot be spent twice. Returns the problem if the invite no longer works.
 */
export async function completeRegistration<P>(
  db: DB,
  draft: { telegramId: number; inviteToken: string; fullName: string; position: string; consentedAt: string },
  checkInvite: InviteCheck<P>,
  now: Date,
): Promise<{ ok: true; invite: InviteWithUnit } | { ok: false; problem: P }> {
  return db.transaction().execute(async (trx) => {
    const invite = await findInvite(trx, draft.inviteToken);
    const problem = checkInvite(invite);
    if (problem !== null || !invite) return { ok: false, problem: problem as P };
    const at = now.toISOString();
    await trx
      .insertInto("users")
      .values({
        telegram_id: draft.telegramId,
        full_name: draft.fullName,
        position: draft.position,
        unit_id: invite.unit_id,
        role: invite.role,
        consented_at: draft.consentedAt,
        created_at: at,
        updated_at: at,
      })
      .onConflict((oc) =>
        oc.column("telegram_id").doUpdateSet({
          full_name: draft.fullName,
          position: draft.position,
          unit_id: invite.unit_id,
          role: invite.role,
          updated_at: at,
        }),
      )
      .execute();
    if (invite.council) await joinCouncil(trx, draft.telegramId, invite.created_by, now);
    await spendInvite(trx, invite.token);
    await trx.deleteFrom("registration_drafts").where("telegram_id", "=", draft.telegramId).execute();
    return { ok: true, invite };
  });
}

/** Turns a complete draft of an Office admin (no invite, no unit) into their profile, in one transaction. */
export async function completeOfficeProfile(
  db: DB,
  draft: { telegramId: number; fullName: string; position: string; consentedAt: string },
  now: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const at = now.toISOString();
    await trx
      .insertInto("office_profiles")
      .values({
        telegram_id: draft.telegramId,
        full_name: draft.fullName,
        position: draft.position,
        consented_at: draft.consentedAt,
        created_at: at,
        updated_at: at,
      })
      .onConflict((oc) =>
        oc
          .column("telegram_id")
          .doUpdateSet({ full_name: draft.fullName, position: draft.position, updated_at: at }),
      )
      .execute();
    await trx.deleteFrom("registration_drafts").where("telegram_id", "=", draft.telegramId).execute();
  });
}

/** Moves a registered person to an invite's unit and role, re-checking the invite in the same transaction. */
export async function acceptInviteAsMember<P>(
  db: DB,
  telegramId: number,
  token: string,
  checkInvite: InviteCheck<P>,
  now: Date,
): Promise<{ ok: true; invite: InviteWithUnit } | { ok: false; problem: P }> {
  return db.transaction().execute(async (trx) => {
    const invite = await findInvite(trx, token);
    const problem = checkInvite(invite);
    if (problem !== null || !invite) return { ok: false, problem: problem as P };
    await trx
      .updateTable("users")
      .set({ unit_id: invite.unit_id, role: invite.role, updated_at: now.toISOString() })
      .where("telegram_id", "=", telegramId)
      .execute();
    if (invite.council) await joinCouncil(trx, telegramId, invite.created_by, now);
    await spendInvite(trx, invite.token);
    return { ok: true, invite };
  });
}
