import { describe, expect, it } from "vitest";
import { loadCampaign } from "../../../src/campaign/load.js";
import {
  type AnswerContext,
  type AnswerInput,
  buttonData,
  type Interpretation,
  interpretAnswer,
  type ProofFileInput,
} from "../../../src/domain/answering.js";
import {
  type Answers,
  type AreaAnswer,
  type CriterionAnswer,
  type CriterionField,
  criterionFields,
  evaluate,
  nextStep,
  type Questionnaire,
  questionnaireFor,
  type Step,
  stepKey,
} from "../../../src/domain/assessment.js";
import { FILE_SIZE_MAX, FILES_PER_CRITERION_MAX } from "../../../src/domain/evidence.js";

const campaign = loadCampaign();
const individual = questionnaireFor(campaign, "individual");
const unit = questionnaireFor(campaign, "unit");
const HCM = "Asia/Ho_Chi_Minh";
/** 15/06/2026, 10:00 in Vietnam. */
const NOW = new Date("2026-06-15T03:00:00Z");

function criterionStep(questionnaire: Questionnaire, id: string, field: CriterionField): Step {
  const index = questionnaire.criteria.findIndex((c) => c.id === id);
  const criterion = questionnaire.criteria[index];
  if (!criterion) throw new Error(`no criterion ${id}`);
  return { kind: "criterion", criterion, field, index, total: questionnaire.criteria.length };
}

function areaStep(questionnaire: Questionnaire, id: string): Step {
  const index = questionnaire.areas.findIndex((a) => a.id === id);
  const area = questionnaire.areas[index];
  if (!area) throw new Error(`no area ${id}`);
  return { kind: "area", area, index, total: questionnaire.areas.length };
}

const SUMMARY: Step = { kind: "summary" };

const text = (value: string): AnswerInput => ({ type: "text", text: value });
const press = (step: Step, value: string): AnswerInput => ({ type: "button", data: buttonData(step, value) });
const raw = (data: string): AnswerInput => ({ type: "button", data });
const sticker: AnswerInput = { type: "other" };

const pdf: ProofFileInput = {
  fileId: "file-1",
  uniqueId: "unique-1",
  kind: "document",
  fileName: "quyet-dinh.pdf",
  mimeType: "application/pdf",
  size: 300_000,
};
const fileInput = (file: ProofFileInput): AnswerInput => ({ type: "file", file });

function answersWith(criteria: Record<string, CriterionAnswer> = {}, areas: Record<string, AreaAnswer> = {}) {
  return { criteria, areas } satisfies Answers;
}

function interpret(
  step: Step,
  input: AnswerInput,
  options: {
    answers?: Answers;
    questionnaire?: Questionnaire;
    backup?: CriterionAnswer | AreaAnswer | null;
    filesOnItem?: number;
    now?: Date;
  } = {},
): Interpretation {
  const context: AnswerContext = {
    now: options.now ?? NOW,
    timeZone: HCM,
    backup: options.backup ?? null,
    filesOnItem: options.filesOnItem ?? 0,
  };
  return interpretAnswer(
    options.questionnaire ?? individual,
    options.answers ?? answersWith(),
    step,
    input,
    context,
  );
}

const problem = (key: string) => ({ kind: "problem", key });
const save = (itemKey: string, data: CriterionAnswer | AreaAnswer) => ({ kind: "save", itemKey, data });

