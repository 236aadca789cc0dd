/**
 * A local, in-memory Telegram Bot API server for end-to-end tests.
 *
 * Start it, point the bot at it (BOT_API_ROOT=emulator.apiRoot, BOT_TOKEN=emulator.token), act as users with
 * sendText/pressButton/..., and observe what the bot did with messagesIn/waitForMessage/waitForCall.
 * Only 127.0.0.1 is used; nothing leaves the machine.
 */

import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { FloodControl, type FloodControlOptions } from "./flood-control.js";

export interface FakeUser {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

export interface FakeGroup {
  id: number;
  title: string;
}

export interface RecordedCall {
  method: string;
  payload: Record<string, unknown>;
  at: number;
  /** The JSON body sent back (`{ok, result}` or `{ok: false, error_code, description}`); undefined if the client hung up first. */
  response: unknown;
}

export interface InlineButton {
  text: string;
  callback_data?: string;
  url?: string;
}

export interface BotMessage {
  message_id: number;
  chat_id: number;
  date: number;
  /** Text exactly as the bot sent it (with HTML tags when parse_mode is HTML). */
  text?: string;
  /** What the user sees: `text` (or `caption`) with HTML tags removed and entities decoded. */
  plain_text?: string;
  caption?: string;
  parse_mode?: string;
  reply_markup?: { inline_keyboard?: InlineButton[][] } & Record<string, unknown>;
  document?: unknown;
  edited: boolean;
  deleted: boolean;
}

export interface WaitOptions {
  /** Only consider things that happened at or after this cursor (from `mark()`). Default 0: everything. */
  since?: number;
  /** Default 10000. */
  timeoutMs?: number;
}

export interface UploadedFile {
  filename: string;
  content_type: string;
  size: number;
  data: Buffer;
}

export interface DocumentInfo {
  file_id: string;
  file_unique_id: string;
  file_name?: string;
  mime_type?: string;
  file_size?: number;
}

/** Throw this from a handler installed with `onMethod` to make the emulator answer with an error. */
export class BotApiError extends Error {
  constructor(
    readonly error_code: number,
    readonly description: string,
    readonly parameters?: { retry_after?: number; migrate_to_chat_id?: number },
  ) {
    super(`${error_code}: ${description}`);
  }
}

export type MethodHandler = (payload: Record<string, unknown>) => unknown;

/**
 * A fault the emulator can inject into a Bot API call (drills; see `injectFault`):
 * - `delay`: the call is answered `ms` later, normally;
 * - `error-before`: a 5xx, and nothing was done (the message is not delivered);
 * - `error-after`: the call is done (the message is delivered and recorded) but the answer is a 5xx;
 * - `reset`: the connection is closed without an answer, before anything is done; `reset-after`: after;
 * - `too-many`: 429 with `retry_after`, nothing done;
 * - `forbidden`: 403, the person blocked the bot (mid-fan-out, say), nothing done.
 */
export type Fault =
  | { kind: "delay"; ms: number }
  | { kind: "error-before"; status?: 500 | 502 | 503 }
  | { kind: "error-after"; status?: 500 | 502 | 503 }
  | { kind: "reset" }
  | { kind: "reset-after" }
  | { kind: "too-many"; retryAfter: number }
  | { kind: "forbidden" };

export type FaultKind = Fault["kind"];

/** Which calls a fault hits: by method and/or chat, each matching call with `probability`, at most `times`. */
export interface FaultRule {
  fault: Fault;
  /** A method name (case-insensitive) or a pattern; every method but getUpdates when left out. */
  method?: string | RegExp;
  chatId?: number;
  /** Drawn from the emulator's random source (`useRandom`, seeded in drills); 1 when left out. */
  probability?: number;
  /** How many calls it hits before it goes away; no end when left out. */
  times?: number;
  /** Only the calls whose payload this picks (e.g. the message that asks "3/6"). */
  only?: (payload: Record<string, unknown>) => boolean;
}

type Json = Record<string, unknown>;

export interface TelegramUser {
  id: number;
  is_bot: boolean;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

interface Chat {
  id: number;
  type: "private" | "group" | "supergroup";
  title?: string;
  first_name?: string;
  last_name?: string;
  username?: string;
}

interface StoredMessage {
  message_id: number;
  chat: Chat;
  from: TelegramUser;
  fromBot: boolean;
  date: number;
  edit_date?: number;
  text?: string;
  plain_text?: string;
  entities?: Json[];
  caption?: string;
  plain_caption?: string;
  parse_mode?: string;
  reply_markup?: BotMessage["reply_markup"];
  document?: DocumentInfo;
  sticker?: Json;
  deleted: boolean;
}

interface StoredFile {
  info: DocumentInfo;
  file_path: string;
  content?: Buffer;
}

interface Update {
  update_id: number;
  [kind: string]: unknown;
}

interface Poller {
  finish(response: ApiResponse): void;
  wake(): void;
}

interface Waiter {
  check(): void;
  abort(error: Error): void;
}

type ApiResponse =
  | { ok: true; result: unknown }
  | { ok: false; error_code: number; description: string; parameters?: Json };

/** A bot message as it looked after one change; `seq` is the call cursor at which the change happened. */
interface MessageVersion {
  seq: number;
  message: BotMessage;
}

const DEFAULT_TOKEN = "123456:TEST-TOKEN-abcdefghijklmnopqrstuvwxyz";
const DEFAULT_TIMEOUT_MS = 10_000;
const MAX_TEXT_LENGTH = 4096;
const MAX_CAPTION_LENGTH = 1024;
const MAX_DOWNLOAD_SIZE = 20 * 1024 * 1024;
/** Telegram sends these only when they are asked for explicitly in allowed_updates. */
const OPT_IN_UPDATES = new Set(["chat_member", "message_reaction", "message_reaction_count"]);
/** Fields that hold integers; in multipart/urlencoded bodies they arrive as strings. */
const INTEGER_FIELDS = new Set([
  "chat_id",
  "message_id",
  "offset",
  "limit",
  "timeout",
  "user_id",
  "from_chat_id",
  "message_thread_id",
  "reply_to_message_id",
  "cache_time",
]);
/** Free-text fields that must never be JSON-decoded even if they look like JSON. */
const TEXT_FIELDS = new Set(["text", "caption", "description", "short_description", "name", "title", "url"]);
const CHAT_ACTIONS = new Set([
  "typing",
  "upload_photo",
  "record_video",
  "upload_video",
  "record_voice",
  "upload_voice",
  "upload_document",
  "choose_sticker",
  "find_location",
  "record_video_note",
  "upload_video_note",
]);

const badRequest = (description: string) => new BotApiError(400, `Bad Request: ${description}`);
const unixNow = () => Math.floor(Date.now() / 1000);

export class BotApiEmulator {
  readonly calls: RecordedCall[] = [];
  /**
   * Called with each message version the bot sends or edits: for a load test with hundreds of people waiting
   * at once, where `waitForMessage` (which looks through the whole history) would be the bottleneck.
   */
  onBotMessage: ((message: BotMessage) => void) | undefined;
  readonly botUser: TelegramUser;

