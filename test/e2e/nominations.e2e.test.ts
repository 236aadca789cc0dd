import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrateToLatest, openDatabase } from "../../db/connection.js";
import { addNomination } from "../../db/nominations.js";
import { addUnit } from "../../db/units.js";
import { loadCampaign } from "../../src/campaign/load.js";
import { parseCsv } from "../helpers/csv.js";
import { reviewedAndPassed } from "../helpers/scenarios.js";
import type { BotMessage, DocumentInfo, FakeUser } from "./bot-api-emulator.js";
import type { BotProcess } from "./bot-process.js";
import { button, buttonsOf, E2eWorld, type Expected } from "./e2e-helpers.js";

const admin: FakeUser = { id: 7401, first_name: "Hà", language_code: "vi" };
const hung: FakeUser = { id: 7402, first_name: "Hùng", language_code: "vi" };
const lan: FakeUser = { id: 7403, first_name: "Lan", language_code: "vi" };
const minh: FakeUser = { id: 7404, first_name: "Minh", language_code: "vi" };

/** The process runs on the real clock: the round to open is the current year in Asia/Ho_Chi_Minh. */
const YEAR = new Intl.DateTimeFormat("en", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric" }).format(
  new Date(),
);
const DECISION_DATE = `01/01/${YEAR}`;
const UNIT = "Phòng Hành chính tư pháp";
const HEAD = "Lê Văn Hùng";
const LAN = "Nguyễn Thị Lan";
const MINH = "Trần Văn Minh";
/** The Director's Giấy khen: the third award form, whose quota is 4 collectives and 10 individuals. */
const GK = 2;
const GK_FORM = loadCampaign().awardForms[GK];
const MINH_REASON = "Hoàn thành xuất sắc đề án số hoá hồ sơ";
const UNIT_REASON = "Tập thể đoàn kết, hoàn thành tốt nhiệm vụ năm";
const RETURN_REASON = "Thiếu số liệu minh chứng trong báo cáo thành tích";
/** Other units whose collective Giấy khen the Council already passed: together they fill the quota of 4. */
const OTHER_UNITS = [
  ["BTTP", "Phòng Bổ trợ tư pháp"],
  ["PBGD", "Phòng Phổ biến, giáo dục pháp luật"],
  ["TTS", "Thanh tra Sở"],
  ["VPS", "Văn phòng Sở"],
] as const;
const AREAS = [
  "the-che",
  "thu-tuc-hanh-chinh",
  "to-chuc-bo-may",
  "che-do-cong-vu",
  "tai-chinh-cong",
  "chinh-quyen-so",
];

let world: E2eWorld;

const databasePath = () => join(world.dir, "thidua.sqlite");

/** The callback data on `message` for `prefix`, whether or not the button carries a page after it. */
function dataFor(message: BotMessage, prefix: string): string {
  const found = buttonsOf(message).find(
    (data) =>
      data === prefix || (data.startsWith(`${prefix}:`) && /^\d+$/.test(data.slice(prefix.length + 1))),
  );
  if (!found) throw new Error(`no button ${prefix} on message: ${JSON.stringify(buttonsOf(message))}`);
  return found;
}

function buttonTexts(message: BotMessage): string[] {
  return (message.reply_markup?.inline_keyboard ?? []).flat().map((b) => b.text);
}

/** The callback data of the button whose label contains `label`. */
function dataOfLabel(message: BotMessage, label: string): string {
  const found = (message.reply_markup?.inline_keyboard ?? [])
    .flat()
    .find((b) => b.text.includes(label) && b.callback_data);
  if (!found?.callback_data)
    throw new Error(`no button labelled "${label}" on message: ${JSON.stringify(buttonTexts(message))}`);
  return found.callback_data;
}

/** Does `act` and waits for the bot's next message (sent or edited) in `user`'s chat that passes `predicate`. */
async function until(
  user: FakeUser,
  act: () => unknown,
  predicate: (message: BotMessage) => boolean,
): Promise<BotMessage> {
  const since = world.emulator.mark();
  act();
  return world.emulator.waitForMessage(user.id, predicate, { since });
}