describe("buttonData", () => {
  it("is as:<stepKey>:<value>", () => {
    expect(buttonData(criterionStep(individual, "chap-hanh", "met"), "yes")).toBe("as:c:chap-hanh:met:yes");
    expect(buttonData(criterionStep(individual, "xep-loai", "rating"), "tot")).toBe(
      "as:c:xep-loai:rating:tot",
    );
    expect(buttonData(areaStep(individual, "the-che"), "skip")).toBe("as:a:the-che:skip");
    expect(buttonData(SUMMARY, "edit:c:sang-kien")).toBe("as:summary:edit:c:sang-kien");
  });

  /** Every button the flow can show for the bundled campaign, with the step it belongs to. */
  function everyButton(questionnaire: Questionnaire): Array<{ step: Step; value: string }> {
    const buttons: Array<{ step: Step; value: string }> = [];
    for (const criterion of questionnaire.criteria) {
      const fields = new Set([
        ...criterionFields(criterion, { met: true }),
        ...criterionFields(criterion, { met: false }),
      ]);
      for (const field of fields) {
        const step = criterionStep(questionnaire, criterion.id, field);
        const values = ["keep"];
        if (field === "met") values.push("yes", "no");
        if (field === "account") values.push("skip");
        if (field === "files") values.push("done");
        if (field === "council" && criterion.evidence.kind === "initiative") {
          values.push(...criterion.evidence.councils.map((c) => c.id));
        }
        if (field === "rating" && criterion.evidence.kind === "rating") {
          values.push(...criterion.evidence.levels.map((l) => l.id));
        }
        for (const value of values) buttons.push({ step, value });
      }
    }
    for (const area of questionnaire.areas) {
      for (const value of ["skip", "keep"]) buttons.push({ step: areaStep(questionnaire, area.id), value });
    }
    const editKeys = [
      ...questionnaire.criteria.map((c) => `c:${c.id}`),
      ...questionnaire.areas.map((a) => `a:${a.id}`),
    ];
    for (const value of ["submit", "stop", ...editKeys.map((key) => `edit:${key}`)]) {
      buttons.push({ step: SUMMARY, value });
    }
    return buttons;
  }

  it("covers the bundled campaign's criteria, councils, levels, areas and edit keys", () => {
    const all = [...everyButton(individual), ...everyButton(unit)].map(({ step, value }) =>
      buttonData(step, value),
    );
    expect(all).toContain("as:c:sang-kien:council:tinh");
    expect(all).toContain("as:c:xep-loai:rating:khong-hoan-thanh");
    expect(all).toContain("as:c:thu-tuc-hanh-chinh:account:skip");
    expect(all).toContain("as:summary:edit:a:chinh-quyen-so");
    expect(all).toContain("as:summary:edit:c:thu-tuc-hanh-chinh");
  });

  it("stays within Telegram's 64 bytes for every button of the bundled campaign", () => {
    for (const { step, value } of [...everyButton(individual), ...everyButton(unit)]) {
      const data = buttonData(step, value);
      expect(Buffer.byteLength(data, "utf8"), data).toBeLessThanOrEqual(64);
    }
  });

  it("is recognised on its own step and stale on every other step", () => {
    const buttons = everyButton(individual);
    const steps = new Map(buttons.map(({ step }) => [stepKey(step), step]));
    for (const { step, value } of buttons) {
      const data = raw(buttonData(step, value));
      expect(interpret(step, data).kind, `${stepKey(step)} ${value}`).not.toBe("stale");
      for (const [key, other] of steps) {
        if (key !== stepKey(step))
          expect(interpret(other, data), `${key} ${value}`).toEqual({ kind: "stale" });
      }
    }
  });
});

describe("interpretAnswer: stale buttons", () => {
  const accountStep = criterionStep(individual, "chap-hanh", "account");
  const answers = answersWith({ "chap-hanh": { met: true } });

  it("does not take a press on the previous question once the next one is open", () => {
    expect(interpret(accountStep, raw("as:c:chap-hanh:met:no"), { answers })).toEqual({ kind: "stale" });
  });

  it("does not take a press for another criterion, an area, the summary or another feature", () => {
    for (const data of [
      "as:c:nhiem-vu-cchc:met:yes",
      "as:a:the-che:skip",
      "as:summary:submit",
      "as:c:chap-hanh:accounts:skip",
      "reg:end:name",
    ]) {
      expect(interpret(accountStep, raw(data), { answers }), data).toEqual({ kind: "stale" });
    }
  });

  it("takes an old 'keep' press as stale too, even while changing an answer", () => {
    const backup = { met: true, account: "Cũ", filesDone: true };
    expect(interpret(accountStep, raw("as:c:chap-hanh:met:keep"), { answers, backup })).toEqual({
      kind: "stale",
    });
  });

  it("takes an old question's button as stale on the summary", () => {
    expect(interpret(SUMMARY, raw("as:c:xep-loai:rating:tot"))).toEqual({ kind: "stale" });
  });
});

