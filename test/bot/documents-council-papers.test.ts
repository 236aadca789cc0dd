import PizZip from "pizzip";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setCouncilRole } from "../../db/council-members.js";
import { addNomination, moveNomination } from "../../db/nominations.js";
import type { CouncilRole } from "../../db/schema.js";
import { findUnitByCode } from "../../db/units.js";
import { FakeTelegram } from "../helpers/fake-telegram.js";
import { createHarness, type Harness } from "../helpers/harness.js";
import { insertUser } from "../helpers/scenarios.js";
import { type TestUser, user } from "../helpers/updates.js";
import { recordingFetch, type Upload } from "../helpers/uploads.js";
import { docxParagraphs } from "../unit/documents/docx-text.js";

/**
 * The Council's papers drafted from a closed meeting: the blank ballots, the biên bản họp, the biên bản kiểm
 * phiếu and the Director's draft Quyết định tặng Giấy khen, read back from the .docx the bot sends; and who may
 * take them. A second meeting closes after the first: nothing of it appears in the first one's papers.
 */
const GK = "giay-khen-giam-doc-so";
const BKT = "bang-khen-chu-tich-tinh";
const admin = user(1001, "Admin");
const head = user(2000, "Bình");
const lan = user(2001, "Lan");
const minh = user(2002, "Minh");
const employee = user(2003, "Chín");
const chair = user(3001, "Chair");
const secretary = user(3002, "Secretary");
const m3 = user(3003, "M3");
const m4 = user(3004, "M4");
const m5 = user(3005, "M5");
const m6 = user(3006, "M6");
const m7 = user(3007, "M7");
const MEMBERS: Array<[TestUser, string, CouncilRole]> = [
  [chair, "Phạm Văn Chủ", "chair"],
  [secretary, "Lê Thị Thư", "secretary"],
  [m3, "Ngô Văn Ba", "member"],
  [m4, "Đinh Thị Bốn", "member"],
  [m5, "Hoàng Văn Năm", "member"],
  [m6, "Vũ Thị Sáu", "member"],
  [m7, "Trịnh Văn Bảy", "member"],
];
const OPENED = "2026-12-01T02:00:00.000Z"; // 09:00 in Hà Nội
const CLOSED = "2026-12-01T03:30:00.000Z"; // 10:30

let h: Harness;
let unitId: number;
let uploaded: Upload[] = [];

const alert = () => String(h.telegram.callsOf("answerCallbackQuery").at(-1)?.payload.text ?? "");
const buttons = (person: TestUser) => h.telegram.lastButtonsTo(person.id).map((b) => b.callback_data ?? "");
const lastUpload = () => docxParagraphs(uploaded.at(-1)?.bytes ?? Buffer.alloc(0));

/** A nomination the Office has recommended to the Council. */
async function recommended(
  formId: string,
  nominee: { kind: "individual" | "collective"; id: number; name: string },
): Promise<number> {
  const added = await addNomination(
    h.db,
    {
      year: 2026,
      unitId,
      formId,
      nomineeKind: nominee.kind,
      nomineeId: nominee.id,
      nomineeName: nominee.name,
      eligible: true,
      resultSummary: JSON.stringify({ met: 6, total: 6, progress: "submitted", consider: true }),
      reason: null,
      by: head.id,
      byRole: "unit_head",
      updateId: null,
    },
    new Date(OPENED),
  );
  if (!added) throw new Error("not added");
  const steps: Array<[string, string, number]> = [
    ["draft", "submitted", head.id],
    ["submitted", "under_review", admin.id],
    ["under_review", "recommended", admin.id],
  ];
  for (const [from, to, by] of steps)
    await moveNomination(
      h.db,
      {
        id: added.id,
        from,
        to,
        by,
        byRole: by === admin.id ? "office" : "unit_head",
        reason: null,
        updateId: null,
      },
      new Date(OPENED),
    );
  return added.id;
}

