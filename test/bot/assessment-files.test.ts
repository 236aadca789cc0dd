import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findAssessment, listProofFiles } from "../../db/assessments.js";
import { createHarness, type Harness } from "../helpers/harness.js";
import { registerThroughBot } from "../helpers/scenarios.js";
import { documentUpdate, photoUpdate, user } from "../helpers/updates.js";

const admin = user(1001, "Admin");
const lan = user(2001, "Lan");
let h: Harness;

beforeEach(async () => {
  h = await createHarness({ officeAdminIds: [admin.id] });
  await registerThroughBot(h, admin, lan);
  await h.send(admin, "/round open 2026");
  await h.send(lan, "/assess");
  await h.press(lan, "as:c:chap-hanh:met:yes");
  await h.send(lan, "Chấp hành nghiêm kỷ luật, kỷ cương hành chính.");
});
afterEach(() => h.close());

const files = async () => {
  const assessment = await findAssessment(h.db, { year: 2026, subject: "individual", subjectId: lan.id });
  return listProofFiles(h.db, assessment?.id ?? 0);
};

describe("proof files", () => {
  it("keeps PDF, Word, spreadsheet and photo proof, counting them in one message that updates itself", async () => {
    const question = h.telegram.callsOf("sendMessage").length;
    const stripped = h.telegram.callsOf("editMessageReplyMarkup").length;
    await h.feed(
      documentUpdate(lan, { file_name: "quyet-dinh.pdf", mime_type: "application/pdf", file_size: 300_000 }),
    );
    // One message for the first file: the count, the file, a 🗑 for it and Xong; the question loses its buttons.
    expect(h.telegram.callsOf("sendMessage")).toHaveLength(question + 1);
    const ack = h.telegram.lastTextTo(lan.id);
    expect(ack).toContain("Đã nhận <b>1</b> tệp minh chứng");
    expect(ack).toContain("1. quyet-dinh.pdf");
    expect(h.telegram.callsOf("editMessageReplyMarkup")).toHaveLength(stripped + 1);

    await h.feed(
      documentUpdate(lan, {
        file_name: "bang-so-lieu.xlsx",
        mime_type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        file_size: 50_000,
      }),
    );
    await h.feed(photoUpdate(lan));
    // The next files update that message instead of sending two each.
    expect(h.telegram.callsOf("sendMessage")).toHaveLength(question + 1);
    const edited = h.telegram.callsOf("editMessageText").at(-1)?.payload as {
      text: string;
      reply_markup: { inline_keyboard: { text: string; callback_data: string }[][] };
    };
    expect(edited.text).toContain("Đã nhận <b>3</b> tệp minh chứng");
    expect(edited.text).toContain("2. bang-so-lieu.xlsx");
    expect(edited.text).toContain("3. Ảnh");
    const stored = await files();
    expect(stored.map((f) => [f.item_key, f.kind, f.file_name])).toEqual([
      ["c:chap-hanh", "document", "quyet-dinh.pdf"],
      ["c:chap-hanh", "document", "bang-so-lieu.xlsx"],
      ["c:chap-hanh", "photo", null],
    ]);
    expect(stored[2]?.file_id).toMatch(/^photo-\d+$/);
    expect(edited.reply_markup.inline_keyboard.flat().map((b) => b.callback_data)).toEqual([
      ...stored.map((f) => `as:c:chap-hanh:files:del:${f.id}`),
      "as:c:chap-hanh:files:done",
    ]);
    await h.press(lan, "as:c:chap-hanh:files:done");
    expect(h.telegram.lastTextTo(lan.id)).toContain("Tiêu chí 2/6");
  });

  it("removes a file sent by mistake with its 🗑, updating the count in place", async () => {
    for (const name of ["dung.pdf", "nham.pdf"]) {
      await h.feed(documentUpdate(lan, { file_name: name, mime_type: "application/pdf", file_size: 1_000 }));
    }
    const mistaken = (await files()).find((f) => f.file_name === "nham.pdf");
    await h.press(lan, `as:c:chap-hanh:files:del:${mistaken?.id}`);
    expect((await files()).map((f) => f.file_name)).toEqual(["dung.pdf"]);
    expect(h.telegram.callsOf("answerCallbackQuery").at(-1)?.payload).toMatchObject({ text: "Đã xóa tệp." });
    const edited = h.telegram.callsOf("editMessageText").at(-1)?.payload as { text: string };
    expect(edited.text).toContain("Đã nhận <b>1</b> tệp minh chứng");
    expect(edited.text).not.toContain("nham.pdf");
    // Pressed again (a double tap), it removes nothing more.
    await h.press(lan, `as:c:chap-hanh:files:del:${mistaken?.id}`);
    expect((await files()).map((f) => f.file_name)).toEqual(["dung.pdf"]);
  });

  it("refuses a file of the wrong type or over 20 MB, saying why, and keeps the question open", async () => {
    await h.feed(
      documentUpdate(lan, {
        file_name: "virus.exe",
        mime_type: "application/x-msdownload",
        file_size: 1_000,
      }),
    );
    expect(h.telegram.textsTo(lan.id).at(-2)).toContain("không đúng loại");
    await h.feed(
      documentUpdate(lan, {
        file_name: "lon.pdf",
        mime_type: "application/pdf",
        file_size: 21 * 1024 * 1024,
      }),
    );
    expect(h.telegram.textsTo(lan.id).at(-2)).toContain("tối đa 20 MB");
    expect(h.telegram.lastTextTo(lan.id)).toContain("tệp minh chứng");
    expect(await files()).toEqual([]);
  });

  it("stops at five files for one criterion", async () => {
    for (let i = 0; i < 6; i++) {
      await h.feed(
        documentUpdate(lan, { file_name: `tep-${i}.pdf`, mime_type: "application/pdf", file_size: 1_000 }),
      );
    }
    expect(h.telegram.textsTo(lan.id).at(-2)).toContain("Đã đủ 5 tệp");
    expect(await files()).toHaveLength(5);
  });

  it("keeps a file sent twice (same file) once", async () => {
    const pdf = {
      file_name: "a.pdf",
      mime_type: "application/pdf",
      file_size: 1_000,
      file_unique_id: "same",
    };
    await h.feed(documentUpdate(lan, pdf));
    await h.feed(documentUpdate(lan, pdf));
    expect(await files()).toHaveLength(1);
  });

  it("asks for a file or Xong when a text comes instead", async () => {
    await h.send(lan, "đây là minh chứng");
    expect(h.telegram.textsTo(lan.id).at(-2)).toContain(
      "gửi tệp minh chứng (tài liệu hoặc ảnh), hoặc bấm Xong",
    );
  });
});
