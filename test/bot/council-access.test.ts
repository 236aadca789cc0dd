import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addProofFile, findAssessment } from "../../db/assessments.js";
import { listNominations } from "../../db/nominations.js";
import { answerWholeIndividualAssessment } from "../helpers/assessment-answers.js";
import { createHarness, type Harness } from "../helpers/harness.js";
import { registerThroughBot } from "../helpers/scenarios.js";
import { documentUpdate, type TestUser, user } from "../helpers/updates.js";

/**
 * A member of the Council reads, and only reads, the nominations before the Council (the agenda: those the
 * Office recommended, and those the Council decided), their dossier files and their nominees' self-assessments;
 * nothing else of other units, and no button moves anything for them. In their own unit they keep their role.
 */
const admin = user(1001, "Admin");
const binh = user(2000, "Bình"); // head of HCTP
const lan = user(2001, "Lan");
const hung = user(3000, "Hùng"); // head of KHTC
const mai = user(3001, "Mai");
const khoa = user(4000, "Khoa"); // head of TTr, and a Council member
const GK = 2; // the Director's Giấy khen is the third form of the campaign
let h: Harness;
let lanId: number;
let maiId: number;

const pdf = (name: string) => ({ file_name: name, mime_type: "application/pdf", file_size: 200_000 });
const alert = () => String(h.telegram.callsOf("answerCallbackQuery").at(-1)?.payload.text ?? "");
const data = (person: TestUser) => h.telegram.lastKeyboardTo(person.id).map((b) => b.callback_data ?? "");

/** The head proposes `nominee` for the Giấy khen (with a reason), uploads every document and sends the dossier. */
async function proposeAndSend(head: TestUser, nominee: TestUser) {
  await h.send(head, "/nominate");
  await h.press(head, `nm:f:${GK}:0`);
  await h.press(head, `nm:a:${GK}:p:${nominee.id}`);
  if (h.telegram.lastTextTo(head.id).includes("chưa có kết quả tự đánh giá"))
    await h.send(head, "Hoàn thành xuất sắc nhiệm vụ cải cách hành chính");
  await h.send(head, "/dossier");
  const uploads = data(head).filter((d) => d.startsWith("ds:up:"));
  for (const [index, button] of uploads.entries()) {
    await h.press(head, button);
    await h.feed(documentUpdate(head, pdf(`${head.id}-tai-lieu-${index}.pdf`)));
  }
  await h.press(head, "ds:sub!");
}

beforeEach(async () => {
  h = await createHarness({ officeAdminIds: [admin.id], now: "2026-12-01T03:00:00Z" });
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
  const assessment = await findAssessment(h.db, { year: 2026, subject: "individual", subjectId: lan.id });
  await addProofFile(
    h.db,
    {
      assessment_id: assessment?.id ?? 0,
      item_key: "c:chap-hanh",
      file_id: "doc-quyet-dinh",
      file_unique_id: "u-quyet-dinh",
      kind: "document",
      file_name: "quyet-dinh.pdf",
      mime_type: "application/pdf",
      file_size: 1000,
    },
    new Date(),
    0,
  );
  await proposeAndSend(binh, lan);
  await proposeAndSend(hung, mai);
  const nominations = await listNominations(h.db, 2026);
  lanId = nominations.find((n) => n.nominee_id === lan.id)?.id ?? 0;
  maiId = nominations.find((n) => n.nominee_id === mai.id)?.id ?? 0;
  // Lan's is recommended to the Council (its agenda); Mai's is still with the Office.
  await h.press(admin, `nt:${lanId}:under_review`);
  await h.press(admin, `nt:${lanId}:recommended`);
  await h.press(admin, `nt:${maiId}:under_review`);
  const statuses = (await listNominations(h.db, 2026)).map((n) => [n.nominee_name, n.status]).sort();
  expect(statuses).toEqual([
    ["Lê Thị Mai", "under_review"],
    ["Nguyễn Thị Lan", "recommended"],
  ]);
});
afterEach(() => h.close());

