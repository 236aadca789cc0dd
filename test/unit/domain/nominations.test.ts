import { describe, expect, it } from "vitest";
import { loadCampaign } from "../../../src/campaign/load.js";
import type { Answers, CriterionAnswer } from "../../../src/domain/assessment.js";
import {
  type AssessmentResult,
  assessmentResult,
  missingDocuments,
  nomineeKey,
  parseNomineeKey,
  parseReportKey,
  quotaUse,
  rankCandidates,
  reportKey,
} from "../../../src/domain/nominations.js";

const campaign = loadCampaign();
const form = (id: string) => {
  const found = campaign.awardForms.find((f) => f.id === id);
  if (!found) throw new Error(`no form ${id}`);
  return found;
};
const GIAY_KHEN = form("giay-khen-giam-doc-so");
const THU_TUONG = form("bang-khen-thu-tuong");

describe("quotaUse", () => {
  it("counts nominations from each route's quota step on, per form and kind, and flags a quota exceeded", () => {
    const nominations = [
      ...Array.from({ length: 11 }, () => ({
        formId: GIAY_KHEN.id,
        nomineeKind: "individual" as const,
        status: "council_passed",
      })),
      // Put to the Council but not passed by it yet: not counted.
      { formId: GIAY_KHEN.id, nomineeKind: "individual" as const, status: "recommended" },
      { formId: GIAY_KHEN.id, nomineeKind: "collective" as const, status: "awarded" },
      { formId: GIAY_KHEN.id, nomineeKind: "collective" as const, status: "submitted" },
      { formId: GIAY_KHEN.id, nomineeKind: "collective" as const, status: "not_passed" },
      { formId: THU_TUONG.id, nomineeKind: "individual" as const, status: "province_proposed" },
    ];
    const use = quotaUse(campaign, nominations);
    expect(use.find((u) => u.formId === GIAY_KHEN.id && u.nomineeKind === "individual")).toEqual({
      formId: GIAY_KHEN.id,
      nomineeKind: "individual",
      used: 11,
      quota: 10,
      over: true,
    });
    expect(use.find((u) => u.formId === GIAY_KHEN.id && u.nomineeKind === "collective")).toMatchObject({
      used: 1,
      quota: 4,
      over: false,
    });
    expect(use.find((u) => u.formId === THU_TUONG.id && u.nomineeKind === "individual")).toMatchObject({
      used: 1,
      quota: null,
      over: false,
    });
    expect(use).toHaveLength(campaign.awardForms.length * 2);
  });
});

describe("missingDocuments", () => {
  const documents = campaign.dossier.documents;

  it("asks for nothing while the unit nominates nobody", () => {
    expect(missingDocuments(documents, [], [])).toEqual([]);
  });

  it("asks for the unit's Tờ trình once and a Báo cáo thành tích per nomination", () => {
    expect(missingDocuments(documents, [reportKey(11), reportKey(12)], [])).toEqual([
      { documentId: "to-trinh", documentKey: null },
      { documentId: "bao-cao-thanh-tich", documentKey: "n:11" },
      { documentId: "bao-cao-thanh-tich", documentKey: "n:12" },
    ]);
  });

  it("drops what was uploaded, and does not take one nominee's report for another's", () => {
    const uploaded = [
      { documentId: "to-trinh", documentKey: null },
      { documentId: "bao-cao-thanh-tich", documentKey: "n:12" },
    ];
    expect(missingDocuments(documents, ["n:11", "n:12"], uploaded)).toEqual([
      { documentId: "bao-cao-thanh-tich", documentKey: "n:11" },
    ]);
  });
});

describe("nomineeKey and parseNomineeKey", () => {
  it("keys a person by Telegram id and a unit by unit id, and reads the key back", () => {
    expect(nomineeKey("individual", 123456789)).toBe("p:123456789");
    expect(nomineeKey("collective", 7)).toBe("u:7");
    expect(parseNomineeKey("p:123456789")).toEqual({ kind: "individual", id: 123456789 });
    expect(parseNomineeKey("u:7")).toEqual({ kind: "collective", id: 7 });
  });

  it("round-trips both kinds", () => {
    for (const kind of ["individual", "collective"] as const)
      for (const id of [1, 42, 5_123_456_789])
        expect(parseNomineeKey(nomineeKey(kind, id))).toEqual({ kind, id });
  });

  it("round-trips the largest Telegram user id (Telegram promises at most 52 significant bits)", () => {
    const largest = 2 ** 52 - 1;
    expect(parseNomineeKey(nomineeKey("individual", largest))).toEqual({ kind: "individual", id: largest });
  });

  it.each([
    "",
    "p",
    "p:",
    ":12",
    "x:12",
    "P:12",
    "p:-12",
    "p:1.5",
    "p:12a",
    "p:abc",
    " p:12",
    "p:12 ",
    "p:12\n",
    "p::12",
    "pu:12",
    "p:１２",
  ])("rejects junk %j", (key) => {
    expect(parseNomineeKey(key)).toBeNull();
  });
});

