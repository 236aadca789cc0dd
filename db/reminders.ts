import { CompiledQuery, sql } from "kysely";
import type { Progress, UnitRoundFacts } from "../src/domain/unit-status.js";
import type { DB } from "./connection.js";
import { loadUnitRecords } from "./round-status.js";
import type { Language, NewReminder, Reminder, Role } from "./schema.js";

export interface Person {
  telegramId: number;
  fullName: string;
  role: Role;
  language: Language;
  /** The state of their own assessment in the round (as /status counts it). */
  assessment: Progress;
  submitted: boolean;
}

export interface UnitState {
  id: number;
  code: string;
  name: string;
  groupChatId: number | null;
  /** Who is reminded: each person's role, language and whether their self-assessment is submitted, by name. */
  people: Person[];
  /** What the unit has done in the round (people, its own assessment, nominations, documents, dossier). */
  facts: UnitRoundFacts;
}

/** Units read at a time: between two reads, `pause` lets the bot answer updates. */
const UNITS_PER_READ = 10;

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

/**
 * The people of these units, each once with all the reminders need of them, in name order unit by unit (the
 * index on unit and name gives that order without sorting). Each is counted in the unit they are in now.
 */
function peopleOf(db: DB, year: number, unitIds: readonly number[]) {
  return db
    .selectFrom("users")
    .leftJoin("assessments", (join) =>
      join
        .onRef("assessments.subject_id", "=", "users.telegram_id")
        .on("assessments.subject", "=", "individual")
        .on("assessments.round_year", "=", year),
    )
    .leftJoin("preferences", "preferences.telegram_id", "users.telegram_id")
    .select([
      "users.telegram_id",
      "users.full_name",
      "users.role",
      "users.unit_id",
      "assessments.status",
      "preferences.language",
    ])
    .where("users.unit_id", "in", [...unitIds])
    .orderBy("users.unit_id")
    .orderBy("users.full_name")
    .orderBy("users.telegram_id")
    .execute();
}

async function statesOf(db: DB, year: number, only: readonly number[]): Promise<UnitState[]> {
  const [units, groups, rows] = await Promise.all([
    loadUnitRecords(db, year, only),
    db
      .selectFrom("units")
      .select(["id", "group_chat_id"])
      .where("id", "in", [...only])
      .execute(),
    peopleOf(db, year, only),
  ]);
  const groupOf = new Map(groups.map((row) => [row.id, row.group_chat_id]));
  const people = new Map<number, Person[]>();
  for (const row of rows) {
    const assessment: Progress = row.status ?? "not_started";
    const person: Person = {
      telegramId: row.telegram_id,
      fullName: row.full_name,
      role: row.role,
      language: row.language ?? "vi",
      assessment,
      submitted: assessment === "submitted",
    };
    const list = people.get(row.unit_id);
    if (list) list.push(person);
    else people.set(row.unit_id, [person]);
  }
  return units.map(({ unit, records }) => {
    const unitPeople = people.get(unit.id) ?? [];
    return {
      id: unit.id,
      code: unit.code,
      name: unit.name,
      groupChatId: groupOf.get(unit.id) ?? null,
      people: unitPeople,
      // The same people, as /status reads them: a person is both.
      facts: { people: unitPeople, ...records },
    };
  });
}

/** 13 bound values a row: well under SQLite's 32,766 variables a statement. */
const ROWS_PER_INSERT = 500;
/**
 * Rows written per transaction: between two, `pause` lets updates reach the database (the bot has one
 * connection, so a transaction holds every other query until it commits).
 */
const ROWS_PER_TRANSACTION = 1_000;

/**
 * Rows of these kinds say the same words to everyone reading the same language (they name no one): words used
 * by more than one row of a slot are stored once, in `reminder_messages`, and the rows point to them. 45,000
 * copies of one text were most of what a slot wrote.
 */
const SHARED_KINDS: ReadonlySet<Reminder["kind"]> = new Set(["employee"]);

/** By text, then keyboard: the planner hands the same string to every row of a language, so lookups are cheap. */
type ByWords<T> = Map<string, Map<string | null, T>>;

const byWords = <T>(map: ByWords<T>, row: Pick<NewReminder, "text" | "reply_markup">) =>
  map.get(row.text)?.get(row.reply_markup ?? null);

function setByWords<T>(map: ByWords<T>, text: string, markup: string | null, value: T): void {
  const byMarkup = map.get(text) ?? new Map<string | null, T>();
  byMarkup.set(markup, value);
  map.set(text, byMarkup);
}

