import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { enqueueNotices } from "../../db/notices.js";
import { planDueReminders } from "../../src/reminders/plan.js";
import { createHarness, type Harness } from "../helpers/harness.js";
import { registerThroughBot } from "../helpers/scenarios.js";
import { textUpdate, user } from "../helpers/updates.js";

const admin = user(1001, "Admin");
const colleague = user(1002, "Colleague");
const head = user(2000, "Bình");
const lan = user(2001, "Lan");
const minh = user(2002, "Minh");
const otherHead = user(2100, "Hà");
const guest = user(2999, "Guest");

let h: Harness;

beforeEach(async () => {
  h = await createHarness({ officeAdminIds: [admin.id, colleague.id], now: "2026-11-28T09:00:00+07:00" });
  await registerThroughBot(h, admin, head, { role: "unit_head", fullName: "Trần Văn Bình" });
  await registerThroughBot(h, admin, lan, { fullName: "Nguyễn Thị Lan" });
  await registerThroughBot(h, admin, minh, { fullName: "Lê Văn Minh" });
  await registerThroughBot(h, admin, otherHead, {
    role: "unit_head",
    unitCode: "BTTP",
    unitName: "Phòng Bổ trợ tư pháp",
    fullName: "Đỗ Thu Hà",
  });
  // Minh reads in English; a guest pressed Start and never registered.
  await h.send(minh, "/lang");
  await h.press(minh, "lang:en");
  await h.send(guest, "/start");
  await h.settle();
  h.telegram.clear();
});
afterEach(() => h.close());

const OPENED_VI = [
  "📢 Văn phòng Sở đã mở <b>kỳ xét khen thưởng năm 2026</b>.",
  "Hồ sơ đề nghị khen thưởng gửi về Văn phòng Sở trước ngày 05/01/2027. Công chức, viên chức, người lao động tự đánh giá bằng lệnh /assess.",
].join("\n");
const OPENED_EN = [
  "📢 The Department's Office has opened the <b>2026 award round</b>.",
  "Award nomination dossiers must reach the Office before 05/01/2027. Staff self-assess with /assess.",
].join("\n");
const CLOSED_VI =
  "📢 Văn phòng Sở đã đóng <b>kỳ xét khen thưởng năm 2026</b>. Từ nay Anh/Chị chỉ xem được những gì đã nộp.";

/** What the outbox sent each person, by chat id. */
const received = (text: string) =>
  h.telegram.calls
    .filter((call) => call.method === "sendMessage" && call.payload.text === text)
    .map((call) => call.payload.chat_id)
    .sort();

describe("a round opened or closed", () => {
  it("tells every registered person once, through the outbox, in their language, with the deadline", async () => {
    const open = textUpdate(admin, "/round open 2026");
    await h.feed(open);
    // Not in the Office's reply: sent from the outbox.
    expect(received(OPENED_VI)).toEqual([]);
    await h.settle();
    // The heads, the employees, the other Office admin; not the admin who opened it, nor the guest.
    expect(received(OPENED_VI)).toEqual([colleague.id, lan.id, head.id, otherHead.id].sort());
    expect(received(OPENED_EN)).toEqual([minh.id]);
    expect(h.telegram.textsTo(admin.id).join("\n")).not.toContain("📢");
    expect(h.telegram.textsTo(guest.id)).toEqual([]);

    // The same update handled again adds nothing.
    const before = await h.db.selectFrom("reminder_outbox").select("id").execute();
    await h.feed(open);
    await h.settle();
    expect(await h.db.selectFrom("reminder_outbox").select("id").execute()).toEqual(before);
    expect(received(OPENED_VI)).toHaveLength(4);
  });

  it("lets a notice to one person go before the round's notices to everyone still waiting", async () => {
    await h.send(admin, "/round open 2026");
    h.telegram.clear();
    // Queued after the round's notices: a move told to Lan (any notice to one person).
    h.setNow("2026-11-28T09:01:00+07:00");
    await enqueueNotices(h.db, [
      {
        round_year: 2026,
        slot_key: "notice:move:1:1",
        kind: "notice",
        chat_id: lan.id,
        unit_id: null,
        text: "📌 Đề nghị của Anh/Chị đã được chuyển bước.",
        due_at: h.deps.clock().toISOString(),
        status: "pending",
        created_at: h.deps.clock().toISOString(),
      },
    ]);
    await h.settle();
    const sent = h.telegram.callsOf("sendMessage").map((call) => call.payload.text);
    expect(sent[0]).toBe("📌 Đề nghị của Anh/Chị đã được chuyển bước.");
    expect(sent.slice(1).filter((text) => text === OPENED_VI)).toHaveLength(4);
  });

  it("tells everyone once when the round is closed; who erased their data hears nothing", async () => {
    await h.send(admin, "/round open 2026");
    await h.settle();
    await h.send(lan, "/me");
    await h.press(lan, "me:delete");
    await h.press(lan, "me:delete:yes");
    h.telegram.clear();

    const close = textUpdate(admin, "/round close 2026");
    await h.feed(close);
    await h.settle();
    expect(received(CLOSED_VI)).toEqual([colleague.id, head.id, otherHead.id].sort());
    expect(h.telegram.textsTo(minh.id)).toEqual([
      "📢 The Department's Office has closed the <b>2026 award round</b>. From now on you can only view what was sent.",
    ]);
    expect(h.telegram.textsTo(lan.id)).toEqual([]);
    await h.feed(close);
    await h.settle();
    expect(received(CLOSED_VI)).toHaveLength(3);

    // Reopened later: a new event, told again.
    h.telegram.clear();
    await h.send(admin, "/round open 2026");
    await h.settle();
    expect(received(OPENED_VI)).toEqual([colleague.id, head.id, otherHead.id].sort());
  });
});

