import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findAssessment } from "../../db/assessments.js";
import { findDossier, listDossierFiles } from "../../db/dossiers.js";
import { listNominations } from "../../db/nominations.js";
import { findUnitByCode } from "../../db/units.js";
import { answerWholeIndividualAssessment } from "../helpers/assessment-answers.js";
import { createHarness, type Harness } from "../helpers/harness.js";
import { registerThroughBot } from "../helpers/scenarios.js";
import { documentUpdate, type TestUser, user } from "../helpers/updates.js";

/**
 * The head's case of issue 15, counted as a person does it: proposing the unit and two people for the Giấy
 * khen and one for the Chủ tịch UBND tỉnh's Bằng khen, uploading the Tờ trình and the four Báo cáo thành tích
 * the dossier asks for (the unit's own among them), and sending the dossier. Every nominee meets every criterion, so no reason is typed. README gives the count.
 */
const admin = user(1001, "Admin");
const head = user(2000, "Bình");
const lan = user(2001, "Lan");
const minh = user(2002, "Minh");
const hoa = user(2003, "Hoa");

let h: Harness;
let hctp = 0;

const pdf = (file_name: string) => ({ file_name, mime_type: "application/pdf", file_size: 100_000 });
const shown = (person: TestUser) => h.telegram.lastKeyboardTo(person.id);

/** The unit's own assessment, every collective criterion met. */
async function assessUnit(): Promise<void> {
  await h.send(head, "/unit");
  await h.press(head, "unit:assess");
  for (const id of ["chap-hanh", "nhiem-vu-cchc"]) {
    await h.press(head, `as:c:${id}:met:yes`);
    await h.send(head, "Đơn vị thực hiện tốt.");
    await h.press(head, `as:c:${id}:files:done`);
  }
  await h.press(head, "as:c:sang-kien:met:yes");
  await h.send(head, "Số hóa hồ sơ hộ tịch");
  await h.send(head, "88/QĐ-STP");
  await h.send(head, "10/10/2026");
  await h.press(head, "as:c:sang-kien:council:tinh");
  await h.press(head, "as:c:sang-kien:files:done");
  for (const area of ["the-che", "thu-tuc-hanh-chinh", "to-chuc-bo-may", "che-do-cong-vu", "tai-chinh-cong"])
    await h.press(head, `as:a:${area}:skip`);
  await h.send(head, "Số hoá 100% hồ sơ.");
  await h.press(head, "as:summary:submit");
  const assessment = await findAssessment(h.db, { year: 2026, subject: "unit", subjectId: hctp });
  if (assessment?.status !== "submitted") throw new Error("the unit's assessment is not submitted");
}

beforeEach(async () => {
  h = await createHarness({ officeAdminIds: [admin.id], now: "2026-12-01T09:00:00+07:00" });
  await registerThroughBot(h, admin, head, { role: "unit_head", fullName: "Trần Văn Bình" });
  await registerThroughBot(h, admin, lan, { fullName: "Nguyễn Thị Lan" });
  await registerThroughBot(h, admin, minh, { fullName: "Lê Văn Minh" });
  await registerThroughBot(h, admin, hoa, { fullName: "Phạm Thị Hoa" });
  await h.send(admin, "/round open 2026");
  hctp = (await findUnitByCode(h.db, "HCTP"))?.id ?? 0;
  for (const person of [lan, minh, hoa]) {
    await h.send(person, "/assess");
    await answerWholeIndividualAssessment(h, person);
    await h.press(person, "as:summary:submit");
  }
  await assessUnit();
  h.telegram.clear();
});
afterEach(() => h.close());

