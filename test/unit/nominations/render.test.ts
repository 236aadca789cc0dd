import { describe, expect, it } from "vitest";
import type { AssessmentResult } from "../../../src/domain/nominations.js";
import { createI18n } from "../../../src/i18n.js";
import { resultText, storedResultText } from "../../../src/nominations/render.js";

const i18n = createI18n();
const t = (key: string, vars?: Record<string, string | number>) => i18n.t("vi", key, vars);
const FORM = "giay-khen-giam-doc-so";

const submitted = (change: Partial<AssessmentResult>): AssessmentResult => ({
  progress: "submitted",
  met: 5,
  total: 6,
  allMet: false,
  considerForms: [],
  awaitingRating: false,
  ...change,
});

describe("resultText (beside a name in the head's list)", () => {
  it("says a person's rating is awaited, apart from the criteria met", () => {
    expect(resultText(t, submitted({ awaitingRating: true }), FORM)).toBe(
      "⚠️ đáp ứng 5/6 tiêu chí · ⏳ chờ kết quả xếp loại",
    );
    expect(resultText(t, submitted({}), FORM)).toBe("⚠️ đáp ứng 5/6 tiêu chí");
  });
});

describe("storedResultText (on a nomination's card)", () => {
  it("says the rating was awaited when the person was proposed; older nominations read as before", () => {
    const summary = (extra: object) =>
      JSON.stringify({ met: 5, total: 6, progress: "submitted", consider: false, ...extra });
    expect(storedResultText(t, { result_summary: summary({ awaitingRating: true }), eligible: 0 })).toBe(
      "⚠️ đáp ứng 5/6 tiêu chí · ⏳ chờ kết quả xếp loại",
    );
    expect(storedResultText(t, { result_summary: summary({}), eligible: 0 })).toBe("⚠️ đáp ứng 5/6 tiêu chí");
  });
});
