import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setCouncilRole } from "../../db/council-members.js";
import { addNomination, findNomination, moveNomination, nominationHistory } from "../../db/nominations.js";
import type { CouncilRole } from "../../db/schema.js";
import { findUnitByCode } from "../../db/units.js";
import { createHarness, type Harness } from "../helpers/harness.js";
import { insertUser } from "../helpers/scenarios.js";
import { type TestUser, user } from "../helpers/updates.js";

/**
 * A meeting of the Hội đồng Thi đua - Khen thưởng in chat, with seven members: the Office opens it for the
 * nominations it recommended, each member votes and confirms a ballot, the chair sees the running count, the
 * meeting closes with the campaign's threshold (more than half of those present), and the quota's last place
 * goes to one of two tied nominations, chosen by the chair with a reason.
 */
const GK = "giay-khen-giam-doc-so";
const BKT = "bang-khen-chu-tich-tinh";
const admin = user(1001, "Admin");
const head = user(2000, "Bình");
const lan = user(2001, "Lan");
const minh = user(2002, "Minh");
const stranger = user(2099, "Khách");
const chair = user(3001, "Chair");
const secretary = user(3002, "Secretary");
const m3 = user(3003, "M3");
const m4 = user(3004, "M4");
const m5 = user(3005, "M5");
const m6 = user(3006, "M6");
const m7 = user(3007, "M7");
const MEMBERS = [chair, secretary, m3, m4, m5, m6, m7];
const NAMES: Record<number, string> = {
  [chair.id]: "Phạm Văn Chủ",
  [secretary.id]: "Lê Thị Thư",
  [m3.id]: "Ngô Văn Ba",
  [m4.id]: "Đinh Thị Bốn",
  [m5.id]: "Hoàng Văn Năm",
  [m6.id]: "Vũ Thị Sáu",
  [m7.id]: "Trịnh Văn Bảy",
};
const NOW = "2026-12-01T03:00:00.000Z";

let h: Harness;
let unitId: number;

const alert = () => String(h.telegram.callsOf("answerCallbackQuery").at(-1)?.payload.text ?? "");
const reply = (person: TestUser) => h.telegram.lastTextTo(person.id);

async function person(u: TestUser, fullName: string, role: "employee" | "unit_head" = "employee") {
  await insertUser(h.db, { telegramId: u.id, fullName, unitId, role, at: NOW });
}

/** A nomination the Office has recommended to the Council, its note given on the last move. */
async function recommended(formId: string, nomineeId: number, name: string): Promise<number> {
  const added = await addNomination(
    h.db,
    {
      year: 2026,
      unitId,
      formId,
      nomineeKind: "individual",
      nomineeId,
      nomineeName: name,
      eligible: true,
      resultSummary: JSON.stringify({ met: 6, total: 6, progress: "submitted", consider: true }),
      reason: null,
      by: head.id,
      byRole: "unit_head",
      updateId: null,
    },
    new Date(NOW),
  );
  if (!added) throw new Error("not added");
  const move = (from: string, to: string, reason: string | null, by = admin.id) =>
    moveNomination(
      h.db,
      {
        id: added.id,
        from,
        to,
        by,
        byRole: by === admin.id ? "office" : "unit_head",
        reason,
        updateId: null,
      },
      new Date(NOW),
    );
  await move("draft", "submitted", null, head.id);
  await move("submitted", "under_review", null);
  await move("under_review", "recommended", `Hồ sơ của ${name} đầy đủ`);
  return added.id;
}

/** Nine people already passed for the Giấy khen: one place left in its quota of ten. */
async function nineAlreadyPassed() {
  for (let i = 0; i < 9; i++) {
    const id = await recommended(GK, 9000 + i, `Người đã qua ${i}`);
    await h.db.updateTable("nominations").set({ status: "council_passed" }).where("id", "=", id).execute();
  }
}

