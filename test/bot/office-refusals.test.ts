import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addDocumentVersion, submitDossier } from "../../db/dossiers.js";
import { addNomination, findNomination, listNominations, nominationHistory } from "../../db/nominations.js";
import { findUnitByCode } from "../../db/units.js";
import { createHarness, type Harness } from "../helpers/harness.js";
import { createInviteToken, registerThroughBot, reportKeyFor } from "../helpers/scenarios.js";
import { documentUpdate, groupTextUpdate, type TestUser, user } from "../helpers/updates.js";

const YEAR = 2026;
const GK = "giay-khen-giam-doc-so";
const admin = user(1001, "Admin");
const guest = user(9999, "Khách");
const head = user(2000, "Bình"); // head of HCTP
const lan = user(2001, "Lan"); // employee of HCTP, nominated
const minh = user(2002, "Minh"); // employee of HCTP, nominated
const otherHead = user(2100, "Khoa"); // head of KT
const hoa = user(2101, "Hoa"); // employee of KT, nominated

const OFFICE_ONLY = "Lệnh này chỉ dành cho Văn phòng Sở";
const NOT_VISIBLE = "Anh/Chị không xem được đề nghị này.";
const NOT_YOURS = "Anh/Chị không có quyền lấy tệp này.";
const OWN_UNIT_ONLY = "Anh/Chị chỉ xem được tình hình đơn vị của mình (gửi /status).";
const NOT_REGISTERED = "Anh/Chị chưa đăng ký. Vui lòng bấm liên kết mời của đơn vị mình trước.";
const ONLY_HEAD = "Chỉ trưởng đơn vị mới được đề nghị khen thưởng và nộp hồ sơ của đơn vị.";

let h: Harness;
let hctp = 0;
let kt = 0;
const ids = { lan: 0, minh: 0, hoa: 0, lanReport: 0, hoaReport: 0, hctpToTrinh: 0 };

async function nominate(unitId: number, person: TestUser, name: string, by: TestUser): Promise<number> {
  const n = await addNomination(
    h.db,
    {
      year: YEAR,
      unitId,
      formId: GK,
      nomineeKind: "individual",
      nomineeId: person.id,
      nomineeName: name,
      eligible: false,
      resultSummary: JSON.stringify({ met: 0, total: 6, progress: "not_started" }),
      reason: "Hoàn thành xuất sắc nhiệm vụ được giao",
      by: by.id,
      byRole: "unit_head",
      updateId: null,
    },
    h.deps.clock(),
  );
  if (!n) throw new Error("not added");
  return n.id;
}

async function upload(unitId: number, documentId: string, key: string, by: TestUser): Promise<number> {
  await addDocumentVersion(
    h.db,
    {
      year: YEAR,
      unitId,
      documentId,
      documentKey: await reportKeyFor(h.db, YEAR, unitId, key),
      fileId: `file-${unitId}-${documentId}-${key}`,
      fileUniqueId: `u-${unitId}-${documentId}-${key}`,
      fileName: `${documentId}.pdf`,
      mimeType: "application/pdf",
      fileSize: 10_000,
      by: by.id,
      updateId: null,
    },
    h.deps.clock(),
  );
  const row = await h.db
    .selectFrom("dossier_file_versions")
    .select("id")
    .where("unit_id", "=", unitId)
    .where("document_id", "=", documentId)
    .where("document_key", "=", await reportKeyFor(h.db, YEAR, unitId, key))
    .executeTakeFirstOrThrow();
  return row.id;
}

/** What a press was answered with: the pop-up's text. */
const lastAlert = () => h.telegram.callsOf("answerCallbackQuery").at(-1)?.payload;

/** Everything the bot sent to or edited for a chat since the last clear, as one string. */
const everythingTo = (chatId: number) =>
  h.telegram.calls
    .filter((c) => Number(c.payload.chat_id) === chatId || c.method === "answerCallbackQuery")
    .map((c) => JSON.stringify(c.payload))
    .join("\n");