  private readonly users = new Map<number, FakeUser>();
  private readonly blocked = new Set<number>();
  private readonly groups = new Map<number, Chat>();
  private readonly chats = new Map<number, StoredMessage[]>();
  private readonly history: MessageVersion[] = [];
  private readonly files = new Map<string, StoredFile>();
  private readonly openCallbackQueries = new Set<string>();
  private readonly commands = new Map<string, Json[]>();
  private readonly menuButtons = new Map<string, Json>();
  private readonly customHandlers = new Map<string, MethodHandler>();
  private readonly holds = new Map<
    string,
    Set<{ only: (payload: Json) => boolean; released: Promise<void> }>
  >();
  private readonly pollers = new Set<Poller>();
  private readonly waiters = new Set<Waiter>();
  private updates: Update[] = [];
  private allowedUpdates: string[] = [];
  private nextUpdateId = 100_000;
  private nextCallbackQueryId = 1;
  private nextFileNumber = 1;
  private stopped = false;
  private refusedAsFlood = 0;
  private readonly faultRules = new Set<FaultRule & { hits: number }>();
  private faultRandom: () => number = Math.random;
  private readonly faultsDone = new Map<FaultKind, number>();

  private constructor(
    private readonly server: Server,
    readonly apiRoot: string,
    readonly token: string,
    readonly botUsername: string,
    botId: number,
    private readonly flood: FloodControl | undefined,
  ) {
    this.botUser = { id: botId, is_bot: true, first_name: "ThiĐua Test", username: botUsername };
  }

