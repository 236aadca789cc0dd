import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findInvite } from "../../db/invites.js";
import { findDraft } from "../../db/registrations.js";
import { findUser } from "../../db/users.js";
import { createHarness, type Harness } from "../helpers/harness.js";
import { createInviteToken, registerThroughBot } from "../helpers/scenarios.js";
import { callbackUpdate, groupTextUpdate, textUpdate, user } from "../helpers/updates.js";

const admin = user(1001, "Admin");
const lan = user(2001, "Lan");

let h: Harness;

beforeEach(async () => {
  h = await createHarness({ officeAdminIds: [admin.id] });
});
afterEach(() => h.close());

const lastCall = (method: string) => {
  const call = h.telegram.callsOf(method).at(-1);
  if (!call) throw new Error(`no ${method} call; calls: ${h.telegram.methods().join(", ")}`);
  return call;
};

describe("unexpected input", () => {
  it("answers a press on an old button and removes its keyboard", async () => {
    await h.feed(callbackUpdate(lan, "reg:consent:yes", 77));
    const answer = lastCall("answerCallbackQuery").payload;
    expect(answer.text).toContain("Nút này đã hết hiệu lực");
    expect(lastCall("editMessageReplyMarkup").payload).toMatchObject({ chat_id: lan.id, message_id: 77 });
    expect(await findDraft(h.db, lan.id)).toBeUndefined();

    await h.press(lan, "something:nobody:knows");
    expect(h.telegram.callsOf("answerCallbackQuery")).toHaveLength(2);
  });

  it("says it does not understand an unknown command", async () => {
    await h.send(lan, "/foo");
    expect(h.telegram.lastTextTo(lan.id)).toContain("chưa hiểu lệnh");
    await h.send(admin, "/unitz");
    expect(h.telegram.lastTextTo(admin.id)).toContain("chưa hiểu lệnh");
  });

  it("tells a guest who writes plain text how to join", async () => {
    await h.send(lan, "Xin chào");
    const reply = h.telegram.lastTextTo(lan.id);
    expect(reply).toContain("liên kết mời");
    expect(reply).toContain("/help");
    await h.sendSticker(lan);
    expect(h.telegram.lastTextTo(lan.id)).toContain("liên kết mời");
  });

  it("tells a registered person who writes plain text to use /help", async () => {
    await registerThroughBot(h, admin, lan);
    await h.send(lan, "Xin chào");
    expect(h.telegram.lastTextTo(lan.id)).toContain("Bot chưa hiểu tin nhắn này");
  });

  it("asks to use a private chat for /start in a group, and stays quiet on other group messages", async () => {
    const groupId = -100123;
    await h.feed(groupTextUpdate(lan, groupId, "/start"));
    expect(h.telegram.lastTextTo(groupId)).toContain("Vui lòng nhắn riêng cho bot");
    expect(h.telegram.textsTo(lan.id)).toEqual([]);

    await h.send(admin, "/units add HCTP Phòng Hành chính tư pháp");
    const token = await createInviteToken(h, admin, "HCTP");
    await h.feed(groupTextUpdate(lan, groupId, `/start ${token}`));
    expect(h.telegram.lastTextTo(groupId)).toContain("Vui lòng nhắn riêng cho bot");
    expect(await findDraft(h.db, lan.id)).toBeUndefined();
    expect(h.telegram.callsOf("sendMessage").filter((c) => c.payload.chat_id === groupId)).toHaveLength(2);

    await h.feed(groupTextUpdate(lan, groupId, "Chào cả nhà"));
    expect(h.telegram.callsOf("sendMessage").filter((c) => c.payload.chat_id === groupId)).toHaveLength(2);
  });
});

describe("errors", () => {
  it("answers a failing update with an apology, logs it, and keeps working", async () => {
    await h.send(admin, "/round open 2026");
    // A broken table: the next /round fails inside its handler.
    await sql`DROP TABLE rounds`.execute(h.db);

    await expect(h.send(admin, "/round")).resolves.toBeUndefined();
    expect(h.telegram.lastTextTo(admin.id)).toContain("Xin lỗi Anh/Chị, bot vừa gặp lỗi");
    const logged = h.logLines.find((line) => line.msg === "update failed");
    expect(logged).toMatchObject({ level: 50, user_id: admin.id });
    expect(String((logged?.err as { message?: string })?.message)).toContain("no such table: rounds");

    // Other commands still work.
    await h.send(admin, "/units add HCTP Phòng Hành chính tư pháp");
    expect(h.telegram.lastTextTo(admin.id)).toContain("Đã thêm đơn vị");
  });

  it("answers the button press of a failing update and apologises in the person's language", async () => {
    await h.send(admin, "/units add HCTP Phòng Hành chính tư pháp");
    const token = await createInviteToken(h, admin, "HCTP");
    await h.send(admin, "/lang");
    await h.press(admin, "lang:en");
    await sql`DROP TABLE invites`.execute(h.db);
    h.telegram.clear();

    await expect(h.press(admin, `inv:revoke:${token}`)).resolves.toBeUndefined();
    expect(h.telegram.methods()).toContain("answerCallbackQuery");
    expect(h.telegram.lastTextTo(admin.id)).toContain("We apologise");
  });

  it("answers with an apology when the stored conversation state is unreadable", async () => {
    await h.db
      .insertInto("conversation_state")
      .values({ key: String(lan.id), value: "{not json", updated_at: "2026-11-28T02:00:00.000Z" })
      .execute();
    await expect(h.send(lan, "/help")).resolves.toBeUndefined();
    expect(h.telegram.lastTextTo(lan.id)).toContain("Xin lỗi Anh/Chị");
  });

  it("still apologises when even the database is gone", async () => {
    await h.db.destroy();
    await expect(h.send(lan, "/help")).resolves.toBeUndefined();
    expect(h.telegram.lastTextTo(lan.id)).toContain("Xin lỗi");
  });
});

