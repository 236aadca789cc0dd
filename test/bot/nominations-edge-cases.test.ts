import ExcelJS from "exceljs";
import type { Update } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findDossier, listDossierFiles } from "../../db/dossiers.js";
import { addNomination, listNominations } from "../../db/nominations.js";
import type { Role } from "../../db/schema.js";
import { findUnitByCode } from "../../db/units.js";
import { buildWorkbook } from "../../src/office/export.js";
import { MESSAGE_LIMIT } from "../../src/paging.js";
import type { InlineButton } from "../helpers/fake-telegram.js";
import { createHarness, type Harness } from "../helpers/harness.js";
import { createInviteToken, insertUser, registerThroughBot, reportUploadData } from "../helpers/scenarios.js";
import { callbackUpdate, documentUpdate, type TestUser, user } from "../helpers/updates.js";

const YEAR = 2026;
const GK = 2; // the Director's Giấy khen, third form of the campaign
const GK_ID = "giay-khen-giam-doc-so";
const admin = user(1001, "Admin");
const admin2 = user(1002, "Admin2");
const head = user(2000, "Bình");
const lan = user(2001, "Lan");
const minh = user(2002, "Minh");

const CLOSED = "Kỳ xét khen thưởng đã đóng";
const PRIVATE_ONLY = "Lệnh này chỉ dùng trong chat riêng với bot";
const AFTER_DEADLINE = "2027-01-06T03:00:00Z";

let h: Harness;
let hctp = 0;

const pdf = (name: string) => ({ file_name: name, mime_type: "application/pdf", file_size: 200_000 });
const buttons = (person: TestUser): InlineButton[] => h.telegram.lastKeyboardTo(person.id);
const data = (person: TestUser): string[] => buttons(person).map((b) => b.callback_data ?? b.url ?? "");

/** Presses a button and returns the texts of the pop-ups (answerCallbackQuery) that this press produced. */
async function pressForAlerts(person: TestUser, callbackData: string): Promise<string[]> {
  const before = h.telegram.callsOf("answerCallbackQuery").length;
  await h.press(person, callbackData);
  return h.telegram
    .callsOf("answerCallbackQuery")
    .slice(before)
    .map((call) => String(call.payload.text ?? ""));
}

/** The messages (sent or edited) the bot sent to `person` while `action` ran. */
async function textsDuring(person: TestUser, action: () => Promise<void>): Promise<string[]> {
  const before = h.telegram.textsTo(person.id).length;
  await action();
  return h.telegram.textsTo(person.id).slice(before);
}

async function addPerson(telegramId: number, unitId: number, fullName: string, role: Role = "employee") {
  await insertUser(h.db, { telegramId, fullName, unitId, role, at: h.deps.clock().toISOString() });
}

async function seedNomination(
  unitId: number,
  nomineeId: number,
  nomineeName: string,
  formId = GK_ID,
  nomineeKind: "individual" | "collective" = "individual",
) {
  const added = await addNomination(
    h.db,
    {
      year: YEAR,
      unitId,
      formId,
      nomineeKind,
      nomineeId,
      nomineeName,
      eligible: true,
      resultSummary: JSON.stringify({ met: 6, total: 6, progress: "submitted" }),
      reason: null,
      by: head.id,
      byRole: "unit_head",
      updateId: null,
    },
    h.deps.clock(),
  );
  if (!added) throw new Error(`nomination of ${nomineeName} not added`);
  return added;
}

/** Through the bot: the head proposes Lan (no assessment, so with a reason), uploads both documents, submits. */
async function proposeLanAndSubmit(): Promise<void> {
  await h.press(head, `nm:a:${GK}:p:${lan.id}`);
  await h.send(head, "Hoàn thành xuất sắc đề án số hoá hồ sơ");
  await h.press(head, "ds:up:0:-");
  await h.feed(documentUpdate(head, pdf("to-trinh.pdf")));
  await h.press(head, await reportUploadData(h.db, `p:${lan.id}`));
  await h.feed(documentUpdate(head, pdf("bao-cao-lan.pdf")));
  await h.press(head, "ds:sub!");
  expect((await findDossier(h.db, YEAR, hctp))?.status).toBe("submitted");
}

