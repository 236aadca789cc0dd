import { describe, expect, it } from "vitest";
import {
  awardLine,
  checkAwards,
  checkDateOfBirth,
  checkDetailText,
  checkGender,
  DETAIL_STEPS,
  EMPTY_DETAILS,
  isSkip,
  mayFillDetails,
  missingSteps,
  nextStep,
} from "../../../src/domain/profile-details.js";

const today = { year: 2026, month: 12, day: 1 };

describe("date of birth", () => {
  it("takes dd/mm/yyyy, with / - or ., as YYYY-MM-DD", () => {
    expect(checkDateOfBirth("05/03/1985", today)).toEqual({ ok: true, date: "1985-03-05" });
    expect(checkDateOfBirth(" 5-3-1985 ", today)).toEqual({ ok: true, date: "1985-03-05" });
    expect(checkDateOfBirth("29.02.1988", today)).toEqual({ ok: true, date: "1988-02-29" });
  });

  it("refuses what is not a date in that form", () => {
    expect(checkDateOfBirth("1985-03-05", today)).toEqual({ ok: false, problem: "format" });
    expect(checkDateOfBirth("5 tháng 3", today)).toEqual({ ok: false, problem: "format" });
    expect(checkDateOfBirth("31/04/1985", today)).toEqual({ ok: false, problem: "not_a_date" });
    expect(checkDateOfBirth("29/02/1987", today)).toEqual({ ok: false, problem: "not_a_date" });
  });

  it("keeps to a working age of 18 to 75 on the day, counting the birthday", () => {
    expect(checkDateOfBirth("01/12/2008", today)).toEqual({ ok: true, date: "2008-12-01" });
    expect(checkDateOfBirth("02/12/2008", today)).toEqual({ ok: false, problem: "age" });
    expect(checkDateOfBirth("02/12/1950", today)).toEqual({ ok: true, date: "1950-12-02" });
    expect(checkDateOfBirth("01/12/1950", today)).toEqual({ ok: false, problem: "age" });
    expect(checkDateOfBirth("01/01/2030", today)).toEqual({ ok: false, problem: "age" });
  });
});

describe("gender and skip", () => {
  it("reads the buttons in either language, marks or not", () => {
    expect(checkGender("Nam")).toBe("male");
    expect(checkGender("Nữ")).toBe("female");
    expect(checkGender(" nu ")).toBe("female");
    expect(checkGender("Female")).toBe("female");
    expect(checkGender("Male")).toBe("male");
    expect(checkGender("Khác")).toBeUndefined();
    expect(checkGender("Nam Định")).toBeUndefined();
  });

  it("knows the skip button and its typed forms, and nothing else", () => {
    expect(isSkip("⏭ Bỏ qua")).toBe(true);
    expect(isSkip("bo qua")).toBe(true);
    expect(isSkip("⏭ Skip")).toBe(true);
    expect(isSkip("-")).toBe(true);
    expect(isSkip("Bỏ qua các lỗi nhỏ")).toBe(false);
    expect(isSkip("Hà Nội")).toBe(false);
  });
});

describe("text answers", () => {
  it("tidies spaces and keeps lines, in NFC", () => {
    const decomposed = "Xã  Đông Sơn,\n  tỉnh Thanh Hóa ".normalize("NFD");
    expect(checkDetailText(decomposed, 200)).toEqual({ ok: true, text: "Xã Đông Sơn,\ntỉnh Thanh Hóa" });
  });

  it("refuses too short, too long, or without letters", () => {
    expect(checkDetailText(" a ", 200)).toEqual({ ok: false, problem: "short" });
    expect(checkDetailText("x".repeat(201), 200)).toEqual({ ok: false, problem: "long" });
    expect(checkDetailText("x".repeat(200), 200).ok).toBe(true);
    expect(checkDetailText("12345", 200)).toEqual({ ok: false, problem: "letters" });
  });
});

