import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setCouncilRole } from "../../db/council-members.js";
import { addNomination, findNomination, moveNomination, nominationHistory } from "../../db/nominations.js";
import { findUnitByCode } from "../../db/units.js";
import { buildNominationsCsv } from "../../src/office/export.js";
import { parseCsv } from "../helpers/csv.js";
import { createHarness, type Harness } from "../helpers/harness.js";
import { registerThroughBot, sendRoundNotices } from "../helpers/scenarios.js";
import { callbackUpdate, type TestUser, user } from "../helpers/updates.js";

const YEAR = 2026;
const TT = "bang-khen-thu-tuong";
const TINH = "bang-khen-chu-tich-tinh";
const GK = "giay-khen-giam-doc-so";
/** The buttons of /record's tasks: form index in the definition, the step it moves from, the step it moves to. */
const GK_DECIDE = "rr:s:2:2:3";
const TINH_PROPOSE = "rr:s:1:2:3";
const TINH_DECIDE = "rr:s:1:3:4";
const TINH_DECLINE = "rr:s:1:3:d";
const TT_NATIONAL = "rr:s:0:3:4";
const TT_DECIDE = "rr:s:0:4:5";

const admin = user(1001, "Admin");
const admin2 = user(1002, "Admin2");
const head = user(2000, "Bình");
const lan = user(2001, "Lan");
const minh = user(2002, "Minh");
const hoa = user(2003, "Hoa");
const member = user(2004, "Tâm");

let h: Harness;
let hctp = 0;

const lastAlert = () => String(h.telegram.callsOf("answerCallbackQuery").at(-1)?.payload.text ?? "");
const keyboardData = (person: TestUser) => h.telegram.lastKeyboardTo(person.id).map((b) => b.callback_data);
const lastText = (person: TestUser) => h.telegram.lastTextTo(person.id);

/**
 * A nomination the Council has passed: proposed and sent by the unit, taken and recommended by the Office, then
 * passed by the Council's vote (applied directly here: the meeting is another feature's).
 */
async function passed(person: TestUser, name: string, formId: string, unitId = hctp): Promise<number> {
  const now = h.deps.clock();
  const added = await addNomination(
    h.db,
    {
      year: YEAR,
      unitId,
      formId,
      nomineeKind: "individual",
      nomineeId: person.id,
      nomineeName: name,
      eligible: true,
      resultSummary: JSON.stringify({ met: 6, total: 6, progress: "submitted", consider: true }),
      reason: null,
      by: head.id,
      byRole: "unit_head",
      updateId: null,
    },
    now,
  );
  if (!added) throw new Error("not added");
  const steps: Array<[string, string, "unit_head" | "office" | "council"]> = [
    ["draft", "submitted", "unit_head"],
    ["submitted", "under_review", "office"],
    ["under_review", "recommended", "office"],
    ["recommended", "council_passed", "council"],
  ];
  for (const [from, to, byRole] of steps) {
    const moved = await moveNomination(
      h.db,
      {
        id: added.id,
        from,
        to,
        by: byRole === "unit_head" ? head.id : admin.id,
        byRole,
        reason: null,
        updateId: null,
      },
      now,
    );
    if (moved === undefined) throw new Error(`${from} → ${to} not made`);
  }
  return added.id;
}

/** Everything /record stores or moves, to check that a refused step changed nothing. */
async function stored() {
  return {
    nominations: await h.db.selectFrom("nominations").select(["id", "status", "decision_number"]).execute(),
    records: await h.db.selectFrom("route_records").selectAll().execute(),
    history: await h.db.selectFrom("nomination_history").select(["id"]).execute(),
  };
}

async function notices(chatId: number) {
  return h.db
    .selectFrom("reminder_outbox")
    .select(["text", "slot_key"])
    .where("kind", "=", "notice")
    .where("chat_id", "=", chatId)
    .execute();
}

/** The Office member types a record's number and date and confirms it. */
async function typeAndConfirm(office: TestUser, number: string, date: string) {
  await h.press(office, "rr:go");
  await h.send(office, number);
  await h.send(office, date);
  await h.press(office, "rr:ok");
  await h.settle();
}

