import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { councilMembership, currentCouncil } from "../../db/council-members.js";
import { findUser } from "../../db/users.js";
import { registerCommandMenus } from "../../src/command-menus.js";
import { answerWholeIndividualAssessment } from "../helpers/assessment-answers.js";
import { createHarness, type Harness } from "../helpers/harness.js";
import { lastInviteToken, registerThroughBot } from "../helpers/scenarios.js";
import { groupTextUpdate, type TestUser, user } from "../helpers/updates.js";

/**
 * The Council as a role: the Office makes members (`/council add`, or `/invite <unit> council`), names the
 * chair and the one secretary, removes members; `/council` lists it for the Office and for members. A second
 * secretary (or chair) replaces the one before, who stays a member.
 */
const admin = user(1001, "Admin");
const binh = user(2000, "Bình");
const lan = user(2001, "Lan");
const hoa = user(2002, "Hoa");
const lan2 = user(3001, "Lan KHTC");
const stranger = user(9001, "Stranger");
let h: Harness;

const OFFICE_ONLY =
  "Lệnh này chỉ dành cho Văn phòng Sở. Nếu Anh/Chị cần dùng, vui lòng liên hệ Văn phòng Sở để được cấp quyền.";
const last = (person: TestUser) => h.telegram.lastTextTo(person.id);
const alert = () => String(h.telegram.callsOf("answerCallbackQuery").at(-1)?.payload.text ?? "");
const roles = async () =>
  (await currentCouncil(h.db)).map((m) => [m.full_name, m.role] as [string | null, string]).sort();
const personalMenu = (person: TestUser) =>
  h.telegram
    .callsOf("setMyCommands")
    .filter((c) => (c.payload.scope as { chat_id?: number } | undefined)?.chat_id === person.id)
    .at(-1)?.payload.commands as Array<{ command: string }> | undefined;

beforeEach(async () => {
  h = await createHarness({ officeAdminIds: [admin.id], now: "2026-12-01T03:00:00Z" });
  await registerThroughBot(h, admin, binh, { role: "unit_head", fullName: "Trần Văn Bình" });
  await registerThroughBot(h, admin, lan, { fullName: "Nguyễn Thị Lan" });
  await registerThroughBot(h, admin, hoa, { fullName: "Vũ Thị Hoa" });
  await registerThroughBot(h, admin, lan2, {
    unitCode: "KHTC",
    unitName: "Phòng Kế hoạch tài chính",
    fullName: "Trần Thị Lan",
    position: "Kế toán viên",
  });
});
afterEach(() => h.close());

