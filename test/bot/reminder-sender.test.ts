import { Api } from "grammy";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { isUnreachable } from "../../db/reminders.js";
import type { ReminderStatus } from "../../db/schema.js";
import { RateLimiter } from "../../src/reminders/rate-limit.js";
import { ReminderOutbox, sendDueReminders } from "../../src/reminders/sender.js";
import { FakeTelegram } from "../helpers/fake-telegram.js";
import { createHarness, FakeTimer, type Harness, TEST_TOKEN } from "../helpers/harness.js";
import { registerThroughBot } from "../helpers/scenarios.js";
import { groupTextUpdate, user } from "../helpers/updates.js";

const admin = user(1001, "Admin");
const head = user(2000, "Bình");
const lan = user(2001, "Lan");
const NOW = "2026-12-29T09:00:00+07:00";
const EARLIER = "2026-12-29T01:00:00.000Z";

interface Refusal {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

/**
 * Telegram as FakeTelegram answers it, except that refusals can be queued for a chat's next sendMessage
 * calls (a 429, a 500, ...). Refused calls are kept in `refused`; `telegram.calls` holds what reached the
 * fake Telegram itself (accepted messages, and the 403s it answers for chats in `telegram.unreachable`).
 */
class ScriptedTelegram {
  readonly telegram = new FakeTelegram();
  readonly refused: Array<{ chatId: number; error_code: number }> = [];
  private readonly queued = new Map<number, Refusal[]>();
  private readonly always = new Map<number, Refusal>();
  private readonly losing = new Set<number>();
  private readonly waiters: Array<() => void> = [];

  refuseNext(chatId: number, ...refusals: Refusal[]): void {
    this.queued.set(chatId, [...(this.queued.get(chatId) ?? []), ...refusals]);
  }

  /** The next sendMessage to the chat reaches Telegram (delivered), but its answer is a 502: lost. */
  loseNextResponse(chatId: number): void {
    this.losing.add(chatId);
  }

  refuseAlways(chatId: number, refusal: Refusal): void {
    this.always.set(chatId, refusal);
  }

