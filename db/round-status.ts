import { reportKey } from "../src/domain/nominations.js";
import type { Progress, UnitRoundFacts, UnitRoundSummary } from "../src/domain/unit-status.js";
import { teamsStatus } from "./assessments.js";
import type { DB } from "./connection.js";
import { firstNotSubmitted, peopleCounts } from "./round-people.js";

export interface UnitRow {
  id: number;
  code: string;
  name: string;
}

/** What a unit has done in a round besides its people's own assessments. */
export type UnitRecords = Omit<UnitRoundFacts, "people">;

async function activeUnits(db: DB, only?: number | readonly number[]): Promise<UnitRow[]> {
  let unitQuery = db.selectFrom("units").select(["id", "code", "name"]).where("archived_at", "is", null);
  if (typeof only === "number") unitQuery = unitQuery.where("id", "=", only);
  else if (only !== undefined) unitQuery = unitQuery.where("id", "in", [...only]);
  return unitQuery.orderBy("code").execute();
}

const progress = (status: "in_progress" | "submitted" | null | undefined): Progress =>
  status ?? "not_started";

/**
 * Each unit's own assessment, nominations, uploaded documents and dossier in the round: a few rows a unit.
 * Without `unitIds`, the whole round's (rows of units not asked about are dropped by the caller).
 */
async function unitRecords(
  db: DB,
  year: number,
  units: readonly UnitRow[],
  unitIds?: readonly number[],
): Promise<Map<number, UnitRecords>> {
  const [unitAssessments, nominations, files, dossiers] = await Promise.all([
    db
      .selectFrom("assessments")
      .select(["subject_id", "status"])
      .where("subject", "=", "unit")
      .where("round_year", "=", year)
      .$if(unitIds !== undefined, (q) => q.where("subject_id", "in", [...(unitIds ?? [])]))
      .execute(),
    db
      .selectFrom("nominations")
      .select(["id", "unit_id", "form_id", "nominee_kind", "nominee_name", "status"])
      .where("round_year", "=", year)
      .$if(unitIds !== undefined, (q) => q.where("unit_id", "in", [...(unitIds ?? [])]))
      .orderBy("id")
      .execute(),
    db
      .selectFrom("dossier_file_versions")
      .select(["unit_id", "document_id", "document_key"])
      .distinct()
      .where("round_year", "=", year)
      .$if(unitIds !== undefined, (q) => q.where("unit_id", "in", [...(unitIds ?? [])]))
      .execute(),
    db
      .selectFrom("dossiers")
      .select(["unit_id", "status", "late", "return_reason"])
      .where("round_year", "=", year)
      .$if(unitIds !== undefined, (q) => q.where("unit_id", "in", [...(unitIds ?? [])]))
      .execute(),
  ]);
  const ownOf = new Map(unitAssessments.map((row) => [row.subject_id, row.status]));
  const nominationsOf = groupBy(nominations, (row) => row.unit_id);
  const filesOf = groupBy(files, (row) => row.unit_id);
  const dossierOf = new Map(dossiers.map((row) => [row.unit_id, row]));
  return new Map(
    units.map((unit) => {
      const dossier = dossierOf.get(unit.id);
      const records: UnitRecords = {
        unitAssessment: progress(ownOf.get(unit.id)),
        nominations: (nominationsOf.get(unit.id) ?? []).map((row) => ({
          formId: row.form_id,
          nomineeKind: row.nominee_kind,
          reportKey: reportKey(row.id),
          nomineeName: row.nominee_name,
          status: row.status,
        })),
        uploaded: (filesOf.get(unit.id) ?? []).map((row) => ({
          documentId: row.document_id,
          documentKey: row.document_key === "" ? null : row.document_key,
        })),
        dossier: dossier
          ? { status: dossier.status, late: dossier.late === 1, returnReason: dossier.return_reason }
          : null,
      };
      return [unit.id, records];
    }),
  );
}

/**
 * Each active unit (or one, or some) with everything its round status is made of, every person listed: for
 * one unit's /status and for the reminders, which name each person.
 */
export async function loadRoundFacts(
  db: DB,
  year: number,
  only?: number | readonly number[],
): Promise<Array<{ unit: UnitRow; facts: UnitRoundFacts }>> {
  const units = await activeUnits(db, only);
  if (units.length === 0) return [];
  const unitIds = units.map((unit) => unit.id);
  const [people, records] = await Promise.all([
    teamsStatus(db, year, unitIds),
    unitRecords(db, year, units, unitIds),
  ]);
  // Grouped once: filtering 50,000 people once per unit was 200 passes over all of them.
  const peopleOf = groupBy(people, (person) => person.unit_id);
  return units.map((unit) => ({
    unit,
    facts: {
      people: (peopleOf.get(unit.id) ?? []).map((person) => ({
        telegramId: person.telegram_id,
        fullName: person.full_name,
        assessment: progress(person.status),
      })),
      ...requireRecords(records, unit.id),
    },
  }));
}

/**
 * Each active unit of `only` with its own assessment, nominations, documents and dossier in the round, without
 * its people: for the reminders, which read the people with what they need of them.
 */
export async function loadUnitRecords(
  db: DB,
  year: number,
  only: readonly number[],
): Promise<Array<{ unit: UnitRow; records: UnitRecords }>> {
  const units = await activeUnits(db, only);
  if (units.length === 0) return [];
  const records = await unitRecords(
    db,
    year,
    units,
    units.map((unit) => unit.id),
  );
  return units.map((unit) => ({ unit, records: requireRecords(records, unit.id) }));
}

/**
 * Every active unit with its people counted in the database (each in their current unit) and, of those who
 * have not submitted, only the first `namesPerUnit` by name (none if 0): /status and /pending over every unit.
 */
export async function loadRoundSummaries(
  db: DB,
  year: number,
  namesPerUnit: number,
): Promise<Array<{ unit: UnitRow; facts: UnitRoundSummary }>> {
  const units = await activeUnits(db);
  if (units.length === 0) return [];
  const [counts, names, records] = await Promise.all([
    peopleCounts(db, year),
    namesPerUnit > 0 ? firstNotSubmitted(db, year, namesPerUnit) : [],
    unitRecords(db, year, units),
  ]);
  const namesOf = groupBy(names, (row) => row.unit_id);
  return units.map((unit) => {
    const count = counts.get(unit.id);
    return {
      unit,
      facts: {
        people: {
          total: count?.total ?? 0,
          submitted: count?.submitted ?? 0,
          notSubmitted: (namesOf.get(unit.id) ?? []).map((row) => ({
            telegramId: row.telegram_id,
            fullName: row.full_name,
          })),
        },
        ...requireRecords(records, unit.id),
      },
    };
  });
}

function requireRecords(records: Map<number, UnitRecords>, unitId: number): UnitRecords {
  const found = records.get(unitId);
  if (!found) throw new Error(`no records read for unit ${unitId}`);
  return found;
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
