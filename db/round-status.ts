import { reportKey } from "../src/domain/nominations.js";
import type { Progress, UnitRoundFacts } from "../src/domain/unit-status.js";
import { teamsStatus } from "./assessments.js";
import type { DB } from "./connection.js";

export interface UnitRow {
  id: number;
  code: string;
  name: string;
}

/** Each active unit (or one, or some) with everything its round status is made of. */
export async function loadRoundFacts(
  db: DB,
  year: number,
  only?: number | readonly number[],
): Promise<Array<{ unit: UnitRow; facts: UnitRoundFacts }>> {
  let unitQuery = db.selectFrom("units").select(["id", "code", "name"]).where("archived_at", "is", null);
  if (typeof only === "number") unitQuery = unitQuery.where("id", "=", only);
  else if (only !== undefined) unitQuery = unitQuery.where("id", "in", [...only]);
  const units = await unitQuery.orderBy("code").execute();
  if (units.length === 0) return [];
  const unitIds = units.map((unit) => unit.id);
  const [people, unitAssessments, nominations, files, dossiers] = await Promise.all([
    teamsStatus(db, year, unitIds),
    db
      .selectFrom("assessments")
      .select(["subject_id", "status"])
      .where("subject", "=", "unit")
      .where("round_year", "=", year)
      .where("subject_id", "in", unitIds)
      .execute(),
    db
      .selectFrom("nominations")
      .select(["id", "unit_id", "form_id", "nominee_kind", "nominee_name", "status"])
      .where("round_year", "=", year)
      .where("unit_id", "in", unitIds)
      .orderBy("id")
      .execute(),
    db
      .selectFrom("dossier_file_versions")
      .select(["unit_id", "document_id", "document_key"])
      .distinct()
      .where("round_year", "=", year)
      .where("unit_id", "in", unitIds)
      .execute(),
    db
      .selectFrom("dossiers")
      .select(["unit_id", "status", "late", "return_reason"])
      .where("round_year", "=", year)
      .where("unit_id", "in", unitIds)
      .execute(),
  ]);
  const progress = (status: "in_progress" | "submitted" | null | undefined): Progress =>
    status ?? "not_started";
  // Grouped once: filtering 50,000 people once per unit was 200 passes over all of them.
  const peopleOf = groupBy(people, (person) => person.unit_id);
  return units.map((unit) => {
    const dossier = dossiers.find((row) => row.unit_id === unit.id);
    return {
      unit,
      facts: {
        people: (peopleOf.get(unit.id) ?? []).map((person) => ({
          telegramId: person.telegram_id,
          fullName: person.full_name,
          assessment: progress(person.status),
        })),
        unitAssessment: progress(unitAssessments.find((row) => row.subject_id === unit.id)?.status),
        nominations: nominations
          .filter((row) => row.unit_id === unit.id)
          .map((row) => ({
            formId: row.form_id,
            nomineeKind: row.nominee_kind,
            reportKey: reportKey(row.id),
            nomineeName: row.nominee_name,
            status: row.status,
          })),
        uploaded: files
          .filter((row) => row.unit_id === unit.id)
          .map((row) => ({
            documentId: row.document_id,
            documentKey: row.document_key === "" ? null : row.document_key,
          })),
        dossier: dossier
          ? { status: dossier.status, late: dossier.late === 1, returnReason: dossier.return_reason }
          : null,
      },
    };
  });
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