beforeEach(async () => {
  h = await createHarness({ officeAdminIds: [admin.id], now: "2026-12-01T03:00:00Z" });
  await registerThroughBot(h, admin, head, { role: "unit_head", fullName: "Trần Văn Bình" });
  await registerThroughBot(h, admin, lan, { fullName: "Nguyễn Thị Lan" });
  await registerThroughBot(h, admin, minh, { fullName: "Lê Văn Minh" });
  const ktUnit = { unitCode: "KT", unitName: "Phòng Kế toán" };
  await registerThroughBot(h, admin, otherHead, { ...ktUnit, role: "unit_head", fullName: "Ngô Văn Khoa" });
  await registerThroughBot(h, admin, hoa, { ...ktUnit, fullName: "Phạm Thị Hoa" });
  await h.send(admin, "/round open 2026");
  hctp = (await findUnitByCode(h.db, "HCTP"))?.id ?? 0;
  kt = (await findUnitByCode(h.db, "KT"))?.id ?? 0;

  ids.lan = await nominate(hctp, lan, "Nguyễn Thị Lan", head);
  ids.minh = await nominate(hctp, minh, "Lê Văn Minh", head);
  ids.hctpToTrinh = await upload(hctp, "to-trinh", "", head);
  ids.lanReport = await upload(hctp, "bao-cao-thanh-tich", `p:${lan.id}`, head);
  await upload(hctp, "bao-cao-thanh-tich", `p:${minh.id}`, head);
  await submitDossier(
    h.db,
    YEAR,
    hctp,
    { id: head.id, role: "unit_head", updateId: null },
    false,
    h.deps.clock(),
  );

  ids.hoa = await nominate(kt, hoa, "Phạm Thị Hoa", otherHead);
  ids.hoaReport = await upload(kt, "bao-cao-thanh-tich", `p:${hoa.id}`, otherHead);
  h.telegram.clear();
});
afterEach(() => h.close());

