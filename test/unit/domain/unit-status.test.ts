import { describe, expect, it } from "vitest";
import { loadCampaign } from "../../../src/campaign/load.js";
import {
  type FormCount,
  pendingItems,
  type UnitRoundFacts,
  type UnitStatus,
  unitStatus,
} from "../../../src/domain/unit-status.js";

const campaign = loadCampaign();
const forms = { awardForms: campaign.awardForms, documents: campaign.dossier.documents };

const THU_TUONG = "bang-khen-thu-tuong";
const CHU_TICH = "bang-khen-chu-tich-tinh";
const GIAY_KHEN = "giay-khen-giam-doc-so";
const TO_TRINH = "to-trinh";
const BAO_CAO = "bao-cao-thanh-tich";

const AN = { telegramId: 11, fullName: "Nguyễn Văn An" };
const BINH = { telegramId: 12, fullName: "Trần Thị Bình" };
const CUONG = { telegramId: 13, fullName: "Lê Văn Cường" };
const UNIT_NAME = "Phòng Hành chính tư pháp";

type Nomination = UnitRoundFacts["nominations"][number];

const person = (
  nominee: { telegramId: number; fullName: string },
  formId: string,
  status: Nomination["status"] = "draft",
): Nomination => ({
  formId,
  nomineeKind: "individual",
  // An opaque key per nomination; these tests propose a person for one form at a time.
  reportKey: `p:${nominee.telegramId}`,
  nomineeName: nominee.fullName,
  status,
});

const collective = (formId: string, status: Nomination["status"] = "draft"): Nomination => ({
  formId,
  nomineeKind: "collective",
  reportKey: "u:7",
  nomineeName: UNIT_NAME,
  status,
});

/** Every person and the unit submitted their assessments; nothing nominated, no dossier. */
const allAssessed = (change: Partial<UnitRoundFacts> = {}): UnitRoundFacts => ({
  people: [AN, BINH, CUONG].map((p) => ({ ...p, assessment: "submitted" as const })),
  unitAssessment: "submitted",
  nominations: [],
  uploaded: [],
  dossier: null,
  ...change,
});

/** The per-form counts for the campaign's three forms, zero where not given. */
const byForm = (counts: Record<string, { collective?: number; individual?: number }> = {}): FormCount[] =>
  [THU_TUONG, CHU_TICH, GIAY_KHEN].map((formId) => ({
    formId,
    collective: counts[formId]?.collective ?? 0,
    individual: counts[formId]?.individual ?? 0,
  }));

const everything = [
  { documentId: TO_TRINH, documentKey: null },
  { documentId: BAO_CAO, documentKey: "p:11" },
  { documentId: BAO_CAO, documentKey: "u:7" },
];

