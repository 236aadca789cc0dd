import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findRound, listRounds } from "../../db/rounds.js";
import { createHarness, type Harness } from "../helpers/harness.js";
import { registerThroughBot } from "../helpers/scenarios.js";
import { user } from "../helpers/updates.js";

const admin = user(1001, "Admin");
const lan = user(2001, "Lan");

let h: Harness;

beforeEach(async () => {
  h = await createHarness({ officeAdminIds: [admin.id], now: "2026-11-28T09:00:00+07:00" });
});
afterEach(() => h.close());

const reply = () => h.telegram.lastTextTo(admin.id);

describe("/round", () => {
  it("says there is no round yet, with the usage", async () => {
    await h.send(admin, "/round");
    expect(reply()).toContain("Các kỳ xét khen thưởng");
    expect(reply()).toContain("Chưa mở kỳ xét khen thưởng nào.");
    expect(reply()).toContain("/round open");
  });

  it("opens a year with the deadline 05/01 of the next year in Asia/Ho_Chi_Minh, and lists it", async () => {
    await h.send(admin, "/round open 2026");
    // The plan's deadline is still ahead: opened at once, no question asked.
    expect(h.telegram.lastButtonsTo(admin.id)).toEqual([]);
    expect(reply()).toContain("Đã mở kỳ xét khen thưởng năm <b>2026</b>");
    expect(reply()).toContain("trước 00:00 05/01/2027");
    expect(reply()).toContain("chậm nhất hết ngày 04/01/2027");
    expect(await findRound(h.db, 2026)).toMatchObject({
      year: 2026,
      status: "open",
      deadline_at: "2027-01-04T17:00:00.000Z",
      campaign_id: "stp-cchc-2023-2025",
      opened_by: admin.id,
      opened_at: "2026-11-28T02:00:00.000Z",
      closed_at: null,
    });

    await h.send(admin, "/round");
    // From Saturday 28/11/2026 to the last day, 04/01/2027: 37 calendar days.
    expect(reply()).toContain(
      "• Năm 2026: <b>đang mở</b>, hạn nộp hồ sơ trước ngày 05/01/2027 (còn 37 ngày)",
    );

    h.setNow("2027-01-04T20:00:00+07:00");
    await h.send(admin, "/round");
    expect(reply()).toContain("05/01/2027 (hôm nay là ngày cuối)");
    h.setNow("2027-01-06T08:00:00+07:00");
    await h.send(admin, "/round");
    expect(reply()).toContain("(đã quá hạn 2 ngày)");
  });

  it("says a round is already open instead of opening it twice", async () => {
    await h.send(admin, "/round open 2026");
    await h.send(admin, "/round open 2026");
    expect(reply()).toContain("Kỳ xét khen thưởng năm 2026 đang mở.");
    expect(await listRounds(h.db)).toHaveLength(1);
  });

  it("closes a round, and reopening keeps its deadline", async () => {
    await h.send(admin, "/round open 2026");
    await h.send(admin, "/round close 2026");
    expect(reply()).toContain("Đã đóng kỳ xét khen thưởng năm 2026");
    expect(await findRound(h.db, 2026)).toMatchObject({
      status: "closed",
      closed_at: "2026-11-28T02:00:00.000Z",
    });
    await h.send(admin, "/round");
    expect(reply()).toContain("• Năm 2026: đã đóng (hạn nộp trước ngày 05/01/2027)");
    await h.send(admin, "/round close 2026");
    expect(reply()).toContain("Kỳ xét khen thưởng năm 2026 đã đóng trước đó.");

    // The stored deadline is the round's own (the Office may have had it extended): reopening keeps it.
    await h.db
      .updateTable("rounds")
      .set({ deadline_at: "2027-01-09T17:00:00.000Z" })
      .where("year", "=", 2026)
      .execute();
    h.setNow("2026-12-15T10:00:00+07:00");
    await h.send(admin, "/round open 2026");
    expect(reply()).toContain("Đã mở lại kỳ xét khen thưởng năm <b>2026</b>");
    expect(reply()).toContain("10/01/2027");
    expect(await findRound(h.db, 2026)).toMatchObject({
      status: "open",
      deadline_at: "2027-01-09T17:00:00.000Z",
      closed_at: null,
    });
  });

  it("says so when closing a year that has no round", async () => {
    await h.send(admin, "/round close 2025");
    expect(reply()).toContain("Chưa có kỳ xét khen thưởng năm 2025.");
    expect(await listRounds(h.db)).toEqual([]);
  });

  it("opens next year's round, noting it is beyond the plan period and reuses the criteria", async () => {
    await h.send(admin, "/round open 2027");
    expect(reply()).toContain("Đã mở kỳ xét khen thưởng năm <b>2027</b>");
    expect(reply()).toContain("05/01/2028");
    expect(reply()).toContain("ngoài giai đoạn 2023–2025 của kế hoạch");
    expect(reply()).toContain("dùng lại bộ tiêu chí");
    expect(await findRound(h.db, 2027)).toMatchObject({
      status: "open",
      deadline_at: "2028-01-04T17:00:00.000Z",
      campaign_id: "stp-cchc-2023-2025",
    });
  });

  it("does not add the beyond-the-plan note for a year inside the plan period", async () => {
    h.setNow("2025-11-28T09:00:00+07:00");
    await h.send(admin, "/round open 2025");
    expect(reply()).toContain("Đã mở kỳ xét khen thưởng năm <b>2025</b>");
    expect(reply()).toContain("05/01/2026");
    expect(reply()).not.toContain("ngoài giai đoạn");
    expect((await findRound(h.db, 2025))?.deadline_at).toBe("2026-01-04T17:00:00.000Z");
  });

  it("refuses a year too far ahead, a year before the plan, and a word that is not a year", async () => {
    await h.send(admin, "/round open 2030");
    expect(reply()).toContain("Chưa thể mở kỳ xét khen thưởng năm 2030");
    await h.send(admin, "/round open 2028");
    expect(reply()).toContain("Chưa thể mở kỳ xét khen thưởng năm 2028");
    await h.send(admin, "/round open 2019");
    expect(reply()).toContain("Kế hoạch bắt đầu từ năm 2023; không mở kỳ xét khen thưởng cho năm 2019");
    await h.send(admin, "/round open abc");
    expect(reply()).toContain("Mở kỳ xét khen thưởng: /round open &lt;năm&gt;");
    expect(reply()).not.toContain("Đã mở");
    await h.send(admin, "/round open");
    expect(reply()).toContain("Mở kỳ xét khen thưởng: /round open &lt;năm&gt;");
    await h.send(admin, "/round start 2026");
    expect(reply()).toContain("Mở kỳ xét khen thưởng: /round open &lt;năm&gt;");
    expect(await listRounds(h.db)).toEqual([]);
  });

  it("opens one round at a time, so nobody's unfinished work is hidden by the next year's", async () => {
    await h.send(admin, "/round open 2026");
    await h.send(admin, "/round open 2027");
    expect(h.telegram.lastTextTo(admin.id)).toContain("Kỳ xét khen thưởng năm 2026 đang mở");
    expect(h.telegram.lastTextTo(admin.id)).toContain("/round close 2026");
    expect((await h.db.selectFrom("rounds").select("year").execute()).map((r) => r.year)).toEqual([2026]);
  });

  it("opens only one of two years asked for at the same instant, and tells the other Office member why", async () => {
    const second = user(1002, "Admin 2");
    await h.close();
    h = await createHarness({ officeAdminIds: [admin.id, second.id], now: "2026-11-28T09:00:00+07:00" });
    await Promise.all([h.send(admin, "/round open 2026"), h.send(second, "/round open 2027")]);
    const open = await h.db.selectFrom("rounds").select("year").where("status", "=", "open").execute();
    expect(open).toHaveLength(1);
    const [winner, loser] = open[0]?.year === 2026 ? [admin, second] : [second, admin];
    const [won, lost] = open[0]?.year === 2026 ? ["2026", "2027"] : ["2027", "2026"];
    expect(h.telegram.lastTextTo(winner.id)).toContain(`Đã mở kỳ xét khen thưởng năm <b>${won}</b>`);
    expect(h.telegram.lastTextTo(loser.id)).toContain(`Kỳ xét khen thưởng năm ${won} đang mở`);
    expect(h.telegram.lastTextTo(loser.id)).toContain(`trước khi mở năm ${lost}`);
    expect(h.telegram.lastTextTo(loser.id)).not.toContain("Xin lỗi");
  });
});