describe("interpretAnswer: met", () => {
  const step = criterionStep(individual, "chap-hanh", "met");

  it("saves yes and no", () => {
    expect(interpret(step, press(step, "yes"))).toEqual(save("c:chap-hanh", { met: true }));
    expect(interpret(step, press(step, "no"))).toEqual(save("c:chap-hanh", { met: false }));
  });

  it("merges the answer into what is stored for the criterion", () => {
    const answers = answersWith({
      "chap-hanh": { met: true, account: "Đã làm" },
      "sang-kien": { met: false },
    });
    expect(interpret(step, press(step, "no"), { answers })).toEqual(
      save("c:chap-hanh", { met: false, account: "Đã làm" }),
    );
  });

  it("takes a typed answer that says a button's word, ignoring case and diacritics", () => {
    for (const typed of ["Đạt", "đạt", "DAT", "✅ Đạt", "Có", "Đồng ý.", "yes"]) {
      expect(interpret(step, text(typed))).toEqual(save("c:chap-hanh", { met: true }));
    }
    for (const typed of ["Chưa đạt", "chua dat", "Không", "không đạt!", "No"]) {
      expect(interpret(step, text(typed))).toEqual(save("c:chap-hanh", { met: false }));
    }
  });

  it("asks for a button for other text, a sticker, a file or an unknown value", () => {
    expect(interpret(step, text("Đạt yêu cầu"))).toEqual(problem("flow-press-button-below"));
    expect(interpret(step, text("có lẽ"))).toEqual(problem("flow-press-button-below"));
    expect(interpret(step, sticker)).toEqual(problem("flow-press-button-below"));
    expect(interpret(step, fileInput(pdf))).toEqual(problem("flow-press-button-below"));
    expect(interpret(step, press(step, "maybe"))).toEqual(problem("flow-press-button-below"));
    expect(interpret(step, press(step, "skip"))).toEqual(problem("flow-press-button-below"));
  });
});

describe("interpretAnswer: account", () => {
  const step = criterionStep(individual, "chap-hanh", "account");
  const met = answersWith({ "chap-hanh": { met: true } });
  const notMet = answersWith({ "chap-hanh": { met: false } });

  it("saves the trimmed text with what was stored", () => {
    expect(interpret(step, text("  Chấp hành tốt chủ trương.  "), { answers: met })).toEqual(
      save("c:chap-hanh", { met: true, account: "Chấp hành tốt chủ trương." }),
    );
  });

  it("takes exactly 1000 characters and refuses 1001 or an empty answer", () => {
    const long = `Hoàn thành ${"a".repeat(989)}`;
    expect(interpret(step, text(long), { answers: met })).toEqual(
      save("c:chap-hanh", { met: true, account: long }),
    );
    expect(interpret(step, text(`${long}a`), { answers: met })).toEqual(problem("as-text-too_long"));
    expect(interpret(step, text("   "), { answers: met })).toEqual(problem("as-text-too_short"));
  });

  it("wants a sentence for a met criterion, and takes a word of why for one not met", () => {
    expect(interpret(step, text("ok"), { answers: met })).toEqual({
      kind: "problem",
      key: "as-account-no-sentence",
      vars: { min: 20 },
    });
    expect(interpret(step, text("Chưa đủ"), { answers: notMet })).toEqual(
      save("c:chap-hanh", { met: false, account: "Chưa đủ" }),
    );
  });

  it("takes 'skip' only when the criterion is not met", () => {
    expect(interpret(step, press(step, "skip"), { answers: notMet })).toEqual(
      save("c:chap-hanh", { met: false, account: null }),
    );
    expect(interpret(step, press(step, "skip"), { answers: met })).toEqual(problem("flow-text-expected"));
    expect(interpret(step, press(step, "skip"))).toEqual(problem("flow-text-expected"));
  });

  it("asks for text for a sticker, a file or another button", () => {
    expect(interpret(step, sticker, { answers: met })).toEqual(problem("flow-text-expected"));
    expect(interpret(step, fileInput(pdf), { answers: met })).toEqual(problem("flow-text-expected"));
    expect(interpret(step, press(step, "done"), { answers: met })).toEqual(problem("flow-text-expected"));
  });
});