describe("assessmentResult", () => {
  const account = (met = true): CriterionAnswer => ({ met, account: "Đã thực hiện tốt", filesDone: true });
  const initiative = (council: string): CriterionAnswer => ({
    met: true,
    decisionNumber: "125/QĐ-STP",
    decisionDate: "2026-10-15",
    council,
    filesDone: true,
  });
  /** A whole individual assessment with every criterion met. */
  const individualAnswers = (rating = "xuat-sac", council = "tinh"): Answers => ({
    criteria: {
      "chap-hanh": account(),
      "nhiem-vu-cchc": account(),
      "van-ban-chi-dao": account(),
      "sang-kien": initiative(council),
      "thu-tuc-hanh-chinh": account(),
      "xep-loai": { rating, met: true },
    },
    areas: {},
  });
  const ALL_FORMS = ["bang-khen-thu-tuong", "bang-khen-chu-tich-tinh", "giay-khen-giam-doc-so"];

  it("a person who has not started meets nothing and is considered for nothing", () => {
    expect(assessmentResult(campaign, "individual", "not_started", undefined)).toEqual<AssessmentResult>({
      progress: "not_started",
      met: 0,
      total: 6,
      allMet: false,
      considerForms: [],
      awaitingRating: false,
    });
    expect(assessmentResult(campaign, "unit", "not_started", undefined)).toEqual<AssessmentResult>({
      progress: "not_started",
      met: 0,
      total: 3,
      allMet: false,
      considerForms: [],
      awaitingRating: false,
    });
  });

  it("counts the criteria met so far in an assessment in progress, only the complete ones", () => {
    const answers: Answers = {
      criteria: {
        "chap-hanh": account(),
        "nhiem-vu-cchc": account(false),
        "van-ban-chi-dao": account(),
        "sang-kien": { met: true, decisionNumber: "125/QĐ-STP" },
      },
      areas: {},
    };
    expect(assessmentResult(campaign, "individual", "in_progress", answers)).toEqual<AssessmentResult>({
      progress: "in_progress",
      met: 2,
      total: 6,
      allMet: false,
      considerForms: [],
      awaitingRating: false,
    });
  });

  it("names no form until the assessment is submitted, however good the answers", () => {
    const answers = individualAnswers();
    expect(assessmentResult(campaign, "individual", "in_progress", answers)).toEqual<AssessmentResult>({
      progress: "in_progress",
      met: 6,
      total: 6,
      allMet: false,
      considerForms: [],
      awaitingRating: false,
    });
    expect(assessmentResult(campaign, "individual", "submitted", answers)).toEqual<AssessmentResult>({
      progress: "submitted",
      met: 6,
      total: 6,
      allMet: true,
      considerForms: ALL_FORMS,
      awaitingRating: false,
    });
  });

  it("by the bundled rules (every criterion met), the rating and the initiative's council do not narrow the forms", () => {
    for (const [rating, council] of [
      ["xuat-sac", "so"],
      ["tot", "tinh"],
    ] as const)
      expect(
        assessmentResult(campaign, "individual", "submitted", individualAnswers(rating, council))
          .considerForms,
      ).toEqual(ALL_FORMS);
    const oneNotMet = individualAnswers();
    oneNotMet.criteria["chap-hanh"] = account(false);
    expect(assessmentResult(campaign, "individual", "submitted", oneNotMet)).toEqual<AssessmentResult>({
      progress: "submitted",
      met: 5,
      total: 6,
      allMet: false,
      considerForms: [],
      awaitingRating: false,
    });
  });

  it("a rating not known yet is said apart, not counted as met, and names no form", () => {
    const answers = individualAnswers();
    answers.criteria["xep-loai"] = { ratingPending: true, met: false };
    expect(assessmentResult(campaign, "individual", "submitted", answers)).toEqual<AssessmentResult>({
      progress: "submitted",
      met: 5,
      total: 6,
      allMet: false,
      considerForms: [],
      awaitingRating: true,
    });
  });

  it("a unit meeting every collective criterion may be considered for every form: no form is out of its reach", () => {
    const answers: Answers = {
      criteria: { "chap-hanh": account(), "nhiem-vu-cchc": account(), "sang-kien": initiative("tinh") },
      areas: {},
    };
    expect(assessmentResult(campaign, "unit", "submitted", answers)).toEqual<AssessmentResult>({
      progress: "submitted",
      met: 3,
      total: 3,
      allMet: true,
      considerForms: ALL_FORMS,
      awaitingRating: false,
    });
  });

  it("follows a stricter rule the Office sets: a rating and a provincial initiative for the Prime Minister's form", () => {
    const strict = {
      ...campaign,
      awardForms: campaign.awardForms.map((form) =>
        form.id === "bang-khen-thu-tuong"
          ? {
              ...form,
              considerWhen: {
                individual: { allCriteria: true, minimumRating: "xuat-sac", initiativeCouncils: ["tinh"] },
              },
            }
          : form,
      ),
    };
    const considered = (rating: string, council: string) =>
      assessmentResult(strict, "individual", "submitted", individualAnswers(rating, council)).considerForms;
    expect(considered("xuat-sac", "tinh")).toEqual(ALL_FORMS);
    expect(considered("xuat-sac", "so")).toEqual(["bang-khen-chu-tich-tinh", "giay-khen-giam-doc-so"]);
    expect(considered("tot", "tinh")).toEqual(["bang-khen-chu-tich-tinh", "giay-khen-giam-doc-so"]);
    // No rule for collectives on that form: a unit is never named for it, and still may be proposed.
    const unitAnswers: Answers = {
      criteria: { "chap-hanh": account(), "nhiem-vu-cchc": account(), "sang-kien": initiative("tinh") },
      areas: {},
    };
    expect(assessmentResult(strict, "unit", "submitted", unitAnswers).considerForms).toEqual([
      "bang-khen-chu-tich-tinh",
      "giay-khen-giam-doc-so",
    ]);
  });

  it("names nothing for a submitted assessment whose answers are missing", () => {
    expect(assessmentResult(campaign, "individual", "submitted", undefined)).toEqual<AssessmentResult>({
      progress: "submitted",
      met: 0,
      total: 6,
      allMet: false,
      considerForms: [],
      awaitingRating: false,
    });
  });
});

