import { describe, expect, it } from "vitest";
import { nameMatches } from "../../../src/domain/names.js";

describe("nameMatches", () => {
  it('finds "Nguyễn Văn A" with the query typed without diacritics', () => {
    expect(nameMatches("Nguyễn Văn A", "nguyen van a")).toBe(true);
  });

  it("ignores case and diacritics on either side", () => {
    expect(nameMatches("Nguyễn Văn A", "NGUYỄN VĂN A")).toBe(true);
    expect(nameMatches("Nguyễn Văn A", "NgUyEn")).toBe(true);
    expect(nameMatches("Nguyen Van A", "Nguyễn Văn")).toBe(true);
    expect(nameMatches("Phạm Thị Hường", "huong")).toBe(true);
    expect(nameMatches("Phạm Thị Hường".normalize("NFD"), "Hường".normalize("NFC"))).toBe(true);
  });

  it('matches "đ" with "d", both ways and in capitals', () => {
    expect(nameMatches("Đặng Văn Đức", "dang duc")).toBe(true);
    expect(nameMatches("Dang Van Duc", "Đặng Đức")).toBe(true);
    expect(nameMatches("ĐỖ THỊ ĐÀO", "do dao")).toBe(true);
  });

  it("finds a name by the beginning of its words", () => {
    expect(nameMatches("Nguyễn Văn A", "ngu")).toBe(true);
    expect(nameMatches("Nguyễn Văn A", "van a")).toBe(true);
    expect(nameMatches("Nguyễn Văn A", "ng v")).toBe(true);
    expect(nameMatches("Trần Thị Bình", "bin")).toBe(true);
  });

  it('does not find "Lan" by "an": a query word must begin a word, not sit inside one', () => {
    expect(nameMatches("Nguyễn Thị Lan", "an")).toBe(false);
    expect(nameMatches("Nguyễn Thị Lan", "guyen")).toBe(false);
    expect(nameMatches("Nguyễn Văn An", "an")).toBe(true);
  });

  it("needs every word of the query to be found", () => {
    expect(nameMatches("Nguyễn Văn A", "nguyen thi")).toBe(false);
    expect(nameMatches("Nguyễn Văn A", "nguyen van an")).toBe(false);
    expect(nameMatches("Nguyễn Văn A", "tran")).toBe(false);
  });

  it("matches nothing for an empty or blank query", () => {
    expect(nameMatches("Nguyễn Văn A", "")).toBe(false);
    expect(nameMatches("Nguyễn Văn A", "   ")).toBe(false);
    expect(nameMatches("Nguyễn Văn A", "\t\n")).toBe(false);
  });

  it("ignores extra spaces in the query", () => {
    expect(nameMatches("Nguyễn Văn A", "  nguyen   van  ")).toBe(true);
  });
});