describe("/status", () => {
  it("refuses a guest and an employee, each saying why, and shows no unit", async () => {
    await h.send(guest, "/status");
    expect(h.telegram.lastTextTo(guest.id)).toBe(NOT_REGISTERED);
    await h.send(guest, "/status HCTP");
    expect(h.telegram.lastTextTo(guest.id)).toBe(NOT_REGISTERED);
    await h.send(lan, "/status");
    expect(h.telegram.lastTextTo(lan.id)).toContain("Lệnh /status dành cho trưởng đơn vị và Văn phòng Sở");
    await h.send(lan, "/status HCTP");
    expect(h.telegram.lastTextTo(lan.id)).toContain("Lệnh /status dành cho trưởng đơn vị và Văn phòng Sở");
    for (const person of [guest, lan]) {
      expect(everythingTo(person.id)).not.toContain("HCTP");
      expect(everythingTo(person.id)).not.toContain("Cá nhân tự đánh giá:");
    }
  });

  it("lets a head see only their own unit; another code, existing or not, gets the same answer", async () => {
    await h.send(otherHead, "/status");
    const own = h.telegram.lastTextTo(otherHead.id);
    expect(own).toContain("<b>KT</b> · Phòng Kế toán");
    expect(own).not.toContain("HCTP");

    await h.send(otherHead, "/status HCTP");
    const existing = h.telegram.lastTextTo(otherHead.id);
    await h.send(otherHead, "/status KHONGCO");
    const missing = h.telegram.lastTextTo(otherHead.id);
    expect(existing).toBe(OWN_UNIT_ONLY);
    expect(missing).toBe(existing);
    await h.send(otherHead, "/status kt");
    expect(h.telegram.lastTextTo(otherHead.id)).toContain("<b>KT</b> · Phòng Kế toán");

    await h.send(admin, "/status HCTP");
    expect(h.telegram.lastTextTo(admin.id)).toContain("<b>HCTP</b> · Phòng Hành chính tư pháp");
  });

  it("is answered only in a private chat, even for the Office", async () => {
    await h.feed(groupTextUpdate(admin, -500, "/status"));
    expect(h.telegram.lastTextTo(-500)).toContain("chỉ dùng trong chat riêng");
    await h.feed(groupTextUpdate(head, -500, "/status"));
    expect(h.telegram.lastTextTo(-500)).toContain("chỉ dùng trong chat riêng");
    expect(everythingTo(-500)).not.toContain("HCTP");
  });

  it("/nominations is refused in a group chat too", async () => {
    await h.feed(groupTextUpdate(lan, -500, "/nominations"));
    expect(h.telegram.lastTextTo(-500)).toContain("chỉ dùng trong chat riêng");
    await h.feed(groupTextUpdate(admin, -500, "/nominations"));
    expect(h.telegram.lastTextTo(-500)).toContain("chỉ dùng trong chat riêng");
    expect(everythingTo(-500)).not.toContain("Nguyễn Thị Lan");
  });

  it("/nominate and /dossier stay out of a group chat, like /status and /nominations", async () => {
    // BUG: both answer in the group, showing every colleague's self-assessment result (the candidate list)
    // and the unit's dossier to the whole group, where /status and /nominations refuse "để không lộ thông tin".
    for (const command of ["/nominate", "/nominate pham", "/dossier"]) {
      await h.feed(groupTextUpdate(otherHead, -600, command));
      expect(h.telegram.lastTextTo(-600), command).toContain("chỉ dùng trong chat riêng");
    }
    expect(everythingTo(-600)).not.toContain("Phạm Thị Hoa");
    expect(everythingTo(-600)).not.toContain("Ngô Văn Khoa");
  });

  it("page buttons (pg:st) work for the Office only", async () => {
    for (const person of [guest, lan, head]) {
      for (const data of ["pg:st:0", "pg:st:1", "pg:pd:0"]) {
        await h.press(person, data);
        expect(lastAlert()).toMatchObject({ show_alert: true });
        expect(String(lastAlert()?.text)).toContain(OFFICE_ONLY);
      }
    }
    // The nominations' page buttons show each person only what /nominations would.
    await h.press(guest, "pg:nl:0:");
    expect(String(lastAlert()?.text)).toBe("Anh/Chị chưa đăng ký nên chưa xem được đề nghị khen thưởng.");
    expect(h.telegram.callsOf("editMessageText")).toEqual([]);
    await h.press(minh, "pg:nl:0:");
    expect(h.telegram.lastTextTo(minh.id)).toContain("Đề nghị khen thưởng của Anh/Chị năm 2026</b>: 1");
    expect(h.telegram.lastTextTo(minh.id)).not.toContain("Nguyễn Thị Lan");
    await h.press(admin, "pg:st:0");
    expect(h.telegram.lastTextTo(admin.id)).toContain("Tình hình hồ sơ đề nghị khen thưởng năm 2026");
  });
});

describe("/pending, /quota, /export", () => {
  it("refuse everyone but the Office with a reply that says why and shows nothing", async () => {
    for (const command of ["/pending", "/quota", "/export", "/export csv"]) {
      for (const person of [guest, lan, head, otherHead]) {
        await h.send(person, command);
        expect(h.telegram.lastTextTo(person.id), `${command} by ${person.first_name}`).toContain(OFFICE_ONLY);
      }
    }
    expect(h.telegram.callsOf("sendDocument")).toEqual([]);
    for (const person of [guest, lan, head, otherHead]) {
      const all = everythingTo(person.id);
      expect(all).not.toContain("Việc còn thiếu");
      expect(all).not.toContain("Số lượng khen thưởng năm");
    }

    await h.send(admin, "/pending");
    expect(h.telegram.lastTextTo(admin.id)).toContain("Việc còn thiếu, năm 2026");
    await h.send(admin, "/quota");
    expect(h.telegram.lastTextTo(admin.id)).toContain("Số lượng khen thưởng năm 2026");
    await h.send(admin, "/export");
    expect(h.telegram.callsOf("sendDocument")).toHaveLength(1);
  });
});

