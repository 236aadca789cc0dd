import { sql } from "kysely";
import { erasurePlan } from "../src/domain/erasure.js";
import { reportKey } from "../src/domain/nominations.js";
import type { DB } from "./connection.js";
import { enqueueNotices } from "./notices.js";
import { precompile } from "./precompiled.js";
import type {
  CouncilRole,
  Language,
  NewReminder,
  NominationStatusColumn,
  OfficeProfile,
  Role,
  Unit,
  User,
} from "./schema.js";

export interface UserWithUnit extends User {
  unit_code: string;
  unit_name: string;
  unit_archived_at: string | null;
}

const userWithUnit = precompile((db: DB, telegramId: number) =>
  db
    .selectFrom("users")
    .innerJoin("units", "units.id", "users.unit_id")
    .selectAll("users")
    .select(["units.code as unit_code", "units.name as unit_name", "units.archived_at as unit_archived_at"])
    .where("users.telegram_id", "=", telegramId),
);

export async function findUser(db: DB, telegramId: number): Promise<UserWithUnit | undefined> {
  return userWithUnit.first(db, telegramId);
}

/** The name and position an Office admin (OFFICE_ADMIN_IDS, no unit) gave the bot. */
export async function findOfficeProfile(db: DB, telegramId: number): Promise<OfficeProfile | undefined> {
  return db
    .selectFrom("office_profiles")
    .selectAll()
    .where("telegram_id", "=", telegramId)
    .executeTakeFirst();
}

/**
 * The name a person gave the bot, to stand in a record they act on: a member's from `users`, an Office admin's
 * from their profile. Undefined for someone who gave none.
 */
export async function nameOf(db: DB, telegramId: number): Promise<string | undefined> {
  const member = await db
    .selectFrom("users")
    .select("full_name")
    .where("telegram_id", "=", telegramId)
    .executeTakeFirst();
  if (member) return member.full_name;
  return (await findOfficeProfile(db, telegramId))?.full_name;
}

export async function listUsersWithPersonalMenus(
  db: DB,
): Promise<Array<{ telegram_id: number; role: Role }>> {
  return db
    .selectFrom("users")
    .select(["telegram_id", "role"])
    .where("role", "in", ["office", "unit_head"])
    .execute();
}

export async function updateProfile(
  db: DB,
  telegramId: number,
  change: { full_name?: string; position?: string },
  now: Date,
): Promise<void> {
  await db
    .updateTable("users")
    .set({ ...change, updated_at: now.toISOString() })
    .where("telegram_id", "=", telegramId)
    .execute();
}

export async function moveUser(db: DB, telegramId: number, unit: Unit, role: Role, now: Date): Promise<void> {
  await db
    .updateTable("users")
    .set({ unit_id: unit.id, role, updated_at: now.toISOString() })
    .where("telegram_id", "=", telegramId)
    .execute();
}

export interface PersonRecords {
  fullName: string | null;
  unitId: number | null;
  nominations: Array<{ id: number; roundYear: number; formId: string; status: NominationStatusColumn }>;
  submittedAssessmentYears: number[];
  /** They proposed, uploaded, moved or sent something on an award record: their name stays there. */
  actedOnRecords: boolean;
}

/** What the bot keeps of a person that erasing their data would touch: their nominations and assessments. */
export async function personRecords(db: DB, telegramId: number): Promise<PersonRecords> {
  const [person, nominations, assessments] = await Promise.all([
    db
      .selectFrom("users")
      .select(["full_name", "unit_id"])
      .where("telegram_id", "=", telegramId)
      .executeTakeFirst(),
    db
      .selectFrom("nominations")
      .select(["id", "round_year", "form_id", "status"])
      .where("nominee_kind", "=", "individual")
      .where("nominee_id", "=", telegramId)
      .orderBy("id")
      .execute(),
    db
      .selectFrom("assessments")
      .select("round_year")
      .where("subject", "=", "individual")
      .where("subject_id", "=", telegramId)
      .where("status", "=", "submitted")
      .execute(),
  ]);
  const acted = await Promise.all([
    db.selectFrom("nomination_history").select("id").where("by", "=", telegramId).limit(1).executeTakeFirst(),
    db
      .selectFrom("dossier_file_versions")
      .select("id")
      .where("uploaded_by", "=", telegramId)
      .limit(1)
      .executeTakeFirst(),
  ]);
  return {
    fullName: person?.full_name ?? null,
    unitId: person?.unit_id ?? null,
    actedOnRecords: acted.some((row) => row !== undefined),
    nominations: nominations.map((n) => ({
      id: n.id,
      roundYear: n.round_year,
      formId: n.form_id,
      status: n.status,
    })),
    submittedAssessmentYears: assessments.map((a) => a.round_year),
  };
}