describe("/round open once the plan's deadline has passed (2025's, 05/01/2026, on 01/12/2026)", () => {
  beforeEach(() => h.setNow("2026-12-01T09:00:00+07:00"));
  const buttons = () => h.telegram.lastButtonsTo(admin.id);

  it("opens nothing but asks, offering 30 days from today in one tap; the round then works for everyone", async () => {
    await registerThroughBot(h, admin, lan);
    await h.send(admin, "/round open 2025");
    expect(reply()).toContain(
      "Hạn nộp của kỳ xét khen thưởng năm <b>2025</b> theo kế hoạch là trước 00:00 05/01/2026, nay đã qua",
    );
    expect(reply()).toContain("30 ngày kể từ hôm nay (trước 00:00 31/12/2026)");
    expect(await listRounds(h.db)).toEqual([]);
    expect(buttons().map((b) => [b.text, b.callback_data])).toEqual([
      ["Mở, hạn trước ngày 31/12/2026", "round:open:2025:20261231"],
      ["Đặt hạn khác", "round:date:2025"],
      ["Hủy", "round:cancel:2025"],
    ]);

    h.telegram.clear();
    await h.press(admin, "round:open:2025:20261231");
    // The keyboard goes, so the question cannot be answered twice.
    expect(h.telegram.callsOf("editMessageReplyMarkup")).toHaveLength(1);
    expect(reply()).toContain("Đã mở kỳ xét khen thưởng năm <b>2025</b>");
    expect(reply()).toContain("trước 00:00 31/12/2026 (tức chậm nhất hết ngày 30/12/2026)");
    expect(reply()).toContain(
      "hạn riêng của kỳ này do Văn phòng Sở đặt (hạn theo kế hoạch là trước 00:00 05/01/2026)",
    );
    expect(await findRound(h.db, 2025)).toMatchObject({
      status: "open",
      deadline_at: "2026-12-30T17:00:00.000Z",
    });

    // Every flow reads the round's own deadline: no loop between /assess and /myresult.
    await h.send(lan, "/myresult");
    expect(h.telegram.lastTextTo(lan.id)).toContain("Gửi /assess để bắt đầu");
    await h.send(lan, "/assess");
    expect(h.telegram.textsTo(lan.id).at(-1)).toContain("Bắt đầu tự đánh giá cá nhân năm <b>2025</b>");
    await h.send(admin, "/round");
    expect(reply()).toContain(
      "• Năm 2025: <b>đang mở</b>, hạn nộp hồ sơ trước ngày 31/12/2026 (còn 29 ngày)",
    );

    // The same button pressed again is told the round is open already.
    await h.press(admin, "round:open:2025:20261231");
    expect(reply()).toContain("Kỳ xét khen thưởng năm 2025 đang mở.");
  });

  it("takes a typed deadline after «Đặt hạn khác», re-asking until it is a real date ahead", async () => {
    await h.send(admin, "/round open 2025");
    await h.press(admin, "round:date:2025");
    expect(reply()).toContain(
      "nhập ngày hạn nộp của kỳ xét khen thưởng năm 2025 theo dạng dd/mm/yyyy, ví dụ 31/12/2026",
    );
    await h.send(admin, "giữa tháng Giêng");
    expect(reply()).toContain("Ngày hạn nộp cần viết theo dạng dd/mm/yyyy");
    await h.send(admin, "31/02/2027");
    expect(reply()).toContain("Không có ngày 31/02/2027 trên lịch.");
    await h.send(admin, "01/12/2026");
    expect(reply()).toContain("Hạn nộp phải là một ngày sau hôm nay (01/12/2026)");
    await h.send(admin, "15/01/2207");
    expect(reply()).toContain("Hạn nộp không được muộn hơn ngày 01/12/2027");
    expect(await listRounds(h.db)).toEqual([]);

    await h.send(admin, "15/01/2027");
    expect(reply()).toContain("Đã mở kỳ xét khen thưởng năm <b>2025</b>");
    expect(reply()).toContain("trước 00:00 15/01/2027");
    expect(await findRound(h.db, 2025)).toMatchObject({
      status: "open",
      deadline_at: "2027-01-14T17:00:00.000Z",
    });
  });

  it("opens nothing on «Hủy», or when the typed deadline is given up with /cancel", async () => {
    await h.send(admin, "/round open 2025");
    await h.press(admin, "round:cancel:2025");
    expect(reply()).toContain("Đã hủy; kỳ xét khen thưởng năm 2025 chưa được mở.");
    await h.send(admin, "/round open 2025");
    await h.press(admin, "round:date:2025");
    await h.send(admin, "/cancel");
    await h.send(admin, "15/01/2027");
    expect(await listRounds(h.db)).toEqual([]);
  });

  it("takes the deadline in the command itself, checked the same way", async () => {
    await h.send(admin, "/round open 2025 01/12/2026");
    expect(reply()).toContain("Hạn nộp phải là một ngày sau hôm nay (01/12/2026)");
    await h.send(admin, "/round open 2025 15-01");
    expect(reply()).toContain("dd/mm/yyyy");
    // The year is checked first.
    await h.send(admin, "/round open 2030 15/01/2031");
    expect(reply()).toContain("Chưa thể mở kỳ xét khen thưởng năm 2030");
    await h.send(admin, "/round close 2025 15/01/2027");
    expect(reply()).toContain("Mở kỳ xét khen thưởng: /round open &lt;năm&gt; [hạn nộp dd/mm/yyyy]");
    expect(await listRounds(h.db)).toEqual([]);

    await h.send(admin, "/round open 2025 15/01/2027");
    expect(reply()).toContain("Đã mở kỳ xét khen thưởng năm <b>2025</b>");
    expect(reply()).toContain("trước 00:00 15/01/2027");
    expect(h.telegram.lastButtonsTo(admin.id)).toEqual([]);
    expect((await findRound(h.db, 2025))?.deadline_at).toBe("2027-01-14T17:00:00.000Z");
  });

  it("asks again when the offer itself has passed by the time it is pressed", async () => {
    await h.send(admin, "/round open 2025");
    h.setNow("2027-01-02T09:00:00+07:00");
    await h.press(admin, "round:open:2025:20261231");
    expect(reply()).toContain("nay đã qua");
    expect(buttons()[0]).toMatchObject({ callback_data: "round:open:2025:20270201" });
    expect(await listRounds(h.db)).toEqual([]);
  });

  it("asks before reopening a closed round whose own deadline has passed, and may keep it", async () => {
    h.setNow("2026-11-28T09:00:00+07:00");
    await h.send(admin, "/round open 2026");
    await h.send(admin, "/round close 2026");
    h.setNow("2027-01-10T09:00:00+07:00");
    await h.send(admin, "/round open 2026");
    expect(reply()).toContain(
      "Hạn nộp của kỳ xét khen thưởng năm <b>2026</b> là trước 00:00 05/01/2027, nay đã qua",
    );
    expect(buttons().map((b) => b.callback_data)).toEqual([
      "round:open:2026:20270209",
      "round:keep:2026",
      "round:date:2026",
      "round:cancel:2026",
    ]);
    expect((await findRound(h.db, 2026))?.status).toBe("closed");

    await h.press(admin, "round:keep:2026");
    expect(reply()).toContain("Đã mở lại kỳ xét khen thưởng năm <b>2026</b>");
    expect(reply()).toContain("Hạn nộp giữ nguyên: trước 00:00 05/01/2027");
    expect(reply()).toContain("hạn nộp đã qua nên bản tự đánh giá và hồ sơ chỉ xem được");
    expect(await findRound(h.db, 2026)).toMatchObject({
      status: "open",
      deadline_at: "2027-01-04T17:00:00.000Z",
    });

    await h.send(admin, "/round close 2026");
    await h.press(admin, "round:open:2026:20270209");
    expect(reply()).toContain("Hạn nộp mới: trước 00:00 09/02/2027");
    expect(await findRound(h.db, 2026)).toMatchObject({
      status: "open",
      deadline_at: "2027-02-08T17:00:00.000Z",
    });
  });

  it("refuses the buttons to anyone but the Office", async () => {
    await registerThroughBot(h, admin, lan);
    await h.send(admin, "/round open 2025");
    h.telegram.clear();
    await h.press(lan, "round:open:2025:20261231");
    expect(h.telegram.callsOf("answerCallbackQuery")[0]?.payload).toMatchObject({ show_alert: true });
    expect(await listRounds(h.db)).toEqual([]);
  });
});
