import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listNominations } from "../../db/nominations.js";
import { answerWholeIndividualAssessment } from "../helpers/assessment-answers.js";
import { createHarness, type Harness } from "../helpers/harness.js";
import { registerThroughBot } from "../helpers/scenarios.js";
import { type TestUser, user } from "../helpers/updates.js";

/**
 * What the Báo cáo thành tích needs and the bot did not know (date of birth, gender, quê quán, trình độ
 * chuyên môn, nhiệm vụ được giao, awards received): asked in chat when a person is nominated, of the person
 * through the outbox, or filled in by their head; shown in /me and erased with it.
 */
const admin = user(1001, "Admin");
const head = user(2000, "Bình");
const lan = user(2001, "Lan");
const minh = user(2002, "Minh");
const otherHead = user(3000, "Hùng");
const director = user(3001, "Director");
const GK = 2; // the Director's Giấy khen is the third form of the campaign
const TINH = 1;
let h: Harness;

const alert = () => String(h.telegram.callsOf("answerCallbackQuery").at(-1)?.payload.text ?? "");
const inlineData = (person: TestUser) => h.telegram.lastButtonsTo(person.id).map((b) => b.callback_data);
/** The buttons of the last message to `person` containing `text` (the nominee also gets the report's request). */
function buttonsUnder(person: TestUser, text: string): Array<{ text: string; callback_data?: string }> {
  const call = h.telegram
    .callsOf("sendMessage")
    .findLast((c) => Number(c.payload.chat_id) === person.id && String(c.payload.text).includes(text));
  const markup = call?.payload.reply_markup as
    | { inline_keyboard?: Array<Array<{ text: string; callback_data?: string }>> }
    | undefined;
  return markup?.inline_keyboard?.flat() ?? [];
}
/** The reply keyboard of the last message to `person` that had one: the buttons typed as answers. */
function replyButtons(person: TestUser): string[] {
  const markup = h.telegram
    .callsOf("sendMessage")
    .filter((c) => Number(c.payload.chat_id) === person.id)
    .map((c) => c.payload.reply_markup as { keyboard?: Array<Array<{ text: string } | string>> } | undefined)
    .findLast((m) => m?.keyboard);
  return (markup?.keyboard ?? []).flat().map((b) => (typeof b === "string" ? b : b.text));
}
const detailsRow = (telegramId: number) =>
  h.db.selectFrom("profile_details").selectAll().where("telegram_id", "=", telegramId).executeTakeFirst();
const askedNotices = (telegramId: number) =>
  h.db
    .selectFrom("reminder_outbox")
    .selectAll()
    .where("chat_id", "=", telegramId)
    .where("slot_key", "like", "notice:pf-ask:%")
    .execute();

beforeEach(async () => {
  h = await createHarness({ officeAdminIds: [admin.id], now: "2026-12-01T03:00:00Z" });
  await registerThroughBot(h, admin, head, { role: "unit_head", fullName: "Trần Văn Bình" });
  await registerThroughBot(h, admin, lan, { fullName: "Nguyễn Thị Lan" });
  await registerThroughBot(h, admin, minh, { fullName: "Lê Văn Minh" });
  await registerThroughBot(h, admin, otherHead, {
    unitCode: "HTQT",
    unitName: "Phòng Hợp tác quốc tế",
    role: "unit_head",
    fullName: "Phạm Văn Hùng",
  });
  await h.send(admin, "/round open 2026");
  await h.send(lan, "/assess");
  await answerWholeIndividualAssessment(h, lan);
  await h.press(lan, "as:summary:submit");
});
afterEach(() => h.close());

