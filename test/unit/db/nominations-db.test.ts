import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ensureAssessment, submitAssessment } from "../../../db/assessments.js";
import { type DB, migrateToLatest, openDatabase } from "../../../db/connection.js";
import {
  addDocumentVersion,
  currentVersions,
  documentVersions,
  findDossier,
  listDossierFiles,
  returnDossier,
  submitDossier,
  type UploadedDocument,
} from "../../../db/dossiers.js";
import {
  addNomination,
  countAgainstQuota,
  deleteDraft,
  findNomination,
  moveNomination,
  moveOfUpdate,
  type NewNomination,
  nominationHistory,
} from "../../../db/nominations.js";
import { loadRoundFacts } from "../../../db/round-status.js";
import { closeRound, openRound } from "../../../db/rounds.js";
import type { NominationStatusColumn, Role } from "../../../db/schema.js";
import { addUnit, setUnitArchived } from "../../../db/units.js";
import { insertUser as insertUserRow } from "../../helpers/scenarios.js";

const YEAR = 2025;
const LAST_YEAR = 2024;
const NOW = new Date("2025-12-01T02:00:00.000Z");
const LATER = new Date("2025-12-02T03:30:00.000Z");
const GIAY_KHEN = "giay-khen-giam-doc-so";
const CHU_TICH = "bang-khen-chu-tich-tinh";

const OFFICE = 900;
const HEAD_A = 100;
const AN = 101;
const BINH = 102;
const CUONG = 103;
const HEAD_B = 200;
const DUNG = 201;

let db: DB;
let unitA: number;
let unitB: number;

async function insertUser(telegramId: number, fullName: string, unitId: number, role: Role): Promise<void> {
  await insertUserRow(db, { telegramId, fullName, unitId, role, at: NOW.toISOString() });
}

async function newUnit(code: string, name: string): Promise<number> {
  const unit = await addUnit(db, { code, name }, NOW);
  if (!unit) throw new Error(`unit ${code} not added`);
  return unit.id;
}

beforeEach(async () => {
  db = openDatabase(":memory:");
  await migrateToLatest(db);
  // Last year's round, closed (one round is open at a time), and this year's, open.
  for (const year of [LAST_YEAR, YEAR]) {
    if (year === YEAR) await closeRound(db, LAST_YEAR, NOW);
    await openRound(
      db,
      {
        year,
        campaignId: "stp-cchc-2023-2025",
        deadline: new Date(`${year + 1}-01-04T17:00:00.000Z`),
        openedBy: OFFICE,
      },
      NOW,
    );
  }
  unitA = await newUnit("PA", "Phòng Hành chính tư pháp");
  unitB = await newUnit("PB", "Phòng Bổ trợ tư pháp");
  const officeUnit = await newUnit("VP", "Văn phòng Sở");
  await insertUser(OFFICE, "Phạm Văn Phòng", officeUnit, "office");
  await insertUser(HEAD_A, "Hoàng Trưởng A", unitA, "unit_head");
  await insertUser(AN, "Nguyễn Văn An", unitA, "employee");
  await insertUser(BINH, "Trần Thị Bình", unitA, "employee");
  await insertUser(CUONG, "Lê Văn Cường", unitA, "employee");
  await insertUser(HEAD_B, "Hoàng Trưởng B", unitB, "unit_head");
  await insertUser(DUNG, "Vũ Thị Dung", unitB, "employee");
});

afterEach(async () => {
  await db.destroy();
});

const nomination = (change: Partial<NewNomination> = {}): NewNomination => ({
  year: YEAR,
  unitId: unitA,
  formId: GIAY_KHEN,
  nomineeKind: "individual",
  nomineeId: AN,
  nomineeName: "Nguyễn Văn An",
  eligible: true,
  resultSummary: JSON.stringify({ met: 6, total: 6, progress: "submitted" }),
  reason: null,
  by: HEAD_A,
  byRole: "unit_head",
  updateId: 5000,
  ...change,
});

async function add(change: Partial<NewNomination> = {}): Promise<number> {
  const added = await addNomination(db, nomination(change), NOW);
  if (!added) throw new Error("nomination not added");
  return added.id;
}

/** Puts a nomination straight into a status, as the arrangement of a test (no history row). */
async function setStatus(id: number, status: NominationStatusColumn): Promise<void> {
  await db.updateTable("nominations").set({ status }).where("id", "=", id).execute();
}

