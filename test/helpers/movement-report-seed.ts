import type { DB } from "../../db/connection.js";
import { loadCampaign } from "../../src/campaign/load.js";
import { areaKey, criterionKey } from "../../src/domain/assessment.js";
import type { NominationStatus } from "../../src/domain/nominations.js";
import { insertUser } from "./scenarios.js";

/**
 * Rounds for the Báo cáo sơ kết / tổng kết: three units, each figure distinct by unit and year, so that a
 * figure in the report shows where it came from.
 *
 * - HCTP "Phòng Hành chính tư pháp": 3 people (101 Ánh, 102 Bảo, 103 Cúc).
 * - TTRA, a name with markup and a formula: 3 people (201 Dũng, 202 Giang, and 104 Hải who moved in from HCTP
 *   after sending his 2026 self-assessment there: he counts in TTRA).
 * - TRONG "Phòng Trống": nobody, nothing.
 *
 * Sent self-assessments (all criteria met unless said): 2026: HCTP 101, 102 (one criterion not met); TTRA 201,
 * 104 — 2025: HCTP 101; TTRA 201, 202 (one not met) — 2024: TTRA 202 (one not met) — 2023: HCTP 102 —
 * 2022 (before the period): HCTP 101, 102, 103. 103's 2026 one is only started.
 * Units' own: HCTP sent in 2026 and 2025.
 * Nominations sent: 2026: HCTP 101 Giấy khen awarded, HCTP collective Giấy khen submitted, TTRA 201 Bằng khen
 * tỉnh under review, plus a draft and a withdrawn one in TTRA (not counted) — 2025: TTRA 202 Giấy khen awarded
 * — 2022: HCTP 101 Bằng khen Thủ tướng awarded.
 */
export const TRICKY_NAME = '<b>Thanh tra</b> =SUM(A1:A9) & "Sở"';
export const GK = "giay-khen-giam-doc-so";
export const BKT = "bang-khen-chu-tich-tinh";
export const BKTTG = "bang-khen-thu-tuong";
const AT = "2026-01-10T02:00:00.000Z";

export interface ReportSeed {
  units: { hctp: number; ttra: number; trong: number };
}

export async function seedReportRounds(db: DB): Promise<ReportSeed> {
  const campaign = loadCampaign();
  const unit = async (code: string, name: string) => {
    const row = await db
      .insertInto("units")
      .values({ code, name, created_at: AT, archived_at: null, group_chat_id: null })
      .returning("id")
      .executeTakeFirstOrThrow();
    return row.id;
  };
  const hctp = await unit("HCTP", "Phòng Hành chính tư pháp");
  const ttra = await unit("TTRA", TRICKY_NAME);
  const trong = await unit("TRONG", "Phòng Trống");
  for (const year of [2022, 2023, 2024, 2025, 2026])
    await db
      .insertInto("rounds")
      .values({
        year,
        campaign_id: campaign.id,
        status: year === 2026 ? "open" : "closed",
        deadline_at: `${year + 1}-01-04T17:00:00.000Z`,
        opened_at: `${year}-01-02T02:00:00.000Z`,
        opened_by: 1,
        closed_at: year === 2026 ? null : `${year + 1}-01-10T02:00:00.000Z`,
      })
      .execute();
  const people: Array<[number, string, number]> = [
    [101, "Nguyễn Thị Ánh", hctp],
    [102, "Trần Văn Bảo", hctp],
    [103, "Lê Thị Cúc", hctp],
    [201, "Phạm Văn Dũng", ttra],
    [202, "Hoàng Thị Giang", ttra],
    [104, "Vũ Văn Hải", ttra],
  ];
  for (const [telegramId, fullName, unitId] of people)
    await insertUser(db, { telegramId, fullName, unitId, role: "employee", at: AT });

  const criteria = campaign.criteria.individual;
  const assess = async (
    year: number,
    subject: "individual" | "unit",
    subjectId: number,
    unitId: number,
    options: { status?: "submitted" | "in_progress"; notMet?: boolean; area?: string } = {},
  ) => {
    const row = await db
      .insertInto("assessments")
      .values({
        round_year: year,
        subject,
        subject_id: subjectId,
        unit_id: unitId,
        status: options.status ?? "submitted",
        started_at: `${year}-11-01T02:00:00.000Z`,
        submitted_at: options.status === "in_progress" ? null : `${year}-12-01T02:00:00.000Z`,
        updated_at: `${year}-12-01T02:00:00.000Z`,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (subject === "unit") return;
    const items = criteria.map((criterion, at) => ({
      assessment_id: row.id,
      item_key: criterionKey(criterion.id),
      data: JSON.stringify(
        options.notMet && at === 0
          ? { met: false, account: null }
          : { met: true, account: "Có", filesDone: true },
      ),
      updated_at: AT,
    }));
    const first = campaign.reformAreas[0];
    if (options.area && first)
      items.push({
        assessment_id: row.id,
        item_key: areaKey(first.id),
        data: JSON.stringify({ text: options.area }),
        updated_at: AT,
      });
    await db.insertInto("assessment_items").values(items).execute();
  };
  await assess(2026, "individual", 101, hctp, { area: "Rà soát 12 văn bản" });
  await assess(2026, "individual", 102, hctp, { notMet: true });
  await assess(2026, "individual", 103, hctp, { status: "in_progress" });
  await assess(2026, "individual", 201, ttra);
  await assess(2026, "individual", 104, hctp);
  await assess(2025, "individual", 101, hctp);
  await assess(2025, "individual", 201, ttra);
  await assess(2025, "individual", 202, ttra, { notMet: true });
  await assess(2024, "individual", 202, ttra, { notMet: true });
  await assess(2023, "individual", 102, hctp);
  for (const id of [101, 102, 103]) await assess(2022, "individual", id, hctp);
  await assess(2026, "unit", hctp, hctp);
  await assess(2025, "unit", hctp, hctp);

  const nominate = async (
    year: number,
    unitId: number,
    formId: string,
    nominee: { kind: "individual" | "collective"; id: number; name: string },
    status: NominationStatus,
  ) =>
    db
      .insertInto("nominations")
      .values({
        round_year: year,
        unit_id: unitId,
        form_id: formId,
        nominee_kind: nominee.kind,
        nominee_id: nominee.id,
        nominee_name: nominee.name,
        eligible: 1,
        result_summary: "{}",
        reason: null,
        status,
        created_by: 1,
        created_at: AT,
        updated_at: AT,
      })
      .execute();
  await nominate(2026, hctp, GK, { kind: "individual", id: 101, name: "Nguyễn Thị Ánh" }, "awarded");
  await nominate(
    2026,
    hctp,
    GK,
    { kind: "collective", id: hctp, name: "Phòng Hành chính tư pháp" },
    "submitted",
  );
  await nominate(2026, ttra, BKT, { kind: "individual", id: 201, name: "Phạm Văn Dũng" }, "under_review");
  await nominate(2026, ttra, GK, { kind: "individual", id: 202, name: "Hoàng Thị Giang" }, "draft");
  await nominate(2026, ttra, BKTTG, { kind: "individual", id: 104, name: "Vũ Văn Hải" }, "withdrawn");
  await nominate(2025, ttra, GK, { kind: "individual", id: 202, name: "Hoàng Thị Giang" }, "awarded");
  await nominate(2022, hctp, BKTTG, { kind: "individual", id: 101, name: "Nguyễn Thị Ánh" }, "awarded");
  return { units: { hctp, ttra, trong } };
}