async function meetingRow() {
  return h.db.selectFrom("council_meetings").selectAll().orderBy("id", "desc").executeTakeFirst();
}

/** A member votes on each nomination (a: agree, d: disagree), then confirms. */
async function vote(member: TestUser, meetingId: number, votes: Array<[number, "a" | "d"]>) {
  for (const [nominationId, choice] of votes)
    await h.press(member, `cm:v:${meetingId}:${nominationId}:${choice}`);
  await h.press(member, `cm:ok:${meetingId}`);
}

beforeEach(async () => {
  h = await createHarness({ officeAdminIds: [admin.id], now: NOW });
  await h.send(admin, "/units add HCTP Phòng Hành chính tư pháp");
  unitId = (await findUnitByCode(h.db, "HCTP"))?.id ?? 0;
  await h.send(admin, "/round open 2026");
  await person(head, "Trần Văn Bình", "unit_head");
  await person(lan, "Nguyễn Thị Lan");
  await person(minh, "Đỗ Văn Minh");
  await person(stranger, "Người Ngoài");
  for (const member of MEMBERS) await person(member, NAMES[member.id] ?? "?");
  const roles: Array<[TestUser, CouncilRole]> = [
    [chair, "chair"],
    [secretary, "secretary"],
    [m3, "member"],
    [m4, "member"],
    [m5, "member"],
    [m6, "member"],
    [m7, "member"],
  ];
  for (const [member, role] of roles)
    await setCouncilRole(h.db, { telegramId: member.id, role }, admin.id, new Date(NOW));
});
afterEach(() => h.close());