async function statusOf(id: number): Promise<NominationStatusColumn | undefined> {
  return (await findNomination(db, id))?.status;
}

async function historyRows(id: number) {
  return db
    .selectFrom("nomination_history")
    .selectAll()
    .where("nomination_id", "=", id)
    .orderBy("id")
    .execute();
}

const upload = (change: Partial<UploadedDocument> = {}): UploadedDocument => ({
  year: YEAR,
  unitId: unitA,
  documentId: "bao-cao-thanh-tich",
  documentKey: "n:1",
  fileId: "FILE-1",
  fileUniqueId: "UNIQ-1",
  fileName: "bao-cao-an.pdf",
  mimeType: "application/pdf",
  fileSize: 12_345,
  by: HEAD_A,
  updateId: null,
  ...change,
});

describe("addNomination", () => {
  it("adds a draft with everything given, and its first history entry", async () => {
    const added = await addNomination(
      db,
      nomination({ eligible: false, reason: "Có sáng kiến cấp Sở" }),
      NOW,
    );
    expect(added).toMatchObject({
      round_year: YEAR,
      unit_id: unitA,
      form_id: GIAY_KHEN,
      nominee_kind: "individual",
      nominee_id: AN,
      nominee_name: "Nguyễn Văn An",
      eligible: 0,
      result_summary: JSON.stringify({ met: 6, total: 6, progress: "submitted" }),
      reason: "Có sáng kiến cấp Sở",
      status: "draft",
      created_by: HEAD_A,
      created_at: NOW.toISOString(),
      updated_at: NOW.toISOString(),
    });
    if (!added) throw new Error("not added");
    const history = await historyRows(added.id);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      nomination_id: added.id,
      from_status: null,
      to_status: "draft",
      by: HEAD_A,
      by_role: "unit_head",
      reason: "Có sáng kiến cấp Sở",
      at: NOW.toISOString(),
      update_id: 5000,
    });
  });

  it("refuses the same nominee for the same form and round a second time, by any unit, and writes no history", async () => {
    const first = await add();
    expect(await addNomination(db, nomination({ updateId: 5001 }), LATER)).toBeUndefined();
    expect(await addNomination(db, nomination({ unitId: unitB, by: HEAD_B }), LATER)).toBeUndefined();
    expect(await db.selectFrom("nominations").select("id").execute()).toEqual([{ id: first }]);
    expect(await db.selectFrom("nomination_history").select("nomination_id").execute()).toEqual([
      { nomination_id: first },
    ]);
  });

  it("allows the same nominee for another form, in another round, and a unit whose id equals a person's", async () => {
    const first = await add();
    const otherForm = await addNomination(db, nomination({ formId: CHU_TICH }), NOW);
    const lastYear = await addNomination(db, nomination({ year: LAST_YEAR }), NOW);
    const collective = await addNomination(
      db,
      nomination({ nomineeKind: "collective", nomineeId: AN, nomineeName: "Một đơn vị" }),
      NOW,
    );
    for (const added of [otherForm, lastYear, collective]) {
      expect(added).toBeDefined();
      expect(added?.id).not.toBe(first);
    }
    expect(await db.selectFrom("nomination_history").select("id").execute()).toHaveLength(4);
  });
});

