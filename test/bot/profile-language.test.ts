import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findDraft } from "../../db/registrations.js";
import { findUser, getLanguage } from "../../db/users.js";
import { createHarness, type Harness } from "../helpers/harness.js";
import { createInviteToken, registerThroughBot } from "../helpers/scenarios.js";
import { user } from "../helpers/updates.js";

const admin = user(1001, "Admin");
const lan = user(2001, "Lan");

let h: Harness;

beforeEach(async () => {
  h = await createHarness({ officeAdminIds: [admin.id] });
});
afterEach(() => h.close());

const conversationState = (chatId: number) =>
  h.db.selectFrom("conversation_state").selectAll().where("key", "=", String(chatId)).executeTakeFirst();
const preferences = (telegramId: number) =>
  h.db.selectFrom("preferences").selectAll().where("telegram_id", "=", telegramId).executeTakeFirst();

describe("/me", () => {
  it("tells a guest that nothing is stored", async () => {
    await h.send(lan, "/me");
    expect(h.telegram.lastTextTo(lan.id)).toContain(
      `Bot không lưu thông tin cá nhân nào của Anh/Chị (mã Telegram: ${lan.id})`,
    );
    expect(h.telegram.lastButtonsTo(lan.id)).toEqual([]);
  });

  it("tells a guest who chose a language that only that is kept, and erases it on request", async () => {
    await h.send(lan, "/lang");
    await h.press(lan, "lang:vi");
    await h.send(lan, "/me");
    expect(h.telegram.lastTextTo(lan.id)).toContain("chỉ lưu lựa chọn ngôn ngữ");
    expect(h.telegram.lastButtonsTo(lan.id).map((b) => b.callback_data)).toEqual(["me:delete"]);
    await h.press(lan, "me:delete");
    await h.press(lan, "me:delete:yes");
    expect(await preferences(lan.id)).toBeUndefined();
  });

  it("offers a corrected name typed without marks back once before storing it", async () => {
    await registerThroughBot(h, admin, lan);
    await h.send(lan, "/me");
    await h.press(lan, "me:edit:name");
    await h.send(lan, "Nguyen Thi Lan Anh");
    expect(h.telegram.lastTextTo(lan.id)).toContain("chưa có dấu");
    expect((await findUser(h.db, lan.id))?.full_name).toBe("Nguyễn Thị Lan");
    await h.send(lan, "Nguyễn Thị Lan Anh");
    expect((await findUser(h.db, lan.id))?.full_name).toBe("Nguyễn Thị Lan Anh");
  });

  it("shows a registered person their name, position, unit and role, with buttons to edit or delete", async () => {
    await registerThroughBot(h, admin, lan, { role: "unit_head", position: "Trưởng phòng" });
    await h.send(lan, "/me");
    const me = h.telegram.lastTextTo(lan.id);
    expect(me).toContain(`Mã Telegram: ${lan.id}`);
    expect(me).toContain("Họ và tên: Nguyễn Thị Lan");
    expect(me).toContain("Chức vụ: Trưởng phòng");
    expect(me).toContain("Đơn vị: Phòng Hành chính tư pháp (HCTP)");
    expect(me).toContain("Vai trò: trưởng đơn vị");
    expect(me).toContain("Ngôn ngữ: Tiếng Việt");
    expect(me).toContain("Đồng ý lưu thông tin lúc: 09:00 28/11/2026");
    expect(h.telegram.lastButtonsTo(lan.id).map((b) => b.callback_data)).toEqual([
      "me:edit:name",
      "me:edit:position",
      `pf:s:${lan.id}`,
      "me:delete",
    ]);
  });

  it("edits the name, asking again with the reason for a bad one", async () => {
    await registerThroughBot(h, admin, lan);
    await h.press(lan, "me:edit:name");
    expect(h.telegram.lastTextTo(lan.id)).toContain("họ và tên</b> mới");
    await h.send(lan, "Lan");
    expect(h.telegram.lastTextTo(lan.id)).toContain("ít nhất hai chữ");
    await h.send(lan, "Lan 2");
    expect(h.telegram.lastTextTo(lan.id)).toContain("chỉ gồm chữ cái");
    expect((await findUser(h.db, lan.id))?.full_name).toBe("Nguyễn Thị Lan");

    h.setNow("2026-11-29T10:30:00+07:00");
    await h.send(lan, "  nguyễn  thị   lan anh ");
    expect(h.telegram.lastTextTo(lan.id)).toContain("Đã cập nhật: <b>Nguyễn Thị Lan Anh</b>");
    expect(await findUser(h.db, lan.id)).toMatchObject({
      full_name: "Nguyễn Thị Lan Anh",
      position: "Chuyên viên",
      updated_at: "2026-11-29T03:30:00.000Z",
    });

    // The flow is over: the next text is not taken as a name.
    await h.send(lan, "Trần Văn Bình");
    expect(h.telegram.lastTextTo(lan.id)).toContain("Bot chưa hiểu tin nhắn này");
    expect((await findUser(h.db, lan.id))?.full_name).toBe("Nguyễn Thị Lan Anh");
  });

  it("edits the position", async () => {
    await registerThroughBot(h, admin, lan);
    await h.press(lan, "me:edit:position");
    expect(h.telegram.lastTextTo(lan.id)).toContain("chức vụ</b> mới");
    await h.send(lan, "Phó Trưởng phòng");
    expect((await findUser(h.db, lan.id))?.position).toBe("Phó Trưởng phòng");
  });

  it("keeps the old name when the edit is left with /cancel", async () => {
    await registerThroughBot(h, admin, lan);
    await h.press(lan, "me:edit:name");
    await h.send(lan, "/cancel");
    expect(h.telegram.lastTextTo(lan.id)).toContain("Đã dừng");
    await h.send(lan, "Trần Văn Bình");
    expect(h.telegram.lastTextTo(lan.id)).toContain("Bot chưa hiểu tin nhắn này");
    expect((await findUser(h.db, lan.id))?.full_name).toBe("Nguyễn Thị Lan");
  });

  it("deletes the user, the preferences and the conversation state after confirmation", async () => {
    await registerThroughBot(h, admin, lan);
    await h.send(lan, "/lang");
    await h.press(lan, "lang:vi");
    expect(await preferences(lan.id)).toBeDefined();
    // A flow in progress, so that there is conversation state to erase.
    await h.press(lan, "me:edit:position");
    expect(await conversationState(lan.id)).toBeDefined();

    await h.press(lan, "me:delete");
    expect(h.telegram.lastTextTo(lan.id)).toContain("Anh/Chị có chắc muốn xóa dữ liệu của mình không?");
    expect(h.telegram.lastButtonsTo(lan.id).map((b) => b.callback_data)).toEqual([
      "me:delete:yes",
      "me:delete:no",
    ]);
    await h.press(lan, "me:delete:yes");
    expect(h.telegram.lastTextTo(lan.id)).toContain("Đã xóa toàn bộ thông tin");

    expect(await findUser(h.db, lan.id)).toBeUndefined();
    expect(await preferences(lan.id)).toBeUndefined();
    expect(await conversationState(lan.id)).toBeUndefined();
    expect(await findDraft(h.db, lan.id)).toBeUndefined();

    // The erased person is a guest again: the text meant as a position goes nowhere.
    await h.send(lan, "Phó Trưởng phòng");
    expect(h.telegram.lastTextTo(lan.id)).toContain("liên kết mời");
    await h.send(lan, "/me");
    expect(h.telegram.lastTextTo(lan.id)).toContain("Bot không lưu thông tin cá nhân nào");
  });

  it("keeps everything when the person answers no", async () => {
    await registerThroughBot(h, admin, lan);
    const before = await findUser(h.db, lan.id);
    await h.press(lan, "me:delete");
    await h.press(lan, "me:delete:no");
    expect(h.telegram.lastTextTo(lan.id)).toContain("Đã giữ nguyên thông tin");
    expect(await findUser(h.db, lan.id)).toEqual(before);
  });

  it("lets a person with an unfinished registration see it and delete the draft", async () => {
    await h.send(admin, "/units add HCTP Phòng Hành chính tư pháp");
    const token = await createInviteToken(h, admin, "HCTP");
    await h.send(lan, `/start ${token}`);
    await h.press(lan, "reg:consent:yes");
    await h.send(lan, "Nguyễn Thị Lan");
    await h.send(lan, "/me");
    expect(h.telegram.lastTextTo(lan.id)).toContain("Anh/Chị đang đăng ký dở");
    expect(h.telegram.lastButtonsTo(lan.id).map((b) => b.callback_data)).toEqual(["me:delete"]);
    await h.press(lan, "me:delete");
    await h.press(lan, "me:delete:yes");
    expect(await findDraft(h.db, lan.id)).toBeUndefined();
    expect(await conversationState(lan.id)).toBeUndefined();
  });
});

