import { Api } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type DB, migrateToLatest, openDatabase } from "../../db/connection.js";
import { registerCommandMenus, registerCommandMenusInBackground } from "../../src/command-menus.js";
import { createI18n } from "../../src/i18n.js";
import { FakeTelegram, type OutgoingCall } from "../helpers/fake-telegram.js";
import { createHarness, type Harness, recordingLogger, TEST_TOKEN } from "../helpers/harness.js";
import { registerThroughBot } from "../helpers/scenarios.js";
import { user } from "../helpers/updates.js";

const admin = user(1001, "Admin");
const secondAdmin = user(1002, "Admin 2");
const lan = user(2001, "Lan");

interface MenuCall {
  commands: Array<{ command: string; description: string }>;
  scope: { type: string; chat_id?: number };
  language_code?: string;
}

const menus = (calls: OutgoingCall[]) =>
  calls.filter((c) => c.method === "setMyCommands").map((c) => c.payload as unknown as MenuCall);
const commandNames = (menu: MenuCall | undefined) => menu?.commands.map((c) => c.command);
const chatMenu = (calls: OutgoingCall[], chatId: number) =>
  menus(calls).filter((m) => m.scope.type === "chat" && m.scope.chat_id === chatId);

const EVERYONE = ["start", "help", "me", "lang", "cancel"];
const MEMBER = ["assess", "myresult", "nominations", ...EVERYONE];
const OFFICE = [
  "status",
  "nominate",
  "dossier",
  "pending",
  "quota",
  "record",
  "export",
  "docs",
  "units",
  "invite",
  "round",
  "reopen",
  "remind",
  "council",
  ...MEMBER,
];

describe("registerCommandMenus", () => {
  let db: DB;
  let telegram: FakeTelegram;

  beforeEach(async () => {
    db = openDatabase(":memory:");
    await migrateToLatest(db);
    telegram = new FakeTelegram();
  });
  afterEach(() => db.destroy());

  const deps = (officeAdminIds: number[], fetch: typeof globalThis.fetch = telegram.fetch) => {
    const { logger, lines } = recordingLogger();
    return {
      api: new Api(TEST_TOKEN, { fetch }),
      deps: { db, i18n: createI18n(), officeAdminIds, logger },
      lines,
    };
  };

  it("sets everyone's menu for all private chats in Vietnamese and English, and each admin's own menu", async () => {
    const { api, deps: d } = deps([admin.id]);
    await registerCommandMenus(api, d);

    const all = menus(telegram.calls).filter((m) => m.scope.type === "all_private_chats");
    expect(all).toHaveLength(2);
    const vi = all.find((m) => m.language_code === undefined);
    const en = all.find((m) => m.language_code === "en");
    expect(commandNames(vi)).toEqual(MEMBER);
    expect(commandNames(en)).toEqual(MEMBER);
    expect(vi?.commands.find((c) => c.command === "help")?.description).toBe("Những việc Anh/Chị có thể làm");
    expect(en?.commands.find((c) => c.command === "help")?.description).toBe("What you can do");
    for (const menu of all)
      for (const c of menu.commands) expect(c.description.length).toBeLessThanOrEqual(256);

    const own = chatMenu(telegram.calls, admin.id);
    expect(own).toHaveLength(1);
    expect(commandNames(own[0])).toEqual(OFFICE);
    expect(own[0]?.commands.find((c) => c.command === "units")?.description).toBe(
      "Quản lý đơn vị (Văn phòng)",
    );
  });

  it("also sets the menu of Office members registered in the database, in the language they chose", async () => {
    await db
      .insertInto("units")
      .values({ code: "VP", name: "Văn phòng Sở", created_at: "2026-11-28T02:00:00Z" })
      .execute();
    const unit = await db.selectFrom("units").select("id").executeTakeFirstOrThrow();
    const at = "2026-11-28T02:00:00.000Z";
    await db
      .insertInto("users")
      .values([
        {
          telegram_id: lan.id,
          full_name: "Nguyễn Thị Lan",
          position: "Chánh Văn phòng",
          unit_id: unit.id,
          role: "office",
          consented_at: at,
          created_at: at,
          updated_at: at,
        },
        {
          telegram_id: 2002,
          full_name: "Trần Văn Bình",
          position: "Chuyên viên",
          unit_id: unit.id,
          role: "employee",
          consented_at: at,
          created_at: at,
          updated_at: at,
        },
      ])
      .execute();
    await db.insertInto("preferences").values({ telegram_id: lan.id, language: "en" }).execute();

    const { api, deps: d } = deps([admin.id]);
    await registerCommandMenus(api, d);
    const lanMenu = chatMenu(telegram.calls, lan.id);
    expect(lanMenu).toHaveLength(1);
    expect(commandNames(lanMenu[0])).toEqual(OFFICE);
    expect(lanMenu[0]?.commands.find((c) => c.command === "units")?.description).toBe(
      "Manage units (Department's Office)",
    );
    expect(chatMenu(telegram.calls, 2002)).toEqual([]);
    expect(chatMenu(telegram.calls, admin.id)).toHaveLength(1);
  });

  it("logs, and does not throw, when an admin never started the bot (400 chat not found)", async () => {
    const neverStarted = 9_999;
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const body = typeof init?.body === "string" ? (JSON.parse(init.body) as Partial<MenuCall>) : {};
      if (body.scope?.chat_id === neverStarted) {
        telegram.calls.push({ method: "setMyCommands (refused)", payload: body as Record<string, unknown> });
        return Response.json({ ok: false, error_code: 400, description: "Bad Request: chat not found" });
      }
      return telegram.fetch(input, init);
    };
    const { api, deps: d, lines } = deps([neverStarted, secondAdmin.id], fetch);

    await expect(registerCommandMenus(api, d)).resolves.toBeUndefined();
    const warning = lines.find((line) => line.msg === "could not set a personal command menu");
    expect(warning).toMatchObject({ level: 40, telegramId: neverStarted });
    expect(JSON.stringify(warning?.err)).toContain("chat not found");
    // The other admin's menu is still set after the failure.
    expect(commandNames(chatMenu(telegram.calls, secondAdmin.id)[0])).toEqual(OFFICE);
  });
});

