import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findAssessment } from "../../db/assessments.js";
import { addDocumentVersion, returnDossier, submitDossier } from "../../db/dossiers.js";
import { addNomination } from "../../db/nominations.js";
import { planDueReminders } from "../../src/reminders/plan.js";
import { answerWholeIndividualAssessment, answerWholeUnitAssessment } from "../helpers/assessment-answers.js";
import { createHarness, type Harness } from "../helpers/harness.js";
import { registerThroughBot, sendRoundNotices } from "../helpers/scenarios.js";
import { groupTextUpdate, type TestUser, user } from "../helpers/updates.js";

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
  // The round's notice to everyone registered goes out first; what follows is about what comes after.
  await sendRoundNotices(h);
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
    // The fan-out runs after the command's update, in the outbox's queue: a later flush waits for it. (Its
    // report may already be in by the time the update is done, so the first answer is looked for, not the last.)
    await h.outbox.flush(h.bot.api);
    expect(String(sentTo(admin.id)[0]?.payload.text)).toContain("Đang gửi 3 tin nhắc");
    const headReminder = String(sentTo(head.id).at(-1)?.payload.text);
    expect(headReminder).toContain("còn <b>13 ngày</b>");
    expect(headReminder).toContain("2/2 người chưa nộp tự đánh giá");
    expect(headReminder).toContain("Nguyễn Thị Lan");
    expect(headReminder).toContain("Chưa nộp tự đánh giá tập thể của đơn vị");
    const groupReminder = String(sentTo(-5001).at(-1)?.payload.text);
    expect(groupReminder).toContain("2/2 người chưa nộp");
    expect(groupReminder).not.toContain("Nguyễn Thị Lan");
    const report = h.telegram.lastTextTo(admin.id);
    expect(report).toContain("Đã gửi 2/3 tin nhắc");
    expect(report).toContain("Lê Văn Hùng");

    const outbox = await h.db
      .selectFrom("reminder_outbox")
      .select(["chat_id", "status"])
      .where("kind", "!=", "notice")
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

async function unitIdOf(code: string): Promise<number> {
  const row = await h.db.selectFrom("units").select("id").where("code", "=", code).executeTakeFirstOrThrow();
  return row.id;
}

/** Proposes Lan (HCTP) for the Director's certificate of merit, as a draft: nothing uploaded yet. */
async function nominateLan(): Promise<void> {
  const added = await addNomination(
    h.db,
    {
      year: 2026,
      unitId: await unitIdOf("HCTP"),
      formId: "giay-khen-giam-doc-so",
      nomineeKind: "individual",
      nomineeId: lan.id,
      nomineeName: "Nguyễn Thị Lan",
      eligible: true,
      resultSummary: "5/5",
      reason: null,
      by: head.id,
      byRole: "unit_head",
      updateId: null,
    },
    h.deps.clock(),
  );
  if (!added) throw new Error("Lan not nominated");
}

/** A head's whole unit, done: their own self-assessment, the unit's, and a dossier proposing no one. */
async function completeUnit(person: TestUser, code: string): Promise<void> {
  const id = await unitIdOf(code);
  await h.send(person, "/assess");
  await answerWholeIndividualAssessment(h, person);
  await h.press(person, "as:summary:submit");
  await h.send(person, "/unit");
  await h.press(person, "unit:assess");
  await answerWholeUnitAssessment(h, person, "Số hoá 100% hồ sơ.");
  await h.press(person, "as:summary:submit");
  const own = await findAssessment(h.db, { year: 2026, subject: "individual", subjectId: person.id });
  const unit = await findAssessment(h.db, { year: 2026, subject: "unit", subjectId: id });
  if (own?.status !== "submitted" || unit?.status !== "submitted") throw new Error(`${code} not assessed`);
  const actor = { id: person.id, role: "unit_head" as const, updateId: null };
  if (!(await submitDossier(h.db, 2026, id, actor, false, h.deps.clock())))
    throw new Error(`${code}'s dossier not submitted`);
}

