import { describe, expect, it } from "vitest";
import { loadCampaign } from "../../../src/campaign/load.js";
import type { Criterion } from "../../../src/campaign/schema.js";
import {
  type Answers,
  allCriteriaMet,
  type CriterionAnswer,
  criterionFields,
  evaluate,
  formsToConsider,
  isCriterionComplete,
  isLocked,
  nextStep,
  progress,
  type Questionnaire,
  questionnaireFor,
  ratingMeets,
  ratingReaches,
  type Step,
  startRefusal,
  stepKey,
} from "../../../src/domain/assessment.js";
import { roundDeadline } from "../../../src/domain/rounds.js";

const campaign = loadCampaign();
const individual = questionnaireFor(campaign, "individual");
const unit = questionnaireFor(campaign, "unit");

const INDIVIDUAL_IDS = [
  "chap-hanh",
  "nhiem-vu-cchc",
  "van-ban-chi-dao",
  "sang-kien",
  "thu-tuc-hanh-chinh",
  "xep-loai",
];
const COLLECTIVE_IDS = ["chap-hanh", "nhiem-vu-cchc", "sang-kien"];
const AREA_IDS = [
  "the-che",
  "thu-tuc-hanh-chinh",
  "to-chuc-bo-may",
  "che-do-cong-vu",
  "tai-chinh-cong",
  "chinh-quyen-so",
];
const THU_TUONG = "bang-khen-thu-tuong";
const CHU_TICH = "bang-khen-chu-tich-tinh";
const GIAY_KHEN = "giay-khen-giam-doc-so";

function criterion(questionnaire: Questionnaire, id: string): Criterion {
  const found = questionnaire.criteria.find((c) => c.id === id);
  if (!found) throw new Error(`no criterion ${id}`);
  return found;
}

const xepLoai = criterion(individual, "xep-loai");
const sangKien = criterion(individual, "sang-kien");
const chapHanh = criterion(individual, "chap-hanh");

const emptyAnswers = (): Answers => ({ criteria: {}, areas: {} });

/** How a person would answer each question: whether each criterion is met, which rating and council. */
interface Choices {
  met: (criterionId: string) => boolean;
  rating: string;
  council: string;
  skipAccountWhenNotMet?: boolean;
}

/** Stores the answer to one open question, the way the flow stores it (so nextStep can move on). */
function answerStep(answers: Answers, step: Step, choices: Choices): void {
  if (step.kind === "summary") throw new Error("nothing to answer at the summary");
  if (step.kind === "area") {
    answers.areas[step.area.id] = { text: step.index % 2 === 0 ? `Kết quả ${step.area.id}` : null };
    return;
  }
  const id = step.criterion.id;
  const current: CriterionAnswer = answers.criteria[id] ?? {};
  const change: CriterionAnswer = {};
  switch (step.field) {
    case "met":
      change.met = choices.met(id);
      break;
    case "account":
      change.account = current.met === false && choices.skipAccountWhenNotMet ? null : `Kể lại ${id}`;
      break;
    case "initiativeName":
      change.initiativeName = "Số hóa hồ sơ lý lịch tư pháp";
      break;
    case "decisionNumber":
      change.decisionNumber = "125/QĐ-STP";
      break;
    case "decisionDate":
      change.decisionDate = "2026-10-15";
      break;
    case "council":
      change.council = choices.council;
      break;
    case "rating":
      change.rating = choices.rating;
      change.met = ratingMeets(step.criterion, choices.rating);
      break;
    case "files":
      change.filesDone = true;
      break;
  }
  answers.criteria[id] = { ...current, ...change };
}

/** Answers a whole questionnaire from the start; returns the step keys in the order they were asked. */
function walk(questionnaire: Questionnaire, choices: Choices): { keys: string[]; answers: Answers } {
  const answers = emptyAnswers();
  const keys: string[] = [];
  for (let guard = 0; guard < 200; guard++) {
    const step = nextStep(questionnaire, answers);
    keys.push(stepKey(step));
    if (step.kind === "summary") return { keys, answers };
    answerStep(answers, step, choices);
  }
  throw new Error("the questionnaire never reached the summary");
}

const allMet: Choices = { met: () => true, rating: "xuat-sac", council: "tinh" };

