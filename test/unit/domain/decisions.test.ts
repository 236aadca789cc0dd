import { describe, expect, it } from "vitest";
import {
  checkDecisionDate,
  checkDecisionNumber,
  checkIssuer,
  decisionDateText,
} from "../../../src/domain/decisions.js";

describe("checkDecisionNumber", () => {
  it("takes a number, /QĐ- and the issuer's symbol, keeping the symbol's case", () => {
    expect(checkDecisionNumber("125/QĐ-STP")).toEqual({ ok: true, number: "125/QĐ-STP" });
    expect(checkDecisionNumber("1234/QĐ-TTg")).toEqual({ ok: true, number: "1234/QĐ-TTg" });
    expect(checkDecisionNumber("45/QĐ-UBND")).toEqual({ ok: true, number: "45/QĐ-UBND" });
    expect(checkDecisionNumber("07/QĐ-SNV-TĐKT")).toEqual({ ok: true, number: "7/QĐ-SNV-TĐKT" });
  });

  it("forgives spaces around the marks and QĐ typed without its Đ", () => {
    expect(checkDecisionNumber(" 125 / QD - STP ")).toEqual({ ok: true, number: "125/QĐ-STP" });
    expect(checkDecisionNumber("125/qđ-STP")).toEqual({ ok: true, number: "125/QĐ-STP" });
  });

  it("refuses what is not a decision number", () => {
    for (const text of ["125", "QĐ-STP", "/QĐ-STP", "125/QĐ-", "125/TB-STP", "abc/QĐ-STP", "125/QĐ STP", ""])
      expect(checkDecisionNumber(text), text).toEqual({ ok: false });
  });
});

describe("checkDecisionDate", () => {
  const today = { year: 2027, month: 1, day: 20 };

  it("takes a real date up to today, as YYYY-MM-DD", () => {
    expect(checkDecisionDate("15/01/2027", today, 2026)).toEqual({ ok: true, date: "2027-01-15" });
    expect(checkDecisionDate("5-1-2027", today, 2026)).toEqual({ ok: true, date: "2027-01-05" });
    expect(checkDecisionDate("20.01.2027", today, 2026)).toEqual({ ok: true, date: "2027-01-20" });
    expect(checkDecisionDate("01/01/2026", today, 2026)).toEqual({ ok: true, date: "2026-01-01" });
  });

  it("says why a date is refused", () => {
    expect(checkDecisionDate("15/01", today, 2026)).toEqual({ ok: false, problem: "format" });
    expect(checkDecisionDate("hôm nay", today, 2026)).toEqual({ ok: false, problem: "format" });
    expect(checkDecisionDate("31/02/2027", today, 2026)).toEqual({ ok: false, problem: "not_a_date" });
    expect(checkDecisionDate("00/01/2027", today, 2026)).toEqual({ ok: false, problem: "not_a_date" });
    expect(checkDecisionDate("21/01/2027", today, 2026)).toEqual({ ok: false, problem: "future" });
    expect(checkDecisionDate("31/12/2025", today, 2026)).toEqual({ ok: false, problem: "before_round" });
  });

  it("writes a stored date back as dd/mm/yyyy", () => {
    expect(decisionDateText("2027-01-05")).toBe("05/01/2027");
  });
});

describe("checkIssuer", () => {
  it("takes a name of 3 to 200 characters with letters, spaces folded", () => {
    expect(checkIssuer("  Giám đốc   Sở Tư pháp ")).toEqual({ ok: true, issuer: "Giám đốc Sở Tư pháp" });
    expect(checkIssuer("ab")).toEqual({ ok: false });
    expect(checkIssuer("123 456")).toEqual({ ok: false });
    expect(checkIssuer("Ủ".repeat(201))).toEqual({ ok: false });
  });
});
