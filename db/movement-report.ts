import { sql } from "kysely";
import type { DB } from "./connection.js";

/**
 * The figures of the Báo cáo sơ kết / tổng kết, each counted by SQLite with GROUP BY: no person is read into
 * JavaScript. A person is counted in the unit they are in now (`users.unit_id`), not the one an assessment or a
 * nomination was made in; someone who has left (erased their data) is counted nowhere.
 */

export interface ReportUnit {
  id: number;
  code: string;
  name: string;
}

/** The units the report lists: those not dissolved, and any dissolved one that still has people. */
export async function reportUnits(db: DB): Promise<ReportUnit[]> {
  return db
    .selectFrom("units")
    .select(["units.id", "units.code", "units.name"])
    .where((eb) =>
      eb.or([
        eb("units.archived_at", "is", null),
        eb.exists(eb.selectFrom("users").select("users.unit_id").whereRef("users.unit_id", "=", "units.id")),
      ]),
    )
    .orderBy("units.code")
    .orderBy("units.id")
    .execute();
}

/** Per unit, how many people are registered in it now. */
export async function peoplePerUnit(db: DB): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom("users")
    .select((eb) => ["users.unit_id", eb.fn.countAll<number>().as("people")])
    .groupBy("users.unit_id")
    .execute();
  return new Map(rows.map((row) => [row.unit_id, Number(row.people)]));
}

export interface YearUnitCount {
  year: number;
  unitId: number;
  count: number;
}

/** Per year and unit, the self-assessments sent (submitted), each in its person's current unit. */
export async function assessmentsSent(db: DB, from: number, to: number): Promise<YearUnitCount[]> {
  const rows = await db
    .selectFrom("assessments")
    .innerJoin("users", "users.telegram_id", "assessments.subject_id")
    .select((eb) => ["assessments.round_year", "users.unit_id", eb.fn.countAll<number>().as("count")])
    .where("assessments.subject", "=", "individual")
    .where("assessments.status", "=", "submitted")
    .where("assessments.round_year", ">=", from)
    .where("assessments.round_year", "<=", to)
    .groupBy(["assessments.round_year", "users.unit_id"])
    .execute();
  return rows.map((row) => ({ year: row.round_year, unitId: row.unit_id, count: Number(row.count) }));
}

/** Per year, unit and criterion, how many sent self-assessments meet it (`met` true in the stored answer). */
export async function criteriaMet(
  db: DB,
  from: number,
  to: number,
  criterionKeys: readonly string[],
): Promise<Array<YearUnitCount & { itemKey: string }>> {
  if (criterionKeys.length === 0) return [];
  const rows = await db
    .selectFrom("assessment_items")
    .innerJoin("assessments", "assessments.id", "assessment_items.assessment_id")
    .innerJoin("users", "users.telegram_id", "assessments.subject_id")
    .select((eb) => [
      "assessments.round_year",
      "users.unit_id",
      "assessment_items.item_key",
      eb.fn.countAll<number>().as("count"),
    ])
    .where("assessments.subject", "=", "individual")
    .where("assessments.status", "=", "submitted")
    .where("assessments.round_year", ">=", from)
    .where("assessments.round_year", "<=", to)
    .where("assessment_items.item_key", "in", [...criterionKeys])
    .where(sql<number>`json_extract(assessment_items.data, '$.met')`, "=", 1)
    .groupBy(["assessments.round_year", "users.unit_id", "assessment_items.item_key"])
    .execute();
  return rows.map((row) => ({
    year: row.round_year,
    unitId: row.unit_id,
    itemKey: row.item_key,
    count: Number(row.count),
  }));
}

/** Per year and unit, how many sent self-assessments meet every one of `criterionKeys`. */
export async function allCriteriaMetCounts(
  db: DB,
  from: number,
  to: number,
  criterionKeys: readonly string[],
): Promise<YearUnitCount[]> {
  if (criterionKeys.length === 0) return [];
  const fullyMet = db
    .selectFrom("assessment_items")
    .innerJoin("assessments", "assessments.id", "assessment_items.assessment_id")
    .select(["assessments.id", "assessments.round_year", "assessments.subject_id"])
    .where("assessments.subject", "=", "individual")
    .where("assessments.status", "=", "submitted")
    .where("assessments.round_year", ">=", from)
    .where("assessments.round_year", "<=", to)
    .where("assessment_items.item_key", "in", [...criterionKeys])
    .where(sql<number>`json_extract(assessment_items.data, '$.met')`, "=", 1)
    .groupBy("assessments.id")
    .having((eb) => eb.fn.countAll(), "=", criterionKeys.length)
    .as("met");
  const rows = await db
    .selectFrom(fullyMet)
    .innerJoin("users", "users.telegram_id", "met.subject_id")
    .select((eb) => ["met.round_year", "users.unit_id", eb.fn.countAll<number>().as("count")])
    .groupBy(["met.round_year", "users.unit_id"])
    .execute();
  return rows.map((row) => ({ year: row.round_year, unitId: row.unit_id, count: Number(row.count) }));
}

