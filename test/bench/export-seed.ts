import type { Insertable } from "kysely";
import type { DB } from "../../db/connection.js";
import type {
  AssessmentItemTable,
  AssessmentTable,
  NominationHistoryTable,
  NominationTable,
} from "../../db/schema.js";
import { loadCampaign } from "../../src/campaign/load.js";
import type { Criterion } from "../../src/campaign/schema.js";
import { areaKey, type CriterionAnswer, criterionKey } from "../../src/domain/assessment.js";

const AT = "2026-11-01T00:00:00.000Z";
const SUBMITTED = "2026-12-20T03:00:00.000Z";
const CHUNK = 500;
const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Đặng", "Bùi", "Đỗ", "Vũ", "Ngô"];
const MIDDLE = ["Văn", "Thị", "Minh", "Thu", "Đức", "Ngọc"];
const GIVEN = ["An", "Bình", "Cường", "Dung", "Đạt", "Giang", "Hà", "Khánh", "Lan", "Minh", "Nam", "Yến"];

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/** A full answer to a criterion, as the flow stores it, with evidence of a realistic length. */
function answerTo(criterion: Criterion, n: number): CriterionAnswer {
  const evidence = criterion.evidence;
  switch (evidence.kind) {
    case "rating":
      return { rating: evidence.levels[n % evidence.levels.length]?.id ?? "", met: true };
    case "initiative":
      return {
        met: true,
        decisionNumber: `${100 + (n % 900)}/QĐ-STP`,
        decisionDate: "2026-10-15",
        council: evidence.councils[n % evidence.councils.length]?.id ?? "",
        filesDone: true,
      };
    case "account":
      return {
        met: true,
        account: `Thực hiện nghiêm túc, đầy đủ nhiệm vụ được giao trong năm; kết quả cụ thể số ${n}.`,
        filesDone: true,
      };
  }
}

/**
 * One transaction of multi-row inserts: the round, `units` units of `perUnit` people (one head each), every
 * person's and unit's assessment submitted with every criterion and reform area answered, and three
 * nominations a unit (the unit, its head and one person) sent to the Office, some of them returned.
 */