describe("an extension about to end", () => {
  /** One scheduler run at a local time: plan what is due, then send the outbox. */
  async function runAt(local: string) {
    h.setNow(local);
    await planDueReminders(h.deps, h.deps.clock());
    await h.settle();
  }
  const warnings = () =>
    h.telegram.calls.filter(
      (call) => call.method === "sendMessage" && String(call.payload.text).startsWith("⏳"),
    );

  beforeEach(async () => {
    await h.send(admin, "/round open 2026");
    await h.settle();
    // After the deadline (05/01/2027): HCTP gets ten more days, to the end of 15/01.
    h.setNow("2027-01-05T10:00:00+07:00");
    await h.send(admin, "/reopen HCTP 10");
    await h.settle();
    h.telegram.clear();
  });

  it("tells the unit's heads a week before, once, at the schedule's hour, and nobody else", async () => {
    // A week before 16/01 is Saturday 09/01: the Friday before, at 08:00.
    await runAt("2027-01-08T07:59:00+07:00");
    expect(warnings()).toEqual([]);
    await runAt("2027-01-08T08:00:00+07:00");
    expect(warnings().map((call) => call.payload.chat_id)).toEqual([head.id]);
    const [warning] = warnings();
    expect(warning?.payload.text).toBe(
      [
        "⏳ Thời hạn gia hạn của đơn vị Phòng Hành chính tư pháp (HCTP) (kỳ xét khen thưởng năm 2026) kết thúc trước 00:00 16/01/2027, còn một tuần.",
        "Anh/Chị hoàn thành và nộp hồ sơ đề nghị khen thưởng (/dossier) trước thời hạn này.",
      ].join("\n"),
    );
    expect(warning?.payload.reply_markup).toEqual({
      inline_keyboard: [[{ text: "📁 Hồ sơ đề nghị khen thưởng", callback_data: "ds:view" }]],
    });
    // Later runs, and a restart (a planner with nothing in memory), add nothing.
    await runAt("2027-01-08T15:00:00+07:00");
    await runAt("2027-01-11T09:00:00+07:00");
    expect(warnings()).toHaveLength(1);
  });

  it("is sent when the bot comes back after the hour, not once the extension has ended", async () => {
    await runAt("2027-01-12T10:00:00+07:00");
    expect(warnings().map((call) => call.payload.chat_id)).toEqual([head.id]);

    h.telegram.clear();
    await h.send(admin, "/reopen BTTP 10");
    await h.settle();
    h.telegram.clear();
    // BTTP's extension runs to 23/01; the bot is down from before its warning until after it ends.
    await runAt("2027-01-23T09:00:00+07:00");
    expect(warnings()).toEqual([]);
  });

  it("is not sent for an extension shorter than a week: its end was told when it was granted", async () => {
    await h.send(admin, "/reopen BTTP 3");
    await h.settle();
    h.telegram.clear();
    for (const day of ["06", "07", "08", "09"]) await runAt(`2027-01-${day}T09:00:00+07:00`);
    expect(warnings().map((call) => call.payload.chat_id)).toEqual([head.id]);
  });
});
