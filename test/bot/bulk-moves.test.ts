import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addNomination, findNomination, moveNomination } from "../../db/nominations.js";
import { findUnitByCode } from "../../db/units.js";
import { listData } from "../../src/nominations/list-state.js";
import type { InlineButton } from "../helpers/fake-telegram.js";
import { createHarness, type Harness } from "../helpers/harness.js";
import { registerThroughBot } from "../helpers/scenarios.js";
import { type TestUser, user } from "../helpers/updates.js";

const YEAR = 2026;
const GK = "giay-khen-giam-doc-so";
const TINH = "bang-khen-chu-tich-tinh";

const admin = user(1001, "Admin");
const admin2 = user(1002, "Admin2");
const head = user(2000, "Bình");
const lan = user(2001, "Lan");
const minh = user(2002, "Minh");
const hoa = user(2003, "Hoa");

let h: Harness;
let hctp = 0;
const ids: Record<string, number> = {};

const lastAlert = () => String(h.telegram.callsOf("answerCallbackQuery").at(-1)?.payload.text ?? "");
/** The buttons last shown to someone: of a message sent, or edited in place (its text, or its buttons alone). */
const keyboard = (person: TestUser) => {
  const shown = h.telegram.calls.filter(
    (c) =>
      ["sendMessage", "editMessageText", "editMessageReplyMarkup"].includes(c.method) &&
      Number(c.payload.chat_id) === person.id &&
      c.payload.reply_markup,
  );
  const markup = shown.at(-1)?.payload.reply_markup as { inline_keyboard: InlineButton[][] } | undefined;
  return markup?.inline_keyboard.flat() ?? [];
};
const dataOf = (person: TestUser, label: string) => {
  const button = keyboard(person).find((b) => b.text.includes(label));
  if (!button?.callback_data) throw new Error(`no button "${label}": ${keyboard(person).map((b) => b.text)}`);
  return button.callback_data;
};
const statusOf = async (id: number | undefined) => (await findNomination(h.db, id ?? 0))?.status;

/** A nomination the unit sent: proposed by its head, then submitted with the dossier. */
async function sent(
  key: string,
  formId: string,
  nominee: { kind: "individual" | "collective"; id: number; name: string },
): Promise<void> {
  const now = h.deps.clock();
  const added = await addNomination(
    h.db,
    {
      year: YEAR,
      unitId: hctp,
      formId,
      nomineeKind: nominee.kind,
      nomineeId: nominee.id,
      nomineeName: nominee.name,
      eligible: true,
      resultSummary: JSON.stringify({ met: 6, total: 6, progress: "submitted", consider: true }),
      reason: null,
      by: head.id,
      byRole: "unit_head",
      updateId: null,
    },
    now,
  );
  if (!added) throw new Error("not added");
  const moved = await moveNomination(
    h.db,
    {
      id: added.id,
      from: "draft",
      to: "submitted",
      by: head.id,
      byRole: "unit_head",
      reason: null,
      updateId: null,
    },
    now,
  );
  if (moved === undefined) throw new Error("not submitted");
  ids[key] = added.id;
}

beforeEach(async () => {
  h = await createHarness({ officeAdminIds: [admin.id, admin2.id], now: "2026-12-10T09:00:00+07:00" });
  await registerThroughBot(h, admin, head, { role: "unit_head", fullName: "Trần Văn Bình" });
  await registerThroughBot(h, admin, lan, { fullName: "Nguyễn Thị Lan" });
  await registerThroughBot(h, admin, minh, { fullName: "Lê Văn Minh" });
  await registerThroughBot(h, admin, hoa, { fullName: "Phạm Thị Hoa" });
  await h.send(admin, "/round open 2026");
  // The round's notice to everyone registered goes out first; what follows is about what comes after.
  await h.settle();
  hctp = (await findUnitByCode(h.db, "HCTP"))?.id ?? 0;
  await sent("unit", GK, { kind: "collective", id: hctp, name: "Phòng Hành chính tư pháp" });
  await sent("lan", GK, { kind: "individual", id: lan.id, name: "Nguyễn Thị Lan" });
  await sent("minh", GK, { kind: "individual", id: minh.id, name: "Lê Văn Minh" });
  await sent("hoa", TINH, { kind: "individual", id: hoa.id, name: "Phạm Thị Hoa" });
  h.telegram.clear();
});
afterEach(() => h.close());

