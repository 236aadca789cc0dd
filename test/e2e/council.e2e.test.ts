import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrateToLatest, openDatabase } from "../../db/connection.js";
import { addNomination } from "../../db/nominations.js";
import { addUnit } from "../../db/units.js";
import { loadCampaign } from "../../src/campaign/load.js";
import { reviewedAndPassed } from "../helpers/scenarios.js";
import type { BotMessage, FakeUser } from "./bot-api-emulator.js";
import type { BotProcess } from "./bot-process.js";
import { button, buttonsOf, E2eWorld } from "./e2e-helpers.js";

/**
 * The Council's whole round through the real process: two units send their dossiers, the Office puts five
 * individuals forward for the Director's Giấy khen with one place left in its quota of 10, the Council's three
 * members vote in chat, the chair breaks the tie at the quota's boundary with a reason, every nominee and head
 * hears their outcome once, and the Office records the Director's decision for the ten the Council passed.
 */
const admin: FakeUser = { id: 7601, first_name: "Hà", language_code: "vi" };
const hung: FakeUser = { id: 7602, first_name: "Hùng", language_code: "vi" };
const lan: FakeUser = { id: 7603, first_name: "Lan", language_code: "vi" };
const minh: FakeUser = { id: 7604, first_name: "Minh", language_code: "vi" };
const tuan: FakeUser = { id: 7605, first_name: "Tuấn", language_code: "vi" };
const hoa: FakeUser = { id: 7606, first_name: "Hoa", language_code: "vi" };
const nam: FakeUser = { id: 7607, first_name: "Nam", language_code: "vi" };
const mai: FakeUser = { id: 7608, first_name: "Mai", language_code: "vi" };
const chair: FakeUser = { id: 7611, first_name: "Chủ", language_code: "vi" };
const secretary: FakeUser = { id: 7612, first_name: "Thư", language_code: "vi" };
const member: FakeUser = { id: 7613, first_name: "Ba", language_code: "vi" };

/** The process runs on the real clock: the round to open is the current year in Asia/Ho_Chi_Minh. */
const YEAR = new Intl.DateTimeFormat("en", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric" }).format(
  new Date(),
);
/** The Director's Giấy khen: the third award form, whose quota is 4 collectives and 10 individuals. */
const GK = 2;
const GK_FORM = loadCampaign().awardForms[GK];

interface Unit {
  code: string;
  name: string;
  head: FakeUser;
  headName: string;
  staff: Array<{ user: FakeUser; name: string; reason: string }>;
}

const HCTP: Unit = {
  code: "HCTP",
  name: "Phòng Hành chính tư pháp",
  head: hung,
  headName: "Lê Văn Hùng",
  staff: [
    { user: lan, name: "Nguyễn Thị Lan", reason: "Hoàn thành xuất sắc đề án số hoá hồ sơ hộ tịch" },
    { user: minh, name: "Trần Văn Minh", reason: "Giải quyết 100% hồ sơ lý lịch tư pháp đúng hạn" },
    { user: tuan, name: "Phạm Anh Tuấn", reason: "Tham mưu rà soát 40 thủ tục hành chính" },
  ],
};
const BTTP: Unit = {
  code: "BTTP",
  name: "Phòng Bổ trợ tư pháp",
  head: hoa,
  headName: "Đỗ Thị Hoa",
  staff: [
    { user: nam, name: "Vũ Văn Nam", reason: "Chuẩn hoá quy trình cấp chứng chỉ hành nghề" },
    { user: mai, name: "Hoàng Thị Mai", reason: "Hoàn thành tốt nhiệm vụ được giao trong năm" },
  ],
};
const UNITS = [HCTP, BTTP];
const NAME: Record<number, string> = Object.fromEntries(
  UNITS.flatMap((unit) => unit.staff.map((s) => [s.user.id, s.name])),
);