describe("unitStatus and pendingItems", () => {
  it("a unit where nobody has done anything yet has everything pending", () => {
    const facts: UnitRoundFacts = {
      people: [
        { ...AN, assessment: "not_started" },
        { ...BINH, assessment: "in_progress" },
        { ...CUONG, assessment: "not_started" },
      ],
      unitAssessment: "not_started",
      nominations: [],
      uploaded: [],
      dossier: null,
    };
    const status = unitStatus(facts, forms, false);
    expect(status).toEqual<UnitStatus>({
      peopleSubmitted: 0,
      peopleTotal: 3,
      peopleNotSubmitted: [AN, BINH, CUONG],
      unitAssessment: "not_started",
      nominationsByForm: byForm(),
      nominationCount: 0,
      documentsRequired: 0,
      documentsUploaded: 0,
      missingDocuments: [],
      dossier: "not_started",
      returnReason: null,
      late: false,
      complete: false,
    });
    expect(pendingItems(status)).toEqual([
      { kind: "people", missing: 3, total: 3, names: [AN.fullName, BINH.fullName, CUONG.fullName] },
      { kind: "unit_assessment", progress: "not_started" },
      { kind: "nominations" },
      { kind: "dossier", state: "not_started", returnReason: null },
    ]);
  });

  it("counts who submitted and lists only those who did not", () => {
    const facts = allAssessed({
      people: [
        { ...AN, assessment: "submitted" },
        { ...BINH, assessment: "in_progress" },
        { ...CUONG, assessment: "submitted" },
      ],
      unitAssessment: "in_progress",
    });
    const status = unitStatus(facts, forms, false);
    expect(status.peopleSubmitted).toBe(2);
    expect(status.peopleTotal).toBe(3);
    expect(status.peopleNotSubmitted).toEqual([BINH]);
    expect(pendingItems(status).slice(0, 2)).toEqual([
      { kind: "people", missing: 1, total: 3, names: [BINH.fullName] },
      { kind: "unit_assessment", progress: "in_progress" },
    ]);
  });

  it("a unit not started is late once the deadline has passed", () => {
    expect(unitStatus(allAssessed(), forms, true).late).toBe(true);
    expect(unitStatus(allAssessed(), forms, false).late).toBe(false);
  });

  it("everyone assessed and every document uploaded, but the dossier not sent: only the dossier is pending", () => {
    const facts = allAssessed({
      nominations: [person(AN, GIAY_KHEN), collective(GIAY_KHEN)],
      uploaded: everything,
      dossier: { status: "open", late: false, returnReason: null },
    });
    const status = unitStatus(facts, forms, false);
    expect(status).toMatchObject({
      peopleSubmitted: 3,
      peopleNotSubmitted: [],
      nominationsByForm: byForm({ [GIAY_KHEN]: { collective: 1, individual: 1 } }),
      nominationCount: 2,
      documentsRequired: 3,
      documentsUploaded: 3,
      missingDocuments: [],
      dossier: "open",
      returnReason: null,
      late: false,
      complete: false,
    });
    expect(pendingItems(status)).toEqual([{ kind: "dossier", state: "open", returnReason: null }]);
  });

  it("with some documents uploaded, names each missing one and whose it is", () => {
    const facts = allAssessed({
      nominations: [person(AN, GIAY_KHEN), person(BINH, GIAY_KHEN), collective(GIAY_KHEN)],
      uploaded: [{ documentId: BAO_CAO, documentKey: "p:12" }],
      dossier: { status: "open", late: false, returnReason: null },
    });
    const status = unitStatus(facts, forms, false);
    expect(status.documentsRequired).toBe(4);
    expect(status.documentsUploaded).toBe(1);
    expect(status.missingDocuments).toEqual([
      { documentId: TO_TRINH, documentKey: null, nomineeName: null, collective: false, formId: null },
      {
        documentId: BAO_CAO,
        documentKey: "p:11",
        nomineeName: AN.fullName,
        collective: false,
        formId: GIAY_KHEN,
      },
      {
        documentId: BAO_CAO,
        documentKey: "u:7",
        nomineeName: UNIT_NAME,
        collective: true,
        formId: GIAY_KHEN,
      },
    ]);
    expect(pendingItems(status)).toEqual([
      { kind: "document", documentId: TO_TRINH, nomineeName: null, formId: null },
      { kind: "document", documentId: BAO_CAO, nomineeName: AN.fullName, formId: GIAY_KHEN },
      { kind: "document", documentId: BAO_CAO, nomineeName: UNIT_NAME, formId: GIAY_KHEN, collective: true },
      { kind: "dossier", state: "open", returnReason: null },
    ]);
  });

  it("does not count one nominee's report, or a report of someone not nominated, for another nominee", () => {
    const facts = allAssessed({
      nominations: [person(AN, GIAY_KHEN), person(BINH, GIAY_KHEN)],
      uploaded: [
        { documentId: BAO_CAO, documentKey: "p:12" },
        { documentId: BAO_CAO, documentKey: "p:99" },
      ],
    });
    const status = unitStatus(facts, forms, false);
    expect(status.documentsRequired).toBe(3);
    expect(status.documentsUploaded).toBe(1);
    expect(status.missingDocuments).toEqual([
      { documentId: TO_TRINH, documentKey: null, nomineeName: null, collective: false, formId: null },
      {
        documentId: BAO_CAO,
        documentKey: "p:11",
        nomineeName: AN.fullName,
        collective: false,
        formId: GIAY_KHEN,
      },
    ]);
  });

  it("asks for a report per nomination: a nominee proposed for two forms needs two, counted under each form", () => {
    const facts = allAssessed({
      nominations: [
        { ...person(AN, CHU_TICH), reportKey: "n:1" },
        { ...person(AN, GIAY_KHEN), reportKey: "n:2" },
      ],
      uploaded: [{ documentId: TO_TRINH, documentKey: null }],
    });
    const status = unitStatus(facts, forms, false);
    expect(status.nominationsByForm).toEqual(
      byForm({ [CHU_TICH]: { individual: 1 }, [GIAY_KHEN]: { individual: 1 } }),
    );
    expect(status.nominationCount).toBe(2);
    expect(status.documentsRequired).toBe(3);
    expect(status.documentsUploaded).toBe(1);
    expect(status.missingDocuments).toEqual([
      {
        documentId: BAO_CAO,
        documentKey: "n:1",
        nomineeName: AN.fullName,
        collective: false,
        formId: CHU_TICH,
      },
      {
        documentId: BAO_CAO,
        documentKey: "n:2",
        nomineeName: AN.fullName,
        collective: false,
        formId: GIAY_KHEN,
      },
    ]);
  });

  it("leaves rejected and withdrawn nominations out of the counts and the documents", () => {
    const facts = allAssessed({
      nominations: [
        person(AN, GIAY_KHEN, "rejected"),
        person(BINH, GIAY_KHEN, "withdrawn"),
        person(CUONG, GIAY_KHEN, "returned"),
        person(CUONG, CHU_TICH, "rejected"),
        collective(CHU_TICH, "withdrawn"),
      ],
      uploaded: [],
      dossier: { status: "returned", late: false, returnReason: "Bổ sung báo cáo" },
    });
    const status = unitStatus(facts, forms, false);
    expect(status.nominationCount).toBe(1);
    expect(status.nominationsByForm).toEqual(byForm({ [GIAY_KHEN]: { individual: 1 } }));
    expect(status.documentsRequired).toBe(2);
    expect(status.missingDocuments).toEqual([
      { documentId: TO_TRINH, documentKey: null, nomineeName: null, collective: false, formId: null },
      {
        documentId: BAO_CAO,
        documentKey: "p:13",
        nomineeName: CUONG.fullName,
        collective: false,
        formId: GIAY_KHEN,
      },
    ]);
  });

  it("with every nomination rejected or withdrawn, needs no documents and asks for nominations again", () => {
    const facts = allAssessed({
      nominations: [person(AN, GIAY_KHEN, "rejected"), collective(GIAY_KHEN, "withdrawn")],
      dossier: { status: "open", late: false, returnReason: null },
    });
    const status = unitStatus(facts, forms, false);
    expect(status.nominationCount).toBe(0);
    expect(status.documentsRequired).toBe(0);
    expect(status.missingDocuments).toEqual([]);
    expect(pendingItems(status)).toEqual([
      { kind: "nominations" },
      { kind: "dossier", state: "open", returnReason: null },
    ]);
  });

  it("takes lateness of a submitted dossier from when it was submitted, not from today", () => {
    const submitted = (late: boolean) =>
      allAssessed({
        nominations: [person(AN, GIAY_KHEN, "submitted"), collective(GIAY_KHEN, "submitted")],
        uploaded: everything,
        dossier: { status: "submitted", late, returnReason: null },
      });
    expect(unitStatus(submitted(false), forms, true).late).toBe(false);
    expect(unitStatus(submitted(true), forms, true).late).toBe(true);
    expect(unitStatus(submitted(true), forms, false).late).toBe(true);
    const onTime = unitStatus(submitted(false), forms, true);
    expect(onTime.dossier).toBe("submitted");
    expect(pendingItems(onTime)).toEqual([]);
  });

  it("an open dossier is late once the deadline passed and on time before", () => {
    const open = allAssessed({
      nominations: [person(AN, GIAY_KHEN)],
      dossier: { status: "open", late: false, returnReason: null },
    });
    expect(unitStatus(open, forms, true).late).toBe(true);
    expect(unitStatus(open, forms, false).late).toBe(false);
  });

  it("a returned dossier shows why it was returned and is pending again", () => {
    const facts = allAssessed({
      nominations: [person(AN, GIAY_KHEN, "returned"), collective(GIAY_KHEN, "returned")],
      uploaded: everything,
      dossier: { status: "returned", late: false, returnReason: "Tờ trình thiếu chữ ký" },
    });
    const status = unitStatus(facts, forms, false);
    expect(status.dossier).toBe("returned");
    expect(status.returnReason).toBe("Tờ trình thiếu chữ ký");
    // Corrected at the Office's request: not overdue even past the deadline.
    expect(unitStatus(facts, forms, true).late).toBe(false);
    expect(status.complete).toBe(false);
    expect(pendingItems(status)).toEqual([
      { kind: "dossier", state: "returned", returnReason: "Tờ trình thiếu chữ ký" },
    ]);
  });

  it("shows no return reason once the dossier is sent again, though the old reason is still stored", () => {
    const facts = allAssessed({
      nominations: [person(AN, GIAY_KHEN, "submitted"), collective(GIAY_KHEN, "submitted")],
      uploaded: everything,
      dossier: { status: "submitted", late: false, returnReason: "Tờ trình thiếu chữ ký" },
    });
    expect(unitStatus(facts, forms, false).returnReason).toBeNull();
  });

  it("a complete unit: everyone and the unit assessed, every document in, dossier submitted", () => {
    const facts = allAssessed({
      nominations: [person(AN, GIAY_KHEN, "submitted"), collective(GIAY_KHEN, "under_review")],
      uploaded: everything,
      dossier: { status: "submitted", late: false, returnReason: null },
    });
    const status = unitStatus(facts, forms, false);
    expect(status).toEqual<UnitStatus>({
      peopleSubmitted: 3,
      peopleTotal: 3,
      peopleNotSubmitted: [],
      unitAssessment: "submitted",
      nominationsByForm: byForm({ [GIAY_KHEN]: { collective: 1, individual: 1 } }),
      nominationCount: 2,
      documentsRequired: 3,
      documentsUploaded: 3,
      missingDocuments: [],
      dossier: "submitted",
      returnReason: null,
      late: false,
      complete: true,
    });
    expect(pendingItems(status)).toEqual([]);
  });

  it("is not complete while the unit's own assessment is unfinished, even with the dossier submitted", () => {
    const facts = allAssessed({
      unitAssessment: "in_progress",
      nominations: [person(AN, GIAY_KHEN, "submitted"), collective(GIAY_KHEN, "submitted")],
      uploaded: everything,
      dossier: { status: "submitted", late: false, returnReason: null },
    });
    const status = unitStatus(facts, forms, false);
    expect(status.complete).toBe(false);
    expect(pendingItems(status)).toEqual([{ kind: "unit_assessment", progress: "in_progress" }]);
  });
});
