import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { submitDossier } from "../../db/dossiers.js";
import { createHarness, type Harness } from "../helpers/harness.js";
import { registerThroughBot, sendRoundNotices } from "../helpers/scenarios.js";
import { user } from "../helpers/updates.js";

const admin = user(1001, "Admin");
const head = user(2000, "Bình");
const lan = user(2001, "Lan");
let h: Harness;

beforeEach(async () => {
  h = await createHarness({ officeAdminIds: [admin.id], now: "2026-11-28T09:00:00+07:00" });
  await registerThroughBot(h, admin, head, { role: "unit_head", fullName: "Trần Văn Bình" });
  await registerThroughBot(h, admin, lan, { fullName: "Nguyễn Thị Lan" });
  await h.send(admin, "/round open 2026");
  // The round's notice to everyone registered goes out first; what follows is about what comes after.
  await sendRoundNotices(h);
  await h.send(admin, "/units add BTTP Phòng Bổ trợ tư pháp");
  h.setNow("2027-01-05T10:00:00+07:00");
});
afterEach(() => h.close());

const PEOPLE = "công chức, viên chức, người lao động của đơn vị được sửa và nộp bản tự đánh giá (/assess)";
const UNIT_AND_DOSSIER =
  "trưởng đơn vị được sửa và nộp tự đánh giá tập thể (/unit), đề nghị khen thưởng (/nominate) và hồ sơ đề nghị khen thưởng (/dossier)";

describe("/reopen", () => {
  it("says what it reopens and until when, and tells the unit's head the same", async () => {
    await h.send(admin, "/reopen HCTP 2");
    const reply = h.telegram.lastTextTo(admin.id);
    expect(reply).toContain(
      "Đã gia hạn cho đơn vị Phòng Hành chính tư pháp (HCTP) đến trước 00:00 08/01/2027 (kỳ xét khen thưởng năm 2026)",
    );
    expect(reply).toContain(PEOPLE);
    expect(reply).toContain(UNIT_AND_DOSSIER);
    expect(reply).toContain("Bot sẽ báo trưởng đơn vị");

    // Through the outbox, as the bot's other notices.
    expect(h.telegram.textsTo(head.id).join("\n")).not.toContain("gia hạn");
    await h.settle();
    const notice = h.telegram.lastTextTo(head.id);
    expect(notice).toContain(
      "Văn phòng Sở đã gia hạn cho đơn vị Phòng Hành chính tư pháp (HCTP) đến trước 00:00 08/01/2027 (kỳ xét khen thưởng năm 2026)",
    );
    expect(notice).toContain(PEOPLE);
    expect(notice).toContain(UNIT_AND_DOSSIER);
    const rows = await h.db.selectFrom("reminder_outbox").select(["kind", "chat_id", "status"]).execute();
    expect(rows).toEqual([{ kind: "notice", chat_id: head.id, status: "sent" }]);
    // The head is told; the unit's people are not messaged one by one.
    expect(h.telegram.textsTo(lan.id).join("\n")).not.toContain("gia hạn");
  });

  it("says that a dossier already sent stays sent", async () => {
    const hctp = await h.db
      .selectFrom("units")
      .select("id")
      .where("code", "=", "HCTP")
      .executeTakeFirstOrThrow();
    await submitDossier(
      h.db,
      2026,
      hctp.id,
      { id: head.id, role: "unit_head", updateId: null },
      false,
      new Date("2027-01-04T10:00:00+07:00"),
    );
    // Three days by default: to the end of 08/01.
    await h.send(admin, "/reopen HCTP");
    const reply = h.telegram.lastTextTo(admin.id);
    expect(reply).toContain("đến trước 00:00 09/01/2027");
    expect(reply).toContain(PEOPLE);
    expect(reply).not.toContain(UNIT_AND_DOSSIER);
    expect(reply).toContain("Hồ sơ đề nghị khen thưởng của đơn vị đã nộp nên không mở lại");
    await h.settle();
    expect(h.telegram.lastTextTo(head.id)).toContain(
      "Hồ sơ đề nghị khen thưởng của đơn vị đã nộp nên không mở lại",
    );
  });

  it("asks the Office to tell the unit itself when it has no head on the bot", async () => {
    await h.send(admin, "/reopen BTTP 3");
    const reply = h.telegram.lastTextTo(admin.id);
    expect(reply).toContain("Đã gia hạn cho đơn vị Phòng Bổ trợ tư pháp (BTTP)");
    expect(reply).toContain("Bot không gửi được tin cho trưởng đơn vị");
  });
});