/** The unit whose nine individuals the Council already passed, and where the Council's members work. */
const TTS = { code: "TTS", name: "Thanh tra Sở" };
const COUNCIL = [
  { user: chair, name: "Phạm Văn Chủ", position: "Phó Giám đốc Sở" },
  { user: secretary, name: "Lê Thị Thư", position: "Chánh Thanh tra" },
  { user: member, name: "Ngô Văn Ba", position: "Thanh tra viên" },
];
const ZONE = "Asia/Ho_Chi_Minh";
/** The Director signs the decision today, on the real clock, in the Sở's time zone. */
const TODAY = new Intl.DateTimeFormat("en-GB", {
  timeZone: ZONE,
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
}).format(new Date());
const DECISION_NUMBER = "125/QĐ-STP";
const DECISION = `Quyết định số ${DECISION_NUMBER} ngày ${TODAY} của Giám đốc Sở Tư pháp tỉnh Ninh Bình`;
/** /record's task: the Giấy khen (form 2) from step 2 of its route (the Council passed) to step 3 (awarded). */
const GK_DECIDE = `rr:s:${GK}:2:3`;
/** The Giấy khen's quota counts from the Council's step on. */
const QUOTA_FROM = "tính từ bước “Hội đồng Thi đua - Khen thưởng đã thông qua” · 0 đang xét";
const TIE_REASON = "Đồng chí Nam có sáng kiến được áp dụng toàn tỉnh";
const OUTCOME_TITLE = `Hội đồng Thi đua - Khen thưởng đã họp xét đề nghị khen thưởng năm ${YEAR}:`;

let world: E2eWorld;

const databasePath = () => join(world.dir, "thidua.sqlite");

beforeEach(async () => {
  world = await E2eWorld.start({ officeAdminIds: [admin.id] });
});

afterEach(() => world.stop());

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