const account = (id: string) => [`c:${id}:met`, `c:${id}:account`, `c:${id}:files`];
const initiativeMet = (id: string) => [
  `c:${id}:met`,
  `c:${id}:initiativeName`,
  `c:${id}:decisionNumber`,
  `c:${id}:decisionDate`,
  `c:${id}:council`,
  `c:${id}:files`,
];
const areaKeys = AREA_IDS.map((id) => `a:${id}`);

/** A complete answer set in which every individual criterion is met. */
function individualAllMet(rating = "xuat-sac", council = "tinh"): Answers {
  return walk(individual, { met: () => true, rating, council }).answers;
}

describe("questionnaireFor with the bundled campaign", () => {
  it("asks an individual the 6 individual criteria in the plan's order, then the 6 reform areas", () => {
    expect(individual.subject).toBe("individual");
    expect(individual.criteria.map((c) => c.id)).toEqual(INDIVIDUAL_IDS);
    expect(individual.areas.map((a) => a.id)).toEqual(AREA_IDS);
  });

  it("asks a unit the 3 collective criteria and the same reform areas", () => {
    expect(unit.subject).toBe("unit");
    expect(unit.criteria.map((c) => c.id)).toEqual(COLLECTIVE_IDS);
    expect(unit.areas.map((a) => a.id)).toEqual(AREA_IDS);
  });
});

describe("criterionFields", () => {
  it("asks an account criterion met, account and files; once not met, only met and account", () => {
    expect(criterionFields(chapHanh, {})).toEqual(["met", "account", "files"]);
    expect(criterionFields(chapHanh, { met: true })).toEqual(["met", "account", "files"]);
    expect(criterionFields(chapHanh, { met: false })).toEqual(["met", "account"]);
  });

  it("asks an initiative the decision and its council only when met", () => {
    const full = ["met", "initiativeName", "decisionNumber", "decisionDate", "council", "files"];
    expect(criterionFields(sangKien, {})).toEqual(full);
    expect(criterionFields(sangKien, { met: true })).toEqual(full);
    expect(criterionFields(sangKien, { met: false })).toEqual(["met"]);
  });

  it("asks the rating criterion only the rating, whatever was stored", () => {
    expect(criterionFields(xepLoai, {})).toEqual(["rating"]);
    expect(criterionFields(xepLoai, { met: false, rating: "hoan-thanh" })).toEqual(["rating"]);
  });
});

