import type { Answers, AreaAnswer, CriterionAnswer, Subject } from "../src/domain/assessment.js";
import { atomically, type DB } from "./connection.js";
import { precompile } from "./precompiled.js";
import type { Assessment, AssessmentFile } from "./schema.js";

export interface AssessmentRef {
  year: number;
  subject: Subject;
  subjectId: number;
}

const assessmentOf = precompile((db: DB, year: number, subject: Subject, subjectId: number) =>
  db
    .selectFrom("assessments")
    .selectAll()
    .where("round_year", "=", year)
    .where("subject", "=", subject)
    .where("subject_id", "=", subjectId),
);

export async function findAssessment(db: DB, ref: AssessmentRef): Promise<Assessment | undefined> {
  return assessmentOf.first(db, ref.year, ref.subject, ref.subjectId);
}

/** The subject's assessment for the round, created (in progress) on first use. */
export async function ensureAssessment(
  db: DB,
  ref: AssessmentRef & { unitId: number },
  now: Date,
): Promise<Assessment> {
  const at = now.toISOString();
  await db
    .insertInto("assessments")
    .values({
      round_year: ref.year,
      subject: ref.subject,
      subject_id: ref.subjectId,
      unit_id: ref.unitId,
      status: "in_progress",
      started_at: at,
      updated_at: at,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const assessment = await findAssessment(db, ref);
  if (!assessment) throw new Error("assessment vanished right after it was created");
  return assessment;
}

export async function findAssessmentById(db: DB, id: number): Promise<Assessment | undefined> {
  return db.selectFrom("assessments").selectAll().where("id", "=", id).executeTakeFirst();
}

function addAnswer(answers: Answers, itemKey: string, data: string): void {
  const [kind, id = ""] = [itemKey.slice(0, 1), itemKey.slice(2)];
  if (kind === "c") answers.criteria[id] = JSON.parse(data) as CriterionAnswer;
  else if (kind === "a") answers.areas[id] = JSON.parse(data) as AreaAnswer;
}

const itemsOf = precompile((db: DB, assessmentId: number) =>
  db.selectFrom("assessment_items").select(["item_key", "data"]).where("assessment_id", "=", assessmentId),
);

export async function loadAnswers(db: DB, assessmentId: number): Promise<Answers> {
  const rows = await itemsOf.rows(db, assessmentId);
  const answers: Answers = { criteria: {}, areas: {} };
  for (const row of rows) addAnswer(answers, row.item_key, row.data);
  return answers;
}

/**
 * The answers of many assessments in one query, by assessment id (an assessment without any answer is left
 * out). The caller passes the ids a chunk at a time (say a thousand), so that the query stays small.
 */
export async function loadAnswersOf(db: DB, assessmentIds: readonly number[]): Promise<Map<number, Answers>> {
  const byAssessment = new Map<number, Answers>();
  if (assessmentIds.length === 0) return byAssessment;
  const rows = await db
    .selectFrom("assessment_items")
    .select(["assessment_id", "item_key", "data"])
    .where("assessment_id", "in", assessmentIds)
    .execute();
  for (const row of rows) {
    let answers = byAssessment.get(row.assessment_id);
    if (!answers) {
      answers = { criteria: {}, areas: {} };
      byAssessment.set(row.assessment_id, answers);
    }
    addAnswer(answers, row.item_key, row.data);
  }
  return byAssessment;
}

/** An assessment of the round with its unit and, for a person's, their name and position (none once they erased them). */
export interface RoundAssessment {
  id: number;
  subject: Subject;
  subject_id: number;
  status: Assessment["status"];
  submitted_at: string | null;
  unit_code: string;
  unit_name: string;
  full_name: string | null;
  position: string | null;
}

/** How many assessments of the round each unit has (people's and its own), with the unit's code. */
export async function countRoundAssessments(
  db: DB,
  year: number,
): Promise<Array<{ unit_id: number; unit_code: string; count: number }>> {
  const rows = await db
    .selectFrom("assessments")
    .innerJoin("units", "units.id", "assessments.unit_id")
    .select((eb) => [
      "units.id as unit_id",
      "units.code as unit_code",
      eb.fn.countAll<number | string>().as("count"),
    ])
    .where("assessments.round_year", "=", year)
    .groupBy(["units.id", "units.code"])
    .execute();
  // PostgreSQL returns a count as a string (a bigint).
  return rows.map((row) => ({ ...row, count: Number(row.count) }));
}

/** The assessments of the round in these units, people's and the units' own, in no particular order. */
export async function listRoundAssessments(
  db: DB,
  year: number,
  unitIds: readonly number[],
): Promise<RoundAssessment[]> {
  if (unitIds.length === 0) return [];
  return db
    .selectFrom("assessments")
    .innerJoin("units", "units.id", "assessments.unit_id")
    .leftJoin("users", (join) =>
      join
        .onRef("users.telegram_id", "=", "assessments.subject_id")
        .on("assessments.subject", "=", "individual"),
    )
    .select([
      "assessments.id",
      "assessments.subject",
      "assessments.subject_id",
      "assessments.status",
      "assessments.submitted_at",
      "units.code as unit_code",
      "units.name as unit_name",
      "users.full_name",
      "users.position",
    ])
    .where("assessments.round_year", "=", year)
    .where("assessments.unit_id", "in", unitIds)
    .execute();
}

/** How many evidence files each of these assessments holds (an assessment with none is left out). */
export async function countProofFilesOf(
  db: DB,
  assessmentIds: readonly number[],
): Promise<Map<number, number>> {
  if (assessmentIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("assessment_files")
    .select((eb) => ["assessment_id", eb.fn.countAll<number | string>().as("n")])
    .where("assessment_id", "in", assessmentIds)
    .groupBy("assessment_id")
    .execute();
  // PostgreSQL returns a count as a string (a bigint).
  return new Map(rows.map((row) => [row.assessment_id, Number(row.n)]));
}

const upsertItemQuery = precompile(
  (db: DB, assessmentId: number, itemKey: string, json: string, at: string) =>
    db
      .insertInto("assessment_items")
      .values({ assessment_id: assessmentId, item_key: itemKey, data: json, updated_at: at })
      .onConflict((oc) =>
        oc.columns(["assessment_id", "item_key"]).doUpdateSet({ data: json, updated_at: at }),
      ),
);

async function upsertItem(
  db: DB,
  assessmentId: number,
  itemKey: string,
  data: CriterionAnswer | AreaAnswer,
  at: string,
): Promise<void> {
  await upsertItemQuery.run(db, assessmentId, itemKey, JSON.stringify(data), at);
}

const touchAssessment = precompile((db: DB, assessmentId: number, at: string, updateId: number) =>
  db
    .updateTable("assessments")
    .set({ updated_at: at, last_update_id: updateId })
    .where("id", "=", assessmentId),
);

export async function saveItem(
  db: DB,
  assessmentId: number,
  itemKey: string,
  data: CriterionAnswer | AreaAnswer,
  now: Date,
  updateId: number,
): Promise<void> {
  const at = now.toISOString();
  await atomically(db, async (trx) => {
    await upsertItem(trx, assessmentId, itemKey, data, at);
    await touchAssessment.run(trx, assessmentId, at, updateId);
  });
}

/**
 * Starts changing one answer from the summary: its current value is kept aside (so nothing is lost if the
 * person stops half-way) and the answer is cleared, so that its questions are asked again.
 */
export async function startEdit(
  db: DB,
  assessmentId: number,
  itemKey: string,
  now: Date,
  updateId: number,
): Promise<void> {
  await atomically(db, async (trx) => {
    const current = await trx
      .selectFrom("assessment_items")
      .select("data")
      .where("assessment_id", "=", assessmentId)
      .where("item_key", "=", itemKey)
      .executeTakeFirst();
    await trx
      .updateTable("assessments")
      .set({
        edit_item: itemKey,
        edit_backup: current?.data ?? null,
        updated_at: now.toISOString(),
        last_update_id: updateId,
      })
      .where("id", "=", assessmentId)
      .execute();
    await trx
      .deleteFrom("assessment_items")
      .where("assessment_id", "=", assessmentId)
      .where("item_key", "=", itemKey)
      .execute();
  });
}

/** Ends a change; once the assessment was submitted, the change is kept in its history with its time. */
export async function finishEdit(
  db: DB,
  assessment: Assessment,
  changedBy: number,
  now: Date,
): Promise<void> {
  const itemKey = assessment.edit_item;
  if (!itemKey) return;
  await atomically(db, async (trx) => {
    if (assessment.status === "submitted") {
      const after = await trx
        .selectFrom("assessment_items")
        .select("data")
        .where("assessment_id", "=", assessment.id)
        .where("item_key", "=", itemKey)
        .executeTakeFirst();
      if (after?.data !== assessment.edit_backup) {
        await trx
          .insertInto("assessment_changes")
          .values({
            assessment_id: assessment.id,
            item_key: itemKey,
            before: assessment.edit_backup,
            after: after?.data ?? null,
            changed_by: changedBy,
            changed_at: now.toISOString(),
          })
          .execute();
      }
    }
    await trx
      .updateTable("assessments")
      .set({ edit_item: null, edit_backup: null })
      .where("id", "=", assessment.id)
      .execute();
  });
}

export async function submitAssessment(
  db: DB,
  assessmentId: number,
  now: Date,
  updateId: number,
): Promise<void> {
  const at = now.toISOString();
  await db
    .updateTable("assessments")
    .set((eb) => ({
      status: "submitted",
      submitted_at: eb.fn.coalesce("submitted_at", eb.val(at)),
      updated_at: at,
      last_update_id: updateId,
    }))
    .where("id", "=", assessmentId)
    .execute();
}

export async function countChanges(db: DB, assessmentId: number): Promise<number> {
  const row = await db
    .selectFrom("assessment_changes")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("assessment_id", "=", assessmentId)
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Records the update that last changed the assessment, so that it is not applied twice after a crash. */
function markHandled(db: DB, assessmentId: number, updateId: number) {
  return db
    .updateTable("assessments")
    .set({ last_update_id: updateId })
    .where("id", "=", assessmentId)
    .execute();
}

export async function addProofFile(
  db: DB,
  file: Omit<AssessmentFile, "id" | "added_at">,
  now: Date,
  updateId: number,
): Promise<boolean> {
  return atomically(db, async (trx) => {
    const result = await trx
      .insertInto("assessment_files")
      .values({ ...file, added_at: now.toISOString() })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    await markHandled(trx, file.assessment_id, updateId);
    return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
  });
}

export async function listProofFiles(db: DB, assessmentId: number): Promise<AssessmentFile[]> {
  return db
    .selectFrom("assessment_files")
    .selectAll()
    .where("assessment_id", "=", assessmentId)
    .orderBy("id")
    .execute();
}

export interface TeamMemberStatus {
  telegram_id: number;
  full_name: string;
  role: string;
  status: "in_progress" | "submitted" | null;
}

/** Everyone in the unit with the state of their own assessment for the round (null: not started). */
export async function teamStatus(db: DB, year: number, unitId: number): Promise<TeamMemberStatus[]> {
  return teamsStatus(db, year, [unitId]);
}

/** Everyone in these units, each with their unit and the state of their own assessment for the round. */
export async function teamsStatus(
  db: DB,
  year: number,
  unitIds: readonly number[],
): Promise<Array<TeamMemberStatus & { unit_id: number }>> {
  return peopleWithOwnAssessment(db, year, unitIds)
    .select(["users.telegram_id", "users.full_name", "users.role", "users.unit_id", "assessments.status"])
    .orderBy("users.full_name")
    .execute();
}

/** The people of these units with their own assessment in the round, if any (each in the unit they are in now). */
export function peopleWithOwnAssessment(db: DB, year: number, unitIds: readonly number[]) {
  return db
    .selectFrom("users")
    .leftJoin("assessments", (join) =>
      join
        .onRef("assessments.subject_id", "=", "users.telegram_id")
        .on("assessments.subject", "=", "individual")
        .on("assessments.round_year", "=", year),
    )
    .where("users.unit_id", "in", [...unitIds]);
}

/** Every unit's extension in a round (granted with /reopen), by unit id. */
export async function listExtensions(db: DB, year: number): Promise<Map<number, Date>> {
  const rows = await db
    .selectFrom("round_extensions")
    .select(["unit_id", "until"])
    .where("round_year", "=", year)
    .execute();
  return new Map(rows.map((row) => [row.unit_id, new Date(row.until)]));
}

/** Every extension of a round, with when it was granted. */
export async function roundExtensions(
  db: DB,
  year: number,
): Promise<Array<{ unitId: number; until: Date; grantedAt: Date }>> {
  const rows = await db
    .selectFrom("round_extensions")
    .select(["unit_id", "until", "granted_at"])
    .where("round_year", "=", year)
    .execute();
  return rows.map((row) => ({
    unitId: row.unit_id,
    until: new Date(row.until),
    grantedAt: new Date(row.granted_at),
  }));
}

const extensionOf = precompile((db: DB, year: number, unitId: number) =>
  db
    .selectFrom("round_extensions")
    .select("until")
    .where("round_year", "=", year)
    .where("unit_id", "=", unitId),
);

export async function findExtension(db: DB, year: number, unitId: number): Promise<Date | null> {
  const row = await extensionOf.first(db, year, unitId);
  return row ? new Date(row.until) : null;
}

export async function grantExtension(
  db: DB,
  grant: { year: number; unitId: number; until: Date; grantedBy: number },
  now: Date,
): Promise<void> {
  const values = {
    round_year: grant.year,
    unit_id: grant.unitId,
    until: grant.until.toISOString(),
    granted_by: grant.grantedBy,
    granted_at: now.toISOString(),
  };
  await db
    .insertInto("round_extensions")
    .values(values)
    .onConflict((oc) =>
      oc.columns(["round_year", "unit_id"]).doUpdateSet({
        until: values.until,
        granted_by: values.granted_by,
        granted_at: values.granted_at,
      }),
    )
    .execute();
}

const proofFileCount = precompile((db: DB, assessmentId: number, itemKey: string) =>
  db
    .selectFrom("assessment_files")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("assessment_id", "=", assessmentId)
    .where("item_key", "=", itemKey),
);

export async function countProofFiles(db: DB, assessmentId: number, itemKey: string): Promise<number> {
  return (await proofFileCount.first(db, assessmentId, itemKey))?.n ?? 0;
}

/** A proof file as its question lists it. */
export type ItemFile = Pick<AssessmentFile, "id" | "kind" | "file_name">;

/** The proof files sent for one item, oldest first. */
export async function listItemFiles(db: DB, assessmentId: number, itemKey: string): Promise<ItemFile[]> {
  return db
    .selectFrom("assessment_files")
    .select(["id", "kind", "file_name"])
    .where("assessment_id", "=", assessmentId)
    .where("item_key", "=", itemKey)
    .orderBy("id")
    .execute();
}

/** Removes a proof file of one item (sent by mistake); false if it is not there (removed already). */
export async function removeProofFile(
  db: DB,
  assessmentId: number,
  itemKey: string,
  fileId: number,
  updateId: number,
): Promise<boolean> {
  return atomically(db, async (trx) => {
    const result = await trx
      .deleteFrom("assessment_files")
      .where("id", "=", fileId)
      .where("assessment_id", "=", assessmentId)
      .where("item_key", "=", itemKey)
      .executeTakeFirst();
    await markHandled(trx, assessmentId, updateId);
    return result.numDeletedRows > 0n;
  });
}

/** Puts an item back as `data` (or removes it when there was none) and ends the change that cleared it. */
export async function restoreItem(
  db: DB,
  assessmentId: number,
  itemKey: string,
  data: CriterionAnswer | AreaAnswer | null,
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  await atomically(db, async (trx) => {
    if (data === null) {
      await trx
        .deleteFrom("assessment_items")
        .where("assessment_id", "=", assessmentId)
        .where("item_key", "=", itemKey)
        .execute();
    } else {
      await upsertItem(trx, assessmentId, itemKey, data, at);
    }
    await trx
      .updateTable("assessments")
      .set({ edit_item: null, edit_backup: null })
      .where("id", "=", assessmentId)
      .execute();
  });
}