describe("rankCandidates", () => {
  const result = (
    progress: AssessmentResult["progress"],
    met: number,
    considerForms: string[] = [],
  ): AssessmentResult => ({
    progress,
    met,
    total: 6,
    allMet: progress === "submitted" && met === 6,
    considerForms,
    awaitingRating: false,
  });
  const names = (people: ReadonlyArray<{ name: string }>) => people.map((person) => person.name);

  it("offers those supported for the form first, then by progress, then by criteria met", () => {
    const people = [
      { name: "Anh Tú", result: result("not_started", 0) },
      { name: "Bùi Lan", result: result("in_progress", 6) },
      { name: "Cao Minh", result: result("submitted", 2) },
      { name: "Dương Hà", result: result("submitted", 6, [GIAY_KHEN.id]) },
      { name: "Hồ Vân", result: result("submitted", 5) },
      { name: "Lý Hằng", result: result("in_progress", 3) },
      { name: "Phan Long", result: result("submitted", 6, [THU_TUONG.id, GIAY_KHEN.id]) },
    ];
    expect(names(rankCandidates(people, GIAY_KHEN.id))).toEqual([
      "Dương Hà",
      "Phan Long",
      "Hồ Vân",
      "Cao Minh",
      "Bùi Lan",
      "Lý Hằng",
      "Anh Tú",
    ]);
  });

  it("does not count support for another form as support for this one", () => {
    const people = [
      { name: "An", result: result("submitted", 6, [GIAY_KHEN.id]) },
      { name: "Bình", result: result("submitted", 6, [THU_TUONG.id, GIAY_KHEN.id]) },
    ];
    expect(names(rankCandidates(people, THU_TUONG.id))).toEqual(["Bình", "An"]);
  });

  it("breaks ties by name with case and diacritics ignored, đ sorting as d", () => {
    const same = result("submitted", 4);
    const people = ["Dung Lê", "Đặng Hòa", "bùi An", "Ánh Tuyết", "Bình Minh"].map((name) => ({
      name,
      result: same,
    }));
    expect(names(rankCandidates(people, GIAY_KHEN.id))).toEqual([
      "Ánh Tuyết",
      "Bình Minh",
      "bùi An",
      "Đặng Hòa",
      "Dung Lê",
    ]);
  });

  it("returns a new array and leaves the input in its order", () => {
    const people = [
      { name: "Zung", result: result("not_started", 0) },
      { name: "An", result: result("submitted", 6, [GIAY_KHEN.id]) },
    ];
    const ranked = rankCandidates(people, GIAY_KHEN.id);
    expect(names(ranked)).toEqual(["An", "Zung"]);
    expect(names(people)).toEqual(["Zung", "An"]);
  });
});

describe("report keys", () => {
  it("keeps one report per nomination, by its id", () => {
    expect(reportKey(42)).toBe("n:42");
    expect(parseReportKey("n:42")).toBe(42);
    expect(parseReportKey("p:42")).toBeNull();
    expect(parseReportKey("n:")).toBeNull();
  });
});