describe("a whole meeting of seven members", () => {
  it("opens, votes, breaks the tie at the quota's boundary, moves the nominations, tells each person once and keeps the minutes", async () => {
    await nineAlreadyPassed();
    const a = await recommended(GK, lan.id, "Nguyễn Thị Lan");
    const b = await recommended(GK, minh.id, "Đỗ Văn Minh");
    const c = await recommended(GK, 7003, "Phan Văn Chín");
    const d = await recommended(BKT, lan.id, "Nguyễn Thị Lan");

    await h.send(admin, "/council meet");
    const meeting = await meetingRow();
    expect(meeting?.status).toBe("open");
    const id = meeting?.id ?? 0;
    const agendaText = h.telegram.textsTo(admin.id).join("\n");
    expect(agendaText).toContain(`Phiên họp số ${id} của Hội đồng Thi đua - Khen thưởng — năm 2026`);
    expect(agendaText).toContain("Tiêu chí: ✅ đáp ứng 6/6 tiêu chí");
    expect(agendaText).toContain("Ý kiến của Văn phòng Sở: Hồ sơ của Đỗ Văn Minh đầy đủ");
    expect(reply(admin)).toContain("gửi chương trình họp cho 7 thành viên Hội đồng");

    // Each member gets the agenda and a button to the ballot, through the outbox.
    await h.settle();
    for (const member of MEMBERS) {
      expect(h.telegram.textsTo(member.id).join("\n")).toContain("Chương trình họp: 4 đề nghị.");
      expect(h.telegram.lastButtonsTo(member.id).map((x) => x.callback_data)).toEqual([`cm:b:${id}`]);
    }
    await h.press(m3, `cm:b:${id}`);
    expect(reply(m3)).toContain("Phiếu biểu quyết — phiên họp số");
    // The agenda's order: the Giấy khen first, then by unit and name, as /nominations lists them.
    expect(h.telegram.lastButtonsTo(m3.id).map((x) => x.callback_data)).toEqual([
      `cm:v:${id}:${b}:a`,
      `cm:v:${id}:${b}:d`,
      `cm:v:${id}:${a}:a`,
      `cm:v:${id}:${a}:d`,
      `cm:v:${id}:${c}:a`,
      `cm:v:${id}:${c}:d`,
      `cm:v:${id}:${d}:a`,
      `cm:v:${id}:${d}:d`,
      `cm:ok:${id}`,
    ]);

    // A ballot cannot be sent half done.
    await h.press(m3, `cm:v:${id}:${a}:a`);
    await h.press(m3, `cm:ok:${id}`);
    expect(alert()).toContain("còn 3 đề nghị chưa biểu quyết");

    // Six vote; m7 is absent. a and b: 5 agree each; c: 2; d (no quota): 4 of 6.
    await vote(chair, id, [
      [a, "a"],
      [b, "a"],
      [c, "a"],
      [d, "a"],
    ]);
    await vote(secretary, id, [
      [a, "a"],
      [b, "a"],
      [c, "d"],
      [d, "a"],
    ]);
    await vote(m3, id, [
      [b, "a"],
      [c, "a"],
      [d, "a"],
    ]);
    await vote(m4, id, [
      [a, "a"],
      [b, "a"],
      [c, "d"],
      [d, "a"],
    ]);
    await vote(m5, id, [
      [a, "a"],
      [b, "d"],
      [c, "d"],
      [d, "d"],
    ]);
    await vote(m6, id, [
      [a, "d"],
      [b, "a"],
      [c, "d"],
      [d, "d"],
    ]);
    // m3 changes a vote after sending: the ballot is reopened, then confirmed again.
    await h.press(m3, `cm:v:${id}:${c}:d`);
    expect(alert()).toContain("Bấm “Xác nhận phiếu” để gửi lại");
    await h.press(m3, `cm:ok:${id}`);
    expect(alert()).toBe("Đã gửi phiếu.");

    // The running count, for the chair only.
    await h.send(chair, "/council count");
    expect(reply(chair)).toContain("Đã gửi phiếu: 6/7 thành viên. Cần ít nhất 4 phiếu đồng ý");
    expect(reply(chair)).toContain("3. Phan Văn Chín (HCTP): 👍 1 · 👎 5");

    // The Office closes: a and b tie for the last place; the chair is sent the tie to break.
    await h.send(admin, "/council close");
    expect(reply(admin)).toContain("Bot đã gửi cho Chủ tịch Hội đồng (Phạm Văn Chủ) để chọn");
    expect((await meetingRow())?.status).toBe("tie_break");
    await h.settle();
    expect(reply(chair)).toContain("2 đề nghị cùng 5 phiếu đồng ý, còn 1 suất");
    expect(h.telegram.lastButtonsTo(chair.id).map((x) => x.callback_data)).toEqual([
      `cm:t:${id}:2:p:${a}`,
      `cm:t:${id}:2:p:${b}`,
    ]);
    // Votes are over once the meeting is closing.
    await h.press(m7, `cm:v:${id}:${a}:a`);
    expect(alert()).toContain("Phiên họp đã kết thúc biểu quyết");

    await h.press(chair, `cm:t:${id}:2:p:${b}`);
    expect(reply(chair)).toContain("Anh/Chị chọn: <b>Đỗ Văn Minh</b>. Vui lòng nhập lý do");
    await h.send(chair, "Có sáng kiến cấp tỉnh");
    const result = reply(chair);
    expect(result).toContain(`Kết quả phiên họp số ${id}`);
    expect(result).toContain("Thành viên gửi phiếu: 6/7");
    expect(result).toContain(
      "• Đỗ Văn Minh (HCTP): 👍 5 · 👎 1 · hạng 1 — ✅ được thông qua (Chủ tịch Hội đồng chọn khi bằng phiếu)",
    );
    expect(result).toContain(
      "• Nguyễn Thị Lan (HCTP): 👍 5 · 👎 1 · hạng 1 — ❌ không được thông qua (đạt số phiếu nhưng ngoài số lượng khen thưởng)",
    );
    expect(result).toContain("• Phan Văn Chín (HCTP): 👍 1 · 👎 5 — ❌ không được thông qua");
    expect(result).toContain(
      "Chủ tịch Hội đồng (Phạm Văn Chủ) chọn khi bằng phiếu (Giấy khen Giám đốc Sở): Đỗ Văn Minh. Lý do: Có sáng kiến cấp tỉnh",
    );
    expect(result).toContain("Thành viên không gửi phiếu: Trịnh Văn Bảy.");
    // Of the two with equal votes, the one the chair chose comes first.
    expect(result.indexOf("• Đỗ Văn Minh (HCTP)")).toBeLessThan(
      result.indexOf("• Nguyễn Thị Lan (HCTP): 👍 5"),
    );

    // The moves, made by the Council.
    const statuses = await Promise.all(
      [a, b, c, d].map(async (n) => (await findNomination(h.db, n))?.status),
    );
    expect(statuses).toEqual(["not_passed", "council_passed", "not_passed", "council_passed"]);
    const last = (await nominationHistory(h.db, b)).at(-1);
    expect(last).toMatchObject({
      from_status: "recommended",
      to_status: "council_passed",
      by_role: "council",
    });
    const tieBreaks = await h.db.selectFrom("council_tie_breaks").selectAll().execute();
    expect(tieBreaks).toMatchObject([
      { chosen: JSON.stringify([b]), reason: "Có sáng kiến cấp tỉnh", by: chair.id },
    ]);

    // Told once each: the head of all four, Lan of her two, Minh of his; the Office of the result.
    await h.settle();
    const outbox = await h.db
      .selectFrom("reminder_outbox")
      .select(["chat_id", "slot_key", "text"])
      .where("slot_key", "=", `notice:council:${id}`)
      .execute();
    expect(outbox.map((row) => row.chat_id).sort()).toEqual([head.id, lan.id, minh.id].sort());
    const toLan = outbox.find((row) => row.chat_id === lan.id)?.text ?? "";
    expect(toLan).toContain("Nguyễn Thị Lan — Giấy khen của Giám đốc Sở: ❌ không được thông qua");
    expect(toLan).toContain("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh: ✅ được thông qua");
    expect(toLan).not.toContain("Đỗ Văn Minh");
    expect((outbox.find((row) => row.chat_id === head.id)?.text ?? "").split("\n")).toHaveLength(5);
    expect(h.telegram.textsTo(admin.id).join("\n")).toContain(`Kết quả phiên họp số ${id}`);

    // Closing again changes nothing and tells no one again.
    await h.send(admin, "/council close");
    expect(reply(admin)).toContain("Không có phiên họp Hội đồng Thi đua - Khen thưởng nào đang diễn ra");
    const again = await h.db
      .selectFrom("reminder_outbox")
      .select("id")
      .where("slot_key", "like", "notice:council:%")
      .execute();
    expect(again).toHaveLength(3);

    // A vote after the meeting closed is refused, and nothing changes.
    const votesBefore = await h.db.selectFrom("council_votes").selectAll().execute();
    await h.press(m7, `cm:v:${id}:${a}:a`);
    expect(alert()).toContain("Phiên họp đã kết thúc biểu quyết");
    expect(await h.db.selectFrom("council_votes").selectAll().execute()).toEqual(votesBefore);

    // The minutes: the secretary reads attendance and each member's vote.
    await h.send(secretary, "/council minutes");
    const minutes = h.telegram.textsTo(secretary.id).join("\n");
    expect(minutes).toContain(`Biên bản phiên họp số ${id}`);
    expect(minutes).toContain("(Văn phòng Sở). Kết thúc: 10:00 01/12/2026 (Phạm Văn Chủ).");
    expect(minutes).toContain(
      "Thành viên tham dự (đã gửi phiếu): Phạm Văn Chủ, Lê Thị Thư, Đinh Thị Bốn, Hoàng Văn Năm, Ngô Văn Ba, Vũ Thị Sáu.",
    );
    expect(minutes).toContain(
      "• Phan Văn Chín — đồng ý: Phạm Văn Chủ; không đồng ý: Lê Thị Thư, Đinh Thị Bốn, Hoàng Văn Năm, Ngô Văn Ba, Vũ Thị Sáu",
    );
    const stored = JSON.parse((await meetingRow())?.minutes ?? "{}");
    expect(
      stored.members.filter((m: { present: boolean }) => !m.present).map((m: { id: number }) => m.id),
    ).toEqual([m7.id]);
    expect(stored.votes).toHaveLength(24);
    expect(stored.groups[0]).toMatchObject({ formId: GK, slotsLeft: 1, ranking: [a, b] });
  });
});