describe("details for the Báo cáo thành tích", () => {
  it("asks Lan once when her head nominates her; she answers all, a bad date asked again; /me shows them; erasing removes them", async () => {
    await h.send(head, "/nominate");
    await h.press(head, `nm:f:${GK}:0`);
    await h.press(head, `nm:a:${GK}:p:${lan.id}`);
    // The head is offered to fill them in; the list's buttons stay the last shown.
    const offer = h.telegram.textsTo(head.id).at(-2) ?? "";
    expect(offer).toContain("Báo cáo thành tích của <b>Nguyễn Thị Lan</b> còn thiếu 6 mục");
    expect(offer).toContain("Bot đã nhắn người đó bổ sung");
    expect(inlineData(head)).toContain(`pf:s:${lan.id}`);
    expect(h.telegram.lastKeyboardTo(head.id)[1]?.text).toContain("☑️ Nguyễn Thị Lan");

    // Proposed for a second form: she is still asked once.
    await h.press(head, `nm:f:${TINH}:0`);
    await h.press(head, `nm:a:${TINH}:p:${lan.id}`);
    await h.settle();
    expect(await askedNotices(lan.id)).toHaveLength(1);
    const notices = h.telegram.textsTo(lan.id).filter((t) => t.includes("Anh/Chị được đề nghị khen thưởng"));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain("Báo cáo thành tích cần thêm 6 mục");
    expect(buttonsUnder(lan, "cần thêm 6 mục").map((b) => [b.text, b.callback_data])).toEqual([
      ["✍️ Bổ sung thông tin cho Báo cáo thành tích", `pf:s:${lan.id}`],
    ]);

    await h.press(lan, `pf:s:${lan.id}`);
    expect(h.telegram.lastTextTo(lan.id)).toContain("bot hỏi lần lượt 6 câu");
    expect(h.telegram.lastTextTo(lan.id)).toContain("<b>Nguyễn Thị Lan</b> · câu 1/6");
    expect(h.telegram.lastTextTo(lan.id)).toContain("Ngày tháng năm sinh");
    expect(replyButtons(lan)).toEqual(["⏭ Bỏ qua"]);

    // 31 February: refused with the reason, asked again, nothing stored.
    await h.send(lan, "31/02/1985");
    expect(h.telegram.lastTextTo(lan.id)).toContain("Không có ngày này trong lịch");
    expect(h.telegram.lastTextTo(lan.id)).toContain("câu 1/6");
    expect(await detailsRow(lan.id)).toBeUndefined();

    await h.send(lan, "05/03/1985");
    expect(h.telegram.lastTextTo(lan.id)).toContain("câu 2/6");
    expect(replyButtons(lan)).toEqual(["Nam", "Nữ", "⏭ Bỏ qua"]);
    await h.send(lan, "Nữ");
    expect(h.telegram.lastTextTo(lan.id)).toContain("Quê quán");
    await h.send(lan, "Xã Đông Sơn, tỉnh Thanh Hóa");
    await h.send(lan, "Cử nhân Luật");
    await h.send(lan, "Theo dõi hộ tịch <b>và</b> chứng thực");
    expect(h.telegram.lastTextTo(lan.id)).toContain("câu 6/6");
    await h.send(
      lan,
      "2024 - Giấy khen của Giám đốc Sở - 12/QĐ-STP\n2021 - Bằng khen của Chủ tịch UBND tỉnh",
    );

    const summary = h.telegram.lastTextTo(lan.id);
    expect(summary).toContain("Đã lưu thông tin cho Báo cáo thành tích của <b>Nguyễn Thị Lan</b>");
    expect(summary).toContain("Ngày sinh: 05/03/1985");
    expect(summary).toContain("Giới tính: Nữ");
    expect(summary).toContain("Quê quán: Xã Đông Sơn, tỉnh Thanh Hóa");
    expect(summary).toContain("Trình độ chuyên môn: Cử nhân Luật");
    expect(summary).toContain("Nhiệm vụ được giao: Theo dõi hộ tịch &lt;b&gt;và&lt;/b&gt; chứng thực");
    expect(summary).toContain("• 2024 - Giấy khen của Giám đốc Sở - 12/QĐ-STP");
    expect(summary).toContain("• 2021 - Bằng khen của Chủ tịch UBND tỉnh");
    expect(summary).not.toContain("chưa có");
    const last = h.telegram.callsOf("sendMessage").at(-1)?.payload.reply_markup;
    expect(last).toEqual({ remove_keyboard: true });

    const stored = await detailsRow(lan.id);
    expect(stored).toMatchObject({
      date_of_birth: "1985-03-05",
      gender: "female",
      hometown: "Xã Đông Sơn, tỉnh Thanh Hóa",
      qualification: "Cử nhân Luật",
      duties: "Theo dõi hộ tịch <b>và</b> chứng thực",
      updated_by: lan.id,
    });
    expect(JSON.parse(stored?.awards ?? "null")).toEqual([
      { year: 2024, form: "Giấy khen của Giám đốc Sở", decision: "12/QĐ-STP" },
      { year: 2021, form: "Bằng khen của Chủ tịch UBND tỉnh", decision: null },
    ]);

    // Nominated again later in the round, nothing is missing: neither asked nor offered.
    const tinh = (await listNominations(h.db, 2026)).find((n) => n.form_id === "bang-khen-chu-tich-tinh");
    await h.press(head, `nm:x:${tinh?.id}`);
    await h.press(head, `nm:a:${TINH}:p:${lan.id}`);
    expect((await listNominations(h.db, 2026)).filter((n) => n.nominee_id === lan.id)).toHaveLength(2);
    expect(h.telegram.textsTo(head.id).filter((t) => t.includes("còn thiếu"))).toHaveLength(2);
    await h.settle();
    expect(await askedNotices(lan.id)).toHaveLength(1);

    // /me shows them, with the button to change them.
    await h.send(lan, "/me");
    const me = h.telegram.lastTextTo(lan.id);
    expect(me).toContain("<b>Thông tin cho Báo cáo thành tích</b>");
    expect(me).toContain("Ngày sinh: 05/03/1985");
    expect(me).toContain("• 2021 - Bằng khen của Chủ tịch UBND tỉnh");
    expect(inlineData(lan)).toContain(`pf:s:${lan.id}`);

    // Changing one: a date too young for work is refused and what is stored stays.
    await h.press(lan, `pf:s:${lan.id}`);
    expect(h.telegram.lastTextTo(lan.id)).toContain("Hiện có: 05/03/1985");
    await h.send(lan, "01/01/2020");
    expect(h.telegram.lastTextTo(lan.id)).toContain("tuổi ngoài khoảng 18–75");
    await h.send(lan, "/cancel");
    expect(h.telegram.lastTextTo(lan.id)).toContain("Các câu trả lời trước đó vẫn được lưu");
    expect(h.telegram.callsOf("sendMessage").at(-1)?.payload.reply_markup).toEqual({ remove_keyboard: true });
    expect((await detailsRow(lan.id))?.date_of_birth).toBe("1985-03-05");

    // Erasing her data: the confirmation names them, and they go.
    await h.press(lan, "me:delete");
    expect(h.telegram.lastTextTo(lan.id)).toContain("Cùng thông tin cho Báo cáo thành tích");
    await h.press(lan, "me:delete:yes");
    expect(await detailsRow(lan.id)).toBeUndefined();
  });

  it("lets the head fill in Minh's, skipping what they do not know; Minh sees them in /me", async () => {
    await h.send(head, "/nominate");
    await h.press(head, `nm:f:${GK}:0`);
    await h.press(head, `nm:a:${GK}:p:${minh.id}`);
    await h.send(head, "Hoàn thành xuất sắc đề án số hoá hồ sơ");
    const texts = h.telegram.textsTo(head.id);
    expect(texts.at(-2)).toContain("Báo cáo thành tích của <b>Lê Văn Minh</b> còn thiếu 6 mục");
    expect(texts.at(-1)).toContain("Đã đề nghị <b>Lê Văn Minh</b>");

    await h.press(head, `pf:s:${minh.id}`);
    expect(h.telegram.lastTextTo(head.id)).toContain("<b>Lê Văn Minh</b> · câu 1/6");
    await h.send(head, "12/8/1990");
    await h.send(head, "⏭ Bỏ qua");
    expect(h.telegram.lastTextTo(head.id)).toContain("câu 3/6");
    await h.send(head, "Phường Nam Định, tỉnh Ninh Bình");
    await h.send(head, "Thạc sĩ Luật");
    await h.send(head, "Công chứng, chứng thực");
    await h.send(head, "không");
    const summary = h.telegram.lastTextTo(head.id);
    expect(summary).toContain("Đã lưu thông tin cho Báo cáo thành tích của <b>Lê Văn Minh</b>");
    expect(summary).toContain("Giới tính: <i>chưa có</i>");
    expect(summary).toContain("Hình thức khen thưởng đã được nhận: không có");
    expect(summary).toContain("Còn 1 mục chưa có");
    expect(await detailsRow(minh.id)).toMatchObject({
      date_of_birth: "1990-08-12",
      gender: null,
      hometown: "Phường Nam Định, tỉnh Ninh Bình",
      awards: "[]",
      updated_by: head.id,
    });

    // Minh was asked too, and sees what his head typed.
    await h.settle();
    expect(h.telegram.textsTo(minh.id).some((t) => t.includes("Anh/Chị được đề nghị khen thưởng"))).toBe(
      true,
    );
    await h.send(minh, "/me");
    expect(h.telegram.lastTextTo(minh.id)).toContain("Trình độ chuyên môn: Thạc sĩ Luật");
    expect(h.telegram.lastTextTo(minh.id)).toContain("Ngày sinh: 12/08/1990");
  });

  it("refuses another unit's head, a colleague and the Office for a unit whose head proposes", async () => {
    for (const stranger of [otherHead, minh, admin]) {
      await h.press(stranger, `pf:s:${lan.id}`);
      expect(alert()).toBe("Chỉ người đó hoặc trưởng đơn vị của họ mới được bổ sung thông tin này.");
      // No question was opened: what they type next is not taken as Lan's date of birth.
      await h.send(stranger, "05/03/1985");
    }
    expect(await detailsRow(lan.id)).toBeUndefined();
    expect(h.telegram.textsTo(otherHead.id).some((t) => t.includes("câu 1/6"))).toBe(false);
  });

  it("refuses a gender not from the buttons, and stores nothing until one is given", async () => {
    await h.press(lan, `pf:s:${lan.id}`);
    await h.send(lan, "⏭ Bỏ qua");
    await h.send(lan, "Khác");
    expect(h.telegram.lastTextTo(lan.id)).toContain("Vui lòng bấm Nam hoặc Nữ");
    expect(h.telegram.lastTextTo(lan.id)).toContain("câu 2/6");
    expect(await detailsRow(lan.id)).toBeUndefined();
    await h.send(lan, "Nữ");
    expect((await detailsRow(lan.id))?.gender).toBe("female");
  });

  it("in English for one who chose it: the notice, the questions and the refusals", async () => {
    await h.send(minh, "/lang");
    await h.press(minh, "lang:en");
    await h.send(head, "/nominate");
    await h.press(head, `nm:f:${GK}:0`);
    await h.press(head, `nm:a:${GK}:p:${minh.id}`);
    await h.send(head, "Hoàn thành xuất sắc đề án số hoá hồ sơ");
    await h.settle();
    expect(
      h.telegram.textsTo(minh.id).some((t) => t.includes("The Báo cáo thành tích needs 6 details")),
    ).toBe(true);
    expect(buttonsUnder(minh, "needs 6 details").map((b) => b.text)).toEqual([
      "✍️ Add details for the Báo cáo thành tích",
    ]);
    await h.press(minh, `pf:s:${minh.id}`);
    expect(h.telegram.lastTextTo(minh.id)).toContain("<b>Lê Văn Minh</b> · question 1/6");
    await h.send(minh, "1990-08-12");
    expect(h.telegram.lastTextTo(minh.id)).toContain("is not day/month/year");
    await h.send(minh, "12/08/1990");
    expect(replyButtons(minh)).toEqual(["Male", "Female", "⏭ Skip"]);
    await h.send(minh, "Male");
    expect((await detailsRow(minh.id))?.gender).toBe("male");
  });

  it("lets the Office fill in the details of those it proposes (the Ban Giám đốc)", async () => {
    await h.send(admin, "/units sample");
    await registerThroughBot(h, admin, director, {
      unitCode: "BGD",
      unitName: "Ban Giám đốc",
      fullName: "Phạm Minh Đức",
      position: "Giám đốc Sở",
    });
    const bgd = await h.db
      .selectFrom("units")
      .select(["id", "office_proposes"])
      .where("code", "=", "BGD")
      .executeTakeFirst();
    expect(bgd?.office_proposes).toBe(1);
    await h.press(admin, `nm:a:${GK}:p:${director.id}:0@${bgd?.id}`);
    await h.send(admin, "Chỉ đạo hoàn thành xuất sắc công tác cải cách hành chính");
    expect(h.telegram.textsTo(admin.id).at(-2)).toContain(
      "Báo cáo thành tích của <b>Phạm Minh Đức</b> còn thiếu 6 mục",
    );
    await h.press(admin, `pf:s:${director.id}`);
    await h.send(admin, "20/10/1970");
    await h.send(admin, "/cancel");
    expect(await detailsRow(director.id)).toMatchObject({
      date_of_birth: "1970-10-20",
      updated_by: admin.id,
    });
    // The Office is no proposer of Lan's unit: her head is.
    await h.press(admin, `pf:s:${lan.id}`);
    expect(alert()).toBe("Chỉ người đó hoặc trưởng đơn vị của họ mới được bổ sung thông tin này.");
  });
});