async function vote(member: TestUser, meetingId: number, votes: Array<[number, "a" | "d"]>) {
  for (const [nominationId, choice] of votes)
    await h.press(member, `cm:v:${meetingId}:${nominationId}:${choice}`);
  await h.press(member, `cm:ok:${meetingId}`);
}

async function latestMeetingId(): Promise<number> {
  const row = await h.db.selectFrom("council_meetings").select("id").orderBy("id", "desc").executeTakeFirst();
  return row?.id ?? 0;
}

let first = 0;
let second = 0;

beforeEach(async () => {
  uploaded = [];
  const telegram = new FakeTelegram();
  h = await createHarness({
    officeAdminIds: [admin.id],
    now: OPENED,
    telegram,
    fetch: recordingFetch(telegram, (upload) => uploaded.push(upload)),
  });
  await h.send(admin, "/units add HCTP Phòng Hành chính tư pháp");
  unitId = (await findUnitByCode(h.db, "HCTP"))?.id ?? 0;
  await h.send(admin, "/round open 2026");
  await insertUser(h.db, {
    telegramId: head.id,
    fullName: "Trần Văn Bình",
    unitId,
    role: "unit_head",
    at: OPENED,
  });
  await insertUser(h.db, {
    telegramId: lan.id,
    fullName: "Nguyễn Thị Lan",
    unitId,
    role: "employee",
    at: OPENED,
    position: "Phó Trưởng phòng",
  });
  await insertUser(h.db, {
    telegramId: minh.id,
    fullName: "Đỗ Văn Minh",
    unitId,
    role: "employee",
    at: OPENED,
  });
  await insertUser(h.db, {
    telegramId: employee.id,
    fullName: "Phan Văn Chín",
    unitId,
    role: "employee",
    at: OPENED,
  });
  for (const [member, name, role] of MEMBERS) {
    await insertUser(h.db, { telegramId: member.id, fullName: name, unitId, role: "employee", at: OPENED });
    await setCouncilRole(h.db, { telegramId: member.id, role }, admin.id, new Date(OPENED));
  }
  // Nine people passed for the Giấy khen earlier, outside any meeting: one place is left of ten.
  for (let i = 0; i < 9; i++) {
    const id = await recommended(GK, { kind: "individual", id: 9000 + i, name: `Người Trước ${i}` });
    await h.db.updateTable("nominations").set({ status: "council_passed" }).where("id", "=", id).execute();
  }
});
afterEach(() => h.close());

/** Meeting one: Lan and Minh tie for the last place (the chair picks Minh), Chín fails, the unit passes. */
async function firstMeeting() {
  const a = await recommended(GK, { kind: "individual", id: lan.id, name: "Nguyễn Thị Lan" });
  const b = await recommended(GK, { kind: "individual", id: minh.id, name: "Đỗ Văn Minh" });
  const c = await recommended(GK, { kind: "individual", id: employee.id, name: "Phan Văn Chín" });
  const u = await recommended(GK, { kind: "collective", id: unitId, name: "Phòng Hành chính tư pháp" });
  await h.send(admin, "/council meet");
  first = await latestMeetingId();
  const votes: Record<number, Array<[number, "a" | "d"]>> = {
    [chair.id]: [
      [a, "a"],
      [b, "a"],
      [c, "a"],
      [u, "a"],
    ],
    [secretary.id]: [
      [a, "a"],
      [b, "a"],
      [c, "d"],
      [u, "a"],
    ],
    [m3.id]: [
      [a, "d"],
      [b, "a"],
      [c, "d"],
      [u, "a"],
    ],
    [m4.id]: [
      [a, "a"],
      [b, "a"],
      [c, "d"],
      [u, "a"],
    ],
    [m5.id]: [
      [a, "a"],
      [b, "d"],
      [c, "d"],
      [u, "d"],
    ],
    [m6.id]: [
      [a, "a"],
      [b, "a"],
      [c, "d"],
      [u, "a"],
    ],
  };
  for (const [member] of MEMBERS.slice(0, 6)) await vote(member, first, votes[member.id] ?? []);
  h.setNow(CLOSED);
  await h.send(admin, "/council close");
  await h.settle();
  await h.press(chair, `cm:t:${first}:2:p:${b}`);
  await h.send(chair, "Có sáng kiến cấp tỉnh");
}

