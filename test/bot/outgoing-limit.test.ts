import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from "vitest";
import type { RateLimiter } from "../../src/reminders/rate-limit.js";
import { sendDueReminders } from "../../src/reminders/sender.js";
import { createHarness, type Harness } from "../helpers/harness.js";
import { registerThroughBot } from "../helpers/scenarios.js";
import { user } from "../helpers/updates.js";

const admin = user(1001, "Admin");
const lan = user(2001, "Lan");
const AT = "2026-11-01T01:00:00.000Z";

let h: Harness;
let acquire: MockInstance<RateLimiter["acquire"]>;

beforeEach(async () => {
  h = await createHarness({ officeAdminIds: [admin.id] });
  acquire = vi.spyOn(h.outbox.limiter, "acquire");
});
afterEach(() => h.close());

/** The messages that reached Telegram for `chatId`: new messages only, not edits or button answers. */
const sendsTo = (chatId: number) =>
  h.telegram.calls.filter((call) => call.method.startsWith("send") && call.payload.chat_id === chatId);
const turnsOf = (chatId: number) => acquire.mock.calls.filter(([chat]) => chat === chatId);

describe("one limiter for every outgoing message", () => {
  it("makes a command's reply wait for its turn, as a reply", async () => {
    await h.send(admin, "/help");
    expect(sendsTo(admin.id)).toHaveLength(1);
    expect(turnsOf(admin.id)).toEqual([[admin.id, "reply"]]);
  });

  it("covers a conversation's own Api: each message sent takes one turn, and replayed ones none", async () => {
    await registerThroughBot(h, admin, lan);
    // Consent, name, position and the summary are asked from inside the registration conversation, which
    // replays its earlier messages on every update: counting those too would make each step wait longer.
    expect(sendsTo(lan.id).length).toBeGreaterThanOrEqual(4);
    expect(turnsOf(lan.id)).toHaveLength(sendsTo(lan.id).length);
    expect(turnsOf(lan.id).every(([, priority]) => priority === "reply")).toBe(true);
  });

  it("counts a reminder once, as bulk, though it is given the bot's Api", async () => {
    await h.db
      .insertInto("reminder_outbox")
      .values({
        round_year: 2026,
        slot_key: "manual:test",
        kind: "unit",
        chat_id: lan.id,
        unit_id: null,
        text: "Nhắc hạn",
        reply_markup: null,
        due_at: AT,
        status: "pending",
        created_at: AT,
      })
      .execute();
    const report = await sendDueReminders(h.deps, h.bot.api, h.outbox.limiter);
    expect(report.sent).toHaveLength(1);
    expect(sendsTo(lan.id)).toHaveLength(1);
    expect(turnsOf(lan.id)).toEqual([[lan.id, "bulk"]]);
  });
});
