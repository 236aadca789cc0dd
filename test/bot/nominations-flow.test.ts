import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listNominations, nominationHistory } from "../../db/nominations.js";
import { answerWholeIndividualAssessment } from "../helpers/assessment-answers.js";
import { createHarness, type Harness } from "../helpers/harness.js";
import { registerThroughBot, reportUploadData } from "../helpers/scenarios.js";
import { documentUpdate, user } from "../helpers/updates.js";

const admin = user(1001, "Admin");
const head = user(2000, "Bình");
const lan = user(2001, "Lan");
const minh = user(2002, "Minh");
const GK = 2; // the Director's Giấy khen is the third form of the campaign
let h: Harness;

const pdf = (name: string) => ({ file_name: name, mime_type: "application/pdf", file_size: 200_000 });

beforeEach(async () => {
  h = await createHarness({ officeAdminIds: [admin.id], now: "2026-12-01T03:00:00Z" });
  await registerThroughBot(h, admin, head, {
    role: "unit_head",
    fullName: "Trần Văn Bình",
    position: "Trưởng phòng",
  });
  await registerThroughBot(h, admin, lan, { fullName: "Nguyễn Thị Lan" });
  await registerThroughBot(h, admin, minh, { fullName: "Lê Văn Minh" });
  await h.send(admin, "/round open 2026");
  await h.send(lan, "/assess");
  await answerWholeIndividualAssessment(h, lan);
  await h.press(lan, "as:summary:submit");
});
afterEach(() => h.close());