describe("the Office makes the Council", () => {
  it("adds a member by name, names the chair by Telegram id and the secretary, and lists the Council", async () => {
    await h.send(admin, "/council add Vũ Thị Hoa");
    expect(last(admin)).toBe("Đã chỉ định <b>Vũ Thị Hoa</b> là Ủy viên Hội đồng.");
    await h.send(admin, `/council chair ${binh.id}`);
    expect(last(admin)).toBe("Đã chỉ định <b>Trần Văn Bình</b> là Chủ tịch Hội đồng.");
    await h.send(admin, "/council secretary nguyen thi lan");
    expect(last(admin)).toBe("Đã chỉ định <b>Nguyễn Thị Lan</b> là Thư ký Hội đồng.");
    expect(await roles()).toEqual([
      ["Nguyễn Thị Lan", "secretary"],
      ["Trần Văn Bình", "chair"],
      ["Vũ Thị Hoa", "member"],
    ]);

    await h.send(admin, "/council");
    const list = last(admin);
    expect(list).toContain("Hội đồng Thi đua - Khen thưởng của Sở</b>: 3 thành viên");
    // Chair, secretary, then members.
    const lines = list.split("\n").filter((line) => line.startsWith("• "));
    expect(lines).toEqual([
      "• Chủ tịch Hội đồng: <b>Trần Văn Bình</b>, Phòng Hành chính tư pháp",
      "• Thư ký Hội đồng: <b>Nguyễn Thị Lan</b>, Phòng Hành chính tư pháp",
      "• Ủy viên Hội đồng: <b>Vũ Thị Hoa</b>, Phòng Hành chính tư pháp",
    ]);
    expect(list).toContain("/council meet");

    // A member sees the same list, without the Office's advice.
    await h.send(hoa, "/council");
    expect(
      last(hoa)
        .split("\n")
        .filter((line) => line.startsWith("• ")),
    ).toEqual(lines);
    expect(last(hoa)).not.toContain("/council add");
    expect(h.telegram.lastKeyboardTo(hoa.id).map((b) => b.callback_data)).toEqual(["cn:agenda"]);

    // Each is told, once, through the outbox; and has /council in their menu.
    await h.settle();
    expect(last(hoa)).toContain("Văn phòng Sở đã chỉ định Anh/Chị là <b>Ủy viên Hội đồng</b>");
    expect(
      h.telegram.textsTo(binh.id).filter((t) => t.includes("là <b>Chủ tịch Hội đồng</b> (Hội đồng")),
    ).toHaveLength(1);
    expect(personalMenu(hoa)?.map((c) => c.command)).toContain("council");
    expect(personalMenu(binh)?.map((c) => c.command)).toEqual(
      expect.arrayContaining(["unit", "nominate", "council"]),
    );
  });

  it("lets a new secretary replace the one before, who stays a member; the same for the chair", async () => {
    await h.send(admin, "/council secretary Hoa");
    await h.send(admin, "/council secretary Nguyễn Thị Lan");
    expect(last(admin)).toBe(
      "Đã chỉ định <b>Nguyễn Thị Lan</b> là Thư ký Hội đồng.\nThư ký Hội đồng trước đây, <b>Vũ Thị Hoa</b>, vẫn là ủy viên Hội đồng.",
    );
    await h.send(admin, "/council chair Bình");
    await h.send(admin, "/council chair Hoa");
    expect(last(admin)).toContain(
      "Chủ tịch Hội đồng trước đây, <b>Trần Văn Bình</b>, vẫn là ủy viên Hội đồng.",
    );
    expect(await roles()).toEqual([
      ["Nguyễn Thị Lan", "secretary"],
      ["Trần Văn Bình", "member"],
      ["Vũ Thị Hoa", "chair"],
    ]);
    // Naming them again, or adding the chair as a member, changes nothing.
    await h.send(admin, "/council chair Hoa");
    expect(last(admin)).toBe("<b>Vũ Thị Hoa</b> đã là Chủ tịch Hội đồng: không có gì thay đổi.");
    await h.send(admin, "/council add Hoa");
    expect(last(admin)).toBe("<b>Vũ Thị Hoa</b> đã là Chủ tịch Hội đồng: không có gì thay đổi.");
    expect((await councilMembership(h.db, hoa.id))?.role).toBe("chair");
    // The history of who held which role stays in the rows.
    const rows = await h.db
      .selectFrom("council_members")
      .selectAll()
      .where("telegram_id", "=", hoa.id)
      .execute();
    expect(rows.map((r) => [r.role, r.removed_at === null])).toEqual([
      ["secretary", false],
      ["member", false],
      ["chair", true],
    ]);
  });

  it("removes a member, who is told and loses /council from the menu", async () => {
    await h.send(admin, "/council add Hoa");
    await h.send(admin, "/council remove Hoa");
    expect(last(admin)).toBe("Đã đưa <b>Vũ Thị Hoa</b> ra khỏi Hội đồng Thi đua - Khen thưởng.");
    expect(await councilMembership(h.db, hoa.id)).toBeUndefined();
    await h.send(admin, "/council remove Hoa");
    expect(last(admin)).toBe("<b>Vũ Thị Hoa</b> không phải thành viên Hội đồng: không có gì thay đổi.");
    await h.settle();
    expect(last(hoa)).toBe("🏛 Văn phòng Sở đã đưa Anh/Chị ra khỏi Hội đồng Thi đua - Khen thưởng của Sở.");
    expect(h.telegram.callsOf("deleteMyCommands").at(-1)?.payload.scope).toEqual({
      type: "chat",
      chat_id: hoa.id,
    });
    await h.send(hoa, "/council");
    expect(last(hoa)).toBe("Lệnh này dành cho thành viên Hội đồng Thi đua - Khen thưởng và Văn phòng Sở.");
  });

  it("lists an empty Council with what to do, and shows the role in /help", async () => {
    await h.send(admin, "/council");
    expect(last(admin)).toContain("0 thành viên");
    expect(last(admin)).toContain("Chưa có thành viên nào");
    expect(last(admin)).toContain("Chủ tịch Hội đồng: <i>chưa chỉ định</i>");
    await h.send(admin, "/help");
    expect(last(admin)).toContain("/council add | chair | secretary | remove");
    await h.send(admin, "/council add Hoa");
    await h.send(hoa, "/help");
    expect(last(hoa)).toContain("<b>Hội đồng Thi đua - Khen thưởng</b> (Anh/Chị là Ủy viên Hội đồng)");
    await h.send(lan, "/help");
    expect(last(lan)).not.toContain("/council");
  });
});

