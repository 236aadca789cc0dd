import { join } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type DB, migrateToLatest, openDatabase } from "../../db/connection.js";
import type { Database } from "../../db/schema.js";
import { loadCampaign } from "../../src/campaign/load.js";
import type { BotMessage, FakeGroup, FakeUser, RecordedCall } from "./bot-api-emulator.js";
import type { BotProcess } from "./bot-process.js";
import { buttonsOf, E2eWorld } from "./e2e-helpers.js";

const admin: FakeUser = { id: 7201, first_name: "Hà", language_code: "vi" };
const binh: FakeUser = { id: 7202, first_name: "Bình", language_code: "vi" };
const lan: FakeUser = { id: 7203, first_name: "Lan", language_code: "vi" };
const hung: FakeUser = { id: 7204, first_name: "Hùng", language_code: "vi" };
/** A unit head who is in the database but never pressed Start: Telegram answers 403 to any message. */
const MAI = { id: 7205, fullName: "Đỗ Thị Mai" };
const hctpGroup: FakeGroup = { id: -5201, title: "Phòng Hành chính tư pháp" };

/** The process runs on the real clock: the round to open is the current year in Asia/Ho_Chi_Minh. */
const YEAR = Number(
  new Intl.DateTimeFormat("en", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric" }).format(new Date()),
);
const DAY_MS = 86_400_000;
/** The head's and the group's reminder both say what the unit still owes ("rm-unit-owes"). */
const REMINDER = /còn thiếu:/;

let world: E2eWorld;

const databasePath = () => join(world.dir, "thidua.sqlite");

/** Writes to the world's database before the bot process starts (it migrates the same file again: a no-op). */
async function seed(fill: (db: DB) => Promise<void>): Promise<void> {
  const db = openDatabase(databasePath());
  try {
    await migrateToLatest(db);
    await fill(db);
  } finally {
    await db.destroy();
  }
}

/** Reads the world's database without writing to it; only once no bot process runs. */
async function readDatabase<T>(read: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: new SQLite(databasePath(), { readonly: true }) }),
  });
  try {
    return await read(db);
  } finally {
    await db.destroy();
  }
}