  /**
   * `floodControl` (off by default) makes the emulator hold the bot to Telegram's flood limits on the messages it
   * sends (see flood-control.ts): a message over them is refused with 429 and `retry_after`, as Telegram does,
   * and counted in `tooManyRequests`. `true` takes Telegram's limits; options replace some, or the clock.
   */
  static async start(
    opts: {
      token?: string;
      botUsername?: string;
      botId?: number;
      floodControl?: boolean | FloodControlOptions;
    } = {},
  ): Promise<BotApiEmulator> {
    const token = opts.token ?? DEFAULT_TOKEN;
    const botId = opts.botId ?? (Number(token.split(":")[0]) || 123456);
    let emulator: BotApiEmulator | undefined;
    const server = createServer((req, res) => {
      emulator?.handleHttp(req, res).catch((error: unknown) => {
        if (!res.headersSent) sendJson(res, 500, { ok: false, error_code: 500, description: String(error) });
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    emulator = new BotApiEmulator(
      server,
      `http://127.0.0.1:${port}`,
      token,
      opts.botUsername ?? "thidua_test_bot",
      botId,
      opts.floodControl ? new FloodControl(opts.floodControl === true ? {} : opts.floodControl) : undefined,
    );
    return emulator;
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    for (const poller of [...this.pollers]) poller.finish({ ok: true, result: [] });
    for (const waiter of [...this.waiters]) waiter.abort(new Error("BotApiEmulator stopped"));
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  // ---------------------------------------------------------------- acting as users

  /** The user writes `text` in their private chat with the bot (this also counts as pressing Start). */
  sendText(user: FakeUser, text: string): { update_id: number; message_id: number } {
    const chat = this.userStartsChat(user);
    return this.userMessage(user, chat, { text, ...commandEntities(text) });
  }

  /**
   * The user pressed Start at some earlier time: the bot may write to them. Nothing is queued for the bot (to
   * set up many recipients, e.g. for a fan-out, without the bot answering each one first).
   */
  addUser(user: FakeUser): void {
    this.userStartsChat(user);
  }

  sendTextInGroup(user: FakeUser, group: FakeGroup, text: string): { update_id: number; message_id: number } {
    if (group.id >= 0) throw new Error(`group chat ids are negative, got ${group.id}`);
    const chat: Chat = {
      id: group.id,
      type: group.id <= -1_000_000_000_000 ? "supergroup" : "group",
      title: group.title,
    };
    this.groups.set(group.id, chat);
    return this.userMessage(user, chat, { text, ...commandEntities(text) });
  }

  /** `content` (optional) is what the bot downloads via getFile + /file/bot<token>/<path>. */
  sendDocument(
    user: FakeUser,
    doc: { file_name: string; mime_type: string; file_size: number; content?: string | Buffer },
  ): { update_id: number; message_id: number } {
    const chat = this.userStartsChat(user);
    const content = typeof doc.content === "string" ? Buffer.from(doc.content) : doc.content;
    const file = this.storeFile("documents", doc.file_name, doc.mime_type, doc.file_size, content);
    return this.userMessage(user, chat, { document: file.info });
  }

  sendSticker(user: FakeUser): { update_id: number; message_id: number } {
    const chat = this.userStartsChat(user);
    const file = this.storeFile("stickers", "sticker.webp", "image/webp", 1024);
    const sticker = {
      file_id: file.info.file_id,
      file_unique_id: file.info.file_unique_id,
      type: "regular",
      width: 512,
      height: 512,
      is_animated: false,
      is_video: false,
      emoji: "👍",
      file_size: 1024,
    };
    return this.userMessage(user, chat, { sticker });
  }

  /** Presses an inline button of `message` (as it looks now, with edits applied). */
  pressButton(
    user: FakeUser,
    message: BotMessage,
    callbackData: string,
    opts: { force?: boolean } = {},
  ): { update_id: number; callback_query_id: string } {
    this.assertUser(user);
    const stored = this.chats.get(message.chat_id)?.find((m) => m.message_id === message.message_id);
    if (!stored) throw new Error(`no message ${message.message_id} in chat ${message.chat_id}`);
    if (!opts.force) {
      if (stored.deleted)
        throw new Error(`message ${message.message_id} in chat ${message.chat_id} is deleted`);
      const available = (stored.reply_markup?.inline_keyboard ?? []).flat().map((b) => b.callback_data);
      if (!available.includes(callbackData)) {
        throw new Error(
          `button "${callbackData}" is not on message ${message.message_id} in chat ${message.chat_id}; ` +
            `available: ${JSON.stringify(available)}`,
        );
      }
    }
    const id = String(4_000_000_000_000 + this.nextCallbackQueryId++);
    this.openCallbackQueries.add(id);
    const update_id = this.enqueue("callback_query", {
      id,
      from: userObject(user),
      message: this.toTelegram(stored),
      chat_instance: String(-4_000_000_000 - stored.chat.id),
      data: callbackData,
    });
    return { update_id, callback_query_id: id };
  }

  /** From now on sends to this user fail with 403 until the user writes again (Telegram's "Restart bot"). */
  blockBot(user: FakeUser): void {
    this.assertUser(user);
    if (this.blocked.has(user.id)) return;
    this.blocked.add(user.id);
    this.enqueue("my_chat_member", this.chatMemberChange(user, "member", "kicked"));
  }

  unblockBot(user: FakeUser): void {
    if (!this.blocked.delete(user.id)) return;
    this.enqueue("my_chat_member", this.chatMemberChange(user, "kicked", "member"));
  }

  // ---------------------------------------------------------------- observing

  /** A cursor for `since`: everything recorded from now on is "after" it. */
  mark(): number {
    return this.calls.length;
  }

  messagesIn(chatId: number): BotMessage[] {
    return (this.chats.get(chatId) ?? []).filter((m) => m.fromBot).map((m) => this.toBotMessage(m));
  }

  lastMessageIn(chatId: number): BotMessage | undefined {
    return this.messagesIn(chatId).at(-1);
  }

  /**
   * Resolves with the first bot message version in the chat (a send or an edit, at or after `since`) that
   * matches `predicate`, looking at what already happened and then at what happens next. Deletions do not count.
   * A number as third argument is taken as `timeoutMs`.
   */
  waitForMessage(
    chatId: number,
    predicate: (m: BotMessage) => boolean = () => true,
    options: WaitOptions | number = {},
  ): Promise<BotMessage> {
    const { since, timeoutMs } = waitOptions(options);
    return this.waitUntil(
      () => {
        const version = this.history.find(
          (v) => v.seq >= since && v.message.chat_id === chatId && predicate(v.message),
        );
        return version && structuredClone(version.message);
      },
      timeoutMs,
      () =>
        `waitForMessage(chat ${chatId}, since ${since}) timed out after ${timeoutMs}ms.\n` +
        this.describeChat(chatId, since),
    );
  }

  /** Resolves with the first recorded call of `method` (at or after `since`) that matches `predicate`. */
  waitForCall(
    method: string,
    predicate: (c: RecordedCall) => boolean = () => true,
    options: WaitOptions | number = {},
  ): Promise<RecordedCall> {
    const { since, timeoutMs } = waitOptions(options);
    return this.waitUntil(
      () => this.calls.slice(since).find((c) => c.method === method && predicate(c)),
      timeoutMs,
      () => {
        const recent = this.calls.slice(Math.max(since, this.calls.length - 30));
        return (
          `waitForCall(${method}, since ${since}) timed out after ${timeoutMs}ms. Calls since then` +
          `${recent.length < this.calls.length - since ? " (last 30)" : ""}:\n` +
          (recent.map(describeCall).join("\n") || "  (none)")
        );
      },
    );
  }

  /** Resolves once the bot has confirmed (via getUpdates offset) the update with this id. */
  waitForConfirmation(updateId: number, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
    return this.waitUntil(
      () => (this.updates.some((u) => u.update_id <= updateId) ? undefined : true),
      timeoutMs,
      () =>
        `waitForConfirmation(${updateId}) timed out after ${timeoutMs}ms; ${this.pendingUpdates()} pending`,
    ).then(() => undefined);
  }

  /**
   * Resolves while a getUpdates long poll is being held. With nothing pending, that means a polling bot has
   * handled everything it was given and is idle.
   */
  waitForPolling(timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
    return this.waitUntil(
      () => (this.pollers.size > 0 ? true : undefined),
      timeoutMs,
      () => `waitForPolling() timed out after ${timeoutMs}ms: no getUpdates request is waiting`,
    ).then(() => undefined);
  }

  /** How many messages the flood control refused with 429 Too Many Requests (always 0 when it is off). */
  get tooManyRequests(): number {
    return this.refusedAsFlood;
  }

  pendingUpdates(): number {
    return this.updates.length;
  }

  /** Commands stored by setMyCommands for exactly this scope and language (no fallback), or undefined. */
  commandsFor(scope: Json = { type: "default" }, languageCode = ""): Json[] | undefined {
    return this.commands.get(commandsKey(scope, languageCode));
  }

  menuButton(chatId?: number): Json | undefined {
    return this.menuButtons.get(String(chatId ?? "default"));
  }

  /** Contents of a file the bot uploaded (or a test provided), by file_id. */
  fileContent(fileId: string): Buffer | undefined {
    return this.files.get(fileId)?.content;
  }

  /** Replace (or, with undefined, restore) the behaviour of one method, e.g. to inject a 429. */
  onMethod(method: string, handler: MethodHandler | undefined): void {
    if (handler) this.customHandlers.set(method.toLowerCase(), handler);
    else this.customHandlers.delete(method.toLowerCase());
  }

  /**
   * Holds every call of `method` (those in flight and those to come; with `only`, those it picks by their
   * payload) unanswered until the returned function is called: e.g. to see what the bot does while its
   * setMyCommands calls have not returned, or while one chat's message hangs.
   */
  holdMethod(method: string, only: (payload: Json) => boolean = () => true): () => void {
    let release = () => {};
    const key = method.toLowerCase();
    const hold = {
      only,
      released: new Promise<void>((resolve) => {
        release = () => {
          this.holds.get(key)?.delete(hold);
          resolve();
        };
      }),
    };
    this.holds.set(key, (this.holds.get(key) ?? new Set()).add(hold));
    return release;
  }

  /**
   * Answers the next `times` calls of `method` that `only` picks with 429 and `retry_after` seconds, as
   * Telegram does when it asks a bot to wait (independent of the opt-in flood control).
   */
  floodWaitOn(
    method: string,
    retryAfter: number,
    only: (payload: Json) => boolean = () => true,
    times = 1,
  ): void {
    this.injectFault({ method, only, times, fault: { kind: "too-many", retryAfter } });
  }

  // ---------------------------------------------------------------- fault injection (drills)

  /**
   * From now on, calls that `rule` matches fail (or wait) as its fault says; returns the function that takes
   * the rule away. Rules are looked at in the order they were added; the first that hits a call wins.
   */
  injectFault(rule: FaultRule): () => void {
    const active = { ...rule, hits: 0 };
    this.faultRules.add(active);
    return () => {
      this.faultRules.delete(active);
    };
  }

  /** The random source of `probability` (Math.random by default): drills give a seeded one, to replay a run. */
  useRandom(random: () => number): void {
    this.faultRandom = random;
  }

  /** How many calls a fault of `kind` (of any kind, when left out) has hit. */
  faultsInjected(kind?: FaultKind): number {
    if (kind) return this.faultsDone.get(kind) ?? 0;
    let all = 0;
    for (const count of this.faultsDone.values()) all += count;
    return all;
  }

  private faultFor(method: string, payload: Json): Fault | undefined {
    for (const rule of this.faultRules) {
      const pattern = rule.method;
      const methodMatches =
        pattern === undefined
          ? method.toLowerCase() !== "getupdates"
          : typeof pattern === "string"
            ? pattern.toLowerCase() === method.toLowerCase()
            : pattern.test(method);
      if (!methodMatches) continue;
      if (rule.chatId !== undefined && Number(payload.chat_id) !== rule.chatId) continue;
      if (rule.only && !rule.only(payload)) continue;
      if (rule.probability !== undefined && this.faultRandom() >= rule.probability) continue;
      rule.hits++;
      if (rule.times !== undefined && rule.hits >= rule.times) this.faultRules.delete(rule);
      this.faultsDone.set(rule.fault.kind, (this.faultsDone.get(rule.fault.kind) ?? 0) + 1);
      return rule.fault;
    }
    return undefined;
  }

  /** Applies the part of `fault` that comes before the call is done; true if the call ends there. */
  private async faultBefore(
    fault: Fault,
    req: IncomingMessage,
    respond: (response: ApiResponse) => void,
    recordUnanswered: () => void,
  ): Promise<boolean> {
    switch (fault.kind) {
      case "delay":
        await new Promise((resolve) => setTimeout(resolve, fault.ms));
        return false;
      case "error-before":
        respond(serverError(fault.status));
        return true;
      case "reset":
        recordUnanswered();
        req.socket.destroy();
        return true;
      case "too-many":
        respond(
          errorResponse(
            new BotApiError(429, `Too Many Requests: retry after ${fault.retryAfter}`, {
              retry_after: fault.retryAfter,
            }),
          ),
        );
        return true;
      case "forbidden":
        respond(errorResponse(new BotApiError(403, "Forbidden: bot was blocked by the user")));
        return true;
      default:
        return false;
    }
  }

  /** Applies the part of `fault` that comes once the call is done (its answer lost); true if it answered. */
  private faultAfter(
    fault: Fault,
    req: IncomingMessage,
    respond: (response: ApiResponse) => void,
    recordDone: () => void,
  ): boolean {
    if (fault.kind === "error-after") {
      respond(serverError(fault.status));
      return true;
    }
    if (fault.kind === "reset-after") {
      recordDone();
      req.socket.destroy();
      return true;
    }
    return false;
  }

  // ---------------------------------------------------------------- HTTP

  private async handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", this.apiRoot);
    const download = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (download) {
      this.serveFile(download[1] ?? "", decodeURIComponent(download[2] ?? ""), res);
      return;
    }
    const match = /^\/bot([^/]*)\/([A-Za-z0-9_]+)\/?$/.exec(url.pathname);
    if (!match) {
      sendJson(res, 404, { ok: false, error_code: 404, description: "Not Found" });
      return;
    }
    const method = match[2] ?? "";
    let payload: Json = {};
    let parseError: BotApiError | undefined;
    try {
      payload = await parsePayload(req, url);
    } catch (error) {
      parseError = error instanceof BotApiError ? error : badRequest(String(error));
    }
    const record = (response: ApiResponse | undefined) => {
      this.calls.push({ method, payload, at: Date.now(), response });
      this.notify();
    };
    const respond = (response: ApiResponse) => {
      record(response);
      sendJson(res, response.ok ? 200 : response.error_code, response);
    };

    if (match[1] !== this.token) return respond(errorResponse(new BotApiError(401, "Unauthorized")));
    if (parseError) return respond(errorResponse(parseError));
    const fault = this.faultFor(method, payload);
    if (fault && (await this.faultBefore(fault, req, respond, () => record(undefined)))) return;
    if (method.toLowerCase() === "getupdates" && !this.customHandlers.has("getupdates")) {
      return this.getUpdates(payload, res, record);
    }
    for (const hold of [...(this.holds.get(method.toLowerCase()) ?? [])]) {
      if (hold.only(payload)) await hold.released;
    }
    const retryAfter = this.flood?.retryAfter(method, payload.chat_id);
    if (retryAfter !== undefined) {
      this.refusedAsFlood++;
      const tooMany = new BotApiError(429, `Too Many Requests: retry after ${retryAfter}`, {
        retry_after: retryAfter,
      });
      return respond(errorResponse(tooMany));
    }
    let response: ApiResponse;
    try {
      response = { ok: true, result: this.dispatch(method, payload) };
      this.flood?.record(method, payload.chat_id);
    } catch (error) {
      // A bug here or in an onMethod handler still gets recorded, so the test can see it.
      const apiError =
        error instanceof BotApiError
          ? error
          : new BotApiError(500, `Internal Server Error: ${String(error)}`);
      response = errorResponse(apiError);
    }
    if (fault && response.ok && this.faultAfter(fault, req, respond, () => record(response))) return;
    respond(response);
  }

  private serveFile(token: string, path: string, res: ServerResponse): void {
    const file = [...this.files.values()].find((f) => f.file_path === path);
    if (token !== this.token || !file?.content) {
      sendJson(res, 404, { ok: false, error_code: 404, description: "Not Found" });
      return;
    }
    res.writeHead(200, { "content-type": file.info.mime_type ?? "application/octet-stream" });
    res.end(file.content);
  }

  private getUpdates(
    payload: Json,
    res: ServerResponse,
    record: (response: ApiResponse | undefined) => void,
  ): void {
    const offset = optionalInt(payload.offset, "offset");
    const limit = Math.min(Math.max(optionalInt(payload.limit, "limit") ?? 100, 1), 100);
    const timeoutSeconds = optionalInt(payload.timeout, "timeout") ?? 0;
    if (Array.isArray(payload.allowed_updates)) this.allowedUpdates = payload.allowed_updates.map(String);
    if (offset !== undefined) this.confirm(offset);

    // Like Telegram: a newer getUpdates terminates an older one that is still waiting.
    for (const poller of [...this.pollers]) {
      poller.finish({
        ok: false,
        error_code: 409,
        description:
          "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
      });
    }

    let done = false;
    let timer: NodeJS.Timeout | undefined;
    const poller: Poller = {
      finish: (response) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        this.pollers.delete(poller);
        record(response);
        sendJson(res, response.ok ? 200 : response.error_code, response);
      },
      wake: () => {
        const batch = this.deliverable(limit);
        if (batch.length > 0) poller.finish({ ok: true, result: batch });
      },
    };
    const batch = this.deliverable(limit);
    if (batch.length > 0 || timeoutSeconds <= 0 || this.stopped) {
      poller.finish({ ok: true, result: batch });
      return;
    }
    this.pollers.add(poller);
    this.notify();
    timer = setTimeout(() => poller.finish({ ok: true, result: [] }), timeoutSeconds * 1000);
    res.on("close", () => {
      if (done) return;
      // The client went away (aborted fetch, killed process) before we answered.
      done = true;
      clearTimeout(timer);
      this.pollers.delete(poller);
      record(undefined);
    });
  }

  private confirm(offset: number): void {
    const before = this.updates.length;
    if (offset < 0) this.updates = this.updates.slice(offset);
    else this.updates = this.updates.filter((u) => u.update_id >= offset);
    if (this.updates.length !== before) this.notify();
  }

  private deliverable(limit: number): Update[] {
    const isAllowed = (u: Update) => {
      const kind = Object.keys(u).find((k) => k !== "update_id") ?? "";
      return this.allowedUpdates.length > 0 ? this.allowedUpdates.includes(kind) : !OPT_IN_UPDATES.has(kind);
    };
    // Telegram never produces updates the bot did not ask for, so they are dropped rather than kept pending.
    const kept = this.updates.filter(isAllowed);
    if (kept.length !== this.updates.length) {
      this.updates = kept;
      this.notify();
    }
    return kept.slice(0, limit);
  }

  private enqueue(kind: string, body: Json): number {
    const update_id = this.nextUpdateId++;
    this.updates.push({ update_id, [kind]: body });
    for (const poller of [...this.pollers]) poller.wake();
    return update_id;
  }

  // ---------------------------------------------------------------- Bot API methods

  private dispatch(method: string, p: Json): unknown {
    const custom = this.customHandlers.get(method.toLowerCase());
    if (custom) return custom(p);
    switch (method.toLowerCase()) {
      case "getme":
        return {
          ...this.botUser,
          can_join_groups: true,
          can_read_all_group_messages: false,
          supports_inline_queries: false,
          can_connect_to_business: false,
          has_main_web_app: false,
        };
      case "deletewebhook":
        if (p.drop_pending_updates === true) this.confirm(this.nextUpdateId);
        return true;
      case "getwebhookinfo":
        return { url: "", has_custom_certificate: false, pending_update_count: this.updates.length };
      case "sendmessage":
        return this.sendMessage(p);
      case "editmessagetext":
        return this.editMessageText(p);
      case "editmessagecaption":
        return this.editMessageCaption(p);
      case "editmessagereplymarkup":
        return this.editMessageReplyMarkup(p);
      case "deletemessage":
        return this.deleteMessage(p);
      case "sendchataction":
        this.chatFor(p.chat_id);
        if (!CHAT_ACTIONS.has(String(p.action))) throw badRequest("wrong parameter action in request");
        return true;
      case "answercallbackquery":
        if (!this.openCallbackQueries.delete(String(p.callback_query_id))) {
          throw badRequest("query is too old and response timeout expired or query ID is invalid");
        }
        return true;
      case "senddocument":
        return this.sendBotDocument(p);
      case "getfile":
        return this.getFile(p);
      case "setmycommands":
        return this.setMyCommands(p);
      case "getmycommands":
        return this.commandsFor(scopeOf(p), languageOf(p)) ?? [];
      case "deletemycommands":
        this.commands.delete(commandsKey(scopeOf(p), languageOf(p)));
        return true;
      case "setchatmenubutton":
        this.menuButtons.set(String(p.chat_id ?? "default"), asObject(p.menu_button) ?? { type: "default" });
        return true;
      case "getchatmenubutton":
        return this.menuButtons.get(String(p.chat_id ?? "default")) ?? { type: "commands" };
      case "setmydescription":
      case "setmyshortdescription":
      case "setmyname":
        return true;
      default:
        throw new BotApiError(404, "Not Found: method not found");
    }
  }

  private sendMessage(p: Json): Json {
    const chat = this.chatFor(p.chat_id);
    const { raw, plain, parseMode } = renderText(p.text, p.parse_mode, "text");
    const message = this.storeBotMessage(chat, {
      text: raw,
      plain_text: plain,
      parse_mode: parseMode,
      reply_markup: validMarkup(p.reply_markup),
    });
    return this.toTelegram(message);
  }

  private sendBotDocument(p: Json): Json {
    const chat = this.chatFor(p.chat_id);
    const document = this.documentFrom(p.document);
    const caption = p.caption === undefined ? undefined : renderText(p.caption, p.parse_mode, "caption");
    const message = this.storeBotMessage(chat, {
      document,
      caption: caption?.raw,
      plain_caption: caption?.plain,
      parse_mode: caption?.parseMode,
      reply_markup: validMarkup(p.reply_markup),
    });
    return this.toTelegram(message);
  }

  private documentFrom(value: unknown): DocumentInfo {
    if (isUploadedFile(value)) {
      if (value.size === 0) throw badRequest("file must be non-empty");
      const mime =
        value.content_type === "application/octet-stream" ? guessMime(value.filename) : value.content_type;
      return this.storeFile("documents", value.filename, mime, value.size, value.data).info;
    }
    if (typeof value === "string" && value !== "") {
      const known = this.files.get(value);
      if (!known) throw badRequest("wrong file identifier/HTTP URL specified");
      return known.info;
    }
    throw badRequest("there is no document in the request");
  }

  private editMessageText(p: Json): Json {
    const message = this.messageToEdit(p);
    if (message.text === undefined) throw badRequest("there is no text in the message to edit");
    const { raw, plain, parseMode } = renderText(p.text, p.parse_mode, "text");
    const markup = validMarkup(p.reply_markup);
    if (raw === message.text && plain === message.plain_text && sameMarkup(markup, message.reply_markup)) {
      throw notModified();
    }
    return this.applyEdit(message, {
      text: raw,
      plain_text: plain,
      parse_mode: parseMode,
      reply_markup: markup,
    });
  }

  private editMessageCaption(p: Json): Json {
    const message = this.messageToEdit(p);
    if (message.document === undefined) throw badRequest("there is no caption in the message to edit");
    const caption = p.caption === undefined ? undefined : renderText(p.caption, p.parse_mode, "caption");
    const markup = validMarkup(p.reply_markup);
    if (caption?.raw === message.caption && sameMarkup(markup, message.reply_markup)) throw notModified();
    return this.applyEdit(message, {
      caption: caption?.raw,
      plain_caption: caption?.plain,
      parse_mode: caption?.parseMode,
      reply_markup: markup,
    });
  }

  private editMessageReplyMarkup(p: Json): Json {
    const message = this.messageToEdit(p);
    const markup = validMarkup(p.reply_markup);
    if (sameMarkup(markup, message.reply_markup)) throw notModified();
    return this.applyEdit(message, { reply_markup: markup });
  }

  private deleteMessage(p: Json): true {
    const chat = this.chatFor(p.chat_id);
    const message = this.chats.get(chat.id)?.find((m) => m.message_id === Number(p.message_id));
    if (!message || message.deleted) throw badRequest("message to delete not found");
    message.deleted = true;
    this.notify();
    return true;
  }

  private messageToEdit(p: Json): StoredMessage {
    if (p.inline_message_id !== undefined) throw badRequest("MESSAGE_ID_INVALID");
    const chat = this.chatFor(p.chat_id);
    const message = this.chats.get(chat.id)?.find((m) => m.message_id === Number(p.message_id));
    if (!message || message.deleted) throw badRequest("message to edit not found");
    if (!message.fromBot) throw badRequest("message can't be edited");
    return message;
  }

  private applyEdit(message: StoredMessage, changes: Partial<StoredMessage>): Json {
    Object.assign(message, changes, { edit_date: unixNow() });
    this.recordVersion(message);
    return this.toTelegram(message);
  }

  private getFile(p: Json): Json {
    const file = this.files.get(String(p.file_id ?? ""));
    if (!file) throw badRequest("invalid file_id");
    if ((file.info.file_size ?? 0) > MAX_DOWNLOAD_SIZE) throw badRequest("file is too big");
    return {
      file_id: file.info.file_id,
      file_unique_id: file.info.file_unique_id,
      file_size: file.info.file_size,
      file_path: file.file_path,
    };
  }

  private setMyCommands(p: Json): true {
    if (!Array.isArray(p.commands)) throw badRequest('parameter "commands" is required');
    const commands = p.commands.map((c: unknown) => {
      const command = asObject(c);
      if (!command || typeof command.command !== "string" || !/^[a-z0-9_]{1,32}$/.test(command.command)) {
        throw badRequest("BOT_COMMAND_INVALID");
      }
      const description = command.description;
      if (typeof description !== "string" || description.length < 1 || description.length > 256) {
        throw badRequest("command description is empty or too long");
      }
      return { command: command.command, description };
    });
    this.commands.set(commandsKey(scopeOf(p), languageOf(p)), commands);
    return true;
  }

  // ---------------------------------------------------------------- state helpers

  /** The chat the bot wants to write to, or the error Telegram would give. */
  private chatFor(chatId: unknown): Chat {
    if (chatId === undefined || chatId === "") throw badRequest("chat_id is empty");
    const id = Number(chatId);
    if (!Number.isInteger(id) || id === 0) throw badRequest("chat not found");
    if (id < 0) {
      const group = this.groups.get(id);
      if (!group) throw badRequest("chat not found");
      return group;
    }
    if (this.blocked.has(id)) throw new BotApiError(403, "Forbidden: bot was blocked by the user");
    const user = this.users.get(id);
    if (!user) throw new BotApiError(403, "Forbidden: bot can't initiate conversation with a user");
    return privateChat(user);
  }

  private userStartsChat(user: FakeUser): Chat {
    this.assertUser(user);
    this.unblockBot(user);
    this.users.set(user.id, user);
    return privateChat(user);
  }

  private assertUser(user: FakeUser): void {
    if (!Number.isInteger(user.id) || user.id <= 0)
      throw new Error(`user ids are positive integers, got ${user.id}`);
  }

  private userMessage(user: FakeUser, chat: Chat, content: Partial<StoredMessage>) {
    const message: StoredMessage = {
      message_id: this.nextMessageId(chat.id),
      chat,
      from: userObject(user),
      fromBot: false,
      date: unixNow(),
      deleted: false,
      ...content,
    };
    this.messages(chat.id).push(message);
    const update_id = this.enqueue("message", this.toTelegram(message));
    return { update_id, message_id: message.message_id };
  }

  private storeBotMessage(chat: Chat, content: Partial<StoredMessage>): StoredMessage {
    const message: StoredMessage = {
      message_id: this.nextMessageId(chat.id),
      chat,
      from: this.botUser,
      fromBot: true,
      date: unixNow(),
      deleted: false,
      ...content,
    };
    this.messages(chat.id).push(message);
    this.recordVersion(message);
    return message;
  }

  private recordVersion(message: StoredMessage): void {
    const version = this.toBotMessage(message);
    this.history.push({ seq: this.calls.length, message: version });
    this.onBotMessage?.(version);
    this.notify();
  }

  private messages(chatId: number): StoredMessage[] {
    let list = this.chats.get(chatId);
    if (!list) {
      list = [];
      this.chats.set(chatId, list);
    }
    return list;
  }

  private nextMessageId(chatId: number): number {
    return (this.chats.get(chatId)?.at(-1)?.message_id ?? 0) + 1;
  }

  private storeFile(
    folder: string,
    fileName: string,
    mimeType: string,
    size: number,
    content?: Buffer,
  ): StoredFile {
    const n = this.nextFileNumber++;
    const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1] ?? "dat";
    const file: StoredFile = {
      info: {
        file_id: `BQACAgIAAxkBAAI${n.toString().padStart(6, "0")}emu`,
        file_unique_id: `AgAD${n}emu`,
        file_name: fileName,
        mime_type: mimeType,
        file_size: size,
      },
      file_path: `${folder}/file_${n}.${extension}`,
      content,
    };
    this.files.set(file.info.file_id, file);
    return file;
  }

  private chatMemberChange(user: FakeUser, from: string, to: string): Json {
    return {
      chat: privateChat(user),
      from: userObject(user),
      date: unixNow(),
      old_chat_member: { user: this.botUser, status: from },
      new_chat_member:
        to === "kicked"
          ? { user: this.botUser, status: to, until_date: 0 }
          : { user: this.botUser, status: to },
    };
  }

  /** The Message object as the Bot API would return it. */
  private toTelegram(m: StoredMessage): Json {
    const inline = m.reply_markup?.inline_keyboard;
    return dropUndefined({
      message_id: m.message_id,
      from: m.from,
      chat: m.chat,
      date: m.date,
      edit_date: m.edit_date,
      text: m.fromBot ? m.plain_text : m.text,
      entities: m.entities,
      document: m.document,
      sticker: m.sticker,
      caption: m.fromBot ? m.plain_caption : m.caption,
      reply_markup: inline && inline.length > 0 ? { inline_keyboard: inline } : undefined,
    });
  }

  private toBotMessage(m: StoredMessage): BotMessage {
    return structuredClone(
      dropUndefined({
        message_id: m.message_id,
        chat_id: m.chat.id,
        date: m.date,
        text: m.text,
        plain_text: m.plain_text ?? m.plain_caption,
        caption: m.caption,
        parse_mode: m.parse_mode,
        reply_markup: m.reply_markup,
        document: m.document,
        edited: m.edit_date !== undefined,
        deleted: m.deleted,
      }),
    ) as BotMessage;
  }

  // ---------------------------------------------------------------- waiting

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter.check();
  }

  private waitUntil<T>(find: () => T | undefined, timeoutMs: number, describe: () => string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.stopped) return reject(new Error("BotApiEmulator stopped"));
      let timer: NodeJS.Timeout | undefined;
      const waiter: Waiter = {
        check: () => {
          let found: T | undefined;
          try {
            found = find();
          } catch (error) {
            waiter.abort(error instanceof Error ? error : new Error(String(error)));
            return;
          }
          if (found === undefined) return;
          this.waiters.delete(waiter);
          clearTimeout(timer);
          resolve(found);
        },
        abort: (error) => {
          this.waiters.delete(waiter);
          clearTimeout(timer);
          reject(error);
        },
      };
      this.waiters.add(waiter);
      waiter.check();
      if (!this.waiters.has(waiter)) return;
      timer = setTimeout(() => waiter.abort(new Error(describe())), timeoutMs);
    });
  }