describe("/nominations", () => {
  it("shows a guest nothing, an employee their own, a head their unit's, the Office all", async () => {
    await h.send(guest, "/nominations");
    expect(h.telegram.lastTextTo(guest.id)).toBe(
      "Anh/Chị chưa đăng ký nên chưa xem được đề nghị khen thưởng.",
    );

    await h.send(lan, "/nominations");
    const own = h.telegram.lastTextTo(lan.id);
    expect(own).toContain("Đề nghị khen thưởng của Anh/Chị năm 2026</b>: 1");
    expect(own).toContain("Nguyễn Thị Lan");
    expect(own).not.toContain("Lê Văn Minh");
    expect(h.telegram.lastKeyboardTo(lan.id).map((b) => b.callback_data)).toEqual([`no:${ids.lan}:nl:0:`]);
    await h.send(lan, "/nominations le van minh");
    expect(h.telegram.lastTextTo(lan.id)).not.toContain("Lê Văn Minh");
    expect(h.telegram.lastTextTo(lan.id)).toContain(": 0");

    await h.send(otherHead, "/nominations");
    const unit = h.telegram.lastTextTo(otherHead.id);
    expect(unit).toContain("Đề nghị khen thưởng của đơn vị năm 2026</b>: 1");
    expect(unit).toContain("Phạm Thị Hoa");
    expect(unit).not.toContain("HCTP");

    await h.send(admin, "/nominations");
    expect(h.telegram.lastTextTo(admin.id)).toContain("Đề nghị khen thưởng năm 2026</b>: 3");
  });
});

describe("/nominations <number>", () => {
  it("opens the card to whoever may see it, with the same rules as a press on the list's button", async () => {
    // Lan opens her own, typed with or without "#": the card, with no Office buttons.
    for (const typed of [`#${ids.lan}`, `${ids.lan}`, `# ${ids.lan}`]) {
      h.telegram.clear();
      await h.send(lan, `/nominations ${typed}`);
      expect(h.telegram.textsTo(lan.id), typed).toHaveLength(1);
      expect(h.telegram.lastTextTo(lan.id), typed).toMatch(
        new RegExp(`^🏅 <b>Đề nghị #${ids.lan}</b>: Nguyễn Thị Lan\nĐơn vị: <code>HCTP</code>`),
      );
      // Only the draft of her Báo cáo thành tích, which anyone who sees the nomination may take.
      expect(h.telegram.lastKeyboardTo(lan.id)).toEqual([
        { text: "📄 Bản nháp", callback_data: `dr:bctt:${ids.lan}` },
      ]);
    }
    // Not a colleague's, nor another unit's: the same refusal as a button press, nothing of the card.
    await h.send(lan, `/nominations #${ids.minh}`);
    expect(h.telegram.lastTextTo(lan.id)).toBe(NOT_VISIBLE);
    await h.send(otherHead, `/nominations ${ids.lan}`);
    expect(h.telegram.lastTextTo(otherHead.id)).toBe(NOT_VISIBLE);
    await h.send(otherHead, `/nominations #${ids.hoa}`);
    expect(h.telegram.lastTextTo(otherHead.id)).toContain("Phạm Thị Hoa");
    // A number no nomination has says the same: whether it exists is not told.
    await h.send(head, "/nominations #9999");
    expect(h.telegram.lastTextTo(head.id)).toBe(NOT_VISIBLE);
    await h.send(guest, `/nominations #${ids.lan}`);
    expect(h.telegram.lastTextTo(guest.id)).toBe(
      "Anh/Chị chưa đăng ký nên chưa xem được đề nghị khen thưởng.",
    );

    // The Office gets the card with its buttons, as after a press.
    await h.send(admin, `/nominations #${ids.lan}`);
    expect(h.telegram.lastTextTo(admin.id)).toContain(`🏅 <b>Đề nghị #${ids.lan}</b>: Nguyễn Thị Lan`);
    expect(h.telegram.lastKeyboardTo(admin.id).map((b) => b.callback_data)).toContain(
      `nt:${ids.lan}:under_review`,
    );
  });
});

