import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../helpers/harness.js";
import { snapshotTables } from "../helpers/scenarios.js";
import { documentUpdate, groupTextUpdate, user } from "../helpers/updates.js";

const admin = user(1001, "Admin");
let h: Harness;

beforeEach(async () => {
  h = await createHarness({ officeAdminIds: [admin.id] });
});
afterEach(() => h.close());

/** Issue 14 item 11: no stored text holds a control or format character, whatever the command or flow. */
describe("a text with hidden characters", () => {
  it("is refused before any command stores it, naming the character, and nothing changes", async () => {
    const before = await snapshotTables(h.db);
    await h.send(admin, "/units add HCTP Phòng \u202Eháp tư chính Hành");
    expect(h.telegram.lastTextTo(admin.id)).toContain("ký tự ẩn hoặc ký tự điều khiển (U+202E");
    await h.send(admin, "/units add HCTP ㅤㅤ ㅤㅤ");
    expect(h.telegram.lastTextTo(admin.id)).toContain("(U+3164");
    expect(await snapshotTables(h.db)).toEqual(before);

    await h.send(admin, "/units add HCTP Phòng Hành chính tư pháp");
    expect(h.telegram.lastTextTo(admin.id)).toContain("Đã thêm đơn vị");
  });

  it("in a file's name is refused too, in the person's language", async () => {
    await h.send(admin, "/lang");
    await h.press(admin, "lang:en");
    await h.feed(
      documentUpdate(admin, {
        file_name: "bao-cao\u202Efdp.exe",
        mime_type: "application/pdf",
        file_size: 10,
      }),
    );
    expect(h.telegram.lastTextTo(admin.id)).toContain("hidden or control character (U+202E");
  });

  it("is left alone in a group, where the bot may read what was not meant for it", async () => {
    h.telegram.clear();
    await h.feed(groupTextUpdate(admin, -5001, "xin chào\u200B"));
    expect(h.telegram.textsTo(-5001)).toEqual([]);
  });
});