/** Per year and reform area, how many sent self-assessments give an account of it (non-empty). */
export async function areaAccounts(
  db: DB,
  from: number,
  to: number,
  areaKeys: readonly string[],
): Promise<Array<{ year: number; itemKey: string; count: number }>> {
  if (areaKeys.length === 0) return [];
  const rows = await db
    .selectFrom("assessment_items")
    .innerJoin("assessments", "assessments.id", "assessment_items.assessment_id")
    .innerJoin("users", "users.telegram_id", "assessments.subject_id")
    .select((eb) => [
      "assessments.round_year",
      "assessment_items.item_key",
      eb.fn.countAll<number>().as("count"),
    ])
    .where("assessments.subject", "=", "individual")
    .where("assessments.status", "=", "submitted")
    .where("assessments.round_year", ">=", from)
    .where("assessments.round_year", "<=", to)
    .where("assessment_items.item_key", "in", [...areaKeys])
    .where(sql<string>`trim(coalesce(json_extract(assessment_items.data, '$.text'), ''))`, "!=", "")
    .groupBy(["assessments.round_year", "assessment_items.item_key"])
    .execute();
  return rows.map((row) => ({ year: row.round_year, itemKey: row.item_key, count: Number(row.count) }));
}

/** Per year, how many units sent their own (collective) assessment. */
export async function unitAssessmentsSent(
  db: DB,
  from: number,
  to: number,
): Promise<Array<{ year: number; count: number }>> {
  const rows = await db
    .selectFrom("assessments")
    .select((eb) => ["assessments.round_year", eb.fn.countAll<number>().as("count")])
    .where("assessments.subject", "=", "unit")
    .where("assessments.status", "=", "submitted")
    .where("assessments.round_year", ">=", from)
    .where("assessments.round_year", "<=", to)
    .groupBy("assessments.round_year")
    .execute();
  return rows.map((row) => ({ year: row.round_year, count: Number(row.count) }));
}

export interface NominationCount extends YearUnitCount {
  formId: string;
  nomineeKind: "individual" | "collective";
  /** Of `count`, how many stand awarded. */
  awarded: number;
}

/**
 * Per year, unit, award form and kind of nominee: the nominations sent (neither a draft nor withdrawn) and how
 * many of them stand awarded. A person's nomination counts in the unit they are in now.
 */
export async function nominationCounts(db: DB, from: number, to: number): Promise<NominationCount[]> {
  const rows = await db
    .selectFrom("nominations")
    .leftJoin("users", (join) =>
      join
        .onRef("users.telegram_id", "=", "nominations.nominee_id")
        .on("nominations.nominee_kind", "=", "individual"),
    )
    .select((eb) => [
      "nominations.round_year",
      eb.fn.coalesce("users.unit_id", "nominations.unit_id").as("current_unit_id"),
      "nominations.form_id",
      "nominations.nominee_kind",
      eb.fn.countAll<number>().as("count"),
      eb.fn
        .sum<number>(eb.case().when("nominations.status", "=", "awarded").then(1).else(0).end())
        .as("awarded"),
    ])
    .where("nominations.round_year", ">=", from)
    .where("nominations.round_year", "<=", to)
    .where("nominations.status", "not in", ["draft", "withdrawn"])
    .groupBy(["nominations.round_year", "current_unit_id", "nominations.form_id", "nominations.nominee_kind"])
    .execute();
  return rows.map((row) => ({
    year: row.round_year,
    unitId: Number(row.current_unit_id),
    formId: row.form_id,
    nomineeKind: row.nominee_kind,
    count: Number(row.count),
    awarded: Number(row.awarded),
  }));
}
