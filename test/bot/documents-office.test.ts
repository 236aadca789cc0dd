import { writeFileSync } from "node:fs";
import { join } from "node:path";
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
 * The Office's documents beyond one meeting (issue 13, item 3 and "Where"): the Sở's Tờ trình to the province
 * per form, the Director's draft Quyết định for every Giấy khen nomination awaiting it whichever meeting passed
 * it, /docs listing them all, and the unit's Tờ trình on the Office's /status <unit>. Two meetings close on
 * different days; each document is read back from the .docx the bot sends.
 */
const BKTTG = "bang-khen-thu-tuong";
const BKT = "bang-khen-chu-tich-tinh";
const GK = "giay-khen-giam-doc-so";
const admin = user(1001, "Admin");
const head = user(2000, "Bình");
const lan = user(2001, "Lan");
const minh = user(2002, "Minh");
const chin = user(2003, "Chín");
const hoa = user(2101, "Hoa");
const chair = user(3001, "Chair");
const secretary = user(3002, "Secretary");
const m3 = user(3003, "M3");
const MEMBERS: Array<[TestUser, string, CouncilRole]> = [
  [chair, "Phạm Văn Chủ", "chair"],
  [secretary, "Lê Thị Thư", "secretary"],
  [m3, "Ngô Văn Ba", "member"],
];
const FIRST_DAY = "2026-12-01T03:00:00.000Z";
const SECOND_DAY = "2026-12-05T03:00:00.000Z";

let h: Harness;
let hctp = 0;
let kt = 0;
let uploaded: Upload[] = [];
const ids: Record<string, number> = {};

const alert = () => String(h.telegram.callsOf("answerCallbackQuery").at(-1)?.payload.text ?? "");
const lastUpload = () => docxParagraphs(uploaded.at(-1)?.bytes ?? Buffer.alloc(0));

/** A nomination the Office has recommended to the Council. */
async function recommended(
  formId: string,
  unitId: number,
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
    new Date(FIRST_DAY),
  );
  if (!added) throw new Error("not added");
  for (const [from, to] of [
    ["draft", "submitted"],
    ["submitted", "under_review"],
    ["under_review", "recommended"],
  ] as const)
    await moveNomination(
      h.db,
      { id: added.id, from, to, by: admin.id, byRole: "office", reason: null, updateId: null },
      new Date(FIRST_DAY),
    );
  return added.id;
}

async function latestMeetingId(): Promise<number> {
  const row = await h.db.selectFrom("council_meetings").select("id").orderBy("id", "desc").executeTakeFirst();
  return row?.id ?? 0;
}

/** Each of the three members votes on the whole agenda and confirms; `against` lists who each voted down. */
async function meetAndClose(against: Record<number, number[]>): Promise<number> {
  await h.send(admin, "/council meet");
  const meetingId = await latestMeetingId();
  const agenda = await h.db
    .selectFrom("council_agenda")
    .select("nomination_id")
    .where("meeting_id", "=", meetingId)
    .execute();
  for (const [member] of MEMBERS) {
    for (const { nomination_id } of agenda) {
      const choice = (against[member.id] ?? []).includes(nomination_id) ? "d" : "a";
      await h.press(member, `cm:v:${meetingId}:${nomination_id}:${choice}`);
    }
    await h.press(member, `cm:ok:${meetingId}`);
  }
  await h.send(admin, "/council close");
  await h.settle();
  return meetingId;
}

let first = 0;
let second = 0;

/**
 * Meeting one (01/12): the Bằng khen of the province for the unit (2 of 3 agree) and Lan (3 of 3), not Chín
 * (1 of 3); the Giấy khen for Minh. Meeting two (05/12): the Giấy khen for Hoa of another unit, the Prime
 * Minister's for Mười. Besides: a Giấy khen passed outside any meeting, a Bằng khen already proposed.
 */