describe("a Council member reads the agenda", () => {
  it("lists the nominations before the Council, and opens one read-only with its files and self-assessment", async () => {
    await h.send(khoa, "/council agenda");
    const agenda = h.telegram.lastTextTo(khoa.id);
    expect(agenda).toContain("Đề nghị khen thưởng trình Hội đồng năm 2026</b>: 1");
    expect(agenda).toContain(`#${lanId} Nguyễn Thị Lan (<code>HCTP</code>)`);
    expect(agenda).not.toContain("Lê Thị Mai");
    expect(data(khoa)).toEqual([`no:${lanId}`]);

    await h.press(khoa, `no:${lanId}`);
    const card = h.telegram.lastTextTo(khoa.id);
    expect(card).toContain("Nguyễn Thị Lan");
    expect(card).toContain("Thành viên Hội đồng chỉ xem đề nghị này");
    const buttons = h.telegram.lastKeyboardTo(khoa.id);
    expect(buttons.map((b) => b.text)).toEqual([
      "📎 Tờ trình",
      "📎 Báo cáo thành tích",
      "📄 Bản tự đánh giá",
      "📄 Bản nháp",
    ]);
    // Nothing on it moves the nomination; the draft is only read.
    expect(buttons.every((b) => /^(ds:doc:\d+|av:i:\d+|dr:bctt:\d+)$/.test(b.callback_data ?? ""))).toBe(
      true,
    );
    expect(buttons[2]?.callback_data).toBe(`av:i:${lan.id}`);

    // The nominee's self-assessment, read-only.
    await h.press(khoa, `av:i:${lan.id}`);
    expect(h.telegram.textsTo(khoa.id).join("\n")).toContain("Bản tự đánh giá của Nguyễn Thị Lan");
    // Its proof file too.
    const proof = h.telegram.lastButtonsTo(khoa.id);
    expect(proof.map((b) => b.text)).toEqual(["📎 1"]);
    await h.press(khoa, proof[0]?.callback_data ?? "");
    expect(h.telegram.callsOf("sendDocument").at(-1)?.payload).toMatchObject({
      chat_id: khoa.id,
      document: "doc-quyet-dinh",
    });

    // The Báo cáo thành tích: its versions, and the file itself.
    await h.press(khoa, `no:${lanId}`);
    await h.press(khoa, buttons[1]?.callback_data ?? "");
    expect(h.telegram.lastTextTo(khoa.id)).toContain("Các bản đã tải lên (1)");
    const get = data(khoa).find((d) => d.startsWith("ds:get:")) ?? "";
    expect(data(khoa)).toContain("cn:agenda");
    const sent = h.telegram.callsOf("sendDocument").length;
    await h.press(khoa, get);
    const documents = h.telegram.callsOf("sendDocument");
    expect(documents).toHaveLength(sent + 1);
    expect(documents.at(-1)?.payload.chat_id).toBe(khoa.id);

    // The unit's Tờ trình too.
    await h.press(khoa, buttons[0]?.callback_data ?? "");
    expect(h.telegram.lastTextTo(khoa.id)).toContain("Các bản đã tải lên (1)");

    // /nominations shows the member their own unit's (none) and the agenda's, not Mai's.
    await h.send(khoa, "/nominations");
    const list = h.telegram.lastTextTo(khoa.id);
    expect(list).toContain("trình Hội đồng");
    expect(list).toContain("Nguyễn Thị Lan");
    expect(list).not.toContain("Lê Thị Mai");
  });

  it("keeps a nomination the Council decided on the agenda, and drops one the Office took back", async () => {
    await h.db.updateTable("nominations").set({ status: "not_passed" }).where("id", "=", lanId).execute();
    await h.send(khoa, `/nominations ${lanId}`);
    expect(h.telegram.lastTextTo(khoa.id)).toContain("Nguyễn Thị Lan");
    await h.db.updateTable("nominations").set({ status: "returned" }).where("id", "=", lanId).execute();
    await h.send(khoa, `/nominations ${lanId}`);
    expect(h.telegram.lastTextTo(khoa.id)).toBe("Anh/Chị không xem được đề nghị này.");
    await h.press(khoa, `av:i:${lan.id}`);
    expect(h.telegram.lastTextTo(khoa.id)).toBe("Anh/Chị không xem được bản tự đánh giá này.");
    const assessment = await findAssessment(h.db, { year: 2026, subject: "individual", subjectId: lan.id });
    const proof = await h.db.selectFrom("assessment_files").select("id").executeTakeFirstOrThrow();
    const sent = h.telegram.callsOf("sendDocument").length;
    await h.press(khoa, `avf:${assessment?.id}:${proof.id}`);
    expect(alert()).toBe("Anh/Chị không xem được bản tự đánh giá này.");
    expect(h.telegram.callsOf("sendDocument")).toHaveLength(sent);
  });
});