describe("registerCommandMenusInBackground", () => {
  let db: DB;
  beforeEach(async () => {
    db = openDatabase(":memory:");
    await migrateToLatest(db);
  });
  afterEach(() => db.destroy());

  const start = (fetch: typeof globalThis.fetch) => {
    const { logger, lines } = recordingLogger();
    const deps = { db, i18n: createI18n(), officeAdminIds: [admin.id, secondAdmin.id], logger };
    return { task: registerCommandMenusInBackground(new Api(TEST_TOKEN, { fetch }), deps), lines };
  };

  it("logs a failure and settles without throwing", async () => {
    const { task, lines } = start(async () =>
      Response.json({ ok: false, error_code: 400, description: "Bad Request: BOT_COMMAND_INVALID" }),
    );
    await expect(task.done).resolves.toBeUndefined();
    expect(lines.find((line) => line.msg === "could not register the command menus")).toMatchObject({
      level: 40,
    });
  });

  it("stops on request, aborting the call in flight, and sets nothing after that", async () => {
    let calls = 0;
    let inFlight: () => void = () => {};
    const called = new Promise<void>((resolve) => {
      inFlight = resolve;
    });
    const { task, lines } = start(async (_input, init) => {
      calls++;
      inFlight();
      // Telegram never answers: only the abort ends the call.
      return new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener("abort", () => reject(new Error("aborted")));
      });
    });
    await called;
    await task.stop();
    expect(calls).toBe(1);
    expect(lines.map((line) => line.msg)).toContain("command menus: stopped before all were set");
    expect(lines.map((line) => line.msg)).not.toContain("command menus set");
  });
});

describe("personal menus set by the bot", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness({ officeAdminIds: [admin.id] });
  });
  afterEach(() => h.close());

  it("sets the Office menu for a person who registers through an office invite", async () => {
    h.telegram.clear();
    await registerThroughBot(h, admin, lan, { unitCode: "VP", unitName: "Văn phòng Sở", role: "office" });
    const own = chatMenu(h.telegram.calls, lan.id);
    expect(own).toHaveLength(1);
    expect(commandNames(own[0])).toEqual(OFFICE);
  });

  it("removes the personal menu of a person who joins as an employee, and when an Office member leaves", async () => {
    await registerThroughBot(h, admin, lan);
    const deleted = h.telegram
      .callsOf("deleteMyCommands")
      .map((c) => c.payload.scope as { type: string; chat_id: number });
    expect(deleted).toContainEqual({ type: "chat", chat_id: lan.id });
    expect(chatMenu(h.telegram.calls, lan.id)).toEqual([]);

    const bob = user(2003, "Bob");
    await registerThroughBot(h, admin, bob, { role: "office", fullName: "Trần Văn Bình" });
    h.telegram.clear();
    await h.press(bob, "me:delete");
    await h.press(bob, "me:delete:yes");
    expect(h.telegram.callsOf("deleteMyCommands").map((c) => c.payload.scope)).toContainEqual({
      type: "chat",
      chat_id: bob.id,
    });
  });

  it("sets an Office member's personal menu again in English after /lang", async () => {
    h.telegram.clear();
    await h.send(admin, "/lang");
    await h.press(admin, "lang:en");
    const own = chatMenu(h.telegram.calls, admin.id);
    expect(own).toHaveLength(1);
    expect(commandNames(own[0])).toEqual(OFFICE);
    expect(own[0]?.commands.find((c) => c.command === "round")?.description).toBe(
      "Manage award rounds (Department's Office)",
    );
  });
});
