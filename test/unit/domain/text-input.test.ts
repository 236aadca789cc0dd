import { describe, expect, it } from "vitest";
import { normaliseFullName, normalisePosition } from "../../../src/domain/names.js";
import { hiddenCharacter, isNameWord, isStorableText } from "../../../src/domain/text-input.js";
import { normaliseUnitName } from "../../../src/domain/units.js";

/** Texts that look blank, or read otherwise than they are stored, as the fuzzing of issue 14 sent them. */
const HOSTILE: Array<[string, string, string]> = [
  ["Hangul fillers U+3164", "ㅤㅤ ㅤㅤ", "U+3164"],
  ["Hangul choseong filler U+115F", "\u115F\u115F \u115F\u115F", "U+115F"],
  ["Hangul jungseong filler U+1160", "Nguyễn \u1160\u1160", "U+1160"],
  ["halfwidth Hangul filler U+FFA0", "\uFFA0\uFFA0 \uFFA0\uFFA0", "U+FFA0"],
  ["braille blank U+2800", "Lê \u2800\u2800", "U+2800"],
  ["right-to-left override U+202E", "Chuyên viên \u202Ephòng", "U+202E"],
  ["left-to-right isolate U+2066", "Trần \u2066Văn An", "U+2066"],
  ["zero-width space U+200B", "Nguyễn\u200B Văn An", "U+200B"],
  ["zero-width joiner between letters U+200D", "Nguyễn Vă\u200Dn", "U+200D"],
  ["byte order mark U+FEFF", "\uFEFFTrần Bình", "U+FEFF"],
  ["soft hyphen U+00AD", "Trần Bì\u00ADnh", "U+00AD"],
  ["bell U+0007", "Trần\u0007 Bình", "U+0007"],
  ["delete U+007F", "Trần Bình\u007F", "U+007F"],
  ["combining grapheme joiner U+034F", "Trần \u034F\u034F", "U+034F"],
];

describe("hiddenCharacter", () => {
  it.each(HOSTILE)("finds the %s", (_what, text, code) => {
    expect(hiddenCharacter(text)).toBe(code);
    expect(isStorableText(text)).toBe(false);
  });

  it("takes ordinary text, line breaks, tabs, Vietnamese in either normal form, and emoji, also joined ones", () => {
    for (const text of [
      "Nguyễn Thị Lan",
      "Nguyễn Thị Lan".normalize("NFD"),
      "Dòng một\nDòng hai\r\n\tthụt lề",
      "Hoàn thành tốt nhiệm vụ 👍🏻 ✔️",
      "Chuyển đổi số 👨‍💻 và 👩🏽‍⚕️",
      "H'Hen Niê – Phó Trưởng phòng (Văn phòng Sở)",
    ])
      expect(hiddenCharacter(text), text).toBeUndefined();
  });
});

describe("isNameWord", () => {
  it.each(["Nguyễn", "Nguyễn".normalize("NFD"), "H'Hen", "H’Hen", "Nguyễn-Lê", "Ê-Đê", "Niê"])(
    "takes %j",
    (w) => {
      expect(isNameWord(w)).toBe(true);
    },
  );
  it.each([
    "-Nguyễn",
    "'Lan",
    "’Lan",
    "Nguyễn-",
    "Lan'",
    "Nguyễn--Lê",
    "H''Hen",
    "\u0301\u0301",
    "\u0301a",
    "-",
    "'",
  ])("refuses %j", (w) => {
    expect(isNameWord(w)).toBe(false);
  });
});

describe("a full name with hostile input", () => {
  it.each(HOSTILE)("refuses the %s as hidden characters", (_what, text) => {
    expect(normaliseFullName(text)).toEqual({ ok: false, reason: "hidden_characters" });
  });

  it.each([
    ["combining marks only", "\u0301\u0301 \u0300\u0300"],
    ["a word of combining marks", "Nguyễn \u0303\u0303"],
    ["a leading hyphen", "-Nguyễn Văn An"],
    ["a leading apostrophe", "'Lan Anh"],
    ["a lone hyphen as a word", "Nguyễn - An"],
    ["a trailing apostrophe", "Nguyễn Lan'"],
    ["a doubled hyphen", "Nguyễn--Lê An"],
  ])("refuses %s as a word that is not letters", (_what, text) => {
    expect(normaliseFullName(text)).toEqual({ ok: false, reason: "bad_word" });
  });

  it("still takes two words of letters, with inner hyphens and apostrophes, in any script", () => {
    expect(normaliseFullName("h'hen niê")).toEqual({ ok: true, value: "H'hen Niê" });
    expect(normaliseFullName("Y Bhim-Êban")).toEqual({ ok: true, value: "Y Bhim-Êban" });
    expect(normaliseFullName("Nguyễn’Lê An")).toEqual({ ok: true, value: "Nguyễn’Lê An" });
    expect(normaliseFullName("김 민수")).toEqual({ ok: true, value: "김 민수" });
  });
});

describe("a position with hostile input", () => {
  it.each(HOSTILE)("refuses the %s as hidden characters", (_what, text) => {
    expect(normalisePosition(text)).toEqual({ ok: false, reason: "hidden_characters" });
  });

  it("takes a position with a line break typed in it, as before (spaces tidied)", () => {
    expect(normalisePosition("Phó Trưởng phòng\nHành chính")).toEqual({
      ok: true,
      value: "Phó Trưởng phòng Hành chính",
    });
  });
});

describe("a unit's name with hostile input", () => {
  it.each(HOSTILE)("refuses the %s", (_what, text) => {
    expect(normaliseUnitName(`Phòng ${text}`)).toEqual({ ok: false, reason: "bad_name" });
  });
});