describe("joining the Council through an invite", () => {
  it("/invite <unit> council registers a new person in the unit and makes them a member", async () => {
    await h.send(admin, "/invite HCTP council");
    expect(last(admin)).toContain("ủy viên Hội đồng Thi đua - Khen thưởng");
    expect(last(admin)).toContain("dùng một lần");
    const token = lastInviteToken(h, admin.id);
    const newcomer = user(2500, "Tâm");
    await h.send(newcomer, `/start ${token}`);
    await h.press(newcomer, "reg:consent:yes");
    await h.send(newcomer, "Hoàng Minh Tâm");
    await h.send(newcomer, "Phó Chánh Thanh tra");
    await h.press(newcomer, "reg:end:confirm");
    expect(h.telegram.textsTo(newcomer.id).some((t) => /Đăng ký xong/.test(t))).toBe(true);
    expect(last(newcomer)).toContain("Anh/Chị đã là ủy viên <b>Hội đồng Thi đua - Khen thưởng của Sở</b>");
    expect((await findUser(h.db, newcomer.id))?.unit_code).toBe("HCTP");
    expect((await findUser(h.db, newcomer.id))?.role).toBe("employee");
    expect((await councilMembership(h.db, newcomer.id))?.role).toBe("member");
    expect(personalMenu(newcomer)?.map((c) => c.command)).toContain("council");

    // Single use: nobody else joins with it.
    await h.send(stranger, `/start ${token}`);
    expect(last(stranger)).toContain("chỉ dùng được một lần và đã được sử dụng");
    expect(await councilMembership(h.db, stranger.id)).toBeUndefined();
  });

  it("makes a person already in the unit a member, keeping their role there", async () => {
    await h.send(admin, "/invite HCTP council");
    await h.send(binh, `/start ${lastInviteToken(h, admin.id)}`);
    expect(last(binh)).toContain("Anh/Chị đã là ủy viên");
    expect((await findUser(h.db, binh.id))?.role).toBe("unit_head");
    expect((await councilMembership(h.db, binh.id))?.role).toBe("member");
    await h.send(admin, "/invite HCTP council");
    await h.send(binh, `/start ${lastInviteToken(h, admin.id)}`);
    expect(last(binh)).toBe("Anh/Chị đã là thành viên Hội đồng Thi đua - Khen thưởng: không có gì thay đổi.");
  });

  it("moves a person of another unit who accepts it, and makes them a member", async () => {
    await h.send(admin, "/invite KHTC council");
    const token = lastInviteToken(h, admin.id);
    await h.send(hoa, `/start ${token}`);
    await h.press(hoa, `inv:accept:${token}`);
    expect(last(hoa)).toContain("Đã chuyển");
    expect(last(hoa)).toContain("Anh/Chị đã là ủy viên");
    expect((await findUser(h.db, hoa.id))?.unit_code).toBe("KHTC");
    expect((await councilMembership(h.db, hoa.id))?.role).toBe("member");
  });

  it("makes a person whose move waits for the Office a member only once the Office agrees", async () => {
    await h.send(admin, "/round open 2026");
    await h.send(hoa, "/assess");
    await answerWholeIndividualAssessment(h, hoa);
    await h.press(hoa, "as:summary:submit");
    await h.send(admin, "/invite KHTC council");
    const token = lastInviteToken(h, admin.id);
    await h.send(hoa, `/start ${token}`);
    await h.press(hoa, `inv:accept:${token}`);
    expect(last(hoa)).toContain("cần Văn phòng Sở đồng ý");
    expect(await councilMembership(h.db, hoa.id)).toBeUndefined();
    await h.settle();
    const approve = h.telegram.lastKeyboardTo(admin.id)[0]?.callback_data ?? "";
    await h.press(admin, approve);
    expect((await findUser(h.db, hoa.id))?.unit_code).toBe("KHTC");
    expect((await councilMembership(h.db, hoa.id))?.role).toBe("member");
    expect(personalMenu(hoa)?.map((c) => c.command)).toContain("council");
  });

  it("explains `council` in /invite's usage", async () => {
    await h.send(admin, "/invite");
    expect(last(admin)).toContain("/invite &lt;mã đơn vị&gt; council");
    await h.send(admin, "/invite HCTP councl");
    expect(last(admin)).toContain("/invite &lt;mã đơn vị&gt; council");
    expect(await h.db.selectFrom("invites").selectAll().where("council", "=", 1).execute()).toEqual([]);
  });
});

