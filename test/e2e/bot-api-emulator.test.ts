import { Api, Bot, InlineKeyboard, InputFile } from "grammy";
import type { Update } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { BotMessage, FakeUser } from "./bot-api-emulator.js";
import { BotApiEmulator, BotApiError } from "./bot-api-emulator.js";

interface ApiReply {
  ok: boolean;
  result?: unknown;
  error_code?: number;
  description?: string;
}

const alice: FakeUser = { id: 1001, first_name: "Alice", username: "alice", language_code: "vi" };
const bob: FakeUser = { id: 1002, first_name: "Bob" };

let emu: BotApiEmulator;

beforeEach(async () => {
  emu = await BotApiEmulator.start();
});

afterEach(async () => {
  await emu.stop();
});

async function call(
  method: string,
  payload: Record<string, unknown> = {},
  init?: RequestInit,
): Promise<ApiReply> {
  const res = await fetch(`${emu.apiRoot}/bot${emu.token}/${method}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(payload),
    ...init,
  });
  const reply = (await res.json()) as ApiReply;
  expect(res.status).toBe(reply.ok ? 200 : reply.error_code);
  return reply;
}

async function okResult<T = Record<string, unknown>>(
  method: string,
  payload?: Record<string, unknown>,
): Promise<T> {
  const reply = await call(method, payload);
  expect(reply, JSON.stringify(reply)).toMatchObject({ ok: true });
  return reply.result as T;
}

describe("BotApiEmulator", () => {
  it("answers getMe and rejects a wrong token or an unknown method like Telegram", async () => {
    expect(emu.apiRoot).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await okResult("getMe")).toMatchObject({
      id: 123456,
      is_bot: true,
      username: "thidua_test_bot",
      can_join_groups: true,
    });

    const wrong = await fetch(`${emu.apiRoot}/bot999:nope/getMe`, { method: "POST" });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ ok: false, error_code: 401, description: "Unauthorized" });

    expect(await call("sendPigeon", { chat_id: 1 })).toEqual({
      ok: false,
      error_code: 404,
      description: "Not Found: method not found",
    });
    expect(emu.calls.map((c) => c.method)).toEqual(["getMe", "getMe", "sendPigeon"]);
    expect(emu.calls[2]).toMatchObject({ payload: { chat_id: 1 }, response: { ok: false, error_code: 404 } });
  });

  it("holds a long poll until an update arrives", async () => {
    const poll = call("getUpdates", { timeout: 30 });
    await emu.waitForPolling();
    // The request is being held: nothing was answered (or recorded) for it yet.
    expect(emu.calls).toHaveLength(0);

    const sent = emu.sendText(alice, "/start campaign_7");
    const updates = (await poll).result as Update[];

    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({
      update_id: sent.update_id,
      message: {
        message_id: sent.message_id,
        from: { id: alice.id, is_bot: false, first_name: "Alice", username: "alice", language_code: "vi" },
        chat: { id: alice.id, type: "private", first_name: "Alice", username: "alice" },
        text: "/start campaign_7",
        entities: [{ type: "bot_command", offset: 0, length: 6 }],
      },
    });
    expect(updates[0]?.message?.date).toBeTypeOf("number");
    expect(emu.calls.at(-1)).toMatchObject({ method: "getUpdates", response: { ok: true, result: updates } });
  });

  it("returns at once without timeout and serves unconfirmed updates again", async () => {
    expect(await okResult("getUpdates")).toEqual([]);
    const first = emu.sendText(alice, "hello");
    const second = emu.sendText(bob, "hi");
    expect(second.update_id).toBeGreaterThan(first.update_id);

    const ids = (updates: Update[]) => updates.map((u) => u.update_id);
    expect(ids(await okResult<Update[]>("getUpdates", { limit: 1 }))).toEqual([first.update_id]);
    // Not confirmed yet, so a restarted bot would see both again.
    expect(ids(await okResult<Update[]>("getUpdates"))).toEqual([first.update_id, second.update_id]);
    expect(emu.pendingUpdates()).toBe(2);

    expect(ids(await okResult<Update[]>("getUpdates", { offset: first.update_id + 1 }))).toEqual([
      second.update_id,
    ]);
    expect(emu.pendingUpdates()).toBe(1);
    const confirmed = emu.waitForConfirmation(second.update_id);
    expect(await okResult("getUpdates", { offset: second.update_id + 1, timeout: 0 })).toEqual([]);
    await confirmed;
    expect(emu.pendingUpdates()).toBe(0);
  });

  it("filters by allowed_updates and remembers the setting", async () => {
    emu.sendText(alice, "hi");
    await okResult("sendMessage", {
      chat_id: alice.id,
      text: "pick",
      reply_markup: { inline_keyboard: [[{ text: "A", callback_data: "a" }]] },
    });
    await okResult("getUpdates", { offset: emu.sendText(alice, "x").update_id + 1 });
    emu.pressButton(alice, emu.lastMessageIn(alice.id) as BotMessage, "a");
    const press = emu.sendText(alice, "after");

    const updates = await okResult<Update[]>("getUpdates", { allowed_updates: ["message"] });
    expect(updates.map((u) => u.update_id)).toEqual([press.update_id]);
    expect(emu.pendingUpdates()).toBe(1);
  });

  it("lets a newer long poll terminate an older one and cleans up a poll the client aborts", async () => {
    const url = `${emu.apiRoot}/bot${emu.token}/getUpdates?timeout=30`;
    const older = fetch(url);
    await emu.waitForPolling();
    const since = emu.mark();
    const aborter = new AbortController();
    const newer = fetch(url, { signal: aborter.signal });
    expect(await (await older).json()).toMatchObject({ ok: false, error_code: 409 });

    aborter.abort();
    await expect(newer).rejects.toThrow();
    const hungUp = await emu.waitForCall("getUpdates", (c) => c.response === undefined, { since });
    expect(hungUp.payload).toEqual({ timeout: 30 });

    const update = emu.sendText(alice, "still there?");
    const updates = await okResult<Update[]>("getUpdates", { timeout: 30 });
    expect(updates.map((u) => u.update_id)).toEqual([update.update_id]);
  });

  it("refuses to write first to a user, to unknown groups and to users who blocked the bot", async () => {
    expect(await call("sendMessage", { chat_id: alice.id, text: "hi" })).toEqual({
      ok: false,
      error_code: 403,
      description: "Forbidden: bot can't initiate conversation with a user",
    });
    expect(await call("sendMessage", { chat_id: -100123, text: "hi" })).toMatchObject({
      error_code: 400,
      description: "Bad Request: chat not found",
    });

    emu.sendText(alice, "/start");
    await okResult("sendMessage", { chat_id: alice.id, text: "welcome" });

    emu.blockBot(alice);
    expect(await call("sendMessage", { chat_id: alice.id, text: "hi again" })).toEqual({
      ok: false,
      error_code: 403,
      description: "Forbidden: bot was blocked by the user",
    });
    const updates = await okResult<Update[]>("getUpdates");
    expect(updates.at(-1)?.my_chat_member).toMatchObject({
      chat: { id: alice.id },
      new_chat_member: { status: "kicked", user: { username: "thidua_test_bot" } },
    });

    emu.sendText(alice, "/start");
    await okResult("sendMessage", { chat_id: alice.id, text: "welcome back" });
  });

  it("works in group chats", async () => {
    const group = { id: -100777, title: "Phòng Kế hoạch" };
    const sent = emu.sendTextInGroup(alice, group, "/top@thidua_test_bot");
    const [update] = await okResult<Update[]>("getUpdates");
    expect(update?.message).toMatchObject({
      message_id: sent.message_id,
      chat: { id: group.id, type: "group", title: group.title },
      entities: [{ type: "bot_command", offset: 0, length: 20 }],
    });
    await okResult("sendMessage", { chat_id: group.id, text: "Bảng xếp hạng" });
    expect(emu.lastMessageIn(group.id)?.text).toBe("Bảng xếp hạng");
    // Writing in a group does not let the bot write to the user privately.
    expect(await call("sendMessage", { chat_id: alice.id, text: "psst" })).toMatchObject({ error_code: 403 });
  });

  it("tracks sent and edited messages", async () => {
    const userMessage = emu.sendText(alice, "/start");
    const keyboard = { inline_keyboard: [[{ text: "Yes", callback_data: "yes" }]] };
    const sent = await okResult<{ message_id: number; text: string }>("sendMessage", {
      chat_id: alice.id,
      text: "<b>Điểm</b> &amp; thưởng",
      parse_mode: "HTML",
      reply_markup: keyboard,
    });
    expect(sent.message_id).toBeGreaterThan(userMessage.message_id);
    expect(sent.text).toBe("Điểm & thưởng");

    await okResult("editMessageText", { chat_id: alice.id, message_id: sent.message_id, text: "Done" });
    expect(emu.messagesIn(alice.id)).toEqual([
      {
        message_id: sent.message_id,
        chat_id: alice.id,
        date: expect.any(Number),
        text: "Done",
        plain_text: "Done",
        edited: true,
        deleted: false,
      },
    ]);

    expect(
      await call("editMessageText", { chat_id: alice.id, message_id: sent.message_id, text: "Done" }),
    ).toMatchObject({
      error_code: 400,
      description: expect.stringMatching(/^Bad Request: message is not modified/),
    });
    expect(
      await call("editMessageReplyMarkup", {
        chat_id: alice.id,
        message_id: sent.message_id,
        reply_markup: keyboard,
      }),
    ).toMatchObject({ ok: true });
    expect(emu.lastMessageIn(alice.id)?.reply_markup).toEqual(keyboard);
    expect(
      await call("editMessageText", { chat_id: alice.id, message_id: userMessage.message_id, text: "x" }),
    ).toMatchObject({ description: "Bad Request: message can't be edited" });

    await okResult("deleteMessage", { chat_id: alice.id, message_id: sent.message_id });
    expect(emu.lastMessageIn(alice.id)?.deleted).toBe(true);
    expect(
      await call("editMessageText", { chat_id: alice.id, message_id: sent.message_id, text: "again" }),
    ).toMatchObject({ description: "Bad Request: message to edit not found" });
  });

  it("rejects texts Telegram would reject", async () => {
    emu.sendText(alice, "hi");
    expect(await call("sendMessage", { chat_id: alice.id, text: "x".repeat(4097) })).toMatchObject({
      error_code: 400,
      description: "Bad Request: message is too long",
    });
    await okResult("sendMessage", { chat_id: alice.id, text: "x".repeat(4096) });
    expect(await call("sendMessage", { chat_id: alice.id, text: "" })).toMatchObject({
      description: "Bad Request: message text is empty",
    });
    expect(
      await call("sendMessage", { chat_id: alice.id, text: "a<br>b", parse_mode: "HTML" }),
    ).toMatchObject({
      description: 'Bad Request: can\'t parse entities: Unsupported start tag "br" at byte offset 1',
    });
    expect(await call("sendMessage", { chat_id: alice.id, text: "<b>x", parse_mode: "HTML" })).toMatchObject({
      description: expect.stringContaining("Can't find end tag"),
    });
    expect(
      await call("sendMessage", {
        chat_id: alice.id,
        text: "x",
        reply_markup: { inline_keyboard: [[{ text: "long", callback_data: "d".repeat(65) }]] },
      }),
    ).toMatchObject({ description: "Bad Request: BUTTON_DATA_INVALID" });
  });

  it("builds callback queries from the current state of a message", async () => {
    emu.sendText(alice, "/start");
    const sent = await okResult<{ message_id: number }>("sendMessage", {
      chat_id: alice.id,
      text: "Chọn",
      reply_markup: { inline_keyboard: [[{ text: "A", callback_data: "pick:a" }]] },
    });
    await okResult("editMessageReplyMarkup", {
      chat_id: alice.id,
      message_id: sent.message_id,
      reply_markup: { inline_keyboard: [[{ text: "B", callback_data: "pick:b" }]] },
    });
    const stale = emu.messagesIn(alice.id)[0] as BotMessage;
    expect(() => emu.pressButton(alice, stale, "pick:a")).toThrow(/not on message/);

    await okResult("getUpdates", { offset: 1_000_000 });
    const { update_id, callback_query_id } = emu.pressButton(alice, stale, "pick:b");
    const [update] = await okResult<Update[]>("getUpdates");
    expect(update).toMatchObject({
      update_id,
      callback_query: {
        id: callback_query_id,
        from: { id: alice.id, first_name: "Alice" },
        chat_instance: expect.any(String),
        data: "pick:b",
        message: {
          message_id: sent.message_id,
          chat: { id: alice.id, type: "private" },
          from: { is_bot: true, username: "thidua_test_bot" },
          text: "Chọn",
          edit_date: expect.any(Number),
          reply_markup: { inline_keyboard: [[{ text: "B", callback_data: "pick:b" }]] },
        },
      },
    });

    expect(await okResult("answerCallbackQuery", { callback_query_id, text: "OK" })).toBe(true);
    expect(await call("answerCallbackQuery", { callback_query_id })).toMatchObject({
      error_code: 400,
      description: expect.stringContaining("query is too old"),
    });
    expect(await call("answerCallbackQuery", { callback_query_id: "nope" })).toMatchObject({
      error_code: 400,
    });

    const forced = emu.pressButton(alice, stale, "pick:a", { force: true });
    expect(forced.callback_query_id).not.toBe(callback_query_id);
  });

  it("waitForMessage resolves on future messages and edits after a mark, and explains timeouts", async () => {
    emu.sendText(alice, "/start");
    const first = await okResult<{ message_id: number }>("sendMessage", { chat_id: alice.id, text: "old" });

    const since = emu.mark();
    const anyNew = emu.waitForMessage(alice.id, undefined, { since });
    const edited = emu.waitForMessage(alice.id, (m) => m.text === "old, edited", { since });
    await okResult("sendMessage", { chat_id: alice.id, text: "new" });
    await okResult("editMessageText", {
      chat_id: alice.id,
      message_id: first.message_id,
      text: "old, edited",
    });

    expect((await anyNew).text).toBe("new");
    expect(await edited).toMatchObject({ message_id: first.message_id, edited: true });
    // Without `since`, messages sent earlier count too.
    expect((await emu.waitForMessage(alice.id)).message_id).toBe(first.message_id);

    await call("sendMessage", { chat_id: alice.id, text: "<i>broken", parse_mode: "HTML" });
    const error = await emu.waitForMessage(alice.id, (m) => m.text === "never", 20).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain("waitForMessage(chat 1001, since 0) timed out after 20ms");
    expect((error as Error).message).toContain('#2 (edited): "old, edited"');
    expect((error as Error).message).toContain("sendMessage chat 1001");
    expect((error as Error).message).toContain("Can't find end tag");
  });

  it("waitForCall sees calls after a mark", async () => {
    emu.sendText(alice, "/start");
    await okResult("sendChatAction", { chat_id: alice.id, action: "typing" });
    const since = emu.mark();
    const next = emu.waitForCall("sendChatAction", (c) => c.payload.action === "upload_document", { since });
    await okResult("sendChatAction", { chat_id: alice.id, action: "upload_document" });
    expect(await next).toMatchObject({
      payload: { chat_id: alice.id },
      response: { ok: true, result: true },
    });
    await expect(
      emu.waitForCall("sendChatAction", undefined, { since: emu.mark(), timeoutMs: 10 }),
    ).rejects.toThrow(/waitForCall\(sendChatAction, since \d+\) timed out after 10ms/);
  });

  it("accepts multipart sendDocument from fetch FormData and from grammY's InputFile", async () => {
    emu.sendText(alice, "/export");
    const form = new FormData();
    form.set("chat_id", String(alice.id));
    form.set("caption", "<b>Báo cáo</b>");
    form.set("parse_mode", "HTML");
    form.set(
      "reply_markup",
      JSON.stringify({ inline_keyboard: [[{ text: "Again", callback_data: "again" }]] }),
    );
    form.set("document", new Blob(["name,points\nAlice,5\n"], { type: "text/csv" }), "report.csv");
    const reply = await call("sendDocument", {}, { body: form, headers: {} });
    expect(reply).toMatchObject({
      ok: true,
      result: {
        caption: "Báo cáo",
        document: {
          file_name: "report.csv",
          mime_type: "text/csv",
          file_size: 20,
          file_id: expect.any(String),
        },
      },
    });
    const recorded = emu.calls.at(-1);
    expect(recorded?.payload).toMatchObject({
      chat_id: alice.id,
      reply_markup: { inline_keyboard: [[{ text: "Again", callback_data: "again" }]] },
      document: { filename: "report.csv", size: 20 },
    });
    const message = emu.lastMessageIn(alice.id);
    expect(message).toMatchObject({ caption: "<b>Báo cáo</b>", plain_text: "Báo cáo", parse_mode: "HTML" });
    const fileId = (message?.document as { file_id: string } | undefined)?.file_id ?? "";
    expect(emu.fileContent(fileId)?.toString()).toBe("name,points\nAlice,5\n");

    // grammY's own multipart encoding (attach:// references, unquoted filenames).
    const api = new Api(emu.token, { apiRoot: emu.apiRoot });
    const viaGrammy = await api.sendDocument(
      alice.id,
      new InputFile(Buffer.from("a;b\n"), "điểm tháng 5.csv"),
      {
        caption: "Tháng 5",
      },
    );
    expect(viaGrammy.document).toMatchObject({
      file_name: "điểm tháng 5.csv",
      mime_type: "text/csv",
      file_size: 4,
    });
    expect(emu.fileContent(viaGrammy.document?.file_id ?? "")?.toString()).toBe("a;b\n");

    // Re-sending by file_id works; an unknown file_id does not.
    const again = await api.sendDocument(alice.id, fileId);
    expect(again.document?.file_id).toBe(fileId);
    await expect(api.sendDocument(alice.id, "no-such-file")).rejects.toThrow(/wrong file identifier/);
  });

  it("lets the bot download documents users send", async () => {
    emu.sendDocument(alice, {
      file_name: "import.csv",
      mime_type: "text/csv",
      file_size: 8,
      content: "id,name\n",
    });
    const [update] = await okResult<Update[]>("getUpdates");
    const document = update?.message?.document;
    expect(document?.file_name).toBe("import.csv");

    const file = await okResult<{ file_path: string }>("getFile", { file_id: document?.file_id });
    const download = await fetch(`${emu.apiRoot}/file/bot${emu.token}/${file.file_path}`);
    expect(await download.text()).toBe("id,name\n");
    expect(await call("getFile", { file_id: "unknown" })).toMatchObject({ error_code: 400 });

    emu.sendDocument(alice, { file_name: "huge.csv", mime_type: "text/csv", file_size: 30 * 1024 * 1024 });
    emu.sendSticker(alice);
    const later = await okResult<Update[]>("getUpdates", { offset: (update?.update_id ?? 0) + 1 });
    expect(later[1]?.message?.sticker).toMatchObject({ type: "regular", file_id: expect.any(String) });
    expect(await call("getFile", { file_id: later[0]?.message?.document?.file_id })).toMatchObject({
      description: "Bad Request: file is too big",
    });
  });

  it("stores commands per scope and language, and the menu button", async () => {
    const commands = [{ command: "start", description: "Bắt đầu" }];
    const scope = { type: "all_private_chats" };
    expect(await okResult("setMyCommands", { commands, scope, language_code: "vi" })).toBe(true);
    expect(await okResult("getMyCommands", { scope, language_code: "vi" })).toEqual(commands);
    expect(await okResult("getMyCommands")).toEqual([]);
    expect(emu.commandsFor(scope, "vi")).toEqual(commands);
    expect(
      await call("setMyCommands", { commands: [{ command: "Bad-One", description: "x" }] }),
    ).toMatchObject({
      error_code: 400,
    });
    await okResult("deleteMyCommands", { scope, language_code: "vi" });
    expect(emu.commandsFor(scope, "vi")).toBeUndefined();

    await okResult("setChatMenuButton", { menu_button: { type: "commands" } });
    expect(emu.menuButton()).toEqual({ type: "commands" });
  });

  it("parses urlencoded bodies and lets tests override a method", async () => {
    emu.sendText(alice, "hi");
    const body = new URLSearchParams({
      chat_id: String(alice.id),
      text: "{not json}",
      reply_markup: JSON.stringify({ inline_keyboard: [[{ text: "Go", url: "https://example.org" }]] }),
    });
    const reply = await call("sendMessage", {}, { body, headers: {} });
    expect(reply).toMatchObject({ ok: true, result: { text: "{not json}" } });
    expect(emu.lastMessageIn(alice.id)?.reply_markup?.inline_keyboard?.[0]?.[0]?.url).toBe(
      "https://example.org",
    );

    emu.onMethod("sendMessage", () => {
      throw new BotApiError(429, "Too Many Requests: retry after 1", { retry_after: 1 });
    });
    expect(await call("sendMessage", { chat_id: alice.id, text: "x" })).toEqual({
      ok: false,
      error_code: 429,
      description: "Too Many Requests: retry after 1",
      parameters: { retry_after: 1 },
    });
    emu.onMethod("sendMessage", undefined);
    expect(await call("sendMessage", { chat_id: alice.id, text: "x" })).toMatchObject({ ok: true });
  });

  it("drives a real grammY bot", async () => {
    const bot = new Bot(emu.token, { client: { apiRoot: emu.apiRoot } });
    bot.command("start", (ctx) =>
      ctx.reply(`Xin chào ${ctx.from?.first_name}, mã ${ctx.match}`, {
        reply_markup: new InlineKeyboard().text("Tham gia", "join"),
      }),
    );
    bot.callbackQuery("join", async (ctx) => {
      await ctx.answerCallbackQuery("Đã tham gia");
      await ctx.editMessageText("Bạn đã tham gia");
    });
    const running = bot.start({ drop_pending_updates: false });
    try {
      const since = emu.mark();
      emu.sendText(alice, "/start abc");
      const welcome = await emu.waitForMessage(alice.id, (m) => m.text?.startsWith("Xin chào") ?? false, {
        since,
      });
      expect(welcome.text).toBe("Xin chào Alice, mã abc");

      const { callback_query_id } = emu.pressButton(alice, welcome, "join");
      const edited = await emu.waitForMessage(alice.id, (m) => m.edited, { since });
      expect(edited).toMatchObject({ message_id: welcome.message_id, text: "Bạn đã tham gia" });
      expect(
        (
          await emu.waitForCall(
            "answerCallbackQuery",
            (c) => c.payload.callback_query_id === callback_query_id,
          )
        ).payload.text,
      ).toBe("Đã tham gia");
    } finally {
      await bot.stop();
      await running;
    }
    expect(emu.pendingUpdates()).toBe(0);
  });
});

describe("BotApiEmulator with Telegram's flood limits switched on", () => {
  /** The flood control's clock, in ms: each test sets it, so the windows are checked to the millisecond. */
  let now = 1_000_000;
  let limited: BotApiEmulator;

  beforeEach(async () => {
    now = 1_000_000;
    limited = await BotApiEmulator.start({ floodControl: { now: () => now } });
  });

  afterEach(async () => {
    await limited.stop();
  });

  async function send(chatId: number, text = "x"): Promise<ApiReply> {
    const res = await fetch(`${limited.apiRoot}/bot${limited.token}/sendMessage`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ chat_id: chatId, text }),
    });
    const reply = (await res.json()) as ApiReply;
    expect(res.status).toBe(reply.ok ? 200 : reply.error_code);
    return reply;
  }

  const people = (count: number, from = 5000): FakeUser[] =>
    Array.from({ length: count }, (_, i) => ({ id: from + i, first_name: `Người ${i + 1}` }));

  const tooMany = (seconds: number) => ({
    ok: false,
    error_code: 429,
    description: `Too Many Requests: retry after ${seconds}`,
    parameters: { retry_after: seconds },
  });

  it("is off by default", async () => {
    const everyone = people(40);
    for (const person of everyone) emu.addUser(person);
    const replies = await Promise.all(
      everyone.map((person) => call("sendMessage", { chat_id: person.id, text: "x" })),
    );
    expect(replies.filter((reply) => !reply.ok)).toEqual([]);
    expect(emu.tooManyRequests).toBe(0);
  });

  it("refuses a 31st message within one second overall, the second's edge included, and counts the refusals", async () => {
    const everyone = people(32);
    for (const person of everyone) limited.addUser(person);
    for (const person of everyone.slice(0, 30)) expect(await send(person.id)).toMatchObject({ ok: true });
    const [thirtyFirst, thirtySecond] = everyone.slice(30);
    if (!thirtyFirst || !thirtySecond) throw new Error("two more people expected");
    // It may go once the first of the 30 is more than a second old: in 1,001 ms, so 2 whole seconds.
    expect(await send(thirtyFirst.id)).toEqual(tooMany(2));
    // A refused message is not delivered, and is recorded with its answer.
    expect(limited.messagesIn(thirtyFirst.id)).toEqual([]);
    expect(limited.calls.at(-1)).toMatchObject({ method: "sendMessage", response: tooMany(2) });
    // Exactly a second later the 30 still count; a millisecond after that they do not.
    now += 1000;
    expect(await send(thirtyFirst.id)).toEqual(tooMany(1));
    now += 1;
    expect(await send(thirtyFirst.id)).toMatchObject({ ok: true });
    expect(await send(thirtySecond.id)).toMatchObject({ ok: true });
    expect(limited.tooManyRequests).toBe(2);
  });

  it("lets a private chat take a burst of three, then one message a second", async () => {
    limited.addUser(alice);
    for (let i = 0; i < 3; i++) expect(await send(alice.id)).toMatchObject({ ok: true });
    expect(await send(alice.id)).toEqual(tooMany(4));
    now += 3000;
    expect(await send(alice.id)).toEqual(tooMany(1));
    now += 1;
    expect(await send(alice.id)).toMatchObject({ ok: true });
    // Another chat is not held back by Alice's.
    limited.addUser(bob);
    expect(await send(bob.id)).toMatchObject({ ok: true });
    expect(limited.tooManyRequests).toBe(2);

    // One a second, each just over a second after the last, goes on without a refusal.
    for (let i = 0; i < 10; i++) {
      now += 1001;
      expect(await send(alice.id)).toMatchObject({ ok: true });
    }
    // The burst is spent by then: three went within the last 3 s.
    expect(await send(alice.id)).toMatchObject({ ok: false, error_code: 429 });
    expect(limited.tooManyRequests).toBe(3);
  });

  it("refuses a 21st message to a group within a minute", async () => {
    const group = { id: -100_888, title: "Phòng Tổ chức" };
    limited.sendTextInGroup(alice, group, "/bind");
    for (let i = 0; i < 20; i++) {
      expect(await send(group.id)).toMatchObject({ ok: true });
      now += 1001;
    }
    // The first of the 20 went 20,020 ms ago: the 21st may go 60,001 ms after it.
    expect(await send(group.id)).toEqual(tooMany(40));
    now = 1_000_000 + 60_000;
    expect(await send(group.id)).toEqual(tooMany(1));
    now += 1;
    expect(await send(group.id)).toMatchObject({ ok: true });
    expect(limited.tooManyRequests).toBe(2);
  });

  it("counts only messages Telegram delivered: not edits, chat actions, or sends it refused otherwise", async () => {
    limited.addUser(alice);
    const first = await send(alice.id, "v0");
    const messageId = (first.result as { message_id: number }).message_id;
    for (let i = 1; i <= 40; i++) {
      const edit = await fetch(`${limited.apiRoot}/bot${limited.token}/editMessageText`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ chat_id: alice.id, message_id: messageId, text: `v${i}` }),
      });
      expect(edit.status).toBe(200);
    }
    // 40 people who never pressed Start: Telegram answers 403, and nothing was sent.
    for (const stranger of people(40, 9000))
      expect(await send(stranger.id)).toMatchObject({ error_code: 403 });
    const everyone = people(29);
    for (const person of everyone) limited.addUser(person);
    for (const person of everyone) expect(await send(person.id)).toMatchObject({ ok: true });
    expect(limited.tooManyRequests).toBe(0);
    expect(await send(alice.id)).toEqual(tooMany(2));
  });

  it("refuses what a grammY bot sends over the limit at once, as a 429 its error carries", async () => {
    const api = new Api(limited.token, { apiRoot: limited.apiRoot });
    const everyone = people(35);
    for (const person of everyone) limited.addUser(person);
    const sent = await Promise.allSettled(everyone.map((person) => api.sendMessage(person.id, "Nhắc hạn")));
    const refused = sent.filter((result) => result.status === "rejected");
    expect(refused).toHaveLength(5);
    expect(limited.tooManyRequests).toBe(5);
    expect(String((refused[0] as PromiseRejectedResult).reason)).toMatch(/429.*retry after 2/);
  });
});

describe("BotApiEmulator's fault injection (drills)", () => {
  const send = (chatId: number, text: string) => call("sendMessage", { chat_id: chatId, text });

  it("fails a send with a 5xx before delivery (nothing in the chat) or after it (delivered, the answer lost)", async () => {
    emu.addUser(alice);
    emu.injectFault({ method: "sendMessage", fault: { kind: "error-before", status: 503 }, times: 1 });
    expect(await send(alice.id, "one")).toMatchObject({ ok: false, error_code: 503 });
    expect(emu.messagesIn(alice.id)).toEqual([]);

    emu.injectFault({ method: "sendMessage", fault: { kind: "error-after" }, times: 1 });
    expect(await send(alice.id, "two")).toMatchObject({ ok: false, error_code: 502 });
    expect(emu.messagesIn(alice.id).map((m) => m.text)).toEqual(["two"]);

    expect(await send(alice.id, "three")).toMatchObject({ ok: true });
    expect(emu.faultsInjected()).toBe(2);
    expect(emu.faultsInjected("error-after")).toBe(1);
  });

  it("refuses with 429 and retry_after, or 403, only in the chat it is set for", async () => {
    emu.addUser(alice);
    emu.addUser(bob);
    emu.injectFault({ method: "sendMessage", chatId: alice.id, fault: { kind: "too-many", retryAfter: 7 } });
    emu.injectFault({ method: "sendMessage", chatId: bob.id, fault: { kind: "forbidden" }, times: 1 });
    const refused = await send(alice.id, "hello");
    expect(refused).toMatchObject({ ok: false, error_code: 429, parameters: { retry_after: 7 } });
    expect(await send(bob.id, "hello")).toMatchObject({ ok: false, error_code: 403 });
    expect(await send(bob.id, "again")).toMatchObject({ ok: true });
    expect(emu.messagesIn(alice.id)).toEqual([]);
  });

  it("closes the connection without an answer, before or after delivering", async () => {
    emu.addUser(alice);
    emu.injectFault({ method: "sendMessage", fault: { kind: "reset" }, times: 1 });
    await expect(send(alice.id, "lost")).rejects.toThrow();
    expect(emu.messagesIn(alice.id)).toEqual([]);
    emu.injectFault({ method: "sendMessage", fault: { kind: "reset-after" }, times: 1 });
    await expect(send(alice.id, "delivered")).rejects.toThrow();
    expect(emu.messagesIn(alice.id).map((m) => m.text)).toEqual(["delivered"]);
  });

  it("hits a call with the rule's probability, drawn from the random source it is given", async () => {
    emu.addUser(alice);
    const draws = [0.9, 0.1, 0.5, 0.29];
    emu.useRandom(() => draws.shift() ?? 1);
    emu.injectFault({ method: "sendMessage", fault: { kind: "error-before" }, probability: 0.3 });
    const outcomes = [];
    for (const text of ["a", "b", "c", "d"]) outcomes.push((await send(alice.id, text)).ok);
    expect(outcomes).toEqual([true, false, true, false]);
    expect(emu.messagesIn(alice.id).map((m) => m.text)).toEqual(["a", "c"]);
  });

  it("answers a delayed call normally, and only the calls its `only` picks", async () => {
    emu.addUser(alice);
    emu.injectFault({
      method: "sendMessage",
      fault: { kind: "error-before" },
      only: (payload) => String(payload.text).includes("3/6"),
    });
    emu.injectFault({ method: "sendMessage", fault: { kind: "delay", ms: 20 }, times: 1 });
    expect(await send(alice.id, "Câu 2/6")).toMatchObject({ ok: true });
    expect(await send(alice.id, "Câu 3/6")).toMatchObject({ ok: false, error_code: 502 });
    expect(emu.faultsInjected("delay")).toBe(1);
  });
});
