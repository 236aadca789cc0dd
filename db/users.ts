import { sql } from "kysely";
import { nomineeKey } from "../src/domain/nominations.js";
import type { DB } from "./connection.js";
import type { Language, Role, Unit, User } from "./schema.js";

export interface UserWithUnit extends User {
  unit_code: string;
  unit_name: string;
  unit_archived_at: string | null;
}

export async function findUser(db: DB, telegramId: number): Promise<UserWithUnit | undefined> {
  return db
    .selectFrom("users")
    .innerJoin("units", "units.id", "users.unit_id")
    .selectAll("users")
    .select(["units.code as unit_code", "units.name as unit_name", "units.archived_at as unit_archived_at"])
    .where("users.telegram_id", "=", telegramId)
    .executeTakeFirst();
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

/**
 * Erases everything the bot keeps about a person: profile, self-assessments, nominations of them and their
 * achievement reports, draft, preferences, conversation state.
 */
export async function deletePersonalData(db: DB, telegramId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom("assessments")
      .where("subject", "=", "individual")
      .where("subject_id", "=", telegramId)
      .execute();
    await trx
      .deleteFrom("nominations")
      .where("nominee_kind", "=", "individual")
      .where("nominee_id", "=", telegramId)
      .execute();
    await trx
      .deleteFrom("dossier_files")
      .where("nominee_key", "=", nomineeKey("individual", telegramId))
      .execute();
    const person = await trx
      .selectFrom("users")
      .select("full_name")
      .where("telegram_id", "=", telegramId)
      .executeTakeFirst();
    if (person) {
      // Their name also stands in reminders sent to their head: it goes from there too.
      await trx
        .updateTable("reminder_outbox")
        .set({ text: sql<string>`replace(text, ${person.full_name}, '…')` })
        .execute();
    }
    await trx.deleteFrom("reminder_outbox").where("chat_id", "=", telegramId).execute();
    await trx.deleteFrom("unreachable_chats").where("chat_id", "=", telegramId).execute();
    await trx.deleteFrom("users").where("telegram_id", "=", telegramId).execute();
    await trx.deleteFrom("registration_drafts").where("telegram_id", "=", telegramId).execute();
    await trx.deleteFrom("preferences").where("telegram_id", "=", telegramId).execute();
    await trx.deleteFrom("conversation_state").where("key", "=", String(telegramId)).execute();
  });
}

export async function getLanguage(db: DB, telegramId: number): Promise<Language | undefined> {
  const row = await db
    .selectFrom("preferences")
    .select("language")
    .where("telegram_id", "=", telegramId)
    .executeTakeFirst();
  return row?.language;
}

export async function setLanguage(db: DB, telegramId: number, language: Language): Promise<void> {
  await db
    .insertInto("preferences")
    .values({ telegram_id: telegramId, language })
    .onConflict((oc) => oc.column("telegram_id").doUpdateSet({ language }))
    .execute();
}

/** Everyone in the Office: registered Office members and the configured admins, each with their language. */
export async function officeMembers(
  db: DB,
  adminIds: readonly number[],
): Promise<Array<{ id: number; language: Language }>> {
  const registered = await db
    .selectFrom("users")
    .select("telegram_id")
    .where("role", "=", "office")
    .execute();
  const ids = [...new Set([...adminIds, ...registered.map((row) => row.telegram_id)])];
  return Promise.all(ids.map(async (id) => ({ id, language: (await getLanguage(db, id)) ?? "vi" })));
}