describe("/lang", () => {
  it("switches later replies to English and stores the preference", async () => {
    await h.send(lan, "/lang");
    expect(h.telegram.lastTextTo(lan.id)).toContain("Anh/Chị chọn ngôn ngữ");
    expect(h.telegram.lastButtonsTo(lan.id).map((b) => b.callback_data)).toEqual(["lang:vi", "lang:en"]);
    await h.press(lan, "lang:en");
    expect(h.telegram.lastTextTo(lan.id)).toBe("Switched to English.");
    expect(await getLanguage(h.db, lan.id)).toBe("en");

    await h.send(lan, "/help");
    expect(h.telegram.lastTextTo(lan.id)).toContain("You are not registered yet");
    await h.send(lan, "/units");
    expect(h.telegram.lastTextTo(lan.id)).toContain("only available to the Department's Office");

    await h.send(lan, "/lang");
    await h.press(lan, "lang:vi");
    expect(h.telegram.lastTextTo(lan.id)).toBe("Đã chuyển sang Tiếng Việt.");
    expect(await getLanguage(h.db, lan.id)).toBe("vi");
    await h.send(lan, "/help");
    expect(h.telegram.lastTextTo(lan.id)).toContain("Anh/Chị chưa đăng ký");
  });

  it("shows a registered person's /me in English after switching", async () => {
    await registerThroughBot(h, admin, lan);
    await h.send(lan, "/lang");
    await h.press(lan, "lang:en");
    await h.send(lan, "/me");
    const me = h.telegram.lastTextTo(lan.id);
    expect(me).toContain("Information the bot holds about you");
    expect(me).toContain("Role: civil servant, public employee or worker");
    expect(me).toContain("Language: English");
  });

  it("continues a registration in English after switching in the middle of it", async () => {
    await h.send(admin, "/units add HCTP Phòng Hành chính tư pháp");
    const token = await createInviteToken(h, admin, "HCTP");
    await h.send(lan, `/start ${token}`);
    expect(h.telegram.lastTextTo(lan.id)).toContain("Anh/Chị có đồng ý");
    await h.press(lan, "reg:consent:yes");
    expect(h.telegram.lastTextTo(lan.id)).toContain("họ và tên");

    await h.send(lan, "/lang");
    await h.press(lan, "lang:en");
    expect(h.telegram.lastTextTo(lan.id)).toBe("Switched to English.");

    await h.send(lan, "Lan");
    expect(h.telegram.lastTextTo(lan.id)).toContain("Please enter your full name (at least two words");
    await h.send(lan, "Nguyễn Thị Lan");
    expect(h.telegram.lastTextTo(lan.id)).toContain("Please enter your <b>position</b>");
    await h.send(lan, "Chuyên viên");
    expect(h.telegram.lastTextTo(lan.id)).toContain("Please check your details");
    expect(h.telegram.lastTextTo(lan.id)).toContain("Role: <b>civil servant, public employee or worker</b>");
    await h.press(lan, "reg:end:confirm");
    expect(h.telegram.lastTextTo(lan.id)).toContain("Registration complete. Welcome, <b>Nguyễn Thị Lan</b>");
    expect(await findUser(h.db, lan.id)).toMatchObject({
      full_name: "Nguyễn Thị Lan",
      position: "Chuyên viên",
    });
    expect(await getLanguage(h.db, lan.id)).toBe("en");
  });
});
