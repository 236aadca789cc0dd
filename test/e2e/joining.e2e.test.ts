import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BUNDLED_CAMPAIGN_FILE } from "../../src/campaign/load.js";
import type { BotMessage, FakeUser } from "./bot-api-emulator.js";
import { BotProcess } from "./bot-process.js";
import { E2eWorld } from "./e2e-helpers.js";

const admin: FakeUser = { id: 7001, first_name: "Hà", language_code: "vi" };
const lan: FakeUser = { id: 7002, first_name: "Lan", language_code: "vi" };

let world: E2eWorld;

const startBot = () => world.startBot();
const say = (user: FakeUser, text: string, expected: RegExp): Promise<BotMessage> =>
  world.say(user, text, expected);
const press = (user: FakeUser, message: BotMessage, data: string, expected: RegExp): Promise<BotMessage> =>
  world.press(user, message, data, expected);

async function officeCreatesInvite(): Promise<string> {
  await say(admin, "/start", /giúp Văn phòng Sở tổ chức/);
  await say(admin, "/units add HCTP Phòng Hành chính tư pháp", /Đã thêm đơn vị HCTP/);
  return world.createInvite(admin, "HCTP");
}

beforeEach(async () => {
  world = await E2eWorld.start({ officeAdminIds: [admin.id] });
});

afterEach(() => world.stop());

describe("the real bot process against the Bot API emulator", () => {
  it("lets the Office set up a unit and an invite, and a newcomer join through the link", async () => {
    const bot = await startBot();
    // The menus are set in the background once the bot polls.
    await bot.waitForLog("command menus set");
    const menu = world.emulator.commandsFor({ type: "all_private_chats" });
    expect(menu?.map((c) => c.command)).toEqual([
      "assess",
      "myresult",
      "nominations",
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
    const missing = BotProcess.spawn({ env: { DATABASE_PATH: join(world.dir, "a.sqlite") } });
    expect((await missing.exited).code).toBe(1);
    expect(missing.errorOutput).toContain("BOT_TOKEN");
    expect(missing.errorOutput).toContain("@BotFather");

    const wrongToken = "999999:WRONG-TOKEN-abcdefghijklmnopqrstuvwxyz";
    const rejected = BotProcess.spawn({
      env: {
        BOT_TOKEN: wrongToken,
        BOT_API_ROOT: world.emulator.apiRoot,
        DATABASE_PATH: join(world.dir, "b.sqlite"),
      },
    });
    expect((await rejected.exited).code).toBe(1);
    expect(rejected.errorOutput).toContain("rejected BOT_TOKEN");
    expect(rejected.output).not.toContain(wrongToken);
  });

  it("refuses to start with an invalid campaign definition, naming the bad field", async () => {
    const campaign = JSON.parse(readFileSync(BUNDLED_CAMPAIGN_FILE, "utf8"));
    campaign.criteria.individual[5].evidence.minimumLevel = "gioi";
    const file = join(world.dir, "campaign.json");
    writeFileSync(file, JSON.stringify(campaign));
    const bot = BotProcess.spawn({
      env: {
        BOT_TOKEN: world.emulator.token,
        BOT_API_ROOT: world.emulator.apiRoot,
        CAMPAIGN_FILE: file,
        DATABASE_PATH: join(world.dir, "c.sqlite"),
      },
    });
    expect((await bot.exited).code).toBe(1);
    expect(bot.errorOutput).toContain("criteria.individual[5].evidence.minimumLevel");
  });
});