beforeEach(async () => {
  h = await createHarness({ officeAdminIds: [admin.id, admin2.id], now: "2026-12-01T03:00:00Z" });
  await registerThroughBot(h, admin, head, { role: "unit_head", fullName: "Trần Văn Bình" });
  await registerThroughBot(h, admin, lan, { fullName: "Nguyễn Thị Lan" });
  await registerThroughBot(h, admin, minh, { fullName: "Lê Văn Minh" });
  await registerThroughBot(h, admin, hoa, { fullName: "Phạm Thu Hoa" });
  await registerThroughBot(h, admin, member, { fullName: "Đỗ Minh Tâm" });
  await h.send(admin, "/round open 2026");
  // The round's notice to everyone registered goes out first; what follows is about what comes after.
  await sendRoundNotices(h);
  hctp = (await findUnitByCode(h.db, "HCTP"))?.id ?? 0;
  // The Office records decisions in late January, after they were signed.
  h.setNow("2027-01-20T03:00:00Z");
  h.telegram.clear();
});
afterEach(() => h.close());

describe("the Director's decision for the Giấy khen", () => {
  it("records one decision for the ticked nominations the Council passed, tells each nominee once, leaves the unticked one", async () => {
    const lanId = await passed(lan, "Nguyễn Thị Lan", GK);
    const minhId = await passed(minh, "Lê Văn Minh", GK);
    const hoaId = await passed(hoa, "Phạm Thu Hoa", GK);

    await h.send(admin, "/record");
    expect(lastText(admin)).toContain(
      "Ghi nhận Quyết định khen thưởng: 3 đề nghị đang ở bước “Hội đồng Thi đua - Khen thưởng đã thông qua”",
    );
    // With the record, its draft: the Director's Quyết định for all three (issue 13).
    expect(keyboardData(admin)).toEqual([GK_DECIDE, "dr:qr:2"]);

    await h.press(admin, GK_DECIDE);
    const checklist = h.telegram.lastKeyboardTo(admin.id);
    expect(checklist.at(-1)).toEqual({
      text: "📄 Bản nháp Quyết định · Giấy khen Giám đốc Sở",
      callback_data: "dr:qr:2",
    });
    // In the order of names (Lê, Nguyễn, Phạm), all ticked.
    expect(checklist.filter((b) => b.text.startsWith("✅")).map((b) => b.callback_data)).toEqual([
      `rr:t:${minhId}`,
      `rr:t:${lanId}`,
      `rr:t:${hoaId}`,
    ]);
    await h.press(admin, `rr:t:${minhId}`);
    const after = h.telegram.lastKeyboardTo(admin.id);
    expect(after.find((b) => b.callback_data === `rr:t:${minhId}`)?.text).toMatch(/^⬜ #\d+ Lê Văn Minh/);
    expect(after.find((b) => b.callback_data === "rr:go")?.text).toBe("➡️ Tiếp tục (2)");

    await h.press(admin, "rr:go");
    expect(lastText(admin)).toContain("số, ký hiệu Quyết định khen thưởng</b> (2 đề nghị)");
    await h.send(admin, "125/qd-STP");
    await h.send(admin, "15/01/2027");
    const confirmation = lastText(admin);
    expect(confirmation).toContain(
      "Quyết định số <b>125/QĐ-STP</b> ngày 15/01/2027 của Giám đốc Sở Tư pháp tỉnh Ninh Bình.",
    );
    expect(confirmation).toContain("Nguyễn Thị Lan");
    expect(confirmation).toContain("Phạm Thu Hoa");
    expect(confirmation).not.toContain("Lê Văn Minh");
    expect(keyboardData(admin)).toEqual(["rr:ok", "rr:x"]);

    await h.press(admin, "rr:ok");
    await h.settle();
    expect(lastText(admin)).toContain(
      "Đã ghi nhận văn bản số <b>125/QĐ-STP</b> ngày 15/01/2027 cho 2 đề nghị",
    );

    const [record, ...others] = await h.db.selectFrom("route_records").selectAll().execute();
    expect(others).toEqual([]);
    expect(record).toMatchObject({
      kind: "decision",
      form_id: GK,
      step_id: "awarded",
      number: "125/QĐ-STP",
      date: "2027-01-15",
      party: "Giám đốc Sở Tư pháp tỉnh Ninh Bình",
      nomination_ids: JSON.stringify([lanId, hoaId]),
      by: admin.id,
    });
    for (const id of [lanId, hoaId]) {
      expect(await findNomination(h.db, id)).toMatchObject({
        status: "awarded",
        decision_number: "125/QĐ-STP",
        decision_date: "2027-01-15",
      });
      expect((await nominationHistory(h.db, id)).at(-1)).toMatchObject({
        from_status: "council_passed",
        to_status: "awarded",
        record_id: record?.id,
      });
    }
    expect((await findNomination(h.db, minhId))?.status).toBe("council_passed");

    // The nominee and the unit's head are told, once; Minh, left out, hears nothing.
    const toLan = await notices(lan.id);
    expect(toLan.map((n) => n.text)).toEqual([
      expect.stringContaining("Nguyễn Thị Lan</b> đã được khen thưởng"),
    ]);
    expect((await notices(head.id)).filter((n) => n.text.includes("đã được khen thưởng"))).toHaveLength(2);
    expect(await notices(minh.id)).toEqual([]);

    // The confirmation pressed again (a second tap on the old keyboard): nothing more is stored or sent.
    const before = await stored();
    await h.press(admin, "rr:ok");
    await h.settle();
    expect(lastAlert()).toContain("Danh sách này không còn hiệu lực");
    expect(await stored()).toEqual(before);
    expect(await notices(lan.id)).toHaveLength(1);

    // What is left to record is Minh alone.
    await h.send(admin, "/record");
    expect(lastText(admin)).toContain("1 đề nghị đang ở bước");
  });

  it("shows where each stands on its route: /nominations, /status, /status <unit>, /quota and the export", async () => {
    const lanId = await passed(lan, "Nguyễn Thị Lan", GK);
    await passed(minh, "Lê Văn Minh", GK);
    await h.send(admin, "/record");
    await h.press(admin, GK_DECIDE);
    await h.press(admin, `rr:t:${lanId + 1}`);
    await typeAndConfirm(admin, "125/QĐ-STP", "15/01/2027");

    await h.send(admin, "/nominations");
    const list = lastText(admin);
    expect(list).toContain("4/4 <i>đã được khen thưởng</i> · 125/QĐ-STP ngày 15/01/2027");
    expect(list).toContain("3/4 <i>Hội đồng Thi đua - Khen thưởng đã thông qua</i>");

    await h.send(admin, "/status HCTP");
    expect(lastText(admin)).toContain("4/4 <i>đã được khen thưởng</i> · 125/QĐ-STP ngày 15/01/2027");

    await h.send(admin, "/status");
    expect(lastText(admin)).toContain(
      "<b>Giấy khen Giám đốc Sở</b>: 1 · 3/4 Hội đồng Thi đua - Khen thưởng đã thông qua; 1 · 4/4 đã được khen thưởng",
    );

    await h.send(admin, "/quota");
    const quota = lastText(admin);
    expect(quota).toContain("Cá nhân: 2/10 tính từ bước “Hội đồng Thi đua - Khen thưởng đã thông qua”");
    expect(quota).not.toContain("đã trình Hội đồng hoặc đã được khen thưởng");

    const rows = parseCsv(await buildNominationsCsv(h.deps, YEAR, "vi"));
    const header = rows[0] ?? [];
    const lanRow = rows.find((row) => row[0] === String(lanId)) ?? [];
    expect(lanRow[header.indexOf("Bước trên quy trình")]).toBe("4/4 đã được khen thưởng");
    expect(lanRow[header.indexOf("Số Tờ trình, Quyết định gần nhất")]).toBe("125/QĐ-STP");
    expect(lanRow[header.indexOf("Ngày Tờ trình, Quyết định")]).toBe("15/01/2027");
  });
});

describe("the province's Bằng khen", () => {
  it("records the Sở's Tờ trình for both, then the province's decision for one and its refusal, with a reason, for the other", async () => {
    const lanId = await passed(lan, "Nguyễn Thị Lan", TINH);
    const minhId = await passed(minh, "Lê Văn Minh", TINH);

    await h.send(admin, "/record");
    // With the record, its draft: the Sở's Tờ trình to the province (issue 13).
    expect(keyboardData(admin)).toEqual([TINH_PROPOSE, "dr:ts:1"]);
    await h.press(admin, TINH_PROPOSE);
    await h.press(admin, "rr:go");
    expect(lastText(admin)).toContain("số, ký hiệu Tờ trình");
    await h.send(admin, "15/ttr-STP");
    await h.send(admin, "10/01/2027");
    expect(lastText(admin)).toContain(
      "Tờ trình số <b>15/TTr-STP</b> ngày 10/01/2027, gửi Ủy ban nhân dân tỉnh Ninh Bình (qua Sở Nội vụ, Phòng Thi đua - Khen thưởng).",
    );
    await h.press(admin, "rr:ok");
    await h.settle();
    const proposal = await h.db.selectFrom("route_records").selectAll().executeTakeFirstOrThrow();
    expect(proposal).toMatchObject({ kind: "proposal", step_id: "province_proposed", number: "15/TTr-STP" });
    expect(proposal.party).toContain("Sở Nội vụ");
    for (const id of [lanId, minhId])
      expect((await findNomination(h.db, id))?.status).toBe("province_proposed");
    expect((await notices(lan.id)).map((n) => n.text)).toEqual([
      expect.stringContaining("Sở đã có Tờ trình đề nghị Ủy ban nhân dân tỉnh khen thưởng"),
    ]);

    // The card shows where it stands and the Tờ trình, and offers the route's next step: the decision or the refusal.
    await h.send(admin, `/nominations ${lanId}`);
    const card = lastText(admin);
    expect(card).toContain(
      "Trạng thái: <b>Sở đã có Tờ trình đề nghị Ủy ban nhân dân tỉnh khen thưởng</b>\nBước trên quy trình: 4/5",
    );
    expect(card).toContain(
      "Tờ trình: số <b>15/TTr-STP</b> ngày 10/01/2027, gửi Ủy ban nhân dân tỉnh Ninh Bình",
    );
    expect(keyboardData(admin)).toEqual(
      expect.arrayContaining([`nt:${lanId}:awarded`, `nt:${lanId}:declined`]),
    );

    // The province's decision, for Lan only.
    await h.send(admin, "/record");
    expect(keyboardData(admin)).toEqual([TINH_DECIDE, TINH_DECLINE]);
    await h.press(admin, TINH_DECIDE);
    await h.press(admin, `rr:t:${minhId}`);
    await typeAndConfirm(admin, "45/QĐ-UBND", "18/01/2027");
    expect(await findNomination(h.db, lanId)).toMatchObject({
      status: "awarded",
      decision_number: "45/QĐ-UBND",
      decision_issuer: "Chủ tịch Ủy ban nhân dân tỉnh Ninh Bình",
    });

    // The refusal, for Minh: a reason instead of a number.
    await h.send(admin, "/record");
    await h.press(admin, TINH_DECLINE);
    expect(keyboardData(admin)).toContain(`rr:t:${minhId}`);
    expect(keyboardData(admin)).not.toContain(`rr:t:${lanId}`);
    await h.press(admin, "rr:go");
    expect(lastText(admin)).toContain("<b>lý do</b>");
    await h.send(admin, "ngắn");
    expect(lastText(admin)).toContain("Lý do phải có từ 5 đến 500 ký tự");
    await h.send(admin, "Chưa đủ thành tích tiêu biểu cấp tỉnh");
    expect(lastText(admin)).toContain("Lý do không khen thưởng: Chưa đủ thành tích tiêu biểu cấp tỉnh");
    await h.press(admin, "rr:ok");
    await h.settle();
    expect((await findNomination(h.db, minhId))?.status).toBe("declined");
    expect((await nominationHistory(h.db, minhId)).at(-1)).toMatchObject({
      to_status: "declined",
      reason: "Chưa đủ thành tích tiêu biểu cấp tỉnh",
    });
    const toMinh = (await notices(minh.id)).map((n) => n.text);
    expect(toMinh.filter((text) => text.includes("không khen thưởng"))).toHaveLength(1);
    // Two records: the Tờ trình and the decision; the refusal is a move with its reason.
    expect(await h.db.selectFrom("route_records").select("kind").execute()).toEqual([
      { kind: "proposal" },
      { kind: "decision" },
    ]);
  });
});

describe("the Prime Minister's Bằng khen", () => {
  it("takes the extra step: the Sở's Tờ trình from the card, the province's Tờ trình, then the decision", async () => {
    const lanId = await passed(lan, "Nguyễn Thị Lan", TT);

    await h.send(admin, `/nominations ${lanId}`);
    expect(keyboardData(admin)).toContain(`nt:${lanId}:province_proposed`);
    await h.press(admin, `nt:${lanId}:province_proposed`);
    expect(lastText(admin)).toContain("số, ký hiệu Tờ trình</b> (1 đề nghị)");
    await h.send(admin, "16/TTr-STP");
    await h.send(admin, "11/01/2027");
    await h.press(admin, "rr:ok");
    expect((await findNomination(h.db, lanId))?.status).toBe("province_proposed");

    await h.send(admin, "/record");
    expect(keyboardData(admin)).toEqual([TT_NATIONAL, "rr:s:0:3:d"]);
    await h.press(admin, TT_NATIONAL);
    await typeAndConfirm(admin, "20/TTr-UBND", "15/01/2027");
    expect((await findNomination(h.db, lanId))?.status).toBe("national_proposed");

    await h.send(admin, "/nominations");
    expect(lastText(admin)).toContain(
      "5/6 <i>Ủy ban nhân dân tỉnh đã đề nghị Thủ tướng Chính phủ khen thưởng</i> · 20/TTr-UBND ngày 15/01/2027",
    );

    await h.send(admin, "/record");
    await h.press(admin, TT_DECIDE);
    await typeAndConfirm(admin, "1234/QĐ-TTg", "19/01/2027");
    expect(await findNomination(h.db, lanId)).toMatchObject({
      status: "awarded",
      decision_number: "1234/QĐ-TTg",
      decision_issuer: "Thủ tướng Chính phủ",
    });
    const steps = (
      await h.db.selectFrom("route_records").select(["step_id", "kind"]).orderBy("id").execute()
    ).map((r) => `${r.kind}:${r.step_id}`);
    expect(steps).toEqual(["proposal:province_proposed", "proposal:national_proposed", "decision:awarded"]);
  });
});

describe("who cannot be told", () => {
  it("names the nominees whose unit has no head on the bot, for the Office to tell them itself", async () => {
    const khanh = user(2005, "Khánh");
    await registerThroughBot(h, admin, khanh, {
      unitCode: "TTTG",
      unitName: "Trung tâm Trợ giúp pháp lý",
      fullName: "Vũ Khánh",
    });
    const tttg = (await findUnitByCode(h.db, "TTTG"))?.id ?? 0;
    await passed(khanh, "Vũ Khánh", GK, tttg);
    await passed(lan, "Nguyễn Thị Lan", GK);
    await h.send(admin, "/record");
    await h.press(admin, GK_DECIDE);
    await typeAndConfirm(admin, "125/QĐ-STP", "15/01/2027");
    const done = lastText(admin);
    expect(done).toContain("Bot không gửi được tin cho trưởng đơn vị của: Vũ Khánh (");
    expect(done).not.toContain("của: Vũ Khánh, Nguyễn Thị Lan");
    // The nominee herself is still told.
    expect((await notices(khanh.id)).map((n) => n.text)).toEqual([
      expect.stringContaining("đã được khen thưởng"),
    ]);
  });
});

describe("a crash", () => {
  it("handles the confirmation again after a crash: one record, the same moves, the lost notices put back once", async () => {
    const lanId = await passed(lan, "Nguyễn Thị Lan", GK);
    await h.send(admin, "/record");
    await h.press(admin, GK_DECIDE);
    await h.press(admin, "rr:go");
    await h.send(admin, "125/QĐ-STP");
    await h.send(admin, "15/01/2027");
    const confirm = callbackUpdate(admin, "rr:ok");
    await h.feed(confirm);
    // The process died before it marked the update done and before the outbox sent the notices.
    await h.db.deleteFrom("processed_updates").where("update_id", "=", confirm.update_id).execute();
    await h.db
      .deleteFrom("reminder_outbox")
      .where("kind", "=", "notice")
      .where("status", "=", "pending")
      .execute();
    await h.feed(confirm);
    await h.settle();
    expect(await h.db.selectFrom("route_records").selectAll().execute()).toHaveLength(1);
    expect((await nominationHistory(h.db, lanId)).filter((e) => e.to_status === "awarded")).toHaveLength(1);
    expect((await notices(lan.id)).map((n) => n.text)).toEqual([
      expect.stringContaining("đã được khen thưởng"),
    ]);
    expect(lastText(admin)).toContain("Đã ghi nhận văn bản số <b>125/QĐ-STP</b>");
  });
});

describe("the card's own buttons on the new routes", () => {
  it("records the Giấy khen's decision for one nomination from its card, stored as a route record too", async () => {
    const lanId = await passed(lan, "Nguyễn Thị Lan", GK);
    await h.send(admin, `/nominations ${lanId}`);
    expect(keyboardData(admin)).toContain(`nt:${lanId}:awarded`);
    await h.press(admin, `nt:${lanId}:awarded`);
    await h.send(admin, "125/QĐ-STP");
    await h.send(admin, "15/01/2027");
    await h.send(admin, "Giám đốc Sở Tư pháp tỉnh Ninh Bình");
    await h.press(admin, `aw:ok:${lanId}`);
    await h.settle();
    expect(await findNomination(h.db, lanId)).toMatchObject({
      status: "awarded",
      decision_number: "125/QĐ-STP",
    });
    const record = await h.db.selectFrom("route_records").selectAll().executeTakeFirstOrThrow();
    expect(record).toMatchObject({ kind: "decision", nomination_ids: JSON.stringify([lanId]) });
    expect((await nominationHistory(h.db, lanId)).at(-1)?.record_id).toBe(record.id);
    expect((await notices(lan.id)).map((n) => n.text)).toEqual([
      expect.stringContaining("đã được khen thưởng"),
    ]);
  });

  it("records the province's refusal of one nomination from its card, with the reason, told to the nominee once", async () => {
    const lanId = await passed(lan, "Nguyễn Thị Lan", TINH);
    await h.send(admin, "/record");
    await h.press(admin, TINH_PROPOSE);
    await typeAndConfirm(admin, "15/TTr-STP", "10/01/2027");
    await h.send(admin, `/nominations ${lanId}`);
    await h.press(admin, `nt:${lanId}:declined`);
    await h.send(admin, "Không đủ thành tích tiêu biểu");
    await h.settle();
    expect((await findNomination(h.db, lanId))?.status).toBe("declined");
    const declined = (await notices(lan.id)).filter((n) => n.text.includes("không khen thưởng"));
    expect(declined.map((n) => n.text)).toEqual([
      expect.stringContaining("Lý do: <i>Không đủ thành tích tiêu biểu</i>"),
    ]);
  });
});

describe("bad input", () => {
  it("refuses a malformed number, an impossible, future or too early date, each with nothing stored", async () => {
    const lanId = await passed(lan, "Nguyễn Thị Lan", GK);
    await h.send(admin, "/record");
    await h.press(admin, GK_DECIDE);
    await h.press(admin, "rr:go");
    const before = await stored();

    await h.send(admin, "125-QĐ");
    expect(lastText(admin)).toContain("Số quyết định chưa đúng dạng");
    // A Tờ trình's number is not a decision's.
    await h.send(admin, "15/TTr-STP");
    expect(lastText(admin)).toContain("Số quyết định chưa đúng dạng");
    await h.send(admin, "125/QĐ-STP");
    await h.send(admin, "31/02/2027");
    expect(lastText(admin)).toContain("Không có ngày này trên lịch");
    await h.send(admin, "2027-01-15");
    expect(lastText(admin)).toContain("Ngày chưa đúng dạng");
    await h.send(admin, "25/01/2027");
    expect(lastText(admin)).toContain("không thể sau hôm nay");
    await h.send(admin, "15/01/2025");
    expect(lastText(admin)).toContain("không thể ký trước năm 2026");
    expect(await stored()).toEqual(before);
    expect((await findNomination(h.db, lanId))?.status).toBe("council_passed");

    // A decision number typed for a Tờ trình is refused the same way.
    await passed(minh, "Lê Văn Minh", TINH);
    await h.send(admin, "/record");
    await h.press(admin, TINH_PROPOSE);
    await h.press(admin, "rr:go");
    await h.send(admin, "15/QĐ-STP");
    expect(lastText(admin)).toContain("Số Tờ trình chưa đúng dạng");
    expect(await h.db.selectFrom("route_records").selectAll().execute()).toEqual([]);
  });

  it("says there is nothing to record before the Council passed anything, and refuses an empty checklist", async () => {
    await h.send(admin, "/record");
    expect(lastText(admin)).toContain("hiện không có đề nghị nào chờ ghi nhận");
    expect(keyboardData(admin)).toEqual([]);

    const lanId = await passed(lan, "Nguyễn Thị Lan", GK);
    await h.send(admin, "/record");
    await h.press(admin, GK_DECIDE);
    await h.press(admin, `rr:t:${lanId}`);
    await h.press(admin, "rr:go");
    expect(lastAlert()).toBe("Chưa chọn đề nghị nào. Vui lòng chọn ít nhất một đề nghị.");
  });

  it("caps a long checklist at 80 nominations, says so, and records the rest on the next /record", async () => {
    for (let i = 0; i < 82; i++)
      await passed(user(3000 + i), `Nguyễn Thị Minh Phương Thảo Người ${String(i).padStart(2, "0")}`, TINH);
    await h.send(admin, "/record");
    await h.press(admin, TINH_PROPOSE);
    const names = keyboardData(admin).filter((data) => data?.startsWith("rr:t:"));
    expect(names).toHaveLength(80);
    expect(lastText(admin)).toContain("Danh sách chỉ gồm 80/82 đề nghị đầu tiên");
    await h.press(admin, "rr:go");
    await h.send(admin, "15/TTr-STP");
    await h.send(admin, "10/01/2027");
    // Eighty long names do not fit beside the record: the confirmation lists their numbers.
    expect(lastText(admin)).toMatch(/#\d+, #\d+/);
    await h.press(admin, "rr:ok");
    for (const text of h.telegram.textsTo(admin.id)) expect(text.length).toBeLessThanOrEqual(4096);
    await h.send(admin, "/record");
    expect(lastText(admin)).toContain("📨 Ghi nhận Tờ trình của Sở: 2 đề nghị");
  });

  it("refuses /record and its buttons to an employee, a unit head and a Council member, changing nothing", async () => {
    const lanId = await passed(lan, "Nguyễn Thị Lan", GK);
    await setCouncilRole(h.db, { telegramId: member.id, role: "member" }, admin.id, h.deps.clock());
    // An Office member's checklist, which the others' presses must not touch.
    await h.send(admin, "/record");
    await h.press(admin, GK_DECIDE);
    const draft = await h.db.selectFrom("route_drafts").selectAll().execute();
    const before = await stored();
    for (const person of [lan, head, member]) {
      await h.send(person, "/record");
      expect(lastText(person)).toContain("Văn phòng");
      for (const data of [GK_DECIDE, `rr:t:${lanId}`, "rr:go", "rr:ok", "rr:x"]) {
        await h.press(person, data);
        expect(lastAlert(), `${person.first_name} ${data}`).toBe(h.deps.i18n.t("vi", "office-only"));
      }
    }
    expect(await stored()).toEqual(before);
    expect(await h.db.selectFrom("route_drafts").selectAll().execute()).toEqual(draft);
  });

  it("refuses a checklist gone stale: another Office member recorded one of its nominations first", async () => {
    const lanId = await passed(lan, "Nguyễn Thị Lan", GK);
    const hoaId = await passed(hoa, "Phạm Thu Hoa", GK);
    await h.send(admin, "/record");
    await h.press(admin, GK_DECIDE);
    await h.press(admin, "rr:go");
    await h.send(admin, "125/QĐ-STP");
    await h.send(admin, "15/01/2027");

    // Meanwhile another Office member records Lan's decision alone.
    await h.send(admin2, "/record");
    await h.press(admin2, GK_DECIDE);
    await h.press(admin2, `rr:t:${hoaId}`);
    await typeAndConfirm(admin2, "126/QĐ-STP", "16/01/2027");
    expect((await findNomination(h.db, lanId))?.decision_number).toBe("126/QĐ-STP");

    const before = await stored();
    await h.press(admin, "rr:ok");
    expect(lastAlert()).toContain("đề nghị của Nguyễn Thị Lan đã chuyển sang bước khác");
    expect(await stored()).toEqual(before);
    expect((await findNomination(h.db, hoaId))?.status).toBe("council_passed");
  });
});
