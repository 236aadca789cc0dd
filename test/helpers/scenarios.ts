import type { DB } from "../../db/connection.js";
import { moveNomination } from "../../db/nominations.js";
import { ROUND_NOTICE } from "../../db/notices.js";
import type { Role } from "../../db/schema.js";
import { parseNomineeKey, reportKey } from "../../src/domain/nominations.js";
import type { Harness } from "./harness.js";
import type { TestUser } from "./updates.js";

export const INVITE_LINK = /https:\/\/t\.me\/thidua_test_bot\?start=([A-Za-z0-9_-]+)/;

/** The invite token in the last text the bot sent to `chatId`. */
export function lastInviteToken(h: Harness, chatId: number): string {
  const text = h.telegram.lastTextTo(chatId);
  const token = INVITE_LINK.exec(text)?.[1];
  if (!token) throw new Error(`no invite link in: ${text}`);
  return token;
}

/** `/invite CODE [head|office]` sent by an Office member; returns the new token. */
export async function createInviteToken(
  h: Harness,
  office: TestUser,
  code: string,
  roleWord: "" | "head" | "office" = "",
): Promise<string> {
  await h.send(office, `/invite ${code} ${roleWord}`.trim());
  return lastInviteToken(h, office.id);
}

const ROLE_WORDS: Record<Role, "" | "head" | "office"> = {
  employee: "",
  unit_head: "head",
  office: "office",
};

/**
 * Registers `person` through the bot, as a person would: an Office member makes the unit (if needed) and
 * an invite, then the person opens it, consents, types name and position and confirms.
 */
export async function registerThroughBot(
  h: Harness,
  office: TestUser,
  person: TestUser,
  options: { unitCode?: string; unitName?: string; role?: Role; fullName?: string; position?: string } = {},
): Promise<void> {
  const unitCode = options.unitCode ?? "HCTP";
  await h.send(office, `/units add ${unitCode} ${options.unitName ?? "Phòng Hành chính tư pháp"}`);
  const token = await createInviteToken(h, office, unitCode, ROLE_WORDS[options.role ?? "employee"]);
  await h.send(person, `/start ${token}`);
  await h.press(person, "reg:consent:yes");
  await h.send(person, options.fullName ?? "Nguyễn Thị Lan");
  await h.send(person, options.position ?? "Chuyên viên");
  await h.press(person, "reg:end:confirm");
  const done = h.telegram.lastTextTo(person.id);
  if (!/Đăng ký xong|Registration complete/.test(done))
    throw new Error(`registration did not finish: ${done}`);
}

/** Every row of the tables an Office command can change, to check that a refused command changed nothing. */
export async function snapshotTables(db: DB): Promise<Record<string, unknown[]>> {
  return {
    units: await db.selectFrom("units").selectAll().orderBy("id").execute(),
    users: await db.selectFrom("users").selectAll().orderBy("telegram_id").execute(),
    invites: await db.selectFrom("invites").selectAll().orderBy("token").execute(),
    rounds: await db.selectFrom("rounds").selectAll().orderBy("year").execute(),
    preferences: await db.selectFrom("preferences").selectAll().orderBy("telegram_id").execute(),
  };
}

/** Puts a registered person straight into the database, as joining through an invite would have left them. */
export async function insertUser(
  db: DB,
  person: { telegramId: number; fullName: string; unitId: number; role: Role; at: string; position?: string },
): Promise<void> {
  await db
    .insertInto("users")
    .values({
      telegram_id: person.telegramId,
      full_name: person.fullName,
      position: person.position ?? "Chuyên viên",
      unit_id: person.unitId,
      role: person.role,
      consented_at: person.at,
      created_at: person.at,
      updated_at: person.at,
    })
    .execute();
}

/**
 * The documents key of a nominee's nomination in a unit ("p:<telegram id>" or "u:<unit id>", as tests name
 * nominees), for tests that put dossier files straight into the database: a report belongs to a nomination.
 */
export async function reportKeyFor(
  db: DB,
  year: number,
  unitId: number,
  nominee: string,
  formId?: string,
): Promise<string> {
  if (nominee === "") return "";
  const parsed = parseNomineeKey(nominee);
  if (!parsed) throw new Error(`not a nominee key: ${nominee}`);
  let query = db
    .selectFrom("nominations")
    .select("id")
    .where("round_year", "=", year)
    .where("unit_id", "=", unitId)
    .where("nominee_kind", "=", parsed.kind)
    .where("nominee_id", "=", parsed.id);
  if (formId) query = query.where("form_id", "=", formId);
  const row = await query.orderBy("id").executeTakeFirst();
  if (!row) throw new Error(`no nomination of ${nominee} in unit ${unitId}`);
  return reportKey(row.id);
}

/** The data of the 📎 button that uploads a nominee's Báo cáo thành tích (document 1) in /dossier. */
export async function reportUploadData(db: DB, nominee: string, formId?: string): Promise<string> {
  const parsed = parseNomineeKey(nominee);
  if (!parsed) throw new Error(`not a nominee key: ${nominee}`);
  let query = db
    .selectFrom("nominations")
    .select("id")
    .where("nominee_kind", "=", parsed.kind)
    .where("nominee_id", "=", parsed.id);
  if (formId) query = query.where("form_id", "=", formId);
  const row = await query.orderBy("id").executeTakeFirst();
  if (!row) throw new Error(`no nomination of ${nominee}`);
  return `ds:up:1:${reportKey(row.id)}`;
}

/**
 * The Council passes a nomination the Office put before it, as its meeting's tally would: straight in the
 * database, for tests whose subject comes after the vote.
 */
export async function councilPasses(db: DB, nominationId: number, now: Date, chairId = 0): Promise<void> {
  const moved = await moveNomination(
    db,
    {
      id: nominationId,
      from: "recommended",
      to: "council_passed",
      by: chairId,
      byRole: "council",
      reason: null,
      updateId: null,
    },
    now,
  );
  if (moved === undefined) throw new Error(`nomination ${nominationId} was not before the Council`);
}

/**
 * A sent nomination's whole way to the Council's pass, straight in the database: submitted, taken for review
 * and put before the Council by `officeId`, then passed (recorded as by the same person).
 */
export async function reviewedAndPassed(
  db: DB,
  nominationId: number,
  officeId: number,
  now: Date,
): Promise<void> {
  let from: "draft" | "submitted" | "under_review" = "draft";
  for (const to of ["submitted", "under_review", "recommended"] as const) {
    const moved = await moveNomination(
      db,
      { id: nominationId, from, to, by: officeId, byRole: "office", reason: null, updateId: null },
      now,
    );
    if (moved === undefined) throw new Error(`could not move nomination ${nominationId} to ${to}`);
    if (to !== "recommended") from = to;
  }
  await councilPasses(db, nominationId, now, officeId);
}

/**
 * Sends the notices of a round just opened to everyone registered (through the outbox, as the bot does), then
 * drops their sent rows: a test of what comes later (reminders, moves) reads the outbox without them.
 */
export async function sendRoundNotices(h: Harness): Promise<void> {
  await h.settle();
  await h.db
    .deleteFrom("reminder_outbox")
    .where("slot_key", "like", `${ROUND_NOTICE}%`)
    .where("status", "=", "sent")
    .execute();
}