describe("nextStep through a whole questionnaire", () => {
  it("walks an individual who meets everything through every field, the areas, then the summary", () => {
    const { keys } = walk(individual, allMet);
    expect(keys).toEqual([
      ...account("chap-hanh"),
      ...account("nhiem-vu-cchc"),
      ...account("van-ban-chi-dao"),
      ...initiativeMet("sang-kien"),
      ...account("thu-tuc-hanh-chinh"),
      "c:xep-loai:rating",
      ...areaKeys,
      "summary",
    ]);
  });

  it("asks no files after a 'not met' account and nothing after a 'not met' initiative", () => {
    const { keys } = walk(individual, {
      met: () => false,
      rating: "hoan-thanh",
      council: "so",
      skipAccountWhenNotMet: true,
    });
    const notMetAccount = (id: string) => [`c:${id}:met`, `c:${id}:account`];
    expect(keys).toEqual([
      ...notMetAccount("chap-hanh"),
      ...notMetAccount("nhiem-vu-cchc"),
      ...notMetAccount("van-ban-chi-dao"),
      "c:sang-kien:met",
      ...notMetAccount("thu-tuc-hanh-chinh"),
      "c:xep-loai:rating",
      ...areaKeys,
      "summary",
    ]);
  });

  it("walks a unit through the 3 collective criteria, the areas, then the summary", () => {
    const { keys } = walk(unit, allMet);
    expect(keys).toEqual([
      ...account("chap-hanh"),
      ...account("nhiem-vu-cchc"),
      ...initiativeMet("sang-kien"),
      ...areaKeys,
      "summary",
    ]);
  });

  it("numbers criterion steps by criterion and area steps by area", () => {
    const answers = emptyAnswers();
    const seen: Array<[string, number, number]> = [];
    for (
      let step = nextStep(individual, answers);
      step.kind !== "summary";
      step = nextStep(individual, answers)
    ) {
      seen.push([stepKey(step), step.index, step.total]);
      answerStep(answers, step, allMet);
    }
    expect(seen.find(([key]) => key === "c:chap-hanh:files")).toEqual(["c:chap-hanh:files", 0, 6]);
    expect(seen.find(([key]) => key === "c:sang-kien:council")).toEqual(["c:sang-kien:council", 3, 6]);
    expect(seen.find(([key]) => key === "c:xep-loai:rating")).toEqual(["c:xep-loai:rating", 5, 6]);
    expect(seen.find(([key]) => key === "a:the-che")).toEqual(["a:the-che", 0, 6]);
    expect(seen.find(([key]) => key === "a:chinh-quyen-so")).toEqual(["a:chinh-quyen-so", 5, 6]);
  });

  it("continues at the first unanswered question, even when later ones are answered", () => {
    const answers = individualAllMet();
    answers.criteria["nhiem-vu-cchc"] = { met: true, account: "Đã làm" };
    delete answers.areas["to-chuc-bo-may"];
    expect(stepKey(nextStep(individual, answers))).toBe("c:nhiem-vu-cchc:files");
    answers.criteria["nhiem-vu-cchc"] = { met: true, account: "Đã làm", filesDone: true };
    expect(stepKey(nextStep(individual, answers))).toBe("a:to-chuc-bo-may");
  });

  it("treats a skipped account or a skipped area (null) as answered, unlike a missing one", () => {
    const answers = emptyAnswers();
    answers.criteria["chap-hanh"] = { met: false, account: null };
    expect(stepKey(nextStep(individual, answers))).toBe("c:nhiem-vu-cchc:met");

    const done = individualAllMet();
    done.areas["the-che"] = { text: null };
    expect(nextStep(individual, done)).toEqual({ kind: "summary" });
    done.areas["the-che"] = {};
    expect(stepKey(nextStep(individual, done))).toBe("a:the-che");
  });

  it("does not take files as given until filesDone is true", () => {
    const answers = emptyAnswers();
    answers.criteria["chap-hanh"] = { met: true, account: "Đã làm", filesDone: false };
    expect(stepKey(nextStep(individual, answers))).toBe("c:chap-hanh:files");
  });

  it("ignores answers stored for criteria the questionnaire does not ask", () => {
    const answers = walk(unit, allMet).answers;
    answers.criteria["xep-loai"] = {};
    expect(nextStep(unit, answers)).toEqual({ kind: "summary" });
  });
});

describe("stepKey", () => {
  it("names criterion fields, areas and the summary", () => {
    expect(
      stepKey({ kind: "criterion", criterion: sangKien, field: "decisionDate", index: 3, total: 6 }),
    ).toBe("c:sang-kien:decisionDate");
    const area = individual.areas[1];
    if (!area) throw new Error("no area");
    expect(stepKey({ kind: "area", area, index: 1, total: 6 })).toBe("a:thu-tuc-hanh-chinh");
    expect(stepKey({ kind: "summary" })).toBe("summary");
  });
});

describe("isCriterionComplete", () => {
  it("needs every field that the answer calls for", () => {
    expect(isCriterionComplete(chapHanh)).toBe(false);
    expect(isCriterionComplete(chapHanh, { met: true, account: "Đã làm" })).toBe(false);
    expect(isCriterionComplete(chapHanh, { met: true, account: "Đã làm", filesDone: true })).toBe(true);
    expect(isCriterionComplete(chapHanh, { met: false })).toBe(false);
    expect(isCriterionComplete(chapHanh, { met: false, account: null })).toBe(true);
  });

  it("takes a 'not met' initiative as complete, a 'met' one only with its decision, council and files", () => {
    expect(isCriterionComplete(sangKien, { met: false })).toBe(true);
    const partial = { met: true, decisionNumber: "1/QĐ", decisionDate: "2026-01-02", council: "so" };
    expect(isCriterionComplete(sangKien, partial)).toBe(false);
    expect(isCriterionComplete(sangKien, { ...partial, filesDone: true })).toBe(true);
  });

  it("asks a new initiative answer its name, and keeps one stored before the name was asked complete", () => {
    expect(isCriterionComplete(sangKien, { met: true })).toBe(false);
    expect(criterionFields(sangKien, { met: true, initiativeName: "Số hóa hồ sơ" })).toContain(
      "initiativeName",
    );
    expect(
      isCriterionComplete(sangKien, { met: true, initiativeName: "Số hóa hồ sơ", filesDone: true }),
    ).toBe(false);
    const legacy = {
      met: true,
      decisionNumber: "1/QĐ",
      decisionDate: "2026-01-02",
      council: "so",
      filesDone: true,
    };
    expect(isCriterionComplete(sangKien, legacy)).toBe(true);
  });

  it("takes 'no rating yet' as answered, neither met nor 'chưa đạt', and no award form to consider", () => {
    const pending = { ratingPending: true, met: false };
    expect(isCriterionComplete(xepLoai, pending)).toBe(true);
    const answers = individualAllMet();
    answers.criteria["xep-loai"] = pending;
    const evaluation = evaluate(individual, answers);
    expect(evaluation.awaitingRating).toEqual(["xep-loai"]);
    expect(evaluation.notMet).toEqual([]);
    expect(evaluation.unanswered).toEqual([]);
    expect(evaluation.met).toHaveLength(5);
    expect(allCriteriaMet(individual, answers)).toBe(false);
    expect(formsToConsider(campaign, individual, answers)).toEqual([]);
    expect(nextStep(individual, answers).kind).toBe("summary");
  });

  it("takes the rating criterion as complete once a rating is given", () => {
    expect(isCriterionComplete(xepLoai, {})).toBe(false);
    expect(isCriterionComplete(xepLoai, { met: true })).toBe(false);
    expect(isCriterionComplete(xepLoai, { rating: "tot", met: true })).toBe(true);
  });
});

