import { describe, expect, it } from "vitest";
import { createI18n } from "../../src/i18n.js";

describe("createI18n", () => {
  it("keeps each language's texts apart however the calls alternate (the bundles matched are kept per locale)", () => {
    const i18n = createI18n();
    const english = "This question is no longer waiting for an answer";
    const vietnamese = "Câu hỏi này không còn chờ trả lời";
    for (let round = 0; round < 3; round++) {
      expect(i18n.t("en", "as-stale")).toContain(english);
      expect(i18n.t("vi", "as-stale")).toContain(vietnamese);
    }
    // A language the bot does not have falls back to Vietnamese, and leaves English as it was.
    expect(i18n.t("fr", "as-stale")).toContain(vietnamese);
    expect(i18n.t("en", "as-stale")).toContain(english);
    // Variables are filled per call, not kept with the bundles.
    expect(i18n.t("en", "as-stopped", { command: "/unit" })).toContain("/unit");
    expect(i18n.t("en", "as-stopped", { command: "/assess" })).toContain("/assess");
  });
});