describe("moveNomination", () => {
  it("moves from the status the mover saw and records who, from, to, why and the update", async () => {
    const id = await add();
    await setStatus(id, "submitted");
    const moved = await moveNomination(
      db,
      {
        id,
        from: "submitted",
        to: "returned",
        by: OFFICE,
        byRole: "office",
        reason: "Thiếu minh chứng",
        updateId: 7001,
      },
      LATER,
    );
    expect(moved).toEqual(expect.any(Number));
    const row = await findNomination(db, id);
    expect(row?.status).toBe("returned");
    expect(row?.updated_at).toBe(LATER.toISOString());
    const history = await nominationHistory(db, id);
    expect(history).toHaveLength(2);
    expect(history[1]).toMatchObject({
      from_status: "submitted",
      to_status: "returned",
      by: OFFICE,
      by_role: "office",
      reason: "Thiếu minh chứng",
      at: LATER.toISOString(),
      update_id: 7001,
      by_name: "Phạm Văn Phòng",
    });
  });

  it("lets only the first of two movers from the same status win, and records only that move", async () => {
    const id = await add();
    await setStatus(id, "under_review");
    const recommend = {
      id,
      from: "under_review" as const,
      to: "recommended" as const,
      by: OFFICE,
      byRole: "office" as const,
      reason: null,
      updateId: 7002,
    };
    expect(await moveNomination(db, recommend, LATER)).toBeDefined();
    expect(
      await moveNomination(db, { ...recommend, to: "rejected", reason: "Không đạt", updateId: 7003 }, LATER),
    ).toBeUndefined();
    expect(await statusOf(id)).toBe("recommended");
    expect((await historyRows(id)).map((h) => [h.from_status, h.to_status, h.update_id])).toEqual([
      [null, "draft", 5000],
      ["under_review", "recommended", 7002],
    ]);
  });

  it("does not move a nomination that is not in the expected status", async () => {
    const id = await add();
    const moved = await moveNomination(
      db,
      { id, from: "submitted", to: "under_review", by: OFFICE, byRole: "office", reason: null, updateId: 1 },
      LATER,
    );
    expect(moved).toBeUndefined();
    expect(await statusOf(id)).toBe("draft");
    expect(await historyRows(id)).toHaveLength(1);
  });
});

describe("moveOfUpdate", () => {
  it("finds the last move made while handling an update, for that nomination only", async () => {
    const id = await add({ updateId: 5000 });
    const other = await add({ nomineeId: BINH, nomineeName: "Trần Thị Bình", updateId: 5001 });
    await setStatus(id, "submitted");
    const move = { id, by: OFFICE, byRole: "office" as const, reason: null, updateId: 8000 };
    await moveNomination(db, { ...move, from: "submitted", to: "under_review" }, NOW);
    await moveNomination(db, { ...move, from: "under_review", to: "recommended" }, LATER);

    expect(await moveOfUpdate(db, id, 8000)).toMatchObject({
      nomination_id: id,
      from_status: "under_review",
      to_status: "recommended",
      update_id: 8000,
      at: LATER.toISOString(),
    });
    expect(await moveOfUpdate(db, id, 5000)).toMatchObject({ from_status: null, to_status: "draft" });
    expect(await moveOfUpdate(db, id, 9999)).toBeUndefined();
    expect(await moveOfUpdate(db, other, 8000)).toBeUndefined();
    expect(await moveOfUpdate(db, other, 5001)).toMatchObject({ nomination_id: other, to_status: "draft" });
  });
});

describe("countAgainstQuota", () => {
  it("counts the nominations at the given statuses, of the form, kind and round only", async () => {
    const statuses: NominationStatusColumn[] = [
      "draft",
      "submitted",
      "under_review",
      "recommended",
      "council_passed",
      "awarded",
      "returned",
      "rejected",
      "withdrawn",
      "not_passed",
      "council_passed",
    ];
    for (const [index, status] of statuses.entries()) {
      const id = await add({ nomineeId: 10_000 + index, nomineeName: `Người ${index}` });
      await setStatus(id, status);
    }
    await setStatus(await add({ formId: CHU_TICH }), "province_proposed");
    await setStatus(await add({ year: LAST_YEAR }), "awarded");
    await setStatus(
      await add({ nomineeKind: "collective", nomineeId: unitA, nomineeName: "Phòng Hành chính tư pháp" }),
      "council_passed",
    );
    const counted = ["council_passed", "province_proposed", "awarded"];

    expect(await countAgainstQuota(db, YEAR, GIAY_KHEN, "individual", counted)).toBe(3);
    expect(await countAgainstQuota(db, YEAR, GIAY_KHEN, "individual", ["recommended"])).toBe(1);
    expect(await countAgainstQuota(db, YEAR, GIAY_KHEN, "individual", [])).toBe(0);
    expect(await countAgainstQuota(db, YEAR, GIAY_KHEN, "collective", counted)).toBe(1);
    expect(await countAgainstQuota(db, YEAR, CHU_TICH, "individual", counted)).toBe(1);
    expect(await countAgainstQuota(db, YEAR, CHU_TICH, "collective", counted)).toBe(0);
    expect(await countAgainstQuota(db, LAST_YEAR, GIAY_KHEN, "individual", counted)).toBe(1);
  });
});