describe("ratingReaches and ratingMeets", () => {
  it("compares levels by rank", () => {
    expect(ratingReaches(xepLoai, "xuat-sac", "tot")).toBe(true);
    expect(ratingReaches(xepLoai, "tot", "tot")).toBe(true);
    expect(ratingReaches(xepLoai, "tot", "xuat-sac")).toBe(false);
    expect(ratingReaches(xepLoai, "hoan-thanh", "tot")).toBe(false);
    expect(ratingReaches(xepLoai, "khong-hoan-thanh", "hoan-thanh")).toBe(false);
  });

  it("is false for an unknown level or a criterion without ratings", () => {
    expect(ratingReaches(xepLoai, "gioi", "tot")).toBe(false);
    expect(ratingReaches(xepLoai, "xuat-sac", "gioi")).toBe(false);
    expect(ratingReaches(chapHanh, "xuat-sac", "tot")).toBe(false);
    expect(ratingMeets(chapHanh, "xuat-sac")).toBe(false);
  });

  it("meets 'hoàn thành tốt nhiệm vụ trở lên' from tot upwards", () => {
    expect(ratingMeets(xepLoai, "xuat-sac")).toBe(true);
    expect(ratingMeets(xepLoai, "tot")).toBe(true);
    expect(ratingMeets(xepLoai, "hoan-thanh")).toBe(false);
    expect(ratingMeets(xepLoai, "khong-hoan-thanh")).toBe(false);
  });
});

describe("evaluate", () => {
  it("lists every criterion as unanswered when nothing is answered", () => {
    expect(evaluate(individual, emptyAnswers())).toEqual({
      met: [],
      notMet: [],
      awaitingRating: [],
      unanswered: INDIVIDUAL_IDS,
    });
  });

  it("sorts criteria into met, not met and unanswered, in the plan's order", () => {
    const answers = emptyAnswers();
    answers.criteria["chap-hanh"] = { met: true, account: "Đã làm", filesDone: true };
    answers.criteria["nhiem-vu-cchc"] = { met: false, account: null };
    answers.criteria["van-ban-chi-dao"] = { met: true, account: "Đã làm" }; // files still open
    answers.criteria["sang-kien"] = { met: false };
    answers.criteria["xep-loai"] = { rating: "tot", met: ratingMeets(xepLoai, "tot") };
    expect(evaluate(individual, answers)).toEqual({
      met: ["chap-hanh", "xep-loai"],
      notMet: ["nhiem-vu-cchc", "sang-kien"],
      awaitingRating: [],
      unanswered: ["van-ban-chi-dao", "thu-tuc-hanh-chinh"],
    });
  });

  it("takes xep-loai as not met with hoan-thanh and as met with tot", () => {
    const hoanThanh = individualAllMet("hoan-thanh");
    expect(evaluate(individual, hoanThanh).notMet).toEqual(["xep-loai"]);
    expect(evaluate(individual, hoanThanh).met).not.toContain("xep-loai");
    const tot = individualAllMet("tot");
    expect(evaluate(individual, tot)).toEqual({
      met: INDIVIDUAL_IDS,
      notMet: [],
      awaitingRating: [],
      unanswered: [],
    });
  });

  it("evaluates a unit against the 3 collective criteria only", () => {
    expect(evaluate(unit, walk(unit, allMet).answers)).toEqual({
      met: COLLECTIVE_IDS,
      notMet: [],
      awaitingRating: [],
      unanswered: [],
    });
  });
});