async function seedUnitHead(
  db: DB,
  unit: { code: string; name: string },
  head: { id: number; fullName: string },
  now: string,
): Promise<void> {
  const { id } = await db
    .insertInto("units")
    .values({ code: unit.code, name: unit.name, created_at: now, group_chat_id: null, archived_at: null })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("users")
    .values({
      telegram_id: head.id,
      full_name: head.fullName,
      position: "Trưởng phòng",
      unit_id: id,
      role: "unit_head",
      consented_at: now,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

/** Polls `condition` until it holds; the error says what was awaited and what `state` shows then. */
async function waitUntil(
  what: string,
  condition: () => boolean,
  timeoutMs: number,
  state: () => string = () => "",
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}. ${state()}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const isOk = (call: RecordedCall) => (call.response as { ok?: boolean } | undefined)?.ok === true;
const errorCodeOf = (call: RecordedCall) =>
  (call.response as { error_code?: number } | undefined)?.error_code;

/** The reminders Telegram accepted, as recorded by the emulator (one per sendMessage). */
function acceptedReminders(since = 0): RecordedCall[] {
  return world.emulator.calls
    .slice(since)
    .filter((c) => c.method === "sendMessage" && isOk(c) && REMINDER.test(String(c.payload.text ?? "")));
}

function remindersIn(chatId: number): BotMessage[] {
  return world.emulator.messagesIn(chatId).filter((m) => REMINDER.test(m.plain_text ?? ""));
}

/** Stops the bot gracefully (it finishes the updates and the reminder run in hand), or kills it if it hangs. */
async function stopGracefully(bot: BotProcess, timeoutMs = 15_000): Promise<void> {
  const timer = new Promise<"hung">((resolve) => setTimeout(() => resolve("hung"), timeoutMs));
  const outcome = await Promise.race([bot.kill("SIGTERM"), timer]);
  if (outcome === "hung") {
    await bot.kill("SIGKILL");
    throw new Error(`the bot did not stop within ${timeoutMs} ms of SIGTERM; output:\n${bot.output}`);
  }
}

beforeEach(async () => {
  world = await E2eWorld.start({ officeAdminIds: [admin.id] });
});

afterEach(() => world.stop());

describe("deadline reminders with the real bot process and the Bot API emulator", () => {
  it("/remind now reaches the heads who started the bot and the bound group, and reports the unreachable heads", async () => {
    // Mai's unit and Mai are in the database from the start; Mai never writes to the bot.
    await seed((db) =>
      seedUnitHead(db, { code: "TCCB", name: "Phòng Tổ chức cán bộ" }, MAI, new Date().toISOString()),
    );
    await world.startBot();
    await world.say(admin, "/start", /giúp Văn phòng Sở tổ chức/);
    await world.say(admin, "/units add HCTP Phòng Hành chính tư pháp", /Đã thêm đơn vị HCTP/);
    await world.say(admin, "/units add BTTP Phòng Bổ trợ tư pháp", /Đã thêm đơn vị BTTP/);
    await world.say(admin, `/round open ${YEAR}`, new RegExp(`Đã mở kỳ xét khen thưởng năm ${YEAR}`));
    await world.register(
      binh,
      await world.createInvite(admin, "HCTP", "head"),
      "Trần Văn Bình",
      "Trưởng phòng",
    );
    await world.register(lan, await world.createInvite(admin, "HCTP"), "Nguyễn Thị Lan", "Chuyên viên");
    await world.register(
      hung,
      await world.createInvite(admin, "BTTP", "head"),
      "Lê Văn Hùng",
      "Trưởng phòng",
    );

    // Bình adds the bot to the unit's group and binds it there.
    const bindMark = world.emulator.mark();
    world.emulator.sendTextInGroup(binh, hctpGroup, "/bind");
    await world.emulator.waitForMessage(
      hctpGroup.id,
      (m) => /Đã gắn nhóm này với Phòng Hành chính tư pháp/.test(m.plain_text ?? ""),
      { since: bindMark },
    );
    // Hùng blocks the bot: from now on Telegram answers 403 to messages to him.
    world.emulator.blockBot(hung);
    // Telegram tells the bot (my_chat_member); updates are confirmed only once handled, so wait for that.
    await vi.waitFor(() => expect(world.emulator.pendingUpdates()).toBe(0), { timeout: 10_000 });

    const since = world.emulator.mark();
    const report = await world.say(admin, "/remind now", /Đã gửi \d+\/\d+ tin nhắc/);
    // Four reminders: Bình, the HCTP group, Hùng (blocked the bot), Mai (never pressed Start).
    expect(report.plain_text).toContain("Đã gửi 2/4 tin nhắc.");
    expect(report.plain_text).toContain("Không gửi được cho 2 người/nhóm");
    expect(report.plain_text).toContain("• Lê Văn Hùng");
    expect(report.plain_text).toContain(`• ${MAI.fullName}`);
    expect(report.plain_text).not.toContain("Trần Văn Bình");

    const toBinh = remindersIn(binh.id);
    expect(toBinh).toHaveLength(1);
    expect(toBinh[0]?.plain_text).toContain("Phòng Hành chính tư pháp còn thiếu:");
    expect(toBinh[0]?.plain_text).toContain("2/2 người chưa nộp tự đánh giá");
    expect(toBinh[0]?.plain_text).toContain("Nguyễn Thị Lan");
    expect(toBinh[0]?.plain_text).toContain("Chưa nộp tự đánh giá tập thể của đơn vị");
    expect(toBinh[0]?.plain_text).toMatch(/còn \d+ ngày/);
    // Nothing proposed, no dossier sent: the unit owes that too, and the head gets a button to the dossier.
    expect(toBinh[0]?.plain_text).toContain("Chưa đề nghị khen thưởng");
    expect(toBinh[0]?.plain_text).toContain("Chưa nộp hồ sơ đề nghị khen thưởng");
    expect(buttonsOf(toBinh[0] as BotMessage)).toEqual(["unit:assess", "unit:team", "ds:view"]);

    const toGroup = remindersIn(hctpGroup.id);
    expect(toGroup).toHaveLength(1);
    expect(toGroup[0]?.plain_text).toContain("2/2 người chưa nộp");
    expect(toGroup[0]?.plain_text).not.toContain("Nguyễn Thị Lan");
    expect(toGroup[0]?.plain_text).toContain("Chưa nộp hồ sơ đề nghị khen thưởng");

    // An employee gets no unit reminder; the two unreachable heads got none. Telegram refused Mai with 403 at
    // the round's notice to everyone (she never pressed Start), so she is not tried again; Hùng was not even
    // tried: Telegram had told the bot he blocked it (my_chat_member).
    expect(remindersIn(lan.id)).toHaveLength(0);
    expect(remindersIn(hung.id)).toHaveLength(0);
    expect(remindersIn(MAI.id)).toHaveLength(0);
    const refused = world.emulator.calls
      .slice(since)
      .filter((c) => c.method === "sendMessage" && !isOk(c))
      .map((c) => [Number(c.payload.chat_id), errorCodeOf(c)]);
    expect(refused).toEqual([]);
    expect(
      world.emulator.calls
        .slice(0, since)
        .some(
          (c) => c.method === "sendMessage" && Number(c.payload.chat_id) === MAI.id && errorCodeOf(c) === 403,
        ),
    ).toBe(true);
    expect(world.emulator.calls.slice(since).some((c) => Number(c.payload.chat_id) === hung.id)).toBe(false);

    const overview = await world.say(admin, "/remind", /Nhắc hạn năm/);
    expect(overview.plain_text).toContain("Không gửi được cho 2 người/nhóm");
    expect(overview.plain_text).toContain("Lê Văn Hùng");
    expect(overview.plain_text).toContain(MAI.fullName);

    const log = await world.say(admin, "/remind log", /Nhật ký nhắc hạn/);
    expect(log.plain_text).toMatch(/nhắc đơn vị → Lê Văn Hùng: không liên lạc được/);
    expect(log.plain_text).toMatch(new RegExp(`nhắc đơn vị → ${MAI.fullName}: không liên lạc được`));
    expect(log.plain_text).toMatch(/nhắc nhóm → nhóm của HCTP/);

    // Hùng writes to the bot again ("Restart bot"): he is reachable again; Mai still is not.
    await world.say(hung, "/help", /.+/);
    const after = await world.say(admin, "/remind", /Nhắc hạn năm/);
    expect(after.plain_text).toContain("Không gửi được cho 1 người/nhóm");
    expect(after.plain_text).toContain(MAI.fullName);
    expect(after.plain_text).not.toContain("Lê Văn Hùng");
  });

  it("loses no reminder and repeats at most one when the process is killed during a fan-out to 300 heads", async () => {
    const UNITS = 300;
    const KILL_AFTER = 60;
    const heads: FakeUser[] = Array.from({ length: UNITS }, (_, i) => ({
      id: 20_001 + i,
      first_name: `Trưởng ${i + 1}`,
      language_code: "vi",
    }));
    const codeOf = (i: number) => `U${String(i + 1).padStart(3, "0")}`;
    const campaign = loadCampaign();
    await seed(async (db) => {
      const now = new Date();
      await db.transaction().execute(async (trx) => {
        for (const [i, head] of heads.entries()) {
          await seedUnitHead(
            trx,
            { code: codeOf(i), name: `Đơn vị ${codeOf(i)}` },
            { id: head.id, fullName: `Trần Văn ${codeOf(i)}` },
            now.toISOString(),
          );
        }
        // Deadline 60 days ahead: no scheduled slot (at most 30 days before) falls due during the test.
        await trx
          .insertInto("rounds")
          .values({
            year: YEAR,
            campaign_id: campaign.id,
            status: "open",
            deadline_at: new Date(now.getTime() + 60 * DAY_MS).toISOString(),
            opened_at: now.toISOString(),
            opened_by: admin.id,
            closed_at: null,
          })
          .execute();
      });
    });

    // Every head writes to the bot once (so Telegram lets the bot write to them), before it starts.
    let lastUpdate = 0;
    for (const head of heads) lastUpdate = world.emulator.sendText(head, "/help").update_id;
    const first = await world.startBot();
    await world.emulator.waitForConfirmation(lastUpdate, 30_000);
    expect(acceptedReminders()).toHaveLength(0);

    const since = world.emulator.mark();
    await world.say(admin, "/remind now", new RegExp(`Đang gửi ${UNITS} tin nhắc`));
    const progress = () =>
      `${acceptedReminders(since).length} reminders accepted; bot output tail:\n${world.bots
        .at(-1)
        ?.output.slice(-3000)}`;
    await waitUntil(
      `${KILL_AFTER} reminders`,
      () => acceptedReminders(since).length >= KILL_AFTER,
      20_000,
      progress,
    );
    const killed = await first.kill("SIGKILL");
    expect(killed.signal).toBe("SIGKILL");
    const beforeKill = acceptedReminders(since).length;
    expect(beforeKill).toBeLessThan(UNITS);

    // The restarted process takes the database over at once (the killed one is gone) and sends the rest from
    // its outbox at its start-up tick.
    const second = await world.startBot();
    expect(second.logs().map((line) => line.msg)).toContain(
      "took the database over from a process that stopped without releasing it",
    );
    const reached = () => heads.filter((h) => remindersIn(h.id).length > 0).length;
    await waitUntil(
      "every head to get the reminder",
      () => reached() === UNITS,
      30_000,
      () => `${reached()}/${UNITS} heads reached (${beforeKill} before the kill). ${progress()}`,
    );
    // Nothing more comes: no reminder for 2 s.
    await waitUntil(
      "the fan-out to settle",
      () => {
        const last = acceptedReminders(since).at(-1);
        return last !== undefined && Date.now() - last.at > 2000;
      },
      25_000,
      progress,
    );
    // The report of the /remind now asked of the killed process comes when the fan-out ends.
    const ended = await world.emulator.waitForMessage(
      admin.id,
      (m) => /^Đã gửi \d+\/\d+ tin nhắc\.$/.test(m.plain_text ?? ""),
      { since, timeoutMs: 30_000 },
    );
    expect(ended.plain_text).toBe(`Đã gửi ${UNITS}/${UNITS} tin nhắc.`);
    await stopGracefully(second);

    const counts = heads.map((h) => remindersIn(h.id).length);
    const repeated = counts.filter((n) => n > 1).length;
    expect(
      counts.filter((n) => n === 0),
      "heads never reminded",
    ).toHaveLength(0);
    expect(repeated, `${repeated} heads were reminded more than once`).toBeLessThanOrEqual(1);
    expect(Math.max(...counts), "reminders to one head").toBeLessThanOrEqual(2);

    // Throttled to about 30 a second: the restarted process took at least (n - 30) / 30 s for its n reminders,
    // and no second saw 60 arrive. (Arrival times are measured here, and the limiter stamps a send when it starts it:
    // one slow request lets a 31st land in the same second, so the exact bound of 30 is not asserted.)
    const times = acceptedReminders(since).map((c) => c.at);
    const afterRestart = times.slice(beforeKill);
    expect((afterRestart.at(-1) ?? 0) - (afterRestart[0] ?? 0)).toBeGreaterThanOrEqual(
      ((afterRestart.length - 30) / 30) * 1000 - 100,
    );
    for (let i = 60; i < times.length; i++) {
      expect((times[i] ?? 0) - (times[i - 60] ?? 0)).toBeGreaterThanOrEqual(1000);
    }

    const rows = await readDatabase((db) =>
      db
        .selectFrom("reminder_outbox")
        .select(["chat_id", "status", "kind", "repeats"])
        .where("kind", "!=", "notice")
        .execute(),
    );
    expect(rows.filter((r) => r.status !== "sent")).toEqual([]);
    expect(new Set(rows.map((r) => r.chat_id)).size).toBe(UNITS);
    expect(rows).toHaveLength(UNITS);
    // Every repeat is counted: the one in flight at the kill, if it had reached Telegram.
    const counted = rows.reduce((sum, r) => sum + r.repeats, 0);
    expect(counted).toBeLessThanOrEqual(1);
    expect(repeated).toBeLessThanOrEqual(counted);
  });

  it("reports what waits for a 429's retry_after, and after a restart still reports when the fan-out ends", async () => {
    const heads: FakeUser[] = Array.from({ length: 5 }, (_, i) => ({
      id: 21_001 + i,
      first_name: `Trưởng ${i + 1}`,
      language_code: "vi",
    }));
    const campaign = loadCampaign();
    await seed(async (db) => {
      const now = new Date();
      for (const [i, head] of heads.entries())
        await seedUnitHead(
          db,
          { code: `W${i + 1}`, name: `Đơn vị W${i + 1}` },
          { id: head.id, fullName: `Trần Văn W${i + 1}` },
          now.toISOString(),
        );
      await db
        .insertInto("rounds")
        .values({
          year: YEAR,
          campaign_id: campaign.id,
          status: "open",
          deadline_at: new Date(now.getTime() + 60 * DAY_MS).toISOString(),
          opened_at: now.toISOString(),
          opened_by: admin.id,
          closed_at: null,
        })
        .execute();
    });
    let lastUpdate = 0;
    for (const head of heads) lastUpdate = world.emulator.sendText(head, "/help").update_id;
    const first = await world.startBot();
    await world.emulator.waitForConfirmation(lastUpdate, 30_000);

    // Telegram asks the bot to wait 8 s when it writes to the third head.
    world.emulator.floodWaitOn("sendMessage", 8, (payload) => Number(payload.chat_id) === heads[2]?.id);
    const since = world.emulator.mark();
    await world.say(admin, "/remind now", /Đang gửi 5 tin nhắc/);
    const waiting = await world.emulator.waitForMessage(
      admin.id,
      (m) => /tin đang chờ/.test(m.plain_text ?? ""),
      { since, timeoutMs: 20_000 },
    );
    expect(waiting.plain_text).toMatch(
      /^Đã gửi 2\/5 tin nhắc; 3 tin đang chờ vì Telegram yêu cầu tạm dừng đến \d\d:\d\d \d\d\/\d\d\/\d{4}; 0 người\/nhóm không liên lạc được\. Bot sẽ báo lại khi gửi xong\.$/,
    );

    // The process dies during the wait; the next one finishes the fan-out and gives the report.
    await first.kill("SIGKILL");
    const second = await world.startBot();
    const ended = await world.emulator.waitForMessage(
      admin.id,
      (m) => /^Đã gửi \d+\/\d+ tin nhắc\.$/.test(m.plain_text ?? ""),
      { since, timeoutMs: 40_000 },
    );
    expect(ended.plain_text).toBe("Đã gửi 5/5 tin nhắc.");
    await stopGracefully(second);

    expect(heads.map((h) => remindersIn(h.id).length)).toEqual([1, 1, 1, 1, 1]);
    const reports = world.emulator
      .messagesIn(admin.id)
      .map((m) => m.plain_text ?? "")
      .filter((text) => text.startsWith("Đã gửi"));
    expect(reports.filter((text) => text === ended.plain_text)).toHaveLength(1);
    // The kill may come between Telegram's accepting the first report and the bot's marking it sent: then it
    // is sent once more, and counted.
    const waitingSent = reports.filter((text) => text === waiting.plain_text).length;
    const counted = await readDatabase((db) =>
      db
        .selectFrom("reminder_outbox")
        .select("repeats")
        .where("slot_key", "like", "report:waiting:%")
        .executeTakeFirstOrThrow(),
    );
    expect(waitingSent).toBe(1 + counted.repeats);
    expect(counted.repeats).toBeLessThanOrEqual(1);
  });
});
