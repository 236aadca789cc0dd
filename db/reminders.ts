import { CompiledQuery, sql } from "kysely";
import type { UnitRoundSummary } from "../src/domain/unit-status.js";
import { peopleWithOwnAssessment } from "./assessments.js";
import { atomically, type DB } from "./connection.js";
import { ROUND_NOTICE } from "./notices.js";
import { precompile } from "./precompiled.js";
import { loadUnitRecords } from "./round-status.js";
import type { FanOutReportTable, Language, NewReminder, Reminder, ReminderStatus } from "./schema.js";

/** A unit head, who gets the unit's reminder in their language. */
export interface Head {
  telegramId: number;
  language: Language;
}

export interface UnitState {
  id: number;
  code: string;
  name: string;
  groupChatId: number | null;
  /** The unit's heads, in name order. */
  heads: Head[];
  /**
   * What the unit has done in the round: its people counted (each in the unit they are in now) with the first
   * of those who have not submitted by name, as many as a reminder can show; its own assessment, nominations,
   * documents and dossier.
   */
  facts: UnitRoundSummary;
}

/** How many names to read: those whose lines, `perName` characters more than the name, fit in `room`. */
export interface NamesRead {
  room: number;
  perName: number;
}

/** Units read at a time: between two reads, `pause` lets the bot answer updates. */
const UNITS_PER_READ = 10;

/** The active units, by code. */
export async function activeUnitIds(db: DB): Promise<number[]> {
  const active = await db
    .selectFrom("units")
    .select("id")
    .where("archived_at", "is", null)
    .orderBy("code")
    .execute();
  return active.map((unit) => unit.id);
}

/** Every active unit with its round's facts (as /status reads them), its heads and its bound group. */
export async function unitStates(
  db: DB,
  year: number,
  names: NamesRead,
  pause: () => Promise<void> = async () => {},
): Promise<UnitState[]> {
  const active = await activeUnitIds(db);
  const states: UnitState[] = [];
  for (let at = 0; at < active.length; at += UNITS_PER_READ) {
    if (at > 0) await pause();
    const some = active.slice(at, at + UNITS_PER_READ);
    states.push(...(await statesOf(db, year, some, names)));
  }
  return states;
}

/** Of some people, those whose own assessment is not submitted (not started, or in progress). */
function notSubmitted(
  people: ReturnType<typeof peopleWithOwnAssessment>,
  /** Also those whose submitted assessment answers one of these items "rating not known yet". */
  awaitingKeys: readonly string[] = [],
) {
  return people.where((eb) =>
    eb.or([
      eb("assessments.status", "is", null),
      eb("assessments.status", "!=", "submitted"),
      ...(awaitingKeys.length === 0
        ? []
        : [
            eb.exists(
              eb
                .selectFrom("assessment_items")
                .select(sql<number>`1`.as("one"))
                .whereRef("assessment_items.assessment_id", "=", "assessments.id")
                .where("assessment_items.item_key", "in", [...awaitingKeys])
                .where(sql<number>`json_extract(assessment_items.data, '$.ratingPending')`, "=", 1),
            ),
          ]),
    ]),
  );
}

/**
 * Per unit, the first of its people who have not submitted, by name, as long as their lines fit in the room
 * (a running total of their lengths, in the database): about a hundred of 250, not all of them. The frame is
 * rows, not the default range: the order is unique, and SQLite then keeps one running sum instead of looking for
 * peers (half the time).
 */
function firstNames(db: DB, year: number, unitIds: readonly number[], names: NamesRead) {
  const ranked = notSubmitted(peopleWithOwnAssessment(db, year, unitIds)).select([
    "users.telegram_id",
    "users.full_name",
    "users.unit_id",
    sql<number>`sum(length(users.full_name) + ${names.perName}) OVER (PARTITION BY users.unit_id ORDER BY users.full_name, users.telegram_id ROWS UNBOUNDED PRECEDING)`.as(
      "upto",
    ),
  ]);
  return db
    .selectFrom(ranked.as("ranked"))
    .select(["ranked.telegram_id", "ranked.full_name", "ranked.unit_id"])
    .where("ranked.upto", "<=", names.room)
    .orderBy("ranked.unit_id")
    .orderBy("ranked.upto")
    .execute();
}