/** The callback data on `message` for `prefix`, whether or not the button carries a page after it. */
function dataFor(message: BotMessage, prefix: string): string {
  const found = buttonsOf(message).find(
    (data) =>
      data === prefix || (data.startsWith(`${prefix}:`) && /^\d+$/.test(data.slice(prefix.length + 1))),
  );
  if (!found) throw new Error(`no button ${prefix} on message: ${JSON.stringify(buttonsOf(message))}`);
  return found;
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

/**
 * Writes the unit TTS into the bot's database with nine individuals whose Giấy khen the Council already
 * passed: one place is left in the form's quota of 10 individuals. Only while no bot process runs.
 */
async function seedNinePassedIndividuals(formId: string): Promise<void> {
  const db = openDatabase(databasePath());
  try {
    await migrateToLatest(db);
    const now = new Date();
    const unit = await addUnit(db, TTS, now);
    if (!unit) throw new Error(`unit ${TTS.code} exists already`);
    for (let n = 1; n <= 9; n++) {
      const nomination = await addNomination(
        db,
        {
          year: Number(YEAR),
          unitId: unit.id,
          formId,
          nomineeKind: "individual",
          // People who never registered with the bot: nobody to tell.
          nomineeId: 9000 + n,
          nomineeName: `Thanh tra viên số ${n}`,
          eligible: true,
          resultSummary: JSON.stringify({ met: 6, total: 6, progress: "submitted" }),
          reason: null,
          by: admin.id,
          byRole: "office",
          updateId: null,
        },
        now,
      );
      if (!nomination) throw new Error(`no nomination ${n}`);
      await reviewedAndPassed(db, nomination.id, admin.id, now);
    }
  } finally {
    await db.destroy();
  }
}

/** The head nominates each of the unit's staff for the Giấy khen, each with a reason (nobody self-assessed). */
async function nominateStaff(unit: Unit): Promise<void> {
  // /nominate opens on the first form, the Giấy khen.
  const form = await world.say(
    unit.head,
    "/nominate",
    /Số lượng khen thưởng: 4 tập thể, không quá 10 cá nhân/,
  );
  for (const person of unit.staff) {
    const asked = await world.press(
      unit.head,
      form,
      dataFor(form, `nm:a:${GK}:p:${person.user.id}`),
      /chưa có kết quả tự đánh giá đáp ứng tất cả các tiêu chí/,
    );
    expect(asked.plain_text).toContain(person.name);
    const added = await world.say(unit.head, person.reason, /Đã đề nghị/);
    // The dossier's first missing file is offered with it; the next press moves on.
    expect(added.plain_text).toBe(
      `Đã đề nghị ${person.name} cho hình thức Giấy khen của Giám đốc Sở.\nLý do: ${person.reason}\n\n📎 Gửi tệp Tờ trình vào đây để đưa vào hồ sơ (PDF, DOC hoặc DOCX, tối đa 20 MB).`,
    );
  }
}

/** The head uploads the Tờ trình and a Báo cáo thành tích per nominee, then sends the dossier to the Office. */
async function sendDossier(unit: Unit): Promise<void> {
  const documents = unit.staff.length + 1;
  let dossier = await world.say(unit.head, "/dossier", new RegExp(`Còn thiếu ${documents} tài liệu`));
  expect(dossier.plain_text).toContain("❌ Tờ trình");
  for (let uploaded = 0; ; uploaded++) {
    const missing = (dossier.reply_markup?.inline_keyboard ?? [])
      .flat()
      .find((b) => b.text.startsWith("📎") && b.callback_data?.startsWith("ds:up:"));
    if (!missing?.callback_data) break;
    expect(uploaded).toBeLessThan(documents);
    await world.press(unit.head, dossier, missing.callback_data, /Vui lòng gửi tệp/);
    dossier = await world.after(
      unit.head,
      () =>
        world.emulator.sendDocument(unit.head, {
          file_name: `${unit.code.toLowerCase()}-${uploaded + 1}.pdf`,
          mime_type: "application/pdf",
          file_size: 100_000,
        }),
      /Đã nhận tệp/,
    );
  }
  expect(dossier.plain_text).toContain("Đã đủ tài liệu");
  expect(dossier.plain_text).toContain(`Đề nghị khen thưởng (${unit.staff.length})`);
  await world.press(unit.head, dossier, "ds:sub!", /đã nộp lúc/);
}

/** The Office finds a nominee in /nominations, reviews the nomination and puts it to the Council: its id. */
async function recommend(name: string): Promise<number> {
  const list = await world.say(admin, `/nominations ${name}`, /Đề nghị khen thưởng năm/);
  let card = await world.press(admin, list, dataOfLabel(list, name), /Trạng thái:/);
  const id = Number(/#(\d+)/.exec(card.plain_text ?? "")?.[1]);
  expect(id).toBeGreaterThan(0);
  card = await world.press(admin, card, `nt:${id}:under_review`, /Trạng thái: Văn phòng Sở đang thẩm định/);
  card = await world.press(admin, card, `nt:${id}:recommended`, /Trạng thái: đã trình Hội đồng/);
  return id;
}

type Vote = "a" | "d";

/** A member's vote on one nomination: the ballot is edited to tick the button pressed. */
async function vote(voter: FakeUser, ballot: BotMessage, data: string): Promise<BotMessage> {
  return until(
    voter,
    () => world.emulator.pressButton(voter, ballot, data),
    (m) =>
      m.message_id === ballot.message_id &&
      (m.reply_markup?.inline_keyboard ?? [])
        .flat()
        .some((b) => b.callback_data === data && b.text.startsWith("✅")),
  );
}

/** A member opens the ballot from the agenda's button, votes on each nomination, and confirms. */
async function castBallot(
  voter: FakeUser,
  agenda: BotMessage,
  meetingId: number,
  votes: ReadonlyArray<[number, Vote]>,
): Promise<BotMessage> {
  let ballot = await world.press(voter, agenda, `cm:b:${meetingId}`, /Phiếu biểu quyết — phiên họp số/);
  expect(ballot.plain_text).toContain(`Còn ${votes.length} đề nghị chưa biểu quyết`);
  for (const [nominationId, choice] of votes)
    ballot = await vote(voter, ballot, `cm:v:${meetingId}:${nominationId}:${choice}`);
  expect(ballot.plain_text).toContain("Đã biểu quyết tất cả");
  return ballot;
}

async function confirmBallot(voter: FakeUser, ballot: BotMessage, meetingId: number): Promise<BotMessage> {
  return world.press(voter, ballot, `cm:ok:${meetingId}`, /Phiếu đã gửi/);
}

/** No update failed in any of the processes, and nobody got the bot's apology for an error. */
function expectNoErrors(): void {
  const failures = world.bots.flatMap((bot) => bot.logs().filter((line) => Number(line.level) >= 50));
  expect(failures).toEqual([]);
  const apologies = world.emulator.calls.filter(
    (call) => call.method === "sendMessage" && String(call.payload.text).includes("bot vừa gặp lỗi"),
  );
  expect(apologies).toEqual([]);
}

/** The Council's outcome notices in a chat. */
const outcomeNotices = (user: FakeUser) =>
  world.emulator.messagesIn(user.id).filter((m) => (m.plain_text ?? "").startsWith(OUTCOME_TITLE));

/**
 * The bot sends at most one message a second to a chat (Telegram's limit) and these tests answer at once, far
 * faster than a person: each step waits for its second, so a long flow takes about a second per message.
 */
const ONE_MESSAGE_A_SECOND = { timeout: 240_000 };

describe("the Council's meeting through the real bot process", ONE_MESSAGE_A_SECOND, () => {
  it("five individuals for the Giấy khen's last place: the Council votes, the chair breaks the tie, all are told, the decision recorded", async () => {
    if (!GK_FORM) throw new Error("the campaign has no third award form");
    expect(GK_FORM.quota.individual).toBe(10);

    // ---- The Office sets up two units and the round; nine individuals of a third unit already passed.
    const first = await world.startBot();
    await world.say(admin, "/start", /giúp Văn phòng Sở tổ chức/);
    for (const unit of UNITS)
      await world.say(
        admin,
        `/units add ${unit.code} ${unit.name}`,
        new RegExp(`Đã thêm đơn vị ${unit.code}`),
      );
    await world.say(admin, `/round open ${YEAR}`, new RegExp(`Đã mở kỳ xét khen thưởng năm ${YEAR}`));
    await stopGracefully(first);
    await seedNinePassedIndividuals(GK_FORM.id);
    await world.startBot();
    const before = await world.say(admin, "/quota", /Số lượng khen thưởng năm/);
    expect(before.plain_text).toContain(`Cá nhân: 9/10 ${QUOTA_FROM}`);

    // ---- Everyone registers through invites: heads, staff, and the Council's three members.
    for (const unit of UNITS) {
      await world.register(
        unit.head,
        await world.createInvite(admin, unit.code, "head"),
        unit.headName,
        "Trưởng phòng",
      );
      for (const person of unit.staff)
        await world.register(
          person.user,
          await world.createInvite(admin, unit.code),
          person.name,
          "Chuyên viên",
        );
    }
    for (const seat of COUNCIL) {
      const token = await world.createInvite(admin, TTS.code, "council");
      await world.register(seat.user, token, seat.name, seat.position);
      await world.emulator.waitForMessage(seat.user.id, (m) =>
        (m.plain_text ?? "").includes("Anh/Chị đã là ủy viên Hội đồng Thi đua - Khen thưởng của Sở"),
      );
    }
    const [chairSeat, secretarySeat] = COUNCIL;
    if (!chairSeat || !secretarySeat) throw new Error("no council");
    await world.say(
      admin,
      `/council chair ${chairSeat.name}`,
      new RegExp(`Đã chỉ định ${chairSeat.name} là Chủ tịch Hội đồng`),
    );
    await world.say(
      admin,
      `/council secretary ${secretarySeat.name}`,
      new RegExp(`Đã chỉ định ${secretarySeat.name} là Thư ký Hội đồng`),
    );
    const council = await world.say(admin, "/council", /Chủ tịch Hội đồng/);
    for (const seat of COUNCIL) expect(council.plain_text).toContain(seat.name);

    // ---- Each head nominates their staff with a reason and sends the dossier.
    for (const unit of UNITS) {
      await nominateStaff(unit);
      await sendDossier(unit);
    }

    // ---- The Office reviews the five and puts each to the Council.
    const ids: Record<number, number> = {};
    for (const unit of UNITS)
      for (const person of unit.staff) ids[person.user.id] = await recommend(person.name);
    const id = (user: FakeUser) => {
      const found = ids[user.id];
      if (found === undefined) throw new Error(`no nomination for ${user.first_name}`);
      return found;
    };

    // ---- The meeting opens: each member gets the agenda with a button to their ballot.
    const opened = await world.say(admin, `/council meet`, /Đã mở phiên họp/);
    expect(opened.plain_text).toContain("cho 3 thành viên Hội đồng (3 người nhận được trên bot)");
    const agendas = new Map<number, BotMessage>();
    for (const seat of COUNCIL) {
      const agenda = await world.emulator.waitForMessage(seat.user.id, (m) =>
        buttonsOf(m).some((data) => data.startsWith("cm:b:")),
      );
      agendas.set(seat.user.id, agenda);
    }
    const someAgenda = agendas.get(chair.id);
    if (!someAgenda) throw new Error("the chair has no agenda");
    const meetingId = Number(/^cm:b:(\d+)$/.exec(buttonsOf(someAgenda)[0] ?? "")?.[1]);
    expect(meetingId).toBeGreaterThan(0);
    const agendaText = world.textAfter(chair, 0);
    expect(agendaText).toContain(
      `Phiên họp số ${meetingId} của Hội đồng Thi đua - Khen thưởng — năm ${YEAR}`,
    );
    for (const unit of UNITS)
      for (const person of unit.staff) {
        expect(agendaText).toContain(person.name);
        expect(agendaText).toContain(`Lý do của đơn vị: ${person.reason}`);
      }

    // ---- The votes: Lan and Nam 3 each (a tie for the one place), Minh 2 (enough, but no place), Tuấn 1,
    // Mai 0. The member first votes against Nam, then changes it before confirming.
    const agendaOf = (user: FakeUser) => {
      const agenda = agendas.get(user.id);
      if (!agenda) throw new Error(`${user.first_name} has no agenda`);
      return agenda;
    };
    const votesOf = (choices: Record<number, Vote>): Array<[number, Vote]> =>
      [lan, minh, tuan, nam, mai].map((u) => [id(u), choices[u.id] ?? "d"]);
    const chairBallot = await castBallot(
      chair,
      agendaOf(chair),
      meetingId,
      votesOf({ [lan.id]: "a", [nam.id]: "a", [minh.id]: "a", [tuan.id]: "a", [mai.id]: "d" }),
    );
    await confirmBallot(chair, chairBallot, meetingId);
    const secretaryBallot = await castBallot(
      secretary,
      agendaOf(secretary),
      meetingId,
      votesOf({ [lan.id]: "a", [nam.id]: "a", [minh.id]: "a", [tuan.id]: "d", [mai.id]: "d" }),
    );
    await confirmBallot(secretary, secretaryBallot, meetingId);
    let memberBallot = await castBallot(
      member,
      agendaOf(member),
      meetingId,
      votesOf({ [lan.id]: "a", [nam.id]: "d", [minh.id]: "d", [tuan.id]: "d", [mai.id]: "d" }),
    );
    memberBallot = await vote(member, memberBallot, `cm:v:${meetingId}:${id(nam)}:a`);
    expect(
      (memberBallot.reply_markup?.inline_keyboard ?? [])
        .flat()
        .find((b) => b.callback_data === `cm:v:${meetingId}:${id(nam)}:d`)?.text,
    ).not.toMatch(/^✅/);
    await confirmBallot(member, memberBallot, meetingId);

    // The chair's running count: three ballots, two votes needed.
    const count = await world.say(chair, "/council count", /Kết quả kiểm phiếu tạm thời/);
    expect(count.plain_text).toContain(
      "Đã gửi phiếu: 3/3 thành viên. Cần ít nhất 2 phiếu đồng ý để thông qua.",
    );
    expect(count.plain_text).toContain(`${NAME[nam.id]} (${BTTP.code}): 👍 3 · 👎 0`);

    // ---- The chair closes the meeting and is shown the tie at the quota's boundary.
    const tie = await until(
      chair,
      () => world.emulator.sendText(chair, "/council close"),
      (m) => buttonsOf(m).some((data) => data.startsWith(`cm:t:${meetingId}:`)),
    );
    expect(tie.plain_text).toContain(
      "Bằng phiếu tại giới hạn số lượng khen thưởng — Giấy khen của Giám đốc Sở, cá nhân: 2 đề nghị cùng 3 phiếu đồng ý, còn 1 suất.",
    );
    expect(tie.plain_text).toContain(`${NAME[lan.id]} (${HCTP.code})`);
    expect(tie.plain_text).toContain(`${NAME[nam.id]} (${BTTP.code})`);
    expect(tie.plain_text).not.toContain(NAME[minh.id]);
    expect(world.textAfter(chair, 0)).toContain(
      "Có 1 trường hợp bằng phiếu tại giới hạn số lượng khen thưởng",
    );
    const asked = await world.press(
      chair,
      tie,
      `cm:t:${meetingId}:${GK}:p:${id(nam)}`,
      /Vui lòng nhập lý do lựa chọn/,
    );
    expect(asked.plain_text).toContain(`Anh/Chị chọn: ${NAME[nam.id]}.`);
    const result = await world.say(chair, TIE_REASON, /Kết quả phiên họp số/);
    const resultText = result.plain_text ?? "";
    expect(resultText).toContain(
      `Kết quả phiên họp số ${meetingId} của Hội đồng Thi đua - Khen thưởng — năm ${YEAR}`,
    );
    expect(resultText).toContain(
      "Thành viên gửi phiếu: 3/3. Thông qua khi có từ 2 phiếu đồng ý trở lên (trên 3).",
    );
    expect(resultText).toContain("(số lượng khen thưởng còn lại: 1)");
    expect(resultText).toContain(
      `• ${NAME[nam.id]} (${BTTP.code}): 👍 3 · 👎 0 · hạng 1 — ✅ được thông qua (Chủ tịch Hội đồng chọn khi bằng phiếu)`,
    );
    expect(resultText).toContain(
      `• ${NAME[lan.id]} (${HCTP.code}): 👍 3 · 👎 0 · hạng 1 — ❌ không được thông qua (đạt số phiếu nhưng ngoài số lượng khen thưởng)`,
    );
    expect(resultText).toContain(
      `• ${NAME[minh.id]} (${HCTP.code}): 👍 2 · 👎 1 · hạng 3 — ❌ không được thông qua (đạt số phiếu nhưng ngoài số lượng khen thưởng)`,
    );
    expect(resultText).toContain(`• ${NAME[tuan.id]} (${HCTP.code}): 👍 1 · 👎 2 — ❌ không được thông qua`);
    expect(resultText).toContain(`• ${NAME[mai.id]} (${BTTP.code}): 👍 0 · 👎 3 — ❌ không được thông qua`);
    expect(resultText).toContain(
      `Chủ tịch Hội đồng (${chairSeat.name}) chọn khi bằng phiếu (Giấy khen Giám đốc Sở): ${NAME[nam.id]}. Lý do: ${TIE_REASON}`,
    );
    expect(resultText).toContain("Tất cả thành viên đã gửi phiếu.");

    // ---- The Office gets the result; each nominee and each head their own outcomes.
    const officeResult = await world.emulator.waitForMessage(admin.id, (m) =>
      (m.plain_text ?? "").includes(`Kết quả phiên họp số ${meetingId}`),
    );
    expect(officeResult.plain_text).toContain(TIE_REASON);
    const PASSED = "✅ được thông qua (Chủ tịch Hội đồng chọn khi bằng phiếu)";
    const OVER = "❌ không được thông qua (đạt số phiếu nhưng ngoài số lượng khen thưởng)";
    const FAILED = "❌ không được thông qua";
    const expected: Record<number, string> = {
      [nam.id]: PASSED,
      [lan.id]: OVER,
      [minh.id]: OVER,
      [tuan.id]: FAILED,
      [mai.id]: FAILED,
    };
    const lineOf = (user: FakeUser) => {
      const outcome = expected[user.id];
      if (!outcome) throw new Error(`no outcome for ${user.first_name}`);
      return `• ${NAME[user.id]} — Giấy khen của Giám đốc Sở: ${outcome}`;
    };
    for (const unit of UNITS) {
      for (const person of unit.staff) {
        const told = await world.emulator.waitForMessage(person.user.id, (m) =>
          (m.plain_text ?? "").startsWith(OUTCOME_TITLE),
        );
        expect(told.plain_text).toBe(`${OUTCOME_TITLE}\n${lineOf(person.user)}`);
      }
      const toHead = await world.emulator.waitForMessage(unit.head.id, (m) =>
        (m.plain_text ?? "").startsWith(OUTCOME_TITLE),
      );
      const headLines = (toHead.plain_text ?? "").split("\n").slice(1).sort();
      expect(headLines).toEqual(unit.staff.map((person) => lineOf(person.user)).sort());
    }

    // ---- In the database: one passed, four not; the tie-break's reason kept; the meeting closed.
    const db = openDatabase(databasePath());
    try {
      const statuses = await db
        .selectFrom("nominations")
        .select(["id", "status"])
        .where(
          "id",
          "in",
          [lan, minh, tuan, nam, mai].map((u) => id(u)),
        )
        .execute();
      expect(Object.fromEntries(statuses.map((n) => [n.id, n.status]))).toEqual({
        [id(nam)]: "council_passed",
        [id(lan)]: "not_passed",
        [id(minh)]: "not_passed",
        [id(tuan)]: "not_passed",
        [id(mai)]: "not_passed",
      });
      const tieBreaks = await db.selectFrom("council_tie_breaks").selectAll().execute();
      expect(tieBreaks).toHaveLength(1);
      expect(tieBreaks[0]).toMatchObject({
        meeting_id: meetingId,
        form_id: GK_FORM.id,
        nominee_kind: "individual",
        chosen: JSON.stringify([id(nam)]),
        reason: TIE_REASON,
        by: chair.id,
        by_name: chairSeat.name,
      });
      const meeting = await db
        .selectFrom("council_meetings")
        .select(["status", "closed_by"])
        .where("id", "=", meetingId)
        .executeTakeFirstOrThrow();
      expect(meeting).toEqual({ status: "closed", closed_by: chair.id });
    } finally {
      await db.destroy();
    }
    const full = await world.say(admin, "/quota", /Số lượng khen thưởng năm/);
    expect(full.plain_text).toContain(`Cá nhân: 10/10 ${QUOTA_FROM}`);

    // ---- The Office records the Director's decision, in one step for the ten the Council passed.
    const home = await world.say(admin, "/record", button(GK_DECIDE));
    expect(home.plain_text).toContain(
      "Ghi nhận Quyết định khen thưởng: 10 đề nghị đang ở bước “Hội đồng Thi đua - Khen thưởng đã thông qua”",
    );
    const checklist = await world.press(admin, home, GK_DECIDE, button("rr:go"));
    const ticked = buttonTexts(checklist).filter((text) => text.startsWith("✅"));
    expect(ticked).toHaveLength(10);
    expect(ticked.some((text) => text.includes(NAME[nam.id] ?? "?"))).toBe(true);
    for (const other of [lan, minh, tuan, mai])
      expect(buttonTexts(checklist).some((text) => text.includes(NAME[other.id] ?? "?"))).toBe(false);
    expect(buttonTexts(checklist)).toContain("➡️ Tiếp tục (10)");
    await world.press(admin, checklist, "rr:go", /số, ký hiệu Quyết định khen thưởng \(10 đề nghị\)/);
    await world.say(admin, "125/QĐ", /Số quyết định chưa đúng dạng/);
    await world.say(admin, DECISION_NUMBER, /ngày ký quyết định/);
    const check = await world.say(admin, TODAY, /Vui lòng kiểm tra trước khi ghi nhận cho 10 đề nghị/);
    expect(check.plain_text).toContain(`${DECISION}.`);
    expect(check.plain_text).toContain(NAME[nam.id]);
    const recorded = await world.press(admin, check, "rr:ok", /Đã ghi nhận văn bản số/);
    expect(recorded.plain_text).toContain(
      `Đã ghi nhận văn bản số ${DECISION_NUMBER} ngày ${TODAY} cho 10 đề nghị`,
    );
    // The seeded unit has no head on the bot: the Office is asked to tell them itself.
    expect(recorded.plain_text).toContain(
      "Bot không gửi được tin cho trưởng đơn vị của: Thanh tra viên số 1",
    );
    // Nam and his head are told, with the decision.
    for (const person of [nam, hoa]) {
      const told = await world.emulator.waitForMessage(person.id, (m) =>
        /đã được khen thưởng:/.test(m.plain_text ?? ""),
      );
      expect(told.plain_text).toBe(
        `🏅 ${NAME[nam.id]} đã được khen thưởng: Giấy khen của Giám đốc Sở.\n${DECISION}.`,
      );
    }
    const after = await world.say(admin, "/quota", /Số lượng khen thưởng năm/);
    expect(after.plain_text).toContain(`Cá nhân: 10/10 ${QUOTA_FROM}`);

    const records = openDatabase(databasePath());
    try {
      const awarded = await records
        .selectFrom("nominations")
        .select(["id", "status", "decision_number"])
        .where("status", "=", "awarded")
        .execute();
      expect(awarded).toHaveLength(10);
      expect(awarded.find((n) => n.id === id(nam))).toEqual({
        id: id(nam),
        status: "awarded",
        decision_number: DECISION_NUMBER,
      });
      const [record, ...others] = await records.selectFrom("route_records").selectAll().execute();
      expect(others).toEqual([]);
      expect(record).toMatchObject({
        kind: "decision",
        form_id: GK_FORM.id,
        step_id: "awarded",
        number: DECISION_NUMBER,
        party: "Giám đốc Sở Tư pháp tỉnh Ninh Bình",
      });
      expect((JSON.parse(record?.nomination_ids ?? "[]") as number[]).sort((a, b) => a - b)).toEqual(
        awarded.map((n) => n.id).sort((a, b) => a - b),
      );
    } finally {
      await records.destroy();
    }

    // Told once: the outbox sent each outcome a single time, also after everything above.
    for (const user of [lan, minh, tuan, nam, mai, hung, hoa]) expect(outcomeNotices(user)).toHaveLength(1);
    for (const seat of COUNCIL) expect(outcomeNotices(seat.user)).toHaveLength(0);
    const awardNotices = (user: FakeUser) =>
      world.emulator.messagesIn(user.id).filter((m) => /đã được khen thưởng:/.test(m.plain_text ?? ""));
    expect(awardNotices(nam)).toHaveLength(1);
    expect(awardNotices(hoa)).toHaveLength(1);
    for (const user of [lan, minh, tuan, mai, hung]) expect(awardNotices(user)).toHaveLength(0);
    expectNoErrors();
  });
});
