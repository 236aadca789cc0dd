import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../helpers/harness.js";
import { registerThroughBot } from "../helpers/scenarios.js";
import { groupTextUpdate, user } from "../helpers/updates.js";

const admin = user(1001, "Admin");
const head = user(2000, "Bình");
const lan = user(2001, "Lan");
const otherHead = user(3000, "Hùng");
let h: Harness;

beforeEach(async () => {
  h = await createHarness({ officeAdminIds: [admin.id], now: "2026-12-22T09:00:00+07:00" });
  await registerThroughBot(h, admin, head, { role: "unit_head", fullName: "Trần Văn Bình" });
  await registerThroughBot(h, admin, lan, { fullName: "Nguyễn Thị Lan" });
  await registerThroughBot(h, admin, otherHead, {
    role: "unit_head",
    unitCode: "BTTP",
    unitName: "Phòng Bổ trợ tư pháp",
    fullName: "Lê Văn Hùng",
  });
  await h.send(admin, "/round open 2026");
});
afterEach(() => h.close());

const sentTo = (chatId: number) =>
  h.telegram.callsOf("sendMessage").filter((call) => Number(call.payload.chat_id) === chatId);

describe("/remind now", () => {
  it("tells each head and the bound group what the unit misses, and reports a head who blocked the bot", async () => {
    await h.feed(groupTextUpdate(head, -5001, "/bind"));
    expect(h.telegram.lastTextTo(-5001)).toContain("Đã gắn nhóm này với <b>Phòng Hành chính tư pháp</b>");
    h.telegram.unreachable.add(otherHead.id);
    h.telegram.clear();

    await h.send(admin, "/remind now");
    expect(h.telegram.lastTextTo(admin.id)).toContain("Đang gửi 3 tin nhắc");
    // The fan-out runs after the command's update, in the outbox's queue: a later flush waits for it.
    await h.outbox.flush(h.bot.api);
    const headReminder = String(sentTo(head.id).at(-1)?.payload.text);
    expect(headReminder).toContain("còn <b>13 ngày</b>");
    expect(headReminder).toContain("2/2 cán bộ chưa nộp tự đánh giá");
    expect(headReminder).toContain("Nguyễn Thị Lan");
    expect(headReminder).toContain("Tự đánh giá tập thể của đơn vị");
    const groupReminder = String(sentTo(-5001).at(-1)?.payload.text);
    expect(groupReminder).toContain("2/2 cán bộ chưa nộp");
    expect(groupReminder).not.toContain("Nguyễn Thị Lan");
    const report = h.telegram.lastTextTo(admin.id);
    expect(report).toContain("Đã gửi 2/3 tin nhắc");
    expect(report).toContain("Lê Văn Hùng");

    const outbox = await h.db
      .selectFrom("reminder_outbox")
      .select(["chat_id", "status"])
      .orderBy("chat_id")
      .execute();
    expect(outbox).toEqual([
      { chat_id: -5001, status: "sent" },
      { chat_id: head.id, status: "sent" },
      { chat_id: otherHead.id, status: "unreachable" },
    ]);
    await h.send(admin, "/units add TTR Thanh tra Sở");
    await h.send(admin, "/remind");
    expect(h.telegram.lastTextTo(admin.id)).toContain("Không gửi được cho 1 người/nhóm");
    expect(h.telegram.lastTextTo(admin.id)).toContain(
      "1 đơn vị còn thiếu nhưng chưa có trưởng đơn vị trên bot",
    );
    expect(h.telegram.lastTextTo(admin.id)).toContain("<code>TTR</code>");
    await h.send(admin, "/remind log");
    expect(h.telegram.lastTextTo(admin.id)).toContain("không liên lạc được");
  });
});

describe("my_chat_member", () => {
  it("marks a person who blocks the bot unreachable, and reachable again when they restart it", async () => {
    const change = (status: "kicked" | "member") => ({
      update_id: 900_000 + (status === "kicked" ? 1 : 2),
      my_chat_member: {
        chat: { id: lan.id, type: "private" as const, first_name: "Lan" },
        from: { id: lan.id, is_bot: false, first_name: "Lan" },
        date: 0,
        old_chat_member: { status: "member" as const, user: { id: 42, is_bot: true, first_name: "ThiĐua" } },
        new_chat_member:
          status === "kicked"
            ? {
                status: "kicked" as const,
                until_date: 0,
                user: { id: 42, is_bot: true, first_name: "ThiĐua" },
              }
            : { status: "member" as const, user: { id: 42, is_bot: true, first_name: "ThiĐua" } },
      },
    });
    await h.feed(change("kicked"));
    expect(await h.db.selectFrom("unreachable_chats").select("chat_id").execute()).toEqual([
      { chat_id: lan.id },
    ]);
    await h.feed(change("member"));
    expect(await h.db.selectFrom("unreachable_chats").select("chat_id").execute()).toEqual([]);
  });
});

describe("closing the round", () => {
  it("stops its reminders that were still waiting", async () => {
    const { planRemindersNow } = await import("../../src/reminders/plan.js");
    const rows = (await planRemindersNow(h.deps, h.deps.clock(), { updateId: 777 })) ?? [];
    expect(rows.length).toBeGreaterThan(0);
    await h.send(admin, "/round close 2026");
    h.telegram.clear();
    await h.outbox.flush(h.bot.api);
    expect(h.telegram.callsOf("sendMessage")).toEqual([]);
    const statuses = await h.db.selectFrom("reminder_outbox").select("status").distinct().execute();
    expect(statuses).toEqual([{ status: "superseded" }]);
  });
});

describe("erasing one's data", () => {
  it("takes the person's name out of the reminders kept in the outbox", async () => {
    await h.send(admin, "/remind now");
    await h.outbox.flush(h.bot.api);
    const texts = async () =>
      (await h.db.selectFrom("reminder_outbox").select("text").execute()).map((r) => r.text).join("\n");
    expect(await texts()).toContain("Nguyễn Thị Lan");
    await h.send(lan, "/me");
    await h.press(lan, "me:delete");
    await h.press(lan, "me:delete:yes");
    expect(await texts()).not.toContain("Nguyễn Thị Lan");
  });
});
