import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { BotMessage, FakeUser } from "./bot-api-emulator.js";
import { button, buttonsOf, E2eWorld, type Expected } from "./e2e-helpers.js";

const admin: FakeUser = { id: 7101, first_name: "Hà", language_code: "vi" };
const lan: FakeUser = { id: 7102, first_name: "Lan", language_code: "vi" };
const binh: FakeUser = { id: 7103, first_name: "Bình", language_code: "vi" };
const hung: FakeUser = { id: 7104, first_name: "Hùng", language_code: "vi" };

/** The process runs on the real clock: the round to open is the current year in Asia/Ho_Chi_Minh. */
const YEAR = new Intl.DateTimeFormat("en", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric" }).format(
  new Date(),
);
/** A decision date that is never after today. */
const DECISION_DATE = `01/01/${YEAR}`;
const UNIT = "Phòng Hành chính tư pháp";
const AREAS = [
  "the-che",
  "thu-tuc-hanh-chinh",
  "to-chuc-bo-may",
  "che-do-cong-vu",
  "tai-chinh-cong",
  "chinh-quyen-so",
];

let world: E2eWorld;

/** A person in their chat with the bot; `question` is the last question asked, whose buttons they press. */
class Person {
  question: BotMessage | undefined;

  constructor(readonly user: FakeUser) {}

  async say(text: string, expected: Expected): Promise<BotMessage> {
    this.question = await world.say(this.user, text, expected);
    return this.question;
  }

  async press(data: string, expected: Expected): Promise<BotMessage> {
    if (!this.question) throw new Error(`${this.user.first_name} has no question to press "${data}" on`);
    this.question = await world.press(this.user, this.question, data, expected);
    return this.question;
  }

  async sendDocument(
    doc: { file_name: string; mime_type: string; file_size: number },
    expected: Expected,
  ): Promise<BotMessage> {
    this.question = await world.after(this.user, () => world.emulator.sendDocument(this.user, doc), expected);
    return this.question;
  }
}

const metYes = (id: string) => button(`as:c:${id}:met:yes`);
const filesDone = (id: string) => button(`as:c:${id}:files:done`);
const SUBMIT = button("as:summary:submit");

/** A criterion whose evidence is an account: met, the account, no more files; then `next`. */
async function accountCriterion(p: Person, id: string, account: string, next: Expected): Promise<void> {
  await p.press(`as:c:${id}:met:yes`, /tóm tắt ngắn/);
  await p.say(account, filesDone(id));
  await p.press(`as:c:${id}:files:done`, next);
}

/** The initiative criterion: met, its name, the decision's number, its date, the council, no files; then `next`. */
async function initiativeCriterion(
  p: Person,
  decision: { number: string; council: "so" | "tinh" },
  next: Expected,
): Promise<void> {
  await p.press("as:c:sang-kien:met:yes", /Tên sáng kiến/);
  await p.say("Số hóa hồ sơ lý lịch tư pháp", /Số quyết định/);
  await p.say(decision.number, /Ngày ký/);
  await p.say(DECISION_DATE, button(`as:c:sang-kien:council:${decision.council}`));
  await p.press(`as:c:sang-kien:council:${decision.council}`, filesDone("sang-kien"));
  await p.press("as:c:sang-kien:files:done", next);
}

/** The reform areas from `from` on: the 1st, 3rd and 5th answered with a text, the others skipped. */
async function answerAreas(p: Person, text: string, from = 0): Promise<BotMessage> {
  for (const [index, area] of AREAS.entries()) {
    if (index < from) continue;
    const following = AREAS[index + 1];
    const next = following ? button(`as:a:${following}:skip`) : SUBMIT;
    if (index % 2 === 0) await p.say(`${text}: ${area}.`, next);
    else await p.press(`as:a:${area}:skip`, next);
  }
  if (!p.question) throw new Error("no summary");
  return p.question;
}

/**
 * The whole individual self-assessment, every criterion met (rating: xuất sắc, initiative recognised by the
 * province), up to the summary; `withProof` runs at the first criterion's files question.
 * Returns the text of everything the bot sent from the first question on.
 */
