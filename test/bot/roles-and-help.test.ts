import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findInvite } from "../../db/invites.js";
import { createHarness, type Harness } from "../helpers/harness.js";
import { createInviteToken, registerThroughBot, snapshotTables } from "../helpers/scenarios.js";
import { groupTextUpdate, type TestUser, user } from "../helpers/updates.js";

const admin = user(1001, "Admin");
const guest = user(3001, "Khách");
const employee = user(2001, "Lan");
const head = user(2002, "Bình");

const OFFICE_COMMANDS = [
  "/units",
  "/units add TTR Thanh tra Sở",
  "/units rename HCTP Phòng Đổi tên",
  "/units archive HCTP",
  "/units restore HCTP",
  "/units sample",
  "/units whatever",
  "/invite",
  "/invite HCTP",
  "/invite HCTP head",
  "/invite HCTP office",
  "/invite list",
  "/invite revoke https://t.me/thidua_test_bot?start=AAAAAAAAAAAAAAAAAAAAAA",
  "/round",
  "/round open 2026",
  "/round close 2025",
  "/round open abc",
];

let h: Harness;

beforeEach(async () => {
  h = await createHarness({ officeAdminIds: [admin.id] });
});
afterEach(() => h.close());

describe("Office-only commands", () => {
  it("are refused in a group chat even to the Office, so no invite link is posted there", async () => {
    await h.send(admin, "/units add HCTP Phòng Hành chính tư pháp");
    const before = h.telegram.calls.length;
    for (const command of ["/invite HCTP office", "/units", "/round open 2026"]) {
      await h.feed(groupTextUpdate(admin, -100500, command));
    }
    const replies = h.telegram.calls.slice(before).filter((call) => call.method === "sendMessage");
    expect(replies).toHaveLength(3);
    for (const reply of replies) {
      expect(reply.payload.chat_id).toBe(-100500);
      expect(String(reply.payload.text)).toContain("chat riêng");
      expect(String(reply.payload.text)).not.toContain("t.me/");
    }
    expect(await h.db.selectFrom("invites").selectAll().execute()).toEqual([]);
    expect(await h.db.selectFrom("rounds").selectAll().execute()).toEqual([]);
  });

  it("are refused to a guest, an employee and a unit head, and change nothing", async () => {
    await registerThroughBot(h, admin, employee, { unitCode: "HCTP" });
    await registerThroughBot(h, admin, head, {
      unitCode: "HCTP",
      role: "unit_head",
      fullName: "Trần Văn Bình",
    });
    await h.send(admin, "/round open 2026");
    const token = await createInviteToken(h, admin, "HCTP");
    const before = await snapshotTables(h.db);

    for (const person of [guest, employee, head]) {
      for (const command of OFFICE_COMMANDS) {
        h.telegram.clear();
        await h.send(person, command);
        const texts = h.telegram.textsTo(person.id);
        expect(texts, `${person.first_name}: ${command}`).toHaveLength(1);
        expect(texts[0], `${person.first_name}: ${command}`).toContain("chỉ dành cho Văn phòng Sở");
        expect(texts[0]).not.toContain("t.me/");
      }
      // The revoke button under an invite, pressed by someone who is not Office.
      h.telegram.clear();
      await h.press(person, `inv:revoke:${token}`);
      const answer = h.telegram.callsOf("answerCallbackQuery")[0]?.payload;
      expect(answer?.text).toContain("chỉ dành cho Văn phòng Sở");
      expect(answer?.show_alert).toBe(true);
    }

    expect(await snapshotTables(h.db)).toEqual(before);
    expect((await findInvite(h.db, token))?.revoked_at).toBeNull();
  });

  it("takes a role change into account on the very next update", async () => {
    await registerThroughBot(h, admin, employee, { unitCode: "HCTP", role: "office" });
    await h.send(employee, "/units");
    expect(h.telegram.lastTextTo(employee.id)).toContain("Các đơn vị (1)");

    await h.db
      .updateTable("users")
      .set({ role: "employee" })
      .where("telegram_id", "=", employee.id)
      .execute();
    await h.send(employee, "/units");
    expect(h.telegram.lastTextTo(employee.id)).toContain("chỉ dành cho Văn phòng Sở");
    await h.send(employee, "/help");
    expect(h.telegram.lastTextTo(employee.id)).not.toContain("/units");

    await h.db.updateTable("users").set({ role: "office" }).where("telegram_id", "=", employee.id).execute();
    await h.send(employee, "/round open 2026");
    expect(h.telegram.lastTextTo(employee.id)).toContain("Đã mở kỳ xét khen thưởng năm <b>2026</b>");
  });
});

