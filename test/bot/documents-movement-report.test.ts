import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { makeMovementReport, type ReportJob } from "../../src/documents/movement-report.js";
import { FakeTelegram } from "../helpers/fake-telegram.js";
import { createHarness, type Harness } from "../helpers/harness.js";
import { seedReportRounds } from "../helpers/movement-report-seed.js";
import { user } from "../helpers/updates.js";
import { recordingFetch, type Upload } from "../helpers/uploads.js";
import { docxParagraphs } from "../unit/documents/docx-text.js";

/**
 * The Báo cáo sơ kết / tổng kết from the bot: the "📄 Bản nháp" button on the Office's /status and the entry in
 * /docs open the menu of years and the period; a press is answered at once and the file follows. The report's
 * renderer is held here (a deferred promise) to show that the bot answers other updates meanwhile.
 */
const admin = user(1001, "Admin");
const employee = user(101, "Ánh");

/** How long to wait for the background work on a busy machine: a bound, never a figure under test. */
const WAIT = { timeout: 30_000 };

let h: Harness;
let uploaded: Upload[] = [];

const alert = () => String(h.telegram.callsOf("answerCallbackQuery").at(-1)?.payload.text ?? "");
const buttons = (chatId: number) =>
  h.telegram.lastButtonsTo(chatId).map((b) => [b.text, b.callback_data ?? ""] as const);

/** A renderer that waits until the test lets it go, recording what it was asked to render. */
function heldRenderer() {
  const asked: ReportJob[] = [];
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  return {
    asked,
    release: () => release(),
    render: async (job: ReportJob) => {
      asked.push(job);
      await released;
      return makeMovementReport(job);
    },
  };
}

beforeEach(async () => {
  uploaded = [];
  const telegram = new FakeTelegram();
  h = await createHarness({
    officeAdminIds: [admin.id],
    now: "2026-12-02T03:00:00.000Z",
    telegram,
    fetch: recordingFetch(telegram, (upload) => uploaded.push(upload)),
  });
  await seedReportRounds(h.db);
  h.deps.reportRenderer = makeMovementReport;
});
afterEach(() => h.close());

describe("Báo cáo sơ kết / tổng kết", () => {
  it("is offered from /status and /docs: a sơ kết for each round and the tổng kết of the period", async () => {
    await h.send(admin, "/status");
    expect(buttons(admin.id)).toContainEqual(["📄 Bản nháp", "dr:bc"]);
    await h.send(admin, "/docs");
    expect(buttons(admin.id)).toContainEqual(["📄 Báo cáo sơ kết, tổng kết phong trào thi đua", "dr:bc"]);
    await h.press(admin, "dr:bc");
    expect(h.telegram.lastTextTo(admin.id)).toContain("Báo cáo sơ kết, tổng kết phong trào thi đua");
    expect(buttons(admin.id)).toEqual([
      ["Sơ kết năm 2022", "dr:sk:2022"],
      ["Sơ kết năm 2023", "dr:sk:2023"],
      ["Sơ kết năm 2024", "dr:sk:2024"],
      ["Sơ kết năm 2025", "dr:sk:2025"],
      ["Sơ kết năm 2026", "dr:sk:2026"],
      ["Tổng kết giai đoạn 2023 - 2025", "dr:tk"],
    ]);
  });

  it("answers at once, keeps answering other updates while the report is made, then sends the file", async () => {
    const held = heldRenderer();
    h.deps.reportRenderer = held.render;
    await h.press(admin, "dr:sk:2026");
    expect(alert()).toBe("Đang lập bản nháp…");
    expect(h.telegram.lastTextTo(admin.id)).toContain("⏳ Đang lập báo cáo sơ kết năm 2026…");
    await vi.waitFor(() => expect(held.asked).toHaveLength(1), WAIT);
    expect(uploaded).toEqual([]);

    // While the report is held: another command is answered, and a second report waits for the first.
    const before = h.telegram.textsTo(admin.id).length;
    await h.send(admin, "/help");
    expect(h.telegram.textsTo(admin.id).length).toBe(before + 1);
    await h.press(admin, "dr:tk");
    expect(alert()).toContain("Bot đang lập một báo cáo cho Anh/Chị");
    expect(uploaded).toEqual([]);

    held.release();
    await vi.waitFor(() => expect(uploaded).toHaveLength(1), WAIT);
    const [sent] = uploaded;
    expect(sent?.method).toBe("sendDocument");
    expect(sent?.chatId).toBe(String(admin.id));
    expect(sent?.filename).toBe("BaoCaoSoKet_2026_2026-12-02.docx");
    expect(sent?.caption).toContain("báo cáo sơ kết năm 2026 phong trào thi đua (3 phòng, đơn vị)");
    expect(docxParagraphs(sent?.bytes ?? Buffer.alloc(0))).toContain("SƠ KẾT NĂM 2026 PHONG TRÀO THI ĐUA");

    // Once sent, the next report can be made: the tổng kết of the definition's period.
    h.deps.reportRenderer = makeMovementReport;
    await h.press(admin, "dr:tk");
    await vi.waitFor(() => expect(uploaded).toHaveLength(2), WAIT);
    expect(uploaded[1]?.filename).toBe("BaoCaoTongKet_2023-2025_2026-12-02.docx");
    expect(docxParagraphs(uploaded[1]?.bytes ?? Buffer.alloc(0))).toContain(
      "TỔNG KẾT GIAI ĐOẠN 2023 - 2025 PHONG TRÀO THI ĐUA",
    );
  });

  it("is the Office's alone; a year without a round is a stale button", async () => {
    for (const data of ["dr:bc", "dr:sk:2026", "dr:tk"]) {
      await h.press(employee, data);
      expect(alert()).toContain("chỉ dành cho Văn phòng Sở");
    }
    await h.press(admin, "dr:sk:2019");
    expect(alert()).toContain("Nút này không còn hiệu lực");
    await new Promise((resolve) => setImmediate(resolve));
    expect(uploaded).toEqual([]);
  });

  it("says so when the report cannot be made, and lets the Office try again", async () => {
    h.deps.reportRenderer = async () => {
      throw new Error("disk full");
    };
    await h.press(admin, "dr:sk:2025");
    await vi.waitFor(
      () => expect(h.telegram.lastTextTo(admin.id)).toContain("Chưa lập được báo cáo sơ kết năm 2025"),
      WAIT,
    );
    h.deps.reportRenderer = makeMovementReport;
    await h.press(admin, "dr:sk:2025");
    await vi.waitFor(() => expect(uploaded).toHaveLength(1), WAIT);
    expect(uploaded[0]?.filename).toBe("BaoCaoSoKet_2025_2026-12-02.docx");
  });
});