  private describeChat(chatId: number, since: number): string {
    const messages = this.messagesIn(chatId);
    const lines = messages.map((m) => {
      const flags = [m.edited ? "edited" : "", m.deleted ? "deleted" : ""].filter(Boolean).join(", ");
      const buttons = (m.reply_markup?.inline_keyboard ?? [])
        .flat()
        .map((b) => `[${b.text} → ${b.callback_data ?? b.url ?? "?"}]`)
        .join(" ");
      const body =
        m.text ?? (m.document ? `<document ${JSON.stringify(m.document)}> ${m.caption ?? ""}` : "");
      return `  #${m.message_id}${flags ? ` (${flags})` : ""}: ${JSON.stringify(body)}${buttons ? ` ${buttons}` : ""}`;
    });
    const failed = this.calls
      .slice(since)
      .filter((c) => Number(c.payload.chat_id) === chatId && isFailure(c.response))
      .map(describeCall);
    return (
      `Bot messages in chat ${chatId} (current state):\n${lines.join("\n") || "  (none)"}` +
      (failed.length > 0 ? `\nFailed calls for this chat since ${since}:\n${failed.join("\n")}` : "")
    );
  }
}

// ------------------------------------------------------------------ free helpers

function waitOptions(options: WaitOptions | number): { since: number; timeoutMs: number } {
  const o = typeof options === "number" ? { timeoutMs: options } : options;
  return { since: o.since ?? 0, timeoutMs: o.timeoutMs ?? DEFAULT_TIMEOUT_MS };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

function errorResponse(error: BotApiError): ApiResponse {
  return dropUndefined({
    ok: false as const,
    error_code: error.error_code,
    description: error.description,
    parameters: error.parameters,
  });
}

function serverError(status: 500 | 502 | 503 = 502): ApiResponse {
  const description = { 500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable" }[
    status
  ];
  return errorResponse(new BotApiError(status, description));
}

function notModified(): BotApiError {
  return badRequest(
    "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
  );
}

function isFailure(response: unknown): boolean {
  return asObject(response)?.ok !== true;
}

function describeCall(c: RecordedCall): string {
  const r = asObject(c.response);
  const outcome =
    r === undefined ? "no response (client hung up)" : r.ok ? "ok" : `${r.error_code} ${r.description}`;
  const { chat_id, text } = c.payload;
  const summary = chat_id === undefined ? "" : ` chat ${String(chat_id)}`;
  return `  ${c.method}${summary}${typeof text === "string" ? ` ${JSON.stringify(text.slice(0, 80))}` : ""} → ${outcome}`;
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function asObject(value: unknown): Json | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

function optionalInt(value: unknown, name: string): number | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  const n = Number(value);
  if (!Number.isInteger(n)) throw badRequest(`invalid ${name} specified`);
  return n;
}

function userObject(user: FakeUser): TelegramUser {
  return dropUndefined({ ...user, is_bot: false });
}

function privateChat(user: FakeUser): Chat {
  return dropUndefined({
    id: user.id,
    type: "private" as const,
    first_name: user.first_name,
    last_name: user.last_name,
    username: user.username,
  });
}

/** Like Telegram: "/start abc" gets a bot_command entity over "/start". */
function commandEntities(text: string): { entities?: Json[] } {
  if (!text.startsWith("/")) return {};
  const length = /^\/\S*/.exec(text)?.[0].length ?? 1;
  return length > 1 ? { entities: [{ type: "bot_command", offset: 0, length }] } : {};
}

function scopeOf(p: Json): Json {
  return asObject(p.scope) ?? { type: "default" };
}

function languageOf(p: Json): string {
  return typeof p.language_code === "string" ? p.language_code : "";
}

function commandsKey(scope: Json, languageCode: string): string {
  const { type, chat_id, user_id } = scope;
  return JSON.stringify([
    type,
    chat_id === undefined ? null : String(chat_id),
    user_id ?? null,
    languageCode,
  ]);
}

function guessMime(fileName: string): string {
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  const known: Record<string, string> = {
    csv: "text/csv",
    txt: "text/plain",
    json: "application/json",
    pdf: "application/pdf",
    xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    zip: "application/zip",
  };
  return (extension && known[extension]) || "application/octet-stream";
}

function isUploadedFile(value: unknown): value is UploadedFile {
  return asObject(value)?.data instanceof Buffer;
}

// ------------------------------------------------------------------ markup

function validMarkup(value: unknown): BotMessage["reply_markup"] | undefined {
  if (value === undefined) return undefined;
  const markup = asObject(value);
  if (!markup) throw badRequest("can't parse reply keyboard markup JSON object");
  const keyboard = markup.inline_keyboard;
  if (keyboard === undefined) return markup;
  if (!Array.isArray(keyboard) || !keyboard.every(Array.isArray)) {
    throw badRequest('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays');
  }
  for (const row of keyboard as unknown[][]) {
    for (const cell of row) {
      const button = asObject(cell);
      if (!button || typeof button.text !== "string" || button.text === "")
        throw badRequest("BUTTON_TEXT_INVALID");
      const actions = Object.keys(button).filter((k) => k !== "text");
      if (actions.length === 0) {
        throw badRequest(
          "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
        );
      }
      const data = button.callback_data;
      if (data !== undefined && (typeof data !== "string" || data === "" || Buffer.byteLength(data) > 64)) {
        throw badRequest("BUTTON_DATA_INVALID");
      }
    }
  }
  return markup as BotMessage["reply_markup"];
}

function sameMarkup(a: BotMessage["reply_markup"], b: BotMessage["reply_markup"]): boolean {
  const normal = (m: BotMessage["reply_markup"]) => JSON.stringify(m?.inline_keyboard ?? []);
  return normal(a) === normal(b);
}

// ------------------------------------------------------------------ text and HTML

const HTML_TAGS = new Set([
  "b",
  "strong",
  "i",
  "em",
  "u",
  "ins",
  "s",
  "strike",
  "del",
  "span",
  "tg-spoiler",
  "a",
  "code",
  "pre",
  "blockquote",
  "tg-emoji",
]);
const HTML_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };

function renderText(
  value: unknown,
  parseMode: unknown,
  field: "text" | "caption",
): { raw: string; plain: string; parseMode?: string } {
  const raw = typeof value === "number" ? String(value) : value;
  if (typeof raw !== "string" || raw.trim() === "") {
    if (field === "caption") return { raw: "", plain: "" };
    throw badRequest("message text is empty");
  }
  let plain = raw;
  const mode = parseMode === undefined || parseMode === "" ? undefined : String(parseMode);
  if (mode !== undefined) {
    if (mode.toLowerCase() === "html") plain = parseHtml(raw);
    // Markdown and MarkdownV2 are accepted but not validated: their text is kept as-is.
    else if (mode !== "Markdown" && mode !== "MarkdownV2") throw badRequest("unsupported parse_mode");
  }
  if (plain.trim() === "") throw badRequest(`${field === "text" ? "message text" : "caption"} is empty`);
  if (field === "text" && plain.length > MAX_TEXT_LENGTH) throw badRequest("message is too long");
  if (field === "caption" && plain.length > MAX_CAPTION_LENGTH)
    throw badRequest("message caption is too long");
  return { raw, plain, parseMode: mode };
}

/** Validates Telegram-flavoured HTML like the real server and returns the text the user would see. */
export function parseHtml(html: string): string {
  const fail = (reason: string): never => {
    throw badRequest(`can't parse entities: ${reason}`);
  };
  const at = (index: number) => `at byte offset ${Buffer.byteLength(html.slice(0, index))}`;
  const open: string[] = [];
  let out = "";
  let i = 0;
  while (i < html.length) {
    const ch = html.charAt(i);
    if (ch === "&") {
      const entity = /^&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/i.exec(html.slice(i, i + 16));
      const decoded = entity ? decodeEntity(entity[1] ?? "") : undefined;
      out += decoded ?? "&";
      i += decoded !== undefined && entity ? entity[0].length : 1;
      continue;
    }
    if (ch !== "<") {
      out += ch;
      i++;
      continue;
    }
    const close = html.indexOf(">", i);
    if (close === -1) fail(`Unclosed start tag ${at(i)}`);
    const inner = html.slice(i + 1, close);
    if (inner.startsWith("/")) {
      const name = inner.slice(1).trim().toLowerCase();
      const expected = open.pop();
      if (expected === undefined) fail(`Unexpected end tag ${at(i)}`);
      if (name !== expected)
        fail(`Unmatched end tag ${at(i)}, expected "</${expected}>", found "</${name}>"`);
    } else {
      const name = (/^[^\s/>]*/.exec(inner)?.[0] ?? "").toLowerCase();
      if (!HTML_TAGS.has(name)) fail(`Unsupported start tag "${name}" ${at(i)}`);
      open.push(name);
    }
    i = close + 1;
  }
  const unclosed = open.at(-1);
  if (unclosed !== undefined) fail(`Can't find end tag corresponding to start tag "${unclosed}"`);
  return out;
}