describe("deleteDraft", () => {
  it("deletes a draft of the given unit together with its history", async () => {
    const id = await add();
    expect(await deleteDraft(db, id, unitA)).toBe(true);
    expect(await findNomination(db, id)).toBeUndefined();
    expect(await historyRows(id)).toEqual([]);
  });

  it("does not delete another unit's draft, or a nomination that was sent", async () => {
    const draft = await add();
    const sent = await add({ nomineeId: BINH, nomineeName: "Trần Thị Bình" });
    await setStatus(sent, "submitted");
    expect(await deleteDraft(db, draft, unitB)).toBe(false);
    expect(await deleteDraft(db, sent, unitA)).toBe(false);
    expect(await statusOf(draft)).toBe("draft");
    expect(await statusOf(sent)).toBe("submitted");
    expect(await historyRows(draft)).toHaveLength(1);
  });

  it("says false for a nomination that does not exist", async () => {
    expect(await deleteDraft(db, 424242, unitA)).toBe(false);
  });
});

describe("submitDossier", () => {
  const head = { id: HEAD_A, role: "unit_head" as const, updateId: 6000 };

  it("sends draft and returned nominations to the Office and leaves the others where they are", async () => {
    const draft = await add();
    const returned = await add({ nomineeId: BINH, nomineeName: "Trần Thị Bình" });
    await setStatus(returned, "returned");
    const others: Record<string, number> = {};
    for (const status of ["under_review", "recommended", "rejected", "withdrawn"] as const) {
      others[status] = await add({ formId: CHU_TICH, nomineeId: 20_000 + Object.keys(others).length });
      await setStatus(others[status] as number, status);
    }
    const otherUnit = await add({ unitId: unitB, nomineeId: DUNG, nomineeName: "Vũ Thị Dung", by: HEAD_B });
    const lastYear = await add({ year: LAST_YEAR });

    expect(await submitDossier(db, YEAR, unitA, head, false, LATER)).toBeDefined();

    expect(await statusOf(draft)).toBe("submitted");
    expect(await statusOf(returned)).toBe("submitted");
    for (const [status, id] of Object.entries(others)) expect(await statusOf(id)).toBe(status);
    expect(await statusOf(otherUnit)).toBe("draft");
    expect(await statusOf(lastYear)).toBe("draft");
    expect((await historyRows(returned)).at(-1)).toMatchObject({
      from_status: "returned",
      to_status: "submitted",
      by: HEAD_A,
      by_role: "unit_head",
      reason: null,
      update_id: 6000,
      at: LATER.toISOString(),
    });
    expect(await findDossier(db, YEAR, unitA)).toMatchObject({
      status: "submitted",
      submitted_at: LATER.toISOString(),
      submitted_by: HEAD_A,
      late: 0,
    });
  });

  it("records a late submission", async () => {
    await add();
    expect(await submitDossier(db, YEAR, unitA, head, true, LATER)).toBeDefined();
    expect((await findDossier(db, YEAR, unitA))?.late).toBe(1);
  });

  it("returns false and changes nothing when the dossier is already submitted", async () => {
    await add();
    expect(await submitDossier(db, YEAR, unitA, head, false, NOW)).toBeDefined();
    const lateDraft = await add({ nomineeId: CUONG, nomineeName: "Lê Văn Cường" });
    expect(await submitDossier(db, YEAR, unitA, { ...head, updateId: 6001 }, true, LATER)).toBeUndefined();
    expect(await statusOf(lateDraft)).toBe("draft");
    expect(await findDossier(db, YEAR, unitA)).toMatchObject({
      status: "submitted",
      submitted_at: NOW.toISOString(),
      late: 0,
    });
  });

  it("submits a dossier again once it was returned, keeping the lateness of its first sending", async () => {
    const id = await add();
    await submitDossier(db, YEAR, unitA, head, false, NOW);
    const office = { id: OFFICE, role: "office" as const, updateId: 6100 };
    expect(await returnDossier(db, YEAR, unitA, office, "Thiếu tờ trình", NOW)).toBeDefined();
    // Sent again after the deadline, but as a correction the Office asked for: not late.
    expect(await submitDossier(db, YEAR, unitA, { ...head, updateId: 6200 }, true, LATER)).toBeDefined();
    expect(await statusOf(id)).toBe("submitted");
    expect(await findDossier(db, YEAR, unitA)).toMatchObject({ status: "submitted", late: 0 });
  });

  it("keeps a late first sending late when it is corrected and sent again", async () => {
    await add();
    await submitDossier(db, YEAR, unitA, head, true, LATER);
    const office = { id: OFFICE, role: "office" as const, updateId: 6100 };
    await returnDossier(db, YEAR, unitA, office, "Thiếu tờ trình", LATER);
    await submitDossier(db, YEAR, unitA, { ...head, updateId: 6200 }, true, LATER);
    expect(await findDossier(db, YEAR, unitA)).toMatchObject({ status: "submitted", late: 1 });
  });
});

