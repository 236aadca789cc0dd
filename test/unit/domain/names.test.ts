import { describe, expect, it } from "vitest";
import {
  FULL_NAME_MAX,
  normaliseFullName,
  normalisePosition,
  POSITION_MAX,
  searchKey,
} from "../../../src/domain/names.js";

describe("normaliseFullName", () => {
  it("capitalises each word and collapses spaces", () => {
    expect(normaliseFullName("nguyễn văn  an")).toEqual({ ok: true, value: "Nguyễn Văn An" });
  });

  it("lower-cases the rest of each word", () => {
    expect(normaliseFullName("NGUYỄN THỊ LAN")).toEqual({ ok: true, value: "Nguyễn Thị Lan" });
    expect(normaliseFullName("đặng văn đức")).toEqual({ ok: true, value: "Đặng Văn Đức" });
  });

  it("trims and collapses tabs and new lines", () => {
    expect(normaliseFullName("  Trần\tThị \n Bình  ")).toEqual({ ok: true, value: "Trần Thị Bình" });
  });

  it("returns NFC text for decomposed input", () => {
    const decomposed = "nguyễn thị hằng".normalize("NFD");
    expect(decomposed).not.toBe(decomposed.normalize("NFC"));
    const result = normaliseFullName(decomposed);
    expect(result).toEqual({ ok: true, value: "Nguyễn Thị Hằng" });
    if (result.ok) expect(result.value).toBe(result.value.normalize("NFC"));
  });

  it("capitalises each part of a hyphenated name", () => {
    expect(normaliseFullName("jean-pierre dupont")).toEqual({ ok: true, value: "Jean-Pierre Dupont" });
  });

  it("accepts apostrophes in ethnic-minority names", () => {
    expect(normaliseFullName("h'hen  niê")).toEqual({ ok: true, value: "H'hen Niê" });
  });

  it("keeps a word typed in mixed case as typed, and title-cases one typed in capitals", () => {
    expect(normaliseFullName("H'Hen Niê")).toEqual({ ok: true, value: "H'Hen Niê" });
    expect(normaliseFullName("NGUYỄN THỊ LAN")).toEqual({ ok: true, value: "Nguyễn Thị Lan" });
  });

  it("refuses a single word", () => {
    expect(normaliseFullName("An")).toEqual({ ok: false, reason: "one_word" });
    expect(normaliseFullName("  Lan  ")).toEqual({ ok: false, reason: "one_word" });
  });

  it.each(["Nguyễn Văn 2", "Nguyễn V@n An", "Lê Văn An!", "Trần.Thị Bình", "<b>Lê</b> An"])(
    "refuses digits and symbols: %j",
    (input) => {
      expect(normaliseFullName(input)).toEqual({ ok: false, reason: "bad_characters" });
    },
  );

  it(`allows ${FULL_NAME_MAX} characters and refuses more`, () => {
    const exactly = `${"a".repeat(39)} ${"b".repeat(40)}`;
    expect(exactly).toHaveLength(FULL_NAME_MAX);
    expect(normaliseFullName(exactly).ok).toBe(true);
    expect(normaliseFullName(`${exactly}b`)).toEqual({ ok: false, reason: "too_long" });
    expect(normaliseFullName("Nguyễn Văn ".repeat(10))).toEqual({ ok: false, reason: "too_long" });
  });

  it("measures the length after collapsing spaces", () => {
    const spaced = `${"a".repeat(39)}${" ".repeat(50)}${"b".repeat(40)}`;
    expect(normaliseFullName(spaced).ok).toBe(true);
  });

  it.each(["", "   ", "\t\n "])("calls %j empty", (input) => {
    expect(normaliseFullName(input)).toEqual({ ok: false, reason: "empty" });
  });
});

describe("normalisePosition", () => {
  it("collapses spaces and keeps the text as typed", () => {
    expect(normalisePosition("  phó   Trưởng phòng ")).toEqual({ ok: true, value: "phó Trưởng phòng" });
  });

  it("normalises to NFC", () => {
    expect(normalisePosition("Chuyên viên".normalize("NFD"))).toEqual({
      ok: true,
      value: "Chuyên viên".normalize("NFC"),
    });
  });

  it("allows digits and punctuation beside letters", () => {
    expect(normalisePosition("Chuyên viên (hạng 3)")).toEqual({ ok: true, value: "Chuyên viên (hạng 3)" });
  });

  it("refuses empty, too short, too long and letterless input", () => {
    expect(normalisePosition("  ")).toEqual({ ok: false, reason: "empty" });
    expect(normalisePosition("P")).toEqual({ ok: false, reason: "too_short" });
    expect(normalisePosition("12")).toEqual({ ok: false, reason: "bad_characters" });
    expect(normalisePosition("x".repeat(POSITION_MAX)).ok).toBe(true);
    expect(normalisePosition("x".repeat(POSITION_MAX + 1))).toEqual({ ok: false, reason: "too_long" });
  });
});

describe("searchKey", () => {
  it("folds diacritics, đ and case", () => {
    expect(searchKey("Nguyễn Văn Đức")).toBe("nguyen van duc");
    expect(searchKey("ĐẶNG THỊ ĐÀO")).toBe("dang thi dao");
  });

  it("gives the same key for NFC and NFD input", () => {
    expect(searchKey("Phạm Thị Hường".normalize("NFD"))).toBe(searchKey("Phạm Thị Hường".normalize("NFC")));
    expect(searchKey("Phạm Thị Hường")).toBe("pham thi huong");
  });

  it("collapses and trims white space", () => {
    expect(searchKey("  Lê   Văn\tAn ")).toBe("le van an");
  });
});