async function statesOf(
  db: DB,
  year: number,
  only: readonly number[],
  names: NamesRead,
): Promise<UnitState[]> {
  const [units, groups, counts, named, heads] = await Promise.all([
    loadUnitRecords(db, year, only),
    db
      .selectFrom("units")
      .select(["id", "group_chat_id"])
      .where("id", "in", [...only])
      .execute(),
    peopleWithOwnAssessment(db, year, only)
      .select((eb) => [
        "users.unit_id",
        eb.fn.countAll<number>().as("total"),
        eb.fn
          .sum<number>(eb.case().when("assessments.status", "=", "submitted").then(1).else(0).end())
          .as("submitted"),
      ])
      .groupBy("users.unit_id")
      .execute(),
    firstNames(db, year, only, names),
    db
      .selectFrom("users")
      .leftJoin("preferences", "preferences.telegram_id", "users.telegram_id")
      .select(["users.telegram_id", "users.unit_id", "preferences.language"])
      .where("users.unit_id", "in", [...only])
      .where("users.role", "=", "unit_head")
      .orderBy("users.full_name")
      .orderBy("users.telegram_id")
      .execute(),
  ]);
  const groupOf = new Map(groups.map((row) => [row.id, row.group_chat_id]));
  const countOf = new Map(counts.map((row) => [row.unit_id, row]));
  const namesOf = new Map<number, Array<{ telegramId: number; fullName: string }>>();
  for (const row of named) {
    const person = { telegramId: row.telegram_id, fullName: row.full_name };
    const list = namesOf.get(row.unit_id);
    if (list) list.push(person);
    else namesOf.set(row.unit_id, [person]);
  }
  return units.map(({ unit, records }) => {
    const count = countOf.get(unit.id);
    return {
      id: unit.id,
      code: unit.code,
      name: unit.name,
      groupChatId: groupOf.get(unit.id) ?? null,
      heads: heads
        .filter((head) => head.unit_id === unit.id)
        .map((head) => ({ telegramId: head.telegram_id, language: head.language ?? "vi" })),
      facts: {
        people: {
          total: Number(count?.total ?? 0),
          submitted: Number(count?.submitted ?? 0),
          notSubmitted: namesOf.get(unit.id) ?? [],
        },
        ...records,
      },
    };
  });
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

/**
 * Rows written per transaction: between two, `pause` lets updates reach the database (the bot has one
 * connection, so a transaction holds every other query until it commits).
 */
const ROWS_PER_TRANSACTION = 1_000;

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
  if (await isPlanned(db, year, slotKey)) return false;
  let at = 0;
  for (; rows.length - at > ROWS_PER_TRANSACTION; at += ROWS_PER_TRANSACTION) {
    await db.transaction().execute((trx) => insertReminders(trx, rows.slice(at, at + ROWS_PER_TRANSACTION)));
    await pause();
  }
  return markPlanned(db, year, slotKey, now, (trx) => insertReminders(trx, rows.slice(at)));
}

async function isPlanned(db: DB, year: number, slotKey: string): Promise<boolean> {
  const planned = await db
    .selectFrom("reminder_slots")
    .select("slot_key")
    .where("round_year", "=", year)
    .where("slot_key", "=", slotKey)
    .executeTakeFirst();
  return planned !== undefined;
}