describe("bad input", () => {
  it("refuses a meeting with nothing on the agenda, and one where the quota is full", async () => {
    await h.send(admin, "/council meet");
    expect(reply(admin)).toContain("Chưa có đề nghị nào được trình Hội đồng");
    await nineAlreadyPassed();
    const tenth = await recommended(GK, 7010, "Người thứ mười");
    await h.db.updateTable("nominations").set({ status: "council_passed" }).where("id", "=", tenth).execute();
    await recommended(GK, lan.id, "Nguyễn Thị Lan");
    await h.send(admin, "/council meet gk");
    expect(reply(admin)).toContain(
      "Số lượng khen thưởng của các hình thức khen thưởng trong chương trình họp đã dùng hết",
    );
    await h.send(admin, "/council meet xyz");
    expect(reply(admin)).toContain("Không có hình thức khen thưởng “xyz”");
    expect(await meetingRow()).toBeUndefined();
  });

  it("refuses a second meeting while one is open, and a meeting of a Council with no members", async () => {
    await recommended(GK, lan.id, "Nguyễn Thị Lan");
    await h.send(admin, "/council meet");
    await h.send(admin, "/council meet");
    expect(reply(admin)).toContain("Đang có một phiên họp Hội đồng Thi đua - Khen thưởng chưa kết thúc");
    expect(await h.db.selectFrom("council_meetings").selectAll().execute()).toHaveLength(1);
    await h.db.updateTable("council_meetings").set({ status: "closed" }).execute();
    await h.db.updateTable("council_members").set({ removed_at: NOW, removed_by: admin.id }).execute();
    await h.send(admin, "/council meet");
    expect(reply(admin)).toContain("Hội đồng Thi đua - Khen thưởng chưa có thành viên nào");
    expect(await h.db.selectFrom("council_meetings").selectAll().execute()).toHaveLength(1);
  });

  it("takes two presses at once by one member as one vote, and a double confirmation once", async () => {
    const a = await recommended(GK, lan.id, "Nguyễn Thị Lan");
    await h.send(admin, "/council meet");
    const id = (await meetingRow())?.id ?? 0;
    await Promise.all([h.press(m3, `cm:v:${id}:${a}:a`), h.press(m3, `cm:v:${id}:${a}:d`)]);
    const votes = await h.db.selectFrom("council_votes").selectAll().where("member_id", "=", m3.id).execute();
    expect(votes).toHaveLength(1);
    // The same button twice at once: the second sees the first, and nothing changes.
    await Promise.all([h.press(m4, `cm:v:${id}:${a}:a`), h.press(m4, `cm:v:${id}:${a}:a`)]);
    expect(
      await h.db.selectFrom("council_votes").selectAll().where("member_id", "=", m4.id).execute(),
    ).toMatchObject([{ nomination_id: a, vote: "agree" }]);
    expect(h.telegram.callsOf("answerCallbackQuery").map((call) => call.payload.text)).toContain(
      "Phiếu này không thay đổi.",
    );
    await Promise.all([h.press(m3, `cm:ok:${id}`), h.press(m3, `cm:ok:${id}`)]);
    const alerts = h.telegram
      .callsOf("answerCallbackQuery")
      .slice(-2)
      .map((call) => String(call.payload.text));
    expect(alerts.sort()).toEqual(["Phiếu của Anh/Chị đã được gửi rồi.", "Đã gửi phiếu."].sort());
    expect(await h.db.selectFrom("council_ballots").selectAll().execute()).toHaveLength(1);
  });

  it("refuses a vote button pressed by someone not in the meeting (a forwarded message)", async () => {
    const a = await recommended(GK, lan.id, "Nguyễn Thị Lan");
    await h.send(admin, "/council meet");
    const id = (await meetingRow())?.id ?? 0;
    for (const outsider of [stranger, admin, head]) {
      await h.press(outsider, `cm:v:${id}:${a}:a`);
      expect(alert()).toContain("Chỉ thành viên Hội đồng Thi đua - Khen thưởng dự phiên họp này");
      await h.press(outsider, `cm:ok:${id}`);
      expect(alert()).toContain("Chỉ thành viên Hội đồng Thi đua - Khen thưởng dự phiên họp này");
    }
    // A member added after the meeting opened was not called to it.
    await setCouncilRole(h.db, { telegramId: stranger.id, role: "member" }, admin.id, new Date(NOW));
    await h.press(stranger, `cm:v:${id}:${a}:a`);
    expect(alert()).toContain("Chỉ thành viên Hội đồng Thi đua - Khen thưởng dự phiên họp này");
    expect(await h.db.selectFrom("council_votes").selectAll().execute()).toEqual([]);
  });

  it("refuses closing by a plain member or the secretary, and the meeting stays open", async () => {
    await recommended(GK, lan.id, "Nguyễn Thị Lan");
    await h.send(admin, "/council meet");
    for (const who of [m3, secretary, head, lan]) {
      await h.send(who, "/council close");
      expect(reply(who)).toContain("Chỉ Chủ tịch Hội đồng hoặc Văn phòng Sở được kết thúc phiên họp");
    }
    expect((await meetingRow())?.status).toBe("open");
    // The chair may close it; with no ballots sent, nothing passes.
    await h.send(chair, "/council close");
    expect(reply(chair)).toContain("Thành viên gửi phiếu: 0/7");
    expect((await meetingRow())?.status).toBe("closed");
  });
});