describe("awards received", () => {
  it("reads year - form - decision, one a line, the number optional", () => {
    const text =
      "2024 - Giấy khen của Giám đốc Sở - 12/QĐ-STP\n\n• 2021 – Bằng khen của Chủ tịch UBND tỉnh\n2019: Chiến sĩ thi đua cơ sở - 45/QĐ-UBND";
    expect(checkAwards(text, 2026)).toEqual({
      ok: true,
      awards: [
        { year: 2024, form: "Giấy khen của Giám đốc Sở", decision: "12/QĐ-STP" },
        { year: 2021, form: "Bằng khen của Chủ tịch UBND tỉnh", decision: null },
        { year: 2019, form: "Chiến sĩ thi đua cơ sở", decision: "45/QĐ-UBND" },
      ],
    });
  });

  it("keeps a form whose name has a dash whole when the last part has no number", () => {
    expect(checkAwards("2023 - Giấy khen - Hội đồng Thi đua - Khen thưởng", 2026)).toEqual({
      ok: true,
      awards: [{ year: 2023, form: "Giấy khen - Hội đồng Thi đua - Khen thưởng", decision: null }],
    });
  });

  it("takes “không” or “none” as none received", () => {
    expect(checkAwards("Không", 2026)).toEqual({ ok: true, awards: [] });
    expect(checkAwards("chưa có", 2026)).toEqual({ ok: true, awards: [] });
    expect(checkAwards("none", 2026)).toEqual({ ok: true, awards: [] });
  });

  it("names the line that is wrong and why", () => {
    expect(checkAwards("2024 - Giấy khen\nGiấy khen 2022", 2026)).toEqual({
      ok: false,
      problem: "line",
      line: 2,
    });
    expect(checkAwards("2027 - Giấy khen", 2026)).toEqual({ ok: false, problem: "year", line: 1 });
    expect(checkAwards("1960 - Giấy khen", 2026)).toEqual({ ok: false, problem: "year", line: 1 });
    expect(checkAwards("2024 - GK - 12/QĐ-STP", 2026)).toEqual({ ok: false, problem: "form", line: 1 });
    expect(checkAwards(`2024 - ${"Giấy khen ".repeat(25)}`, 2026)).toEqual({
      ok: false,
      problem: "form",
      line: 1,
    });
    expect(checkAwards(`2024 - Giấy khen - 1${"2".repeat(60)}`, 2026)).toEqual({
      ok: false,
      problem: "decision",
      line: 1,
    });
    expect(checkAwards(Array.from({ length: 31 }, () => "2024 - Giấy khen").join("\n"), 2026)).toEqual({
      ok: false,
      problem: "many",
    });
    const long = Array.from({ length: 12 }, () => `2024 - ${"Bằng khen của Chủ tịch UBND tỉnh ".repeat(5)}`);
    expect(checkAwards(long.join("\n"), 2026)).toEqual({ ok: false, problem: "many" });
  });

  it("reads back as typed", () => {
    expect(awardLine({ year: 2024, form: "Giấy khen của Giám đốc Sở", decision: "12/QĐ-STP" })).toBe(
      "2024 - Giấy khen của Giám đốc Sở - 12/QĐ-STP",
    );
    expect(awardLine({ year: 2021, form: "Bằng khen", decision: null })).toBe("2021 - Bằng khen");
  });
});

describe("the questions", () => {
  it("go in order, six of them", () => {
    expect(DETAIL_STEPS).toHaveLength(6);
    expect(nextStep("dob")).toBe("gender");
    expect(nextStep("duties")).toBe("awards");
    expect(nextStep("awards")).toBeUndefined();
  });

  it("are missing until answered; no awards is an answer", () => {
    expect(missingSteps(undefined)).toEqual([...DETAIL_STEPS]);
    expect(missingSteps({ ...EMPTY_DETAILS, dateOfBirth: "1985-03-05", awards: [] })).toEqual([
      "gender",
      "hometown",
      "qualification",
      "duties",
    ]);
  });
});

describe("who may fill them in", () => {
  const lan = { telegramId: 2001, unitId: 7, officeProposes: false };
  it("the person, or a head of the person's unit", () => {
    expect(mayFillDetails({ telegramId: 2001, role: "employee", unitId: 7 }, lan)).toBe(true);
    expect(mayFillDetails({ telegramId: 2000, role: "unit_head", unitId: 7 }, lan)).toBe(true);
  });

  it("not another unit's head, a colleague, or the Office for a unit whose head proposes", () => {
    expect(mayFillDetails({ telegramId: 3000, role: "unit_head", unitId: 8 }, lan)).toBe(false);
    expect(mayFillDetails({ telegramId: 2002, role: "employee", unitId: 7 }, lan)).toBe(false);
    expect(mayFillDetails({ telegramId: 1001, role: "office", unitId: null }, lan)).toBe(false);
  });

  it("the Office for the units it proposes (the Ban Giám đốc, the Văn phòng Sở)", () => {
    expect(
      mayFillDetails({ telegramId: 1001, role: "office", unitId: null }, { ...lan, officeProposes: true }),
    ).toBe(true);
  });
});