describe("formsToConsider (the Office's rule per form and kind)", () => {
  it("names all three forms when every criterion is met, whatever the rating or the initiative's council", () => {
    for (const [rating, council] of [
      ["xuat-sac", "tinh"],
      ["tot", "tinh"],
      ["xuat-sac", "so"],
    ] as const)
      expect(formsToConsider(campaign, individual, individualAllMet(rating, council))).toEqual([
        THU_TUONG,
        CHU_TICH,
        GIAY_KHEN,
      ]);
  });

  it("names nothing when any criterion is not met", () => {
    for (const id of INDIVIDUAL_IDS) {
      const answers = walk(individual, {
        met: (criterionId) => criterionId !== id,
        rating: id === "xep-loai" ? "hoan-thanh" : "xuat-sac",
        council: "tinh",
      }).answers;
      expect(evaluate(individual, answers).notMet).toEqual([id]);
      expect(formsToConsider(campaign, individual, answers)).toEqual([]);
    }
  });

  it("names nothing while a criterion is unanswered", () => {
    const answers = individualAllMet();
    answers.criteria["thu-tuc-hanh-chinh"] = { met: true, account: "Đã làm" };
    expect(formsToConsider(campaign, individual, answers)).toEqual([]);
    expect(formsToConsider(campaign, individual, emptyAnswers())).toEqual([]);
  });

  it("names every form for a unit with all met: a unit has no rating, and no rule asks it for one", () => {
    const answers = walk(unit, { met: () => true, rating: "xuat-sac", council: "tinh" }).answers;
    expect(formsToConsider(campaign, unit, answers)).toEqual([THU_TUONG, CHU_TICH, GIAY_KHEN]);
  });

  it("names nothing for a unit whose initiative is not met", () => {
    const answers = walk(unit, {
      met: (id) => id !== "sang-kien",
      rating: "xuat-sac",
      council: "tinh",
    }).answers;
    expect(formsToConsider(campaign, unit, answers)).toEqual([]);
  });

  it("counts criteria met where the Office's rule asks for a number, and names no form without a rule", () => {
    const counted = {
      ...campaign,
      awardForms: campaign.awardForms.map((form) => ({
        ...form,
        considerWhen:
          form.id === GIAY_KHEN ? { individual: { allCriteria: false, minimumCriteriaMet: 5 } } : {},
      })),
    };
    const fiveOfSix = walk(individual, {
      met: (criterionId) => criterionId !== "chap-hanh",
      rating: "xuat-sac",
      council: "tinh",
    }).answers;
    expect(formsToConsider(counted, individual, fiveOfSix)).toEqual([GIAY_KHEN]);
    const fourOfSix = walk(individual, {
      met: (criterionId) => criterionId !== "chap-hanh" && criterionId !== "sang-kien",
      rating: "xuat-sac",
      council: "tinh",
    }).answers;
    expect(formsToConsider(counted, individual, fourOfSix)).toEqual([]);
  });
});

