import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BotApiEmulator, type BotMessage, type FakeUser } from "./bot-api-emulator.js";
import { BotProcess } from "./bot-process.js";

/** What the bot should answer with: a message (sent or edited) whose text matches, or one carrying a button. */
export type Expected = RegExp | { button: string };

export const button = (data: string): Expected => ({ button: data });

export function buttonsOf(message: BotMessage): string[] {
  return (message.reply_markup?.inline_keyboard ?? []).flat().flatMap((b) => b.callback_data ?? []);
}

function matcher(expected: Expected): (message: BotMessage) => boolean {
  if (expected instanceof RegExp) return (message) => expected.test(message.plain_text ?? "");
  return (message) => buttonsOf(message).includes(expected.button);
}

/**
 * One end-to-end world: a Bot API emulator, a temporary directory for the database, and the bot processes
 * started against them (all killed by `stop`).
 */
export class E2eWorld {
  readonly bots: BotProcess[] = [];

  private constructor(
    readonly emulator: BotApiEmulator,
    readonly dir: string,
    private readonly officeAdminIds: readonly number[],
    private readonly env: Record<string, string>,
  ) {}

  /** `env`: more settings for every bot process of this world (e.g. SEND_LIMITS=off for the drills). */
  static async start(options: {
    officeAdminIds: readonly number[];
    env?: Record<string, string>;
  }): Promise<E2eWorld> {
    const emulator = await BotApiEmulator.start();
    return new E2eWorld(
      emulator,
      mkdtempSync(join(tmpdir(), "thidua-e2e-")),
      options.officeAdminIds,
      options.env ?? {},
    );
  }

  /** Starts the real bot process on this world's database; resolves once it polls. */
  async startBot(): Promise<BotProcess> {
    const bot = await BotProcess.start({ env: this.botEnv() });
    this.bots.push(bot);
    return bot;
  }

  /** Spawns a bot process on this world's database without waiting for it (one that should fail to start). */
  spawnBot(): BotProcess {
    const bot = BotProcess.spawn({ env: this.botEnv() });
    this.bots.push(bot);
    return bot;
  }

  private botEnv(): Record<string, string> {
    return {
      BOT_TOKEN: this.emulator.token,
      BOT_API_ROOT: this.emulator.apiRoot,
      DATABASE_PATH: join(this.dir, "thidua.sqlite"),
      OFFICE_ADMIN_IDS: this.officeAdminIds.join(","),
      ...this.env,
    };
  }

  async stop(): Promise<void> {
    await Promise.all(this.bots.map((bot) => bot.kill("SIGKILL")));
    await this.emulator.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** Does `act` as `user` and waits for the bot's next message in that chat that matches `expected`. */
  async after(user: FakeUser, act: () => unknown, expected: Expected): Promise<BotMessage> {
    const since = this.emulator.mark();
    act();
    return this.emulator.waitForMessage(user.id, matcher(expected), { since });
  }

  say(user: FakeUser, text: string, expected: Expected): Promise<BotMessage> {
    return this.after(user, () => this.emulator.sendText(user, text), expected);
  }

  press(user: FakeUser, message: BotMessage, data: string, expected: Expected): Promise<BotMessage> {
    return this.after(user, () => this.emulator.pressButton(user, message, data), expected);
  }

  /** What `user` sees of the bot's messages sent after message `afterMessageId`, joined by blank lines. */
  textAfter(user: FakeUser, afterMessageId: number): string {
    return this.emulator
      .messagesIn(user.id)
      .filter((message) => message.message_id > afterMessageId)
      .map((message) => message.plain_text ?? "")
      .join("\n\n");
  }

  /** The id of the bot's last message to `user` (0 if none): a cursor for `textAfter`. */
  lastMessageId(user: FakeUser): number {
    return this.emulator.lastMessageIn(user.id)?.message_id ?? 0;
  }

  /** `/invite CODE [head|office|council]` sent by an Office member; returns the token of the new link. */
  async createInvite(
    office: FakeUser,
    unitCode: string,
    roleWord: "" | "head" | "office" | "council" = "",
  ): Promise<string> {
    const reply = await this.say(office, `/invite ${unitCode} ${roleWord}`.trim(), /Đã tạo liên kết mời/);
    const token = /\?start=([A-Za-z0-9_-]+)/.exec(reply.plain_text ?? "")?.[1];
    if (!token) throw new Error(`no invite link in ${reply.plain_text}`);
    return token;
  }

  /** Opens the invite link as `user`, consents, gives name and position, and confirms. */
  async register(user: FakeUser, token: string, fullName: string, position: string): Promise<void> {
    const privacy = await this.say(user, `/start ${token}`, /có đồng ý để bot lưu/);
    await this.press(user, privacy, "reg:consent:yes", /họ và tên/);
    await this.say(user, fullName, /chức vụ/);
    const summary = await this.say(user, position, /kiểm tra lại/);
    await this.press(user, summary, "reg:end:confirm", /Đăng ký xong/);
  }
}