beforeEach(async () => {
  h = await createHarness({ officeAdminIds: [admin.id, admin2.id], now: "2026-12-01T03:00:00Z" });
  await registerThroughBot(h, admin, head, {
    role: "unit_head",
    fullName: "Trần Văn Bình",
    position: "Trưởng phòng",
  });
  await registerThroughBot(h, admin, lan, { fullName: "Nguyễn Thị Lan" });
  await registerThroughBot(h, admin, minh, { fullName: "Lê Văn Minh" });
  await h.send(admin, "/round open 2026");
  hctp = (await findUnitByCode(h.db, "HCTP"))?.id ?? 0;
  expect(hctp).toBeGreaterThan(0);
});
afterEach(() => h.close());

describe("a closed round", () => {
  it("makes nominations and the dossier read-only, yet still readable", async () => {
    await h.press(head, `nm:a:${GK}:p:${lan.id}`);
    await h.send(head, "Hoàn thành xuất sắc đề án số hoá hồ sơ");
    await h.press(head, "ds:up:0:-");
    await h.feed(documentUpdate(head, pdf("to-trinh.pdf")));
    await h.send(admin, "/round close 2026");
    const nominationsBefore = await listNominations(h.db, YEAR);
    const filesBefore = await listDossierFiles(h.db, YEAR, hctp);
    expect(nominationsBefore).toHaveLength(1);
    expect(filesBefore).toHaveLength(1);

    await h.send(head, "/nominate");
    const home = h.telegram.lastTextTo(head.id);
    expect(home).toContain("Đề nghị khen thưởng năm 2026");
    expect(home).toContain(CLOSED);
    expect(home).toContain("Nguyễn Thị Lan");
    expect(data(head).filter((d) => d.startsWith("nm:f:"))).toEqual([]);

    const propose = await pressForAlerts(head, `nm:a:${GK}:p:${minh.id}`);
    expect(propose.join("\n")).toContain(CLOSED);
    const upload = await pressForAlerts(head, "ds:up:0:-");
    expect(upload.join("\n")).toContain(CLOSED);
    const submit = await pressForAlerts(head, "ds:sub!");
    expect(submit.join("\n")).toContain(CLOSED);
    // Nothing changed: no one proposed, no file asked for, nothing submitted.
    expect(await listNominations(h.db, YEAR)).toEqual(nominationsBefore);
    expect(await listDossierFiles(h.db, YEAR, hctp)).toEqual(filesBefore);
    expect((await findDossier(h.db, YEAR, hctp))?.status).not.toBe("submitted");

    await h.send(head, "/dossier");
    const dossier = h.telegram.lastTextTo(head.id);
    expect(dossier).toContain("Hồ sơ đề nghị khen thưởng năm 2026");
    expect(dossier).toContain("✅ Tờ trình — <i>to-trinh.pdf</i>");
    expect(dossier).toContain("❌ Nguyễn Thị Lan (Giấy khen Giám đốc Sở) – Báo cáo thành tích");
    expect(dossier).toContain(CLOSED);
    const dossierData = data(head);
    expect(dossierData.filter((d) => d.startsWith("ds:up:") || d.startsWith("ds:sub"))).toEqual([]);
    expect(dossierData).not.toContain("nm:home");
    expect(dossierData.some((d) => d.startsWith("ds:doc:"))).toBe(true);
  });
});

describe("an archived unit", () => {
  it("refuses its head's /nominate and /dossier", async () => {
    await h.send(admin, "/units archive HCTP");
    await h.send(head, "/nominate");
    expect(h.telegram.lastTextTo(head.id)).toContain("đã được lưu trữ");
    expect(data(head).filter((d) => d.startsWith("nm:f:"))).toEqual([]);
    await h.send(head, "/dossier");
    expect(h.telegram.lastTextTo(head.id)).toContain("đã được lưu trữ");
    expect(h.telegram.lastTextTo(head.id)).not.toContain("Hồ sơ đề nghị khen thưởng");
    const press = await pressForAlerts(head, `nm:a:${GK}:p:${lan.id}`);
    expect(press.join("\n")).toContain("đã được lưu trữ");
    expect(await listNominations(h.db, YEAR)).toEqual([]);
  });
});