describe("isLocked against the 2026 round's deadline (05/01/2027 00:00 in Asia/Ho_Chi_Minh)", () => {
  const HCM = "Asia/Ho_Chi_Minh";
  const deadline = roundDeadline(2026, { month: 1, day: 5, yearsAfter: 1 }, HCM);
  const at = (iso: string) => new Date(iso);

  it("uses the bundled campaign's own deadline rule and time zone", () => {
    expect(campaign.timeZone).toBe(HCM);
    expect(roundDeadline(2026, campaign.deadline, campaign.timeZone).getTime()).toBe(deadline.getTime());
  });

  it("is open in the last minute before the deadline", () => {
    expect(isLocked(at("2027-01-04T23:59:00+07:00"), deadline, null)).toBe(false);
    expect(isLocked(at("2027-01-04T23:59:59.999+07:00"), deadline, null)).toBe(false);
  });

  it("is locked from 05/01 00:00 local, and in the first minute after it", () => {
    expect(isLocked(at("2027-01-05T00:00:00+07:00"), deadline, null)).toBe(true);
    expect(isLocked(at("2027-01-05T00:00:30+07:00"), deadline, null)).toBe(true);
    expect(isLocked(at("2027-01-05T00:01:00+07:00"), deadline, null)).toBe(true);
  });

  it("locks by local time even while it is still 04/01 in UTC", () => {
    expect(isLocked(at("2027-01-04T17:00:00Z"), deadline, null)).toBe(true);
    expect(isLocked(at("2027-01-04T16:59:00Z"), deadline, null)).toBe(false);
  });

  it("is open during the year and locked long after", () => {
    expect(isLocked(at("2026-06-15T10:00:00+07:00"), deadline, null)).toBe(false);
    expect(isLocked(at("2027-03-01T10:00:00+07:00"), deadline, null)).toBe(true);
  });

  it("stays open until the end of an extension later than the deadline", () => {
    const extendedUntil = at("2027-01-10T00:00:00+07:00");
    expect(isLocked(at("2027-01-05T00:00:00+07:00"), deadline, extendedUntil)).toBe(false);
    expect(isLocked(at("2027-01-09T23:59:00+07:00"), deadline, extendedUntil)).toBe(false);
    expect(isLocked(at("2027-01-10T00:00:00+07:00"), deadline, extendedUntil)).toBe(true);
    expect(isLocked(at("2027-01-10T00:01:00+07:00"), deadline, extendedUntil)).toBe(true);
  });

  it("ignores an extension that ends before the deadline", () => {
    const extendedUntil = at("2027-01-02T00:00:00+07:00");
    expect(isLocked(at("2027-01-03T12:00:00+07:00"), deadline, extendedUntil)).toBe(false);
    expect(isLocked(at("2027-01-04T23:59:00+07:00"), deadline, extendedUntil)).toBe(false);
    expect(isLocked(at("2027-01-05T00:00:00+07:00"), deadline, extendedUntil)).toBe(true);
  });
});

describe("progress", () => {
  it("counts criteria and areas, nothing done at the start", () => {
    expect(progress(individual, emptyAnswers())).toEqual({ done: 0, total: 12 });
    expect(progress(unit, emptyAnswers())).toEqual({ done: 0, total: 9 });
  });

  it("counts complete criteria and answered (or skipped) areas only", () => {
    const answers = emptyAnswers();
    answers.criteria["chap-hanh"] = { met: true, account: "Đã làm", filesDone: true };
    answers.criteria["nhiem-vu-cchc"] = { met: true, account: "Đã làm" }; // files still open
    answers.criteria["sang-kien"] = { met: false };
    answers.areas["the-che"] = { text: "Rà soát 15 văn bản" };
    answers.areas["tai-chinh-cong"] = { text: null };
    answers.areas["to-chuc-bo-may"] = {};
    expect(progress(individual, answers)).toEqual({ done: 4, total: 12 });
  });

  it("counts everything once the questionnaire is complete", () => {
    expect(progress(individual, individualAllMet())).toEqual({ done: 12, total: 12 });
    expect(progress(unit, walk(unit, allMet).answers)).toEqual({ done: 9, total: 9 });
  });
});

describe("startRefusal: why someone with no assessment cannot start one (the 2026 round, due 05/01/2027)", () => {
  const deadline = roundDeadline(2026, { month: 1, day: 5, yearsAfter: 1 }, "Asia/Ho_Chi_Minh");
  const base = {
    open: true,
    now: new Date("2027-01-04T23:59:00+07:00"),
    deadline,
    extendedUntil: null,
    decided: false,
  };

  it("lets them start in an open round before the deadline", () => {
    expect(startRefusal(base)).toBeNull();
  });

  it("refuses from the deadline on, unless the unit's extension still runs", () => {
    const late = { ...base, now: new Date("2027-01-05T00:00:00+07:00") };
    expect(startRefusal(late)).toBe("deadline");
    const extendedUntil = new Date("2027-01-08T00:00:00+07:00");
    expect(startRefusal({ ...late, extendedUntil })).toBeNull();
    expect(startRefusal({ ...late, extendedUntil, now: extendedUntil })).toBe("deadline");
  });

  it("names a closed round first, then a decision made, whatever the deadline", () => {
    expect(startRefusal({ ...base, open: false, decided: true })).toBe("round_closed");
    expect(startRefusal({ ...base, decided: true })).toBe("decided");
  });
});