describe("interpretAnswer: initiative decision, date and council", () => {
  const numberStep = criterionStep(individual, "sang-kien", "decisionNumber");
  const dateStep = criterionStep(individual, "sang-kien", "decisionDate");
  const councilStep = criterionStep(individual, "sang-kien", "council");
  const answers = answersWith({ "sang-kien": { met: true, decisionNumber: "125/QĐ-STP" } });

  it("saves a decision number with a digit, spaces tidied", () => {
    expect(
      interpret(numberStep, text(" 125/QĐ-STP "), { answers: answersWith({ "sang-kien": { met: true } }) }),
    ).toEqual(save("c:sang-kien", { met: true, decisionNumber: "125/QĐ-STP" }));
    expect(interpret(numberStep, text("Số  12   /QĐ-UBND"))).toEqual(
      save("c:sang-kien", { decisionNumber: "Số 12 /QĐ-UBND" }),
    );
  });

  it("refuses a decision number without a digit or too long", () => {
    expect(interpret(numberStep, text("QĐ-STP"))).toEqual(problem("as-decision-number-no_digit"));
    expect(interpret(numberStep, text(`1${"x".repeat(60)}`))).toEqual(problem("as-decision-number-too_long"));
    expect(interpret(numberStep, press(numberStep, "skip"))).toEqual(problem("flow-text-expected"));
  });

  it("saves a decision date as yyyy-mm-dd, merged with the number", () => {
    expect(interpret(dateStep, text("15/10/2025"), { answers })).toEqual(
      save("c:sang-kien", { met: true, decisionNumber: "125/QĐ-STP", decisionDate: "2025-10-15" }),
    );
    expect(interpret(dateStep, text("5-1-2026"), { answers })).toEqual(
      save("c:sang-kien", { met: true, decisionNumber: "125/QĐ-STP", decisionDate: "2026-01-05" }),
    );
  });

  it("refuses a date in another format, one that does not exist, or one after today", () => {
    expect(interpret(dateStep, text("2026-01-05"), { answers })).toEqual(
      problem("as-decision-date-bad_format"),
    );
    expect(interpret(dateStep, text("hôm qua"), { answers })).toEqual(problem("as-decision-date-bad_format"));
    expect(interpret(dateStep, text("31/04/2026"), { answers })).toEqual(
      problem("as-decision-date-no_such_date"),
    );
    expect(interpret(dateStep, text("16/06/2026"), { answers })).toEqual(
      problem("as-decision-date-in_future"),
    );
    expect(interpret(dateStep, text("15/06/2026"), { answers })).toMatchObject({ kind: "save" });
    expect(interpret(dateStep, sticker, { answers })).toEqual(problem("flow-text-expected"));
  });

  it("saves a council from the campaign's list, and nothing else", () => {
    expect(interpret(councilStep, press(councilStep, "so"), { answers })).toEqual(
      save("c:sang-kien", { met: true, decisionNumber: "125/QĐ-STP", council: "so" }),
    );
    expect(interpret(councilStep, press(councilStep, "tinh"))).toEqual(
      save("c:sang-kien", { council: "tinh" }),
    );
    expect(interpret(councilStep, press(councilStep, "huyen"))).toEqual(problem("flow-press-button-below"));
    expect(interpret(councilStep, text("Hội đồng tỉnh"))).toEqual(problem("flow-press-button-below"));
  });

  it("takes a typed council's name, or words only one council's name holds", () => {
    expect(interpret(councilStep, text("tỉnh"))).toEqual(save("c:sang-kien", { council: "tinh" }));
    expect(interpret(councilStep, text("HỘI ĐỒNG SÁNG KIẾN CẤP CƠ SỞ SỞ TƯ PHÁP"))).toEqual(
      save("c:sang-kien", { council: "so" }),
    );
    expect(interpret(councilStep, text("the Department's initiative council"))).toEqual(
      save("c:sang-kien", { council: "so" }),
    );
    // Words in both names name neither.
    expect(interpret(councilStep, text("sáng kiến"))).toEqual(problem("flow-press-button-below"));
  });
});

describe("interpretAnswer: files", () => {
  const step = criterionStep(individual, "chap-hanh", "files");
  const answers = answersWith({ "chap-hanh": { met: true, account: "Đã làm" } });

  it("takes a proof file for the criterion", () => {
    expect(interpret(step, fileInput(pdf), { answers })).toEqual({
      kind: "file",
      itemKey: "c:chap-hanh",
      file: pdf,
    });
    const photo: ProofFileInput = {
      fileId: "p",
      uniqueId: "pu",
      kind: "photo",
      mimeType: "image/jpeg",
      size: 1000,
    };
    expect(interpret(step, fileInput(photo), { answers })).toEqual({
      kind: "file",
      itemKey: "c:chap-hanh",
      file: photo,
    });
  });

  it("marks the files done on 'done', keeping the other fields", () => {
    expect(interpret(step, press(step, "done"), { answers })).toEqual(
      save("c:chap-hanh", { met: true, account: "Đã làm", filesDone: true }),
    );
  });

  it("takes a 🗑 press as removing that stored file", () => {
    expect(interpret(step, press(step, "del:42"), { answers, filesOnItem: 2 })).toEqual({
      kind: "remove-file",
      itemKey: "c:chap-hanh",
      fileId: 42,
    });
    expect(interpret(step, press(step, "del:x"), { answers })).toEqual(problem("as-files-expected"));
  });

  it("takes a typed 'xong' or 'không có' as the 'Xong' button", () => {
    for (const typed of ["Xong", "xong.", "Không có", "khong co tep", "done"]) {
      expect(interpret(step, text(typed), { answers })).toEqual(
        save("c:chap-hanh", { met: true, account: "Đã làm", filesDone: true }),
      );
    }
  });

  it("asks for files for other text, a sticker or another button", () => {
    expect(interpret(step, text("gửi sau"), { answers })).toEqual(problem("as-files-expected"));
    expect(interpret(step, sticker, { answers })).toEqual(problem("as-files-expected"));
    expect(interpret(step, press(step, "skip"), { answers })).toEqual(problem("as-files-expected"));
  });

  it("refuses a file of the wrong type or too large", () => {
    const zip = { ...pdf, fileName: "hoso.zip", mimeType: "application/zip" };
    expect(interpret(step, fileInput(zip), { answers })).toEqual(problem("as-file-wrong_type"));
    const big = { ...pdf, size: FILE_SIZE_MAX + 1 };
    expect(interpret(step, fileInput(big), { answers })).toEqual(problem("as-file-too_large"));
    const atLimit = { ...pdf, size: FILE_SIZE_MAX };
    expect(interpret(step, fileInput(atLimit), { answers })).toMatchObject({ kind: "file" });
  });

  it("refuses a file beyond the per-criterion maximum, saying the maximum", () => {
    expect(FILES_PER_CRITERION_MAX).toBe(5);
    expect(interpret(step, fileInput(pdf), { answers, filesOnItem: 4 })).toMatchObject({ kind: "file" });
    expect(interpret(step, fileInput(pdf), { answers, filesOnItem: 5 })).toEqual({
      kind: "problem",
      key: "as-file-too-many",
      vars: { max: 5 },
    });
    expect(interpret(step, press(step, "done"), { answers, filesOnItem: 5 })).toMatchObject({ kind: "save" });
  });
});

