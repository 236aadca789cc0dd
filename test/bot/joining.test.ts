import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findDraft } from "../../db/registrations.js";
import { findUser } from "../../db/users.js";
import { createHarness, type Harness } from "../helpers/harness.js";
import { callbackUpdate, textUpdate, user } from "../helpers/updates.js";

const admin = user(1001, "Admin");
const lan = user(2001, "Lan");

let h: Harness;

async function inviteLink(role = ""): Promise<string> {
  await h.send(admin, "/units add HCTP Phòng Hành chính tư pháp");
  await h.send(admin, `/invite HCTP ${role}`.trim());
  const match = /https:\/\/t\.me\/thidua_test_bot\?start=([A-Za-z0-9_-]+)/.exec(
    h.telegram.lastTextTo(admin.id),
  );
  if (!match?.[1]) throw new Error(`no invite link in: ${h.telegram.lastTextTo(admin.id)}`);
  return match[1];
}

beforeEach(async () => {
  h = await createHarness({ officeAdminIds: [admin.id] });
});
afterEach(() => h.close());

describe("joining through an invite", () => {
  it("registers a person after consent, name, position and confirmation", async () => {
    const token = await inviteLink();
    await h.send(lan, `/start ${token}`);
    expect(h.telegram.lastTextTo(lan.id)).toContain("Phòng Hành chính tư pháp");
    expect(h.telegram.lastButtonsTo(lan.id).map((b) => b.callback_data)).toEqual([
      "reg:consent:yes",
      "reg:consent:no",
    ]);

    await h.press(lan, "reg:consent:yes");
    expect(h.telegram.lastTextTo(lan.id)).toContain("họ và tên");
    await h.send(lan, "  nguyễn   thị lan ");
    expect(h.telegram.lastTextTo(lan.id)).toContain("chức vụ");
    await h.send(lan, "Chuyên viên");
    expect(h.telegram.lastTextTo(lan.id)).toContain("Nguyễn Thị Lan");
    await h.press(lan, "reg:end:confirm");

    expect(h.telegram.lastTextTo(lan.id)).toContain("Đăng ký xong");
    const stored = await findUser(h.db, lan.id);
    expect(stored).toMatchObject({
      full_name: "Nguyễn Thị Lan",
      position: "Chuyên viên",
      role: "employee",
      unit_code: "HCTP",
    });
    expect(await findDraft(h.db, lan.id)).toBeUndefined();
  });

  it("takes typed consent and confirmation, and shows the buttons again with anything else", async () => {
    const token = await inviteLink();
    await h.send(lan, `/start ${token}`);
    await h.send(lan, "chắc vậy");
    expect(h.telegram.textsTo(lan.id).at(-2)).toContain("bấm một trong các nút");
    expect(h.telegram.lastButtonsTo(lan.id).map((b) => b.callback_data)).toEqual([
      "reg:consent:yes",
      "reg:consent:no",
    ]);
    await h.send(lan, "Đồng ý");
    expect(h.telegram.lastTextTo(lan.id)).toContain("họ và tên");
    await h.send(lan, "Nguyễn Thị Lan");
    await h.send(lan, "Chuyên viên");
    await h.send(lan, "sửa tên");
    expect(h.telegram.textsTo(lan.id).at(-2)).toContain("bấm một trong các nút");
    expect(h.telegram.lastButtonsTo(lan.id).map((b) => b.callback_data)).toContain("reg:end:confirm");
    await h.send(lan, "có");
    expect(h.telegram.lastTextTo(lan.id)).toContain("Đăng ký xong");
    expect(await findUser(h.db, lan.id)).toMatchObject({ full_name: "Nguyễn Thị Lan" });
  });

  it("offers a name typed without marks back once, to keep with a tap or to retype", async () => {
    const token = await inviteLink();
    await h.send(lan, `/start ${token}`);
    await h.press(lan, "reg:consent:yes");
    await h.send(lan, "tran van binh");
    expect(h.telegram.lastTextTo(lan.id)).toContain("«Tran Van Binh» chưa có dấu");
    expect(h.telegram.lastButtonsTo(lan.id)).toEqual([
      { text: "Giữ nguyên «Tran Van Binh»", callback_data: "name:keep" },
    ]);
    expect((await findDraft(h.db, lan.id))?.full_name ?? null).toBeNull();
    await h.press(lan, "name:keep");
    expect(h.telegram.lastTextTo(lan.id)).toContain("chức vụ");
    expect((await findDraft(h.db, lan.id))?.full_name).toBe("Tran Van Binh");
  });

  it("takes the name retyped with marks after the offer, and asks only once", async () => {
    const token = await inviteLink();
    await h.send(lan, `/start ${token}`);
    await h.press(lan, "reg:consent:yes");
    await h.send(lan, "Tran Van Binh");
    await h.send(lan, "Trần Văn Bình");
    expect((await findDraft(h.db, lan.id))?.full_name).toBe("Trần Văn Bình");
    await h.send(lan, "Chuyên viên");
    await h.press(lan, "reg:end:name");
    await h.send(lan, "Tran Binh");
    expect((await findDraft(h.db, lan.id))?.full_name).toBe("Tran Binh");
  });

  it("takes a typed refusal of consent and stores nothing", async () => {
    const token = await inviteLink();
    await h.send(lan, `/start ${token}`);
    await h.send(lan, "Tôi không đồng ý");
    expect(h.telegram.lastTextTo(lan.id)).toContain("không lưu");
    expect(await findDraft(h.db, lan.id)).toBeUndefined();
  });

  it("stores nothing when the person refuses consent", async () => {
    const token = await inviteLink();
    await h.send(lan, `/start ${token}`);
    await h.press(lan, "reg:consent:no");
    expect(h.telegram.lastTextTo(lan.id)).toContain("không lưu");
    expect(await findDraft(h.db, lan.id)).toBeUndefined();
    expect(await findUser(h.db, lan.id)).toBeUndefined();
  });

  it("re-asks with the reason for a bad name, a sticker and a stray command", async () => {
    const token = await inviteLink();
    await h.send(lan, `/start ${token}`);
    await h.press(lan, "reg:consent:yes");
    await h.send(lan, "Lan");
    expect(h.telegram.lastTextTo(lan.id)).toContain("ít nhất hai chữ");
    await h.send(lan, "Nguyen 123");
    expect(h.telegram.lastTextTo(lan.id)).toContain("chỉ gồm chữ cái");
    await h.sendSticker(lan);
    expect(h.telegram.lastTextTo(lan.id)).toContain("tin nhắn chữ");
    await h.send(lan, "/foo");
    expect(h.telegram.lastTextTo(lan.id)).toContain("không dùng được trong lúc đang trả lời");
    await h.send(lan, "x".repeat(81));
    expect(h.telegram.lastTextTo(lan.id)).toContain("80 ký tự");
    expect((await findDraft(h.db, lan.id))?.full_name).toBeNull();
  });

  it("refuses blank-looking names and a job title with hidden characters, saying what is wrong", async () => {
    const token = await inviteLink();
    await h.send(lan, `/start ${token}`);
    await h.press(lan, "reg:consent:yes");
    for (const hidden of ["ㅤㅤ ㅤㅤ", "\u115F\u115F \u1160\u1160", "\uFFA0\uFFA0 \uFFA0", "Nguyễn\u200B Thị Lan"]) {
      await h.send(lan, hidden);
      expect(h.telegram.lastTextTo(lan.id), hidden).toContain("có ký tự ẩn hoặc ký tự điều khiển");
    }
    for (const blank of ["\u0301\u0301 \u0300\u0300", "-Nguyễn Thị Lan", "'Lan Anh"]) {
      await h.send(lan, blank);
      expect(h.telegram.lastTextTo(lan.id), blank).toContain(
        "Mỗi chữ trong họ và tên phải bắt đầu bằng chữ cái",
      );
    }
    expect((await findDraft(h.db, lan.id))?.full_name).toBeNull();

    // The question is still open: a real name is taken, then the job title is asked.
    await h.send(lan, "Nguyễn Thị Lan");
    expect(h.telegram.lastTextTo(lan.id)).toContain("chức vụ");
    await h.send(lan, "Chuyên viên \u202Ephòng");
    expect(h.telegram.lastTextTo(lan.id)).toContain("U+202E");
    expect(h.telegram.lastTextTo(lan.id)).toContain("Chưa có gì thay đổi");
    expect((await findDraft(h.db, lan.id))?.position).toBeNull();
    await h.send(lan, "Chuyên viên");
    await h.press(lan, "reg:end:confirm");
    expect(await findUser(h.db, lan.id)).toMatchObject({
      full_name: "Nguyễn Thị Lan",
      position: "Chuyên viên",
    });
  });

  it("continues from the first missing answer after /cancel", async () => {
    const token = await inviteLink();
    await h.send(lan, `/start ${token}`);
    await h.press(lan, "reg:consent:yes");
    await h.send(lan, "Nguyễn Thị Lan");
    await h.send(lan, "/cancel");
    expect(h.telegram.lastTextTo(lan.id)).toContain("Đã dừng đăng ký");
    await h.send(lan, "Chuyên viên");
    expect((await findDraft(h.db, lan.id))?.position).toBeNull();

    await h.send(lan, "/start");
    expect(h.telegram.lastTextTo(lan.id)).toContain("chức vụ");
    await h.send(lan, "Chuyên viên");
    await h.press(lan, "reg:end:confirm");
    expect((await findUser(h.db, lan.id))?.full_name).toBe("Nguyễn Thị Lan");
  });

  it("says why an unknown, revoked or spent link does not work", async () => {
    await h.send(lan, "/start not-a-real-invite-token-000");
    expect(h.telegram.lastTextTo(lan.id)).toContain("không đúng hoặc không tồn tại");

    const token = await inviteLink();
    await h.send(admin, `/invite revoke https://t.me/thidua_test_bot?start=${token}`);
    await h.send(lan, `/start ${token}`);
    expect(h.telegram.lastTextTo(lan.id)).toContain("thu hồi");

    const headToken = await inviteLink("head");
    const other = user(2002);
    for (const person of [lan, other]) {
      await h.send(person, `/start ${headToken}`);
      await h.press(person, "reg:consent:yes");
      await h.send(person, "Trần Văn Bình");
      await h.send(person, "Trưởng phòng");
    }
    await h.press(lan, "reg:end:confirm");
    expect((await findUser(h.db, lan.id))?.role).toBe("unit_head");
    await h.press(other, "reg:end:confirm");
    expect(h.telegram.lastTextTo(other.id)).toContain("chỉ dùng được một lần");
    expect(await findUser(h.db, other.id)).toBeUndefined();
  });

  it("takes an answer that Telegram delivers twice only once", async () => {
    const token = await inviteLink();
    await h.send(lan, `/start ${token}`);
    await h.press(lan, "reg:consent:yes");
    const name = textUpdate(lan, "Nguyễn Thị Lan");
    await h.feed(name);
    await h.feed(structuredClone(name));
    const draft = await findDraft(h.db, lan.id);
    expect(draft).toMatchObject({ full_name: "Nguyễn Thị Lan", position: null });
    expect(h.telegram.lastTextTo(lan.id)).toContain("chức vụ");
  });

  it("handles again a name whose handling was cut short, without taking it as the position", async () => {
    const token = await inviteLink();
    await h.send(lan, `/start ${token}`);
    await h.press(lan, "reg:consent:yes");
    const name = textUpdate(lan, "Nguyễn Thị Lan");
    await h.feed(name);
    await h.db.deleteFrom("processed_updates").where("update_id", "=", name.update_id).execute();
    await h.feed(structuredClone(name));
    expect(await findDraft(h.db, lan.id)).toMatchObject({ full_name: "Nguyễn Thị Lan", position: null });
    expect(h.telegram.lastTextTo(lan.id)).toContain("chức vụ");
  });

  it("still welcomes the person when the confirmation is handled again after registration went through", async () => {
    const token = await inviteLink();
    await h.send(lan, `/start ${token}`);
    await h.press(lan, "reg:consent:yes");
    await h.send(lan, "Nguyễn Thị Lan");
    await h.send(lan, "Chuyên viên");
    const state = await h.db
      .selectFrom("conversation_state")
      .selectAll()
      .where("key", "=", String(lan.id))
      .executeTakeFirst();
    const confirm = callbackUpdate(lan, "reg:end:confirm");
    await h.feed(confirm);
    expect(await findUser(h.db, lan.id)).toBeDefined();
    // As if the process had died before it saved the flow and confirmed the update: both come back.
    if (state) {
      await h.db
        .insertInto("conversation_state")
        .values(state)
        .onConflict((oc) => oc.column("key").doUpdateSet(state))
        .execute();
    }
    await h.db.deleteFrom("processed_updates").where("update_id", "=", confirm.update_id).execute();
    h.telegram.clear();
    await h.feed(structuredClone(confirm));
    expect(h.telegram.lastTextTo(lan.id)).toContain("Đăng ký xong");
    expect(h.telegram.callsOf("answerCallbackQuery")).toHaveLength(1);
  });

  it("says when a link has expired", async () => {
    const token = await inviteLink();
    h.setNow("2027-01-30T09:00:00+07:00");
    await h.send(lan, `/start ${token}`);
    expect(h.telegram.lastTextTo(lan.id)).toContain("hết hạn");
  });
});
