import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findDossier } from "../../db/dossiers.js";
import { listNominations, nominationHistory } from "../../db/nominations.js";
import { findUnitByCode } from "../../db/units.js";
import { answerWholeIndividualAssessment } from "../helpers/assessment-answers.js";
import { createHarness, type Harness } from "../helpers/harness.js";
import { registerThroughBot } from "../helpers/scenarios.js";
import { documentUpdate, type TestUser, user } from "../helpers/updates.js";

/**
 * The Ban Giám đốc and the Văn phòng Sở have no unit head above them: the Office proposes them (`/units
 * office`, set for both in the sample units), with a head's rules. A head still proposes only their own unit,
 * and the Office not a unit whose head proposes.
 */
const admin = user(1001, "Admin");
const colleague = user(1002, "Colleague");
const director = user(3001, "Director");
const deputy = user(3002, "Deputy");
const clerk = user(3003, "Clerk");
const head = user(2000, "Bình");
const lan = user(2001, "Lan");
const GK = 2; // the Director's Giấy khen is the third form of the campaign
let h: Harness;
let bgd: number;
let vp: number;
let hctp: number;

const pdf = (name: string) => ({ file_name: name, mime_type: "application/pdf", file_size: 200_000 });
const alert = () => String(h.telegram.callsOf("answerCallbackQuery").at(-1)?.payload.text ?? "");
const buttons = (person: TestUser) => h.telegram.lastKeyboardTo(person.id);
const data = (person: TestUser) => buttons(person).map((b) => b.callback_data ?? "");

beforeEach(async () => {
  h = await createHarness({ officeAdminIds: [admin.id, colleague.id], now: "2026-12-01T03:00:00Z" });
  await h.send(admin, "/units sample");
  // The leadership joins through an invite to the Ban Giám đốc, like anyone else.
  await registerThroughBot(h, admin, director, {
    unitCode: "BGD",
    unitName: "Ban Giám đốc",
    fullName: "Phạm Minh Đức",
    position: "Giám đốc Sở",
  });
  await registerThroughBot(h, admin, deputy, {
    unitCode: "BGD",
    unitName: "Ban Giám đốc",
    fullName: "Vũ Thị Hạnh",
    position: "Phó Giám đốc Sở",
  });
  await registerThroughBot(h, admin, clerk, {
    unitCode: "VP",
    unitName: "Văn phòng Sở",
    fullName: "Đỗ Văn Khoa",
  });
  await registerThroughBot(h, admin, head, { role: "unit_head", fullName: "Trần Văn Bình" });
  await registerThroughBot(h, admin, lan, { fullName: "Nguyễn Thị Lan" });
  bgd = (await findUnitByCode(h.db, "BGD"))?.id ?? 0;
  vp = (await findUnitByCode(h.db, "VP"))?.id ?? 0;
  hctp = (await findUnitByCode(h.db, "HCTP"))?.id ?? 0;
  await h.send(admin, "/round open 2026");
  // Everyone hears of the round now, so that what follows reads only the notices it causes.
  await h.settle();
  // The Director assesses himself against the six criteria.
  await h.send(director, "/assess");
  await answerWholeIndividualAssessment(h, director);
  await h.press(director, "as:summary:submit");
});
afterEach(() => h.close());

/** Uploads a PDF for every 📎 button of the dossier on screen, one after another. */
async function uploadAll(person: TestUser, ref: string) {
  const uploads = data(person).filter((d) => d.startsWith("ds:up:"));
  for (const [index, button] of uploads.entries()) {
    expect(button.endsWith(ref)).toBe(true);
    await h.press(person, button);
    await h.feed(documentUpdate(person, pdf(`tai-lieu-${index}.pdf`)));
  }
  return uploads.length;
}