describe("/dossier and /nominate", () => {
  it("/dossier: a guest and an employee are told why; a head typing another code gets their own", async () => {
    await h.send(guest, "/dossier");
    expect(h.telegram.lastTextTo(guest.id)).toBe(NOT_REGISTERED);
    await h.send(guest, "/dossier HCTP");
    expect(h.telegram.lastTextTo(guest.id)).toBe(NOT_REGISTERED);
    await h.send(lan, "/dossier HCTP");
    expect(h.telegram.lastTextTo(lan.id)).toContain(ONLY_HEAD);

    await h.send(otherHead, "/dossier HCTP");
    const shown = h.telegram.lastTextTo(otherHead.id);
    expect(shown).toContain("— Phòng Kế toán");
    expect(shown).not.toContain("Phòng Hành chính tư pháp");
    expect(shown).not.toContain("Nguyễn Thị Lan");
    for (const person of [guest, lan, otherHead])
      expect(everythingTo(person.id)).not.toContain("Lê Văn Minh");
  });

  it("/dossier for the Office: a usage line without a code, an unknown code named, a unit's dossier with its files", async () => {
    await h.send(admin, "/dossier");
    expect(h.telegram.lastTextTo(admin.id)).toBe(
      [
        "Cách dùng: /dossier &lt;mã đơn vị&gt;. Xem mã bằng /units.",
        "",
        "<b>Hồ sơ đề nghị khen thưởng đã nộp, kỳ xét khen thưởng năm 2026</b> (1 đơn vị, mới nhất trước):",
        "• <b>HCTP</b> · Phòng Hành chính tư pháp · nộp lúc 10:00 01/12/2026",
      ].join("\n"),
    );
    await h.send(admin, "/dossier KHONGCO");
    expect(h.telegram.lastTextTo(admin.id)).toContain("Không có đơn vị mã <code>KHONGCO</code>");
    await h.send(admin, "/dossier hctp");
    expect(h.telegram.lastTextTo(admin.id)).toContain("— Phòng Hành chính tư pháp");
    const buttons = h.telegram.lastKeyboardTo(admin.id).map((b) => b.callback_data);
    expect(buttons).toContain(`ds:doc:${ids.lanReport}`);
    expect(buttons).toContain(`ds:ret:${hctp}`);
    expect(buttons.some((b) => b?.startsWith("ds:up:"))).toBe(false);
  });

  it("/nominate: a guest must register, an employee is told only heads nominate", async () => {
    await h.send(guest, "/nominate");
    expect(h.telegram.lastTextTo(guest.id)).toBe(NOT_REGISTERED);
    await h.send(lan, "/nominate");
    expect(h.telegram.lastTextTo(lan.id)).toContain(ONLY_HEAD);
    await h.send(lan, "/nominate nguyen");
    expect(h.telegram.lastTextTo(lan.id)).toContain(ONLY_HEAD);
    // A head's opens on the first form, for their own unit.
    await h.send(otherHead, "/nominate");
    expect(h.telegram.lastTextTo(otherHead.id)).toContain("<b>Giấy khen của Giám đốc Sở</b> — Phòng Kế toán");
  });

  it("/nominate for an Office admin (OFFICE_ADMIN_IDS, no invite) says only heads nominate, not 'register first'", async () => {
    // BUG: headAccess answers nm-not-registered for anyone without a users row, and the Office admins of
    // OFFICE_ADMIN_IDS have none: they are told to open their unit's invite link, which is not why.
    await h.send(admin, "/nominate");
    expect(h.telegram.lastTextTo(admin.id)).not.toBe(NOT_REGISTERED);
    expect(h.telegram.lastTextTo(admin.id)).toContain("trưởng đơn vị");
    await h.press(admin, "nm:home");
    expect(String(lastAlert()?.text)).not.toBe(NOT_REGISTERED);
  });

  it("nm: buttons of another unit's nominations are refused without naming anyone", async () => {
    await h.press(otherHead, `nm:x:${ids.lan}`);
    expect(String(lastAlert()?.text)).toContain("Nút này không còn hiệu lực");
    expect(await findNomination(h.db, ids.lan)).toBeDefined();
    await h.press(otherHead, `nm:a:2:p:${lan.id}`);
    expect(String(lastAlert()?.text)).toBe("Người này không còn thuộc đơn vị của Anh/Chị.");
    await h.press(otherHead, `ds:u:${hctp}`);
    expect(String(lastAlert()?.text)).toContain(OFFICE_ONLY);
    expect(everythingTo(otherHead.id)).not.toContain("Nguyễn Thị Lan");
    expect((await listNominations(h.db, YEAR, { unitId: kt })).length).toBe(1);
  });
});

