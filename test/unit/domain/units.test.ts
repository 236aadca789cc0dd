import { describe, expect, it } from "vitest";
import { normaliseUnitCode, normaliseUnitName, UNIT_NAME_MAX } from "../../../src/domain/units.js";

describe("normaliseUnitCode", () => {
  it("upper-cases and trims", () => {
    expect(normaliseUnitCode(" hctp ")).toEqual({ ok: true, value: "HCTP" });
  });

  it("allows Vietnamese letters", () => {
    expect(normaliseUnitCode("tđg")).toEqual({ ok: true, value: "TĐG" });
    expect(normaliseUnitCode("lê".normalize("NFD"))).toEqual({ ok: true, value: "LÊ".normalize("NFC") });
  });

  it("allows digits, _ and -", () => {
    expect(normaliseUnitCode("vp_2-a")).toEqual({ ok: true, value: "VP_2-A" });
  });

  it("takes 2 to 16 characters", () => {
    expect(normaliseUnitCode("vp")).toEqual({ ok: true, value: "VP" });
    expect(normaliseUnitCode("a".repeat(16))).toEqual({ ok: true, value: "A".repeat(16) });
    expect(normaliseUnitCode("a")).toEqual({ ok: false, reason: "bad_code" });
    expect(normaliseUnitCode("a".repeat(17))).toEqual({ ok: false, reason: "bad_code" });
  });

  it.each(["HC TP", "HC.TP", "HC/TP", "", "  "])("refuses %j", (input) => {
    expect(normaliseUnitCode(input)).toEqual({ ok: false, reason: "bad_code" });
  });
});

describe("normaliseUnitName", () => {
  it("collapses spaces, trims and keeps case", () => {
    expect(normaliseUnitName("  Phòng   Hành chính\ttư pháp ")).toEqual({
      ok: true,
      value: "Phòng Hành chính tư pháp",
    });
  });

  it("normalises to NFC", () => {
    const name = "Văn phòng Sở";
    expect(normaliseUnitName(name.normalize("NFD"))).toEqual({ ok: true, value: name.normalize("NFC") });
  });

  it(`takes 2 to ${UNIT_NAME_MAX} characters with at least one letter`, () => {
    expect(normaliseUnitName("P1")).toEqual({ ok: true, value: "P1" });
    expect(normaliseUnitName("x".repeat(UNIT_NAME_MAX)).ok).toBe(true);
    expect(normaliseUnitName("x".repeat(UNIT_NAME_MAX + 1))).toEqual({ ok: false, reason: "bad_name" });
    expect(normaliseUnitName("A")).toEqual({ ok: false, reason: "bad_name" });
    expect(normaliseUnitName("12")).toEqual({ ok: false, reason: "bad_name" });
    expect(normaliseUnitName("   ")).toEqual({ ok: false, reason: "bad_name" });
  });
});