async function answerIndividualAssessment(p: Person, withProof?: () => Promise<void>): Promise<string> {
  const start = world.lastMessageId(p.user);
  await p.say("/assess", metYes("chap-hanh"));
  await p.press("as:c:chap-hanh:met:yes", /tóm tắt ngắn/);
  await p.say("Chấp hành nghiêm kỷ luật, kỷ cương hành chính.", filesDone("chap-hanh"));
  if (withProof) await withProof();
  await p.press("as:c:chap-hanh:files:done", metYes("nhiem-vu-cchc"));
  await accountCriterion(
    p,
    "nhiem-vu-cchc",
    "Hoàn thành 100% nhiệm vụ được giao.",
    metYes("van-ban-chi-dao"),
  );
  await accountCriterion(p, "van-ban-chi-dao", "Tham mưu 3 văn bản chỉ đạo.", metYes("sang-kien"));
  await initiativeCriterion(p, { number: "125/QĐ-STP", council: "tinh" }, metYes("thu-tuc-hanh-chinh"));
  await accountCriterion(
    p,
    "thu-tuc-hanh-chinh",
    "Không có hồ sơ trễ hẹn.",
    button("as:c:xep-loai:rating:xuat-sac"),
  );
  await p.press("as:c:xep-loai:rating:xuat-sac", button("as:a:the-che:skip"));
  await answerAreas(p, "Kết quả cá nhân");
  return world.textAfter(p.user, start);
}

async function openRound(): Promise<void> {
  await world.say(admin, "/start", /giúp Văn phòng Sở tổ chức/);
  await world.say(admin, `/units add HCTP ${UNIT}`, /Đã thêm đơn vị HCTP/);
  await world.say(admin, `/round open ${YEAR}`, new RegExp(`Đã mở kỳ xét khen thưởng năm ${YEAR}`));
}