describe("interpretAnswer: rating", () => {
  const step = criterionStep(individual, "xep-loai", "rating");

  it("saves the level and whether it meets 'hoàn thành tốt nhiệm vụ trở lên'", () => {
    expect(interpret(step, press(step, "xuat-sac"))).toEqual(
      save("c:xep-loai", { rating: "xuat-sac", met: true }),
    );
    expect(interpret(step, press(step, "tot"))).toEqual(save("c:xep-loai", { rating: "tot", met: true }));
    expect(interpret(step, press(step, "hoan-thanh"))).toEqual(
      save("c:xep-loai", { rating: "hoan-thanh", met: false }),
    );
    expect(interpret(step, press(step, "khong-hoan-thanh"))).toEqual(
      save("c:xep-loai", { rating: "khong-hoan-thanh", met: false }),
    );
  });

  it("takes a typed level's name, or words only one level's name holds", () => {
    expect(interpret(step, text("Hoàn thành xuất sắc nhiệm vụ"))).toEqual(
      save("c:xep-loai", { rating: "xuat-sac", met: true }),
    );
    expect(interpret(step, text("xuat sac"))).toEqual(save("c:xep-loai", { rating: "xuat-sac", met: true }));
    expect(interpret(step, text("Tốt"))).toEqual(save("c:xep-loai", { rating: "tot", met: true }));
    // Its own name, though "Không hoàn thành nhiệm vụ" holds it too.
    expect(interpret(step, text("hoàn thành nhiệm vụ"))).toEqual(
      save("c:xep-loai", { rating: "hoan-thanh", met: false }),
    );
    expect(interpret(step, text("không hoàn thành"))).toEqual(
      save("c:xep-loai", { rating: "khong-hoan-thanh", met: false }),
    );
    expect(interpret(step, text("hoàn thành"))).toEqual(problem("flow-press-button-below"));
    expect(interpret(step, text("giỏi"))).toEqual(problem("flow-press-button-below"));
  });

  it("replaces an earlier rating and its verdict", () => {
    const answers = answersWith({ "xep-loai": { rating: "xuat-sac", met: true } });
    expect(interpret(step, press(step, "hoan-thanh"), { answers })).toEqual(
      save("c:xep-loai", { rating: "hoan-thanh", met: false }),
    );
  });

  it("makes xep-loai not met when the saved rating is hoan-thanh", () => {
    const saved = interpret(step, press(step, "hoan-thanh"));
    if (saved.kind !== "save") throw new Error(`expected a save, got ${saved.kind}`);
    const answers = answersWith({ "xep-loai": saved.data as CriterionAnswer });
    expect(evaluate(individual, answers).notMet).toEqual(["xep-loai"]);
  });

  it("refuses an unknown level, text naming none, or a sticker", () => {
    expect(interpret(step, press(step, "gioi"))).toEqual(problem("flow-press-button-below"));
    expect(interpret(step, text("giỏi lắm"))).toEqual(problem("flow-press-button-below"));
    expect(interpret(step, sticker)).toEqual(problem("flow-press-button-below"));
  });
});