async function twoMeetings() {
  ids.unit = await recommended(BKT, hctp, { kind: "collective", id: hctp, name: "Phòng Hành chính tư pháp" });
  ids.lan = await recommended(BKT, hctp, { kind: "individual", id: lan.id, name: "Nguyễn Thị Lan" });
  ids.chin = await recommended(BKT, hctp, { kind: "individual", id: chin.id, name: "Phan Văn Chín" });
  ids.minh = await recommended(GK, hctp, { kind: "individual", id: minh.id, name: "Đỗ Văn Minh" });
  first = await meetAndClose({
    [chair.id]: [ids.chin],
    [secretary.id]: [ids.chin],
    [m3.id]: [ids.unit],
  });
  h.setNow(SECOND_DAY);
  ids.hoa = await recommended(GK, kt, { kind: "individual", id: hoa.id, name: "Phạm Thị Hoa" });
  ids.muoi = await recommended(BKTTG, hctp, { kind: "individual", id: 7010, name: "Hồ Thị Mười" });
  second = await meetAndClose({});
  ids.earlier = await recommended(GK, hctp, { kind: "individual", id: 7020, name: "Người Trước" });
  ids.proposed = await recommended(BKT, hctp, { kind: "individual", id: 7030, name: "Trương Đã Trình" });
  for (const [id, status] of [
    [ids.earlier, "council_passed"],
    [ids.proposed, "province_proposed"],
  ] as const)
    await h.db
      .updateTable("nominations")
      .set({ status })
      .where("id", "=", id ?? 0)
      .execute();
  uploaded = [];
}

/** Where SAMPLES_DIR is set (by hand, to render the samples), the last upload is kept there too. */
function keepSample() {
  const dir = process.env.SAMPLES_DIR;
  const last = uploaded.at(-1);
  if (dir && last?.filename) writeFileSync(join(dir, last.filename), last.bytes);
}

beforeEach(async () => {
  uploaded = [];
  const telegram = new FakeTelegram();
  h = await createHarness({
    officeAdminIds: [admin.id],
    now: FIRST_DAY,
    telegram,
    fetch: recordingFetch(telegram, (upload) => uploaded.push(upload)),
  });
  await h.send(admin, "/units add HCTP Phòng Hành chính tư pháp");
  await h.send(admin, "/units add KT Phòng Kế toán");
  hctp = (await findUnitByCode(h.db, "HCTP"))?.id ?? 0;
  kt = (await findUnitByCode(h.db, "KT"))?.id ?? 0;
  await h.send(admin, "/round open 2026");
  const people: Array<[TestUser, string, number, "unit_head" | "employee", string?]> = [
    [head, "Trần Văn Bình", hctp, "unit_head"],
    [lan, "Nguyễn Thị Lan", hctp, "employee", "Phó Trưởng phòng"],
    [minh, "Đỗ Văn Minh", hctp, "employee", "Chuyên viên chính"],
    [chin, "Phan Văn Chín", hctp, "employee"],
    [hoa, "Phạm Thị Hoa", kt, "employee", "Kế toán viên"],
  ];
  for (const [person, fullName, unitId, role, position] of people)
    await insertUser(h.db, {
      telegramId: person.id,
      fullName,
      unitId,
      role,
      at: FIRST_DAY,
      ...(position ? { position } : {}),
    });
  for (const [member, name, role] of MEMBERS) {
    await insertUser(h.db, {
      telegramId: member.id,
      fullName: name,
      unitId: kt,
      role: "employee",
      at: FIRST_DAY,
    });
    await setCouncilRole(h.db, { telegramId: member.id, role }, admin.id, new Date(FIRST_DAY));
  }
});
afterEach(() => h.close());

/** Each line's place in the text, checked present and in this order. */
function inOrder(text: string[], lines: string[]) {
  const at = lines.map((line) => {
    const index = text.indexOf(line);
    expect(index, line).toBeGreaterThanOrEqual(0);
    return index;
  });
  expect(at).toEqual([...at].sort((a, b) => a - b));
}