describe("returnDossier", () => {
  const head = { id: HEAD_A, role: "unit_head" as const, updateId: 6000 };
  const office = { id: OFFICE, role: "office" as const, updateId: 6500 };

  it("returns submitted and under-review nominations with the reason, and leaves recommended ones", async () => {
    const submitted = await add();
    const underReview = await add({ nomineeId: BINH, nomineeName: "Trần Thị Bình" });
    const recommended = await add({ nomineeId: CUONG, nomineeName: "Lê Văn Cường" });
    expect(await submitDossier(db, YEAR, unitA, head, false, NOW)).toBeDefined();
    await setStatus(underReview, "under_review");
    await setStatus(recommended, "recommended");

    expect(await returnDossier(db, YEAR, unitA, office, "Báo cáo thành tích chưa ký", LATER)).toBeDefined();

    expect(await statusOf(submitted)).toBe("returned");
    expect(await statusOf(underReview)).toBe("returned");
    expect(await statusOf(recommended)).toBe("recommended");
    expect((await historyRows(underReview)).at(-1)).toMatchObject({
      from_status: "under_review",
      to_status: "returned",
      by: OFFICE,
      by_role: "office",
      reason: "Báo cáo thành tích chưa ký",
      update_id: 6500,
    });
    expect(await findDossier(db, YEAR, unitA)).toMatchObject({
      status: "returned",
      returned_at: LATER.toISOString(),
      returned_by: OFFICE,
      return_reason: "Báo cáo thành tích chưa ký",
    });
  });

  it("refuses a dossier that is not submitted: none yet, open, or already returned", async () => {
    const id = await add();
    expect(await returnDossier(db, YEAR, unitA, office, "Thiếu hồ sơ", LATER)).toBeUndefined();
    expect(await findDossier(db, YEAR, unitA)).toBeUndefined();

    await addDocumentVersion(db, upload(), NOW);
    expect(await returnDossier(db, YEAR, unitA, office, "Thiếu hồ sơ", LATER)).toBeUndefined();
    expect((await findDossier(db, YEAR, unitA))?.status).toBe("open");

    await submitDossier(db, YEAR, unitA, head, false, NOW);
    expect(await returnDossier(db, YEAR, unitA, office, "Lần một", LATER)).toBeDefined();
    expect(await returnDossier(db, YEAR, unitA, office, "Lần hai", LATER)).toBeUndefined();
    expect((await findDossier(db, YEAR, unitA))?.return_reason).toBe("Lần một");
    expect((await historyRows(id)).filter((h) => h.to_status === "returned")).toHaveLength(1);
  });
});