/** Meeting two, after: one Bằng khen nomination, all present agree. */
async function secondMeeting() {
  const x = await recommended(BKT, { kind: "individual", id: 7010, name: "Hồ Thị Mười" });
  await h.send(admin, "/council meet");
  second = await latestMeetingId();
  for (const [member] of MEMBERS.slice(0, 3)) await vote(member, second, [[x, "a"]]);
  await h.send(admin, "/council close");
}

describe("the Council's papers of a closed meeting", () => {
  it("the result and the minutes offer the drafts; the biên bản họp is filled from that meeting alone", async () => {
    await firstMeeting();
    expect(buttons(chair)).toEqual([`dr:bb:${first}`, `dr:kp:${first}`, `dr:qd:${first}:2`]);
    await secondMeeting();
    await h.send(secretary, `/council minutes ${first}`);
    expect(buttons(secretary)).toEqual([`dr:bb:${first}`, `dr:kp:${first}`, `dr:qd:${first}:2`]);
    // The second meeting passed no Giấy khen: no Quyết định to draft from it.
    await h.send(admin, `/council minutes ${second}`);
    expect(buttons(admin)).toEqual([`dr:bb:${second}`, `dr:kp:${second}`]);

    await h.press(secretary, `dr:bb:${first}`);
    expect(uploaded.map((u) => [u.chatId, u.filename])).toEqual([
      [String(secretary.id), `BienBanHop_HopSo${first}_2026_2026-12-01.docx`],
    ]);
    const text = lastUpload();
    const at = (line: string) => {
      const index = text.indexOf(line);
      expect(index, line).toBeGreaterThanOrEqual(0);
      return index;
    };
    const order = [
      "SỞ TƯ PHÁP TỈNH NINH BÌNH",
      "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG",
      "Ninh Bình, ngày 01 tháng 12 năm 2026",
      "BIÊN BẢN",
      "- Thời gian: bắt đầu lúc 09 giờ 00 ngày 01/12/2026, kết thúc lúc 10 giờ 30 ngày 01/12/2026.",
      "- Địa điểm: Ninh Bình.",
      "Tổng số thành viên Hội đồng: 7; có mặt (đã gửi phiếu): 6; vắng mặt: 1.",
      "1. Phạm Văn Chủ — Chủ tịch Hội đồng",
      "2. Lê Thị Thư — Thư ký Hội đồng",
      "3. Đinh Thị Bốn — Ủy viên",
      "5. Ngô Văn Ba — Ủy viên",
      "6. Vũ Thị Sáu — Ủy viên",
      "- Trịnh Văn Bảy — Ủy viên",
      "Chủ tọa: Phạm Văn Chủ, Chủ tịch Hội đồng. Thư ký: Lê Thị Thư, Thư ký Hội đồng.",
    ].map(at);
    expect(order).toEqual([...order].sort((x, y) => x - y));
    expect(text.join("\n")).toContain("trên 1/2 (50%) tổng số thành viên Hội đồng có mặt đồng ý");
    // The tally's rows: each nomination with its votes and result, in the agenda's order.
    const row = (name: string) => text.slice(at(name) - 1, at(name) + 6);
    expect(row("Tập thể: Phòng Hành chính tư pháp")[0]).toBe("1");
    expect(row("Cá nhân: Đỗ Văn Minh")).toEqual([
      "2",
      "Cá nhân: Đỗ Văn Minh",
      "Phòng Hành chính tư pháp",
      "Giấy khen của Giám đốc Sở",
      "5",
      "1",
      "Đề nghị (Chủ tịch quyết định)",
    ]);
    expect(row("Cá nhân: Nguyễn Thị Lan").slice(4)).toEqual(["5", "1", "Không đề nghị (hết chỉ tiêu)"]);
    expect(row("Cá nhân: Phan Văn Chín").slice(4)).toEqual(["1", "5", "Không đề nghị"]);
    expect(row("Tập thể: Phòng Hành chính tư pháp").slice(4)).toEqual(["5", "1", "Đề nghị"]);
    expect(text).toContain(
      "- Giấy khen của Giám đốc Sở — cá nhân: chọn Đỗ Văn Minh. Lý do: Có sáng kiến cấp tỉnh (Phạm Văn Chủ).",
    );
    expect(text).toContain(
      "Hội đồng thống nhất đề nghị khen thưởng 2 trường hợp; không đề nghị 2 trường hợp. Cụ thể:",
    );
    expect(text).toContain(
      "- Giấy khen của Giám đốc Sở: Phòng Hành chính tư pháp; Đỗ Văn Minh (Phòng Hành chính tư pháp).",
    );
    expect(text.slice(-12)).toEqual([
      "THƯ KÝ HỘI ĐỒNG",
      "(Ký, ghi rõ họ và tên)",
      "",
      "",
      "",
      "Lê Thị Thư",
      "CHỦ TỊCH HỘI ĐỒNG",
      "(Ký, ghi rõ họ và tên)",
      "",
      "",
      "",
      "Phạm Văn Chủ",
    ]);
    const all = text.join("\n");
    expect(all).not.toContain("Hồ Thị Mười");
    expect(all).not.toContain("Người Trước");
    expect(all).not.toContain("{");
  });

  it("the biên bản kiểm phiếu: the count, the ranking per form with its places left, the chair's reason", async () => {
    await firstMeeting();
    await secondMeeting();
    await h.press(admin, `dr:kp:${first}`);
    expect(uploaded.at(-1)?.filename).toBe(`BienBanKiemPhieu_HopSo${first}_2026_2026-12-01.docx`);
    const text = lastUpload();
    const all = text.join("\n");
    expect(text).toContain("BIÊN BẢN KIỂM PHIẾU");
    expect(text).toContain(
      "- Số phiếu phát ra: 7; số phiếu thu về (thành viên đã gửi phiếu): 6; số thành viên không gửi phiếu: 1.",
    );
    expect(text).toContain(
      "- Điều kiện đề nghị: có trên 1/2 (50%) tổng số thành viên Hội đồng có mặt đồng ý, tức ít nhất 4/6 phiếu đồng ý.",
    );
    const individuals = text.indexOf("Giấy khen của Giám đốc Sở — cá nhân (chỉ tiêu còn lại: 1)");
    const collectives = text.indexOf("Giấy khen của Giám đốc Sở — tập thể (chỉ tiêu còn lại: 4)");
    // The groups in the agenda's order: the unit came first.
    expect(collectives).toBeGreaterThan(0);
    expect(individuals).toBeGreaterThan(collectives);
    // The ranking: the chair's choice first among the tied, then Lan, then Chín who did not reach the threshold.
    const minh = text.indexOf("Cá nhân: Đỗ Văn Minh");
    expect(text.slice(minh - 1, minh + 7)).toEqual([
      "1",
      "Cá nhân: Đỗ Văn Minh",
      "Phòng Hành chính tư pháp",
      "5",
      "1",
      "0",
      "1",
      "Đề nghị (Chủ tịch quyết định)",
    ]);
    const lanAt = text.indexOf("Cá nhân: Nguyễn Thị Lan");
    expect(text.slice(lanAt - 1, lanAt + 7)).toEqual([
      "2",
      "Cá nhân: Nguyễn Thị Lan",
      "Phòng Hành chính tư pháp",
      "5",
      "1",
      "0",
      "1",
      "Không đề nghị (hết chỉ tiêu)",
    ]);
    const chin = text.indexOf("Cá nhân: Phan Văn Chín");
    expect(text.slice(chin + 5, chin + 7)).toEqual(["—", "Không đề nghị"]);
    expect(minh).toBeLessThan(lanAt);
    expect(lanAt).toBeLessThan(chin);
    expect(text.slice(collectives + 9, collectives + 17)).toEqual([
      "1",
      "Tập thể: Phòng Hành chính tư pháp",
      "Phòng Hành chính tư pháp",
      "5",
      "1",
      "0",
      "1",
      "Đề nghị",
    ]);
    expect(text).toContain(
      "- Giấy khen của Giám đốc Sở — cá nhân: Chủ tịch Hội đồng (Phạm Văn Chủ) chọn Đỗ Văn Minh. Lý do: Có sáng kiến cấp tỉnh.",
    );
    expect(all).toContain("Phạm Văn Chủ");
    expect(all).not.toContain("Hồ Thị Mười");
    expect(all).not.toContain("{");
  });

  it("the draft Quyết định awards the Giấy khen to those this meeting passed, with its annexed list", async () => {
    await firstMeeting();
    await secondMeeting();
    await h.press(admin, `dr:qd:${first}:2`);
    expect(uploaded.at(-1)?.filename).toBe(`QuyetDinh_GiayKhen_HopSo${first}_2026_2026-12-01.docx`);
    const text = lastUpload();
    const all = text.join("\n");
    const order = [
      "ỦY BAN NHÂN DÂN TỈNH NINH BÌNH",
      "SỞ TƯ PHÁP TỈNH NINH BÌNH",
      "Số:        /QĐ-……",
      "QUYẾT ĐỊNH",
      "Về việc tặng Giấy khen của Giám đốc Sở",
      "GIÁM ĐỐC SỞ TƯ PHÁP TỈNH NINH BÌNH",
      "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
      "Căn cứ Kế hoạch số 800/KH-UBND ngày 25/4/2023 của UBND tỉnh Hà Nam;",
      "Theo đề nghị của Hội đồng Thi đua - Khen thưởng tại Biên bản họp ngày 01/12/2026 và của Chánh Văn phòng Sở.",
      "QUYẾT ĐỊNH:",
      "Nơi nhận:",
      "GIÁM ĐỐC",
      "DANH SÁCH",
      "TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG GIẤY KHEN CỦA GIÁM ĐỐC SỞ",
      "I. TẬP THỂ",
      "II. CÁ NHÂN",
    ].map((line) => {
      const index = text.indexOf(line);
      expect(index, line).toBeGreaterThanOrEqual(0);
      return index;
    });
    expect(order).toEqual([...order].sort((x, y) => x - y));
    expect(all).toContain(
      "Điều 1. Tặng Giấy khen của Giám đốc Sở cho 01 tập thể và 01 cá nhân (có danh sách kèm theo)",
    );
    const annex = text.slice(text.indexOf("DANH SÁCH"));
    const collective = annex.indexOf("Phòng Hành chính tư pháp");
    expect(annex.slice(collective - 1, collective + 1)).toEqual(["1", "Phòng Hành chính tư pháp"]);
    const person = annex.indexOf("Đỗ Văn Minh");
    expect(annex.slice(person - 1, person + 3)).toEqual([
      "1",
      "Đỗ Văn Minh",
      "Chuyên viên",
      "Phòng Hành chính tư pháp",
    ]);
    // Lan tied but was not chosen, Chín failed, the nine passed before and the other meeting's nominee: none.
    for (const name of ["Nguyễn Thị Lan", "Phan Văn Chín", "Người Trước", "Hồ Thị Mười"])
      expect(all).not.toContain(name);
    expect(all).not.toContain("{");
  });

  it("the blank ballots: one page per member of the meeting, the agenda in order, nothing ticked", async () => {
    const a = await recommended(GK, { kind: "individual", id: lan.id, name: "Nguyễn Thị Lan" });
    const b = await recommended(BKT, { kind: "individual", id: minh.id, name: "Đỗ Văn Minh <b>&</b>" });
    expect(a).toBeLessThan(b);
    await h.send(admin, "/council meet");
    const id = await latestMeetingId();
    expect(buttons(admin)).toEqual([`dr:pb:${id}`]);
    await h.press(m7, `dr:pb:${id}`);
    expect(uploaded.map((u) => [u.chatId, u.filename])).toEqual([
      [String(m7.id), `PhieuBau_HopSo${id}_2026_2026-12-01.docx`],
    ]);
    const text = lastUpload();
    const titles = text.filter((line) => line === "PHIẾU BẦU");
    expect(titles).toHaveLength(7);
    expect(text.filter((line) => line === "Ninh Bình, ngày …… tháng …… năm ……")).toHaveLength(7);
    const voters = text.filter((line) => line.startsWith("Thành viên Hội đồng: "));
    expect(voters).toEqual([
      "Thành viên Hội đồng: Phạm Văn Chủ — Chủ tịch Hội đồng",
      "Thành viên Hội đồng: Lê Thị Thư — Thư ký Hội đồng",
      "Thành viên Hội đồng: Đinh Thị Bốn — Ủy viên",
      "Thành viên Hội đồng: Hoàng Văn Năm — Ủy viên",
      "Thành viên Hội đồng: Ngô Văn Ba — Ủy viên",
      "Thành viên Hội đồng: Trịnh Văn Bảy — Ủy viên",
      "Thành viên Hội đồng: Vũ Thị Sáu — Ủy viên",
    ]);
    // Each page: the header, then the agenda's rows with their two columns blank to tick.
    const header = [
      "STT",
      "Họ và tên cá nhân / tên tập thể",
      "Đơn vị",
      "Hình thức khen thưởng",
      "Đồng ý",
      "Không đồng ý",
    ];
    const rows = [
      ["1", "Cá nhân: Nguyễn Thị Lan", "Phòng Hành chính tư pháp", "Giấy khen của Giám đốc Sở", "", ""],
      [
        "2",
        "Cá nhân: Đỗ Văn Minh <b>&</b>",
        "Phòng Hành chính tư pháp",
        "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
        "",
        "",
      ],
    ];
    const starts = text.flatMap((line, at) => (line === "STT" ? [at] : []));
    expect(starts).toHaveLength(7);
    for (const start of starts) expect(text.slice(start, start + 18)).toEqual([...header, ...rows.flat()]);
    // Every page after the first starts on a new page.
    const xml =
      new PizZip(uploaded.at(-1)?.bytes ?? Buffer.alloc(0)).file("word/document.xml")?.asText() ?? "";
    expect(xml.match(/<w:pageBreakBefore\/>/g)).toHaveLength(6);
  });
});