describe("a dossier returned by the Office after the deadline", () => {
  it("can be corrected and submitted again, but nobody new can be proposed", async () => {
    await proposeLanAndSubmit();
    h.setNow("2026-12-10T03:00:00Z");
    await h.press(admin, `ds:ret:${hctp}`);
    await h.send(admin, "Tờ trình thiếu chữ ký của lãnh đạo");
    expect((await findDossier(h.db, YEAR, hctp))?.status).toBe("returned");

    h.setNow(AFTER_DEADLINE);
    await h.send(head, "/dossier");
    const dossier = h.telegram.lastTextTo(head.id);
    expect(dossier).toContain("trả lại hồ sơ để sửa, bổ sung");
    const keyboard = buttons(head);
    expect(keyboard.map((b) => b.callback_data)).toEqual(
      expect.arrayContaining(["ds:up:0:-", await reportUploadData(h.db, `p:${lan.id}`)]),
    );
    expect(keyboard.some((b) => b.text.includes("➕ Đề nghị"))).toBe(false);
    expect(keyboard.some((b) => b.callback_data === "nm:home")).toBe(false);

    const propose = await pressForAlerts(head, `nm:a:${GK}:p:${minh.id}`);
    expect(propose.join("\n")).toContain("không đề nghị thêm được");
    expect((await listNominations(h.db, YEAR)).map((n) => n.nominee_name)).toEqual(["Nguyễn Thị Lan"]);

    await h.press(head, "ds:up:0:-");
    await h.feed(documentUpdate(head, pdf("to-trinh-co-chu-ky.pdf")));
    expect(h.telegram.lastTextTo(head.id)).toContain("✅ Đã nhận tệp (bản");
    const toTrinh = (await listDossierFiles(h.db, YEAR, hctp)).filter((f) => f.document_id === "to-trinh");
    expect(toTrinh.map((f) => [f.version, f.file_name])).toEqual([
      [1, "to-trinh.pdf"],
      [2, "to-trinh-co-chu-ky.pdf"],
    ]);

    await h.press(head, "ds:sub!");
    expect(h.telegram.lastTextTo(head.id)).toContain("đã nộp lúc");
    expect((await findDossier(h.db, YEAR, hctp))?.status).toBe("submitted");
  });
});