describe("a head nominates, completes the dossier and submits it; the Office reviews", () => {
  it("walks the whole way with the texts and buttons a person sees", async () => {
    // /nominate opens on the first form, the Director's Giấy khen; the others are a tap away.
    await h.send(head, "/nominate");
    expect(h.telegram.lastTextTo(head.id)).toContain(
      "<b>Giấy khen của Giám đốc Sở</b> — Phòng Hành chính tư pháp",
    );
    expect(
      h.telegram
        .lastKeyboardTo(head.id)
        .filter((b) => b.text.startsWith("↪"))
        .map((b) => b.text),
    ).toEqual(["↪ Bằng khen Chủ tịch UBND tỉnh", "↪ Bằng khen Thủ tướng Chính phủ"]);
    // The overview lists the unit's nominations and every form.
    await h.press(head, "nm:home");
    expect(h.telegram.lastTextTo(head.id)).toContain("Đề nghị khen thưởng năm 2026");
    const forms = h.telegram.lastKeyboardTo(head.id).map((b) => b.text);
    expect(forms.slice(0, 3)).toEqual([
      "Giấy khen của Giám đốc Sở",
      "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
      "Bằng khen của Thủ tướng Chính phủ",
    ]);

    await h.press(head, `nm:f:${GK}:0`);
    const people = h.telegram.lastKeyboardTo(head.id).map((b) => b.text);
    expect(people[0]).toMatch(/^🏢 Tập thể/);
    // Lan met every criterion: she comes first among the people, with ✅.
    expect(people[1]).toBe("Nguyễn Thị Lan · ✅ đáp ứng 6/6 tiêu chí · có thể xem xét đề nghị");
    expect(people.slice(2, 4).sort()).toEqual([
      "Lê Văn Minh · ▫️ chưa tự đánh giá",
      "Trần Văn Bình · ▫️ chưa tự đánh giá",
    ]);

    await h.press(head, `nm:a:${GK}:p:${lan.id}`);
    expect(h.telegram.lastKeyboardTo(head.id)[1]?.text).toContain("☑️ Nguyễn Thị Lan");

    // Minh has no assessment: proposing him needs a reason, typed in reply.
    await h.press(head, `nm:a:${GK}:p:${minh.id}`);
    expect(h.telegram.lastTextTo(head.id)).toContain(
      "chưa có kết quả tự đánh giá đáp ứng tất cả các tiêu chí",
    );
    await h.send(head, "ok");
    expect(h.telegram.lastTextTo(head.id)).toContain("Lý do quá ngắn");
    await h.send(head, "Hoàn thành xuất sắc đề án số hoá hồ sơ");
    expect(h.telegram.lastTextTo(head.id)).toContain("Đã đề nghị <b>Lê Văn Minh</b>");

    // The unit itself as a collective nominee (its own assessment is not done: a reason again).
    await h.press(head, `nm:a:${GK}:u:1`);
    await h.send(head, "Tập thể đoàn kết, hoàn thành tốt nhiệm vụ năm");
    const nominations = await listNominations(h.db, 2026);
    expect(nominations.map((n) => [n.nominee_name, n.status, n.eligible]).sort()).toEqual([
      ["Lê Văn Minh", "draft", 0],
      ["Nguyễn Thị Lan", "draft", 1],
      ["Phòng Hành chính tư pháp", "draft", 0],
    ]);

    // The dossier lists what is missing and refuses a picture.
    await h.send(head, "/dossier");
    const dossier = h.telegram.lastTextTo(head.id);
    expect(dossier).toContain("❌ Tờ trình");
    expect(dossier).toContain("❌ Nguyễn Thị Lan (Giấy khen Giám đốc Sở) – Báo cáo thành tích");
    expect(dossier).toContain("Còn thiếu 4 tài liệu");
    const uploads = h.telegram.lastKeyboardTo(head.id).filter((b) => b.callback_data?.startsWith("ds:up:"));
    expect(uploads).toHaveLength(4);
    expect(h.telegram.lastKeyboardTo(head.id).some((b) => b.callback_data === "ds:sub")).toBe(false);

    for (const [index, button] of uploads.entries()) {
      await h.press(head, button.callback_data ?? "");
      if (index === 0) {
        await h.feed(
          documentUpdate(head, { file_name: "anh.jpg", mime_type: "image/jpeg", file_size: 1000 }),
        );
        expect(h.telegram.lastTextTo(head.id)).toContain("không phải PDF, DOC hoặc DOCX");
      }
      await h.feed(documentUpdate(head, pdf(`tai-lieu-${index}.pdf`)));
    }
    expect(h.telegram.lastTextTo(head.id)).toContain("Đã đủ tài liệu");
    await h.press(head, "ds:sub");
    expect(h.telegram.lastTextTo(head.id)).toContain(
      "Nộp hồ sơ đề nghị khen thưởng gồm 3 đề nghị cho Văn phòng Sở?",
    );
    await h.press(head, "ds:sub!");
    expect(h.telegram.lastTextTo(head.id)).toContain("đã nộp lúc");
    await h.settle();
    expect(h.telegram.lastTextTo(admin.id)).toContain(
      "đã nộp hồ sơ đề nghị khen thưởng năm 2026, gồm 3 đề nghị",
    );
    expect((await listNominations(h.db, 2026)).every((n) => n.status === "submitted")).toBe(true);

    // Read-only now.
    await h.press(head, `nm:a:${GK}:p:${head.id}`);
    const alert = h.telegram.callsOf("answerCallbackQuery").at(-1)?.payload.text;
    expect(alert).toContain("đã nộp nên chỉ xem được");

    // The Office sees it in /status, opens Lan's nomination and recommends it.
    await h.send(admin, "/status");
    const status = h.telegram.lastTextTo(admin.id);
    expect(status).toContain("Cá nhân tự đánh giá: 1/3 đã nộp");
    expect(status).toContain("Giấy khen Giám đốc Sở: 1 tập thể, 2 cá nhân");
    expect(status).toContain("Tài liệu: 4/4 · Hồ sơ: đã nộp");

    const lanNomination = (await listNominations(h.db, 2026)).find(
      (n) => n.nominee_name === "Nguyễn Thị Lan",
    );
    await h.press(admin, `no:${lanNomination?.id}`);
    expect(h.telegram.lastTextTo(admin.id)).toContain(
      "Kết quả tự đánh giá khi đề nghị: ✅ đáp ứng 6/6 tiêu chí",
    );
    await h.press(admin, `nt:${lanNomination?.id}:under_review`);
    await h.press(admin, `nt:${lanNomination?.id}:recommended`);
    expect(h.telegram.lastTextTo(admin.id)).toContain(
      "Trạng thái: <b>đã trình Hội đồng Thi đua - Khen thưởng</b>",
    );

    // Returning Minh's needs a reason, which reaches the head, and reopens the dossier.
    const minhNomination = (await listNominations(h.db, 2026)).find((n) => n.nominee_name === "Lê Văn Minh");
    await h.press(admin, `nt:${minhNomination?.id}:returned`);
    await h.send(admin, "Thiếu số liệu minh chứng trong báo cáo");
    expect(h.telegram.lastTextTo(admin.id)).toContain("Bot sẽ báo trưởng đơn vị");
    await h.settle();
    expect(h.telegram.lastTextTo(head.id)).toContain(
      "Văn phòng Sở trả lại đề nghị khen thưởng <b>Lê Văn Minh</b>",
    );
    expect(h.telegram.lastTextTo(head.id)).toContain("Thiếu số liệu minh chứng trong báo cáo");
    const history = await nominationHistory(h.db, minhNomination?.id ?? 0);
    expect(history.map((e) => [e.from_status, e.to_status, e.reason])).toEqual([
      [null, "draft", "Hoàn thành xuất sắc đề án số hoá hồ sơ"],
      ["draft", "submitted", null],
      ["submitted", "returned", "Thiếu số liệu minh chứng trong báo cáo"],
    ]);
    await h.send(head, "/dossier");
    expect(h.telegram.lastTextTo(head.id)).toContain("Văn phòng Sở trả lại hồ sơ để sửa, bổ sung");
  });
});

