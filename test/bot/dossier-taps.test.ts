import type { Message, Update } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listDossierFiles } from "../../db/dossiers.js";
import { findUnitByCode } from "../../db/units.js";
import { createHarness, type Harness } from "../helpers/harness.js";
import { registerThroughBot } from "../helpers/scenarios.js";
import { callbackUpdate, documentUpdate, type TestUser, user } from "../helpers/updates.js";

const YEAR = 2026;
const admin = user(1001, "Admin");
const head = user(2000, "Bình");
const minh = user(2002, "Minh");

let h: Harness;
let hctp = 0;

const files = () => listDossierFiles(h.db, YEAR, hctp);
const pdf = (file_name: string) => ({ file_name, mime_type: "application/pdf", file_size: 100_000 });
const keyboard = (person: TestUser) => h.telegram.lastKeyboardTo(person.id);

/** A press on a button of the bot's question that answered a file: Telegram hands the file back with it. */
async function pressUnder(person: TestUser, data: string, file: Update): Promise<void> {
  const press = callbackUpdate(person, data, 1, {
    inline_keyboard: [[{ text: "?", callback_data: data }]],
  });
  const message = press.callback_query?.message as Message;
  message.reply_to_message = file.message as Message & { reply_to_message: undefined };
  await h.feed(press);
}

beforeEach(async () => {
  h = await createHarness({ officeAdminIds: [admin.id], now: "2026-12-01T03:00:00Z" });
  await registerThroughBot(h, admin, head, { role: "unit_head", fullName: "Trần Văn Bình" });
  await registerThroughBot(h, admin, minh, { fullName: "Lê Văn Minh" });
  await h.send(admin, "/round open 2026");
  hctp = (await findUnitByCode(h.db, "HCTP"))?.id ?? 0;
  await h.press(head, `nm:a:2:p:${minh.id}`);
  await h.send(head, "Hoàn thành xuất sắc đề án số hoá hồ sơ");
  // The reply offers the Tờ trình; the head moves on (a command drops the offer), so the bot asks for no file.
  await h.send(head, "/help");
  h.telegram.clear();
});
afterEach(() => h.close());

describe("a file sent to the bot without pressing 📎", () => {
  it("is asked about, the likeliest document first; a tap files it and the next missing one is asked for at once", async () => {
    const report = documentUpdate(head, pdf("Bao cao thanh tich - Le Van Minh.pdf"));
    await h.feed(report);
    expect(h.telegram.lastTextTo(head.id)).toBe(
      "📎 Tệp <b>Bao cao thanh tich - Le Van Minh.pdf</b> là tài liệu nào của hồ sơ đề nghị khen thưởng? Bấm để lưu vào hồ sơ.",
    );
    const choices = keyboard(head);
    expect(choices.map((b) => b.text)).toEqual([
      "📎 Lê Văn Minh (Giấy khen Giám đốc Sở) – Báo cáo thành tích",
      "📎 Tờ trình",
    ]);
    expect(await files()).toEqual([]);

    await pressUnder(head, choices[0]?.callback_data ?? "", report);
    const stored = await files();
    expect(stored.map((f) => [f.document_id, f.file_name])).toEqual([
      ["bao-cao-thanh-tich", "Bao cao thanh tich - Le Van Minh.pdf"],
    ]);
    expect(h.telegram.lastTextTo(head.id)).toContain(
      "📎 Tiếp theo, Anh/Chị gửi luôn tệp <b>Tờ trình</b> (PDF, DOC hoặc DOCX, tối đa 20 MB)",
    );

    // The next file needs no tap: it is the Tờ trình asked for.
    await h.feed(documentUpdate(head, pdf("tt-hctp.pdf")));
    expect((await files()).map((f) => [f.document_id, f.file_name])).toEqual([
      ["bao-cao-thanh-tich", "Bao cao thanh tich - Le Van Minh.pdf"],
      ["to-trinh", "tt-hctp.pdf"],
    ]);
    expect(h.telegram.lastTextTo(head.id)).toContain(
      "Hồ sơ đã đủ tài liệu. Bấm “📤 Nộp hồ sơ” để gửi ngay Văn phòng Sở; sau khi nộp, hồ sơ chỉ còn xem được",
    );
    // The message says what sending means: its button sends at once, and is the only one that sends.
    expect(keyboard(head)[0]).toEqual({ text: "📤 Nộp hồ sơ", callback_data: "ds:sub!" });
    expect(keyboard(head).filter((b) => b.callback_data?.startsWith("ds:sub")).length).toBe(1);
  });

  it("ranks by the file's name: a Tờ trình's name puts the Tờ trình first", async () => {
    await h.feed(documentUpdate(head, pdf("To_trinh_de_nghi_khen_thuong.docx.pdf")));
    expect(keyboard(head)[0]?.text).toBe("📎 Tờ trình");
  });

  it("answers a file of the wrong type with the types allowed, and stores nothing", async () => {
    await h.feed(
      documentUpdate(head, {
        file_name: "to-trinh.xlsx",
        mime_type: "application/vnd.ms-excel",
        file_size: 9,
      }),
    );
    expect(h.telegram.lastTextTo(head.id)).toBe(
      "Tệp này không phải PDF, DOC hoặc DOCX. Vui lòng gửi lại đúng định dạng.",
    );
    expect(await files()).toEqual([]);
  });

  it("a tap with the file gone (an old question) stores nothing", async () => {
    await h.press(head, "ds:dr:0:-");
    expect(String(h.telegram.callsOf("answerCallbackQuery").at(-1)?.payload.text)).toContain(
      "Nút này không còn hiệu lực",
    );
    expect(await files()).toEqual([]);
  });

  it("a button pressed while the next file is asked for says nothing of a dropped question", async () => {
    const report = documentUpdate(head, pdf("Minh.pdf"));
    await h.feed(report);
    await pressUnder(head, keyboard(head)[0]?.callback_data ?? "", report);
    expect(h.telegram.lastTextTo(head.id)).toContain("Tiếp theo");
    h.telegram.clear();
    await h.press(head, "ds:view");
    expect(h.telegram.textsTo(head.id).some((t) => t.startsWith("Đã hủy"))).toBe(false);
    expect(h.telegram.lastTextTo(head.id)).toContain("Hồ sơ đề nghị khen thưởng");
  });

  it("from an employee, is not taken for the dossier", async () => {
    await h.feed(documentUpdate(minh, pdf("to-trinh.pdf")));
    expect(h.telegram.lastTextTo(minh.id)).toContain("Bot chưa hiểu tin nhắn này");
    expect(await files()).toEqual([]);
  });
});