describe("a dossier with 30 nominees", () => {
  it("pages its documents: every slot on exactly one page, each page one message with few buttons", async () => {
    for (let i = 1; i <= 30; i++) {
      const id = 5000 + i;
      const name = `Nguyễn Văn Người Được Đề Xuất Số ${String(i).padStart(2, "0")}`;
      await addPerson(id, hctp, name);
      await seedNomination(hctp, id, name);
    }
    h.telegram.clear();
    await h.send(head, "/dossier");
    const pageTexts = [h.telegram.lastTextTo(head.id)];
    const pageKeyboards = [buttons(head)];
    expect(h.telegram.callsOf("sendMessage")).toHaveLength(1);
    const first = pageKeyboards[0] ?? [];
    const pager = first.filter((b) => b.callback_data?.startsWith("ds:view:"));
    expect(pager.map((b) => b.text)).toEqual(["1/3", "▶"]);
    expect(pager.map((b) => b.callback_data)).toEqual(["ds:view:0", "ds:view:1"]);

    const editsBefore = h.telegram.callsOf("editMessageText").length;
    await h.press(head, "ds:view:1");
    expect(h.telegram.callsOf("editMessageText")).toHaveLength(editsBefore + 1);
    pageTexts.push(h.telegram.lastTextTo(head.id));
    pageKeyboards.push(buttons(head));
    expect(pageTexts[1]).not.toBe(pageTexts[0]);
    await h.press(head, "ds:view:2");
    pageTexts.push(h.telegram.lastTextTo(head.id));
    pageKeyboards.push(buttons(head));
    // Only the command sent a message; the presses edited it.
    expect(h.telegram.callsOf("sendMessage")).toHaveLength(1);

    const uploadData: string[] = [];
    const slotLines: string[] = [];
    for (const [index, text] of pageTexts.entries()) {
      expect(text.length).toBeLessThan(4096);
      expect(text.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
      const keyboard = pageKeyboards[index] ?? [];
      expect(keyboard.length).toBeLessThan(100);
      const uploads = keyboard.filter((b) => b.callback_data?.startsWith("ds:up:"));
      expect(uploads.length).toBeLessThanOrEqual(12);
      uploadData.push(...uploads.map((b) => b.callback_data ?? ""));
      const paging = keyboard.filter((b) => b.callback_data?.startsWith("ds:view:"));
      expect(paging.length).toBeLessThanOrEqual(3);
      expect(paging.some((b) => b.text === `${index + 1}/3`)).toBe(true);
      // Besides the uploads and the pager, only the ➕ Đề nghị (and ✅ submit) buttons.
      expect(keyboard.length - uploads.length - paging.length).toBeLessThanOrEqual(2);
      slotLines.push(...text.split("\n").filter((line) => /^(❌|✅) /.test(line)));
    }
    expect(uploadData).toHaveLength(31);
    expect(new Set(uploadData).size).toBe(31);
    expect(uploadData.filter((d) => d === "ds:up:0:-")).toHaveLength(1);
    for (let i = 1; i <= 30; i++) expect(uploadData).toContain(await reportUploadData(h.db, `p:${5000 + i}`));
    expect(slotLines).toHaveLength(31);
    expect(new Set(slotLines).size).toBe(31);
    expect(slotLines.filter((line) => line === "❌ Tờ trình")).toHaveLength(1);
  });
});

describe("/nominate <name> with many matches", () => {
  it("shows at most 10 people, three form buttons each and a back button, and says so", async () => {
    for (let i = 1; i <= 25; i++)
      await addPerson(6000 + i, hctp, `Nguyễn Văn Tìm ${String(i).padStart(2, "0")}`);
    await h.send(head, "/nominate Nguyễn Văn");
    const text = h.telegram.lastTextTo(head.id);
    expect(text).toContain("Tìm thấy 25 người");
    expect(text).toContain("Chỉ hiện 10 người đầu");
    const keyboard = buttons(head);
    expect(keyboard).toHaveLength(31);
    expect(keyboard.at(-1)?.callback_data).toBe("nm:home");
    const people = new Set(
      keyboard
        .map((b) => /^nm:a:\d+:p:(\d+)/.exec(b.callback_data ?? "")?.[1])
        .filter((id): id is string => id !== undefined),
    );
    expect(people.size).toBe(10);
    expect(keyboard.filter((b) => b.callback_data?.startsWith("nm:a:"))).toHaveLength(30);
  });
});

describe("a nominee who moved to another unit", () => {
  it("stays on the old unit's form screen, marked, with a ☑️ button that takes the draft back", async () => {
    await h.press(head, `nm:a:${GK}:p:${lan.id}`);
    await h.send(head, "Hoàn thành xuất sắc đề án số hoá hồ sơ");
    const [nomination] = await listNominations(h.db, YEAR);
    expect(nomination?.nominee_name).toBe("Nguyễn Thị Lan");

    await h.send(admin, "/units add KT Phòng Kế toán");
    const token = await createInviteToken(h, admin, "KT");
    await h.send(lan, `/start ${token}`);
    await h.press(lan, `inv:accept:${token}`);
    // A nominee's move waits for the Office's word.
    const request = await h.db.selectFrom("move_requests").select("id").executeTakeFirstOrThrow();
    await h.press(admin, `mv:ok:${request.id}`);
    const kt = await findUnitByCode(h.db, "KT");
    const moved = await h.db
      .selectFrom("users")
      .select("unit_id")
      .where("telegram_id", "=", lan.id)
      .executeTakeFirst();
    expect(moved?.unit_id).toBe(kt?.id);

    await h.send(head, "/nominate");
    await h.press(head, `nm:f:${GK}:0`);
    const lanButton = buttons(head).find((b) => b.text.includes("Nguyễn Thị Lan"));
    expect(lanButton?.text).toMatch(/^☑️ Nguyễn Thị Lan \(đã chuyển đơn vị\)/);
    expect(lanButton?.callback_data).toMatch(new RegExp(`^nm:x:${nomination?.id}(:\\d+)?$`));

    await h.press(head, lanButton?.callback_data ?? "missing button");
    expect(await listNominations(h.db, YEAR)).toEqual([]);
    expect(buttons(head).some((b) => b.text.includes("Nguyễn Thị Lan"))).toBe(false);
  });
});

describe("/nominations <filter>", () => {
  it("takes a single word such as “Thu” for a name, whole words or a code for a form", async () => {
    const thu = 2003;
    await addPerson(thu, hctp, "Lê Thị Thu");
    await seedNomination(hctp, thu, "Lê Thị Thu");
    await seedNomination(hctp, minh.id, "Lê Văn Minh");
    await seedNomination(hctp, lan.id, "Nguyễn Thị Lan", "bang-khen-thu-tuong");
    const rows = (text: string) => text.split("\n").filter((line) => line.startsWith("#"));

    await h.send(admin, "/nominations Thu");
    const byName = h.telegram.lastTextTo(admin.id);
    expect(byName).toContain("</b> · Thu: 1");
    expect(byName).not.toContain("Thủ tướng");
    expect(rows(byName)).toHaveLength(1);
    expect(rows(byName)[0]).toContain("Lê Thị Thu");

    await h.send(admin, "/nominations giấy khen");
    const byWords = h.telegram.lastTextTo(admin.id);
    expect(byWords).toContain(" · Giấy khen của Giám đốc Sở: 2");
    expect(rows(byWords).join("\n")).toContain("Lê Thị Thu");
    expect(rows(byWords).join("\n")).toContain("Lê Văn Minh");
    expect(rows(byWords).join("\n")).not.toContain("Nguyễn Thị Lan");

    await h.send(admin, "/nominations gk");
    const byCode = h.telegram.lastTextTo(admin.id);
    expect(byCode).toContain(" · Giấy khen của Giám đốc Sở: 2");
    expect(rows(byCode)).toEqual(rows(byWords));
  });
});

describe("lateness in /status and in the export", () => {
  async function exportLate(): Promise<string> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await buildWorkbook(h.deps, YEAR, "vi")) as unknown as Parameters<typeof workbook.xlsx.load>[0],
    );
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error("no sheet");
    const headers = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ""));
    const lateColumn = headers.indexOf("Quá hạn / nộp muộn");
    expect(lateColumn).toBeGreaterThan(0);
    for (let r = 2; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      if (String(row.getCell(1).value) === "HCTP") return String(row.getCell(lateColumn).value);
    }
    throw new Error("no HCTP row in the export");
  }

  it("agree during the Office's extension (not overdue) and after it (overdue)", async () => {
    h.setNow(AFTER_DEADLINE);
    await h.send(admin, "/status HCTP");
    expect(h.telegram.lastTextTo(admin.id)).toContain("Hồ sơ: chưa nộp · quá hạn");
    expect(await exportLate()).toBe("Có");

    await h.send(admin, "/reopen HCTP 3");
    await h.send(admin, "/status HCTP");
    const during = h.telegram.lastTextTo(admin.id);
    expect(during).toContain("Hồ sơ: chưa nộp\n");
    expect(during).not.toContain("quá hạn");
    expect(await exportLate()).toBe("Không");

    h.setNow("2027-01-10T03:00:00Z");
    await h.send(admin, "/status HCTP");
    expect(h.telegram.lastTextTo(admin.id)).toContain("Hồ sơ: chưa nộp · quá hạn");
    expect(await exportLate()).toBe("Có");
  });
});