/**
 * The slot's shared messages (words more than one row uses), stored once each: those already stored by a run
 * that died part-way are reused, so a slot planned again points its rows to the same words.
 */
async function sharedMessages(
  db: DB,
  year: number,
  slotKey: string,
  rows: readonly NewReminder[],
): Promise<ByWords<number>> {
  const uses: ByWords<number> = new Map();
  for (const row of rows) {
    if (SHARED_KINDS.has(row.kind))
      setByWords(uses, row.text, row.reply_markup ?? null, (byWords(uses, row) ?? 0) + 1);
  }
  const shared: ByWords<number> = new Map();
  if (uses.size === 0) return shared;
  const stored = await db
    .selectFrom("reminder_messages")
    .select(["id", "text", "reply_markup"])
    .where("round_year", "=", year)
    .where("slot_key", "=", slotKey)
    .execute();
  for (const message of stored) setByWords(shared, message.text, message.reply_markup, message.id);
  for (const [text, byMarkup] of uses) {
    for (const [markup, count] of byMarkup) {
      if (count < 2 || byWords(shared, { text, reply_markup: markup }) !== undefined) continue;
      const { id } = await db
        .insertInto("reminder_messages")
        .values({ round_year: year, slot_key: slotKey, text, reply_markup: markup })
        .returning("id")
        .executeTakeFirstOrThrow();
      setByWords(shared, text, markup, id);
    }
  }
  return shared;
}

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

/** One statement's worth of rows, written in a transaction with others. */
type Write = { rows: number; run: (trx: DB) => Promise<unknown> };

/** Rows that point to the same message share everything but their chat, page and unit. */
function sameButRecipient(a: NewReminder, b: NewReminder): boolean {
  return (
    a.round_year === b.round_year &&
    a.slot_key === b.slot_key &&
    a.kind === b.kind &&
    a.due_at === b.due_at &&
    (a.expires_at ?? null) === (b.expires_at ?? null) &&
    a.status === b.status &&
    a.created_at === b.created_at
  );
}

/** What a row pointing to a shared message binds of its own, in this order. */
type Recipient = [chatId: number, page: number, unitId: number | null, messageId: number];
/** What all of them bind once, in this order. */
type Common = [
  roundYear: number,
  slotKey: string,
  kind: string,
  dueAt: string,
  expiresAt: string | null,
  status: string,
  createdAt: string,
];

/** The most recipients a statement binds (4 values each); a smaller rest goes in powers of two. */
const RECIPIENTS_PER_INSERT = 1_024;

/**
 * Rows pointing to a shared message, written from a list of recipients:
 * `WITH recipients(…) AS (VALUES (?, ?, ?, ?), …) INSERT INTO reminder_outbox (…) SELECT …`. Kysely builds
 * it once for each size (a power of two: a dozen statements at most, each prepared once); each use binds new
 * values in the same places. Building 1,000 tuples anew for each statement cost more than SQLite writing them.
 */
const recipientInserts = new Map<number, CompiledQuery>();

function recipientInsert(db: DB, size: number): CompiledQuery {
  const known = recipientInserts.get(size);
  if (known) return known;
  // Placeholders that name their place, to check that Kysely binds them in the order they are given below.
  const recipients = Array.from({ length: size }, (_, i) => [`r${i}c0`, `r${i}c1`, `r${i}c2`, `r${i}c3`]);
  const common = ["k0", "k1", "k2", "k3", "k4", "k5", "k6"] as const;
  const query = db
    .with(
      "recipients(chat_id, page, unit_id, message_id)",
      () =>
        sql<{ chat_id: number; page: number; unit_id: number | null; message_id: number }>`(values ${sql.join(
          recipients.map((tuple) => sql`(${sql.join(tuple)})`),
        )})`,
    )
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
    .expression((eb) =>
      eb
        .selectFrom("recipients")
        .select([
          sql<number>`${common[0]}`.as("round_year"),
          sql<string>`${common[1]}`.as("slot_key"),
          sql<Reminder["kind"]>`${common[2]}`.as("kind"),
          "recipients.chat_id",
          "recipients.page",
          "recipients.unit_id",
          sql<string>`''`.as("text"),
          sql<null>`null`.as("reply_markup"),
          "recipients.message_id",
          sql<string>`${common[3]}`.as("due_at"),
          sql<string | null>`${common[4]}`.as("expires_at"),
          sql<Reminder["status"]>`${common[5]}`.as("status"),
          sql<string>`${common[6]}`.as("created_at"),
        ])
        // SQLite reads `ON CONFLICT` after a bare FROM as a join's: a WHERE keeps it the insert's.
        .where(sql<boolean>`true`),
    )
    .onConflict((oc) => oc.doNothing())
    .compile();
  const expected = [...recipients.flat(), ...common];
  if (query.parameters.length !== expected.length || query.parameters.some((p, i) => p !== expected[i]))
    throw new Error("the recipients' insert binds its values in another order than expected");
  recipientInserts.set(size, query);
  return query;
}

