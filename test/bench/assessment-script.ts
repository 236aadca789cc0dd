/**
 * What the assessment benches share: the people they seed, and one whole individual self-assessment as the
 * steps a person takes (each typed text or pressed button, tagged with the question it answers).
 */
import type { DB } from "../../db/connection.js";

export interface Step {
  kind: "text" | "press";
  /** The text typed, or the pressed button's callback data. */
  value: string;
  label: string;
}

export const BENCH_UNIT = { code: "HCTP", name: "Phòng Hành chính tư pháp" };

/** Every criterion met with an account, the initiative with its name and decision, the six reform areas, then submit. */
export function assessmentSteps(): Step[] {
  const steps: Step[] = [];
  const text = (value: string, label = "middle") => steps.push({ kind: "text", value, label });
  const press = (value: string, label = "middle") => steps.push({ kind: "press", value, label });
  text("/assess", "start");
  press("as:c:chap-hanh:met:yes", "first question");
  text("Chấp hành nghiêm kỷ luật, kỷ cương hành chính.");
  press("as:c:chap-hanh:files:done");
  const accountCriterion = (id: string) => {
    press(`as:c:${id}:met:yes`);
    text(`Kết quả nổi bật về ${id}.`);
    press(`as:c:${id}:files:done`);
  };
  accountCriterion("nhiem-vu-cchc");
  accountCriterion("van-ban-chi-dao");
  press("as:c:sang-kien:met:yes");
  text("Số hóa hồ sơ lý lịch tư pháp");
  text("125/QĐ-STP");
  text("15/10/2026");
  press("as:c:sang-kien:council:tinh");
  press("as:c:sang-kien:files:done");
  accountCriterion("thu-tuc-hanh-chinh");
  press("as:c:xep-loai:rating:xuat-sac");
  const areas = ["the-che", "thu-tuc-hanh-chinh", "to-chuc-bo-may", "che-do-cong-vu", "tai-chinh-cong"];
  for (const area of areas) text(`Kết quả về ${area}.`);
  text("Số hoá hồ sơ.", "last question");
  press("as:summary:submit", "submit");
  return steps;
}

/**
 * One unit, the round of 2026 open (its deadline, 05/01/2027, still ahead on any clock before then), and each
 * id as a registered employee of the unit.
 */
export async function seedPeopleToAssess(db: DB, ids: readonly number[], now: Date): Promise<void> {
  const unit = await db
    .insertInto("units")
    .values({ ...BENCH_UNIT, created_at: now.toISOString() })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("rounds")
    .values({
      year: 2026,
      campaign_id: "stp-cchc-2023-2025",
      status: "open",
      deadline_at: "2027-01-04T17:00:00.000Z",
      opened_at: now.toISOString(),
      opened_by: 1,
    })
    .execute();
  for (let at = 0; at < ids.length; at += 500) {
    await db
      .insertInto("users")
      .values(
        ids.slice(at, at + 500).map((id) => ({
          telegram_id: id,
          full_name: `Nguyễn Văn ${id}`,
          position: "Chuyên viên",
          unit_id: unit.id,
          role: "employee" as const,
          consented_at: now.toISOString(),
          created_at: now.toISOString(),
          updated_at: now.toISOString(),
        })),
      )
      .execute();
  }
}