describe("/help", () => {
  const helpFor = async (person: TestUser) => {
    await h.send(person, "/help");
    return h.telegram.lastTextTo(person.id);
  };

  it("tells a guest how to join", async () => {
    const help = await helpFor(guest);
    expect(help).toContain("Anh/Chị chưa đăng ký");
    expect(help).toContain("liên kết mời");
    expect(help).not.toContain("/units");
  });

  it("lists the common commands for an employee and a unit head, not the Office's", async () => {
    await registerThroughBot(h, admin, employee, { unitCode: "HCTP" });
    await registerThroughBot(h, admin, head, {
      unitCode: "HCTP",
      role: "unit_head",
      fullName: "Trần Văn Bình",
    });
    const forEmployee = await helpFor(employee);
    expect(forEmployee).toContain(
      "Anh/Chị <b>Nguyễn Thị Lan</b>, công chức, viên chức, người lao động, Phòng Hành chính tư pháp.",
    );
    const forHead = await helpFor(head);
    expect(forHead).toContain("Anh/Chị <b>Trần Văn Bình</b>, trưởng đơn vị, Phòng Hành chính tư pháp.");
    for (const help of [forEmployee, forHead]) {
      for (const command of ["/me", "/lang", "/cancel", "/help"]) expect(help).toContain(command);
      for (const command of ["/units", "/invite", "/round"]) expect(help).not.toContain(command);
    }
  });

  it("lists the Office's commands for an Office member", async () => {
    await registerThroughBot(h, admin, employee, { unitCode: "HCTP", role: "office" });
    const help = await helpFor(employee);
    expect(help).toContain("Văn phòng Sở");
    for (const command of [
      "/me",
      "/units",
      "/units add",
      "/invite",
      "/invite list",
      "/round",
      "/round open",
    ]) {
      expect(help).toContain(command);
    }
    // The award forms by the codes /nominations takes, from the campaign definition.
    expect(help).toContain(
      "/nominations &lt;hình thức&gt;: lọc theo hình thức khen thưởng: <code>bkttg</code> Bằng khen Thủ tướng Chính phủ; <code>bkt</code> Bằng khen Chủ tịch UBND tỉnh; <code>gk</code> Giấy khen Giám đốc Sở",
    );
    expect(help).toContain("/nominations &lt;số&gt;: mở một đề nghị");
  });
});

describe("an OFFICE_ADMIN_IDS user who never registered", () => {
  it("can use the Office's commands, and /me and /help say they are an admin by configuration", async () => {
    await h.send(admin, "/units add HCTP Phòng Hành chính tư pháp");
    expect(h.telegram.lastTextTo(admin.id)).toContain("Đã thêm đơn vị");
    await h.send(admin, "/round open 2026");
    expect(h.telegram.lastTextTo(admin.id)).toContain("Đã mở kỳ xét khen thưởng");
    await h.send(admin, "/invite HCTP");
    expect(h.telegram.lastTextTo(admin.id)).toContain("Đã tạo liên kết mời");

    await h.send(admin, "/me");
    const me = h.telegram.lastTextTo(admin.id);
    expect(me).toContain("Bot không lưu thông tin cá nhân nào");
    expect(me).toContain("quản trị viên Văn phòng Sở theo cấu hình của bot");

    await h.send(admin, "/help");
    const help = h.telegram.lastTextTo(admin.id);
    expect(help).toContain("quản trị viên Văn phòng Sở (theo cấu hình của bot)");
    expect(help).toContain("/units");

    // The first /start greets them and asks, as anyone joining is asked, to store a name and position.
    await h.send(admin, "/start");
    expect(h.telegram.textsTo(admin.id).at(-2)).toContain("giúp Văn phòng Sở tổ chức phong trào thi đua");
    expect(h.telegram.lastTextTo(admin.id)).toContain("bot xin họ và tên, chức vụ của Anh/Chị");
    expect(await h.db.selectFrom("users").selectAll().execute()).toEqual([]);
  });
});
