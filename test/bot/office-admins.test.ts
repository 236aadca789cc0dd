import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listNominations, nominationHistory } from "../../db/nominations.js";
import { planDueReminders } from "../../src/reminders/plan.js";
import { createHarness, type Harness } from "../helpers/harness.js";
import { registerThroughBot } from "../helpers/scenarios.js";
import { user } from "../helpers/updates.js";

const admin = user(1001, "Admin");
const officeMember = user(1002, "Office");
const head = user(2000, "Bình");
const lan = user(2001, "Lan");
const GK = 2; // the Director's Giấy khen is the third form of the campaign
let h: Harness;

beforeEach(async () => {
  h = await createHarness({ officeAdminIds: [admin.id], now: "2026-12-01T09:00:00+07:00" });
});
afterEach(() => h.close());

/** The admin's first /start: the greeting, then the same questions as anyone joining. */
async function adminGivesName(): Promise<void> {
  await h.send(admin, "/start");
  const texts = h.telegram.textsTo(admin.id);
  expect(texts.at(-2)).toContain("giúp Văn phòng Sở tổ chức phong trào thi đua");
  expect(texts.at(-1)).toContain("Anh/Chị là quản trị viên <b>Văn phòng Sở</b> theo cấu hình của bot");
  await h.press(admin, "reg:consent:yes");
  expect(h.telegram.lastTextTo(admin.id)).toContain("họ và tên");
  await h.send(admin, "Phạm Thu Hà");
  expect(h.telegram.lastTextTo(admin.id)).toContain("chức vụ");
  await h.send(admin, "Chánh Văn phòng");
  expect(h.telegram.lastTextTo(admin.id)).toContain("Đơn vị: <b>Văn phòng Sở</b>");
  await h.press(admin, "reg:end:confirm");
  expect(h.telegram.lastTextTo(admin.id)).toContain(
    "Đăng ký xong. Chào mừng Anh/Chị <b>Phạm Thu Hà</b> (Văn phòng Sở)!",
  );
}

describe("an Office admin named in OFFICE_ADMIN_IDS", () => {
  it("is asked for a name and position at the first /start, and only then", async () => {
    await adminGivesName();
    // No unit, so no row among the units' people; a profile of their own.
    expect(await h.db.selectFrom("users").selectAll().execute()).toEqual([]);
    expect(
      await h.db.selectFrom("office_profiles").select(["telegram_id", "full_name", "position"]).execute(),
    ).toEqual([{ telegram_id: admin.id, full_name: "Phạm Thu Hà", position: "Chánh Văn phòng" }]);

    await h.send(admin, "/start");
    expect(h.telegram.lastTextTo(admin.id)).toContain("giúp Văn phòng Sở tổ chức phong trào thi đua");
    expect(h.telegram.lastTextTo(admin.id)).not.toContain("đồng ý");
    await h.send(admin, "/me");
    expect(h.telegram.lastTextTo(admin.id)).toContain("Họ và tên: <b>Phạm Thu Hà</b>");
  });

  it("appears by name in a nomination's history, and gets the digest like an invited Office member", async () => {
    await adminGivesName();
    await registerThroughBot(h, admin, head, { role: "unit_head", fullName: "Trần Văn Bình" });
    await registerThroughBot(h, admin, lan, { fullName: "Nguyễn Thị Lan" });
    await registerThroughBot(h, admin, officeMember, {
      unitCode: "VP",
      unitName: "Văn phòng",
      role: "office",
      fullName: "Đỗ Văn Nam",
    });
    await h.send(admin, "/round open 2026");

    await h.send(head, "/nominate");
    await h.press(head, `nm:f:${GK}:0`);
    await h.press(head, `nm:a:${GK}:p:${lan.id}`);
    await h.send(head, "Hoàn thành xuất sắc đề án số hóa hồ sơ");
    const [nomination] = await listNominations(h.db, 2026);
    // The dossier's sending is not what this test is about: the nomination stands as sent.
    await h.db
      .updateTable("nominations")
      .set({ status: "submitted" })
      .where("id", "=", nomination?.id ?? 0)
      .execute();

    await h.press(admin, `no:${nomination?.id}`);
    await h.press(admin, `nt:${nomination?.id}:under_review`);
    const history = await nominationHistory(h.db, nomination?.id ?? 0);
    expect(history.at(-1)?.by_name).toBe("Phạm Thu Hà");
    await h.press(officeMember, `no:${nomination?.id}`);
    expect(h.telegram.lastTextTo(officeMember.id)).toContain(
      "· Phạm Thu Hà: chờ Văn phòng Sở tiếp nhận → Văn phòng Sở đang thẩm định",
    );

    // 22/12 08:00, 14 days before the deadline: the Office's first digest, to the admin and the invited member.
    await planDueReminders(h.deps, new Date("2026-12-22T08:00:00+07:00"));
    const digests = await h.db
      .selectFrom("reminder_outbox")
      .select("chat_id")
      .where("kind", "=", "digest")
      .orderBy("chat_id")
      .execute();
    expect(digests.map((row) => row.chat_id)).toEqual([admin.id, officeMember.id]);
  });
});
