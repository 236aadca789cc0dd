import type { ProfileDetails } from "../src/domain/achievement-report.js";
import type { DB } from "./connection.js";
import { findProfileDetails } from "./profile-details.js";

/** The name of a unit's head (the first, where there are several): the collective report's signatory. */
export async function unitHeadName(db: DB, unitId: number): Promise<string | undefined> {
  const head = await db
    .selectFrom("users")
    .select("full_name")
    .where("unit_id", "=", unitId)
    .where("role", "=", "unit_head")
    .orderBy("telegram_id")
    .executeTakeFirst();
  return head?.full_name;
}

/**
 * The profile fields a Báo cáo thành tích asks beyond name and position (date of birth, gender, quê quán,
 * trình độ, nhiệm vụ, awards received), as the person or their head gave them; a field never answered stays
 * out, and the report says "chưa có dữ liệu" there.
 */
export async function profileDetails(db: DB, telegramId: number): Promise<ProfileDetails> {
  const details = await findProfileDetails(db, telegramId);
  if (!details) return {};
  const gender = { male: "Nam", female: "Nữ" } as const;
  return {
    birthDate: details.dateOfBirth ?? undefined,
    gender: details.gender ? gender[details.gender] : undefined,
    hometown: details.hometown ?? undefined,
    qualification: details.qualification ?? undefined,
    duties: details.duties ?? undefined,
    awards: details.awards?.map((award) => ({
      year: String(award.year),
      form: award.form,
      decision: award.decision ?? "",
    })),
  };
}