describe("a head proposing four and sending the dossier", () => {
  it("takes 12 actions: 1 typed, 6 taps, 5 uploads (the unit's own Báo cáo thành tích too)", async () => {
    const done: string[] = [];
    const type = async (text: string) => {
      done.push("typed");
      await h.send(head, text);
    };
    const tap = async (label: string) => {
      const button = shown(head).find((b) => b.text.includes(label));
      if (!button?.callback_data) throw new Error(`no "${label}" among ${shown(head).map((b) => b.text)}`);
      done.push("tap");
      await h.press(head, button.callback_data);
    };
    /** A file sent as a person would: the one the bot's last message names. */
    const upload = async (name: string, named: string) => {
      expect(h.telegram.lastTextTo(head.id)).toContain(`tệp <b>${named}</b>`);
      done.push("upload");
      await h.feed(documentUpdate(head, pdf(name)));
    };

    // /nominate opens on the Giấy khen, the first form.
    await type("/nominate");
    await tap("Phòng Hành chính tư pháp");
    await tap("Nguyễn Thị Lan");
    await tap("Lê Văn Minh");
    await tap("↪ Bằng khen Chủ tịch UBND tỉnh");
    await tap("Phạm Thị Hoa");
    // The form screen names the dossier's first missing file and takes it; each file then asks for the next.
    expect(h.telegram.lastTextTo(head.id)).toContain("📎 Gửi tệp <b>Tờ trình</b> vào đây");
    const report = (nominee: string, form: string) => `${nominee} (${form}) – Báo cáo thành tích`;
    await upload("to-trinh.pdf", "Tờ trình");
    await upload("bctt-hoa.pdf", report("Phạm Thị Hoa", "Bằng khen Chủ tịch UBND tỉnh"));
    await upload("bctt-tap-the.pdf", report("Tập thể Phòng Hành chính tư pháp", "Giấy khen Giám đốc Sở"));
    await upload("bctt-minh.pdf", report("Lê Văn Minh", "Giấy khen Giám đốc Sở"));
    await upload("bctt-lan.pdf", report("Nguyễn Thị Lan", "Giấy khen Giám đốc Sở"));
    await tap("📤 Nộp hồ sơ");

    expect((await findDossier(h.db, 2026, hctp))?.status).toBe("submitted");
    const nominations = await listNominations(h.db, 2026, { unitId: hctp });
    expect(nominations.map((n) => [n.nominee_name, n.status]).sort()).toEqual([
      ["Lê Văn Minh", "submitted"],
      ["Nguyễn Thị Lan", "submitted"],
      ["Phòng Hành chính tư pháp", "submitted"],
      ["Phạm Thị Hoa", "submitted"],
    ]);
    // Each file is filed as the document the bot named when it came.
    const files = await listDossierFiles(h.db, 2026, hctp);
    const nomineeOf = (key: string) => nominations.find((n) => `n:${n.id}` === key)?.nominee_name ?? "(unit)";
    expect(files.map((f) => [f.file_name, f.document_id, nomineeOf(f.document_key)]).sort()).toEqual([
      ["bctt-hoa.pdf", "bao-cao-thanh-tich", "Phạm Thị Hoa"],
      ["bctt-lan.pdf", "bao-cao-thanh-tich", "Nguyễn Thị Lan"],
      ["bctt-minh.pdf", "bao-cao-thanh-tich", "Lê Văn Minh"],
      ["bctt-tap-the.pdf", "bao-cao-thanh-tich", "Phòng Hành chính tư pháp"],
      ["to-trinh.pdf", "to-trinh", "(unit)"],
    ]);
    expect(done.length).toBe(12);
    expect(done.filter((d) => d === "typed").length).toBe(1);
    expect(done.filter((d) => d === "tap").length).toBe(6);
  });

  it("takes 10 when the three people send their own Báo cáo thành tích (2 actions each): 1 typed, 7 taps, 2 uploads", async () => {
    const done: string[] = [];
    const type = async (text: string) => {
      done.push("typed");
      await h.send(head, text);
    };
    const tap = async (label: string) => {
      const button = shown(head).find((b) => b.text.includes(label));
      if (!button?.callback_data) throw new Error(`no "${label}" among ${shown(head).map((b) => b.text)}`);
      done.push("tap");
      await h.press(head, button.callback_data);
    };
    const upload = async (name: string) => {
      done.push("upload");
      await h.feed(documentUpdate(head, pdf(name)));
    };
    /** A nominee's own actions: the request's button, then the file. */
    const nomineeActions: number[] = [];
    const sendOwn = async (person: TestUser, name: string) => {
      const button = shown(person).find((b) => b.text.includes("Gửi Báo cáo thành tích"));
      if (!button?.callback_data) throw new Error(`no request among ${shown(person).map((b) => b.text)}`);
      await h.press(person, button.callback_data);
      await h.feed(documentUpdate(person, pdf(name)));
      nomineeActions.push(2);
    };

    await type("/nominate");
    await tap("Phòng Hành chính tư pháp");
    await tap("Nguyễn Thị Lan");
    await tap("Lê Văn Minh");
    await tap("↪ Bằng khen Chủ tịch UBND tỉnh");
    await tap("Phạm Thị Hoa");
    // Each person is asked for their report; they send it; the head hears of each.
    await h.settle();
    await sendOwn(lan, "bctt-lan.pdf");
    await sendOwn(minh, "bctt-minh.pdf");
    await sendOwn(hoa, "bctt-hoa.pdf");
    await h.settle();
    // Keeping the last one opens the dossier, which asks only for what the people could not send.
    await tap("Giữ bản này");
    await upload("to-trinh.pdf");
    await upload("bctt-tap-the.pdf");
    await tap("📤 Nộp hồ sơ");

    expect((await findDossier(h.db, 2026, hctp))?.status).toBe("submitted");
    const files = await listDossierFiles(h.db, 2026, hctp);
    expect(files.map((f) => [f.file_name, f.uploaded_by]).sort()).toEqual([
      ["bctt-hoa.pdf", hoa.id],
      ["bctt-lan.pdf", lan.id],
      ["bctt-minh.pdf", minh.id],
      ["bctt-tap-the.pdf", head.id],
      ["to-trinh.pdf", head.id],
    ]);
    expect(done.length).toBe(10);
    expect(done.filter((d) => d === "typed").length).toBe(1);
    expect(done.filter((d) => d === "tap").length).toBe(7);
    expect(nomineeActions).toEqual([2, 2, 2]);
  });
});