/** The sizes of the statements that write `count` recipients: full ones, then the rest in powers of two. */
function recipientChunks(count: number): number[] {
  const sizes: number[] = [];
  let left = count;
  while (left >= RECIPIENTS_PER_INSERT) {
    sizes.push(RECIPIENTS_PER_INSERT);
    left -= RECIPIENTS_PER_INSERT;
  }
  for (let size = RECIPIENTS_PER_INSERT / 2; size >= 1; size /= 2) {
    if (left >= size) {
      sizes.push(size);
      left -= size;
    }
  }
  return sizes;
}

/**
 * The statements that write `rows`: rows of their own many to a statement; rows pointing to a shared message
 * bind only their chat, page, unit and message (the rest is the same for all of them): a third of the values.
 */
function writes(rows: readonly NewReminder[], shared: ByWords<number>): Write[] {
  const own: NewReminder[] = [];
  const recipients: Recipient[] = [];
  const first = rows.find((row) => SHARED_KINDS.has(row.kind) && byWords(shared, row) !== undefined);
  for (const row of rows) {
    const messageId = first && SHARED_KINDS.has(row.kind) ? byWords(shared, row) : undefined;
    if (first && messageId !== undefined && sameButRecipient(row, first))
      recipients.push([row.chat_id, row.page ?? 0, row.unit_id ?? null, messageId]);
    else own.push(row);
  }
  const list: Write[] = [];
  for (let at = 0; at < own.length; at += ROWS_PER_INSERT) {
    const some = own.slice(at, at + ROWS_PER_INSERT);
    list.push({
      rows: some.length,
      run: (trx) =>
        trx
          .insertInto("reminder_outbox")
          .values(some.map(outboxRow))
          .onConflict((oc) => oc.doNothing())
          .execute(),
    });
  }
  if (!first) return list;
  const common: Common = [
    first.round_year,
    first.slot_key,
    first.kind,
    first.due_at,
    first.expires_at ?? null,
    first.status,
    first.created_at,
  ];
  let at = 0;
  for (const size of recipientChunks(recipients.length)) {
    const some = recipients.slice(at, at + size);
    at += size;
    list.push({
      rows: size,
      run: (trx) => {
        const query = recipientInsert(trx, size);
        return trx.executeQuery(CompiledQuery.raw(query.sql, [...some.flat(), ...common]));
      },
    });
  }
  return list;
}

/** Writes as many of `list` from `at` as make up about one transaction's rows; returns where it stopped. */
function transactionOf(list: readonly Write[], at: number): number {
  let end = at;
  let rows = 0;
  while (end < list.length && (end === at || rows + (list[end]?.rows ?? 0) <= ROWS_PER_TRANSACTION)) {
    rows += list[end]?.rows ?? 0;
    end++;
  }
  return end;
}

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
  const list = writes(rows, await sharedMessages(db, year, slotKey, rows));
  let at = 0;
  for (let end = transactionOf(list, at); end < list.length; at = end, end = transactionOf(list, at)) {
    const some = list.slice(at, end);
    await db.transaction().execute(async (trx) => {
      for (const write of some) await write.run(trx);
    });
    await pause();
  }
  return db.transaction().execute(async (trx) => {
    const marked = await trx
      .insertInto("reminder_slots")
      .values({ round_year: year, slot_key: slotKey, planned_at: now.toISOString() })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if ((marked.numInsertedOrUpdatedRows ?? 0n) === 0n) return false;
    for (const write of list.slice(at)) await write.run(trx);
    return true;
  });
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
  return withWords(db)
    .where("reminder_outbox.status", "=", "pending")
    .where("reminder_outbox.due_at", "<=", now.toISOString())
    .orderBy("reminder_outbox.due_at")
    .orderBy("reminder_outbox.id")
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