describe("erasing one's data", () => {
  it("takes a draft nomination never sent, and its report, with it", async () => {
    await h.send(head, "/nominate");
    await h.press(head, `nm:a:${GK}:p:${lan.id}`);
    await h.send(head, "/dossier");
    const lanReport = await reportUploadData(h.db, `p:${lan.id}`);
    expect(h.telegram.lastKeyboardTo(head.id).map((b) => b.callback_data)).toContain(lanReport);
    await h.press(head, lanReport);
    await h.feed(documentUpdate(head, pdf("bao-cao-lan.pdf")));
    expect(await h.db.selectFrom("dossier_file_versions").select("document_key").execute()).toEqual([
      { document_key: lanReport.slice("ds:up:1:".length) },
    ]);

    await h.send(lan, "/me");
    await h.press(lan, "me:delete");
    await h.press(lan, "me:delete:yes");

    expect(await listNominations(h.db, 2026)).toEqual([]);
    expect(await h.db.selectFrom("dossier_file_versions").select("id").execute()).toEqual([]);
  });
});

describe("a question for a reason left unanswered", () => {
  it("gives way to a flow started meanwhile: /assess starts, and its answers are not taken as the reason", async () => {
    await h.send(head, "/nominate");
    await h.press(head, `nm:a:${GK}:p:${minh.id}`);
    expect(h.telegram.lastTextTo(head.id)).toContain("Nếu vẫn đề nghị, vui lòng gửi lý do");
    await h.send(head, "/assess");
    expect(h.telegram.lastTextTo(head.id)).toContain("Tiêu chí 1/6");
    await h.press(head, "as:c:chap-hanh:met:yes");
    await h.send(head, "Chấp hành tốt mọi chủ trương, chính sách trong năm.");
    expect(h.logLines.filter((line) => line.level >= 50)).toEqual([]);
    expect(await listNominations(h.db, 2026)).toEqual([]);
    expect(h.telegram.lastTextTo(head.id)).not.toContain("Bot chưa hiểu");
  });

  it("takes a dossier file asked for in the middle of the head's own assessment, which then goes on", async () => {
    await h.send(head, "/nominate");
    await h.press(head, `nm:a:${GK}:p:${lan.id}`);
    await h.send(head, "/assess");
    expect(h.telegram.lastTextTo(head.id)).toContain("Tiêu chí 1/6");
    await h.send(head, "/dossier");
    await h.press(head, "ds:up:0:-");
    await h.feed(documentUpdate(head, pdf("to-trinh.pdf")));
    expect(h.telegram.lastTextTo(head.id)).toContain("✅ Tờ trình — <i>to-trinh.pdf</i>");
    await h.press(head, "as:c:chap-hanh:met:yes");
    expect(h.telegram.lastTextTo(head.id)).toContain("Tiêu chí 1/6");
    await h.send(head, "Chấp hành tốt mọi chủ trương, chính sách trong năm.");
    const assessment = await h.db.selectFrom("assessment_items").select("item_key").execute();
    expect(assessment.map((row) => row.item_key)).toContain("c:chap-hanh");
  });
});
