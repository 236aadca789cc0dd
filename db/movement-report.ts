import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect, sql } from "kysely";
import type { DB } from "./connection.js";
import type { Database } from "./schema.js";

/** The file the database lives in; undefined for an in-memory one. */
export async function databaseFile(db: DB): Promise<string | undefined> {
  const main = await sql<{ file: string }>`SELECT file FROM pragma_database_list WHERE name = 'main'`.execute(
    db,
  );
  const file = main.rows[0]?.file;
  return file ? file : undefined;
}

/** A read-only connection of its own, for a worker thread that counts while the bot's connection answers. */
export function openReadOnly(path: string): DB {
  const sqlite = new SQLite(path, { readonly: true, fileMustExist: true });
  sqlite.pragma("busy_timeout = 5000");
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}

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

/** Per year and unit, the self-assessments sent, each in its person's current unit: the index alone answers. */
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

export interface AssessmentFigures {
  /** Self-assessments sent. */
  sent: YearUnitCount[];
  /** Of them, those meeting every criterion of `criterionKeys`. */
  allMet: YearUnitCount[];
  /** Of them, those meeting each criterion. */
  criteriaMet: Array<YearUnitCount & { itemKey: string }>;
  /** Of them, those giving an account (non-empty) of each reform area of `areaKeys`. */
  areas: Array<YearUnitCount & { itemKey: string }>;
}

/**
 * Per year and unit, the self-assessments sent, and how many meet each criterion, every criterion, and give an
 * account of each reform area, each assessment counted in its person's current unit. One pass over the sent
 * assessments' answers: each answer is read once (its JSON parsed once) into one bit of its assessment's mask
 * (bit i: the i-th key met, or answered), then SQLite counts the assessments per year, unit and mask, a few
 * hundred rows that are summed up here.
 */
export async function assessmentFigures(
  db: DB,
  from: number,
  to: number,
  criterionKeys: readonly string[],
  areaKeys: readonly string[],
): Promise<AssessmentFigures> {
  const keys = [...criterionKeys, ...areaKeys];
  // The mask comes back as a JavaScript number: exact up to 53 bits.
  if (keys.length > 53) throw new Error("more criteria and reform areas than a mask holds");
  const figures: AssessmentFigures = { sent: [], allMet: [], criteriaMet: [], areas: [] };
  if (keys.length === 0) return figures;
  const bit = sql.join(
    keys.map((key, at) => sql`when ${key} then ${sql.lit(at)}`),
    sql` `,
  );
  // A criterion's answer counts when met; a reform area's when its account is not empty.
  const hit = sql<number>`case when assessment_items.item_key in (${sql.join(criterionKeys.length ? [...criterionKeys] : [""])})
    then json_extract(assessment_items.data, '$.met') = 1
    else trim(coalesce(json_extract(assessment_items.data, '$.text'), '')) != '' end`;
  const perAssessment = db
    .selectFrom("assessments")
    .innerJoin("users", "users.telegram_id", "assessments.subject_id")
    .leftJoin("assessment_items", (join) =>
      join
        .onRef("assessment_items.assessment_id", "=", "assessments.id")
        .on("assessment_items.item_key", "in", keys),
    )
    .select([
      "assessments.round_year",
      "users.unit_id",
      sql<number>`coalesce(sum(${hit} << (case assessment_items.item_key ${bit} end)), 0)`.as("mask"),
    ])
    .where("assessments.subject", "=", "individual")
    .where("assessments.status", "=", "submitted")
    .where("assessments.round_year", ">=", from)
    .where("assessments.round_year", "<=", to)
    .groupBy("assessments.id")
    .as("per");
  const rows = await db
    .selectFrom(perAssessment)
    .select((eb) => ["per.round_year", "per.unit_id", "per.mask", eb.fn.countAll<number>().as("count")])
    .groupBy(["per.round_year", "per.unit_id", "per.mask"])
    .execute();
  const allCriteria = (1n << BigInt(criterionKeys.length)) - 1n;
  const tally = new Map<
    string,
    { year: number; unitId: number; sent: number; allMet: number; hits: number[] }
  >();
  for (const row of rows) {
    const key = `${row.round_year}:${row.unit_id}`;
    let entry = tally.get(key);
    if (!entry) {
      entry = { year: row.round_year, unitId: row.unit_id, sent: 0, allMet: 0, hits: keys.map(() => 0) };
      tally.set(key, entry);
    }
    const mask = BigInt(row.mask);
    const count = Number(row.count);
    entry.sent += count;
    if (criterionKeys.length > 0 && (mask & allCriteria) === allCriteria) entry.allMet += count;
    for (const at of keys.keys())
      if ((mask >> BigInt(at)) & 1n) entry.hits[at] = (entry.hits[at] ?? 0) + count;
  }
  for (const { year, unitId, sent, allMet, hits } of tally.values()) {
    figures.sent.push({ year, unitId, count: sent });
    if (criterionKeys.length > 0) figures.allMet.push({ year, unitId, count: allMet });
    for (const [at, itemKey] of criterionKeys.entries())
      figures.criteriaMet.push({ year, unitId, itemKey, count: hits[at] ?? 0 });
    for (const [at, itemKey] of areaKeys.entries())
      figures.areas.push({ year, unitId, itemKey, count: hits[criterionKeys.length + at] ?? 0 });
  }
  return figures;
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