describe("interpretAnswer: keep the previous answer while changing it", () => {
  const backup: CriterionAnswer = {
    met: true,
    decisionNumber: "125/QĐ-STP",
    decisionDate: "2025-10-15",
    council: "tinh",
    filesDone: true,
  };

  it("copies each initiative field from the backup", () => {
    const steps: Array<[CriterionField, CriterionAnswer, CriterionAnswer]> = [
      ["met", {}, { met: true }],
      ["decisionNumber", { met: true }, { met: true, decisionNumber: "125/QĐ-STP" }],
      [
        "decisionDate",
        { met: true, decisionNumber: "9/QĐ" },
        { met: true, decisionNumber: "9/QĐ", decisionDate: "2025-10-15" },
      ],
      ["council", { met: true }, { met: true, council: "tinh" }],
      ["files", { met: true, council: "tinh" }, { met: true, council: "tinh", filesDone: true }],
    ];
    for (const [field, current, expected] of steps) {
      const step = criterionStep(individual, "sang-kien", field);
      const answers = answersWith({ "sang-kien": current });
      expect(interpret(step, press(step, "keep"), { answers, backup }), field).toEqual(
        save("c:sang-kien", expected),
      );
    }
  });

  it("copies an account, and a skipped (null) account", () => {
    const step = criterionStep(individual, "chap-hanh", "account");
    expect(
      interpret(step, press(step, "keep"), {
        answers: answersWith({ "chap-hanh": { met: true } }),
        backup: { met: true, account: "Bản cũ", filesDone: true },
      }),
    ).toEqual(save("c:chap-hanh", { met: true, account: "Bản cũ" }));
    expect(
      interpret(step, press(step, "keep"), {
        answers: answersWith({ "chap-hanh": { met: false } }),
        backup: { met: false, account: null },
      }),
    ).toEqual(save("c:chap-hanh", { met: false, account: null }));
  });

  it("does not keep a skipped account once the criterion is answered as met", () => {
    const step = criterionStep(individual, "chap-hanh", "account");
    expect(
      interpret(step, press(step, "keep"), {
        answers: answersWith({ "chap-hanh": { met: true } }),
        backup: { met: false, account: null },
      }),
    ).toEqual({ kind: "problem", key: "flow-text-expected" });
  });

  it("keeps the rating together with its verdict", () => {
    const step = criterionStep(individual, "xep-loai", "rating");
    expect(interpret(step, press(step, "keep"), { backup: { rating: "hoan-thanh", met: false } })).toEqual(
      save("c:xep-loai", { rating: "hoan-thanh", met: false }),
    );
    expect(interpret(step, press(step, "keep"), { backup: { rating: "xuat-sac", met: true } })).toEqual(
      save("c:xep-loai", { rating: "xuat-sac", met: true }),
    );
  });

  it("does not invent an answer when there is nothing to keep", () => {
    const metStep = criterionStep(individual, "chap-hanh", "met");
    expect(interpret(metStep, press(metStep, "keep"))).toEqual(problem("flow-press-button-below"));
    expect(interpret(metStep, press(metStep, "keep"), { backup: { account: "x" } })).toEqual(
      problem("flow-press-button-below"),
    );
    const accountStep = criterionStep(individual, "chap-hanh", "account");
    expect(
      interpret(accountStep, press(accountStep, "keep"), {
        answers: answersWith({ "chap-hanh": { met: true } }),
      }),
    ).toEqual(problem("flow-text-expected"));
    const ratingStep = criterionStep(individual, "xep-loai", "rating");
    expect(interpret(ratingStep, press(ratingStep, "keep"), { backup: { met: true } })).toEqual(
      problem("flow-press-button-below"),
    );
  });

  it("keeps an area's text, or its skip, and asks for text when there is none", () => {
    const step = areaStep(individual, "the-che");
    expect(interpret(step, press(step, "keep"), { backup: { text: "Rà soát văn bản" } })).toEqual(
      save("a:the-che", { text: "Rà soát văn bản" }),
    );
    expect(interpret(step, press(step, "keep"), { backup: { text: null } })).toEqual(
      save("a:the-che", { text: null }),
    );
    expect(interpret(step, press(step, "keep"))).toEqual(problem("flow-text-expected"));
  });
});

describe("interpretAnswer: reform areas", () => {
  const step = areaStep(individual, "chinh-quyen-so");

  it("saves trimmed text or a skip", () => {
    expect(interpret(step, text("  Số hóa 100% hồ sơ  "))).toEqual(
      save("a:chinh-quyen-so", { text: "Số hóa 100% hồ sơ" }),
    );
    expect(interpret(step, press(step, "skip"))).toEqual(save("a:chinh-quyen-so", { text: null }));
  });

  it("refuses empty or over-long text, and anything but text", () => {
    expect(interpret(step, text(" "))).toEqual(problem("as-text-too_short"));
    expect(interpret(step, text("x".repeat(1001)))).toEqual(problem("as-text-too_long"));
    expect(interpret(step, sticker)).toEqual(problem("flow-text-expected"));
    expect(interpret(step, fileInput(pdf))).toEqual(problem("flow-text-expected"));
    expect(interpret(step, press(step, "yes"))).toEqual(problem("flow-text-expected"));
  });
});