describe("who may use each command and button", () => {
  it("answers each role as it should", async () => {
    const a = await recommended(GK, lan.id, "Nguyễn Thị Lan");
    const b = await recommended(GK, minh.id, "Đỗ Văn Minh");
    // /council meet: the Office only.
    for (const who of [lan, head, m3, chair]) {
      await h.send(who, "/council meet");
      expect(reply(who)).toContain("Lệnh này chỉ dành cho Văn phòng Sở");
      expect(await meetingRow()).toBeUndefined();
    }
    await h.send(admin, "/help");
    expect(reply(admin)).toContain("/council meet [mã hình thức…]: mở phiên họp");
    expect(reply(admin).length).toBeLessThan(4096);
    await h.send(lan, "/help");
    expect(reply(lan)).not.toContain("/council meet");
    await h.send(admin, "/council meet");
    const id = (await meetingRow())?.id ?? 0;

    // The ballot, the vote and the confirmation: members of the meeting only.
    for (const who of [lan, head, admin]) {
      await h.press(who, `cm:b:${id}`);
      expect(alert()).toContain("Chỉ thành viên Hội đồng");
    }
    for (const who of [m3, chair]) {
      await h.press(who, `cm:b:${id}`);
      expect(reply(who)).toContain("Phiếu biểu quyết");
    }

    // The running count (command and button): the chair only.
    for (const who of [lan, head, m3, secretary, admin]) {
      await h.send(who, "/council count");
      expect(reply(who)).toContain("Chỉ Chủ tịch Hội đồng Thi đua - Khen thưởng được làm việc này");
      await h.press(who, "cm:count");
      expect(alert()).toContain("Chỉ Chủ tịch Hội đồng Thi đua - Khen thưởng được làm việc này");
    }
    await h.press(chair, "cm:count");
    expect(reply(chair)).toContain("Kết quả kiểm phiếu tạm thời");

    // Closing by button: the chair or the Office.
    for (const who of [lan, head, m3]) {
      await h.press(who, "cm:close");
      expect(alert()).toContain("Chỉ Chủ tịch Hội đồng hoặc Văn phòng Sở");
    }
    expect((await meetingRow())?.status).toBe("open");

    // A tie: a and b, 7 of 7 each, for the one place left; the tie-break buttons are the chair's.
    for (const member of MEMBERS)
      await vote(member, id, [
        [a, "a"],
        [b, "a"],
      ]);
    for (let i = 0; i < 9; i++) {
      const n = await recommended(GK, 9100 + i, `Đã qua ${i}`);
      await h.db.updateTable("nominations").set({ status: "council_passed" }).where("id", "=", n).execute();
    }
    await h.press(admin, "cm:close");
    expect((await meetingRow())?.status).toBe("tie_break");
    for (const who of [lan, head, m3, secretary, admin]) {
      await h.press(who, `cm:t:${id}:2:p:${a}`);
      expect(alert()).toContain("Chỉ Chủ tịch Hội đồng Thi đua - Khen thưởng được làm việc này");
    }
    // A pick that is not among the tied is refused even to the chair.
    await h.press(chair, `cm:t:${id}:2:p:999`);
    expect(alert()).toContain("không còn hợp lệ");
    expect(await h.db.selectFrom("council_tie_breaks").selectAll().execute()).toEqual([]);

    // The minutes: the Office, the chair and the secretary; not a plain member, a head or an employee.
    await h.press(chair, `cm:t:${id}:2:p:${a}`);
    await h.send(chair, "Thành tích nổi bật hơn");
    expect((await meetingRow())?.status).toBe("closed");
    for (const who of [lan, head, m3]) {
      await h.send(who, "/council minutes");
      expect(reply(who)).toContain("Chỉ Văn phòng Sở, Chủ tịch và Thư ký Hội đồng được xem biên bản họp");
    }
    for (const who of [admin, chair, secretary]) {
      await h.send(who, `/council minutes ${id}`);
      expect(h.telegram.textsTo(who.id).join("\n")).toContain(`Biên bản phiên họp số ${id}`);
    }
  });
});