/** Marks the slot planned and writes its last rows, in one transaction; false if it was planned meanwhile. */
function markPlanned(
  db: DB,
  year: number,
  slotKey: string,
  now: Date,
  last: (trx: DB) => Promise<unknown>,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const marked = await trx
      .insertInto("reminder_slots")
      .values({ round_year: year, slot_key: slotKey, planned_at: now.toISOString() })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if ((marked.numInsertedOrUpdatedRows ?? 0n) === 0n) return false;
    await last(trx);
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

/**
 * Who gets the employees' reminder in a unit: its people (each in the unit they are in now) whose own
 * assessment is not submitted in the round, and those whose submitted assessment awaits the year's rating (one
 * of `awaitingKeys` answered "not known yet"), in name order, with the language they read.
 */
function employeesDueIn(db: DB, year: number, unitId: number, awaitingKeys: readonly string[]) {
  return notSubmitted(peopleWithOwnAssessment(db, year, [unitId]), awaitingKeys)
    .leftJoin("preferences", "preferences.telegram_id", "users.telegram_id")
    .orderBy("users.full_name")
    .orderBy("users.telegram_id");
}

export interface EmployeeRecipient {
  chatId: number;
  unitId: number;
  language: Language;
  /** Submitted, awaiting the year's rating: told to add it, not to submit. */
  awaitingRating: boolean;
}

/** Who would get the employees' reminder, unit by unit in the order given (a dry run lists them). */
export async function employeeRecipients(
  db: DB,
  year: number,
  unitIds: readonly number[],
  awaitingKeys: readonly string[] = [],
): Promise<EmployeeRecipient[]> {
  const recipients: EmployeeRecipient[] = [];
  for (const unitId of unitIds) {
    const rows = await employeesDueIn(db, year, unitId, awaitingKeys)
      .select(["users.telegram_id", "users.unit_id", "preferences.language", "assessments.status"])
      .execute();
    for (const row of rows)
      recipients.push({
        chatId: row.telegram_id,
        unitId: row.unit_id,
        language: row.language ?? "vi",
        awaitingRating: row.status === "submitted",
      });
  }
  return recipients;
}

/** The words of the employees' reminder in each language, and what every row of the slot has alike. */
export interface EmployeeSlot {
  messages: ReadonlyMap<Language, { text: string; reply_markup: string | null }>;
  /**
   * For people whose submitted assessment awaits the year's rating: the answers (item keys) that say so, and
   * their own words. Without them only those who have not submitted are reminded.
   */
  awaitingRating?: {
    itemKeys: readonly string[];
    messages: ReadonlyMap<Language, { text: string; reply_markup: string | null }>;
  };
  dueAt: string;
  expiresAt: string | null;
}

/** Units written per transaction: about 700 people. */
const UNITS_PER_TRANSACTION = 3;

/**
 * Plans the employees' reminder of a slot, once (null if it was already planned): a row per person of these
 * units who has not submitted or awaits the rating (`employeesDueIn`), written by the database from the people themselves, one
 * statement a unit, and pointing to the slot's words in the person's language, which are stored once (45,000
 * copies of the same words, built and bound row by row, were most of a slot's time). A unit's few transactions
 * and the crash-safety are `planSlot`'s; a slot planned again after a crash reuses the words already stored.
 * Returns how many rows it wrote.
 */
export async function planEmployeeSlot(
  db: DB,
  year: number,
  slotKey: string,
  unitIds: readonly number[],
  slot: EmployeeSlot,
  now: Date,
  pause: () => Promise<void> = async () => {},
): Promise<number | null> {
  if (await isPlanned(db, year, slotKey)) return null;
  const byLanguage = async (messages: EmployeeSlot["messages"]) => {
    const ids = await storeMessages(db, year, slotKey, messages);
    const fallback = ids.get("vi") ?? [...ids.values()][0];
    if (fallback === undefined) throw new Error("an employee slot needs its words in at least one language");
    return sql<number>`CASE coalesce(${sql.ref("preferences.language")}, 'vi') ${sql.join(
      [...ids].map(([language, id]) => sql`WHEN ${language} THEN ${id}`),
      sql` `,
    )} ELSE ${fallback} END`;
  };
  const toSubmit = await byLanguage(slot.messages);
  const awaiting = slot.awaitingRating;
  const awaitingKeys = awaiting?.itemKeys ?? [];
  // Only people awaiting their rating are in the list with a submitted assessment.
  const messageOf =
    awaiting && awaitingKeys.length > 0
      ? sql<number>`CASE WHEN ${sql.ref("assessments.status")} = 'submitted' THEN ${await byLanguage(awaiting.messages)} ELSE ${toSubmit} END`
      : toSubmit;
  // Built once for the slot with a stand-in for the unit, and run for each unit with its id in that place:
  // building the statement anew for each of 200 units cost as much as a third of the writing.
  const STAND_IN = -1;
  const statement = db
    .insertInto("reminder_outbox")
    .columns([
      "round_year",
      "slot_key",
      "kind",
      "chat_id",
      "page",
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
      employeesDueIn(db, year, STAND_IN, awaitingKeys).select((eb) => [
        eb.val(year).as("round_year"),
        eb.val(slotKey).as("slot_key"),
        sql<"employee">`'employee'`.as("kind"),
        "users.telegram_id",
        sql<number>`0`.as("page"),
        "users.unit_id",
        sql<string>`''`.as("text"),
        sql<null>`NULL`.as("reply_markup"),
        messageOf.as("message_id"),
        eb.val(slot.dueAt).as("due_at"),
        eb.val(slot.expiresAt).as("expires_at"),
        sql<"pending">`'pending'`.as("status"),
        eb.val(now.toISOString()).as("created_at"),
      ]),
    )
    .onConflict((oc) => oc.doNothing())
    .compile();
  const unitAt = statement.parameters.indexOf(STAND_IN);
  if (unitAt < 0 || statement.parameters.lastIndexOf(STAND_IN) !== unitAt)
    throw new Error("the employees' insert binds the unit other than once");
  let written = 0;
  const writeUnit = async (trx: DB, unitId: number) => {
    const parameters = [...statement.parameters];
    parameters[unitAt] = unitId;
    const result = await trx.executeQuery(CompiledQuery.raw(statement.sql, parameters));
    written += Number(result.numAffectedRows ?? 0n);
  };
  let at = 0;
  for (; unitIds.length - at > UNITS_PER_TRANSACTION; at += UNITS_PER_TRANSACTION) {
    const some = unitIds.slice(at, at + UNITS_PER_TRANSACTION);
    await db.transaction().execute(async (trx) => {
      for (const unitId of some) await writeUnit(trx, unitId);
    });
    await pause();
  }
  const marked = await markPlanned(db, year, slotKey, now, async (trx) => {
    for (const unitId of unitIds.slice(at)) await writeUnit(trx, unitId);
  });
  return marked ? written : null;
}

/** The slot's words in each language, stored once: those a run that died part-way stored are reused. */
async function storeMessages(
  db: DB,
  year: number,
  slotKey: string,
  messages: EmployeeSlot["messages"],
): Promise<Map<Language, number>> {
  const stored = await db
    .selectFrom("reminder_messages")
    .select(["id", "text", "reply_markup"])
    .where("round_year", "=", year)
    .where("slot_key", "=", slotKey)
    .execute();
  const ids = new Map<Language, number>();
  for (const [language, words] of messages) {
    const known = stored.find((m) => m.text === words.text && m.reply_markup === words.reply_markup);
    const id =
      known?.id ??
      (
        await db
          .insertInto("reminder_messages")
          .values({ round_year: year, slot_key: slotKey, text: words.text, reply_markup: words.reply_markup })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
    ids.set(language, id);
  }
  return ids;
}

/** The outbox with each row's words: its own, or the shared message it points to. */
const withWords = (db: DB) =>
  db
    .selectFrom("reminder_outbox")
    .leftJoin("reminder_messages", "reminder_messages.id", "reminder_outbox.message_id")
    .select((eb) => [
      "reminder_outbox.id",
      "reminder_outbox.round_year",
      "reminder_outbox.slot_key",
      "reminder_outbox.kind",
      "reminder_outbox.chat_id",
      "reminder_outbox.page",
      "reminder_outbox.unit_id",
      eb.fn.coalesce("reminder_messages.text", "reminder_outbox.text").as("text"),
      eb.fn.coalesce("reminder_messages.reply_markup", "reminder_outbox.reply_markup").as("reply_markup"),
      "reminder_outbox.message_id",
      "reminder_outbox.due_at",
      "reminder_outbox.expires_at",
      "reminder_outbox.status",
      "reminder_outbox.attempts",
      "reminder_outbox.last_error",
      "reminder_outbox.sent_at",
      "reminder_outbox.created_at",
      "reminder_outbox.claimed_by",
      "reminder_outbox.repeats",
    ]);

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

/**
 * What is due now: notices first (each tells someone of a thing just done, and there are few), those to
 * everyone after the personal ones, then the reminders, oldest first. `onlyNotices`: the notices alone.
 */
export async function dueReminders(
  db: DB,
  now: Date,
  limit: number,
  onlyNotices = false,
): Promise<Reminder[]> {
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
  return (
    withWords(db)
      .where("reminder_outbox.status", "=", "pending")
      .where("reminder_outbox.due_at", "<=", now.toISOString())
      .$if(onlyNotices, (qb) => qb.where("reminder_outbox.kind", "=", "notice"))
      .orderBy(sql`reminder_outbox.kind = 'notice'`, "desc")
      // A round's notice to everyone can be tens of thousands of rows: the few personal ones go before it.
      .orderBy(sql`reminder_outbox.slot_key like ${`${ROUND_NOTICE}%`}`)
      .orderBy("reminder_outbox.due_at")
      .orderBy("reminder_outbox.id")
      .limit(limit)
      .execute()
  );
}

/** When the next waiting row falls due (one postponed by a flood wait, say), if any. */
export async function nextDueAfter(db: DB, now: Date): Promise<Date | undefined> {
  const row = await db
    .selectFrom("reminder_outbox")
    .select("due_at")
    .where("status", "=", "pending")
    .where("due_at", ">", now.toISOString())
    .orderBy("due_at")
    .limit(1)
    .executeTakeFirst();
  return row ? new Date(row.due_at) : undefined;
}

export async function markSent(db: DB, id: number, now: Date): Promise<void> {
  await db
    .updateTable("reminder_outbox")
    .set((eb) => ({ status: "sent", sent_at: now.toISOString(), attempts: eb("attempts", "+", 1) }))
    .where("id", "=", id)
    .execute();
}

export type Claim =
  /** This process may send it; `repeat`: an earlier send's outcome was never known, this one may repeat it. */
  | { claimed: true; repeat: boolean }
  /** Sent or given up meanwhile, or another process holds the database: not to be sent by this one. */
  | { claimed: false };

/**
 * Takes a waiting row to send it now, for the process `holder`. A process that does not hold the database (one
 * that lost its lease while paused) claims nothing. A claim left on a row that is still waiting is a send whose
 * outcome was never known (the process died in flight, or the response was lost): the send that follows is
 * counted as a possible repeat (`repeats`).
 */
export async function claimReminder(
  db: DB,
  reminder: Pick<Reminder, "id" | "repeats">,
  holder: string,
): Promise<Claim> {
  // One statement (SQLite reads the old row in SET): `repeats` grows when the row was left claimed.
  const taken = await db
    .updateTable("reminder_outbox")
    .set({
      claimed_by: holder,
      repeats: sql<number>`repeats + (claimed_by IS NOT NULL)`,
    })
    .where("id", "=", reminder.id)
    .where("status", "=", "pending")
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom("database_lease").select("id").where("holder", "!=", holder))),
    )
    .returning("repeats")
    .executeTakeFirst();
  if (!taken) return { claimed: false };
  return { claimed: true, repeat: taken.repeats > reminder.repeats };
}

