import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BUNDLED_CAMPAIGN_FILE } from "../../src/campaign/load.js";
import { BotApiEmulator, type BotMessage, type FakeUser } from "./bot-api-emulator.js";
import { BotProcess } from "./bot-process.js";

const admin: FakeUser = { id: 7001, first_name: "Hà", language_code: "vi" };
const lan: FakeUser = { id: 7002, first_name: "Lan", language_code: "vi" };

let emulator: BotApiEmulator;
let dir: string;
let bots: BotProcess[] = [];

function startBot(): Promise<BotProcess> {
  return BotProcess.start({
    env: {
      BOT_TOKEN: emulator.token,
      BOT_API_ROOT: emulator.apiRoot,
      DATABASE_PATH: join(dir, "thidua.sqlite"),
      OFFICE_ADMIN_IDS: String(admin.id),
    },
  }).then((bot) => {
    bots.push(bot);
    return bot;
  });
}

/** Sends a text as `user` and waits for the bot's next message in that chat that matches. */
async function say(user: FakeUser, text: string, expected: RegExp): Promise<BotMessage> {
  const since = emulator.mark();
  emulator.sendText(user, text);
  return emulator.waitForMessage(user.id, (m) => expected.test(m.plain_text ?? ""), { since });
}

async function press(
  user: FakeUser,
  message: BotMessage,
  data: string,
  expected: RegExp,
): Promise<BotMessage> {
  const since = emulator.mark();
  emulator.pressButton(user, message, data);
  return emulator.waitForMessage(user.id, (m) => expected.test(m.plain_text ?? ""), { since });
}

async function officeCreatesInvite(): Promise<string> {
  await say(admin, "/start", /giúp Văn phòng Sở tổ chức/);
  await say(admin, "/units add HCTP Phòng Hành chính tư pháp", /Đã thêm đơn vị HCTP/);
  const reply = await say(admin, "/invite HCTP", /Đã tạo liên kết mời/);
  const token = /\?start=([A-Za-z0-9_-]+)/.exec(reply.plain_text ?? "")?.[1];
  if (!token) throw new Error(`no invite link in ${reply.plain_text}`);
  return token;
}

beforeEach(async () => {
  emulator = await BotApiEmulator.start();
  dir = mkdtempSync(join(tmpdir(), "thidua-e2e-"));
});

afterEach(async () => {
  await Promise.all(bots.map((bot) => bot.kill("SIGKILL")));
  bots = [];
  await emulator.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("the real bot process against the Bot API emulator", () => {
  it("lets the Office set up a unit and an invite, and a newcomer join through the link", async () => {
    await startBot();
    const menu = emulator.commandsFor({ type: "all_private_chats" });
    expect(menu?.map((c) => c.command)).toEqual([
      "assess",
      "myresult",
      "start",
      "help",
      "me",
      "lang",
      "cancel",
    ]);

    const token = await officeCreatesInvite();
    const privacy = await say(lan, `/start ${token}`, /có đồng ý để bot lưu/);
    expect(privacy.plain_text).toContain("Phòng Hành chính tư pháp");
    await press(lan, privacy, "reg:consent:yes", /họ và tên/);
    await say(lan, "nguyễn thị lan", /chức vụ/);
    const summary = await say(lan, "Chuyên viên", /kiểm tra lại/);
    expect(summary.plain_text).toContain("Nguyễn Thị Lan");
    await press(lan, summary, "reg:end:confirm", /Đăng ký xong/);

    const me = await say(lan, "/me", /Thông tin bot lưu/);
    expect(me.plain_text).toContain("Phòng Hành chính tư pháp (HCTP)");
    expect(me.plain_text).toContain("Chuyên viên");
    const units = await say(admin, "/units", /Các đơn vị/);
    expect(units.plain_text).toMatch(/HCTP Phòng Hành chính tư pháp: 1 người/);
  });

  it("resumes a registration where it stood after the process is killed (SIGKILL) and restarted", async () => {
    const first = await startBot();
    const token = await officeCreatesInvite();
    const privacy = await say(lan, `/start ${token}`, /có đồng ý để bot lưu/);
    await press(lan, privacy, "reg:consent:yes", /họ và tên/);
    await say(lan, "Nguyễn Thị Lan", /chức vụ/);

    const killed = await first.kill("SIGKILL");
    expect(killed.signal).toBe("SIGKILL");
    await startBot();

    const summary = await say(lan, "Phó Trưởng phòng", /kiểm tra lại/);
    expect(summary.plain_text).toContain("Nguyễn Thị Lan");
    expect(summary.plain_text).toContain("Phó Trưởng phòng");
    await press(lan, summary, "reg:end:confirm", /Đăng ký xong/);
    const me = await say(lan, "/me", /Thông tin bot lưu/);
    expect(me.plain_text).toContain("Nguyễn Thị Lan");
  });

  it("stops cleanly on SIGTERM", async () => {
    const bot = await startBot();
    await say(admin, "/help", /Lệnh của Văn phòng Sở/);
    const exit = await bot.kill("SIGTERM");
    expect(exit.code).toBe(0);
    expect(bot.logs().map((line) => line.msg)).toContain("stopped");
  });

  it("refuses to start without a token, naming the variable and @BotFather, and never prints a token", async () => {
    const missing = BotProcess.spawn({ env: { DATABASE_PATH: join(dir, "a.sqlite") } });
    expect((await missing.exited).code).toBe(1);
    expect(missing.errorOutput).toContain("BOT_TOKEN");
    expect(missing.errorOutput).toContain("@BotFather");

    const wrongToken = "999999:WRONG-TOKEN-abcdefghijklmnopqrstuvwxyz";
    const rejected = BotProcess.spawn({
      env: { BOT_TOKEN: wrongToken, BOT_API_ROOT: emulator.apiRoot, DATABASE_PATH: join(dir, "b.sqlite") },
    });
    expect((await rejected.exited).code).toBe(1);
    expect(rejected.errorOutput).toContain("rejected BOT_TOKEN");
    expect(rejected.output).not.toContain(wrongToken);
  });

  it("refuses to start with an invalid campaign definition, naming the bad field", async () => {
    const campaign = JSON.parse(readFileSync(BUNDLED_CAMPAIGN_FILE, "utf8"));
    campaign.criteria.individual[5].evidence.minimumLevel = "gioi";
    const file = join(dir, "campaign.json");
    writeFileSync(file, JSON.stringify(campaign));
    const bot = BotProcess.spawn({
      env: {
        BOT_TOKEN: emulator.token,
        BOT_API_ROOT: emulator.apiRoot,
        CAMPAIGN_FILE: file,
        DATABASE_PATH: join(dir, "c.sqlite"),
      },
    });
    expect((await bot.exited).code).toBe(1);
    expect(bot.errorOutput).toContain("criteria.individual[5].evidence.minimumLevel");
  });
});
