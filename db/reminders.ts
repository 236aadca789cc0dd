import type { UnitRoundFacts } from "../src/domain/unit-status.js";
import type { DB } from "./connection.js";
import { loadRoundFacts } from "./round-status.js";
import type { Language, NewReminder, Reminder, Role } from "./schema.js";

export interface Person {
  telegramId: number;
  fullName: string;
  role: Role;
  language: Language;
  submitted: boolean;
}

export interface UnitState {
  id: number;
  code: string;
  name: string;
  groupChatId: number | null;
  /** Who is reminded: each person's role, language and whether their self-assessment is submitted. */
  people: Person[];
  /** What the unit has done in the round (people, its own assessment, nominations, documents, dossier). */
  facts: UnitRoundFacts;
}

/** Units read at a time: between two reads, `pause` lets the bot answer updates. */
const UNITS_PER_READ = 25;

/** Every active unit with its round's facts (as /status reads them), its people and its bound group. */
export async function unitStates(
  db: DB,
  year: number,
  pause: () => Promise<void> = async () => {},
): Promise<UnitState[]> {
  const active = await db
    .selectFrom("units")
    .select("id")
    .where("archived_at", "is", null)
    .orderBy("code")
    .execute();
  const states: UnitState[] = [];
  for (let at = 0; at < active.length; at += UNITS_PER_READ) {
    if (at > 0) await pause();
    const some = active.slice(at, at + UNITS_PER_READ).map((unit) => unit.id);
    states.push(...(await statesOf(db, year, some)));
  }
  return states;
}

async function statesOf(db: DB, year: number, only: readonly number[]): Promise<UnitState[]> {
  const units = await loadRoundFacts(db, year, only);
  if (units.length === 0) return [];
  const unitIds = units.map(({ unit }) => unit.id);
  // Only what differs from the default (an employee reading Vietnamese) is read: a few rows, not 50,000.
  const [groups, roles, languages] = await Promise.all([
    db.selectFrom("units").select(["id", "group_chat_id"]).where("id", "in", unitIds).execute(),
    db
      .selectFrom("users")
      .select(["telegram_id", "role"])
      .where("unit_id", "in", unitIds)
      .where("role", "!=", "employee")
      .execute(),
    db
      .selectFrom("preferences")
      .innerJoin("users", "users.telegram_id", "preferences.telegram_id")
      .select(["preferences.telegram_id", "preferences.language"])
      .where("users.unit_id", "in", unitIds)
      .where("preferences.language", "!=", "vi")
      .execute(),
  ]);
  const groupOf = new Map(groups.map((row) => [row.id, row.group_chat_id]));
  const roleOf = new Map(roles.map((row) => [row.telegram_id, row.role]));
  const languageOf = new Map(languages.map((row) => [row.telegram_id, row.language]));
  return units.map(({ unit, facts }) => ({
    id: unit.id,
    code: unit.code,
    name: unit.name,
    groupChatId: groupOf.get(unit.id) ?? null,
    people: facts.people.map((person) => ({
      telegramId: person.telegramId,
      fullName: person.fullName,
      role: roleOf.get(person.telegramId) ?? "employee",
      language: languageOf.get(person.telegramId) ?? "vi",
      submitted: person.assessment === "submitted",
    })),
    facts,
  }));
}

/** 12 bound values a row: well under SQLite's 32,766 variables a statement. */
const ROWS_PER_INSERT = 500;

/** Every row of a multi-row insert names the same columns. */
function outboxRow(row: NewReminder): NewReminder {
  return {
    round_year: row.round_year,
    slot_key: row.slot_key,
    kind: row.kind,
    chat_id: row.chat_id,
    page: row.page ?? 0,
    unit_id: row.unit_id ?? null,
    text: row.text,
    reply_markup: row.reply_markup ?? null,
    due_at: row.due_at,
    expires_at: row.expires_at ?? null,
    status: row.status,
    created_at: row.created_at,
  };
}

/** Rows written per transaction: between two, `pause` lets updates reach the database. */
const ROWS_PER_TRANSACTION = 2_500;

/**
 * Plans a slot's reminders, once: false if the slot was already planned. A large slot is written in several
 * transactions so that the bot's other queries are not held up behind one long write; the slot is marked
 * planned with the last of them. If the process dies before that, the slot is planned again on the next run
 * and the unique key (round, slot, chat, page) keeps the rows already written from being written twice; any of
 * them sent in between is not sent again. A manual slot has a key of its own each time.
 */
