import { sql } from "kysely";
import { atomically, type DB } from "./connection.js";
import type { Language, NewReminder } from "./schema.js";

export interface Recipient {
  id: number;
  language: Language;
  /** Known not to take messages (never pressed Start, or blocked the bot) since an earlier send. */
  unreachable: boolean;
}

/** People by Telegram id with their language and whether they are known unreachable; unknown ids are left out. */
async function recipients(db: DB, ids: readonly number[]): Promise<Recipient[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("users")
    .leftJoin("preferences", "preferences.telegram_id", "users.telegram_id")
    .leftJoin("unreachable_chats", "unreachable_chats.chat_id", "users.telegram_id")
    .select(["users.telegram_id", "preferences.language", "unreachable_chats.chat_id as unreachable"])
    .where("users.telegram_id", "in", [...ids])
    .execute();
  return rows.map((row) => ({
    id: row.telegram_id,
    language: row.language ?? "vi",
    unreachable: row.unreachable !== null,
  }));
}

/** A unit's heads. */
export async function headsOfUnit(db: DB, unitId: number): Promise<Recipient[]> {
  const heads = await db
    .selectFrom("users")
    .select("telegram_id")
    .where("unit_id", "=", unitId)
    .where("role", "=", "unit_head")
    .execute();
  return recipients(
    db,
    heads.map((h) => h.telegram_id),
  );
}

/** A registered person (a nominee who erased their data, or never joined, is nobody to tell). */
export async function registeredPerson(db: DB, telegramId: number): Promise<Recipient | undefined> {
  return (await recipients(db, [telegramId]))[0];
}

/**
 * Everyone in the Office: the configured admins (OFFICE_ADMIN_IDS, who may have no row in `users`) and the
 * members who joined through an Office invite. Every notice or digest to the Office goes to these.
 */
export async function officeRecipients(db: DB, adminIds: readonly number[]): Promise<Recipient[]> {
  const registered = await db
    .selectFrom("users")
    .select("telegram_id")
    .where("role", "=", "office")
    .execute();
  const ids = [...new Set([...adminIds, ...registered.map((row) => row.telegram_id)])];
  if (ids.length === 0) return [];
  const [languages, unreachable] = await Promise.all([
    db
      .selectFrom("preferences")
      .select(["telegram_id", "language"])
      .where("telegram_id", "in", ids)
      .execute(),
    db.selectFrom("unreachable_chats").select("chat_id").where("chat_id", "in", ids).execute(),
  ]);
  return ids.map((id) => ({
    id,
    language: languages.find((row) => row.telegram_id === id)?.language ?? "vi",
    unreachable: unreachable.some((row) => row.chat_id === id),
  }));
}

/**
 * Puts notices in the outbox. Each has a key per event and recipient (`slot_key`, `chat_id`), so the same
 * event handled again (a re-delivered update) adds nothing.
 */
export async function enqueueNotices(db: DB, rows: readonly NewReminder[]): Promise<void> {
  for (const row of rows)
    await db
      .insertInto("reminder_outbox")
      .values(row)
      .onConflict((oc) => oc.doNothing())
      .execute();
}

/** The key prefix of the notices to everyone of a round opened or closed (never reported one by one if undelivered). */
export const ROUND_NOTICE = "notice:round:";

/**
 * A notice to every registered person (a row in `users`: who erased their data has none) but `except`, once
 * per key: the database writes a row per person from the people themselves, each pointing to the words in the
 * person's language, stored once. Returns how many rows it wrote (0 when the key was queued already).
 */
export async function enqueueNoticeToEveryone(
  db: DB,
  notice: { year: number; key: string; messages: ReadonlyMap<Language, string>; except: number; at: string },
): Promise<number> {
  return atomically(db, async (trx) => {
    const queued = await trx
      .selectFrom("reminder_outbox")
      .select("id")
      .where("round_year", "=", notice.year)
      .where("slot_key", "=", notice.key)
      .executeTakeFirst();
    if (queued) return 0;
    const ids = new Map<Language, number>();
    for (const [language, text] of notice.messages) {
      const row = await trx
        .insertInto("reminder_messages")
        .values({ round_year: notice.year, slot_key: notice.key, text, reply_markup: null })
        .returning("id")
        .executeTakeFirstOrThrow();
      ids.set(language, row.id);
    }
    const fallback = ids.get("vi") ?? [...ids.values()][0];
    if (fallback === undefined) throw new Error("a notice needs its words in at least one language");
    const messageOf = sql<number>`CASE coalesce(${sql.ref("preferences.language")}, 'vi') ${sql.join(
      [...ids].map(([language, id]) => sql`WHEN ${language} THEN ${id}`),
      sql` `,
    )} ELSE ${fallback} END`;
    const result = await trx
      .insertInto("reminder_outbox")
      .columns([
        "round_year",
        "slot_key",
        "kind",
        "chat_id",
        "unit_id",
        "text",
        "reply_markup",
        "message_id",
        "due_at",
        "expires_at",
        "status",
        "created_at",
      ])
      .expression(
        trx
          .selectFrom("users")
          .leftJoin("preferences", "preferences.telegram_id", "users.telegram_id")
          .select((eb) => [
            eb.val(notice.year).as("round_year"),
            eb.val(notice.key).as("slot_key"),
            sql<"notice">`'notice'`.as("kind"),
            "users.telegram_id",
            sql<null>`NULL`.as("unit_id"),
            sql<string>`''`.as("text"),
            sql<null>`NULL`.as("reply_markup"),
            messageOf.as("message_id"),
            eb.val(notice.at).as("due_at"),
            sql<null>`NULL`.as("expires_at"),
            sql<"pending">`'pending'`.as("status"),
            eb.val(notice.at).as("created_at"),
          ])
          .where("users.telegram_id", "!=", notice.except),
      )
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n);
  });
}

/** The key prefix of the Office's report of a notice that could not be delivered (never reported in turn). */
export const UNDELIVERED = "notice:undelivered:";

/** Of these outbox rows, the notices (not reports of undelivered ones) with their recipient's name, if known. */
export async function undeliveredNotices(
  db: DB,
  ids: readonly number[],
): Promise<
  Array<{
    id: number;
    chat_id: number;
    round_year: number;
    unit_id: number | null;
    text: string;
    full_name: string | null;
  }>
> {
  // A `/remind now` report that could not reach the member who asked is no one else's business.
  return (
    db
      .selectFrom("reminder_outbox")
      .leftJoin("users", "users.telegram_id", "reminder_outbox.chat_id")
      .leftJoin("office_profiles", "office_profiles.telegram_id", "reminder_outbox.chat_id")
      .select((eb) => [
        "reminder_outbox.id",
        "reminder_outbox.chat_id",
        "reminder_outbox.round_year",
        "reminder_outbox.unit_id",
        "reminder_outbox.text",
        eb.fn.coalesce("users.full_name", "office_profiles.full_name").as("full_name"),
      ])
      .where("reminder_outbox.id", "in", [...ids])
      .where("reminder_outbox.kind", "=", "notice")
      .where("reminder_outbox.slot_key", "not like", `${UNDELIVERED}%`)
      .where("reminder_outbox.slot_key", "not like", "report:%")
      // Thousands of people may miss a round's notice; the Office sees who is unreachable in /remind's list.
      .where("reminder_outbox.slot_key", "not like", `${ROUND_NOTICE}%`)
      .execute()
  );
}
