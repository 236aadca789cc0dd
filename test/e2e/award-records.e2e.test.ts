import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/connection.js";
import { councilPasses } from "../helpers/scenarios.js";
import type { BotMessage, FakeUser } from "./bot-api-emulator.js";
import { button, buttonsOf, E2eWorld } from "./e2e-helpers.js";

const admin: FakeUser = { id: 7501, first_name: "Hà", language_code: "vi" };
const hung: FakeUser = { id: 7502, first_name: "Hùng", language_code: "vi" };
const minh: FakeUser = { id: 7503, first_name: "Minh", language_code: "vi" };

const ZONE = "Asia/Ho_Chi_Minh";
/** The process runs on the real clock: the round is this year's, and the decision is dated today. */
const YEAR = new Intl.DateTimeFormat("en", { timeZone: ZONE, year: "numeric" }).format(new Date());
const TODAY = new Intl.DateTimeFormat("en-GB", {
  timeZone: ZONE,
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
}).format(new Date());
const MINH = "Trần Văn Minh";
const GK = 2;
const DECISION = `Quyết định số 125/QĐ-STP ngày ${TODAY} của Giám đốc Sở Tư pháp tỉnh Ninh Bình`;

let world: E2eWorld;

beforeEach(async () => {
  world = await E2eWorld.start({ officeAdminIds: [admin.id] });
});
afterEach(async () => {
  await world.stop();
});

function labelled(message: BotMessage, label: string): string {
  const found = (message.reply_markup?.inline_keyboard ?? [])
    .flat()
    .find((b) => b.text.includes(label) && b.callback_data);
  if (!found?.callback_data)
    throw new Error(`no button "${label}" on ${JSON.stringify(message.reply_markup)}`);
  return found.callback_data;
}

