import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseHtml } from "../e2e/bot-api-emulator.js";
import { createHarness, type Harness } from "../helpers/harness.js";
import { registerThroughBot } from "../helpers/scenarios.js";
import { user } from "../helpers/updates.js";

const admin = user(1001, "Admin");
const guest = user(3001, "Khách");
const lan = user(2001, "Lan");
let h: Harness;

beforeEach(async () => {
  h = await createHarness({ officeAdminIds: [admin.id], now: "2026-12-01T09:00:00+07:00" });
});
afterEach(() => h.close());

describe("the plan's screen", () => {
  it("opens from a button under /help, for a registered person", async () => {
    await registerThroughBot(h, admin, lan);
    await h.send(admin, "/round open 2026");
    await h.send(lan, "/help");
    expect(h.telegram.lastButtonsTo(lan.id)).toEqual([
      { text: "📋 Kế hoạch thi đua", callback_data: "plan:show" },
    ]);
    await h.press(lan, "plan:show");
    const plan = h.telegram.lastTextTo(lan.id);

    expect(plan).toContain("Kế hoạch tổ chức phong trào thi đua “Đẩy mạnh cải cách hành chính");
    expect(plan).toContain("Thực hiện Kế hoạch số 800/KH-UBND ngày 25/4/2023 của UBND tỉnh Hà Nam.");
    // Who ran each year's round: Hà Nam's department until the merger of 01/07/2025, Ninh Bình's after.
    expect(plan).toContain(
      "• Năm 2023–2024: Sở Tư pháp tỉnh Hà Nam\n• Năm 2025–2026: Sở Tư pháp tỉnh Ninh Bình",
    );
    expect(plan).toContain("<b>Mục đích</b>\nTạo khí thế thi đua");
    for (const code of ["II.1", "II.2", "II.3", "II.4", "II.5", "II.6", "II.7"])
      expect(plan).toContain(`\n${code}. `);
    expect(plan).toContain("tập thể 3 tiêu chí, cá nhân 6 tiêu chí");
    expect(plan).toContain("• Giấy khen của Giám đốc Sở: 4 tập thể, không quá 10 cá nhân");
    expect(plan).toContain("• Bằng khen của Thủ tướng Chính phủ: Theo hướng dẫn tại Kế hoạch số 800/KH-UBND");
    expect(plan).toContain(
      "gửi về Văn phòng Sở trước ngày 05/01 hằng năm.\nNăm 2026: trước 00:00 05/01/2027.",
    );
    // It renders in Telegram: valid HTML within one message.
    expect(parseHtml(plan).length).toBeLessThan(4096);
  });

  it("reads a round's own deadline, not the plan's, for who received its results", async () => {
    // The 2024 round, opened late with a deadline after the merger: its results go to Ninh Bình.
    await h.send(admin, "/round open 2024 15/01/2027");
    await h.send(admin, "/plan");
    const plan = h.telegram.lastTextTo(admin.id);
    expect(plan).toContain("• Năm 2023: Sở Tư pháp tỉnh Hà Nam\n• Năm 2024–2025: Sở Tư pháp tỉnh Ninh Bình");
    expect(plan).toContain("Năm 2024: trước 00:00 15/01/2027.");
  });

  it("answers /plan for someone not registered, in their language", async () => {
    await h.send(guest, "/lang");
    await h.press(guest, "lang:en");
    await h.send(guest, "/plan");
    const plan = h.telegram.lastTextTo(guest.id);
    expect(plan).toContain("Plan for the emulation movement “Stepping up administrative reform");
    expect(plan).toContain("• 2023–2024: Department of Justice of Hà Nam province");
    expect(plan).toContain("• Director's Certificate of Commendation: 4 collectives, at most 10 individuals");
    expect(plan).not.toContain("For 2026");
  });
});