describe("the award dossier in the reminders", () => {
  it("names the documents a unit with a nominee still lacks: the head whose, the group only which", async () => {
    await h.feed(groupTextUpdate(head, -5001, "/bind"));
    await nominateLan();
    h.telegram.clear();
    await h.send(admin, "/remind now HCTP");
    await h.outbox.flush(h.bot.api);

    const headReminder = String(sentTo(head.id).at(-1)?.payload.text);
    expect(headReminder).toContain("• Thiếu: Tờ trình đề nghị khen thưởng");
    expect(headReminder).toContain(
      "• Thiếu: Báo cáo thành tích của tập thể, cá nhân đề nghị khen thưởng – Nguyễn Thị Lan",
    );
    expect(headReminder).toContain("Chưa nộp hồ sơ đề nghị khen thưởng");
    // Someone is proposed: nominations are no longer asked for.
    expect(headReminder).not.toContain("Chưa đề nghị khen thưởng");
    expect(h.telegram.lastButtonsTo(head.id).map((button) => button.callback_data)).toEqual([
      "unit:assess",
      "unit:team",
      "ds:view",
    ]);
    expect(h.telegram.lastButtonsTo(head.id).at(-1)?.text).toBe("📁 Hồ sơ đề nghị khen thưởng");

    const groupReminder = String(sentTo(-5001).at(-1)?.payload.text);
    expect(groupReminder).toContain("• Thiếu: Tờ trình đề nghị khen thưởng");
    expect(groupReminder).toContain("• Thiếu: Báo cáo thành tích của tập thể, cá nhân đề nghị khen thưởng\n");
    expect(groupReminder).not.toContain("Nguyễn Thị Lan");

    // Once the Tờ trình is in, only Lan's report is missing.
    await addDocumentVersion(
      h.db,
      {
        year: 2026,
        unitId: await unitIdOf("HCTP"),
        documentId: "to-trinh",
        documentKey: "",
        fileId: "file-1",
        fileUniqueId: "unique-1",
        fileName: "to-trinh.pdf",
        mimeType: "application/pdf",
        fileSize: 1000,
        by: head.id,
        updateId: null,
      },
      h.deps.clock(),
    );
    await h.send(admin, "/remind now HCTP");
    await h.outbox.flush(h.bot.api);
    const again = String(sentTo(head.id).at(-1)?.payload.text);
    expect(again).not.toContain("Tờ trình");
    expect(again).toContain("– Nguyễn Thị Lan");
  });

  it("tells the head why the Office returned the dossier, and the group only that it is not sent", async () => {
    await h.feed(groupTextUpdate(head, -5001, "/bind"));
    const id = await unitIdOf("HCTP");
    await submitDossier(
      h.db,
      2026,
      id,
      { id: head.id, role: "unit_head", updateId: null },
      false,
      h.deps.clock(),
    );
    await returnDossier(
      h.db,
      2026,
      id,
      { id: admin.id, role: "office", updateId: null },
      "Thiếu <chữ ký> của thủ trưởng",
      h.deps.clock(),
    );
    h.telegram.clear();
    await h.send(admin, "/remind now HCTP");
    await h.outbox.flush(h.bot.api);
    expect(String(sentTo(head.id).at(-1)?.payload.text)).toContain(
      "• Hồ sơ bị Văn phòng Sở trả lại để sửa: Thiếu &lt;chữ ký&gt; của thủ trưởng",
    );
    const groupReminder = String(sentTo(-5001).at(-1)?.payload.text);
    expect(groupReminder).toContain("• Chưa nộp hồ sơ đề nghị khen thưởng");
    expect(groupReminder).not.toContain("chữ ký");
  });

  it("counts each unit's missing documents in the Office's digest", async () => {
    await nominateLan();
    // The next day after 08:00, that day's digest is due (the round opened after the 22/12 one).
    h.setNow("2026-12-23T09:00:00+07:00");
    const planned = await planDueReminders(h.deps, h.deps.clock(), { dryRun: true });
    const digest = planned.find((p) => p.slot.kind === "digest")?.rows[0]?.text ?? "";
    expect(digest).toContain("0/2 đơn vị đã hoàn thành");
    expect(digest).toContain(
      "• <code>HCTP</code>: 2/2 người chưa nộp tự đánh giá; chưa nộp tự đánh giá tập thể; thiếu 2 tài liệu hồ sơ; chưa nộp hồ sơ",
    );
    expect(digest).toContain(
      "• <code>BTTP</code>: 1/1 người chưa nộp tự đánh giá; chưa nộp tự đánh giá tập thể; chưa đề nghị khen thưởng; chưa nộp hồ sơ",
    );
    expect(digest).not.toContain("Nguyễn Thị Lan");
  });

  it("does not remind a unit whose people, own assessment and dossier are all in", async () => {
    await completeUnit(otherHead, "BTTP");
    h.telegram.clear();
    await h.send(admin, "/remind now BTTP");
    expect(h.telegram.lastTextTo(admin.id)).toContain("Không đơn vị nào còn thiếu");
    await h.send(admin, "/remind now");
    await h.outbox.flush(h.bot.api);
    expect(sentTo(otherHead.id)).toEqual([]);
    expect(sentTo(head.id)).toHaveLength(1);
    await h.send(admin, "/remind");
    expect(h.telegram.lastTextTo(admin.id)).toContain("hiện 1/2 đơn vị còn thiếu");
    h.setNow("2026-12-23T09:00:00+07:00");
    const planned = await planDueReminders(h.deps, h.deps.clock(), { dryRun: true });
    const digest = planned.find((p) => p.slot.kind === "digest")?.rows[0]?.text ?? "";
    expect(digest).toContain("1/2 đơn vị đã hoàn thành");
    expect(digest).toContain("<code>BTTP</code>: đã hoàn thành");
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
    // Only the close's notice to everyone goes out; the reminders are not sent.
    const texts = h.telegram.callsOf("sendMessage").map((call) => String(call.payload.text));
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.every((text) => text.startsWith("📢 Văn phòng Sở đã đóng"))).toBe(true);
    const statuses = await h.db
      .selectFrom("reminder_outbox")
      .select("status")
      .distinct()
      .where("slot_key", "not like", "notice:round:%")
      .execute();
    expect(statuses).toEqual([{ status: "superseded" }]);
  });
});