async function joinUnit(user: FakeUser, fullName: string, roleWord: "" | "head" = ""): Promise<Person> {
  await world.register(user, await world.createInvite(admin, "HCTP", roleWord), fullName, "Chuyên viên");
  return new Person(user);
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

describe("self-assessment through the real bot process", ONE_MESSAGE_A_SECOND, () => {
  it("takes an employee through every criterion, with a proof file, to the summary and submission", async () => {
    await world.startBot();
    await openRound();
    const p = await joinUnit(lan, "Nguyễn Thị Lan");

    const transcript = await answerIndividualAssessment(p, async () => {
      await p.sendDocument(
        { file_name: "virus.exe", mime_type: "application/x-msdownload", file_size: 2048 },
        /không đúng loại/,
      );
      expect(p.question?.plain_text).toBe(
        "Tệp này không đúng loại. Bot nhận PDF, DOC, DOCX, XLS, XLSX, JPG, PNG.",
      );
      await p.sendDocument(
        { file_name: "bao-cao-ket-qua.pdf", mime_type: "application/pdf", file_size: 120_000 },
        /Đã nhận 1 tệp minh chứng/,
      );
      const [remove, done] = buttonsOf(p.question as BotMessage);
      expect(remove).toMatch(/^as:c:chap-hanh:files:del:\d+$/);
      expect(done).toBe("as:c:chap-hanh:files:done");
    });
    expect(transcript).toContain(`Bắt đầu tự đánh giá cá nhân năm ${YEAR}: 6 tiêu chí`);
    for (const n of [1, 2, 3, 4, 5, 6]) expect(transcript).toContain(`Tiêu chí ${n}/6`);
    expect(transcript).toContain("Đã nhận 1 tệp minh chứng (tối đa 5).");
    expect(transcript).toContain("1. bao-cao-ket-qua.pdf");
    expect(transcript).toContain("Nội dung cải cách hành chính 6/6");
    // Each tapped question shows the answer chosen in place of its buttons.
    expect(transcript).toMatch(/Tiêu chí 1\/6 \(III\.2\.b\.1\)[\s\S]*?\n\n→ ✅ Đạt\n\n/);
    expect(transcript).toContain("\n\n→ Hoàn thành xuất sắc nhiệm vụ");

    const summaryStart = transcript.lastIndexOf(`Bản tự đánh giá năm ${YEAR}`);
    expect(summaryStart).toBeGreaterThan(0);
    const summary = transcript.slice(summaryStart);
    expect(summary).toContain("Chấp hành nghiêm kỷ luật, kỷ cương hành chính.");
    expect(summary).toContain("Tệp minh chứng: 1");
    expect(summary).toContain(
      `Quyết định số 125/QĐ-STP ngày ${DECISION_DATE} (Hội đồng sáng kiến cấp tỉnh công nhận)`,
    );
    expect(summary).toContain("Xếp loại: Hoàn thành xuất sắc nhiệm vụ");
    expect(summary).toContain("Cải cách thể chế: Kết quả cá nhân: the-che.");
    expect(summary).toContain("Cải cách thủ tục hành chính: (bỏ qua)");
    expect(summary).toContain("✅ Đạt tất cả các tiêu chí.");
    expect(summary).toContain(
      "Theo quy tắc Văn phòng Sở đặt, có thể xem xét đề nghị: Bằng khen của Thủ tướng Chính phủ; Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh; Giấy khen của Giám đốc Sở.",
    );
    expect(summary).toContain("Trạng thái: chưa nộp.");

    await p.press("as:summary:submit", /Đã nộp\. Cảm ơn/);
    const before = world.lastMessageId(lan);
    await p.say("/myresult", /Trạng thái/);
    const result = world.textAfter(lan, before);
    expect(result).toContain(`Bản tự đánh giá năm ${YEAR}`);
    expect(result).toMatch(/Trạng thái: đã nộp lúc \d\d:\d\d \d\d\/\d\d\/\d{4}/);
    expect(result).toContain("✅ Đạt tất cả các tiêu chí.");
    expectNoErrors();
  });

  it("keeps every answer and goes on at the open question after the process is killed (SIGKILL)", async () => {
    const first = await world.startBot();
    await openRound();
    const p = await joinUnit(binh, "Trần Văn Bình");

    await p.say("/assess", metYes("chap-hanh"));
    await accountCriterion(p, "chap-hanh", "Chấp hành nghiêm nội quy cơ quan.", metYes("nhiem-vu-cchc"));
    await accountCriterion(
      p,
      "nhiem-vu-cchc",
      "Tham mưu kế hoạch CCHC của phòng.",
      metYes("van-ban-chi-dao"),
    );
    await p.press("as:c:van-ban-chi-dao:met:no", button("as:c:van-ban-chi-dao:account:skip"));
    await p.say("Chưa được giao tham mưu văn bản chỉ đạo.", metYes("sang-kien"));
    await p.press("as:c:sang-kien:met:yes", /Tên sáng kiến/);
    await p.say("Một cửa liên thông điện tử", /Số quyết định/);

    expect((await first.kill("SIGKILL")).signal).toBe("SIGKILL");
    const second = await world.startBot();
    // No /assess: the flow's position is stored, so the answer is taken for the open question.
    let before = world.lastMessageId(binh);
    await p.say("127/QĐ-STP", /Ngày ký/);
    // The answer that the kill cut short is handled again after the restart; it stores nothing twice, and
    // may ask its question once more (the bot cannot know whether that question got out).
    const afterRestart = world
      .textAfter(binh, before)
      .replace(/^Tiêu chí 4\/6 \(III\.2\.b\.4\)\n\nSố quyết định[^\n]*\n\n/, "");
    expect(afterRestart).toBe(
      "Tiêu chí 4/6 (III.2.b.4)\n\nNgày ký quyết định (ngày/tháng/năm, ví dụ: 15/10/2026)?",
    );

    expect((await second.kill("SIGKILL")).signal).toBe("SIGKILL");
    await world.startBot();
    before = world.lastMessageId(binh);
    await world.say(binh, "/myresult", /Trạng thái/);
    const stored = world.textAfter(binh, before);
    expect(stored).toContain("Chấp hành nghiêm nội quy cơ quan.");
    expect(stored).toContain("Tham mưu kế hoạch CCHC của phòng.");
    expect(stored).toContain("Chưa được giao tham mưu văn bản chỉ đạo.");
    expect(stored).toContain("Quyết định số 127/QĐ-STP");
    expect(stored).toContain("Tiêu chí chưa đạt hoặc chưa trả lời: số 3, 4, 5, 6.");
    expect(stored).toContain("Trạng thái: chưa nộp.");

    before = world.lastMessageId(binh);
    await p.say("/assess", /Ngày ký/);
    expect(world.textAfter(binh, before)).toBe(
      "Anh/Chị đang làm dở bản tự đánh giá cá nhân; bot hỏi lại câu đang chờ.\n\n" +
        "Tiêu chí 4/6 (III.2.b.4)\n\nNgày ký quyết định (ngày/tháng/năm, ví dụ: 15/10/2026)?",
    );

    await p.say(DECISION_DATE, button("as:c:sang-kien:council:so"));
    await p.press("as:c:sang-kien:council:so", filesDone("sang-kien"));
    await p.press("as:c:sang-kien:files:done", metYes("thu-tuc-hanh-chinh"));
    await accountCriterion(
      p,
      "thu-tuc-hanh-chinh",
      "Giải quyết đúng hạn mọi hồ sơ.",
      button("as:c:xep-loai:rating:tot"),
    );
    await p.press("as:c:xep-loai:rating:tot", button("as:a:the-che:skip"));
    before = world.lastMessageId(binh);
    await answerAreas(p, "Kết quả của Bình");
    const summary = world.textAfter(binh, before);
    expect(summary).toContain("Chấp hành nghiêm nội quy cơ quan.");
    expect(summary).toContain("Tham mưu kế hoạch CCHC của phòng.");
    expect(summary).toContain("❌ 3.");
    expect(summary).toContain("Chưa được giao tham mưu văn bản chỉ đạo.");
    expect(summary).toContain(
      `Quyết định số 127/QĐ-STP ngày ${DECISION_DATE} (Hội đồng sáng kiến cấp cơ sở Sở Tư pháp công nhận)`,
    );
    expect(summary).toContain("Xếp loại: Hoàn thành tốt nhiệm vụ");
    expect(summary).toContain("Tiêu chí chưa đạt hoặc chưa trả lời: số 3.");
    expect(summary).toContain("Kết quả chưa đáp ứng quy tắc Văn phòng Sở đặt cho hình thức khen thưởng nào");
    expectNoErrors();
  });

  it("shows a unit head the team's progress and takes the unit's own assessment", async () => {
    await world.startBot();
    await openRound();
    const lanP = await joinUnit(lan, "Nguyễn Thị Lan");
    const binhP = await joinUnit(binh, "Trần Văn Bình");
    const head = await joinUnit(hung, "Lê Văn Hùng", "head");

    await answerIndividualAssessment(lanP);
    await lanP.press("as:summary:submit", /Đã nộp\. Cảm ơn/);
    await binhP.say("/assess", metYes("chap-hanh"));
    await binhP.press("as:c:chap-hanh:met:yes", /tóm tắt ngắn/);

    const panel = await head.say("/unit", /Tự đánh giá tập thể:/);
    expect(panel.plain_text).toContain(`${UNIT}, năm ${YEAR}`);
    expect(panel.plain_text).toContain("Tự đánh giá tập thể: chưa bắt đầu");
    expect(panel.plain_text).toContain("Cá nhân đã nộp tự đánh giá: 1/3 · đang làm: 1 · chưa bắt đầu: 1");

    const team = await world.press(hung, panel, "unit:team", /Tình hình tự đánh giá cá nhân/);
    expect(team.plain_text).toContain(`Tình hình tự đánh giá cá nhân, ${UNIT} (3 người)`);
    expect(team.plain_text).toContain("Đã nộp (1)\n• Nguyễn Thị Lan");
    expect(team.plain_text).toContain("Đang làm (1)\n• Trần Văn Bình");
    expect(team.plain_text).toContain("Chưa bắt đầu (1)\n• Lê Văn Hùng");

    const start = world.lastMessageId(hung);
    head.question = await world.press(hung, panel, "unit:assess", metYes("chap-hanh"));
    expect(head.question.plain_text).toContain("Tiêu chí 1/3");
    await accountCriterion(
      head,
      "chap-hanh",
      "Đơn vị không có cán bộ vi phạm kỷ luật.",
      metYes("nhiem-vu-cchc"),
    );
    await accountCriterion(head, "nhiem-vu-cchc", "Hoàn thành các nhiệm vụ CCHC năm.", metYes("sang-kien"));
    await initiativeCriterion(head, { number: "88/QĐ-HĐSK", council: "so" }, button("as:a:the-che:skip"));
    await answerAreas(head, "Kết quả của đơn vị");
    const transcript = world.textAfter(hung, start);
    expect(transcript).toContain(`Bắt đầu tự đánh giá tập thể của ${UNIT} năm ${YEAR}: 3 tiêu chí`);
    const summary = transcript.slice(transcript.lastIndexOf(`Tự đánh giá tập thể: ${UNIT} năm ${YEAR}`));
    expect(summary).toContain("Đơn vị không có cán bộ vi phạm kỷ luật.");
    expect(summary).toContain(
      `Quyết định số 88/QĐ-HĐSK ngày ${DECISION_DATE} (Hội đồng sáng kiến cấp cơ sở Sở Tư pháp công nhận)`,
    );
    expect(summary).toContain("✅ Đạt tất cả các tiêu chí.");
    expect(summary).toContain("Giấy khen của Giám đốc Sở");

    await head.press("as:summary:submit", /Đã nộp\. Cảm ơn/);
    expect(head.question?.plain_text).toContain("/unit");
    const after = await head.say("/unit", /Tự đánh giá tập thể:/);
    expect(after.plain_text).toContain("Tự đánh giá tập thể: đã nộp");
    expect(after.plain_text).toContain("Cá nhân đã nộp tự đánh giá: 1/3 · đang làm: 1 · chưa bắt đầu: 1");
    expectNoErrors();
  });
});