describe("who may take the Council's papers", () => {
  it("refuses the ballots to an employee and a head, the minutes' papers to a plain member, an employee and a head", async () => {
    await firstMeeting();
    for (const person of [employee, head]) {
      await h.press(person, `dr:pb:${first}`);
      expect(alert()).toBe("Chỉ Văn phòng Sở và thành viên Hội đồng của phiên họp này được lấy phiếu bầu.");
    }
    for (const person of [m3, employee, head])
      for (const data of [`dr:bb:${first}`, `dr:kp:${first}`, `dr:qd:${first}:2`]) {
        await h.press(person, data);
        expect(alert()).toBe("Chỉ Văn phòng Sở, Chủ tịch và Thư ký Hội đồng được xem biên bản họp.");
      }
    await h.send(m3, `/council minutes ${first}`);
    expect(buttons(m3).some((data) => data.startsWith("dr:"))).toBe(false);
    // A meeting still open has no minutes; a form it passed nobody for has no Quyết định.
    const x = await recommended(BKT, { kind: "individual", id: 7010, name: "Hồ Thị Mười" });
    await h.send(admin, "/council meet");
    const open = await latestMeetingId();
    await h.press(admin, `dr:bb:${open}`);
    expect(alert()).toBe("Chưa có biên bản của phiên họp này (phiên họp chưa kết thúc hoặc không tồn tại).");
    await vote(chair, open, [[x, "a"]]);
    await h.send(admin, "/council close");
    await h.press(admin, `dr:qd:${open}:2`);
    expect(alert()).toBe(
      "Phiên họp này không có đề nghị nào được thông qua cho hình thức Giấy khen, nên không có Quyết định để lập.",
    );
    expect(uploaded).toEqual([]);
  });
});
