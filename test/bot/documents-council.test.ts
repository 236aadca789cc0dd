import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listNominations } from "../../db/nominations.js";
import { answerWholeIndividualAssessment } from "../helpers/assessment-answers.js";
import { FakeTelegram } from "../helpers/fake-telegram.js";
import { createHarness, type Harness } from "../helpers/harness.js";
import { registerThroughBot } from "../helpers/scenarios.js";
import { documentUpdate, type TestUser, user } from "../helpers/updates.js";
import { recordingFetch, type Upload } from "../helpers/uploads.js";
import { docxParagraphs } from "../unit/documents/docx-text.js";

/** A member of the Council takes the draft of a nomination before the Council, and of no other. */
const admin = user(1001, "Admin");
const binh = user(2000, "Bình"); // head of HCTP
const lan = user(2001, "Lan");
const hung = user(3000, "Hùng"); // head of KHTC
const mai = user(3001, "Mai");
const khoa = user(4000, "Khoa"); // head of TTr, and a Council member
const GK = 2;
let h: Harness;
let lanId = 0;
let maiId = 0;
let uploaded: Upload[] = [];

const data = (person: TestUser) => h.telegram.lastKeyboardTo(person.id).map((b) => b.callback_data ?? "");
const pdf = (name: string) => ({ file_name: name, mime_type: "application/pdf", file_size: 200_000 });

async function proposeAndSend(head: TestUser, nominee: TestUser) {
  await h.send(head, "/nominate");
  await h.press(head, `nm:f:${GK}:0`);
  await h.press(head, `nm:a:${GK}:p:${nominee.id}`);
  if (h.telegram.lastTextTo(head.id).includes("chưa có kết quả tự đánh giá"))
    await h.send(head, "Hoàn thành xuất sắc nhiệm vụ cải cách hành chính");
  await h.send(head, "/dossier");
  for (const [index, button] of data(head)
    .filter((d) => d.startsWith("ds:up:"))
    .entries()) {
    await h.press(head, button);
    await h.feed(documentUpdate(head, pdf(`${head.id}-tai-lieu-${index}.pdf`)));
  }
  await h.press(head, "ds:sub!");
}

beforeEach(async () => {
  uploaded = [];
  const telegram = new FakeTelegram();
  h = await createHarness({
    officeAdminIds: [admin.id],
    now: "2026-12-01T03:00:00Z",
    telegram,
    fetch: recordingFetch(telegram, (upload) => uploaded.push(upload)),
  });
  await registerThroughBot(h, admin, binh, { role: "unit_head", fullName: "Trần Văn Bình" });
  await registerThroughBot(h, admin, lan, { fullName: "Nguyễn Thị Lan" });
  const khtc = { unitCode: "KHTC", unitName: "Phòng Kế hoạch tài chính" };
  await registerThroughBot(h, admin, hung, { ...khtc, role: "unit_head", fullName: "Phạm Văn Hùng" });
  await registerThroughBot(h, admin, mai, { ...khtc, fullName: "Lê Thị Mai" });
  await registerThroughBot(h, admin, khoa, {
    unitCode: "TTR",
    unitName: "Thanh tra Sở",
    role: "unit_head",
    fullName: "Đỗ Văn Khoa",
  });
  await h.send(admin, "/council add Đỗ Văn Khoa");
  await h.send(admin, "/round open 2026");
  await h.send(lan, "/assess");
  await answerWholeIndividualAssessment(h, lan);
  await h.press(lan, "as:summary:submit");
  await proposeAndSend(binh, lan);
  await proposeAndSend(hung, mai);
  const nominations = await listNominations(h.db, 2026);
  lanId = nominations.find((n) => n.nominee_id === lan.id)?.id ?? 0;
  maiId = nominations.find((n) => n.nominee_id === mai.id)?.id ?? 0;
  // Lan's is recommended to the Council (its agenda); Mai's is still with the Office.
  await h.press(admin, `nt:${lanId}:under_review`);
  await h.press(admin, `nt:${lanId}:recommended`);
  await h.press(admin, `nt:${maiId}:under_review`);
  uploaded = [];
});
afterEach(() => h.close());

describe("📄 Bản nháp for a member of the Council", () => {
  it("sends the draft of a nomination on the agenda, filled from the nominee's own assessment", async () => {
    await h.press(khoa, `no:${lanId}`);
    expect(data(khoa)).toContain(`dr:bctt:${lanId}`);
    await h.press(khoa, `dr:bctt:${lanId}`);
    expect(uploaded.map((u) => [u.chatId, u.filename])).toEqual([
      [String(khoa.id), "BCTT_HCTP_Nguyen-Thi-Lan_2026-12-01.docx"],
    ]);
    const paragraphs = docxParagraphs(uploaded[0]?.bytes ?? Buffer.alloc(0));
    expect(paragraphs).toContain("- Họ tên: Nguyễn Thị Lan");
    // She answered every question: no criterion is left without data.
    const results = paragraphs.filter((p) => p.startsWith("Kết quả: "));
    expect(results).toHaveLength(6);
    expect(results.some((p) => p.includes("chưa có dữ liệu"))).toBe(false);
    expect(paragraphs.join("\n")).not.toContain("Lê Thị Mai");
  });

  it("refuses the draft of a nomination still with the Office, in another unit", async () => {
    await h.press(khoa, `dr:bctt:${maiId}`);
    expect(h.telegram.callsOf("answerCallbackQuery").at(-1)?.payload).toMatchObject({
      text: "Anh/Chị không xem được đề nghị khen thưởng này, nên không lấy được bản nháp của nó.",
      show_alert: true,
    });
    expect(uploaded).toEqual([]);
  });
});