describe("addDocumentVersion", () => {
  it("creates the dossier, open, with the first file as version 1, named with the uploader", async () => {
    expect(await findDossier(db, YEAR, unitA)).toBeUndefined();
    await addDocumentVersion(db, upload(), NOW);
    expect(await findDossier(db, YEAR, unitA)).toMatchObject({
      status: "open",
      late: 0,
      updated_at: NOW.toISOString(),
    });
    expect(await listDossierFiles(db, YEAR, unitA)).toMatchObject([
      {
        document_id: "bao-cao-thanh-tich",
        document_key: "n:1",
        version: 1,
        file_id: "FILE-1",
        file_unique_id: "UNIQ-1",
        file_name: "bao-cao-an.pdf",
        mime_type: "application/pdf",
        file_size: 12_345,
        uploaded_by: HEAD_A,
        uploaded_by_name: "Hoàng Trưởng A",
        uploaded_at: NOW.toISOString(),
      },
    ]);
  });

  it("never overwrites: a second upload of the same document is version 2, and both stay", async () => {
    await addDocumentVersion(db, upload(), NOW);
    await addDocumentVersion(db, upload({ documentId: "to-trinh", documentKey: "", fileId: "TT-1" }), NOW);
    await addDocumentVersion(db, upload({ documentKey: "n:2", fileId: "BINH-1" }), NOW);
    await addDocumentVersion(
      db,
      upload({
        fileId: "FILE-2",
        fileUniqueId: "UNIQ-2",
        fileName: null,
        mimeType: "image/jpeg",
        fileSize: null,
        by: OFFICE,
      }),
      LATER,
    );
    const files = await listDossierFiles(db, YEAR, unitA);
    expect(files.map((f) => [f.document_id, f.document_key, f.version, f.file_id])).toEqual([
      ["bao-cao-thanh-tich", "n:1", 1, "FILE-1"],
      ["to-trinh", "", 1, "TT-1"],
      ["bao-cao-thanh-tich", "n:2", 1, "BINH-1"],
      ["bao-cao-thanh-tich", "n:1", 2, "FILE-2"],
    ]);
    expect(currentVersions(files).map((f) => f.file_id)).toEqual(["TT-1", "BINH-1", "FILE-2"]);
    const versions = await documentVersions(db, {
      year: YEAR,
      unitId: unitA,
      documentId: "bao-cao-thanh-tich",
      documentKey: "n:1",
    });
    expect(versions.map((v) => [v.version, v.file_id, v.uploaded_by])).toEqual([
      [2, "FILE-2", OFFICE],
      [1, "FILE-1", HEAD_A],
    ]);
  });

  it("adds nothing when the same update is handled again", async () => {
    const first = await addDocumentVersion(db, upload({ updateId: 900 }), NOW);
    const again = await addDocumentVersion(db, upload({ updateId: 900, fileId: "FILE-X" }), LATER);
    expect(again).toEqual(first);
    expect(await listDossierFiles(db, YEAR, unitA)).toHaveLength(1);
  });

  it("keeps files of different units and rounds apart, each with its own dossier", async () => {
    await addDocumentVersion(db, upload(), NOW);
    await addDocumentVersion(db, upload({ unitId: unitB, fileId: "B-1" }), NOW);
    await addDocumentVersion(db, upload({ year: LAST_YEAR, fileId: "OLD-1" }), NOW);
    expect((await listDossierFiles(db, YEAR, unitA)).map((f) => f.file_id)).toEqual(["FILE-1"]);
    expect((await listDossierFiles(db, YEAR, unitB)).map((f) => f.file_id)).toEqual(["B-1"]);
    expect((await listDossierFiles(db, LAST_YEAR, unitA)).map((f) => f.file_id)).toEqual(["OLD-1"]);
    expect(await findDossier(db, YEAR, unitB)).toBeDefined();
    expect(await findDossier(db, LAST_YEAR, unitA)).toBeDefined();
  });

  it("does not reopen a submitted dossier", async () => {
    await add();
    await submitDossier(db, YEAR, unitA, { id: HEAD_A, role: "unit_head", updateId: 1 }, false, NOW);
    await addDocumentVersion(db, upload(), LATER);
    expect((await findDossier(db, YEAR, unitA))?.status).toBe("submitted");
  });
});