describe("the Sở's Tờ trình to the province", () => {
  it("asks the province to award its Bằng khen to what the Council passed, each with its vote, and annexes the list", async () => {
    await twoMeetings();
    await h.press(admin, "dr:ts:1");
    keepSample();
    expect(uploaded.map((u) => [u.chatId, u.filename])).toEqual([
      [String(admin.id), "ToTrinhSo_bkt_2026_2026-12-05.docx"],
    ]);
    expect(uploaded[0]?.caption).toContain(
      "Bản nháp Tờ trình của Sở đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho 2 trường hợp",
    );
    const text = lastUpload();
    const vote = (agree: number) => `${agree}/3 thành viên Hội đồng có mặt đồng ý (họp ngày 01/12/2026)`;
    inOrder(text, [
      "ỦY BAN NHÂN DÂN TỈNH NINH BÌNH",
      "SỞ TƯ PHÁP TỈNH NINH BÌNH",
      "Số:        /TTr-……",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Ninh Bình, ngày 05 tháng 12 năm 2026",
      "TỜ TRÌNH",
      "Về việc đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
      "trong phong trào thi đua “Đẩy mạnh cải cách hành chính trên địa bàn tỉnh Hà Nam giai đoạn 2023 - 2025”, năm 2026",
      "Kính gửi: Ủy ban nhân dân tỉnh Ninh Bình (qua Sở Nội vụ, Phòng Thi đua - Khen thưởng)",
      "Căn cứ Kế hoạch số 800/KH-UBND ngày 25/4/2023 của UBND tỉnh Hà Nam;",
      "Căn cứ kết quả họp Hội đồng Thi đua - Khen thưởng của Sở Tư pháp tỉnh Ninh Bình ngày 01/12/2026,",
      "Sở Tư pháp tỉnh Ninh Bình kính trình Ủy ban nhân dân tỉnh xem xét, đề nghị Chủ tịch Ủy ban nhân dân tỉnh Ninh Bình tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho 01 tập thể và 01 cá nhân đã có thành tích xuất sắc trong phong trào thi đua “Đẩy mạnh cải cách hành chính trên địa bàn tỉnh Hà Nam giai đoạn 2023 - 2025” năm 2026, cụ thể như sau:",
      "1. Tập thể (1):",
      `- Phòng Hành chính tư pháp: ${vote(2)}.`,
      "2. Cá nhân (1):",
      `- Nguyễn Thị Lan, Phó Trưởng phòng, Phòng Hành chính tư pháp: ${vote(3)}.`,
      "Sở Tư pháp tỉnh Ninh Bình kính trình Ủy ban nhân dân tỉnh xem xét, quyết định./.",
      "Nơi nhận:",
      "GIÁM ĐỐC",
      "DANH SÁCH",
      "TẬP THỂ, CÁ NHÂN ĐỀ NGHỊ TẶNG BẰNG KHEN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH",
      "(Kèm theo Tờ trình số        /TTr-…… ngày …… tháng …… năm …… của Sở Tư pháp tỉnh Ninh Bình)",
      "I. TẬP THỂ",
      "II. CÁ NHÂN",
    ]);
    const annex = text.slice(text.indexOf("DANH SÁCH"));
    const unitRow = annex.indexOf("Phòng Hành chính tư pháp");
    expect(annex.slice(unitRow - 1, unitRow + 2)).toEqual(["1", "Phòng Hành chính tư pháp", vote(2)]);
    const lanRow = annex.indexOf("Nguyễn Thị Lan");
    expect(annex.slice(lanRow - 1, lanRow + 4)).toEqual([
      "1",
      "Nguyễn Thị Lan",
      "Phó Trưởng phòng",
      "Phòng Hành chính tư pháp",
      vote(3),
    ]);
    // Chín failed, Trương Đã Trình is already proposed; the Giấy khen's and the Prime Minister's are other forms.
    const all = text.join("\n");
    for (const name of ["Phan Văn Chín", "Trương Đã Trình", "Đỗ Văn Minh", "Phạm Thị Hoa", "Hồ Thị Mười"])
      expect(all).not.toContain(name);
    expect(all).not.toContain("{");
  });

  it("for the Prime Minister's Bằng khen asks the province to put it to the Prime Minister, from the second meeting", async () => {
    await twoMeetings();
    await h.press(admin, "dr:ts:0");
    expect(uploaded.at(-1)?.filename).toBe("ToTrinhSo_bkttg_2026_2026-12-05.docx");
    const text = lastUpload();
    const all = text.join("\n");
    expect(all).toContain(
      "kính trình Ủy ban nhân dân tỉnh xem xét, trình Thủ tướng Chính phủ tặng Bằng khen của Thủ tướng Chính phủ cho 01 cá nhân",
    );
    expect(text).toContain(
      "Căn cứ kết quả họp Hội đồng Thi đua - Khen thưởng của Sở Tư pháp tỉnh Ninh Bình ngày 05/12/2026,",
    );
    expect(text).toContain("1. Tập thể (0):");
    expect(text.filter((line) => line === "Không có.")).toHaveLength(2);
    expect(all).toContain(
      "- Hồ Thị Mười, chưa có dữ liệu, Phòng Hành chính tư pháp: 3/3 thành viên Hội đồng có mặt đồng ý (họp ngày 05/12/2026).",
    );
    for (const name of ["Nguyễn Thị Lan", "Đỗ Văn Minh", "Phạm Thị Hoa"]) expect(all).not.toContain(name);
  });

  it("says there is nothing to draft for a form with nobody waiting, and sends nothing", async () => {
    await h.press(admin, "dr:ts:1");
    expect(alert()).toBe(
      "Không có đề nghị nào được Hội đồng thông qua đang chờ Tờ trình của Sở cho hình thức này, nên không có Tờ trình để lập.",
    );
    // The Giấy khen is not proposed to the province: a stale or typed button.
    await h.press(admin, "dr:ts:2");
    expect(alert()).toBe("Nút này không còn hiệu lực. Vui lòng mở lại bằng /nominate hoặc /dossier.");
    expect(uploaded).toEqual([]);
  });
});

