import type { DB } from "./connection.js";
import type { AwardDraft } from "./schema.js";

export type AwardDraftField = "decision_number" | "decision_date" | "decision_issuer";

/** Keeps one answer of an award decision being typed in, so a restart or a pause loses nothing. */
export async function saveAwardDraft(
  db: DB,
  key: { nominationId: number; officeId: number },
  field: AwardDraftField,
  value: string,
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  await db
    .insertInto("award_drafts")
    .values({ nomination_id: key.nominationId, office_id: key.officeId, [field]: value, updated_at: at })
    .onConflict((oc) =>
      oc.columns(["nomination_id", "office_id"]).doUpdateSet({ [field]: value, updated_at: at }),
    )
    .execute();
}

export async function findAwardDraft(
  db: DB,
  key: { nominationId: number; officeId: number },
): Promise<AwardDraft | undefined> {
  return db
    .selectFrom("award_drafts")
    .selectAll()
    .where("nomination_id", "=", key.nominationId)
    .where("office_id", "=", key.officeId)
    .executeTakeFirst();
}

export async function deleteAwardDraft(
  db: DB,
  key: { nominationId: number; officeId: number },
): Promise<void> {
  await db
    .deleteFrom("award_drafts")
    .where("nomination_id", "=", key.nominationId)
    .where("office_id", "=", key.officeId)
    .execute();
}
