import type { DB } from "../../db/connection.js";
import type { Role } from "../../db/schema.js";
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