describe("two Office members return the same dossier", () => {
  it("sends the head the first reason only and tells the second member it was returned already", async () => {
    await proposeLanAndSubmit();
    await h.settle();
    await h.press(admin, `ds:ret:${hctp}`);
    await h.press(admin2, `ds:ret:${hctp}`);
    expect(h.telegram.lastTextTo(admin2.id)).toContain("Vui lòng nêu lý do");

    const headTexts = await textsDuring(head, async () => {
      await h.send(admin, "Tờ trình thiếu chữ ký của lãnh đạo");
      await h.send(admin2, "Báo cáo thành tích thiếu số liệu");
      await h.settle();
    });
    expect(h.telegram.lastTextTo(admin.id)).toContain("Bot sẽ báo trưởng đơn vị");
    expect(h.telegram.lastTextTo(admin2.id)).toContain("đã được trả lại trước đó");
    const notices = headTexts.filter((t) => t.includes("Văn phòng Sở trả lại hồ sơ"));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain("Tờ trình thiếu chữ ký của lãnh đạo");
    expect(headTexts.join("\n")).not.toContain("Báo cáo thành tích thiếu số liệu");
    expect((await findDossier(h.db, YEAR, hctp))?.return_reason).toBe("Tờ trình thiếu chữ ký của lãnh đạo");
  });
});