describe("the Director's draft Quyết định of everything awaiting it", () => {
  it("awards the Giấy khen to every nomination passed, whichever meeting, with each meeting's day", async () => {
    await twoMeetings();
    await h.press(admin, "dr:qr:2");
    keepSample();
    expect(uploaded.map((u) => [u.chatId, u.filename])).toEqual([
      [String(admin.id), "QuyetDinh_GiayKhen_2026_2026-12-05.docx"],
    ]);
    expect(uploaded[0]?.caption).toContain("tặng Giấy khen của Giám đốc Sở cho 3 trường hợp");
    const text = lastUpload();
    const all = text.join("\n");
    inOrder(text, [
      "ỦY BAN NHÂN DÂN TỈNH NINH BÌNH",
      "SỞ TƯ PHÁP TỈNH NINH BÌNH",
      "Số:        /QĐ-……",
      "QUYẾT ĐỊNH",
      "Về việc tặng Giấy khen của Giám đốc Sở",
      "Theo đề nghị của Hội đồng Thi đua - Khen thưởng tại Biên bản họp ngày 01/12/2026, ngày 05/12/2026 và của Chánh Văn phòng Sở.",
      "DANH SÁCH",
      "I. TẬP THỂ",
      "Không có.",
      "II. CÁ NHÂN",
    ]);
    expect(all).toContain("Điều 1. Tặng Giấy khen của Giám đốc Sở cho 03 cá nhân (có danh sách kèm theo)");
    const annex = text.slice(text.indexOf("II. CÁ NHÂN"));
    // In the list's order: by unit (HCTP before KT), then by name; the one passed outside a meeting too.
    expect(annex.slice(5, 17)).toEqual([
      "1",
      "Đỗ Văn Minh",
      "Chuyên viên chính",
      "Phòng Hành chính tư pháp",
      "2",
      "Người Trước",
      "chưa có dữ liệu",
      "Phòng Hành chính tư pháp",
      "3",
      "Phạm Thị Hoa",
      "Kế toán viên",
      "Phòng Kế toán",
    ]);
    for (const name of ["Nguyễn Thị Lan", "Phan Văn Chín", "Hồ Thị Mười", "Trương Đã Trình"])
      expect(all).not.toContain(name);
    expect(all).not.toContain("{");
  });

  it("is offered on /record beside the decision it drafts, and says so when nothing awaits it", async () => {
    await h.press(admin, "dr:qr:2");
    expect(alert()).toBe(
      "Không có đề nghị nào đang chờ Quyết định của hình thức này, nên không có Quyết định để lập.",
    );
    await h.send(admin, "/record");
    expect(h.telegram.lastKeyboardTo(admin.id)).toEqual([]);
    await twoMeetings();
    await h.send(admin, "/record");
    expect(h.telegram.lastKeyboardTo(admin.id)).toContainEqual({
      text: "📄 Bản nháp Quyết định · Giấy khen Giám đốc Sở",
      callback_data: "dr:qr:2",
    });
    expect(h.telegram.lastKeyboardTo(admin.id)).toContainEqual({
      text: "📄 Bản nháp Tờ trình của Sở · Bằng khen Chủ tịch UBND tỉnh",
      callback_data: "dr:ts:1",
    });
    expect(uploaded).toEqual([]);
  });
});

