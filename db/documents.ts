import type { ProfileDetails, ReceivedAward } from "../src/domain/achievement-report.js";
import type { DB } from "./connection.js";

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

const text = (value: unknown): string | undefined =>
  typeof value === "string" && value.trim() !== "" ? value : undefined;

function awardsOf(value: unknown): ReceivedAward[] | undefined {
  let list: unknown = value;
  if (typeof value === "string") {
    try {
      list = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  if (!Array.isArray(list)) return undefined;
  return list.flatMap((item: unknown) => {
    if (!item || typeof item !== "object") return [];
    const award = item as Record<string, unknown>;
    return [
      {
        year: String(award.year ?? ""),
        form: String(award.form ?? ""),
        decision: String(award.decision ?? ""),
      },
    ];
  });
}

/**
 * The profile fields a Báo cáo thành tích asks beyond name and position (date of birth, gender, quê quán,
 * trình độ, nhiệm vụ, awards received), read from the person's row where those columns exist: the profile that
 * asks them is built apart (issue 13), so a column not there yet leaves its field "chưa có dữ liệu".
 */
export async function profileDetails(db: DB, telegramId: number): Promise<ProfileDetails> {
  const row = (await db
    .selectFrom("users")
    .selectAll()
    .where("telegram_id", "=", telegramId)
    .executeTakeFirst()) as Record<string, unknown> | undefined;
  if (!row) return {};
  const first = (...names: string[]) =>
    names.map((name) => text(row[name])).find((value) => value !== undefined);
  return {
    birthDate: first("birth_date", "date_of_birth"),
    gender: first("gender"),
    hometown: first("hometown", "home_town"),
    qualification: first("qualification", "education"),
    duties: first("duties", "assigned_duties"),
    awards: awardsOf(row.awards_received ?? row.awards),
  };
}