describe("duplicate updates", () => {
  it("registers a person once when the confirming press is delivered twice", async () => {
    await h.send(admin, "/units add HCTP Phòng Hành chính tư pháp");
    const token = await createInviteToken(h, admin, "HCTP");
    const start = textUpdate(lan, `/start ${token}`);
    await h.feed(start);
    await h.feed(start);
    const consent = callbackUpdate(lan, "reg:consent:yes");
    await h.feed(consent);
    await h.feed(consent);
    await h.send(lan, "Nguyễn Thị Lan");
    await h.send(lan, "Chuyên viên");
    const confirm = callbackUpdate(lan, "reg:end:confirm");
    await h.feed(confirm);
    await h.feed(confirm);

    expect(h.telegram.textsTo(lan.id).filter((t) => t.includes("Đăng ký xong"))).toHaveLength(1);
    expect(await h.db.selectFrom("users").selectAll().execute()).toHaveLength(1);
    expect(await findUser(h.db, lan.id)).toMatchObject({
      full_name: "Nguyễn Thị Lan",
      position: "Chuyên viên",
    });
    expect((await findInvite(h.db, token))?.used_count).toBe(1);
    expect(await findDraft(h.db, lan.id)).toBeUndefined();
  });

  it("does not spend a single-use link twice when its confirming press arrives twice", async () => {
    await h.send(admin, "/units add HCTP Phòng Hành chính tư pháp");
    const token = await createInviteToken(h, admin, "HCTP", "head");
    await h.send(lan, `/start ${token}`);
    await h.press(lan, "reg:consent:yes");
    await h.send(lan, "Nguyễn Thị Lan");
    await h.send(lan, "Trưởng phòng");
    const confirm = callbackUpdate(lan, "reg:end:confirm");
    await h.feed(confirm);
    await h.feed(confirm);
    expect(await findUser(h.db, lan.id)).toMatchObject({ role: "unit_head" });
    expect((await findInvite(h.db, token))?.used_count).toBe(1);
    expect(h.telegram.textsTo(lan.id).some((t) => t.includes("chỉ dùng được một lần"))).toBe(false);
  });

  it("adds a unit once when the same /units add arrives twice", async () => {
    const add = textUpdate(admin, "/units add HCTP Phòng Hành chính tư pháp");
    await h.feed(add);
    await h.feed(add);
    expect(await h.db.selectFrom("units").selectAll().execute()).toHaveLength(1);
  });
});

describe("HTML in user text", () => {
  it("escapes a unit name with HTML special characters wherever it is shown", async () => {
    await h.send(admin, "/units add PAB Phòng <A&B>");
    expect(h.telegram.lastTextTo(admin.id)).toContain("Phòng &lt;A&amp;B&gt;");
    expect((await h.db.selectFrom("units").select("name").executeTakeFirst())?.name).toBe("Phòng <A&B>");
    await h.send(admin, "/units");
    expect(h.telegram.lastTextTo(admin.id)).toContain("<code>PAB</code> Phòng &lt;A&amp;B&gt;");

    const token = await createInviteToken(h, admin, "PAB");
    expect(h.telegram.lastTextTo(admin.id)).toContain("Phòng &lt;A&amp;B&gt; (PAB)");
    await h.send(lan, `/start ${token}`);
    expect(h.telegram.lastTextTo(lan.id)).toContain("<b>Phòng &lt;A&amp;B&gt;</b>");
    await h.press(lan, "reg:consent:yes");
    await h.send(lan, "Nguyễn Thị Lan");
    await h.send(lan, "Chuyên viên <i>chính</i> & cộng sự");
    const confirm = h.telegram.lastTextTo(lan.id);
    expect(confirm).toContain("Chức vụ: <b>Chuyên viên &lt;i&gt;chính&lt;/i&gt; &amp; cộng sự</b>");
    expect(confirm).toContain("Đơn vị: <b>Phòng &lt;A&amp;B&gt;</b>");
    await h.press(lan, "reg:end:confirm");

    await h.send(lan, "/me");
    const me = h.telegram.lastTextTo(lan.id);
    expect(me).toContain("Chức vụ: Chuyên viên &lt;i&gt;chính&lt;/i&gt; &amp; cộng sự");
    expect(me).toContain("Đơn vị: Phòng &lt;A&amp;B&gt; (PAB)");
    await h.send(lan, "/help");
    expect(h.telegram.lastTextTo(lan.id)).toContain("Phòng &lt;A&amp;B&gt;");

    await h.send(admin, "/units rename PAB Phòng <C>");
    expect(h.telegram.lastTextTo(admin.id)).toContain("«Phòng &lt;A&amp;B&gt;» thành «Phòng &lt;C&gt;»");
    // Every message sent with parse_mode HTML is free of raw user-supplied tags.
    for (const call of h.telegram.callsOf("sendMessage")) {
      expect(String(call.payload.text)).not.toMatch(/<A&B>|<i>chính|<C>/);
    }
  });
});

describe("an edited message", () => {
  it("is answered with why it changes nothing, and changes nothing", async () => {
    const update = textUpdate(lan, "Nguyễn Thị Lan");
    const edited = {
      update_id: update.update_id + 100_000,
      edited_message: { ...update.message, edit_date: 1 },
    };
    await h.feed(edited as Parameters<typeof h.feed>[0]);
    expect(h.telegram.lastTextTo(lan.id)).toContain("không nhận tin nhắn đã sửa");
  });
});