describe("the Office proposes the Ban Giám đốc and the Văn phòng Sở", () => {
  it("lists the units it proposes for, nominates a leader and the Văn phòng as a collective, and sends both dossiers", async () => {
    await h.send(admin, "/units");
    expect(h.telegram.lastTextTo(admin.id)).toContain(
      "<code>BGD</code> Ban Giám đốc: 2 người · Văn phòng Sở đề nghị khen thưởng",
    );
    expect(h.telegram.lastTextTo(admin.id)).toContain(
      "Văn phòng Sở đề nghị khen thưởng cho: <code>BGD</code>, <code>VP</code>",
    );

    // /nominate with no unit: the units the Office proposes for, as buttons, and only those.
    await h.send(admin, "/nominate");
    expect(h.telegram.lastTextTo(admin.id)).toContain(
      "<b>Văn phòng Sở đề nghị khen thưởng</b> cho các đơn vị không có trưởng đơn vị cấp trên",
    );
    expect(buttons(admin).map((b) => [b.text, b.callback_data])).toEqual([
      ["BGD · Ban Giám đốc", `nm:open@${bgd}`],
      ["VP · Văn phòng Sở", `nm:open@${vp}`],
    ]);

    // A unit opens on its first form, as a head's /nominate does; its overview is a tap away.
    await h.press(admin, `nm:open@${bgd}`);
    expect(h.telegram.lastTextTo(admin.id)).toContain("<b>Giấy khen của Giám đốc Sở</b> — Ban Giám đốc");
    expect(h.telegram.lastTextTo(admin.id)).toContain("Văn phòng Sở đề nghị khen thưởng cho đơn vị này");
    expect(data(admin)).toContain(`nm:home@${bgd}`);
    await h.press(admin, `nm:home@${bgd}`);
    expect(h.telegram.lastTextTo(admin.id)).toContain("Đề nghị khen thưởng năm 2026</b> — Ban Giám đốc");
    expect(h.telegram.lastTextTo(admin.id)).toContain("Văn phòng Sở đề nghị khen thưởng cho đơn vị này");
    expect(data(admin)).toContain(`nm:f:${GK}:0@${bgd}`);

    // The same list a head sees: each leader's own result, those whose answers support the form first.
    await h.press(admin, `nm:f:${GK}:0@${bgd}`);
    const people = buttons(admin).map((b) => b.text);
    expect(people[1]).toBe("Phạm Minh Đức · ✅ đáp ứng 6/6 tiêu chí · có thể xem xét đề nghị");
    expect(people[2]).toBe("Vũ Thị Hạnh · ▫️ chưa tự đánh giá");

    await h.press(admin, `nm:a:${GK}:p:${director.id}:0@${bgd}`);
    expect(buttons(admin)[1]?.text).toContain("☑️ Phạm Minh Đức");
    // A deputy whose assessment is not done needs a reason, as with a head.
    await h.press(admin, `nm:a:${GK}:p:${deputy.id}:0@${bgd}`);
    expect(h.telegram.lastTextTo(admin.id)).toContain(
      "chưa có kết quả tự đánh giá đáp ứng tất cả các tiêu chí",
    );
    await h.send(admin, "Chỉ đạo hoàn thành xuất sắc công tác cải cách hành chính");
    expect(h.telegram.lastTextTo(admin.id)).toContain("Đã đề nghị <b>Vũ Thị Hạnh</b>");
    expect(data(admin)).toEqual([`nm:f:${GK}:0@${bgd}`, `ds:u:${bgd}`]);

    // The Văn phòng Sở as a collective, by its code.
    await h.send(admin, "/nominate VP");
    expect(h.telegram.lastTextTo(admin.id)).toContain("— Văn phòng Sở");
    await h.press(admin, `nm:f:${GK}:0@${vp}`);
    expect(buttons(admin)[0]?.text).toMatch(/^🏢 Tập thể Văn phòng Sở/);
    expect(buttons(admin).map((b) => b.text)).toContain("Đỗ Văn Khoa · ▫️ chưa tự đánh giá");
    await h.press(admin, `nm:a:${GK}:u:${vp}:0@${vp}`);
    await h.send(admin, "Tập thể đoàn kết, tham mưu tốt cho Ban Giám đốc");
    expect(h.telegram.lastTextTo(admin.id)).toContain("Đã đề nghị <b>Tập thể Văn phòng Sở</b>");

    const proposed = await listNominations(h.db, 2026);
    expect(proposed.map((n) => [n.unit_code, n.nominee_name, n.eligible, n.status]).sort()).toEqual([
      ["BGD", "Phạm Minh Đức", 1, "draft"],
      ["BGD", "Vũ Thị Hạnh", 0, "draft"],
      ["VP", "Văn phòng Sở", 0, "draft"],
    ]);
    const deputyNomination = proposed.find((n) => n.nominee_name === "Vũ Thị Hạnh");
    expect(deputyNomination?.reason).toBe("Chỉ đạo hoàn thành xuất sắc công tác cải cách hành chính");
    const history = await nominationHistory(h.db, deputyNomination?.id ?? 0);
    expect(history.map((e) => [e.to_status, e.by_role])).toEqual([["draft", "office"]]);

    // The Ban Giám đốc's dossier: the same documents, required before it can be sent.
    await h.send(admin, "/dossier BGD");
    const dossier = h.telegram.lastTextTo(admin.id);
    expect(dossier).toContain("Văn phòng Sở lập và nộp hồ sơ này");
    expect(dossier).toContain("❌ Tờ trình");
    expect(dossier).toContain("❌ Phạm Minh Đức (Giấy khen Giám đốc Sở) – Báo cáo thành tích");
    expect(dossier).toContain("Còn thiếu 3 tài liệu");
    expect(data(admin).some((d) => d.startsWith("ds:sub"))).toBe(false);
    await h.press(admin, `ds:sub@${bgd}`);
    expect(alert()).toContain("còn thiếu 3 tài liệu");

    expect(await uploadAll(admin, `@${bgd}`)).toBe(3);
    expect(h.telegram.lastTextTo(admin.id)).toContain("Đã đủ tài liệu");
    // The last file's message sends at once; the dossier's own button asks first.
    expect(data(admin)[0]).toBe(`ds:sub!@${bgd}`);
    await h.press(admin, `ds:sub@${bgd}`);
    expect(h.telegram.lastTextTo(admin.id)).toContain("gồm 2 đề nghị");
    expect(data(admin)).toEqual([`ds:sub!@${bgd}`, `ds:u:${bgd}`]);
    await h.press(admin, `ds:sub!@${bgd}`);
    expect(h.telegram.lastTextTo(admin.id)).toContain("đã nộp lúc");
    expect(h.telegram.lastTextTo(admin.id)).toContain("bấm “↩️ Trả lại hồ sơ”");
    expect(data(admin)).toContain(`ds:ret:${bgd}`);
    expect((await findDossier(h.db, 2026, bgd))?.status).toBe("submitted");

    // The rest of the Office hears of it; the member who sent it is not told what they just did.
    await h.settle();
    expect(h.telegram.lastTextTo(colleague.id)).toContain(
      "<b>Ban Giám đốc</b> (<code>BGD</code>) đã nộp hồ sơ đề nghị khen thưởng năm 2026",
    );
    expect(h.telegram.textsTo(admin.id).some((t) => t.includes("(<code>BGD</code>) đã nộp"))).toBe(false);
    // The Director hears that his nomination was sent.
    expect(h.telegram.lastTextTo(director.id)).toContain("Phạm Minh Đức");

    // The Văn phòng's dossier, opened from the buttons of /dossier.
    await h.send(admin, "/dossier");
    expect(h.telegram.lastTextTo(admin.id)).toContain(
      "Văn phòng Sở lập và nộp hồ sơ cho: <code>BGD</code>, <code>VP</code>",
    );
    // The units it proposes for, then those whose dossier was sent: the BGD's, just now.
    expect(data(admin)).toEqual([`ds:u:${bgd}`, `ds:u:${vp}`, `ds:u:${bgd}`]);
    await h.press(admin, `ds:u:${vp}`);
    expect(await uploadAll(admin, `@${vp}`)).toBe(2);
    await h.press(admin, `ds:sub!@${vp}`);
    expect((await findDossier(h.db, 2026, vp))?.status).toBe("submitted");
    expect((await listNominations(h.db, 2026)).every((n) => n.status === "submitted")).toBe(true);

    // Sent: read-only for the Office as proposer too, until it is returned.
    await h.press(admin, `nm:a:${GK}:p:${clerk.id}:0@${vp}`);
    expect(alert()).toContain("đã nộp nên chỉ xem được");
  });

  it("keeps to the deadline: after it, nobody new is proposed and nothing is sent", async () => {
    h.setNow("2027-01-06T03:00:00Z");
    await h.send(admin, `/nominate BGD`);
    expect(h.telegram.lastTextTo(admin.id)).toContain("Đã hết hạn nộp hồ sơ");
    await h.press(admin, `nm:a:${GK}:p:${director.id}:0@${bgd}`);
    expect(alert()).toContain("Đã hết hạn nộp hồ sơ");
    await h.press(admin, `ds:sub!@${bgd}`);
    expect(alert()).toContain("Đã hết hạn nộp hồ sơ");
    await h.send(admin, "/nominate duc");
    expect(h.telegram.lastTextTo(admin.id)).toContain("Đã hết hạn nộp hồ sơ");
    expect(await listNominations(h.db, 2026)).toEqual([]);
    expect(await findDossier(h.db, 2026, bgd)).toBeUndefined();
  });
});

