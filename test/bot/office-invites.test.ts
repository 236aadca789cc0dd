import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findInvite } from "../../db/invites.js";
import { findUser } from "../../db/users.js";
import { createHarness, type Harness } from "../helpers/harness.js";
import { createInviteToken, INVITE_LINK, registerThroughBot } from "../helpers/scenarios.js";
import { user } from "../helpers/updates.js";

const admin = user(1001, "Admin");
const lan = user(2001, "Lan");
const binh = user(2002, "Bình");

let h: Harness;

beforeEach(async () => {
  h = await createHarness({ officeAdminIds: [admin.id] });
  await h.send(admin, "/units add HCTP Phòng Hành chính tư pháp");
  await h.send(admin, "/units add BTTP Phòng Bổ trợ tư pháp");
});
afterEach(() => h.close());

const lastCall = (method: string) => {
  const call = h.telegram.callsOf(method).at(-1);
  if (!call) throw new Error(`no ${method} call; calls: ${h.telegram.methods().join(", ")}`);
  return call;
};

describe("/invite", () => {
  it.each([
    {
      words: "",
      role: "công chức, viên chức, người lao động",
      dbRole: "employee",
      expires: "09:00 28/12/2026",
      singleUse: 0,
    },
    { words: " head", role: "trưởng đơn vị", dbRole: "unit_head", expires: "09:00 05/12/2026", singleUse: 1 },
    { words: " office", role: "Văn phòng Sở", dbRole: "office", expires: "09:00 05/12/2026", singleUse: 1 },
  ])("/invite HCTP$words replies with a deep link, the role, the expiry and a revoke button", async (c) => {
    await h.send(admin, `/invite hctp${c.words}`);
    const reply = h.telegram.lastTextTo(admin.id);
    const token = INVITE_LINK.exec(reply)?.[1] ?? "";
    expect(token).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    expect(reply).toContain("Đã tạo liên kết mời");
    expect(reply).toContain("Phòng Hành chính tư pháp (HCTP)");
    expect(reply).toContain(`vai trò ${c.role}`);
    expect(reply).toContain(`Hết hạn: ${c.expires}`);
    expect(h.telegram.lastButtonsTo(admin.id)).toEqual([
      { text: "Thu hồi liên kết", callback_data: `inv:revoke:${token}` },
    ]);
    expect(await findInvite(h.db, token)).toMatchObject({
      role: c.dbRole,
      unit_code: "HCTP",
      single_use: c.singleUse,
      created_by: admin.id,
      revoked_at: null,
      used_count: 0,
    });
  });

  it("keeps a staff link working until the open round's deadline, not only 30 days", async () => {
    await h.send(admin, "/round open 2026");
    await h.send(admin, "/invite hctp");
    // Thirty days from 28/11 would end on 28/12, a week before people have to be done.
    expect(h.telegram.lastTextTo(admin.id)).toContain("Hết hạn: 00:00 05/01/2027");
    await h.send(admin, "/invite hctp head");
    expect(h.telegram.lastTextTo(admin.id)).toContain("Hết hạn: 09:00 05/12/2026");
  });

  it("makes a different token for each invite", async () => {
    const first = await createInviteToken(h, admin, "HCTP");
    const second = await createInviteToken(h, admin, "HCTP");
    expect(first).not.toBe(second);
    expect(await h.db.selectFrom("invites").select("token").execute()).toHaveLength(2);
  });

  it("revokes an invite from its button; the link then says it was revoked", async () => {
    const token = await createInviteToken(h, admin, "HCTP");
    await h.press(admin, `inv:revoke:${token}`);
    expect(lastCall("answerCallbackQuery").payload.text).toContain("Đã thu hồi liên kết mời");
    expect(lastCall("editMessageReplyMarkup").payload).toMatchObject({ chat_id: admin.id });
    expect((await findInvite(h.db, token))?.revoked_at).not.toBeNull();

    await h.send(lan, `/start ${token}`);
    expect(h.telegram.lastTextTo(lan.id)).toContain("thu hồi");
    expect(await findUser(h.db, lan.id)).toBeUndefined();

    // A second press on an old copy of the button says it was already done.
    await h.press(admin, `inv:revoke:${token}`);
    expect(lastCall("answerCallbackQuery").payload.text).toContain("đã được thu hồi trước đó");
  });

  it("/invite list shows only the invites that still work", async () => {
    await h.send(admin, "/invite list");
    expect(h.telegram.lastTextTo(admin.id)).toContain("Không có liên kết mời nào còn hiệu lực");

    const usable = await createInviteToken(h, admin, "HCTP");
    const revoked = await createInviteToken(h, admin, "HCTP", "head");
    await h.press(admin, `inv:revoke:${revoked}`);
    const spent = await createInviteToken(h, admin, "BTTP", "head");
    await h.send(lan, `/start ${spent}`);
    await h.press(lan, "reg:consent:yes");
    await h.send(lan, "Nguyễn Thị Lan");
    await h.send(lan, "Trưởng phòng");
    await h.press(lan, "reg:end:confirm");
    expect((await findUser(h.db, lan.id))?.role).toBe("unit_head");
    await h.send(admin, "/units add TTR Thanh tra Sở");
    const archived = await createInviteToken(h, admin, "TTR");
    await h.send(admin, "/units archive TTR");
    const usableHead = await createInviteToken(h, admin, "BTTP", "head");

    await h.send(admin, "/invite list");
    const list = h.telegram.lastTextTo(admin.id);
    expect(list).toContain("Liên kết mời còn hiệu lực (2)");
    expect(list).toContain(usable);
    expect(list).toContain(usableHead);
    for (const gone of [revoked, spent, archived]) expect(list).not.toContain(gone);

    // An expired invite drops out of the list too: the employee link lasts 30 days, the head link 7.
    h.setNow("2026-12-10T09:00:00+07:00");
    await h.send(admin, "/invite list");
    const later = h.telegram.lastTextTo(admin.id);
    expect(later).toContain("(1)");
    expect(later).toContain(usable);
    expect(later).not.toContain(usableHead);
  });

  it("answers an unknown unit code, a bad role word and a bare /invite with usage or not found", async () => {
    const before = await h.db.selectFrom("invites").selectAll().execute();
    await h.send(admin, "/invite NOPE");
    expect(h.telegram.lastTextTo(admin.id)).toContain("Không tìm thấy đơn vị có mã <code>NOPE</code>");
    await h.send(admin, "/invite HCTP boss");
    expect(h.telegram.lastTextTo(admin.id)).toContain("Cách dùng");
    await h.send(admin, "/invite");
    expect(h.telegram.lastTextTo(admin.id)).toContain("Cách dùng");
    await h.send(admin, "/invite revoke https://t.me/thidua_test_bot?start=AAAAAAAAAAAAAAAAAAAAAA");
    expect(h.telegram.lastTextTo(admin.id)).toContain("Không tìm thấy liên kết mời");
    expect(await h.db.selectFrom("invites").selectAll().execute()).toEqual(before);
  });

  it("an office invite makes the joiner an Office member who can use /units", async () => {
    await h.send(lan, "/units");
    expect(h.telegram.lastTextTo(lan.id)).toContain("chỉ dành cho Văn phòng Sở");

    await registerThroughBot(h, admin, lan, { unitCode: "HCTP", role: "office" });
    expect(await findUser(h.db, lan.id)).toMatchObject({ role: "office", unit_code: "HCTP" });

    await h.send(lan, "/units");
    const list = h.telegram.lastTextTo(lan.id);
    expect(list).toContain("Các đơn vị (2)");
    expect(list).toContain("<code>HCTP</code> Phòng Hành chính tư pháp: 1 người");
    await h.send(lan, "/invite BTTP");
    expect(h.telegram.lastTextTo(lan.id)).toMatch(INVITE_LINK);
  });

  it("offers a registered employee a switch to another unit's head invite, and accepting moves them", async () => {
    await registerThroughBot(h, admin, lan, { unitCode: "HCTP" });
    const token = await createInviteToken(h, admin, "BTTP", "head");

    await h.send(lan, `/start ${token}`);
    const offer = h.telegram.lastTextTo(lan.id);
    expect(offer).toContain(
      "Anh/Chị đang ở <b>Phòng Hành chính tư pháp</b> (công chức, viên chức, người lao động)",
    );
    expect(offer).toContain("<b>Phòng Bổ trợ tư pháp</b> (trưởng đơn vị)");
    expect(h.telegram.lastButtonsTo(lan.id).map((b) => b.callback_data)).toEqual([
      `inv:accept:${token}`,
      "inv:keep",
    ]);
    expect(await findUser(h.db, lan.id)).toMatchObject({ unit_code: "HCTP", role: "employee" });

    await h.press(lan, `inv:accept:${token}`);
    expect(h.telegram.lastTextTo(lan.id)).toContain(
      "Đã chuyển: Anh/Chị nay thuộc <b>Phòng Bổ trợ tư pháp</b>",
    );
    expect(await findUser(h.db, lan.id)).toMatchObject({
      unit_code: "BTTP",
      role: "unit_head",
      full_name: "Nguyễn Thị Lan",
    });
    expect((await findInvite(h.db, token))?.used_count).toBe(1);

    // The head link worked once: pressing the old button again does not move anyone else or count twice.
    await h.press(lan, `inv:accept:${token}`);
    expect(h.telegram.lastTextTo(lan.id)).toContain("chỉ dùng được một lần");
    expect((await findInvite(h.db, token))?.used_count).toBe(1);
  });

  it("keeps the unit and role when the person chooses to keep them", async () => {
    await registerThroughBot(h, admin, binh, { unitCode: "HCTP", fullName: "Trần Văn Bình" });
    const token = await createInviteToken(h, admin, "BTTP", "head");
    await h.send(binh, `/start ${token}`);
    await h.press(binh, "inv:keep");
    expect(h.telegram.lastTextTo(binh.id)).toContain("Đã giữ nguyên đơn vị và vai trò");
    expect(await findUser(h.db, binh.id)).toMatchObject({ unit_code: "HCTP", role: "employee" });
    expect((await findInvite(h.db, token))?.used_count).toBe(0);
  });

  it("tells a member who opens an invite for their own unit and role that nothing changes", async () => {
    await registerThroughBot(h, admin, lan, { unitCode: "HCTP" });
    const token = await createInviteToken(h, admin, "HCTP");
    await h.send(lan, `/start ${token}`);
    expect(h.telegram.lastTextTo(lan.id)).toContain(
      "Anh/Chị đã là thành viên của <b>Phòng Hành chính tư pháp</b>",
    );
  });
});
