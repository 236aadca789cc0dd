import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadAnswers } from "../../../db/assessments.js";
import { openDatabase } from "../../../db/connection.js";
import type { FakeUser } from "../bot-api-emulator.js";
import type { E2eWorld } from "../e2e-helpers.js";
import { openRoundWithUnit, seeded, startDrillWorld, until } from "./drill-kit.js";

const admin: FakeUser = { id: 9201, first_name: "Hà", language_code: "vi" };
const others: FakeUser[] = [
  { id: 9203, first_name: "Nhanh", language_code: "vi" },
  { id: 9204, first_name: "Kịp", language_code: "vi" },
];

/** One process for the whole file (each start costs seconds); each test has its own slow chat and faults. */
let world: E2eWorld;

beforeAll(async () => {
  world = await startDrillWorld([admin.id]);
  await world.startBot();
  await openRoundWithUnit(world, admin);
});
afterAll(() => world.stop());

const helpAnswered = (user: FakeUser) => world.say(user, "/help", /\/assess|\/start|\/help/);

describe(seeded("drill: one chat's trouble is its own"), { timeout: 90_000 }, () => {
  it("answers other chats while one chat's message is delayed at Telegram", async () => {
    const slow: FakeUser = { id: 9202, first_name: "Chậm", language_code: "vi" };
    const delaying = world.emulator.injectFault({
      method: "sendMessage",
      chatId: slow.id,
      fault: { kind: "delay", ms: 15_000 },
    });
    world.emulator.sendText(slow, "/help");
    await until(() => world.emulator.faultsInjected("delay") > 0);

    for (const user of others) await helpAnswered(user);
    // Both answered while the slow chat's message was still on its way.
    expect(world.emulator.messagesIn(slow.id)).toEqual([]);
    delaying();
  });

  it("answers other chats while every message to one chat fails with 502 or a reset connection", async () => {
    const slow: FakeUser = { id: 9205, first_name: "Lỗi", language_code: "vi" };
    const failing = world.emulator.injectFault({
      method: "sendMessage",
      chatId: slow.id,
      fault: { kind: "error-before" },
    });
    world.emulator.injectFault({
      method: "sendMessage",
      chatId: others[1]?.id,
      fault: { kind: "reset" },
      times: 1,
    });
    world.emulator.sendText(slow, "/help");
    await until(() => world.emulator.faultsInjected("error-before") > 0);

    for (const user of others) await helpAnswered(user);
    expect(world.emulator.faultsInjected("reset")).toBe(1);
    expect(world.emulator.messagesIn(slow.id)).toEqual([]);
    failing();
  });

  it("handles an update once when a new process gets it again after a crash", async () => {
    // An older update that hangs keeps the next ones unconfirmed, even once handled: as after a crash mid-batch.
    const holder: FakeUser = { id: 9206, first_name: "Giữ", language_code: "vi" };
    const release = world.emulator.holdMethod(
      "sendMessage",
      (payload) => Number(payload.chat_id) === holder.id,
    );
    world.emulator.sendText(holder, "/help");
    const before = world.lastMessageId(admin);
    const add = world.emulator.sendText(admin, "/units add TP Phòng Tư pháp");
    await world.emulator.waitForMessage(admin.id, (m) => /Đã thêm đơn vị TP/.test(m.plain_text ?? ""));
    await world.bots.at(-1)?.kill("SIGKILL");
    expect(world.emulator.pendingUpdates()).toBeGreaterThanOrEqual(2);

    release();
    await world.startBot();
    await world.emulator.waitForConfirmation(add.update_id, 45_000);
    await world.say(admin, "/help", /\/units/);
    const replies = world.emulator
      .messagesIn(admin.id)
      .filter((m) => m.message_id > before && /Đã thêm đơn vị TP/.test(m.plain_text ?? ""));
    expect(replies).toHaveLength(1);
    const db = openDatabase(join(world.dir, "thidua.sqlite"));
    try {
      const units = await db.selectFrom("units").select("code").where("code", "=", "TP").execute();
      expect(units).toHaveLength(1);
    } finally {
      await db.destroy();
    }
  });

  it("stores one of two heads' answers typed at the same instant, whole, and tells the other", async () => {
    const heads: FakeUser[] = [
      { id: 9211, first_name: "Bình", language_code: "vi" },
      { id: 9212, first_name: "Quang", language_code: "vi" },
    ];
    const names = ["Trần Văn Bình", "Đỗ Văn Quang"];
    for (const [index, head] of heads.entries()) {
      await world.register(
        head,
        await world.createInvite(admin, "HCTP", "head"),
        names[index] ?? "",
        "Trưởng phòng",
      );
    }
    const [first, second] = heads;
    if (!first || !second) throw new Error("two heads");
    const panel = await world.say(first, "/unit", { button: "unit:assess" });
    const question = await world.press(first, panel, "unit:assess", { button: "as:c:chap-hanh:met:yes" });
    await world.press(first, question, "as:c:chap-hanh:met:yes", /tóm tắt/);
    const otherPanel = await world.say(second, "/unit", { button: "unit:assess" });
    await world.press(second, otherPanel, "unit:assess", /tóm tắt/);

    // Both type the account of criterion 1 at once: one getUpdates answer brings both.
    const accounts = heads.map((head) => `Đơn vị chấp hành nghiêm kỷ luật, theo lời ${head.first_name}.`);
    const typed = heads.map((head, index) => world.emulator.sendText(head, accounts[index] ?? ""));
    for (const update of typed) await world.emulator.waitForConfirmation(update.update_id);

    const db = openDatabase(join(world.dir, "thidua.sqlite"));
    let stored: string | null | undefined;
    try {
      const row = await db
        .selectFrom("assessments")
        .select("id")
        .where("subject", "=", "unit")
        .executeTakeFirstOrThrow();
      stored = (await loadAnswers(db, row.id)).criteria["chap-hanh"]?.account;
    } finally {
      await db.destroy();
    }
    expect(accounts).toContain(stored);
    const loser = heads[accounts.indexOf(stored ?? "") === 0 ? 1 : 0];
    const told = world.emulator
      .messagesIn(loser?.id ?? 0)
      .filter((m) => m.message_id > (typed[heads.indexOf(loser as FakeUser)]?.message_id ?? 0));
    expect(told.map((m) => m.plain_text ?? "").join("\n")).toMatch(/Câu hỏi đã thay đổi/);
  });
});