describe("the Office's own dossier, returned and sent again", () => {
  it("finds a leader by name, and after returning the dossier corrects it and sends it again", async () => {
    // A name after /nominate searches every unit the Office proposes.
    await h.send(admin, "/nominate duc");
    expect(h.telegram.lastTextTo(admin.id)).toContain("Tìm thấy 1 người");
    expect(data(admin)).toContain(`nm:a:${GK}:p:${director.id}:0@${bgd}`);
    expect(data(admin).at(-1)).toBe("nm:units");
    await h.press(admin, `nm:a:${GK}:p:${director.id}:0@${bgd}`);
    await h.send(admin, `/dossier BGD`);
    await uploadAll(admin, `@${bgd}`);
    await h.press(admin, `ds:sub!@${bgd}`);

    await h.press(admin, `ds:ret:${bgd}`);
    await h.send(admin, "Báo cáo thành tích thiếu số liệu năm 2026");
    // No head to tell: the Office is told that it is its own to correct.
    expect(h.telegram.lastTextTo(admin.id)).toContain("Đơn vị này do Văn phòng Sở đề nghị khen thưởng");
    expect(h.telegram.lastTextTo(admin.id)).toContain("Văn phòng Sở trả lại hồ sơ để sửa, bổ sung");
    const replace = data(admin).filter((d) => d.startsWith("ds:up:"));
    expect(replace).toHaveLength(2);
    await h.press(admin, replace[1] ?? "");
    await h.feed(documentUpdate(admin, pdf("bao-cao-duc-v2.pdf")));
    expect(h.telegram.lastTextTo(admin.id)).toContain("bản 2");
    await h.press(admin, `ds:sub!@${bgd}`);
    expect((await findDossier(h.db, 2026, bgd))?.status).toBe("submitted");
    await h.settle();
    expect(h.telegram.lastTextTo(colleague.id)).toContain(
      "<b>nộp lại</b> hồ sơ đề nghị khen thưởng năm 2026 (lần 2)",
    );
  });
});