describe("who may change the Council", () => {
  it("refuses every membership command to anyone but the Office, members and the chair included, and changes nothing", async () => {
    await h.send(admin, "/council chair Bình");
    await h.send(admin, "/council add Hoa");
    const before = await h.db.selectFrom("council_members").selectAll().execute();
    for (const person of [binh, hoa, lan, stranger]) {
      for (const command of [
        `/council add ${lan.id}`,
        "/council chair Lan",
        "/council secretary Lan",
        "/council remove Hoa",
      ]) {
        await h.send(person, command);
        expect(last(person), `${person.first_name}: ${command}`).toBe(OFFICE_ONLY);
      }
      await h.press(person, `cn:add:${lan.id}`);
      expect(alert()).toBe(OFFICE_ONLY);
    }
    expect(await h.db.selectFrom("council_members").selectAll().execute()).toEqual(before);
    // Listing is for members and the Office only.
    await h.send(lan, "/council");
    expect(last(lan)).toBe("Lệnh này dành cho thành viên Hội đồng Thi đua - Khen thưởng và Văn phòng Sở.");
    await h.send(stranger, "/council");
    expect(last(stranger)).toBe(
      "Lệnh này dành cho thành viên Hội đồng Thi đua - Khen thưởng và Văn phòng Sở.",
    );
  });

  it("leaves the meeting's words to the meeting feature: it neither answers them nor changes anything", async () => {
    await h.send(admin, "/council add Hoa");
    const before = await h.db.selectFrom("council_members").selectAll().execute();
    for (const word of ["meet", "vote", "close", "count", "minutes", "tie", "result"]) {
      const sent = h.telegram.textsTo(admin.id).length;
      await h.send(admin, `/council ${word} gk`);
      const replies = h.telegram.textsTo(admin.id).slice(sent);
      expect(
        replies.some((t) => t.includes("Hội đồng Thi đua - Khen thưởng của Sở")),
        word,
      ).toBe(false);
      expect(
        replies.some((t) => t.includes("/council add &lt;người&gt;")),
        word,
      ).toBe(false);
    }
    expect(await h.db.selectFrom("council_members").selectAll().execute()).toEqual(before);
  });
});

describe("menus and group chats", () => {
  it("gives each member /council in the menus set at start-up", async () => {
    await h.send(admin, "/council add Hoa");
    h.telegram.clear();
    await registerCommandMenus(h.bot.api, h.deps);
    expect(personalMenu(hoa)?.map((c) => c.command)).toEqual([
      "assess",
      "myresult",
      "nominations",
      "council",
      "start",
      "help",
      "me",
      "lang",
      "cancel",
    ]);
    expect(personalMenu(binh)?.map((c) => c.command)).not.toContain("council");
  });

  it("answers /council only in the private chat", async () => {
    await h.send(admin, "/council add Hoa");
    const before = await h.db.selectFrom("council_members").selectAll().execute();
    await h.feed(groupTextUpdate(hoa, -500, "/council"));
    expect(h.telegram.lastTextTo(-500)).toBe(
      "Anh/Chị vui lòng dùng lệnh này trong cuộc trò chuyện riêng với bot.",
    );
    await h.feed(groupTextUpdate(admin, -500, "/council add Lan"));
    expect(h.telegram.lastTextTo(-500)).toContain("Vui lòng dùng lệnh này trong chat riêng với bot");
    expect(await h.db.selectFrom("council_members").selectAll().execute()).toEqual(before);
  });
});

describe("bad input", () => {
  it("refuses a person not registered, by id or by name, and an @username, changing nothing", async () => {
    await h.send(admin, `/council add ${stranger.id}`);
    expect(last(admin)).toContain(`Không có người nào đã đăng ký với bot có mã Telegram ${stranger.id}`);
    expect(last(admin)).toContain("/invite &lt;mã đơn vị&gt; council");
    await h.send(admin, "/council chair Phan Văn <b>Ẩn</b>");
    expect(last(admin)).toContain("Không tìm thấy người đã đăng ký nào tên “Phan Văn &lt;b&gt;Ẩn&lt;/b&gt;”");
    await h.send(admin, "/council secretary @lan_nguyen");
    expect(last(admin)).toContain("Bot không lưu tên người dùng Telegram");
    await h.send(admin, "/council add");
    expect(last(admin)).toContain("/council add &lt;người&gt;: thêm ủy viên Hội đồng");
    await h.send(admin, "/council appoint Lan");
    expect(last(admin)).toContain("/council chair &lt;người&gt;");
    expect(await currentCouncil(h.db)).toEqual([]);
  });

  it("asks which person when a name fits several, and applies the one pressed", async () => {
    await h.send(admin, "/council add Lan");
    expect(last(admin)).toContain("Có 2 người trùng tên");
    expect(last(admin)).toContain(
      `Trần Thị Lan, Kế toán viên, Phòng Kế hoạch tài chính (<code>${lan2.id}</code>)`,
    );
    const buttons = h.telegram.lastKeyboardTo(admin.id).map((b) => [b.text, b.callback_data]);
    expect(buttons).toEqual([
      ["Nguyễn Thị Lan · HCTP", `cn:add:${lan.id}`],
      ["Trần Thị Lan · KHTC", `cn:add:${lan2.id}`],
    ]);
    expect(await currentCouncil(h.db)).toEqual([]);
    await h.press(admin, `cn:add:${lan2.id}`);
    expect(last(admin)).toBe("Đã chỉ định <b>Trần Thị Lan</b> là Ủy viên Hội đồng.");
    expect(await roles()).toEqual([["Trần Thị Lan", "member"]]);
  });
});