export async function seedExportDatabase(
  db: DB,
  { units, perUnit, year }: { units: number; perUnit: number; year: number },
): Promise<void> {
  const campaign = loadCampaign();
  const people = units * perUnit;
  const items = (assessmentId: number, criteria: Criterion[], n: number) => [
    ...criteria.map((criterion) => ({
      assessment_id: assessmentId,
      item_key: criterionKey(criterion.id),
      data: JSON.stringify(answerTo(criterion, n)),
      updated_at: AT,
    })),
    ...campaign.reformAreas.map((area) => ({
      assessment_id: assessmentId,
      item_key: areaKey(area.id),
      data: JSON.stringify({ text: `Kết quả ${area.id}: rà soát ${n % 40} văn bản, đơn giản hóa thủ tục.` }),
      updated_at: AT,
    })),
  ];
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("rounds")
      .values({
        year,
        campaign_id: campaign.id,
        status: "open",
        deadline_at: "2027-01-04T17:00:00.000Z",
        opened_at: AT,
        opened_by: 1,
      })
      .execute();
    const unitRows = Array.from({ length: units }, (_, u) => ({
      id: u + 1,
      code: `DV${String(u + 1).padStart(3, "0")}`,
      name: `Phòng nghiệp vụ số ${u + 1}`,
      created_at: AT,
    }));
    await insertChunked(unitRows, (chunk) => trx.insertInto("units").values(chunk).execute());
    const userRows = Array.from({ length: people }, (_, i) => ({
      telegram_id: 10_000_000 + i,
      full_name: `${FAMILY[i % 10]} ${MIDDLE[(i >> 3) % 6]} ${GIVEN[(i * 7) % 12]} ${i}`,
      position: "Chuyên viên",
      unit_id: Math.floor(i / perUnit) + 1,
      role: i % perUnit === 0 ? ("unit_head" as const) : ("employee" as const),
      consented_at: AT,
      created_at: AT,
      updated_at: AT,
    }));
    await insertChunked(userRows, (chunk) => trx.insertInto("users").values(chunk).execute());

    // People's assessments have ids 1..people, units' own follow.
    const assessment = (id: number, subject: "individual" | "unit", subjectId: number, unitId: number) => ({
      id,
      round_year: year,
      subject,
      subject_id: subjectId,
      unit_id: unitId,
      status: "submitted" as const,
      started_at: AT,
      submitted_at: SUBMITTED,
      updated_at: SUBMITTED,
    });
    const assessments: Insertable<AssessmentTable>[] = [
      ...userRows.map((user, i) => assessment(i + 1, "individual", user.telegram_id, user.unit_id)),
      ...unitRows.map((unit) => assessment(people + unit.id, "unit", unit.id, unit.id)),
    ];
    await insertChunked(assessments, (chunk) => trx.insertInto("assessments").values(chunk).execute());
    // Item by item, a chunk of people at a time, so that the seeding itself stays small.
    for (let i = 0; i < people; i += CHUNK) {
      const rows: Insertable<AssessmentItemTable>[] = [];
      for (let n = i; n < Math.min(people, i + CHUNK); n++)
        rows.push(...items(n + 1, campaign.criteria.individual, n));
      await insertChunked(rows, (chunk) => trx.insertInto("assessment_items").values(chunk).execute());
    }
    const unitItems = unitRows.flatMap((unit) =>
      items(people + unit.id, campaign.criteria.collective, unit.id),
    );
    await insertChunked(unitItems, (chunk) => trx.insertInto("assessment_items").values(chunk).execute());

    const forms = campaign.awardForms.map((form) => form.id);
    const nominations: Insertable<NominationTable>[] = unitRows.flatMap((unit) => {
      const head = userRows[(unit.id - 1) * perUnit];
      const person = userRows[(unit.id - 1) * perUnit + 1];
      const nomination = (n: number, kind: "individual" | "collective", id: number, name: string) => ({
        id: (unit.id - 1) * 3 + n + 1,
        round_year: year,
        unit_id: unit.id,
        form_id: forms[n % forms.length] ?? "",
        nominee_kind: kind,
        nominee_id: id,
        nominee_name: name,
        eligible: n === 2 ? 0 : 1,
        result_summary: JSON.stringify({ met: 6, total: 6, progress: "submitted" }),
        reason: n === 2 ? "Có nhiều đóng góp nổi bật trong năm" : null,
        status: unit.id % 4 === 0 && n === 1 ? ("returned" as const) : ("submitted" as const),
        created_by: head?.telegram_id ?? 0,
        created_at: AT,
        updated_at: SUBMITTED,
      });
      return [
        nomination(0, "collective", unit.id, unit.name),
        nomination(1, "individual", head?.telegram_id ?? 0, head?.full_name ?? ""),
        nomination(2, "individual", person?.telegram_id ?? 0, person?.full_name ?? ""),
      ];
    });
    await insertChunked(nominations, (chunk) => trx.insertInto("nominations").values(chunk).execute());
    const history: Insertable<NominationHistoryTable>[] = nominations.flatMap((n) => [
      {
        nomination_id: n.id ?? 0,
        from_status: null,
        to_status: "draft",
        by: n.created_by,
        by_role: "unit_head",
        reason: n.reason ?? null,
        at: AT,
      },
      {
        nomination_id: n.id ?? 0,
        from_status: "draft",
        to_status: "submitted",
        by: n.created_by,
        by_role: "unit_head",
        at: SUBMITTED,
      },
      ...(n.status === "returned"
        ? [
            {
              nomination_id: n.id ?? 0,
              from_status: "submitted" as const,
              to_status: "returned" as const,
              by: 1,
              by_role: "office" as const,
              reason: "Thiếu báo cáo thành tích, đề nghị bổ sung",
              at: "2026-12-28T03:00:00.000Z",
            },
          ]
        : []),
    ]);
    await insertChunked(history, (chunk) => trx.insertInto("nomination_history").values(chunk).execute());
  });
}