export interface Erasure {
  fullName: string | null;
  unitId: number | null;
  kept: PersonRecords["nominations"];
  dropped: number;
}

/**
 * Erases what the bot keeps about a person and not as a record: the link to their Telegram id, profile,
 * language, drafts, conversations, unsent assessments and draft nominations. Nominations once sent, their
 * files, history and decisions stay, under the name as it was (a former person, not the Telegram id), with the
 * submitted self-assessment behind them; the quota they count in does not move. Where they acted (proposed,
 * uploaded, moved), the record keeps their name and drops their id.
 */
export async function erasePersonalData(
  db: DB,
  telegramId: number,
  now: Date,
  /** Notices that the person left, put in the outbox with the erasure. */
  notices: readonly NewReminder[] = [],
): Promise<Erasure> {
  return db.transaction().execute(async (trx) => {
    const records = await personRecords(trx, telegramId);
    const plan = erasurePlan(records.nominations, records.submittedAssessmentYears);
    if (plan.kept.length > 0) {
      const former = await trx
        .insertInto("former_people")
        .values({
          full_name: records.fullName ?? "",
          unit_id: records.unitId ?? 0,
          left_at: now.toISOString(),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const pseudonym = -former.id;
      await trx
        .updateTable("nominations")
        .set({ nominee_id: pseudonym })
        .where(
          "id",
          "in",
          plan.kept.map((n) => n.id),
        )
        .execute();
      if (plan.assessmentYearsKept.length > 0)
        await trx
          .updateTable("assessments")
          .set({ subject_id: pseudonym, edit_item: null, edit_backup: null })
          .where("subject", "=", "individual")
          .where("subject_id", "=", telegramId)
          .where("round_year", "in", plan.assessmentYearsKept)
          .execute();
    }
    // Someone who leaves the bot leaves the Council; the rows of who sat on it when stay, as records.
    await trx
      .updateTable("council_members")
      .set({ removed_at: now.toISOString(), removed_by: telegramId })
      .where("telegram_id", "=", telegramId)
      .where("removed_at", "is", null)
      .execute();
    if (plan.dropped.length > 0) {
      const ids = plan.dropped.map((n) => n.id);
      await trx.deleteFrom("award_drafts").where("nomination_id", "in", ids).execute();
      await trx.deleteFrom("dossier_file_versions").where("document_key", "in", ids.map(reportKey)).execute();
      await trx.deleteFrom("nominations").where("id", "in", ids).execute();
    }
    await trx
      .deleteFrom("assessments")
      .where("subject", "=", "individual")
      .where("subject_id", "=", telegramId)
      .execute();
    // Where they acted on a record, their name stays (kept at the time) and their Telegram id goes.
    await trx.updateTable("nomination_history").set({ by: 0 }).where("by", "=", telegramId).execute();
    await trx
      .updateTable("nominations")
      .set({ created_by: 0 })
      .where("created_by", "=", telegramId)
      .execute();
    await trx
      .updateTable("dossier_file_versions")
      .set({ uploaded_by: 0 })
      .where("uploaded_by", "=", telegramId)
      .execute();
    await trx
      .updateTable("dossier_submissions")
      .set({ submitted_by: 0 })
      .where("submitted_by", "=", telegramId)
      .execute();
    await trx
      .updateTable("dossiers")
      .set({ submitted_by: null })
      .where("submitted_by", "=", telegramId)
      .execute();
    await trx
      .updateTable("dossiers")
      .set({ returned_by: null })
      .where("returned_by", "=", telegramId)
      .execute();
    await trx
      .updateTable("assessment_changes")
      .set({ changed_by: 0 })
      .where("changed_by", "=", telegramId)
      .execute();
    await trx.deleteFrom("award_drafts").where("office_id", "=", telegramId).execute();
    await trx.updateTable("invites").set({ created_by: 0 }).where("created_by", "=", telegramId).execute();
    await trx.updateTable("rounds").set({ opened_by: 0 }).where("opened_by", "=", telegramId).execute();
    await trx
      .updateTable("round_extensions")
      .set({ granted_by: 0 })
      .where("granted_by", "=", telegramId)
      .execute();
    if (records.fullName) {
      // Their name also stands in reminders sent to their head, and in a `/remind now` report listing who
      // could not be reached: it goes from there too.
      await trx
        .updateTable("reminder_outbox")
        .set({ text: sql<string>`replace(text, ${records.fullName}, '…')` })
        .where((eb) => eb.or([eb("kind", "!=", "notice"), eb("slot_key", "like", "report:%")]))
        .execute();
    }
    await trx.deleteFrom("reminder_outbox").where("chat_id", "=", telegramId).execute();
    await trx.deleteFrom("fan_out_reports").where("chat_id", "=", telegramId).execute();
    await trx.deleteFrom("unreachable_chats").where("chat_id", "=", telegramId).execute();
    await trx.deleteFrom("users").where("telegram_id", "=", telegramId).execute();
    await trx.deleteFrom("office_profiles").where("telegram_id", "=", telegramId).execute();
    await trx.deleteFrom("profile_details").where("telegram_id", "=", telegramId).execute();
    await trx.deleteFrom("move_requests").where("telegram_id", "=", telegramId).execute();
    await trx.deleteFrom("registration_drafts").where("telegram_id", "=", telegramId).execute();
    await trx.deleteFrom("preferences").where("telegram_id", "=", telegramId).execute();
    await trx.deleteFrom("conversation_state").where("key", "=", String(telegramId)).execute();
    await enqueueNotices(trx, notices);
    return {
      fullName: records.fullName,
      unitId: records.unitId,
      kept: plan.kept,
      dropped: plan.dropped.length,
    };
  });
}

/** The names of people who erased their data, by the id the kept records point to (-id of former_people). */
export async function formerNames(db: DB): Promise<Map<number, string>> {
  const rows = await db.selectFrom("former_people").select(["id", "full_name"]).execute();
  return new Map(rows.map((row) => [-row.id, row.full_name]));
}

const languageOf = precompile((db: DB, telegramId: number) =>
  db.selectFrom("preferences").select("language").where("telegram_id", "=", telegramId),
);

export async function getLanguage(db: DB, telegramId: number): Promise<Language | undefined> {
  const row = await languageOf.first(db, telegramId);
  return row?.language;
}

/** What every update needs to know of who speaks, beside their registration: one statement, not three. */
export interface SpeakerFacts {
  language: Language | undefined;
  councilRole: CouncilRole | undefined;
  /** Their private chat is marked unreachable (a send to it failed). */
  unreachable: boolean;
}

const speakerFactsOf = precompile((db: DB, telegramId: number) =>
  db.selectNoFrom((eb) => [
    eb.selectFrom("preferences").select("language").where("telegram_id", "=", telegramId).as("language"),
    eb
      .selectFrom("council_members")
      .select("role")
      .where("telegram_id", "=", telegramId)
      .where("removed_at", "is", null)
      .limit(1)
      .as("council_role"),
    eb
      .exists(eb.selectFrom("unreachable_chats").select("chat_id").where("chat_id", "=", telegramId))
      .as("unreachable"),
  ]),
);

export async function speakerFacts(db: DB, telegramId: number): Promise<SpeakerFacts> {
  const row = await speakerFactsOf.first(db, telegramId);
  return {
    language: row?.language ?? undefined,
    councilRole: row?.council_role ?? undefined,
    unreachable: Boolean(row?.unreachable),
  };
}

export async function setLanguage(db: DB, telegramId: number, language: Language): Promise<void> {
  await db
    .insertInto("preferences")
    .values({ telegram_id: telegramId, language })
    .onConflict((oc) => oc.column("telegram_id").doUpdateSet({ language }))
    .execute();
}