describe("interpretAnswer: summary", () => {
  it("submits and stops", () => {
    expect(interpret(SUMMARY, press(SUMMARY, "submit"))).toEqual({ kind: "submit" });
    expect(interpret(SUMMARY, press(SUMMARY, "stop"))).toEqual({ kind: "stop" });
  });

  it("opens any known criterion or area for a change", () => {
    for (const key of ["c:chap-hanh", "c:sang-kien", "c:xep-loai", "a:the-che", "a:chinh-quyen-so"]) {
      expect(interpret(SUMMARY, press(SUMMARY, `edit:${key}`))).toEqual({ kind: "edit", itemKey: key });
    }
    expect(interpret(SUMMARY, press(SUMMARY, "edit:c:sang-kien"), { questionnaire: unit })).toEqual({
      kind: "edit",
      itemKey: "c:sang-kien",
    });
  });

  it("refuses an unknown key, one the questionnaire does not ask, text and unknown values", () => {
    expect(interpret(SUMMARY, press(SUMMARY, "edit:c:khong-co"))).toEqual(problem("flow-press-button"));
    expect(interpret(SUMMARY, press(SUMMARY, "edit:chap-hanh"))).toEqual(problem("flow-press-button"));
    expect(interpret(SUMMARY, press(SUMMARY, "edit:"))).toEqual(problem("flow-press-button"));
    expect(interpret(SUMMARY, press(SUMMARY, "edit:c:xep-loai"), { questionnaire: unit })).toEqual(
      problem("flow-press-button"),
    );
    expect(interpret(SUMMARY, press(SUMMARY, "publish"))).toEqual(problem("flow-press-button"));
    expect(interpret(SUMMARY, text("gửi"))).toEqual(problem("flow-press-button"));
    expect(interpret(SUMMARY, sticker)).toEqual(problem("flow-press-button"));
  });
});

describe("interpretAnswer driving nextStep", () => {
  it("answers a whole individual questionnaire through its own buttons and texts", () => {
    const answers: Answers = { criteria: {}, areas: {} };
    const reply = (step: Step): AnswerInput => {
      if (step.kind === "area")
        return step.index % 2 === 0 ? text(`Kết quả ${step.area.id}`) : press(step, "skip");
      if (step.kind === "summary") throw new Error("no reply at the summary");
      switch (step.field) {
        case "met":
          return press(step, "yes");
        case "account":
          return text(`Đã thực hiện ${step.criterion.id}`);
        case "initiativeName":
          return text("Số hóa hồ sơ lý lịch tư pháp");
        case "decisionNumber":
          return text("125/QĐ-STP");
        case "decisionDate":
          return text("15/10/2025");
        case "council":
          return press(step, "tinh");
        case "rating":
          return press(step, "xuat-sac");
        case "files":
          return press(step, "done");
      }
    };
    let steps = 0;
    for (
      let step = nextStep(individual, answers);
      step.kind !== "summary";
      step = nextStep(individual, answers)
    ) {
      const meaning = interpret(step, reply(step), { answers });
      if (meaning.kind !== "save") throw new Error(`${stepKey(step)}: ${JSON.stringify(meaning)}`);
      const id = meaning.itemKey.slice(2);
      if (meaning.itemKey.startsWith("a:")) answers.areas[id] = meaning.data as AreaAnswer;
      else answers.criteria[id] = meaning.data as CriterionAnswer;
      if (++steps > 100) throw new Error("no end");
    }
    expect(steps).toBe(4 * 3 + 6 + 1 + 6);
    expect(answers.criteria["sang-kien"]).toEqual({
      met: true,
      initiativeName: "Số hóa hồ sơ lý lịch tư pháp",
      decisionNumber: "125/QĐ-STP",
      decisionDate: "2025-10-15",
      council: "tinh",
      filesDone: true,
    });
    expect(evaluate(individual, answers).met).toHaveLength(6);
  });
});