describe("/pending for a unit of 40 people", () => {
  it("names at most 15 who have not submitted and counts the rest", async () => {
    await h.send(admin, "/units add DONG Phòng Đông Người");
    const dong = (await findUnitByCode(h.db, "DONG"))?.id ?? 0;
    for (let i = 1; i <= 40; i++)
      await addPerson(7000 + i, dong, `Phạm Văn Người ${String(i).padStart(2, "0")}`);
    await h.send(admin, "/pending");
    const text = h.telegram.lastTextTo(admin.id);
    expect(text.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
    const line = text.split("\n").find((l) => l.includes("40/40 người chưa nộp tự đánh giá"));
    expect(line).toBeDefined();
    expect(line).toContain("… và 25 người khác");
    const names = (line ?? "")
      .split("tự đánh giá: ")[1]
      ?.replace(/\s*… và \d+ người khác$/, "")
      .split(", ");
    expect(names).toHaveLength(15);
    for (const name of names ?? []) expect(name).toMatch(/^Phạm Văn Người \d\d$/);
  });
});

describe("a forged button press in a group chat", () => {
  const GROUP_ID = -100_555;
  function groupPress(person: TestUser, callbackData: string): Update {
    const update = callbackUpdate(person, callbackData);
    const message = update.callback_query?.message;
    if (message) message.chat = { id: GROUP_ID, type: "group", title: "Nhóm đơn vị" };
    return update;
  }

  it("is refused with the private-chat text and shows no screen", async () => {
    const nomination = await seedNomination(hctp, lan.id, "Nguyễn Thị Lan");
    for (const [person, pressed] of [
      [head, "ds:view"],
      [admin, `no:${nomination.id}`],
      [admin, "pg:st:0"],
    ] as const) {
      h.telegram.clear();
      await h.feed(groupPress(person, pressed));
      const answers = h.telegram.callsOf("answerCallbackQuery");
      expect(answers, pressed).toHaveLength(1);
      expect(String(answers[0]?.payload.text), pressed).toContain(PRIVATE_ONLY);
      expect(h.telegram.callsOf("sendMessage"), pressed).toEqual([]);
      expect(h.telegram.callsOf("editMessageText"), pressed).toEqual([]);
    }
    // The same presses in a private chat do show the screens.
    h.telegram.clear();
    await h.press(head, "ds:view");
    await h.press(admin, `no:${nomination.id}`);
    await h.press(admin, "pg:st:0");
    expect(h.telegram.callsOf("editMessageText")).toHaveLength(3);
  });
});

describe("listNominations", () => {
  it("sorts names in Vietnamese order, diacritics removed: Đỗ with the D's, not after Z", async () => {
    const names = ["Zơ Văn A", "Nguyễn Văn An", "Đỗ Văn Bình", "Bùi Văn C"];
    for (const [index, name] of names.entries()) await seedNomination(hctp, 8000 + index, name);
    await seedNomination(hctp, hctp, "Phòng Hành chính tư pháp", GK_ID, "collective");
    const sorted = (await listNominations(h.db, YEAR)).map((n) => n.nominee_name);
    expect(sorted).toEqual([
      "Phòng Hành chính tư pháp",
      "Bùi Văn C",
      "Đỗ Văn Bình",
      "Nguyễn Văn An",
      "Zơ Văn A",
    ]);
  });
});