describe("what a Council member may not see or do", () => {
  it("refuses another unit's nomination not on the agenda, its nominee's assessment and its files", async () => {
    await h.send(khoa, `/nominations ${maiId}`);
    expect(h.telegram.lastTextTo(khoa.id)).toBe("Anh/Chị không xem được đề nghị này.");
    await h.press(khoa, `no:${maiId}`);
    expect(alert() || h.telegram.lastTextTo(khoa.id)).toContain("không xem được đề nghị này");
    await h.press(khoa, `av:i:${mai.id}`);
    expect(h.telegram.lastTextTo(khoa.id)).toBe("Anh/Chị không xem được bản tự đánh giá này.");

    // Mai's files, by the ids the Office's buttons carry (a forwarded message).
    const maiFiles = await h.db
      .selectFrom("dossier_file_versions")
      .select("id")
      .where("document_key", "=", `n:${maiId}`)
      .execute();
    expect(maiFiles).toHaveLength(1);
    const before = h.telegram.callsOf("sendDocument").length;
    await h.press(khoa, `ds:doc:${maiFiles[0]?.id}`);
    expect(alert()).toBe("Anh/Chị không có quyền lấy tệp này.");
    await h.press(khoa, `ds:get:${maiFiles[0]?.id}`);
    expect(alert()).toBe("Anh/Chị không có quyền lấy tệp này.");
    // KHTC's Tờ trình: none of its nominations is before the Council.
    const khtcLetter = await h.db
      .selectFrom("dossier_file_versions")
      .innerJoin("units", "units.id", "dossier_file_versions.unit_id")
      .select("dossier_file_versions.id")
      .where("units.code", "=", "KHTC")
      .where("document_key", "=", "")
      .executeTakeFirst();
    await h.press(khoa, `ds:get:${khtcLetter?.id}`);
    expect(alert()).toBe("Anh/Chị không có quyền lấy tệp này.");
    expect(h.telegram.callsOf("sendDocument")).toHaveLength(before);

    // /nominations by a name finds nothing outside what the member sees.
    await h.send(khoa, "/nominations Mai");
    expect(h.telegram.lastTextTo(khoa.id)).toContain("Chưa có đề nghị nào.");
  });

  it("refuses /status of another unit, and the unit's whole dossier, but keeps the member's own unit", async () => {
    await h.send(khoa, "/status HCTP");
    expect(h.telegram.lastTextTo(khoa.id)).toBe(
      "Anh/Chị chỉ xem được tình hình đơn vị của mình (gửi /status).",
    );
    await h.send(khoa, "/status");
    expect(h.telegram.lastTextTo(khoa.id)).toContain("Thanh tra Sở");
    const hctp = (await listNominations(h.db, 2026)).find((n) => n.id === lanId)?.unit_id;
    await h.press(khoa, `ds:u:${hctp}`);
    expect(alert()).toBe(
      "Lệnh này chỉ dành cho Văn phòng Sở. Nếu Anh/Chị cần dùng, vui lòng liên hệ Văn phòng Sở để được cấp quyền.",
    );
    // As head of their own unit they still propose there.
    await h.send(khoa, "/nominate");
    expect(h.telegram.lastTextTo(khoa.id)).toContain("Thanh tra Sở");
  });

  it("refuses every button that moves a nomination, pressed from a forwarded message, and nothing changes", async () => {
    const before = await listNominations(h.db, 2026);
    const moves = [
      `nt:${lanId}:council_passed`,
      `nt:${lanId}:not_passed`,
      `nt:${lanId}:returned`,
      `nt:${maiId}:recommended`,
      `nu:${lanId}:1`,
      `aw:ok:${lanId}`,
      `ds:ret:${before[0]?.unit_id}`,
    ];
    for (const press of moves) {
      await h.press(khoa, press);
      expect(alert(), press).toBe(
        "Lệnh này chỉ dành cho Văn phòng Sở. Nếu Anh/Chị cần dùng, vui lòng liên hệ Văn phòng Sở để được cấp quyền.",
      );
    }
    expect(await listNominations(h.db, 2026)).toEqual(before);
  });

  it("shows nothing of the agenda to someone who is not on the Council", async () => {
    await h.send(mai, "/council agenda");
    expect(h.telegram.lastTextTo(mai.id)).toBe(
      "Lệnh này dành cho thành viên Hội đồng Thi đua - Khen thưởng và Văn phòng Sở.",
    );
    // And has left the Council.
    await h.send(admin, "/council");
    expect(h.telegram.lastTextTo(admin.id)).not.toContain("Lê Thị Mai");
    expect(h.telegram.lastTextTo(admin.id)).toContain(": 1 thành viên");
    await h.press(mai, "cn:agenda");
    expect(alert()).toBe("Lệnh này dành cho thành viên Hội đồng Thi đua - Khen thưởng và Văn phòng Sở.");
    await h.send(mai, `/nominations ${lanId}`);
    expect(h.telegram.lastTextTo(mai.id)).toBe("Anh/Chị không xem được đề nghị này.");
    // A member who erased their data is nobody the bot knows: they read nothing as a member.
    await h.send(admin, "/council add Mai");
    await h.send(mai, "/me");
    await h.press(mai, "me:delete");
    await h.press(mai, "me:delete:yes");
    await h.send(mai, `/nominations ${lanId}`);
    expect(h.telegram.lastTextTo(mai.id)).toBe("Anh/Chị chưa đăng ký nên chưa xem được đề nghị khen thưởng.");
    await h.send(mai, "/council agenda");
    expect(h.telegram.lastTextTo(mai.id)).toBe(
      "Lệnh này dành cho thành viên Hội đồng Thi đua - Khen thưởng và Văn phòng Sở.",
    );
    // And has left the Council.
    await h.send(admin, "/council");
    expect(h.telegram.lastTextTo(admin.id)).not.toContain("Lê Thị Mai");
    expect(h.telegram.lastTextTo(admin.id)).toContain(": 1 thành viên");
    // Removed from the Council, Khoa no longer sees it either.
    await h.send(admin, "/council remove Khoa");
    await h.send(khoa, `/nominations ${lanId}`);
    expect(h.telegram.lastTextTo(khoa.id)).toBe("Anh/Chị không xem được đề nghị này.");
  });
});