describe("interpretAnswer: a rating not known yet", () => {
  const step = criterionStep(individual, "xep-loai", "rating");

  it("takes the 'Chưa có kết quả xếp loại' button as answered, not met, awaiting the rating", () => {
    const meaning = interpret(step, press(step, "pending"));
    expect(meaning).toEqual(save("c:xep-loai", { ratingPending: true, met: false }));
    if (meaning.kind !== "save") throw new Error("expected a save");
    const answers = answersWith({ "xep-loai": meaning.data as CriterionAnswer });
    const evaluation = evaluate(individual, answers);
    expect(evaluation.awaitingRating).toEqual(["xep-loai"]);
    expect(evaluation.notMet).not.toContain("xep-loai");
    expect(evaluation.unanswered).not.toContain("xep-loai");
  });

  it("takes it typed, as the button says it or shorter, with or without diacritics", () => {
    for (const typed of ["Chưa có kết quả xếp loại", "chưa có kết quả", "chua co ket qua", "Chưa xếp loại"])
      expect(interpret(step, text(typed))).toEqual(save("c:xep-loai", { ratingPending: true, met: false }));
  });

  it("replaces a rating given before, and a rating given later replaces it", () => {
    const rated = answersWith({ "xep-loai": { rating: "tot", met: true } });
    const pending = interpret(step, press(step, "pending"), { answers: rated });
    if (pending.kind !== "save") throw new Error("expected a save");
    expect(JSON.parse(JSON.stringify(pending.data))).toEqual({ ratingPending: true, met: false });
    const waiting = answersWith({ "xep-loai": { ratingPending: true, met: false } });
    const given = interpret(step, press(step, "xuat-sac"), { answers: waiting });
    if (given.kind !== "save") throw new Error("expected a save");
    expect(JSON.parse(JSON.stringify(given.data))).toEqual({ rating: "xuat-sac", met: true });
  });

  it("keeps 'not known yet' while changing the answer", () => {
    const kept = interpret(step, press(step, "keep"), { backup: { ratingPending: true, met: false } });
    if (kept.kind !== "save") throw new Error("expected a save");
    expect(JSON.parse(JSON.stringify(kept.data))).toEqual({ ratingPending: true, met: false });
  });

  it("is not offered where the campaign names no pending answer", () => {
    const bare = structuredClone(campaign);
    const rating = bare.criteria.individual.find((c) => c.id === "xep-loai");
    if (rating?.evidence.kind !== "rating") throw new Error("no rating criterion");
    delete rating.evidence.pending;
    const questionnaire = questionnaireFor(bare, "individual");
    const bareStep = criterionStep(questionnaire, "xep-loai", "rating");
    expect(interpret(bareStep, press(bareStep, "pending"), { questionnaire })).toEqual(
      problem("flow-press-button-below"),
    );
  });
});

describe("interpretAnswer: the initiative's name", () => {
  const step = criterionStep(individual, "sang-kien", "initiativeName");

  it("is asked right after 'met', before the decision's number", () => {
    const sangKien = individual.criteria.find((c) => c.id === "sang-kien");
    if (!sangKien) throw new Error("no initiative criterion");
    expect(criterionFields(sangKien, { met: true })).toEqual([
      "met",
      "initiativeName",
      "decisionNumber",
      "decisionDate",
      "council",
      "files",
    ]);
    const done = { met: true, account: "Đã thực hiện tốt trong năm", filesDone: true };
    const answers = answersWith({
      "chap-hanh": done,
      "nhiem-vu-cchc": done,
      "van-ban-chi-dao": done,
      "sang-kien": { met: true },
    });
    expect(stepKey(nextStep(individual, answers))).toBe("c:sang-kien:initiativeName");
  });

  it("saves the name, spaces tidied, merged with what was stored", () => {
    const answers = answersWith({ "sang-kien": { met: true } });
    expect(interpret(step, text("  Số hóa   hồ sơ lý lịch tư pháp "), { answers })).toEqual(
      save("c:sang-kien", { met: true, initiativeName: "Số hóa hồ sơ lý lịch tư pháp" }),
    );
  });

  it("refuses a name too short or too long, and anything but text", () => {
    expect(interpret(step, text("a"))).toEqual(problem("as-initiative-name-too_short"));
    expect(interpret(step, text("x".repeat(301)))).toEqual(problem("as-initiative-name-too_long"));
    expect(interpret(step, sticker)).toEqual(problem("flow-text-expected"));
  });

  it("is not asked of an answer stored before it was asked: that answer stays complete", () => {
    const legacy: CriterionAnswer = {
      met: true,
      decisionNumber: "125/QĐ-STP",
      decisionDate: "2025-10-15",
      council: "tinh",
      filesDone: true,
    };
    const answers = answersWith({ "sang-kien": legacy });
    expect(evaluate(individual, answers).met).toContain("sang-kien");
    expect(stepKey(nextStep(individual, answers))).not.toBe("c:sang-kien:initiativeName");
  });
});
