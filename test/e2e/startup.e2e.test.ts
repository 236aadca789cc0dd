import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FakeUser } from "./bot-api-emulator.js";
import { E2eWorld } from "./e2e-helpers.js";

const admin: FakeUser = { id: 7101, first_name: "Hà", language_code: "vi" };

let world: E2eWorld;

beforeEach(async () => {
  world = await E2eWorld.start({ officeAdminIds: [admin.id] });
});

afterEach(() => world.stop());

const menuCallsAnswered = () => world.emulator.calls.filter((call) => call.method === "setMyCommands");

describe("start-up: polling first, command menus in the background", () => {
  it("answers a person while no setMyCommands call has returned yet, then sets the menus", async () => {
    const release = world.emulator.holdMethod("setMyCommands");
    const bot = await world.startBot();

    const reply = await world.say(admin, "/help", /\S/);
    expect(reply.plain_text).not.toBe("");
    // The emulator records a call once it has answered it: none of the menu calls has been answered.
    expect(menuCallsAnswered()).toEqual([]);
    expect(bot.logs().some((line) => line.msg === "command menus set")).toBe(false);

    release();
    await bot.waitForLog("command menus set");
    expect(world.emulator.commandsFor({ type: "all_private_chats" })?.length).toBeGreaterThan(0);
    expect(world.emulator.commandsFor({ type: "chat", chat_id: admin.id })?.map((c) => c.command)).toContain(
      "status",
    );
  });

  it("stops cleanly on SIGTERM while the menus are still being set", async () => {
    world.emulator.holdMethod("setMyCommands");
    const bot = await world.startBot();
    await world.emulator.waitForPolling();

    const exit = await bot.kill("SIGTERM");
    expect(exit).toEqual({ code: 0, signal: null });
    const messages = bot.logs().map((line) => line.msg);
    expect(messages).toContain("command menus: stopped before all were set");
    expect(messages).toContain("stopped");
    expect(messages).not.toContain("could not register the command menus");
  });

  it("refuses a second process on the same database with a clear message; the first keeps answering", async () => {
    const first = await world.startBot();
    const second = world.spawnBot();
    const exit = await second.exited;
    expect(exit.code).toBe(1);
    expect(second.errorOutput).toContain(`Another ThiĐua bot process (pid ${first.pid} on `);
    expect(second.errorOutput).toMatch(/is using the database \S*thidua\.sqlite\. Only one process may run/);
    expect(second.logs().map((line) => line.msg)).not.toContain("bot started");

    const reply = await world.say(admin, "/help", /\S/);
    expect(reply.plain_text).not.toBe("");

    // A clean stop gives the database up: the next process starts at once.
    expect(await first.kill("SIGTERM")).toEqual({ code: 0, signal: null });
    const third = await world.startBot();
    expect(third.logs().map((line) => line.msg)).not.toContain(
      "took the database over from a process that stopped without releasing it",
    );
  });
});