describe("loadRoundFacts", () => {
  async function assessment(
    subject: "individual" | "unit",
    subjectId: number,
    unitId: number,
    submitted: boolean,
    year = YEAR,
  ) {
    const row = await ensureAssessment(db, { year, subject, subjectId, unitId }, NOW);
    if (submitted) await submitAssessment(db, row.id, NOW, 1);
  }

  it("gives each active unit its people's progress, its nominations with keys, its files and its dossier", async () => {
    const unitC = await newUnit("PC", "Phòng đã giải thể");
    await setUnitArchived(db, unitC, NOW);
    await assessment("individual", AN, unitA, true);
    await assessment("individual", BINH, unitA, false);
    await assessment("individual", CUONG, unitA, true, LAST_YEAR);
    await assessment("unit", unitA, unitA, true);
    await assessment("individual", DUNG, unitB, true);
    await assessment("unit", unitB, unitB, false, YEAR);

    const anNomination = await add({ nomineeId: AN, nomineeName: "Nguyễn Văn An" });
    const collective = await add({
      nomineeKind: "collective",
      nomineeId: unitA,
      nomineeName: "Phòng Hành chính tư pháp",
    });
    await setStatus(collective, "rejected");
    await add({ year: LAST_YEAR, nomineeId: BINH, nomineeName: "Trần Thị Bình" });
    await add({ unitId: unitB, nomineeId: DUNG, nomineeName: "Vũ Thị Dung", formId: CHU_TICH });

    await addDocumentVersion(db, upload({ documentId: "to-trinh", documentKey: "" }), NOW);
    await addDocumentVersion(db, upload({ documentKey: `n:${anNomination}` }), NOW);
    await addDocumentVersion(db, upload({ documentKey: `n:${anNomination}`, fileId: "FILE-2" }), NOW);
    await addDocumentVersion(db, upload({ year: LAST_YEAR, documentKey: "n:99" }), NOW);
    await submitDossier(db, YEAR, unitA, { id: HEAD_A, role: "unit_head", updateId: 2 }, true, LATER);

    const facts = await loadRoundFacts(db, YEAR);
    expect(facts.map((f) => f.unit)).toEqual([
      { id: unitA, code: "PA", name: "Phòng Hành chính tư pháp" },
      { id: unitB, code: "PB", name: "Phòng Bổ trợ tư pháp" },
      { id: expect.any(Number), code: "VP", name: "Văn phòng Sở" },
    ]);
    expect(facts[0]?.facts).toEqual({
      people: [
        { telegramId: HEAD_A, fullName: "Hoàng Trưởng A", assessment: "not_started" },
        { telegramId: CUONG, fullName: "Lê Văn Cường", assessment: "not_started" },
        { telegramId: AN, fullName: "Nguyễn Văn An", assessment: "submitted" },
        { telegramId: BINH, fullName: "Trần Thị Bình", assessment: "in_progress" },
      ],
      unitAssessment: "submitted",
      nominations: [
        {
          formId: GIAY_KHEN,
          nomineeKind: "individual",
          reportKey: `n:${anNomination}`,
          nomineeName: "Nguyễn Văn An",
          status: "submitted",
        },
        {
          formId: GIAY_KHEN,
          nomineeKind: "collective",
          reportKey: `n:${collective}`,
          nomineeName: "Phòng Hành chính tư pháp",
          status: "rejected",
        },
      ],
      uploaded: expect.arrayContaining([
        { documentId: "to-trinh", documentKey: null },
        { documentId: "bao-cao-thanh-tich", documentKey: `n:${anNomination}` },
      ]),
      dossier: { status: "submitted", late: true, returnReason: null },
    });
    expect(facts[0]?.facts.uploaded).toHaveLength(2);
    expect(facts[1]?.facts).toEqual({
      people: [
        { telegramId: HEAD_B, fullName: "Hoàng Trưởng B", assessment: "not_started" },
        { telegramId: DUNG, fullName: "Vũ Thị Dung", assessment: "submitted" },
      ],
      unitAssessment: "in_progress",
      nominations: [
        {
          formId: CHU_TICH,
          nomineeKind: "individual",
          reportKey: expect.stringMatching(/^n:\d+$/),
          nomineeName: "Vũ Thị Dung",
          status: "draft",
        },
      ],
      uploaded: [],
      dossier: null,
    });
    expect(facts[2]?.facts).toEqual({
      people: [{ telegramId: OFFICE, fullName: "Phạm Văn Phòng", assessment: "not_started" }],
      unitAssessment: "not_started",
      nominations: [],
      uploaded: [],
      dossier: null,
    });
  });

  it("carries a returned dossier's reason and an on-time flag", async () => {
    await add();
    await submitDossier(db, YEAR, unitA, { id: HEAD_A, role: "unit_head", updateId: 3 }, false, NOW);
    await returnDossier(
      db,
      YEAR,
      unitA,
      { id: OFFICE, role: "office", updateId: 4 },
      "Thiếu tờ trình",
      LATER,
    );
    const [only] = await loadRoundFacts(db, YEAR, unitA);
    expect(only?.facts.dossier).toEqual({ status: "returned", late: false, returnReason: "Thiếu tờ trình" });
    expect(only?.facts.nominations.map((n) => n.status)).toEqual(["returned"]);
  });

  it("loads one unit when asked, and nothing for an archived unit", async () => {
    const only = await loadRoundFacts(db, YEAR, unitB);
    expect(only.map((f) => f.unit.code)).toEqual(["PB"]);
    await setUnitArchived(db, unitB, NOW);
    expect(await loadRoundFacts(db, YEAR, unitB)).toEqual([]);
  });
});