export async function planSlot(
  db: DB,
  year: number,
  slotKey: string,
  rows: NewReminder[],
  now: Date,
  pause: () => Promise<void> = async () => {},
): Promise<boolean> {
  const planned = await db
    .selectFrom("reminder_slots")
    .select("slot_key")
    .where("round_year", "=", year)
    .where("slot_key", "=", slotKey)
    .executeTakeFirst();
  if (planned) return false;
  let at = 0;
  for (; rows.length - at > ROWS_PER_TRANSACTION; at += ROWS_PER_TRANSACTION) {
    await db.transaction().execute((trx) => insertReminders(trx, rows.slice(at, at + ROWS_PER_TRANSACTION)));
    await pause();
  }
  return db.transaction().execute(async (trx) => {
    const marked = await trx
      .insertInto("reminder_slots")
      .values({ round_year: year, slot_key: slotKey, planned_at: now.toISOString() })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if ((marked.numInsertedOrUpdatedRows ?? 0n) === 0n) return false;
    await insertReminders(trx, rows.slice(at));
    return true;
  });
}

/** Many rows per statement: a slot for 50,000 people is 100 statements, not 50,000. */
async function insertReminders(trx: DB, rows: readonly NewReminder[]): Promise<void> {
  for (let at = 0; at < rows.length; at += ROWS_PER_INSERT) {
    await trx
      .insertInto("reminder_outbox")
      .values(rows.slice(at, at + ROWS_PER_INSERT).map(outboxRow))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

export async function plannedSlots(db: DB, year: number): Promise<Set<string>> {
  const rows = await db
    .selectFrom("reminder_slots")
    .select("slot_key")
    .where("round_year", "=", year)
    .execute();
  return new Set(rows.map((row) => row.slot_key));
}

/** Older reminders of these kinds that are still waiting are not sent once a newer slot is planned. */
export async function supersedeOlder(
  db: DB,
  year: number,
  kinds: ReadonlyArray<Reminder["kind"]>,
  currentSlotKey: string,
): Promise<void> {
  await db
    .updateTable("reminder_outbox")
    .set({ status: "superseded" })
    .where("round_year", "=", year)
    .where("kind", "in", kinds)
    .where("status", "=", "pending")
    .where("slot_key", "!=", currentSlotKey)
    .where("slot_key", "not like", "manual:%")
    .execute();
}

export async function dueReminders(db: DB, now: Date, limit: number): Promise<Reminder[]> {
  // What expired while waiting (the bot was down), or belongs to a round closed since, is not sent late.
  await db
    .updateTable("reminder_outbox")
    .set({ status: "superseded", last_error: "expired before it could be sent" })
    .where("status", "=", "pending")
    .where("expires_at", "<=", now.toISOString())
    .execute();
  await db
    .updateTable("reminder_outbox")
    .set({ status: "superseded", last_error: "the round was closed" })
    .where("status", "=", "pending")
    // A notice tells of something done: it goes out whatever the round's state since.
    .where("kind", "!=", "notice")
    .where("round_year", "in", (eb) => eb.selectFrom("rounds").select("year").where("status", "=", "closed"))
    .execute();
  return db
    .selectFrom("reminder_outbox")
    .selectAll()
    .where("status", "=", "pending")
    .where("due_at", "<=", now.toISOString())
    .orderBy("due_at")
    .orderBy("id")
    .limit(limit)
    .execute();
}

export async function markSent(db: DB, id: number, now: Date): Promise<void> {
  await db
    .updateTable("reminder_outbox")
    .set((eb) => ({ status: "sent", sent_at: now.toISOString(), attempts: eb("attempts", "+", 1) }))
    .where("id", "=", id)
    .execute();
}

/** Gives a reminder up; `attempted` counts the send that just failed (a known-unreachable chat is not tried). */
export async function markUndeliverable(
  db: DB,
  id: number,
  status: "unreachable" | "failed",
  error: string,
  attempted: boolean,
): Promise<void> {
  await db
    .updateTable("reminder_outbox")
    .set((eb) => ({
      status,
      last_error: error,
      attempts: attempted ? eb("attempts", "+", 1) : eb.ref("attempts"),
    }))
    .where("id", "=", id)
    .execute();
}

/** Telegram asked to wait (429): the reminder stays waiting, but is not due again before `until`. */
export async function postpone(db: DB, id: number, until: Date, error: string): Promise<void> {
  await db
    .updateTable("reminder_outbox")
    .set({ due_at: until.toISOString(), last_error: error })
    .where("id", "=", id)
    .execute();
}

export async function recordFailedAttempt(db: DB, id: number, error: string): Promise<number> {
  const row = await db
    .updateTable("reminder_outbox")
    .set((eb) => ({ last_error: error, attempts: eb("attempts", "+", 1) }))
    .where("id", "=", id)
    .returning("attempts")
    .executeTakeFirst();
  return row?.attempts ?? 0;
}

export async function recordUnreachable(db: DB, chatId: number, reason: string, now: Date): Promise<void> {
  await db
    .insertInto("unreachable_chats")
    .values({ chat_id: chatId, reason, since: now.toISOString() })
    .onConflict((oc) => oc.column("chat_id").doUpdateSet({ reason }))
    .execute();
}

export async function clearUnreachable(db: DB, chatId: number): Promise<void> {
  await db.deleteFrom("unreachable_chats").where("chat_id", "=", chatId).execute();
}

export async function isUnreachable(db: DB, chatId: number): Promise<boolean> {
  const row = await db
    .selectFrom("unreachable_chats")
    .select("chat_id")
    .where("chat_id", "=", chatId)
    .executeTakeFirst();
  return row !== undefined;
}

export interface UnreachableRecipient {
  chat_id: number;
  reason: string;
  since: string;
  full_name: string | null;
  unit_code: string | null;
}

export async function listUnreachable(db: DB): Promise<UnreachableRecipient[]> {
  return db
    .selectFrom("unreachable_chats")
    .leftJoin("users", "users.telegram_id", "unreachable_chats.chat_id")
    .leftJoin("units", (join) =>
      join.on((eb) =>
        eb.or([
          eb("units.id", "=", eb.ref("users.unit_id")),
          eb("units.group_chat_id", "=", eb.ref("unreachable_chats.chat_id")),
        ]),
      ),
    )
    .select([
      "unreachable_chats.chat_id",
      "unreachable_chats.reason",
      "unreachable_chats.since",
      "users.full_name",
      "units.code as unit_code",
    ])
    .orderBy("unreachable_chats.since", "desc")
    .execute();
}

export interface LoggedReminder extends Reminder {
  full_name: string | null;
  unit_code: string | null;
}

/** Reminders with the name of the person and the code of the unit they went to. */
const loggedReminders = (db: DB) =>
  db
    .selectFrom("reminder_outbox")
    .leftJoin("users", "users.telegram_id", "reminder_outbox.chat_id")
    .leftJoin("units", "units.id", "reminder_outbox.unit_id")
    .selectAll("reminder_outbox")
    .select(["users.full_name", "units.code as unit_code"]);

/** The latest reminders that were sent or could not be, newest first. */
export async function reminderLog(db: DB, limit: number): Promise<LoggedReminder[]> {
  return loggedReminders(db)
    .where("reminder_outbox.status", "!=", "pending")
    .orderBy("reminder_outbox.id", "desc")
    .limit(limit)
    .execute();
}

export async function remindersOfSlot(db: DB, year: number, slotKey: string): Promise<LoggedReminder[]> {
  return loggedReminders(db)
    .where("reminder_outbox.round_year", "=", year)
    .where("reminder_outbox.slot_key", "=", slotKey)
    .orderBy("reminder_outbox.id")
    .execute();
}

export async function bindGroup(db: DB, unitId: number, chatId: number | null): Promise<void> {
  await db.updateTable("units").set({ group_chat_id: chatId }).where("id", "=", unitId).execute();
}

/** A group became a supergroup with a new id: its binding and its waiting reminders follow it. */
export async function moveGroupChat(db: DB, fromChatId: number, toChatId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("units")
      .set({ group_chat_id: toChatId })
      .where("group_chat_id", "=", fromChatId)
      .execute();
    await trx
      .updateTable("reminder_outbox")
      .set({ chat_id: toChatId })
      .where("chat_id", "=", fromChatId)
      .where("status", "=", "pending")
      .execute();
  });
}
