import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { planDueReminders } from "../../src/reminders/plan.js";
import { BOT_INFO, type InlineButton } from "../helpers/fake-telegram.js";
import { createHarness, type Harness } from "../helpers/harness.js";
import { registerThroughBot } from "../helpers/scenarios.js";
import { groupTextUpdate, user } from "../helpers/updates.js";

const admin = user(1001, "Admin");
const head = user(2000, "Bình");
const lan = user(2001, "Lan");
const GROUP = -5001;
const link = (payload?: string) => `https://t.me/thidua_test_bot${payload ? `?start=${payload}` : ""}`;

let h: Harness;

beforeEach(async () => {
  h = await createHarness({ officeAdminIds: [admin.id], now: "2026-12-22T09:00:00+07:00" });
  await registerThroughBot(h, admin, head, { role: "unit_head", fullName: "Trần Văn Bình" });
  await registerThroughBot(h, admin, lan, { fullName: "Nguyễn Thị Lan" });
  await h.send(admin, "/round open 2026");
});
afterEach(() => h.close());

const sentTo = (chatId: number) =>
  h.telegram.callsOf("sendMessage").filter((call) => Number(call.payload.chat_id) === chatId);
const buttonsOf = (call: { payload: Record<string, unknown> } | undefined): InlineButton[] =>
  (
    call?.payload.reply_markup as { inline_keyboard?: InlineButton[][] } | undefined
  )?.inline_keyboard?.flat() ?? [];

describe("a private-chat command sent in the unit's group", () => {
  it("gets one short reply in the group with a button that opens the private chat at that command", async () => {
    for (const [person, command] of [
      [lan, "assess"],
      [lan, "myresult"],
      [head, "unit"],
      [lan, "me"],
      [head, "dossier"],
      [lan, "nominations"],
    ] as const) {
      h.telegram.clear();
      await h.feed(groupTextUpdate(person, GROUP, `/${command}`));
      const replies = h.telegram.callsOf("sendMessage");
      expect(replies, command).toHaveLength(1);
      expect(replies[0]?.payload.chat_id, command).toBe(GROUP);
      const text = String(replies[0]?.payload.text);
      expect(text, command).toContain(`/${command}`);
      expect(text, command).toContain("chỉ dùng trong chat riêng với bot");
      expect(text.split("\n"), command).toHaveLength(1);
      expect(buttonsOf(replies[0]), command).toEqual([
        { text: "💬 Mở chat riêng với bot", url: link(command) },
      ]);
      // Nothing of the person's is shown in the group, and nothing is started in their private chat.
      expect(h.telegram.textsTo(person.id), command).toEqual([]);
    }
  });

  it("is answered in the person's language, also when the command names the bot", async () => {
    await h.send(lan, "/lang");
    await h.press(lan, "lang:en");
    h.telegram.clear();
    await h.feed(groupTextUpdate(lan, GROUP, "/assess@thidua_test_bot"));
    const replies = sentTo(GROUP);
    expect(replies).toHaveLength(1);
    expect(String(replies[0]?.payload.text)).toContain("only in a private chat with the bot");
    expect(buttonsOf(replies[0])).toEqual([
      { text: "💬 Open a private chat with the bot", url: link("assess") },
    ]);
  });

  it("/start in a group offers the same button, to the private chat's plain start", async () => {
    await h.feed(groupTextUpdate(lan, GROUP, "/start"));
    expect(buttonsOf(sentTo(GROUP).at(-1))).toEqual([{ text: "💬 Mở chat riêng với bot", url: link() }]);
  });
});

describe("the button's /start in the private chat", () => {
  it("leads straight to the command's screen", async () => {
    await h.send(lan, "/start assess");
    expect(h.telegram.textsTo(lan.id).at(-1)).toContain("Bắt đầu tự đánh giá cá nhân năm <b>2026</b>");
    expect(h.telegram.lastTextTo(lan.id)).toContain("Tiêu chí 1/6");

    await h.send(head, "/start unit");
    expect(h.telegram.lastButtonsTo(head.id).map((b) => b.callback_data)).toEqual([
      "unit:assess",
      "unit:team",
    ]);

    await h.send(lan, "/start me");
    expect(h.telegram.lastTextTo(lan.id)).toContain("Nguyễn Thị Lan");
    expect(h.telegram.lastButtonsTo(lan.id).map((b) => b.callback_data)).toContain("me:edit:name");
  });

  it("checks who may use the command, as when it is typed", async () => {
    await h.send(lan, "/start unit");
    expect(h.telegram.lastTextTo(lan.id)).toBe(await textOf(lan.id, "/unit"));
  });
});

/** What the bot answers `chatId` to a typed command (to compare with the same command reached by a link). */
async function textOf(chatId: number, command: string): Promise<string> {
  await h.send(chatId === lan.id ? lan : head, command);
  return h.telegram.lastTextTo(chatId);
}

describe("the unit's group reminder", () => {
  it("carries the button that opens the private chat at /assess", async () => {
    await h.feed(groupTextUpdate(head, GROUP, "/bind"));
    h.telegram.clear();
    await h.send(admin, "/remind now");
    await h.outbox.flush(h.bot.api);
    const reminder = sentTo(GROUP).at(-1);
    expect(String(reminder?.payload.text)).toContain("2/2 người chưa nộp");
    expect(buttonsOf(reminder)).toEqual([{ text: "💬 Mở chat riêng với bot", url: link("assess") }]);
  });

  it("carries it from the scheduler too, given the bot's username", async () => {
    await h.feed(groupTextUpdate(head, GROUP, "/bind"));
    h.setNow("2026-12-31T08:00:00+07:00");
    h.telegram.clear();
    await planDueReminders({ ...h.deps, botUsername: BOT_INFO.username }, h.deps.clock());
    await h.outbox.flush(h.bot.api);
    expect(buttonsOf(sentTo(GROUP).at(-1))).toEqual([
      { text: "💬 Mở chat riêng với bot", url: link("assess") },
    ]);
  });
});