describe("/docs for the Office", () => {
  it("lists every document it can draft now: the lists, the latest meeting's papers, the Quyết định, the Tờ trình", async () => {
    await twoMeetings();
    await h.send(admin, "/docs");
    expect(h.telegram.lastTextTo(admin.id)).not.toContain("Chưa lập được");
    expect(h.telegram.lastKeyboardTo(admin.id)).toEqual([
      { text: "📄 Danh sách đề nghị: Bằng khen Thủ tướng Chính phủ", callback_data: "dr:ds:0" },
      { text: "📄 Danh sách đề nghị: Bằng khen Chủ tịch UBND tỉnh", callback_data: "dr:ds:1" },
      { text: "📄 Danh sách đề nghị: Giấy khen Giám đốc Sở", callback_data: "dr:ds:2" },
      { text: `📄 Phiếu bầu · phiên họp số ${second}`, callback_data: `dr:pb:${second}` },
      { text: `📄 Biên bản họp Hội đồng · phiên họp số ${second}`, callback_data: `dr:bb:${second}` },
      { text: `📄 Biên bản kiểm phiếu · phiên họp số ${second}`, callback_data: `dr:kp:${second}` },
      {
        text: `📄 Quyết định tặng Giấy khen Giám đốc Sở · phiên họp số ${second}`,
        callback_data: `dr:qd:${second}:2`,
      },
      {
        text: "📄 Quyết định tặng Giấy khen Giám đốc Sở: tất cả đề nghị chờ Quyết định (3)",
        callback_data: "dr:qr:2",
      },
      { text: "📄 Tờ trình của Sở đề nghị tặng Bằng khen Thủ tướng Chính phủ (1)", callback_data: "dr:ts:0" },
      { text: "📄 Tờ trình của Sở đề nghị tặng Bằng khen Chủ tịch UBND tỉnh (2)", callback_data: "dr:ts:1" },
      { text: "📄 Báo cáo sơ kết, tổng kết phong trào thi đua", callback_data: "dr:bc" },
    ]);
    // The latest meeting's papers are that meeting's: the first meeting's nominees are not in its minutes.
    await h.press(admin, `dr:bb:${second}`);
    const minutes = lastUpload().join("\n");
    expect(minutes).toContain("Phạm Thị Hoa");
    expect(minutes).not.toContain("Nguyễn Thị Lan");
    expect(first).toBeLessThan(second);
  });

  it("while a meeting is open: its ballots, and a line saying its minutes wait for the close", async () => {
    await recommended(GK, hctp, { kind: "individual", id: minh.id, name: "Đỗ Văn Minh" });
    await h.send(admin, "/council meet");
    const open = await latestMeetingId();
    await h.send(admin, "/docs");
    const text = h.telegram.lastTextTo(admin.id);
    expect(text).toContain(
      `• Biên bản họp, biên bản kiểm phiếu của phiên họp số ${open}: phiên họp chưa kết thúc.`,
    );
    expect(text).toContain(
      "• Quyết định tặng Giấy khen Giám đốc Sở: chưa có đề nghị nào được Hội đồng thông qua đang chờ Quyết định.",
    );
    expect(h.telegram.lastKeyboardTo(admin.id).map((b) => b.callback_data)).toEqual([
      "dr:ds:2",
      `dr:pb:${open}`,
      "dr:bc",
    ]);
  });

  it("refuses the new drafts to anyone but the Office, a Council member included, and sends nothing", async () => {
    await twoMeetings();
    const refusal =
      "Lệnh này chỉ dành cho Văn phòng Sở. Nếu Anh/Chị cần dùng, vui lòng liên hệ Văn phòng Sở để được cấp quyền.";
    for (const person of [head, lan, chair])
      for (const data of ["dr:qr:2", "dr:ts:1", "dr:ts:0"]) {
        await h.press(person, data);
        expect(alert()).toBe(refusal);
      }
    await h.send(chair, "/docs");
    expect(h.telegram.lastTextTo(chair.id)).toBe(refusal);
    expect(uploaded).toEqual([]);
  });
});

describe("📄 Bản nháp Tờ trình on the Office's /status <unit>", () => {
  it("sends that unit's Tờ trình to the Office; the head's /status has no such button; an employee is refused", async () => {
    await twoMeetings();
    await h.send(admin, "/status KT");
    expect(h.telegram.lastKeyboardTo(admin.id)).toContainEqual({
      text: "📄 Bản nháp Tờ trình",
      callback_data: `dr:tt:${kt}`,
    });
    await h.press(admin, `dr:tt:${kt}`);
    expect(uploaded.at(-1)?.filename).toBe("ToTrinh_KT_2026_2026-12-05.docx");
    const text = lastUpload().join("\n");
    expect(text).toContain("PHÒNG KẾ TOÁN");
    expect(text).toContain("Phạm Thị Hoa");
    expect(text).not.toContain("Nguyễn Thị Lan");
    expect(text).not.toContain("Đỗ Văn Minh");

    await h.send(head, "/status");
    expect(h.telegram.lastKeyboardTo(head.id)).toEqual([]);
    await h.press(lan, `dr:tt:${hctp}`);
    expect(alert()).not.toBe("");
    expect(uploaded).toHaveLength(1);
  });
});