describe("Office buttons pressed by others", () => {
  it("nt:… moves nothing unless the Office presses it", async () => {
    const before = await nominationHistory(h.db, ids.lan);
    for (const person of [guest, lan, minh, head, otherHead]) {
      for (const to of ["under_review", "returned", "rejected"]) {
        await h.press(person, `nt:${ids.lan}:${to}`);
        expect(String(lastAlert()?.text), `${person.first_name} ${to}`).toContain(OFFICE_ONLY);
      }
    }
    expect((await findNomination(h.db, ids.lan))?.status).toBe("submitted");
    expect(await nominationHistory(h.db, ids.lan)).toEqual(before);
    for (const person of [guest, lan, minh, head, otherHead]) {
      expect(h.telegram.textsTo(person.id)).toEqual([]);
    }

    await h.press(admin, `nt:${ids.lan}:under_review`);
    expect((await findNomination(h.db, ids.lan))?.status).toBe("under_review");
  });

  it("ds:ret:… is the Office's only; the dossier stays submitted", async () => {
    for (const person of [guest, lan, head, otherHead]) {
      await h.press(person, `ds:ret:${hctp}`);
      expect(String(lastAlert()?.text)).toContain(OFFICE_ONLY);
      // No question was asked: what the person types next is not taken as a reason.
      await h.send(person, "Trả lại vì thiếu chữ ký");
    }
    const dossier = await h.db
      .selectFrom("dossiers")
      .selectAll()
      .where("unit_id", "=", hctp)
      .executeTakeFirst();
    expect(dossier?.status).toBe("submitted");
    expect(h.telegram.textsTo(head.id).some((t) => t.includes("trả lại hồ sơ"))).toBe(false);

    await h.press(admin, `ds:ret:${hctp}`);
    expect(h.telegram.lastTextTo(admin.id)).toContain("Trả lại hồ sơ của <b>Phòng Hành chính tư pháp</b>");
    // A command instead of the reason: the return is given up, and the Office is told so before the answer.
    const before = h.telegram.textsTo(admin.id).length;
    await h.send(admin, "/status");
    const after = h.telegram.textsTo(admin.id).slice(before);
    expect(after[0]).toBe("Đã hủy việc trả lại hồ sơ; không có gì thay đổi.");
    expect(after.slice(1).join("\n")).toContain("Tình hình hồ sơ");
    const kept = await h.db
      .selectFrom("dossiers")
      .select("status")
      .where("unit_id", "=", hctp)
      .executeTakeFirst();
    expect(kept?.status).toBe("submitted");
  });

  it("ds:get:… gives a file to the Office and to the head of its unit only", async () => {
    for (const person of [guest, lan, minh, otherHead]) {
      await h.press(person, `ds:get:${ids.lanReport}`);
      expect(String(lastAlert()?.text), person.first_name).toBe(NOT_YOURS);
    }
    // A file that does not exist is refused the same way: nobody learns which ids exist.
    await h.press(otherHead, "ds:get:999999");
    expect(String(lastAlert()?.text)).toBe(NOT_YOURS);
    await h.press(head, `ds:get:${ids.hoaReport}`);
    expect(String(lastAlert()?.text)).toBe(NOT_YOURS);
    expect(h.telegram.callsOf("sendDocument")).toEqual([]);

    await h.press(head, `ds:get:${ids.lanReport}`);
    await h.press(admin, `ds:get:${ids.hoaReport}`);
    expect(h.telegram.callsOf("sendDocument").map((c) => [c.payload.chat_id, c.payload.document])).toEqual([
      [head.id, `file-${hctp}-bao-cao-thanh-tich-p:${lan.id}`],
      [admin.id, `file-${kt}-bao-cao-thanh-tich-p:${hoa.id}`],
    ]);
  });

  it("no:… opens a nomination only for those who may see it; others learn nothing", async () => {
    const refused: Array<[TestUser, number]> = [
      [guest, ids.lan],
      [minh, ids.lan], // a colleague's
      [hoa, ids.lan], // another unit's employee
      [otherHead, ids.lan], // another unit's head
      [head, ids.hoa],
      [lan, 999_999], // an id that does not exist looks the same
    ];
    for (const [person, id] of refused) {
      await h.press(person, `no:${id}`);
      expect(h.telegram.lastTextTo(person.id), `${person.first_name} ${id}`).toBe(NOT_VISIBLE);
      expect(h.telegram.lastKeyboardTo(person.id)).toEqual([]);
    }
    expect(everythingTo(minh.id)).not.toContain("Nguyễn Thị Lan");
    expect(everythingTo(otherHead.id)).not.toContain("Nguyễn Thị Lan");
    expect(everythingTo(head.id)).not.toContain("Phạm Thị Hoa");

    // The nominee sees her own, the head the unit's: without the Office's buttons.
    await h.press(lan, `no:${ids.lan}`);
    expect(h.telegram.lastTextTo(lan.id)).toContain(`Đề nghị #${ids.lan}</b>: Nguyễn Thị Lan`);
    expect(h.telegram.lastKeyboardTo(lan.id)).toEqual([
      { text: "📄 Bản nháp", callback_data: `dr:bctt:${ids.lan}` },
    ]);
    await h.press(head, `no:${ids.minh}`);
    expect(h.telegram.lastTextTo(head.id)).toContain("Lê Văn Minh");
    expect(h.telegram.lastKeyboardTo(head.id)).toEqual([
      { text: "📄 Bản nháp", callback_data: `dr:bctt:${ids.minh}` },
    ]);
    await h.press(admin, `no:${ids.minh}`);
    expect(h.telegram.lastKeyboardTo(admin.id).map((b) => b.callback_data)).toContain(
      `nt:${ids.minh}:under_review`,
    );
  });
});