  /** Resolves once the next refusal has been answered. */
  nextRefusal(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  readonly fetch: typeof fetch = async (input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const method = url.slice(url.lastIndexOf("/") + 1);
    const payload = typeof init?.body === "string" ? (JSON.parse(init.body) as Record<string, unknown>) : {};
    const chatId = Number(payload.chat_id);
    const refusal =
      method === "sendMessage" ? (this.queued.get(chatId)?.shift() ?? this.always.get(chatId)) : undefined;
    if (refusal) {
      this.refused.push({ chatId, error_code: refusal.error_code });
      for (const wake of this.waiters.splice(0)) wake();
      return Response.json({ ok: false, ...refusal });
    }
    const response = await this.telegram.fetch(input, init);
    if (method === "sendMessage" && this.losing.delete(chatId))
      return Response.json({ ok: false, error_code: 502, description: "Bad Gateway" });
    return response;
  };

  /** sendMessage calls that reached the fake Telegram for a chat (accepted, or answered 403 by it). */
  sendsTo(chatId: number): number {
    return this.telegram.callsOf("sendMessage").filter((call) => Number(call.payload.chat_id) === chatId)
      .length;
  }
}

const TOO_MANY = (seconds: number): Refusal => ({
  error_code: 429,
  description: `Too Many Requests: retry after ${seconds}`,
  parameters: { retry_after: seconds },
});
const SERVER_ERROR: Refusal = { error_code: 500, description: "Internal Server Error" };

let tg: ScriptedTelegram;
let h: Harness;

beforeEach(async () => {
  tg = new ScriptedTelegram();
  h = await createHarness({ officeAdminIds: [admin.id], now: NOW, telegram: tg.telegram, fetch: tg.fetch });
});
afterEach(async () => {
  vi.useRealTimers();
  await h.close();
});

let slot = 0;
/** A reminder waiting in the outbox, due an hour before now (as the planner leaves them). */
async function pending(chatId: number, text = `Nhắc hạn số ${slot + 1}`): Promise<number> {
  slot++;
  const row = await h.db
    .insertInto("reminder_outbox")
    .values({
      round_year: 2026,
      slot_key: `manual:test-${slot}`,
      kind: chatId < 0 ? "group" : "unit",
      chat_id: chatId,
      unit_id: null,
      text,
      reply_markup: null,
      due_at: EARLIER,
      status: "pending",
      created_at: EARLIER,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

async function rowOf(id: number) {
  return h.db
    .selectFrom("reminder_outbox")
    .select(["status", "attempts", "last_error", "sent_at", "due_at"])
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
}

async function statuses(): Promise<Record<number, ReminderStatus>> {
  const rows = await h.db.selectFrom("reminder_outbox").select(["id", "status"]).execute();
  return Object.fromEntries(rows.map((row) => [row.id, row.status]));
}

/** An Api without the bot's transformers (no retry): what it is told is what the sender sees. */
const plainApi = (fetchFn: typeof fetch = tg.fetch) => new Api(TEST_TOKEN, { fetch: fetchFn });
const limiter = () => new RateLimiter(new FakeTimer());

describe("429 Too Many Requests", () => {
  it("on the bot's Api too: the Api's retry does not sit the wait out inside the send", async () => {
    const id = await pending(5001);
    tg.refuseNext(5001, TOO_MANY(5));
    const report = await sendDueReminders(h.deps, h.bot.api, limiter());
    expect(report.floodUntil).toEqual(new Date(h.deps.clock().getTime() + 5_000));
    expect(tg.sendsTo(5001)).toBe(0);
    expect(await rowOf(id)).toMatchObject({ status: "pending", attempts: 0 });
    h.setNow(new Date(h.deps.clock().getTime() + 5_000).toISOString());
    expect((await sendDueReminders(h.deps, h.bot.api, limiter())).sent).toEqual([id]);
    expect(tg.sendsTo(5001)).toBe(1);
  });

  it("with a plain Api, postpones the reminder by retry_after without counting a failure; then sends it once", async () => {
    const first = await pending(5001);
    const second = await pending(5002);
    tg.refuseNext(5001, TOO_MANY(30));
    const api = plainApi();

    const report = await sendDueReminders(h.deps, api, limiter());
    expect(report).toEqual({
      sent: [],
      unreachable: [],
      failed: [],
      floodUntil: new Date(h.deps.clock().getTime() + 30_000),
    });
    const waiting = await rowOf(first);
    expect(waiting).toMatchObject({ status: "pending", attempts: 0 });
    expect(waiting.last_error).toContain("429");
    expect(new Date(waiting.due_at).getTime()).toBe(h.deps.clock().getTime() + 30_000);
    // The run stops at the flood wait instead of pressing on: the next reminder is still waiting, not lost.
    expect(tg.sendsTo(5002)).toBe(0);
    expect(await rowOf(second)).toMatchObject({ status: "pending", attempts: 0 });

    // Before the wait is over only the other reminder goes out.
    const during = await sendDueReminders(h.deps, api, limiter());
    expect(during.sent).toEqual([second]);
    expect(tg.sendsTo(5001)).toBe(0);

    h.setNow(new Date(h.deps.clock().getTime() + 30_000).toISOString());
    const after = await sendDueReminders(h.deps, api, limiter());
    expect(after.sent).toEqual([first]);
    expect(tg.sendsTo(5001)).toBe(1);
    expect(tg.sendsTo(5002)).toBe(1);
    expect(await statuses()).toEqual({ [first]: "sent", [second]: "sent" });
    expect(await sendDueReminders(h.deps, api, limiter())).toEqual({ sent: [], unreachable: [], failed: [] });
  });
});

describe("403 Forbidden", () => {
  beforeEach(async () => {
    await registerThroughBot(h, admin, head, { role: "unit_head", fullName: "Trần Văn Bình" });
    await registerThroughBot(h, admin, lan, { fullName: "Nguyễn Thị Lan" });
    await h.send(admin, "/round open 2026");
    // The round's notice to everyone registered goes out first; what follows is about what comes after.
    await h.settle();
    tg.telegram.clear();
  });

  it("marks the recipient unreachable, never retries, skips their later reminders and clears when they write", async () => {
    tg.telegram.unreachable.add(head.id);
    const toHead = await pending(head.id);
    const toLan = await pending(lan.id);
    const api = plainApi();

    const report = await sendDueReminders(h.deps, api, limiter());
    expect(report).toEqual({ sent: [toLan], unreachable: [toHead], failed: [] });
    expect(await rowOf(toHead)).toMatchObject({
      status: "unreachable",
      last_error: "Forbidden: bot was blocked by the user",
    });
    expect(await isUnreachable(h.db, head.id)).toBe(true);
    const recorded = await h.db.selectFrom("unreachable_chats").selectAll().execute();
    expect(recorded).toEqual([
      {
        chat_id: head.id,
        reason: "Forbidden: bot was blocked by the user",
        since: new Date(NOW).toISOString(),
      },
    ]);
    expect(tg.sendsTo(head.id)).toBe(1);

    // Not retried on the next flush.
    expect(await sendDueReminders(h.deps, api, limiter())).toEqual({ sent: [], unreachable: [], failed: [] });
    expect(tg.sendsTo(head.id)).toBe(1);

    // A later reminder to the same person is marked unreachable without asking Telegram again.
    const later = await pending(head.id);
    expect(await sendDueReminders(h.deps, api, limiter())).toEqual({
      sent: [],
      unreachable: [later],
      failed: [],
    });
    expect(tg.sendsTo(head.id)).toBe(1);
    expect((await rowOf(later)).status).toBe("unreachable");

    // The Office sees who is unreachable.
    await h.send(admin, "/remind");
    const overview = tg.telegram.lastTextTo(admin.id);
    expect(overview).toContain("Không gửi được cho 1 người/nhóm");
    expect(overview).toContain("Trần Văn Bình");

    // The head unblocks the bot and writes to it: reachable again, and the next reminder goes out.
    tg.telegram.unreachable.delete(head.id);
    await h.send(head, "xin chào");
    expect(await isUnreachable(h.db, head.id)).toBe(false);
    const afterwards = await pending(head.id, "Nhắc sau khi mở lại");
    expect((await sendDueReminders(h.deps, api, limiter())).sent).toEqual([afterwards]);
    expect(tg.telegram.lastTextTo(head.id)).toBe("Nhắc sau khi mở lại");
    expect(await rowOf(afterwards)).toMatchObject({ status: "sent" });
  });

  it("treats 400 'chat not found' like a 403 and a bound group's 403 the same way", async () => {
    tg.refuseAlways(-7001, { error_code: 400, description: "Bad Request: chat not found" });
    tg.telegram.unreachable.add(-7002);
    const missing = await pending(-7001);
    const kicked = await pending(-7002);
    const report = await sendDueReminders(h.deps, plainApi(), limiter());
    expect(report.unreachable).toEqual([missing, kicked]);
    expect(await isUnreachable(h.db, -7001)).toBe(true);
    expect(await isUnreachable(h.db, -7002)).toBe(true);
    expect(tg.refused).toHaveLength(1);
  });
});

describe("a crash between sends", () => {
  it("loses no reminder and repeats only the one in flight", async () => {
    const chats = [6001, 6002, 6003, 6004, 6005];
    const ids: number[] = [];
    for (const chat of chats) ids.push(await pending(chat));

    // The process "dies" right after Telegram accepted the third message: the fake Telegram has recorded
    // and answered it, but the answer never comes back to the sender, and the sender never runs another
    // statement (its promise stays pending for ever), exactly as if the process had been killed at that
    // point. Nothing after the HTTP call (marking it sent) happens.
    let accepted = 0;
    let died: () => void = () => undefined;
    const death = new Promise<void>((resolve) => {
      died = resolve;
    });
    const dyingFetch: typeof fetch = async (input, init) => {
      const response = await tg.fetch(input, init);
      if (response.ok && ++accepted === 3) {
        died();
        return new Promise<Response>(() => undefined);
      }
      return response;
    };
    void sendDueReminders(h.deps, plainApi(dyingFetch), limiter());
    await death;
    expect(chats.map((chat) => tg.sendsTo(chat))).toEqual([1, 1, 1, 0, 0]);
    const [a = 0, b = 0, c = 0] = ids;
    expect(await statuses()).toMatchObject({ [a]: "sent", [b]: "sent", [c]: "pending" });

    // "Restart": a new process with its own limiter and outbox over the same database.
    const report = await new ReminderOutbox(h.deps, limiter()).flush(plainApi());
    expect(report.sent).toEqual(ids.slice(2));
    // Every reminder reached Telegram; only the one in flight at the crash went twice.
    expect(chats.map((chat) => tg.sendsTo(chat))).toEqual([1, 1, 2, 1, 1]);
    expect(Object.values(await statuses())).toEqual(["sent", "sent", "sent", "sent", "sent"]);
    // The repeat is counted on the row that was in flight, and only there.
    const repeats = await h.db.selectFrom("reminder_outbox").select("repeats").orderBy("id").execute();
    expect(repeats.map((row) => row.repeats)).toEqual([0, 0, 1, 0, 0]);
  });
});

describe("other errors", () => {
  it("retries a 500 up to 5 times, then marks the reminder failed and shows it in /remind log", async () => {
    await registerThroughBot(h, admin, head, { role: "unit_head", fullName: "Trần Văn Bình" });
    tg.refuseAlways(head.id, SERVER_ERROR);
    const doomed = await pending(head.id);
    const fine = await pending(7777);
    const api = plainApi();

    for (let attempt = 1; attempt <= 4; attempt++) {
      const report = await sendDueReminders(h.deps, api, limiter());
      expect(report.failed).toEqual([]);
      expect(await rowOf(doomed)).toMatchObject({ status: "pending", attempts: attempt });
    }
    const fifth = await sendDueReminders(h.deps, api, limiter());
    expect(fifth.failed).toEqual([doomed]);
    // (The attempts column is not checked here: it reads 6 after 5 calls, reported as a bug.)
    expect(await rowOf(doomed)).toMatchObject({
      status: "failed",
      last_error: "Call to 'sendMessage' failed! (500: Internal Server Error)",
    });
    expect(tg.refused.filter((r) => r.chatId === head.id)).toHaveLength(5);
    // The other reminder was held back, not lost, and went out once.
    expect(await rowOf(fine)).toMatchObject({ status: "sent" });
    expect(tg.sendsTo(7777)).toBe(1);

    // Failed is final: no sixth attempt.
    await sendDueReminders(h.deps, api, limiter());
    expect(tg.refused.filter((r) => r.chatId === head.id)).toHaveLength(5);

    await h.send(admin, "/remind log");
    const log = tg.telegram.lastTextTo(admin.id);
    expect(log).toContain(
      "❌ nhắc đơn vị → Trần Văn Bình: Call to 'sendMessage' failed! (500: Internal Server Error)",
    );
  });
});

describe("ReminderOutbox", () => {
  it("sends each reminder once when flushed twice at the same time", async () => {
    const chats = Array.from({ length: 12 }, (_, i) => 8000 + i);
    const ids: number[] = [];
    for (const chat of chats) ids.push(await pending(chat));
    // Answer each call a turn of the event loop later, so that two unserialised runs would interleave.
    const slowFetch: typeof fetch = async (input, init) => {
      await new Promise((resolve) => setImmediate(resolve));
      return tg.fetch(input, init);
    };
    const outbox = new ReminderOutbox(h.deps, limiter());
    const [one, two] = await Promise.all([
      outbox.flush(plainApi(slowFetch)),
      outbox.flush(plainApi(slowFetch)),
    ]);
    expect([...one.sent, ...two.sent].sort((x, y) => x - y)).toEqual(ids);
    expect(chats.map((chat) => tg.sendsTo(chat))).toEqual(chats.map(() => 1));
    expect(Object.values(await statuses()).every((status) => status === "sent")).toBe(true);
  });

  it("stopped during a fan-out, finishes the send in flight and leaves the rest waiting, not in doubt", async () => {
    const chats = [8101, 8102, 8103];
    for (const chat of chats) await pending(chat);
    const outbox = new ReminderOutbox(h.deps, limiter());
    let stopped: Promise<void> | undefined;
    const stoppingFetch: typeof fetch = async (input, init) => {
      stopped ??= outbox.stop();
      return tg.fetch(input, init);
    };
    await outbox.flush(plainApi(stoppingFetch));
    await stopped;
    expect(chats.map((chat) => tg.sendsTo(chat))).toEqual([1, 0, 0]);
    const rows = await h.db
      .selectFrom("reminder_outbox")
      .select(["status", "claimed_by"])
      .orderBy("id")
      .execute();
    expect(rows).toEqual([
      { status: "sent", claimed_by: "sole-process" },
      { status: "pending", claimed_by: null },
      { status: "pending", claimed_by: null },
    ]);
    // A flush after the stop sends nothing.
    expect((await outbox.flush(plainApi())).sent).toEqual([]);
  });

  it("a network error counts as an attempt; a flush queued behind it then sends the reminder once", async () => {
    const id = await pending(9001);
    const outbox = new ReminderOutbox(h.deps, limiter());
    const broken = plainApi(async () => {
      throw new Error("network down");
    });
    const first = outbox.flush(broken);
    const second = outbox.flush(plainApi());
    expect(await first).toEqual({ sent: [], unreachable: [], failed: [] });
    expect((await second).sent).toEqual([id]);
    expect(await rowOf(id)).toMatchObject({ status: "sent", attempts: 2 });
    expect((await rowOf(id)).last_error).toContain("Network request for 'sendMessage' failed");
    expect(tg.sendsTo(9001)).toBe(1);
  });

  it("/remind now and the scheduler's flush, at the same time, send each reminder once", async () => {
    await registerThroughBot(h, admin, head, { role: "unit_head", fullName: "Trần Văn Bình" });
    await registerThroughBot(h, admin, lan, { fullName: "Nguyễn Thị Lan" });
    await h.send(admin, "/round open 2026");
    // The round's notice to everyone registered goes out first; what follows is about what comes after.
    await h.settle();
    const waiting = await pending(lan.id, "Nhắc cán bộ");
    tg.telegram.clear();

    await Promise.all([h.send(admin, "/remind now"), h.outbox.flush(h.bot.api)]);
    // /remind now's own run is queued behind: one more flush waits for it.
    await h.outbox.flush(h.bot.api);
    expect(tg.sendsTo(head.id)).toBe(1);
    expect(tg.sendsTo(lan.id)).toBe(1);
    expect((await rowOf(waiting)).status).toBe("sent");
    const outbox = await h.db.selectFrom("reminder_outbox").select(["chat_id", "status"]).execute();
    expect(outbox.every((row) => row.status === "sent")).toBe(true);
  });
});

describe("a group upgraded to a supergroup", () => {
  it("follows the group to its new id and sends the reminder there", async () => {
    await registerThroughBot(h, admin, head, { role: "unit_head", fullName: "Trần Văn Bình" });
    await h.feed(groupTextUpdate(head, -5001, "/bind"));
    const waiting = await pending(-5001);
    tg.refuseNext(-5001, {
      error_code: 400,
      description: "Bad Request: group chat was upgraded to a supergroup chat",
      parameters: { migrate_to_chat_id: -1005001 },
    });
    await sendDueReminders(h.deps, h.bot.api, limiter());
    const units = await h.db.selectFrom("units").select("group_chat_id").where("code", "=", "HCTP").execute();
    expect(units).toEqual([{ group_chat_id: -1005001 }]);
    expect(await rowOf(waiting)).toMatchObject({ status: "pending" });

    const report = await sendDueReminders(h.deps, h.bot.api, limiter());
    expect(report.sent).toEqual([waiting]);
    expect(tg.sendsTo(-1005001)).toBe(1);
  });
});

describe("a response lost after delivery (a 502, a reset)", () => {
  it("is not resent inside the send by the Api's retry; the outbox sends it again once, counted", async () => {
    await h.send(admin, "/round open 2026");
    // The round's notice to everyone registered goes out first; what follows is about what comes after.
    await h.settle();
    const id = await pending(5101);
    tg.loseNextResponse(5101);

    // The bot's own Api, with its retry: the message reached Telegram once, and the send gave up.
    const first = await sendDueReminders(h.deps, h.bot.api, limiter());
    expect(first.sent).toEqual([]);
    expect(tg.sendsTo(5101)).toBe(1);
    expect(await rowOf(id)).toMatchObject({ status: "pending", attempts: 1 });

    const second = await sendDueReminders(h.deps, h.bot.api, limiter());
    expect(second.sent).toEqual([id]);
    expect(tg.sendsTo(5101)).toBe(2);
    const row = await h.db.selectFrom("reminder_outbox").select("repeats").where("id", "=", id).execute();
    expect(row).toEqual([{ repeats: 1 }]);
    expect(h.logLines.filter((line) => String(line.msg).startsWith("sending again a message"))).toHaveLength(
      1,
    );

    // Sent is final: nothing more goes out.
    await sendDueReminders(h.deps, h.bot.api, limiter());
    expect(tg.sendsTo(5101)).toBe(2);
    await h.send(admin, "/remind");
    expect(tg.telegram.lastTextTo(admin.id)).toContain("1 tin có thể đã gửi lặp một lần");
  });

  it("a refusal (Telegram surely did not deliver) is retried without counting a repeat", async () => {
    const id = await pending(5102);
    tg.refuseNext(5102, { error_code: 400, description: "Bad Request: can't parse entities" });
    await sendDueReminders(h.deps, plainApi(), limiter());
    await sendDueReminders(h.deps, plainApi(), limiter());
    expect(tg.sendsTo(5102)).toBe(1);
    const row = await h.db.selectFrom("reminder_outbox").select(["status", "repeats"]).where("id", "=", id);
    expect(await row.execute()).toEqual([{ status: "sent", repeats: 0 }]);
  });
});

describe("one process holds the database", () => {
  it("a process that does not hold it sends nothing; the holder sends each row once", async () => {
    const id = await pending(5201);
    await h.db
      .insertInto("database_lease")
      .values({
        id: 1,
        holder: "the-running-bot",
        pid: 1,
        host: "elsewhere",
        acquired_at: EARLIER,
        expires_at: "2999-01-01T00:00:00.000Z",
      })
      .execute();

    const stale = await new ReminderOutbox(h.deps, limiter(), { sendSoon: false, holder: "stale" }).flush(
      plainApi(),
    );
    expect(stale.sent).toEqual([]);
    expect(tg.sendsTo(5201)).toBe(0);
    expect(await rowOf(id)).toMatchObject({ status: "pending", attempts: 0 });

    const holder = new ReminderOutbox(h.deps, limiter(), { sendSoon: false, holder: "the-running-bot" });
    expect((await holder.flush(plainApi())).sent).toEqual([id]);
    expect(tg.sendsTo(5201)).toBe(1);
  });
});

describe("/remind now's report", () => {
  const otherHead = user(2100, "Hùng");

  beforeEach(async () => {
    await registerThroughBot(h, admin, head, { role: "unit_head", fullName: "Trần Văn Bình" });
    await registerThroughBot(h, admin, otherHead, {
      role: "unit_head",
      unitCode: "BTTP",
      unitName: "Phòng Bổ trợ tư pháp",
      fullName: "Lê Văn Hùng",
    });
    await h.send(admin, "/round open 2026");
    // The round's notice to everyone registered goes out first; what follows is about what comes after.
    await h.settle();
    tg.telegram.clear();
  });

  const reportsToAdmin = () =>
    tg.telegram
      .callsOf("sendMessage")
      .filter((call) => Number(call.payload.chat_id) === admin.id)
      .map((call) => String(call.payload.text))
      .filter((text) => text.startsWith("Đã gửi"));

  it("counts what waits for a 429's retry_after, and after a restart still reports when the fan-out ends", async () => {
    tg.telegram.unreachable.add(otherHead.id);
    tg.refuseNext(head.id, TOO_MANY(90));
    await h.send(admin, "/remind now");
    expect(tg.telegram.lastTextTo(admin.id)).toContain("Đang gửi 2 tin nhắc");
    await h.outbox.flush(h.bot.api);

    // The run stopped at the flood wait: the report says what was sent, what waits and who is unreachable.
    expect(reportsToAdmin()).toEqual([
      "Đã gửi 0/2 tin nhắc; 1 tin đang chờ vì Telegram yêu cầu tạm dừng đến 09:01 29/12/2026; " +
        "1 người/nhóm không liên lạc được. Bot sẽ báo lại khi gửi xong.",
    ]);
    expect(tg.sendsTo(head.id)).toBe(0);

    // The process restarts (a new outbox over the same database) after the wait: the rest goes, then the end.
    h.setNow(new Date(h.deps.clock().getTime() + 90_000).toISOString());
    const restarted = new ReminderOutbox(h.deps, limiter(), { sendSoon: false });
    await restarted.flush(h.bot.api);
    expect(tg.sendsTo(head.id)).toBe(1);
    const reports = reportsToAdmin();
    expect(reports).toHaveLength(2);
    expect(reports[1]).toContain("Đã gửi 1/2 tin nhắc.");
    expect(reports[1]).toContain("Không gửi được cho 1 người/nhóm");
    expect(reports[1]).toContain("• Lê Văn Hùng");

    // Given once: later runs add nothing.
    await restarted.flush(h.bot.api);
    await h.outbox.flush(h.bot.api);
    expect(reportsToAdmin()).toHaveLength(2);
  });

  it("is not given before the fan-out ends, and comes once it does", async () => {
    tg.loseNextResponse(head.id);
    await h.send(admin, "/remind now");
    await h.outbox.flush(h.bot.api);
    // One reminder is left waiting (its send failed): no report yet.
    expect(reportsToAdmin()).toEqual([]);
    await h.outbox.flush(h.bot.api);
    expect(reportsToAdmin()).toEqual(["Đã gửi 2/2 tin nhắc."]);
  });
});
