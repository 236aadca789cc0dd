import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { answerWholeIndividualAssessment } from "../helpers/assessment-answers.js";
import { createHarness, type Harness } from "../helpers/harness.js";
import { createInviteToken, registerThroughBot } from "../helpers/scenarios.js";
import { user } from "../helpers/updates.js";

const admin = user(1001, "Admin");
const headA = user(2000, "Bình");
const headB = user(3000, "Hùng");
const lan = user(2001, "Lan");
let h: Harness;

const unitOf = async (telegramId: number) =>
  (
    await h.db
      .selectFrom("users")
      .innerJoin("units", "units.id", "users.unit_id")
      .select("units.code")
      .where("telegram_id", "=", telegramId)
      .executeTakeFirst()
  )?.code;

beforeEach(async () => {
  h = await createHarness({ officeAdminIds: [admin.id], now: "2026-12-01T09:00:00+07:00" });
  await registerThroughBot(h, admin, headA, { role: "unit_head", fullName: "Trần Văn Bình" });
  await registerThroughBot(h, admin, lan, { fullName: "Nguyễn Thị Lan" });
  await registerThroughBot(h, admin, headB, {
    unitCode: "KT",
    unitName: "Phòng Kế toán",
    role: "unit_head",
    fullName: "Lê Văn Hùng",
  });
  await h.send(admin, "/round open 2026");
  // Everyone hears of the round now, so that what follows reads only the notices it causes.
  await h.settle();
});
afterEach(() => h.close());

/** Lan opens the Phòng Kế toán staff link and taps "Chuyển". */
async function lanTapsMove(): Promise<void> {
  const token = await createInviteToken(h, admin, "KT");
  await h.send(lan, `/start ${token}`);
  await h.press(lan, `inv:accept:${token}`);
}

describe("a registered person who opens another unit's staff link", () => {
  it("moves at once when the unit counts on nothing of theirs yet, and both heads are told", async () => {
    await lanTapsMove();
    expect(h.telegram.lastTextTo(lan.id)).toContain("Đã chuyển: Anh/Chị nay thuộc <b>Phòng Kế toán</b>");
    expect(await unitOf(lan.id)).toBe("KT");
    await h.settle();
    const told =
      "🔁 <b>Nguyễn Thị Lan</b> đã chuyển từ <b>Phòng Hành chính tư pháp</b> sang <b>Phòng Kế toán</b> (công chức, viên chức, người lao động).";
    expect(h.telegram.lastTextTo(headA.id)).toBe(told);
    expect(h.telegram.lastTextTo(headB.id)).toBe(told);
  });

  it("with a self-assessment sent, moves only when the Office approves; until then stays and is told so", async () => {
    await h.send(lan, "/assess");
    await answerWholeIndividualAssessment(h, lan);
    await h.press(lan, "as:summary:submit");

    await lanTapsMove();
    expect(h.telegram.lastTextTo(lan.id)).toContain("cần Văn phòng Sở đồng ý");
    expect(h.telegram.lastTextTo(lan.id)).toContain("Anh/Chị vẫn thuộc <b>Phòng Hành chính tư pháp</b>");
    expect(await unitOf(lan.id)).toBe("HCTP");

    await h.settle();
    expect(h.telegram.lastTextTo(admin.id)).toContain(
      "🔁 <b>Nguyễn Thị Lan</b> (Phòng Hành chính tư pháp, công chức, viên chức, người lao động) xin chuyển sang <b>Phòng Kế toán</b>",
    );
    const buttons = h.telegram.lastKeyboardTo(admin.id);
    expect(buttons.map((b) => b.text)).toEqual(["✅ Đồng ý chuyển", "✖️ Không đồng ý"]);
    // Nobody else may answer it.
    await h.press(headA, buttons[0]?.callback_data ?? "");
    expect(await unitOf(lan.id)).toBe("HCTP");

    await h.press(admin, buttons[0]?.callback_data ?? "");
    expect(h.telegram.lastTextTo(admin.id)).toContain("✅ Đã đồng ý: <b>Nguyễn Thị Lan</b>");
    expect(await unitOf(lan.id)).toBe("KT");
    await h.settle();
    expect(h.telegram.lastTextTo(lan.id)).toBe(
      "✅ Văn phòng Sở đã đồng ý: Anh/Chị nay thuộc <b>Phòng Kế toán</b> (công chức, viên chức, người lao động).",
    );
    expect(h.telegram.lastTextTo(headA.id)).toContain("🔁 <b>Nguyễn Thị Lan</b> đã chuyển từ");
    expect(h.telegram.lastTextTo(headB.id)).toContain("🔁 <b>Nguyễn Thị Lan</b> đã chuyển từ");

    // A second press on the same request changes nothing.
    await h.press(admin, buttons[1]?.callback_data ?? "");
    expect(await unitOf(lan.id)).toBe("KT");
  });

  it("with a nomination standing, stays when the Office refuses, and is told", async () => {
    await h.send(headA, "/nominate");
    await h.press(headA, "nm:f:2:0");
    await h.press(headA, `nm:a:2:p:${lan.id}`);
    await h.send(headA, "Hoàn thành xuất sắc đề án số hóa hồ sơ");

    await lanTapsMove();
    await h.settle();
    const refuse = h.telegram.lastKeyboardTo(admin.id)[1]?.callback_data ?? "";
    await h.press(admin, refuse);
    expect(h.telegram.lastTextTo(admin.id)).toContain("✖️ Không đồng ý: <b>Nguyễn Thị Lan</b> vẫn thuộc");
    await h.settle();
    expect(await unitOf(lan.id)).toBe("HCTP");
    expect(h.telegram.lastTextTo(lan.id)).toContain(
      "Văn phòng Sở không đồng ý việc chuyển sang <b>Phòng Kế toán</b>: Anh/Chị vẫn thuộc <b>Phòng Hành chính tư pháp</b>",
    );
  });
});