describe("who may not propose whom", () => {
  it("refuses a head a person, a collective or a dossier outside their own unit", async () => {
    await h.send(head, "/nominate");
    expect(h.telegram.lastTextTo(head.id)).toContain("— Phòng Hành chính tư pháp");
    await h.press(head, `nm:f:${GK}:0`);
    expect(
      buttons(head)
        .map((b) => b.text)
        .join("\n"),
    ).not.toContain("Phạm Minh Đức");

    await h.press(head, `nm:a:${GK}:p:${director.id}:0`);
    expect(alert()).toBe("Người này không còn thuộc đơn vị của Anh/Chị.");
    await h.press(head, `nm:a:${GK}:u:${vp}:0`);
    expect(alert()).toBe("Người này không còn thuộc đơn vị của Anh/Chị.");
    // The buttons the Office uses for a unit it proposes are refused to a head.
    for (const press of [
      `nm:home@${bgd}`,
      `nm:a:${GK}:p:${director.id}:0@${bgd}`,
      `ds:up:0:-@${bgd}`,
      `ds:sub!@${bgd}`,
    ]) {
      await h.press(head, press);
      expect(alert()).toBe("Anh/Chị chỉ đề nghị khen thưởng và nộp hồ sơ được cho đơn vị của mình.");
    }
    await h.send(head, "/nominate Đức");
    expect(h.telegram.lastTextTo(head.id)).toContain("Không tìm thấy ai trong đơn vị");
    expect(await listNominations(h.db, 2026)).toEqual([]);
    expect(await findDossier(h.db, 2026, bgd)).toBeUndefined();
  });

  it("refuses an employee, also a leader, and the buttons the Office uses", async () => {
    for (const person of [lan, deputy]) {
      await h.send(person, "/nominate");
      expect(h.telegram.lastTextTo(person.id)).toContain("Chỉ trưởng đơn vị mới được đề nghị khen thưởng");
      await h.send(person, "/dossier");
      expect(h.telegram.lastTextTo(person.id)).toContain("Chỉ trưởng đơn vị mới được đề nghị khen thưởng");
      await h.press(person, `nm:a:${GK}:p:${person.id}:0@${bgd}`);
      expect(alert()).toContain("Chỉ trưởng đơn vị mới được đề nghị khen thưởng");
      await h.press(person, `ds:sub!@${bgd}`);
      expect(alert()).toContain("Chỉ trưởng đơn vị mới được đề nghị khen thưởng");
    }
    expect(await listNominations(h.db, 2026)).toEqual([]);
  });

  it("does not let the Office propose people of a unit whose head proposes, nor a unit it no longer proposes", async () => {
    await h.send(admin, "/nominate HCTP");
    expect(h.telegram.lastTextTo(admin.id)).toContain(
      "Đơn vị <code>HCTP</code> do trưởng đơn vị đề nghị khen thưởng",
    );
    await h.press(admin, `nm:a:${GK}:p:${lan.id}:0@${hctp}`);
    expect(alert()).toContain("do trưởng đơn vị đề nghị khen thưởng");
    // Without a unit, an Office button is told to choose one.
    await h.press(admin, `nm:a:${GK}:p:${lan.id}:0`);
    expect(alert()).toContain("Gửi /nominate để chọn đơn vị");
    // Its /dossier HCTP stays the Office's review, with nothing to upload or send.
    await h.send(admin, "/dossier HCTP");
    expect(data(admin).some((d) => d.startsWith("ds:up:") || d.startsWith("ds:sub"))).toBe(false);

    await h.send(admin, "/units office VP off");
    expect(h.telegram.lastTextTo(admin.id)).toContain(
      "Văn phòng Sở không còn đề nghị khen thưởng cho <code>VP</code>",
    );
    await h.press(admin, `nm:a:${GK}:u:${vp}:0@${vp}`);
    expect(alert()).toContain("Đơn vị VP do trưởng đơn vị đề nghị khen thưởng");
    await h.send(admin, "/nominate");
    expect(data(admin)).toEqual([`nm:open@${bgd}`]);
    expect(await listNominations(h.db, 2026)).toEqual([]);

    // Office commands stay the Office's.
    await h.send(head, "/units office HCTP");
    expect(h.telegram.lastTextTo(head.id)).toContain("Lệnh này chỉ dành cho Văn phòng Sở");
    expect((await findUnitByCode(h.db, "HCTP"))?.office_proposes).toBe(0);
  });
});
