import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FakeUser } from "./bot-api-emulator.js";
import { E2eWorld } from "./e2e-helpers.js";

const slow: FakeUser = { id: 7301, first_name: "Chậm", language_code: "vi" };
const other: FakeUser = { id: 7302, first_name: "Nhanh", language_code: "vi" };

let world: E2eWorld;

beforeEach(async () => {
  world = await E2eWorld.start({ officeAdminIds: [] });
});

afterEach(() => world.stop());

describe("polling: chats do not wait for each other, and nothing is confirmed before it is handled", () => {
  it("answers another chat while one chat's reply hangs at Telegram, and keeps the hanging update for a restart", async () => {
    let hangs = false;
    const release = world.emulator.holdMethod("sendMessage", (payload) => {
      if (Number(payload.chat_id) === slow.id) hangs = true;
      return Number(payload.chat_id) === slow.id;
    });
    const first = await world.startBot();
    const hanging = world.emulator.sendText(slow, "/help");
    await until(() => hangs);

    const reply = await world.say(other, "/help", /\S/);
    expect(reply.plain_text).not.toBe("");
    expect(world.emulator.messagesIn(slow.id)).toEqual([]);
    // The update whose reply hangs is still unconfirmed: a process killed now gets it again at its next start.
    expect(world.emulator.pendingUpdates()).toBeGreaterThanOrEqual(1);

    await first.kill("SIGKILL");
    release();
    await world.startBot();
    await world.emulator.waitForConfirmation(hanging.update_id);
    // Handled again by the new process: the killed one's reply may have reached Telegram too (at most one repeat).
    const replies = await waitFor(() => world.emulator.messagesIn(slow.id));
    expect(replies.length).toBeGreaterThanOrEqual(1);
    expect(replies.length).toBeLessThanOrEqual(2);
  });
});

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !condition(); i++) await new Promise((r) => setTimeout(r, 25));
  if (!condition()) throw new Error("condition not reached");
}

async function waitFor<T>(read: () => T[]): Promise<T[]> {
  for (let i = 0; i < 200 && read().length === 0; i++) await new Promise((r) => setTimeout(r, 25));
  return read();
}
