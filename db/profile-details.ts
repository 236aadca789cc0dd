import type { AwardReceived, ProfileDetails } from "../src/domain/profile-details.js";
import type { DB } from "./connection.js";
import type { ProfileDetailsRow } from "./schema.js";

/** One answer to store: the column it fills and its value, already checked. */
export type DetailAnswer =
  | { field: "date_of_birth"; value: string }
  | { field: "gender"; value: "male" | "female" }
  | { field: "hometown" | "qualification" | "duties"; value: string }
  | { field: "awards"; value: AwardReceived[] };

function fromRow(row: ProfileDetailsRow): ProfileDetails {
  return {
    dateOfBirth: row.date_of_birth,
    gender: row.gender,
    hometown: row.hometown,
    qualification: row.qualification,
    duties: row.duties,
    awards: row.awards === null ? null : (JSON.parse(row.awards) as AwardReceived[]),
  };
}

/** A person's details, or undefined when nothing was ever answered. */
export async function findProfileDetails(db: DB, telegramId: number): Promise<ProfileDetails | undefined> {
  const row = await db
    .selectFrom("profile_details")
    .selectAll()
    .where("telegram_id", "=", telegramId)
    .executeTakeFirst();
  return row && fromRow(row);
}

/** Stores one answer as soon as it is given, so a pause in the middle loses nothing already typed. */
export async function saveDetail(
  db: DB,
  telegramId: number,
  answer: DetailAnswer,
  by: number,
  now: Date,
): Promise<void> {
  const value = answer.field === "awards" ? JSON.stringify(answer.value) : answer.value;
  const at = now.toISOString();
  await db
    .insertInto("profile_details")
    .values({ telegram_id: telegramId, [answer.field]: value, updated_by: by, updated_at: at })
    .onConflict((oc) =>
      oc.column("telegram_id").doUpdateSet({ [answer.field]: value, updated_by: by, updated_at: at }),
    )
    .execute();
}