describe("the Office's review of one unit's four nominations", () => {
  it("takes 6 actions from /nominations to all four before the Council (22 one at a time before)", async () => {
    let actions = 0;
    const send = async (text: string) => {
      actions++;
      await h.send(admin, text);
    };
    const tap = async (data: string) => {
      actions++;
      await h.pressOnScreen(admin, data);
    };

    await send("/nominations hctp");
    expect(h.telegram.lastTextTo(admin.id)).toContain("Đề nghị khen thưởng năm 2026</b> · hctp: 4");
    await tap(dataOf(admin, "Xử lý nhiều: chờ Văn phòng Sở tiếp nhận (4)"));
    expect(h.telegram.lastTextTo(admin.id)).toContain("đang <b>chờ Văn phòng Sở tiếp nhận</b> · hctp: 4");
    await tap("nk:all");
    await tap(dataOf(admin, "Tiếp nhận, thẩm định (4)"));
    const summary = h.telegram.lastTextTo(admin.id);
    expect(summary).toContain("✅ Đã chuyển 4/4 đề nghị sang “Văn phòng Sở đang thẩm định”:");
    expect(summary).toContain("Nguyễn Thị Lan");
    expect(summary).toContain("Phạm Thị Hoa");
    // The step they reached opens with all four ticked: one more tap moves them on.
    await tap(dataOf(admin, "Mở danh sách “Văn phòng Sở đang thẩm định”"));
    await tap(dataOf(admin, "Trình Hội đồng (4)"));
    expect(h.telegram.lastTextTo(admin.id)).toContain(
      "✅ Đã chuyển 4/4 đề nghị sang “đã trình Hội đồng Thi đua - Khen thưởng”:",
    );

    expect(actions).toBe(6);
    for (const id of Object.values(ids)) expect(await statusOf(id)).toBe("recommended");
    // The head hears once of each nomination put before the Council, through the outbox, as from a card.
    await h.settle();
    const toHead = h.telegram.textsTo(head.id);
    expect(toHead.length).toBe(4);
    for (const name of ["Phạm Thị Hoa", "Phòng Hành chính tư pháp", "Lê Văn Minh", "Nguyễn Thị Lan"])
      expect(
        toHead.filter((t) => t.includes(`<b>${name}</b>`) && t.includes("đã trình Hội đồng")).length,
      ).toBe(1);
  });

  it("moves only the ticked ones, and says so when nothing is ticked", async () => {
    await h.send(admin, "/nominations");
    await h.pressOnScreen(admin, dataOf(admin, "Xử lý nhiều"));
    const move = dataOf(admin, "Tiếp nhận, thẩm định (0)");
    await h.pressOnScreen(admin, move);
    expect(lastAlert()).toContain("Chưa chọn đề nghị nào");
    expect(await statusOf(ids.lan)).toBe("submitted");

    await h.pressOnScreen(admin, `nk:${ids.lan}`);
    await h.pressOnScreen(admin, `nk:${ids.hoa}`);
    expect(keyboard(admin).map((b) => b.text)).toContain("🔍 Tiếp nhận, thẩm định (2)");
    await h.pressOnScreen(admin, `nk:${ids.hoa}`);
    expect(keyboard(admin).map((b) => b.text)).toContain("🔍 Tiếp nhận, thẩm định (1)");
    expect(keyboard(admin).find((b) => b.callback_data === `nk:${ids.lan}`)?.text).toMatch(/^☑️ /);
    expect(keyboard(admin).find((b) => b.callback_data === `nk:${ids.hoa}`)?.text).toMatch(/^☐ /);

    await h.pressOnScreen(admin, move);
    expect(await statusOf(ids.lan)).toBe("under_review");
    for (const key of ["unit", "minh", "hoa"]) expect(await statusOf(ids[key])).toBe("submitted");
    // The list is drawn again without Lan; "Bỏ chọn" clears every tick.
    const list = h.telegram.textsTo(admin.id).at(-2) ?? "";
    expect(list).toContain(": 3");
    expect(list).not.toContain("Nguyễn Thị Lan");
    await h.pressOnScreen(admin, "nk:all");
    await h.pressOnScreen(admin, "nk:none");
    expect(keyboard(admin).filter((b) => b.text.startsWith("☑️ #")).length).toBe(0);
  });

  it("skips one another Office member moved meanwhile and reports it; nothing is moved twice", async () => {
    await h.send(admin, "/nominations");
    await h.pressOnScreen(admin, dataOf(admin, "Xử lý nhiều"));
    await h.pressOnScreen(admin, "nk:all");
    // Meanwhile the other Office member takes Minh's from its card.
    await h.press(admin2, `nt:${ids.minh}:under_review`);
    await h.press(admin2, `nt:${ids.minh}:recommended`);
    expect(await statusOf(ids.minh)).toBe("recommended");

    await h.pressOnScreen(admin, dataOf(admin, "Tiếp nhận, thẩm định (4)"));
    const summary = h.telegram.lastTextTo(admin.id);
    expect(summary).toContain("✅ Đã chuyển 3/4 đề nghị");
    expect(summary).toContain("⏭ Bỏ qua (1):");
    expect(summary).toContain(
      `#${ids.minh} Lê Văn Minh: đã được chuyển sang “đã trình Hội đồng Thi đua - Khen thưởng” trước đó`,
    );
    expect(await statusOf(ids.minh)).toBe("recommended");
    const history = await h.db
      .selectFrom("nomination_history")
      .select("to_status")
      .where("nomination_id", "=", ids.minh ?? 0)
      .execute();
    expect(history.map((row) => row.to_status)).toEqual([
      "draft",
      "submitted",
      "under_review",
      "recommended",
    ]);
  });

  it("never goes past a quota: with one place left, one is moved and the other refused with the reason", async () => {
    // This round's Giấy khen counts from "recommended", with one individual place.
    const gk = h.deps.campaign.awardForms.find((form) => form.id === GK);
    if (!gk) throw new Error("no Giấy khen");
    gk.route.quotaFrom = "recommended";
    gk.quota.individual = 1;
    for (const key of ["lan", "minh"]) {
      await h.press(admin, `nt:${ids[key]}:under_review`);
    }
    await h.send(admin, "/nominations");
    await h.pressOnScreen(admin, dataOf(admin, "Xử lý nhiều: Văn phòng Sở đang thẩm định (2)"));
    await h.pressOnScreen(admin, "nk:all");
    await h.pressOnScreen(admin, dataOf(admin, "Trình Hội đồng (2)"));
    const summary = h.telegram.lastTextTo(admin.id);
    expect(summary).toContain("✅ Đã chuyển 1/2 đề nghị");
    expect(summary).toContain("⛔ Không chuyển được (1):");
    expect(summary).toContain(
      "Không trình được: hình thức Giấy khen của Giám đốc Sở đã đủ số lượng khen thưởng (1 cá nhân).",
    );
    const statuses = [await statusOf(ids.lan), await statusOf(ids.minh)];
    expect(statuses.filter((s) => s === "recommended").length).toBe(1);
    expect(statuses.filter((s) => s === "under_review").length).toBe(1);
  });

  it("is the Office's alone: a head's ticks and bulk moves are refused and nothing moves", async () => {
    const state = { page: 0, status: "submitted", filter: "" };
    await h.press(head, `nk:${ids.lan}`);
    expect(lastAlert()).toContain("Văn phòng Sở");
    await h.press(head, listData(h.deps.campaign, "nb:10:", state));
    expect(lastAlert()).toContain("Văn phòng Sở");
    // A head's list of one step is their unit's ordinary list: no ticks.
    await h.press(head, listData(h.deps.campaign, "pg:", state));
    expect(keyboard(head).some((b) => b.callback_data?.startsWith("nk:"))).toBe(false);
    for (const id of Object.values(ids)) expect(await statusOf(id)).toBe("submitted");
  });
});