describe("erasing one's data", () => {
  it("takes the person's name out of a /remind now report kept in the outbox", async () => {
    h.telegram.unreachable.add(otherHead.id);
    await h.send(admin, "/remind now");
    await h.outbox.flush(h.bot.api);
    const report = () =>
      h.db
        .selectFrom("reminder_outbox")
        .select("text")
        .where("slot_key", "like", "report:ended:%")
        .executeTakeFirstOrThrow();
    expect((await report()).text).toContain("• Lê Văn Hùng");
    h.telegram.unreachable.delete(otherHead.id);
    await h.send(otherHead, "/me");
    await h.press(otherHead, "me:delete");
    await h.press(otherHead, "me:delete:yes");
    expect((await report()).text).not.toContain("Lê Văn Hùng");
  });

  it("takes the person's name out of the reminders kept in the outbox", async () => {
    await h.send(admin, "/remind now");
    await h.outbox.flush(h.bot.api);
    const texts = async () =>
      (await h.db.selectFrom("reminder_outbox").select("text").where("kind", "!=", "notice").execute())
        .map((r) => r.text)
        .join("\n");
    expect(await texts()).toContain("Nguyễn Thị Lan");
    await h.send(lan, "/me");
    await h.press(lan, "me:delete");
    await h.press(lan, "me:delete:yes");
    expect(await texts()).not.toContain("Nguyễn Thị Lan");
    // Her head and the Office are told, by name, that she left: the one notice that names her.
    const notices = await h.db
      .selectFrom("reminder_outbox")
      .select("text")
      .where("kind", "=", "notice")
      .where("slot_key", "not like", "report:%")
      .execute();
    expect(notices.map((n) => n.text)).toEqual(
      Array(notices.length).fill(
        "👋 <b>Nguyễn Thị Lan</b> đã xóa dữ liệu cá nhân khỏi bot và không còn là thành viên của đơn vị trên bot.",
      ),
    );
    expect(notices.length).toBeGreaterThan(0);
  });
});