function decodeEntity(name: string): string | undefined {
  if (name.startsWith("#")) {
    const code =
      name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
    return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
  }
  return HTML_ENTITIES[name.toLowerCase()];
}

// ------------------------------------------------------------------ request bodies

async function parsePayload(req: IncomingMessage, url: URL): Promise<Json> {
  const payload: Json = {};
  for (const [key, value] of url.searchParams) payload[key] = value;
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const contentType = req.headers["content-type"] ?? "";

  if (body.length > 0 && contentType.startsWith("application/json")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString("utf8"));
    } catch {
      throw badRequest("can't parse JSON object");
    }
    const object = asObject(parsed);
    if (!object) throw badRequest("JSON object expected");
    Object.assign(payload, object);
  } else if (contentType.startsWith("application/x-www-form-urlencoded")) {
    for (const [key, value] of new URLSearchParams(body.toString("utf8"))) payload[key] = value;
  } else if (contentType.startsWith("multipart/form-data")) {
    Object.assign(payload, parseMultipart(body, contentType));
  }
  return normalizeFields(payload);
}

/**
 * A small multipart/form-data parser. Node's built-in Request#formData() rejects what grammY sends
 * (header lines without a space after the colon, unquoted filenames), so we cannot use it.
 */
function parseMultipart(body: Buffer, contentType: string): Json {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const delimiter = Buffer.from(`--${boundary?.[1] ?? boundary?.[2] ?? ""}`);
  if (delimiter.length <= 2) throw badRequest("multipart boundary is missing");
  const fields: Json = {};
  const files = new Map<string, UploadedFile>();
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    let partStart = start + delimiter.length;
    if (body.subarray(partStart, partStart + 2).toString() === "--") break;
    if (body[partStart] === 0x0d && body[partStart + 1] === 0x0a) partStart += 2;
    const next = body.indexOf(delimiter, partStart);
    if (next === -1) break;
    const partEnd = body[next - 2] === 0x0d && body[next - 1] === 0x0a ? next - 2 : next;
    const part = body.subarray(partStart, partEnd);
    const headerEnd = part.indexOf("\r\n\r\n");
    if (headerEnd !== -1) {
      const headers = new Map<string, string>();
      for (const line of part.subarray(0, headerEnd).toString("utf8").split("\r\n")) {
        const colon = line.indexOf(":");
        if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
      }
      const disposition = headers.get("content-disposition") ?? "";
      const name = /(?:^|;)\s*name=(?:"([^"]*)"|([^;]*))/i.exec(disposition);
      const filename = /(?:^|;)\s*filename=(?:"([^"]*)"|(.*))$/i.exec(disposition);
      const fieldName = (name?.[1] ?? name?.[2] ?? "").trim();
      const content = part.subarray(headerEnd + 4);
      if (filename) {
        files.set(fieldName, {
          filename: (filename[1] ?? filename[2] ?? "").trim(),
          content_type: headers.get("content-type") ?? "application/octet-stream",
          size: content.length,
          data: Buffer.from(content),
        });
      } else {
        fields[fieldName] = content.toString("utf8");
      }
    }
    start = next;
  }
  // grammY sends `document=attach://<id>` plus a file part named <id>; others send the file under its field name.
  for (const [key, value] of Object.entries(fields)) {
    const attached =
      typeof value === "string" && value.startsWith("attach://")
        ? files.get(value.slice("attach://".length))
        : undefined;
    if (attached && typeof value === "string") {
      fields[key] = attached;
      files.delete(value.slice("attach://".length));
    }
  }
  for (const [key, file] of files) fields[key] = file;
  return fields;
}

/** Form fields arrive as strings; decode the ones that carry JSON or integers, as Telegram does. */
function normalizeFields(payload: Json): Json {
  for (const [key, value] of Object.entries(payload)) {
    if (typeof value !== "string" || TEXT_FIELDS.has(key)) continue;
    if (INTEGER_FIELDS.has(key) && /^-?\d+$/.test(value)) {
      payload[key] = Number(value);
    } else if (/^\s*[[{]/.test(value) || value === "true" || value === "false") {
      try {
        payload[key] = JSON.parse(value);
      } catch {
        // not JSON after all: keep the string
      }
    }
  }
  return payload;
}
