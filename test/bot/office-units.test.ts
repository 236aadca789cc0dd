import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SAMPLE_UNITS } from "../../db/sample-units.js";
import { findUnitByCode, listUnits } from "../../db/units.js";
import { createHarness, type Harness } from "../helpers/harness.js";
import { createInviteToken } from "../helpers/scenarios.js";
import { user } from "../helpers/updates.js";

const admin = user(1001, "Admin");
const lan = user(2001, "Lan");

let h: Harness;

beforeEach(async () => {
  h = await createHarness({ officeAdminIds: [admin.id] });
});
afterEach(() => h.close());

const allUnits = () => listUnits(h.db, { includeArchived: true });

describe("/units", () => {
  it("says there are no units yet on an empty database, and how to add one", async () => {
    await h.send(admin, "/units");
    const reply = h.telegram.lastTextTo(admin.id);
    expect(reply).toContain("Chưa có đơn vị nào");
    expect(reply).toContain("/units add");
    expect(await allUnits()).toEqual([]);
  });

  it("adds a unit with an upper-cased code and a tidied name, and lists it", async () => {
    await h.send(admin, "/units add hctp   Phòng  Hành chính   tư pháp ");
    expect(h.telegram.lastTextTo(admin.id)).toContain(
      "Đã thêm đơn vị <code>HCTP</code>: Phòng Hành chính tư pháp",
    );
    expect(await findUnitByCode(h.db, "HCTP")).toMatchObject({
      code: "HCTP",
      name: "Phòng Hành chính tư pháp",
      is_sample: 0,
      archived_at: null,
    });

    await h.send(admin, "/units");
    const list = h.telegram.lastTextTo(admin.id);
    expect(list).toContain("Các đơn vị (1)");
    expect(list).toContain("<code>HCTP</code> Phòng Hành chính tư pháp: 0 người");
    expect(list).not.toContain("dữ liệu mẫu");
  });

  it("refuses a code that is already taken, whatever its case, and keeps the first unit", async () => {
    await h.send(admin, "/units add HCTP Phòng Hành chính tư pháp");
    await h.send(admin, "/units add hcTp Phòng Khác");
    expect(h.telegram.lastTextTo(admin.id)).toContain("Mã <code>HCTP</code> đã được dùng");
    const units = await allUnits();
    expect(units).toHaveLength(1);
    expect(units[0]?.name).toBe("Phòng Hành chính tư pháp");
  });

  it("refuses a bad code or a bad name and says why", async () => {
    await h.send(admin, "/units add H Phòng Một chữ");
    expect(h.telegram.lastTextTo(admin.id)).toContain("Mã đơn vị gồm 2–16 chữ cái hoặc chữ số");
    await h.send(admin, `/units add ${"A".repeat(17)} Phòng Mã dài`);
    expect(h.telegram.lastTextTo(admin.id)).toContain("Mã đơn vị gồm 2–16");
    await h.send(admin, "/units add HC$TP Phòng Ký hiệu");
    expect(h.telegram.lastTextTo(admin.id)).toContain("Mã đơn vị gồm 2–16");

    await h.send(admin, "/units add HCTP");
    expect(h.telegram.lastTextTo(admin.id)).toContain("Tên đơn vị cần từ 2 đến 120 ký tự");
    await h.send(admin, "/units add HCTP 12345");
    expect(h.telegram.lastTextTo(admin.id)).toContain("Tên đơn vị cần từ 2 đến 120 ký tự");
    await h.send(admin, `/units add HCTP ${"Phòng ".repeat(25)}`);
    expect(h.telegram.lastTextTo(admin.id)).toContain("Tên đơn vị cần từ 2 đến 120 ký tự");
    await h.send(admin, "/units add H");
    expect(h.telegram.lastTextTo(admin.id)).toContain("Mã đơn vị gồm 2–16");
    expect(h.telegram.lastTextTo(admin.id)).toContain("Tên đơn vị cần từ 2 đến 120 ký tự");

    expect(await allUnits()).toEqual([]);
  });

  it("answers an unknown sub-command with the usage", async () => {
    await h.send(admin, "/units delete HCTP");
    expect(h.telegram.lastTextTo(admin.id)).toContain("Cách dùng");
  });

  it("renames a unit, and says so for an unknown code or a bad name", async () => {
    await h.send(admin, "/units add HCTP Phòng Hành chính tư pháp");
    await h.send(admin, "/units rename hctp Phòng Hành chính - Tư pháp");
    expect(h.telegram.lastTextTo(admin.id)).toContain(
      "Đã đổi tên <code>HCTP</code>: «Phòng Hành chính tư pháp» thành «Phòng Hành chính - Tư pháp»",
    );
    expect((await findUnitByCode(h.db, "HCTP"))?.name).toBe("Phòng Hành chính - Tư pháp");

    await h.send(admin, "/units rename NOPE Phòng Không có");
    expect(h.telegram.lastTextTo(admin.id)).toContain("Không tìm thấy đơn vị có mã <code>NOPE</code>");
    await h.send(admin, "/units rename HCTP 9");
    expect(h.telegram.lastTextTo(admin.id)).toContain("Tên đơn vị cần từ 2 đến 120 ký tự");
    expect((await findUnitByCode(h.db, "HCTP"))?.name).toBe("Phòng Hành chính - Tư pháp");
  });

  it("archives a unit: no new invite for it, its existing links stop working; restore undoes it", async () => {
    await h.send(admin, "/units add HCTP Phòng Hành chính tư pháp");
    const token = await createInviteToken(h, admin, "HCTP");

    await h.send(admin, "/units archive HCTP");
    expect(h.telegram.lastTextTo(admin.id)).toContain("Đã lưu trữ đơn vị <code>HCTP</code>");
    expect((await findUnitByCode(h.db, "HCTP"))?.archived_at).toBe(
      new Date("2026-11-28T02:00:00Z").toISOString(),
    );

    await h.send(admin, "/units");
    expect(h.telegram.lastTextTo(admin.id)).toContain(
      "<s><code>HCTP</code> Phòng Hành chính tư pháp</s>: đã lưu trữ",
    );

    const invitesBefore = await h.db.selectFrom("invites").selectAll().execute();
    await h.send(admin, "/invite HCTP");
    expect(h.telegram.lastTextTo(admin.id)).toContain("đã lưu trữ nên không thể mời thêm");
    expect(await h.db.selectFrom("invites").selectAll().execute()).toEqual(invitesBefore);

    await h.send(lan, `/start ${token}`);
    expect(h.telegram.lastTextTo(lan.id)).toContain("ngừng hoạt động");
    expect(h.telegram.lastButtonsTo(lan.id)).toEqual([]);

    await h.send(admin, "/units restore hctp");
    expect(h.telegram.lastTextTo(admin.id)).toContain("Đã khôi phục đơn vị <code>HCTP</code>");
    expect((await findUnitByCode(h.db, "HCTP"))?.archived_at).toBeNull();
    await h.send(lan, `/start ${token}`);
    expect(h.telegram.lastTextTo(lan.id)).toContain("Phòng Hành chính tư pháp");
    expect(h.telegram.lastButtonsTo(lan.id).map((b) => b.callback_data)).toContain("reg:consent:yes");
  });

  it("says so when archiving or restoring an unknown code", async () => {
    await h.send(admin, "/units archive NOPE");
    expect(h.telegram.lastTextTo(admin.id)).toContain("Không tìm thấy đơn vị có mã <code>NOPE</code>");
    await h.send(admin, "/units restore");
    expect(h.telegram.lastTextTo(admin.id)).toContain("Không tìm thấy đơn vị có mã <code>?</code>");
  });

  it("adds the sample units marked as sample data, and adds nothing the second time", async () => {
    await h.send(admin, "/units add HCTP Phòng Hành chính tư pháp (thật)");
    await h.send(admin, "/units sample");
    const first = h.telegram.lastTextTo(admin.id);
    const expectedCodes = SAMPLE_UNITS.map((u) => u.code).filter((code) => code !== "HCTP");
    expect(first).toContain(`Đã thêm ${expectedCodes.length} đơn vị <b>mẫu</b>`);
    expect(first).toContain("dữ liệu mẫu");
    for (const code of expectedCodes) expect(first).toContain(code);

    const units = await allUnits();
    expect(units).toHaveLength(SAMPLE_UNITS.length);
    for (const unit of units) expect(unit.is_sample).toBe(unit.code === "HCTP" ? 0 : 1);

    await h.send(admin, "/units");
    const list = h.telegram.lastTextTo(admin.id);
    expect(list).toContain("<code>TTR</code> Thanh tra Sở: 0 người (dữ liệu mẫu)");
    expect(list).toContain("<code>HCTP</code> Phòng Hành chính tư pháp (thật): 0 người\n");
    expect(list).toContain("Các đơn vị đánh dấu «dữ liệu mẫu» chỉ để dùng thử");

    await h.send(admin, "/units sample");
    expect(h.telegram.lastTextTo(admin.id)).toContain("Đã thêm 0 đơn vị");
    expect(await allUnits()).toHaveLength(SAMPLE_UNITS.length);
  });

  it("splits a long list into several messages under 4,096 characters, each unit exactly once", async () => {
    const longName = (i: number) =>
      `Phòng thử nghiệm số ${i} ${"chuyên trách công tác cải cách hành chính ".repeat(2)}`;
    const codes = Array.from({ length: 150 }, (_, i) => `U${String(i + 1).padStart(3, "0")}`);
    for (const [i, code] of codes.entries()) await h.send(admin, `/units add ${code} ${longName(i + 1)}`);
    expect(await allUnits()).toHaveLength(150);

    h.telegram.clear();
    await h.send(admin, "/units");
    const pages = h.telegram.textsTo(admin.id);
    expect(pages.length).toBeGreaterThan(1);
    for (const [index, page] of pages.entries()) {
      expect(page.length).toBeLessThanOrEqual(4096);
      expect(page).toContain(`Trang ${index + 1}/${pages.length}`);
    }
    const all = pages.join("\n");
    for (const code of codes) {
      expect(all.split(`<code>${code}</code>`).length - 1, code).toBe(1);
    }
    // No line was cut: every unit line is whole, with its member count at the end.
    const unitLines = all.split("\n").filter((line) => line.startsWith("• "));
    expect(unitLines).toHaveLength(150);
    for (const line of unitLines)
      expect(line).toMatch(/^• <code>U\d{3}<\/code> Phòng thử nghiệm .+: 0 người$/);
  });
});