/** Presses a button that is answered with a pop-up (a refusal): returns the pop-up's text. */
async function alertOn(user: FakeUser, message: BotMessage, data: string): Promise<string> {
  const since = world.emulator.mark();
  const { callback_query_id } = world.emulator.pressButton(user, message, data);
  const call = await world.emulator.waitForCall(
    "answerCallbackQuery",
    (c) => String(c.payload.callback_query_id) === callback_query_id,
    { since },
  );
  expect(call.payload.show_alert).toBe(true);
  return String(call.payload.text ?? "");
}

/** A person's chat: `question` is the last message whose buttons they press next. */
class Person {
  question: BotMessage | undefined;

  constructor(readonly user: FakeUser) {}

  async say(text: string, expected: Expected): Promise<BotMessage> {
    this.question = await world.say(this.user, text, expected);
    return this.question;
  }

  async press(data: string, expected: Expected): Promise<BotMessage> {
    if (!this.question) throw new Error(`${this.user.first_name} has no message to press "${data}" on`);
    this.question = await world.press(this.user, this.question, data, expected);
    return this.question;
  }
}

/** Lan's whole self-assessment, every criterion met, submitted: she is eligible for every form. */
async function submitFullAssessment(p: Person): Promise<void> {
  const account = async (id: string, text: string, next: Expected) => {
    await p.press(`as:c:${id}:met:yes`, /tóm tắt ngắn/);
    await p.say(text, button(`as:c:${id}:files:done`));
    await p.press(`as:c:${id}:files:done`, next);
  };
  await p.say("/assess", button("as:c:chap-hanh:met:yes"));
  await account("chap-hanh", "Chấp hành nghiêm kỷ luật, kỷ cương.", button("as:c:nhiem-vu-cchc:met:yes"));
  await account("nhiem-vu-cchc", "Hoàn thành 100% nhiệm vụ.", button("as:c:van-ban-chi-dao:met:yes"));
  await account("van-ban-chi-dao", "Tham mưu 3 văn bản chỉ đạo.", button("as:c:sang-kien:met:yes"));
  await p.press("as:c:sang-kien:met:yes", /Tên sáng kiến/);
  await p.say("Số hóa hồ sơ lý lịch tư pháp", /Số quyết định/);
  await p.say("125/QĐ-STP", /Ngày ký/);
  await p.say(DECISION_DATE, button("as:c:sang-kien:council:tinh"));
  await p.press("as:c:sang-kien:council:tinh", button("as:c:sang-kien:files:done"));
  await p.press("as:c:sang-kien:files:done", button("as:c:thu-tuc-hanh-chinh:met:yes"));
  await account("thu-tuc-hanh-chinh", "Không có hồ sơ trễ hẹn.", button("as:c:xep-loai:rating:xuat-sac"));
  await p.press("as:c:xep-loai:rating:xuat-sac", button("as:a:the-che:skip"));
  for (const [index, area] of AREAS.entries()) {
    const following = AREAS[index + 1];
    const next = following ? button(`as:a:${following}:skip`) : button("as:summary:submit");
    if (index % 2 === 0) await p.say(`Kết quả: ${area}.`, next);
    else await p.press(`as:a:${area}:skip`, next);
  }
  await p.press("as:summary:submit", /Đã nộp\. Cảm ơn/);
}

/**
 * Writes four more units into the bot's database, each with its collective Giấy khen already passed by the
 * Council: the form's quota of 4 collectives is full. Only while no bot process runs.
 */
async function seedFullCollectiveQuota(formId: string): Promise<void> {
  const db = openDatabase(databasePath());
  try {
    await migrateToLatest(db);
    const now = new Date();
    for (const [code, name] of OTHER_UNITS) {
      const unit = await addUnit(db, { code, name }, now);
      if (!unit) throw new Error(`unit ${code} exists already`);
      const nomination = await addNomination(
        db,
        {
          year: Number(YEAR),
          unitId: unit.id,
          formId,
          nomineeKind: "collective",
          nomineeId: unit.id,
          nomineeName: name,
          eligible: true,
          resultSummary: JSON.stringify({ met: 3, total: 3, progress: "submitted" }),
          reason: null,
          by: admin.id,
          byRole: "office",
          updateId: null,
        },
        now,
      );
      if (!nomination) throw new Error(`no nomination for ${code}`);
      await reviewedAndPassed(db, nomination.id, admin.id, now);
    }
  } finally {
    await db.destroy();
  }
}