describe("a card opened from the list", () => {
  it("goes back to the same page, and on to the next nomination waiting at the step it stood at", async () => {
    await h.send(admin, "/nominations gk");
    const first = dataOf(admin, `#${ids.unit} `);
    expect(first).toBe(`no:${ids.unit}:nl:0:gk`);
    await h.pressOnScreen(admin, first);
    expect(keyboard(admin).map((b) => b.text)).toEqual(expect.arrayContaining(["◀ Danh sách", "▶ Tiếp"]));
    // A move on the card keeps the way back.
    await h.pressOnScreen(admin, `nt:${ids.unit}:under_review`);
    expect(await statusOf(ids.unit)).toBe("under_review");
    await h.pressOnScreen(admin, dataOf(admin, "▶ Tiếp"));
    // The next one still waiting to be taken in (Minh's), not the one just moved, nor Hoa's of another form.
    expect(h.telegram.lastTextTo(admin.id)).toContain("Lê Văn Minh");
    await h.pressOnScreen(admin, dataOf(admin, "▶ Tiếp"));
    expect(h.telegram.lastTextTo(admin.id)).toContain("Nguyễn Thị Lan");
    await h.pressOnScreen(admin, `nt:${ids.lan}:under_review`);
    // From the end of the list, back to the top: Minh's is still waiting.
    await h.pressOnScreen(admin, dataOf(admin, "▶ Tiếp"));
    expect(h.telegram.lastTextTo(admin.id)).toContain("Lê Văn Minh");
    await h.pressOnScreen(admin, `nt:${ids.minh}:under_review`);
    await h.pressOnScreen(admin, dataOf(admin, "▶ Tiếp"));
    expect(lastAlert()).toBe("Không còn đề nghị nào đang “chờ Văn phòng Sở tiếp nhận”.");
    expect(h.telegram.lastTextTo(admin.id)).toContain("Đề nghị khen thưởng năm 2026</b> · ");
    await h.pressOnScreen(admin, dataOf(admin, `#${ids.lan} `));
    await h.pressOnScreen(admin, dataOf(admin, "◀ Danh sách"));
    expect(h.telegram.lastTextTo(admin.id)).toContain(": 3");
  });
});