/** The send was refused, so surely not delivered: the row is not in doubt any more. */
export async function releaseClaim(db: DB, id: number): Promise<void> {
  await db.updateTable("reminder_outbox").set({ claimed_by: null }).where("id", "=", id).execute();
}

/** How many sends may have repeated an earlier one (after a crash or a lost response), in all. */
export async function possibleRepeats(db: DB): Promise<number> {
  const row = await db
    .selectFrom("reminder_outbox")
    .select((eb) => eb.fn.sum<number>("repeats").as("repeats"))
    .executeTakeFirst();
  return Number(row?.repeats ?? 0);
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
    .set({ due_at: until.toISOString(), last_error: error, claimed_by: null })
    .where("id", "=", id)
    .execute();
}

/**
 * A failed send, retried on a later run. `outcomeUnknown` (a 5xx, a network error, a timeout: Telegram may
 * have delivered it) keeps the claim, so that the retry is counted as a possible repeat.
 */
export async function recordFailedAttempt(
  db: DB,
  id: number,
  error: string,
  outcomeUnknown: boolean,
): Promise<number> {
  const row = await db
    .updateTable("reminder_outbox")
    .set((eb) => ({
      last_error: error,
      attempts: eb("attempts", "+", 1),
      ...(outcomeUnknown ? {} : { claimed_by: null }),
    }))
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

/** Asked on every update in a private chat (see `reachableAgain`): compiled once. */
const unreachableChat = precompile((db: DB, chatId: number) =>
  db.selectFrom("unreachable_chats").select("chat_id").where("chat_id", "=", chatId),
);

export async function isUnreachable(db: DB, chatId: number): Promise<boolean> {
  return (await unreachableChat.first(db, chatId)) !== undefined;
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
  withWords(db)
    .leftJoin("users", "users.telegram_id", "reminder_outbox.chat_id")
    .leftJoin("units", "units.id", "reminder_outbox.unit_id")
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

/** Keeps the report a `/remind now` owes whoever asked, until its fan-out ends (once per slot). */
export async function recordFanOutReport(
  db: DB,
  report: Pick<FanOutReportTable, "round_year" | "slot_key" | "chat_id" | "language" | "requested_at">,
): Promise<void> {
  await db
    .insertInto("fan_out_reports")
    .values({ ...report, waiting_reported_at: null, reported_at: null })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export type FanOutReport = Awaited<ReturnType<typeof reportsOwed>>[number];

/** The reports still owed: fan-outs not yet reported as ended. */
export async function reportsOwed(db: DB) {
  return db
    .selectFrom("fan_out_reports")
    .selectAll()
    .where("reported_at", "is", null)
    .orderBy("requested_at")
    .execute();
}

/** How many rows of a slot are in each status. */
export async function slotCounts(
  db: DB,
  year: number,
  slotKey: string,
): Promise<Record<ReminderStatus, number>> {
  const rows = await db
    .selectFrom("reminder_outbox")
    .select((eb) => ["status", eb.fn.countAll<number>().as("count")])
    .where("round_year", "=", year)
    .where("slot_key", "=", slotKey)
    .groupBy("status")
    .execute();
  const counts = { pending: 0, sent: 0, superseded: 0, unreachable: 0, failed: 0 };
  for (const row of rows) counts[row.status] = Number(row.count);
  return counts;
}

/** Puts a fan-out's report in the outbox and marks it given, in one transaction (once, whatever happens). */
export async function enqueueFanOutReport(
  db: DB,
  report: Pick<FanOutReport, "round_year" | "slot_key">,
  stage: "waiting" | "ended",
  rows: readonly NewReminder[],
  now: Date,
): Promise<void> {
  await atomically(db, async (trx) => {
    for (const row of rows)
      await trx
        .insertInto("reminder_outbox")
        .values(row)
        .onConflict((oc) => oc.doNothing())
        .execute();
    await trx
      .updateTable("fan_out_reports")
      .set(
        stage === "ended" ? { reported_at: now.toISOString() } : { waiting_reported_at: now.toISOString() },
      )
      .where("round_year", "=", report.round_year)
      .where("slot_key", "=", report.slot_key)
      .execute();
  });
}