describe("a role changes while a button is on screen", () => {
  it("an Office member moved to employee by a new invite link is refused on the Office's old buttons", async () => {
    const vp = user(1002, "Văn phòng");
    await registerThroughBot(h, admin, vp, {
      unitCode: "VP",
      unitName: "Văn phòng Sở",
      role: "office",
      fullName: "Đỗ Thị Vân",
    });
    await h.press(vp, `no:${ids.lan}`);
    expect(h.telegram.lastKeyboardTo(vp.id).map((b) => b.callback_data)).toContain(`nt:${ids.lan}:returned`);
    // Asked for a reason while still Office (opening the new link drops that question)...
    await h.press(vp, `nt:${ids.minh}:returned`);
    expect(h.telegram.lastTextTo(vp.id)).toContain("Trả lại đề nghị <b>Lê Văn Minh</b>");

    // ...then moved to employee by a new invite link.
    const token = await createInviteToken(h, admin, "VP");
    await h.send(vp, `/start ${token}`);
    await h.press(vp, `inv:accept:${token}`);
    expect(h.telegram.lastTextTo(vp.id)).toContain("Đã chuyển");
    h.telegram.clear();

    await h.send(vp, "Thiếu số liệu trong báo cáo thành tích");
    await h.press(vp, `nt:${ids.lan}:under_review`);
    expect(String(lastAlert()?.text)).toContain(OFFICE_ONLY);
    await h.press(vp, "pg:st:0");
    expect(String(lastAlert()?.text)).toContain(OFFICE_ONLY);
    await h.press(vp, `ds:get:${ids.lanReport}`);
    expect(String(lastAlert()?.text)).toBe(NOT_YOURS);
    await h.press(vp, `ds:ret:${hctp}`);
    expect(String(lastAlert()?.text)).toContain(OFFICE_ONLY);
    await h.press(vp, `no:${ids.lan}`);
    expect(h.telegram.lastTextTo(vp.id)).toBe(NOT_VISIBLE);

    expect((await findNomination(h.db, ids.lan))?.status).toBe("submitted");
    expect((await findNomination(h.db, ids.minh))?.status).toBe("submitted");
    expect(h.telegram.textsTo(head.id)).toEqual([]);
    expect(h.telegram.callsOf("sendDocument")).toEqual([]);
  });

  it("a head moved to employee can no longer nominate, upload, submit or fetch files", async () => {
    // The KT head has a dossier open with an upload question waiting.
    await h.send(otherHead, "/dossier");
    await h.press(otherHead, "ds:up:0:-");
    expect(h.telegram.lastTextTo(otherHead.id)).toContain("Vui lòng gửi tệp <b>Tờ trình</b> của đơn vị");

    const token = await createInviteToken(h, admin, "KT");
    await h.send(otherHead, `/start ${token}`);
    await h.press(otherHead, `inv:accept:${token}`);
    h.telegram.clear();

    // Opening the link and pressing its button dropped the waiting question: the file is not taken.
    await h.feed(
      documentUpdate(otherHead, { file_name: "to-trinh.pdf", mime_type: "application/pdf", file_size: 1000 }),
    );
    expect(h.telegram.lastTextTo(otherHead.id)).not.toContain("Đã nhận tệp");
    // A slot button from the old screen is refused.
    await h.press(otherHead, "ds:up:0:-");
    expect(String(lastAlert()?.text)).toContain(ONLY_HEAD);
    const files = await h.db
      .selectFrom("dossier_file_versions")
      .select("document_id")
      .where("unit_id", "=", kt)
      .execute();
    expect(files.map((f) => f.document_id)).toEqual(["bao-cao-thanh-tich"]);

    await h.press(otherHead, `nm:a:2:p:${otherHead.id}`);
    expect(String(lastAlert()?.text)).toContain(ONLY_HEAD);
    await h.press(otherHead, `nm:x:${ids.hoa}`);
    expect(String(lastAlert()?.text)).toContain(ONLY_HEAD);
    await h.press(otherHead, "ds:sub!");
    expect(String(lastAlert()?.text)).toContain(ONLY_HEAD);
    await h.press(otherHead, `ds:get:${ids.hoaReport}`);
    expect(String(lastAlert()?.text)).toBe(NOT_YOURS);
    await h.press(otherHead, `no:${ids.hoa}`);
    expect(h.telegram.lastTextTo(otherHead.id)).toBe(NOT_VISIBLE);
    await h.send(otherHead, "/status");
    expect(h.telegram.lastTextTo(otherHead.id)).toContain(
      "Lệnh /status dành cho trưởng đơn vị và Văn phòng Sở",
    );

    expect(await findNomination(h.db, ids.hoa)).toBeDefined();
    expect((await listNominations(h.db, YEAR, { unitId: kt })).length).toBe(1);
    const dossier = await h.db
      .selectFrom("dossiers")
      .selectAll()
      .where("unit_id", "=", kt)
      .executeTakeFirst();
    expect(dossier?.status).toBe("open");
    expect(h.telegram.callsOf("sendDocument")).toEqual([]);
  });

  it("a role taken away while a question waits (changed in the database): the answer is refused", async () => {
    const vp = user(1002, "Văn phòng");
    await registerThroughBot(h, admin, vp, {
      unitCode: "VP",
      unitName: "Văn phòng Sở",
      role: "office",
      fullName: "Đỗ Thị Vân",
    });
    await h.press(vp, `nt:${ids.minh}:rejected`);
    await h.send(otherHead, "/dossier");
    await h.press(otherHead, "ds:up:0:-");
    // Nothing the person does in the chat: the roles change underneath.
    await h.db
      .updateTable("users")
      .set({ role: "employee" })
      .where("telegram_id", "in", [vp.id, otherHead.id])
      .execute();
    h.telegram.clear();

    await h.send(vp, "Chưa đủ thời gian công tác");
    expect(h.telegram.lastTextTo(vp.id)).toContain(OFFICE_ONLY);
    expect((await findNomination(h.db, ids.minh))?.status).toBe("submitted");
    expect(h.telegram.textsTo(head.id)).toEqual([]);

    await h.feed(
      documentUpdate(otherHead, { file_name: "to-trinh.pdf", mime_type: "application/pdf", file_size: 1000 }),
    );
    expect(h.telegram.lastTextTo(otherHead.id)).toContain(ONLY_HEAD);
    const files = await h.db
      .selectFrom("dossier_file_versions")
      .select("document_id")
      .where("unit_id", "=", kt)
      .execute();
    expect(files.map((f) => f.document_id)).toEqual(["bao-cao-thanh-tich"]);
  });
});