describe("a long agenda and a tie over several places", () => {
  it("shows the ballot in pages, and the chair who closes picks two of three tied, one press each", async () => {
    const ids: number[] = [];
    for (let i = 0; i < 16; i++)
      ids.push(await recommended(BKT, 8000 + i, `Người số ${String(i).padStart(2, "0")}`));
    await h.send(admin, "/council meet bkt");
    const id = (await meetingRow())?.id ?? 0;
    await h.press(m3, `cm:b:${id}`);
    const first = h.telegram.lastButtonsTo(m3.id).map((x) => x.callback_data);
    expect(first.filter((d) => d?.startsWith("cm:v:"))).toHaveLength(30);
    expect(first).toContain(`cm:b:${id}:1`);
    await h.press(m3, `cm:b:${id}:1`);
    expect(reply(m3)).toContain("16. Người số 15");
    expect(reply(m3)).not.toContain("1. Người số 00");
    // A vote on the second page keeps the ballot there.
    await h.press(m3, `cm:v:${id}:${ids[15]}:a`);
    expect(reply(m3)).toContain("👍 16. Người số 15");
    await h.send(chair, "/council close");
    expect((await meetingRow())?.status).toBe("closed");
  });

  it("leaves the chair two places for three tied, picked one press at a time", async () => {
    for (let i = 0; i < 8; i++) {
      const n = await recommended(GK, 9200 + i, `Đã qua ${i}`);
      await h.db.updateTable("nominations").set({ status: "council_passed" }).where("id", "=", n).execute();
    }
    const a = await recommended(GK, lan.id, "Nguyễn Thị Lan");
    const b = await recommended(GK, minh.id, "Đỗ Văn Minh");
    const c = await recommended(GK, 7003, "Phan Văn Chín");
    await h.send(admin, "/council meet gk");
    const id = (await meetingRow())?.id ?? 0;
    for (const member of MEMBERS.slice(0, 5))
      await vote(member, id, [
        [a, "a"],
        [b, "a"],
        [c, "a"],
      ]);
    await h.send(chair, "/council close");
    expect(h.telegram.textsTo(chair.id).join("\n")).toContain("3 đề nghị cùng 5 phiếu đồng ý, còn 2 suất");
    await h.press(chair, `cm:t:${id}:2:p:${c}`);
    expect(reply(chair)).toContain("Đã chọn 1/2.");
    expect(h.telegram.lastKeyboardTo(chair.id).map((x) => x.callback_data)).toEqual([
      `cm:t:${id}:2:p:${c}.${a}`,
      `cm:t:${id}:2:p:${c}.${b}`,
    ]);
    await h.press(chair, `cm:t:${id}:2:p:${c}.${a}`);
    expect(reply(chair)).toContain("Vui lòng nhập lý do");
    await h.send(chair, "Ngắn");
    expect(reply(chair)).toContain("Lý do quá ngắn");
    expect((await meetingRow())?.status).toBe("tie_break");
    await h.send(chair, "Thành tích cao hơn trong năm");
    expect((await meetingRow())?.status).toBe("closed");
    const statuses = await Promise.all([a, b, c].map(async (n) => (await findNomination(h.db, n))?.status));
    expect(statuses).toEqual(["council_passed", "not_passed", "council_passed"]);
    const [broken] = await h.db.selectFrom("council_tie_breaks").selectAll().execute();
    expect(JSON.parse(broken?.chosen ?? "[]")).toEqual([c, a]);
  });

  it("sends the tie to the chair as the Council stands at closing, and refuses the former chair", async () => {
    await nineAlreadyPassed();
    const a = await recommended(GK, lan.id, "Nguyễn Thị Lan");
    const b = await recommended(GK, minh.id, "Đỗ Văn Minh");
    await h.send(admin, "/council meet");
    const id = (await meetingRow())?.id ?? 0;
    for (const member of MEMBERS)
      await vote(member, id, [
        [a, "a"],
        [b, "a"],
      ]);
    // The Office names another chair while the meeting is open; the one before stays a member.
    await setCouncilRole(h.db, { telegramId: m3.id, role: "chair" }, admin.id, new Date(NOW));
    await h.send(admin, "/council close");
    expect(reply(admin)).toContain("Chủ tịch Hội đồng (Ngô Văn Ba)");
    await h.settle();
    expect(h.telegram.lastButtonsTo(m3.id).map((x) => x.callback_data)).toEqual([
      `cm:t:${id}:2:p:${a}`,
      `cm:t:${id}:2:p:${b}`,
    ]);
    await h.press(chair, `cm:t:${id}:2:p:${a}`);
    expect(alert()).toContain("Chỉ Chủ tịch Hội đồng Thi đua - Khen thưởng được làm việc này");
    await h.press(m3, `cm:t:${id}:2:p:${a}`);
    await h.send(m3, "Thành tích nổi bật hơn");
    expect((await findNomination(h.db, a))?.status).toBe("council_passed");
    expect((await findNomination(h.db, b))?.status).toBe("not_passed");
    // Minutes of a meeting that does not exist, or asked for with a wrong number.
    await h.send(admin, "/council minutes 99");
    expect(reply(admin)).toContain("Chưa có biên bản của phiên họp này");
    await h.send(admin, "/council minutes abc");
    expect(reply(admin)).toContain("Cách dùng: <code>/council minutes</code>");
  });
});