/** Stops the bot gracefully (it confirms the updates it handled), or kills it if it hangs. */
async function stopGracefully(bot: BotProcess, timeoutMs = 15_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<"hung">((resolve) => {
    timer = setTimeout(() => resolve("hung"), timeoutMs);
  });
  const outcome = await Promise.race([bot.kill("SIGTERM"), hung]);
  clearTimeout(timer);
  if (outcome === "hung") {
    await bot.kill("SIGKILL");
    throw new Error(`the bot did not stop within ${timeoutMs} ms of SIGTERM; output:\n${bot.output}`);
  }
}

/** A sheet as rows of text (header first), each row as long as the header. */
function sheetRows(workbook: ExcelJS.Workbook, name: string): string[][] {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet "${name}"; sheets: ${workbook.worksheets.map((s) => s.name)}`);
  const rows: string[][] = [];
  const width = sheet.getRow(1).cellCount;
  sheet.eachRow((row) => {
    const cells: string[] = [];
    for (let column = 1; column <= width; column++) {
      const value = row.getCell(column).value;
      cells.push(value === null || value === undefined ? "" : String(value));
    }
    rows.push(cells);
  });
  return rows;
}

/** Rows as objects keyed by the header's column names. */
function records(rows: string[][]): Array<Record<string, string>> {
  const [header = [], ...body] = rows;
  return body.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? ""])));
}

/** Sends `/export <args>` as the Office and returns the uploaded file as the emulator received it. */
async function exportFile(args: string): Promise<{ document: DocumentInfo; caption: string; data: Buffer }> {
  const message = await until(
    admin,
    () => world.emulator.sendText(admin, `/export ${args}`.trim()),
    (m) => m.document !== undefined,
  );
  const document = message.document as DocumentInfo;
  const data = world.emulator.fileContent(document.file_id);
  if (!data) throw new Error(`the emulator kept no content for ${JSON.stringify(document)}`);
  return { document, caption: message.plain_text ?? "", data };
}

beforeEach(async () => {
  world = await E2eWorld.start({ officeAdminIds: [admin.id] });
});

afterEach(() => world.stop());

/** No update failed in any of the processes, and nobody got the bot's apology for an error. */
function expectNoErrors(): void {
  const failures = world.bots.flatMap((bot) => bot.logs().filter((line) => Number(line.level) >= 50));
  expect(failures).toEqual([]);
  const apologies = world.emulator.calls.filter(
    (call) => call.method === "sendMessage" && String(call.payload.text).includes("bot vừa gặp lỗi"),
  );
  expect(apologies).toEqual([]);
}

/**
 * The bot sends at most one message a second to a chat (Telegram's limit) and these tests answer at once, far
 * faster than a person: each step waits for its second, so a long flow takes about a second per message.
 */
const ONE_MESSAGE_A_SECOND = { timeout: 180_000 };

describe("nominations and dossiers through the real bot process", ONE_MESSAGE_A_SECOND, () => {
  it("takes a head's nominations and dossier to the Office, which reviews, returns and exports them", async () => {
    if (!GK_FORM) throw new Error("the campaign has no third award form");
    expect(GK_FORM.name.vi).toBe("Giấy khen của Giám đốc Sở");
    expect(GK_FORM.quota.collective).toBe(4);

    // ---- The Office sets up the unit and the round; four other units already fill the collective quota.
    const first = await world.startBot();
    await world.say(admin, "/start", /giúp Văn phòng Sở tổ chức/);
    await world.say(admin, `/units add HCTP ${UNIT}`, /Đã thêm đơn vị HCTP/);
    await world.say(admin, `/round open ${YEAR}`, new RegExp(`Đã mở kỳ xét khen thưởng năm ${YEAR}`));
    await stopGracefully(first);
    await seedFullCollectiveQuota(GK_FORM.id);
    await world.startBot();

    await world.register(hung, await world.createInvite(admin, "HCTP", "head"), HEAD, "Trưởng phòng");
    await world.register(lan, await world.createInvite(admin, "HCTP"), LAN, "Chuyên viên");
    await world.register(minh, await world.createInvite(admin, "HCTP"), MINH, "Chuyên viên");
    await submitFullAssessment(new Person(lan));

    // ---- The head nominates Lan (eligible), Minh (no assessment: a reason) and the unit (a reason).
    const head = new Person(hung);
    // /nominate opens on the first form, the Giấy khen; the overview lists every form.
    const opened = await head.say("/nominate", /Số lượng khen thưởng: 4 tập thể, không quá 10 cá nhân/);
    expect(opened.plain_text).toContain(`Giấy khen của Giám đốc Sở — ${UNIT}`);
    const home = await head.press("nm:home", /Chọn hình thức khen thưởng/);
    expect(home.plain_text).toContain(`Đề nghị khen thưởng năm ${YEAR} — ${UNIT}`);
    expect(buttonTexts(home).slice(0, 3)).toEqual([
      "Giấy khen của Giám đốc Sở",
      "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
      "Bằng khen của Thủ tướng Chính phủ",
    ]);
    const form = await head.press(`nm:f:${GK}:0`, /Số lượng khen thưởng: 4 tập thể, không quá 10 cá nhân/);
    const candidates = buttonTexts(form);
    expect(candidates[0]).toMatch(new RegExp(`^🏢 Tập thể ${UNIT}`));
    expect(candidates[1]).toBe(`${LAN} · ✅ đáp ứng 6/6 tiêu chí · có thể xem xét đề nghị`);
    expect(candidates.slice(2, 4).sort()).toEqual([
      `${HEAD} · ▫️ chưa tự đánh giá`,
      `${MINH} · ▫️ chưa tự đánh giá`,
    ]);
    const unitId = Number(
      buttonsOf(form)
        .map((data) => new RegExp(`^nm:a:${GK}:u:(\\d+)`).exec(data)?.[1])
        .find(Boolean),
    );
    expect(unitId).toBeGreaterThan(0);

    const afterLan = await until(
      hung,
      () => world.emulator.pressButton(hung, form, dataFor(form, `nm:a:${GK}:p:${lan.id}`)),
      (m) => buttonTexts(m).some((text) => text.startsWith(`☑️ ${LAN}`)),
    );
    expect(afterLan.message_id).toBe(form.message_id);

    const askMinh = await world.press(
      hung,
      afterLan,
      dataFor(afterLan, `nm:a:${GK}:p:${minh.id}`),
      /chưa có kết quả tự đánh giá đáp ứng tất cả các tiêu chí/,
    );
    expect(askMinh.plain_text).toContain(
      `${MINH} chưa có kết quả tự đánh giá đáp ứng tất cả các tiêu chí (▫️ chưa tự đánh giá); hình thức đề nghị: Giấy khen của Giám đốc Sở`,
    );
    await world.say(hung, "ok", /Lý do quá ngắn/);
    const addedMinh = await world.say(hung, MINH_REASON, /Đã đề nghị/);
    expect(addedMinh.plain_text).toBe(
      `Đã đề nghị ${MINH} cho hình thức Giấy khen của Giám đốc Sở.\nLý do: ${MINH_REASON}\n\n📎 Gửi tệp Tờ trình vào đây để đưa vào hồ sơ (PDF, DOC hoặc DOCX, tối đa 20 MB).`,
    );

    await world.press(
      hung,
      afterLan,
      dataFor(afterLan, `nm:a:${GK}:u:${unitId}`),
      /chưa có kết quả tự đánh giá đáp ứng tất cả các tiêu chí/,
    );
    const addedUnit = await world.say(hung, UNIT_REASON, /Đã đề nghị/);
    expect(addedUnit.plain_text).toContain(UNIT);
    expect(addedUnit.plain_text).toContain(`Lý do: ${UNIT_REASON}`);

    // ---- The dossier: a Tờ trình for the unit and a report per nominee; a picture is refused.
    let dossier = await head.say("/dossier", /Còn thiếu 4 tài liệu/);
    expect(dossier.plain_text).toContain("❌ Tờ trình");
    expect(dossier.plain_text).toContain(`❌ ${LAN} (Giấy khen Giám đốc Sở) – Báo cáo thành tích`);
    expect(buttonsOf(dossier)).not.toContain("ds:sub");
    for (let uploaded = 0; ; uploaded++) {
      const missing = (dossier.reply_markup?.inline_keyboard ?? [])
        .flat()
        .find((b) => b.text.startsWith("📎") && b.callback_data?.startsWith("ds:up:"));
      if (!missing?.callback_data) break;
      expect(uploaded).toBeLessThan(4);
      await world.press(hung, dossier, missing.callback_data, /Vui lòng gửi tệp/);
      if (uploaded === 0) {
        const refusal = await world.after(
          hung,
          () =>
            world.emulator.sendDocument(hung, {
              file_name: "anh.jpg",
              mime_type: "image/jpeg",
              file_size: 1000,
            }),
          /không phải PDF, DOC hoặc DOCX/,
        );
        expect(refusal.plain_text).toBe(
          "Tệp này không phải PDF, DOC hoặc DOCX. Vui lòng gửi lại đúng định dạng.",
        );
      }
      dossier = await world.after(
        hung,
        () =>
          world.emulator.sendDocument(hung, {
            file_name: `tai-lieu-${uploaded + 1}.pdf`,
            mime_type: "application/pdf",
            file_size: 200_000,
          }),
        /Đã nhận tệp/,
      );
    }
    expect(dossier.plain_text).toContain("Đã đủ tài liệu");
    expect(dossier.plain_text).toContain(
      `✅ ${MINH} (Giấy khen Giám đốc Sở) – Báo cáo thành tích — tai-lieu-`,
    );
    head.question = dossier;
    // The last file's message sends the dossier in one tap: it says what sending means.
    expect(dossier.plain_text).toContain("sau khi nộp, hồ sơ chỉ còn xem được");
    const submitted = await head.press("ds:sub!", /đã nộp lúc/);
    expect(submitted.plain_text).toContain("Hồ sơ đã nộp nên chỉ còn xem được");
    // Read-only now: a press on the old form screen is refused with a pop-up.
    expect(await alertOn(hung, afterLan, dataFor(afterLan, `nm:a:${GK}:p:${hung.id}`))).toContain(
      "đã nộp nên chỉ xem được",
    );

    // ---- The Office sees it in /status.
    const status = await world.say(admin, "/status", /Tình hình hồ sơ đề nghị khen thưởng/);
    const statusText = status.plain_text ?? "";
    expect(statusText).toContain(
      `Tình hình hồ sơ đề nghị khen thưởng năm ${YEAR}\nHồ sơ đề nghị khen thưởng đã nộp: 1/5 đơn vị`,
    );
    expect(statusText).toContain("Đơn vị đã xong mọi việc: 0/5");
    const lines = statusText.split("\n");
    const hctpLine = lines.findIndex((line) => line.includes(`HCTP · ${UNIT}`));
    expect(hctpLine).toBeGreaterThan(0);
    const hctp = lines.slice(hctpLine, hctpLine + 4).join("\n");
    expect(hctp).toContain("Cá nhân tự đánh giá: 1/3 đã nộp");
    expect(hctp).toContain("Giấy khen Giám đốc Sở: 1 tập thể, 2 cá nhân");
    expect(hctp).toContain("Tài liệu: 4/4 · Hồ sơ: đã nộp");

    // ---- It recommends Lan within the individual quota.
    let list = await world.say(admin, "/nominations", /Đề nghị khen thưởng năm/);
    expect(list.plain_text).toContain(`Đề nghị khen thưởng năm ${YEAR}: 7`);
    let card = await world.press(admin, list, dataOfLabel(list, LAN), /Kết quả tự đánh giá khi đề nghị/);
    expect(card.plain_text).toContain("Kết quả tự đánh giá khi đề nghị: ✅ đáp ứng 6/6 tiêu chí");
    const lanId = /#(\d+)/.exec(card.plain_text ?? "")?.[1];
    card = await world.press(
      admin,
      card,
      `nt:${lanId}:under_review`,
      /Trạng thái: Văn phòng Sở đang thẩm định/,
    );
    card = await world.press(
      admin,
      card,
      `nt:${lanId}:recommended`,
      /Trạng thái: đã trình Hội đồng Thi đua - Khen thưởng/,
    );
    // Before the Council, the Office has no decision to record.
    expect(buttonsOf(card)).not.toContain(`nt:${lanId}:awarded`);

    // ---- The unit's collective nomination is refused: the quota of 4 collectives is full.
    list = await world.say(admin, "/nominations", /Đề nghị khen thưởng năm/);
    card = await world.press(admin, list, dataOfLabel(list, UNIT), /Lý do đề nghị khi chưa đạt đủ tiêu chí/);
    expect(card.plain_text).toContain(UNIT_REASON);
    const unitNominationId = /#(\d+)/.exec(card.plain_text ?? "")?.[1];
    card = await world.press(
      admin,
      card,
      `nt:${unitNominationId}:under_review`,
      /Trạng thái: Văn phòng Sở đang thẩm định/,
    );
    const refusal = await alertOn(admin, card, `nt:${unitNominationId}:recommended`);
    expect(refusal).toBe(
      "Không trình được: hình thức Giấy khen của Giám đốc Sở đã đủ số lượng khen thưởng (4 tập thể).",
    );
    const quota = await world.say(admin, "/quota", /Số lượng khen thưởng năm/);
    expect(quota.plain_text).toContain(
      "Tập thể: 4/4 tính từ bước “Hội đồng Thi đua - Khen thưởng đã thông qua”",
    );

    // ---- It returns the dossier with a reason, which reaches the head.
    const officeDossier = await world.say(admin, "/dossier HCTP", button(`ds:ret:${unitId}`));
    expect(officeDossier.plain_text).toContain("đã nộp lúc");
    // The Office opens a document on its versions and gets a file back, as the head sent it.
    const versions = await world.press(
      admin,
      officeDossier,
      dataOfLabel(officeDossier, "Tờ trình"),
      /Các bản đã tải lên \(1\)/,
    );
    const fileBack = await until(
      admin,
      () => world.emulator.pressButton(admin, versions, dataOfLabel(versions, "v1")),
      (m) => m.document !== undefined,
    );
    expect((fileBack.document as DocumentInfo).file_name).toBe("tai-lieu-1.pdf");
    const backToDossier = await world.press(admin, versions, `ds:u:${unitId}`, button(`ds:ret:${unitId}`));
    expect(backToDossier.plain_text).toContain("đã nộp lúc");
    await world.press(admin, backToDossier, `ds:ret:${unitId}`, /Trả lại hồ sơ của/);
    const beforeReturn = world.emulator.mark();
    const told = await world.say(admin, RETURN_REASON, /Bot sẽ báo trưởng đơn vị/);
    expect(told.plain_text).toContain(`Văn phòng Sở trả lại hồ sơ để sửa, bổ sung. Lý do: ${RETURN_REASON}`);
    const notice = await world.emulator.waitForMessage(
      hung.id,
      (m) => /trả lại hồ sơ/.test(m.plain_text ?? ""),
      {
        since: beforeReturn,
      },
    );
    expect(notice.plain_text).toBe(
      `↩️ Văn phòng Sở trả lại hồ sơ đề nghị khen thưởng năm ${YEAR} của đơn vị để sửa, bổ sung.\n` +
        `Lý do: ${RETURN_REASON}\nAnh/Chị vui lòng sửa, bổ sung rồi nộp lại bằng /dossier.`,
    );
    const reopened = await world.say(hung, "/dossier", /Văn phòng Sở trả lại hồ sơ để sửa, bổ sung/);
    expect(reopened.plain_text).toContain(RETURN_REASON);
    expect(buttonsOf(reopened)).toContain("ds:sub");

    // ---- /export: a workbook that opens and holds the unit and its three nominations.
    const xlsx = await exportFile("");
    expect(xlsx.document.file_name).toBe(`thi-dua-${YEAR}.xlsx`);
    expect(xlsx.caption).toContain(`Hồ sơ đề nghị khen thưởng năm ${YEAR}`);
    expect(xlsx.data.subarray(0, 2).toString("latin1")).toBe("PK");
    const workbook = new ExcelJS.Workbook();
    // The bytes exactly as the bot uploaded them, read back with the library that wrote them.
    await workbook.xlsx.load(new Uint8Array(xlsx.data).buffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "Tình hình đơn vị",
      "Đề nghị khen thưởng",
      "Tự đánh giá",
    ]);

    const nominations = records(sheetRows(workbook, "Đề nghị khen thưởng"));
    expect(nominations).toHaveLength(4 + 3);
    const ours = nominations.filter((row) => row["Mã đơn vị"] === "HCTP");
    const pick = (row: Record<string, string>) => [
      row["Tên tập thể, cá nhân được đề nghị"],
      row["Tập thể/cá nhân"],
      row["Hình thức khen thưởng"],
      row["Đạt đủ tiêu chí (theo tự đánh giá)"],
      row["Lý do đề nghị khi chưa đạt đủ tiêu chí"],
      row["Trạng thái"],
      row["Lý do của trạng thái hiện tại"],
    ];
    expect(ours.map(pick)).toEqual([
      [
        UNIT,
        "Tập thể",
        "Giấy khen của Giám đốc Sở",
        "Không",
        UNIT_REASON,
        "Bị trả lại để sửa, bổ sung",
        RETURN_REASON,
      ],
      [LAN, "Cá nhân", "Giấy khen của Giám đốc Sở", "Có", "", "Đã trình Hội đồng Thi đua - Khen thưởng", ""],
      [
        MINH,
        "Cá nhân",
        "Giấy khen của Giám đốc Sở",
        "Không",
        MINH_REASON,
        "Bị trả lại để sửa, bổ sung",
        RETURN_REASON,
      ],
    ]);
    expect(
      ours.find((row) => row["Tên tập thể, cá nhân được đề nghị"] === LAN)?.["Số tiêu chí đạt khi đề nghị"],
    ).toBe("6/6");
    for (const row of nominations.filter((r) => r["Mã đơn vị"] !== "HCTP"))
      expect(row["Trạng thái"]).toBe("Hội đồng Thi đua - Khen thưởng đã thông qua");

    const units = records(sheetRows(workbook, "Tình hình đơn vị"));
    expect(units.map((row) => row["Mã đơn vị"]).sort()).toEqual(["BTTP", "HCTP", "PBGD", "TTS", "VPS"]);
    const unitRow = units.find((row) => row["Mã đơn vị"] === "HCTP");
    expect(unitRow).toMatchObject({
      "Tên đơn vị": UNIT,
      "Số người đã nộp tự đánh giá": "1",
      "Số người đã đăng ký trên bot": "3",
      "Giấy khen của Giám đốc Sở (tập thể)": "1",
      "Giấy khen của Giám đốc Sở (cá nhân)": "2",
      "Số tài liệu đã tải lên": "4",
      "Số tài liệu phải nộp": "4",
      "Hồ sơ đề nghị khen thưởng": "Bị trả lại",
      "Quá hạn / nộp muộn": "Không",
    });
    const assessments = records(sheetRows(workbook, "Tự đánh giá"));
    expect(assessments.map((row) => [row["Họ và tên / Tên đơn vị"], row["Trạng thái"]])).toEqual([
      [LAN, "Đã nộp"],
    ]);

    // ---- /export csv: the nominations as CSV text, UTF-8 with a BOM.
    const csv = await exportFile("csv");
    expect(csv.document.file_name).toBe(`de-nghi-khen-thuong-${YEAR}.csv`);
    expect(csv.caption).toContain(`Danh sách đề nghị khen thưởng năm ${YEAR}`);
    const text = csv.data.toString("utf8");
    expect(text.startsWith("\uFEFF")).toBe(true);
    const csvRows = records(parseCsv(text.slice(1)));
    expect(csvRows).toHaveLength(7);
    expect(csvRows.filter((row) => row["Mã đơn vị"] === "HCTP").map(pick)).toEqual(ours.map(pick));
    expectNoErrors();
  });
});