describe("award records through the real bot process", () => {
  it("nominate, send, award with a decision, erase the nominee, restart: the record and the quota stay", async () => {
    await world.startBot();
    await world.say(admin, "/start", /Văn phòng Sở/);
    await world.say(admin, "/units add HCTP Phòng Hành chính tư pháp", /Đã thêm đơn vị/);
    await world.say(admin, `/round open ${YEAR}`, /Đã mở kỳ xét khen thưởng/);
    await world.register(
      hung,
      await world.createInvite(admin, "HCTP", "head"),
      "Lê Văn Hùng",
      "Trưởng phòng",
    );
    await world.register(minh, await world.createInvite(admin, "HCTP"), MINH, "Chuyên viên");

    // The head proposes Minh for the Director's Giấy khen, with a reason, and sends the dossier.
    // /nominate opens on the first form, the Giấy khen.
    const form = await world.say(hung, "/nominate", /Giấy khen của Giám đốc Sở — /);
    await world.press(hung, form, `nm:a:${GK}:p:${minh.id}:0`, /chưa có kết quả tự đánh giá/);
    await world.say(hung, "Hoàn thành xuất sắc đề án số hoá hồ sơ", /Đã đề nghị/);
    let dossier = await world.say(hung, "/dossier", /Còn thiếu 2 tài liệu/);
    for (const fileName of ["to-trinh.pdf", "bao-cao-minh.pdf"]) {
      await world.press(hung, dossier, labelled(dossier, "📎"), /Vui lòng gửi tệp/);
      dossier = await world.after(
        hung,
        () =>
          world.emulator.sendDocument(hung, {
            file_name: fileName,
            mime_type: "application/pdf",
            file_size: 1000,
          }),
        /Đã nhận tệp \(bản 1\)/,
      );
    }
    await world.press(hung, dossier, "ds:sub!", /đã nộp lúc/);
    // Minh hears that his nomination went to the Office.
    await world.emulator.waitForMessage(minh.id, (m) =>
      /đã được đơn vị gửi Văn phòng Sở/.test(m.plain_text ?? ""),
    );

    // The Office reviews, recommends, and records the award with its decision.
    const list = await world.say(admin, "/nominations", /Đề nghị khen thưởng năm/);
    let card = await world.press(admin, list, labelled(list, MINH), /Kết quả tự đánh giá khi đề nghị/);
    const id = /#(\d+)/.exec(card.plain_text ?? "")?.[1];
    card = await world.press(admin, card, `nt:${id}:under_review`, /Trạng thái: Văn phòng Sở đang thẩm định/);
    card = await world.press(admin, card, `nt:${id}:recommended`, /Trạng thái: đã trình Hội đồng/);
    // The Council passes it (its meeting is another test's subject), and the Office opens the card again.
    const council = openDatabase(join(world.dir, "thidua.sqlite"));
    try {
      await councilPasses(council, Number(id), new Date());
    } finally {
      await council.destroy();
    }
    const passed = await world.say(admin, "/nominations", /Hội đồng Thi đua - Khen thưởng đã thông qua/);
    card = await world.press(admin, passed, labelled(passed, MINH), /Kết quả tự đánh giá khi đề nghị/);
    await world.press(admin, card, `nt:${id}:awarded`, /số, ký hiệu quyết định/);
    await world.say(admin, "125/QĐ-STP", /ngày ký quyết định/);
    await world.say(admin, TODAY, /cơ quan, người ban hành/);
    const check = await world.say(
      admin,
      "Giám đốc Sở Tư pháp tỉnh Ninh Bình",
      /Vui lòng kiểm tra trước khi ghi nhận/,
    );
    expect(check.plain_text).toContain(DECISION);
    card = await world.press(admin, check, `aw:ok:${id}`, /Quyết định khen thưởng:/);
    expect(card.plain_text).toContain(`Quyết định khen thưởng: ${DECISION}`);
    for (const person of [hung, minh]) {
      const told = await world.emulator.waitForMessage(person.id, (m) =>
        /đã được khen thưởng:/.test(m.plain_text ?? ""),
      );
      expect(told.plain_text).toContain(DECISION);
    }

    // Minh erases his data; the bot said beforehand what stays.
    const me = await world.say(minh, "/me", button("me:delete"));
    const warning = await world.press(minh, me, "me:delete", /Được giữ lại/);
    expect(warning.plain_text).toContain(`• Giấy khen Giám đốc Sở năm ${YEAR} (đã được khen thưởng)`);
    await world.press(minh, warning, "me:delete:yes", /được giữ lại làm hồ sơ của Sở/);
    const left = await world.emulator.waitForMessage(hung.id, (m) =>
      /đã xóa dữ liệu cá nhân/.test(m.plain_text ?? ""),
    );
    expect(left.plain_text).toContain(`Giấy khen Giám đốc Sở năm ${YEAR} (đã được khen thưởng)`);

    // A restart changes nothing of it.
    const [first] = world.bots;
    await first?.kill("SIGKILL");
    await world.startBot();
    const quota = await world.say(admin, "/quota", /Số lượng khen thưởng năm/);
    expect(quota.plain_text).toContain(
      "Cá nhân: 1/10 tính từ bước “Hội đồng Thi đua - Khen thưởng đã thông qua”",
    );
    const after = await world.say(admin, "/nominations", /Đề nghị khen thưởng năm/);
    expect(after.plain_text).toContain(`${MINH}`);
    expect(after.plain_text).toContain("đã được khen thưởng · 125/QĐ-STP");
    const kept = await world.press(admin, after, labelled(after, MINH), /Quyết định khen thưởng:/);
    expect(kept.plain_text).toContain(DECISION);
    expect(kept.plain_text).toContain("Người được đề nghị đã xóa dữ liệu cá nhân khỏi bot");
    expect(buttonsOf(kept).some((data) => data.startsWith("ds:doc:"))).toBe(true);

    // In the database: the record under his name, not his Telegram id; the person gone.
    const db = openDatabase(join(world.dir, "thidua.sqlite"));
    try {
      const nomination = await db.selectFrom("nominations").selectAll().executeTakeFirstOrThrow();
      expect(nomination).toMatchObject({
        nominee_name: MINH,
        status: "awarded",
        decision_number: "125/QĐ-STP",
      });
      expect(nomination.nominee_id).toBeLessThan(0);
      expect(
        await db.selectFrom("users").select("telegram_id").where("telegram_id", "=", minh.id).execute(),
      ).toEqual([]);
      expect(
        await db.selectFrom("dossier_file_versions").select("file_name").orderBy("id").execute(),
      ).toEqual([{ file_name: "to-trinh.pdf" }, { file_name: "bao-cao-minh.pdf" }]);
      expect(
        (await db.selectFrom("nomination_history").select("to_status").orderBy("id").execute()).map(
          (e) => e.to_status,
        ),
      ).toEqual(["draft", "submitted", "under_review", "recommended", "council_passed", "awarded"]);
    } finally {
      await db.destroy();
    }
  });
});