describe("/bind: a group is one unit's", () => {
  const headB = user(3000, "Cường");
  const groupOf = async (code: string) =>
    (await h.db.selectFrom("units").select("group_chat_id").where("code", "=", code).executeTakeFirst())
      ?.group_chat_id;
  const groupReply = () => h.telegram.lastTextTo(GROUP);

  beforeEach(async () => {
    await registerThroughBot(h, admin, headB, {
      role: "unit_head",
      unitCode: "BTTP",
      unitName: "Phòng Bổ trợ tư pháp",
      fullName: "Lê Văn Cường",
    });
    await h.feed(groupTextUpdate(head, GROUP, "/bind"));
    expect(await groupOf("HCTP")).toBe(GROUP);
  });

  it("is not taken by another unit's head, whose reminders therefore never reach it", async () => {
    await h.feed(groupTextUpdate(headB, GROUP, "/bind"));
    expect(groupReply()).toContain(
      "Nhóm này đang gắn với <b>Phòng Hành chính tư pháp</b> nên chưa gắn được với <b>Phòng Bổ trợ tư pháp</b>",
    );
    expect(groupReply()).toContain("trưởng đơn vị của <b>Phòng Hành chính tư pháp</b> gửi /unbind");
    await h.feed(groupTextUpdate(headB, GROUP, "/unbind"));
    expect(groupReply()).toContain("chỉ trưởng đơn vị đó hoặc Văn phòng Sở mới bỏ gắn được");
    expect(await groupOf("HCTP")).toBe(GROUP);
    expect(await groupOf("BTTP")).toBeNull();

    h.telegram.clear();
    await h.send(admin, "/remind now");
    await h.outbox.flush(h.bot.api);
    const groupTexts = h.telegram.textsTo(GROUP);
    expect(groupTexts).toHaveLength(1);
    expect(groupTexts[0]).not.toContain("Bổ trợ");
  });

  it("passes to another unit once its own head unbinds it", async () => {
    await h.feed(groupTextUpdate(head, GROUP, "/unbind"));
    expect(groupReply()).toContain("Đã bỏ gắn nhóm này với <b>Phòng Hành chính tư pháp</b>");
    await h.feed(groupTextUpdate(headB, GROUP, "/bind"));
    expect(groupReply()).toContain("Đã gắn nhóm này với <b>Phòng Bổ trợ tư pháp</b>");
    expect(await groupOf("HCTP")).toBeNull();
    expect(await groupOf("BTTP")).toBe(GROUP);
  });

  it("is given to another unit by the Office, which names the unit, and unbound by it", async () => {
    await h.feed(groupTextUpdate(admin, GROUP, "/bind"));
    expect(groupReply()).toContain("/bind &lt;mã đơn vị&gt;");
    await h.feed(groupTextUpdate(admin, GROUP, `/bind ${"X".repeat(200)}`));
    expect(groupReply()).toContain("Không tìm thấy đơn vị có mã");
    expect(groupReply().length).toBeLessThan(200);
    expect(await groupOf("HCTP")).toBe(GROUP);

    await h.feed(groupTextUpdate(admin, GROUP, "/bind bttp"));
    expect(groupReply()).toContain("Đã gắn nhóm này với <b>Phòng Bổ trợ tư pháp</b>");
    expect(await groupOf("HCTP")).toBeNull();
    expect(await groupOf("BTTP")).toBe(GROUP);

    await h.feed(groupTextUpdate(admin, GROUP, "/unbind"));
    expect(groupReply()).toContain("Đã bỏ gắn nhóm này với <b>Phòng Bổ trợ tư pháp</b>");
    expect(await groupOf("BTTP")).toBeNull();
    await h.feed(groupTextUpdate(admin, GROUP, "/unbind"));
    expect(groupReply()).toContain("Nhóm này chưa gắn với đơn vị nào.");
  });

  it("where an older database bound it to two units, lets each head free their own unit's binding", async () => {
    await h.db.updateTable("units").set({ group_chat_id: GROUP }).where("code", "=", "BTTP").execute();
    await h.feed(groupTextUpdate(headB, GROUP, "/unbind"));
    expect(groupReply()).toContain("Đã bỏ gắn nhóm này với <b>Phòng Bổ trợ tư pháp</b>");
    expect(await groupOf("BTTP")).toBeNull();
    expect(await groupOf("HCTP")).toBe(GROUP);
  });

  it("is bound by heads and the Office only", async () => {
    await h.feed(groupTextUpdate(lan, GROUP, "/bind"));
    expect(groupReply()).toContain("Chỉ trưởng đơn vị hoặc Văn phòng Sở mới gắn được");
    await h.feed(groupTextUpdate(lan, GROUP, "/unbind"));
    expect(groupReply()).toContain("Chỉ trưởng đơn vị hoặc Văn phòng Sở mới gắn được");
    expect(await groupOf("HCTP")).toBe(GROUP);
  });
});
