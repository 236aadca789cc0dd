import { describe, expect, it } from "vitest";
import { loadCampaign } from "../../../src/campaign/load.js";
import {
  missingDocuments,
  type NominationStatus,
  nextStatuses,
  quotaOf,
  quotaUse,
  type TransitionRequest,
  transitionProblem,
} from "../../../src/domain/nominations.js";

const campaign = loadCampaign();
const form = (id: string) => {
  const found = campaign.awardForms.find((f) => f.id === id);
  if (!found) throw new Error(`no form ${id}`);
  return found;
};
const GIAY_KHEN = form("giay-khen-giam-doc-so");
const THU_TUONG = form("bang-khen-thu-tuong");

const request = (change: Partial<TransitionRequest>): TransitionRequest => ({
  from: "under_review",
  to: "recommended",
  role: "office",
  reason: undefined,
  form: GIAY_KHEN,
  nomineeKind: "individual",
  alreadyRecommended: 0,
  ...change,
});

describe("nomination moves", () => {
  it("lets a unit head submit a draft or a returned nomination, or withdraw a returned one, and nothing else", () => {
    expect(nextStatuses("draft", "unit_head")).toEqual(["submitted"]);
    expect(nextStatuses("returned", "unit_head")).toEqual(["submitted", "withdrawn"]);
    for (const status of ["submitted", "under_review", "recommended", "awarded", "rejected", "withdrawn"] as const) {
      expect(nextStatuses(status, "unit_head")).toEqual([]);
    }
  });

  it("lets the Office review, recommend, award, return or reject, in that order only", () => {
    expect(nextStatuses("submitted", "office").sort()).toEqual(["rejected", "returned", "under_review"]);
    expect(nextStatuses("under_review", "office").sort()).toEqual(["recommended", "rejected", "returned"]);
    expect(nextStatuses("recommended", "office").sort()).toEqual(["awarded", "returned"]);
    expect(nextStatuses("awarded", "office")).toEqual([]);
    expect(nextStatuses("rejected", "office")).toEqual([]);
    expect(nextStatuses("draft", "office")).toEqual([]);
  });

  it("gives employees and guests no moves at all", () => {
    const all: NominationStatus[] = [
      "draft",
      "submitted",
      "under_review",
      "recommended",
      "awarded",
      "returned",
      "rejected",
    ];
    for (const status of all) {
      expect(nextStatuses(status, "employee")).toEqual([]);
      expect(nextStatuses(status, "guest")).toEqual([]);
    }
  });

  it("refuses a move that is not in the list, or by the wrong role", () => {
    expect(transitionProblem(request({ from: "draft", to: "awarded" }))).toEqual({ kind: "not_allowed" });
    expect(transitionProblem(request({ role: "unit_head" }))).toEqual({ kind: "not_allowed" });
    expect(transitionProblem(request({ from: "submitted", to: "under_review", role: "employee" }))).toEqual({
      kind: "not_allowed",
    });
  });

  it("asks for a reason to return or reject", () => {
    expect(transitionProblem(request({ to: "returned" }))).toEqual({ kind: "reason_required" });
    expect(transitionProblem(request({ to: "rejected", reason: "  " }))).toEqual({ kind: "reason_required" });
    expect(transitionProblem(request({ to: "returned", reason: "Thiếu báo cáo thành tích" }))).toBeNull();
  });

  it("refuses to recommend past the form's quota and says which quota", () => {
    expect(transitionProblem(request({ alreadyRecommended: 9 }))).toBeNull();
    expect(transitionProblem(request({ alreadyRecommended: 10 }))).toEqual({
      kind: "over_quota",
      quota: 10,
      nomineeKind: "individual",
    });
    expect(transitionProblem(request({ nomineeKind: "collective", alreadyRecommended: 3 }))).toBeNull();
    expect(transitionProblem(request({ nomineeKind: "collective", alreadyRecommended: 4 }))).toEqual({
      kind: "over_quota",
      quota: 4,
      nomineeKind: "collective",
    });
  });

  it("has no quota to enforce for the forms the plan leaves to 800/KH-UBND", () => {
    expect(quotaOf(THU_TUONG, "individual")).toBeNull();
    expect(transitionProblem(request({ form: THU_TUONG, alreadyRecommended: 500 }))).toBeNull();
  });
});

describe("quotaUse", () => {
  it("counts recommended and awarded nominations per form and kind, and flags a quota exceeded", () => {
    const nominations = [
      ...Array.from({ length: 11 }, () => ({
        formId: GIAY_KHEN.id,
        nomineeKind: "individual" as const,
        status: "recommended" as const,
      })),
      { formId: GIAY_KHEN.id, nomineeKind: "collective" as const, status: "awarded" as const },
      { formId: GIAY_KHEN.id, nomineeKind: "collective" as const, status: "submitted" as const },
      { formId: THU_TUONG.id, nomineeKind: "individual" as const, status: "recommended" as const },
    ];
    const use = quotaUse(campaign.awardForms, nominations);
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

  it("asks for the unit's Tờ trình once and a Báo cáo thành tích per nominee", () => {
    expect(missingDocuments(documents, ["p:11", "p:12"], [])).toEqual([
      { documentId: "to-trinh", nomineeKey: null },
      { documentId: "bao-cao-thanh-tich", nomineeKey: "p:11" },
      { documentId: "bao-cao-thanh-tich", nomineeKey: "p:12" },
    ]);
  });

  it("drops what was uploaded, and does not take one nominee's report for another's", () => {
    const uploaded = [
      { documentId: "to-trinh", nomineeKey: null },
      { documentId: "bao-cao-thanh-tich", nomineeKey: "p:12" },
    ];
    expect(missingDocuments(documents, ["p:11", "p:12"], uploaded)).toEqual([
      { documentId: "bao-cao-thanh-tich", nomineeKey: "p:11" },
    ]);
  });
});
