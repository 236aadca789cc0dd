import { describe, expect, it } from "vitest";
import { loadCampaign } from "../../../src/campaign/load.js";
import { createI18n } from "../../../src/i18n.js";
import { PENDING_NAMES_MAX, pendingText } from "../../../src/office/status-view.js";
import type { ViewContext } from "../../../src/screen.js";

const i18n = createI18n();
const c: ViewContext = {
  t: (key, vars) => i18n.t("vi", key, vars),
  language: "vi",
  campaign: loadCampaign(),
};
const names = (count: number) =>
  Array.from({ length: count }, (_, i) => `Người ${String(i).padStart(2, "0")}`);

describe("pendingText for people", () => {
  it("shows every name when all fit", () => {
    const text = pendingText(c, { kind: "people", missing: 3, total: 10, names: names(3) });
    expect(text).toContain("Người 00, Người 01, Người 02");
    expect(text).not.toContain("người khác");
  });

  it("cuts a full list and counts the rest", () => {
    const text = pendingText(c, { kind: "people", missing: 40, total: 50, names: names(40) });
    expect(text).toContain(`Người ${PENDING_NAMES_MAX - 1}`);
    expect(text).not.toContain(`Người ${PENDING_NAMES_MAX}`);
    expect(text).toContain(i18n.t("vi", "rm-and-more", { count: 40 - PENDING_NAMES_MAX }));
  });

  it("counts the rest from `missing` when only the first names were read", () => {
    const full = pendingText(c, { kind: "people", missing: 40, total: 50, names: names(40) });
    const few = pendingText(c, { kind: "people", missing: 40, total: 50, names: names(PENDING_NAMES_MAX) });
    expect(few).toBe(full);
  });
});
