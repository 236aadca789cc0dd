import { describe, expect, it } from "vitest";
import {
  ACCOUNT_MAX,
  ACCOUNT_MIN_CHARS,
  checkAccount,
  checkDecisionDate,
  checkDecisionNumber,
  checkMetAccount,
  checkProofFile,
  DECISION_NUMBER_MAX,
  FILE_SIZE_MAX,
  formatIsoDate,
} from "../../../src/domain/evidence.js";

const HCM = "Asia/Ho_Chi_Minh";
/** 15/06/2026, 10:00 in Vietnam. */
const NOW = new Date("2026-06-15T03:00:00Z");
const date = (input: string, now: Date = NOW) => checkDecisionDate(input, now, HCM);
const ok = <T>(value: T) => ({ ok: true, value });
const no = (reason: string) => ({ ok: false, reason });

describe("checkDecisionDate", () => {
  it("reads dd/mm/yyyy with /, - or . and one- or two-digit day and month", () => {
    for (const input of ["5/1/2026", "05/01/2026", "05-01-2026", "05.01.2026", "5-1-2026", " 05/01/2026 "]) {
      expect(date(input), input).toEqual(ok("2026-01-05"));
    }
    expect(date("31/12/2025")).toEqual(ok("2025-12-31"));
  });

  it("refuses other formats", () => {
    for (const input of [
      "",
      "2026-01-05",
      "2026/01/05",
      "05/01/26",
      "5 1 2026",
      "05/01",
      "ngày 05/01/2026",
      "05/01/2026 08:00",
      "005/01/2026",
      "a5/01/2026",
    ]) {
      expect(date(input), input).toEqual(no("bad_format"));
    }
  });

  it("refuses days that do not exist", () => {
    for (const input of [
      "29/02/2025",
      "31/04/2026",
      "30/02/2024",
      "00/01/2026",
      "32/01/2026",
      "15/13/2025",
      "1/0/2026",
    ]) {
      expect(date(input), input).toEqual(no("no_such_date"));
    }
  });

  it("accepts 29 February in a leap year", () => {
    expect(date("29/02/2024")).toEqual(ok("2024-02-29"));
  });

  it("accepts today and refuses tomorrow", () => {
    expect(date("15/06/2026")).toEqual(ok("2026-06-15"));
    expect(date("14/06/2026")).toEqual(ok("2026-06-14"));
    expect(date("16/06/2026")).toEqual(no("in_future"));
    expect(date("15/06/2027")).toEqual(no("in_future"));
  });

  it("counts today in Vietnam while UTC is still on yesterday", () => {
    // 01:30 on 10/03/2026 in Vietnam is 18:30 on 09/03/2026 in UTC.
    const earlyMorning = new Date("2026-03-09T18:30:00Z");
    expect(date("10/03/2026", earlyMorning)).toEqual(ok("2026-03-10"));
    expect(date("11/03/2026", earlyMorning)).toEqual(no("in_future"));
  });

  it("turns the day over at midnight in Vietnam", () => {
    const lastMinute = new Date("2026-03-10T23:59:00+07:00");
    const midnight = new Date("2026-03-11T00:00:00+07:00");
    expect(date("11/03/2026", lastMinute)).toEqual(no("in_future"));
    expect(date("11/03/2026", midnight)).toEqual(ok("2026-03-11"));
  });

  it("gives the other reasons before in_future", () => {
    expect(date("31/02/2099")).toEqual(no("no_such_date"));
    expect(date("2099-01-01")).toEqual(no("bad_format"));
  });
});

describe("formatIsoDate", () => {
  it("writes yyyy-mm-dd as dd/mm/yyyy", () => {
    expect(formatIsoDate("2026-01-05")).toBe("05/01/2026");
    expect(formatIsoDate("2024-02-29")).toBe("29/02/2024");
  });

  it("reads back what checkDecisionDate accepts", () => {
    const checked = date("5.1.2026");
    if (!checked.ok) throw new Error(checked.reason);
    expect(formatIsoDate(checked.value)).toBe("05/01/2026");
    expect(date(formatIsoDate(checked.value))).toEqual(checked);
  });
});

describe("checkProofFile", () => {
  it("accepts PDF, Word, spreadsheet and picture files by mime type", () => {
    for (const mimeType of [
      "application/pdf",
      "application/vnd.ms-excel",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "application/msword",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "image/jpeg",
      "image/png",
    ]) {
      expect(checkProofFile({ mimeType, size: 1000 }), mimeType).toEqual(ok(null));
    }
  });

  it("accepts them by file name extension, in any case, whatever the mime type says", () => {
    for (const fileName of [
      "qd.pdf",
      "QD.PDF",
      "bao-cao.doc",
      "bao-cao.DOCX",
      "so-lieu.xlsx",
      "so-lieu.XLS",
      "anh.jpg",
      "anh.jpeg",
      "anh.Png",
    ]) {
      expect(checkProofFile({ fileName, size: 1000 }), fileName).toEqual(ok(null));
      expect(checkProofFile({ fileName, mimeType: "application/octet-stream" }), fileName).toEqual(ok(null));
    }
  });

  it("refuses other types", () => {
    const refused = [
      {},
      { mimeType: "application/zip", fileName: "ho-so.zip" },
      { mimeType: "video/mp4" },
      { fileName: "virus.pdf.exe" },
      { fileName: "pdf" },
      { fileName: "bang.csv", mimeType: "text/csv" },
      { mimeType: "image/gif", fileName: "anh.gif" },
    ];
    for (const file of refused) expect(checkProofFile(file), JSON.stringify(file)).toEqual(no("wrong_type"));
  });

  it("accepts up to 20 MB and refuses a byte more", () => {
    expect(FILE_SIZE_MAX).toBe(20 * 1024 * 1024);
    expect(checkProofFile({ mimeType: "application/pdf", size: 20 * 1024 * 1024 })).toEqual(ok(null));
    expect(checkProofFile({ mimeType: "application/pdf", size: 20 * 1024 * 1024 + 1 })).toEqual(
      no("too_large"),
    );
    expect(checkProofFile({ fileName: "anh.png", size: 50 * 1024 * 1024 })).toEqual(no("too_large"));
  });

  it("accepts a file whose size Telegram did not report", () => {
    expect(checkProofFile({ mimeType: "image/jpeg" })).toEqual(ok(null));
  });
});

describe("checkMetAccount", () => {
  it("needs a short sentence: at least 20 characters in two words", () => {
    expect(ACCOUNT_MIN_CHARS).toBe(20);
    expect(checkMetAccount("ok")).toEqual(no("no_sentence"));
    expect(checkMetAccount("Hoàn thành tốt.")).toEqual(no("no_sentence"));
    expect(checkMetAccount("Hoànthànhtốtnhiệmvụđượcgiao")).toEqual(no("no_sentence"));
    // Twenty characters and two words, once trimmed; punctuation alone is not a word.
    expect(checkMetAccount("  Hoàn thành nhiệm vụ.  ")).toEqual(ok("Hoàn thành nhiệm vụ."));
    expect(checkMetAccount("Hoànthànhnhiệmvụgiao - -")).toEqual(no("no_sentence"));
    expect(checkMetAccount("Giải quyết 120 hồ sơ đúng hạn")).toEqual(ok("Giải quyết 120 hồ sơ đúng hạn"));
  });

  it("keeps the limits of any account", () => {
    expect(checkMetAccount("   ")).toEqual(no("too_short"));
    expect(checkMetAccount(`Hoàn thành ${"a".repeat(1000)}`)).toEqual(no("too_long"));
  });
});

describe("checkAccount", () => {
  it("trims the text", () => {
    expect(checkAccount("  Hoàn thành tốt nhiệm vụ.\n")).toEqual(ok("Hoàn thành tốt nhiệm vụ."));
  });

  it("normalises to NFC", () => {
    const decomposed = "Đa\u0323t".normalize("NFD");
    expect(checkAccount(decomposed)).toEqual(ok("Đạt"));
  });

  it("needs at least 2 characters", () => {
    expect(checkAccount("")).toEqual(no("too_short"));
    expect(checkAccount("   ")).toEqual(no("too_short"));
    expect(checkAccount(" a ")).toEqual(no("too_short"));
    expect(checkAccount("ok")).toEqual(ok("ok"));
  });

  it("takes at most 1000 characters, counted after trimming and NFC", () => {
    expect(ACCOUNT_MAX).toBe(1000);
    expect(checkAccount("a".repeat(1000))).toEqual(ok("a".repeat(1000)));
    expect(checkAccount("a".repeat(1001))).toEqual(no("too_long"));
    expect(checkAccount(`   ${"a".repeat(1000)}   `)).toEqual(ok("a".repeat(1000)));
    // "ệ" typed as e + two combining marks is one character once composed.
    const composed = "ệ".repeat(1000);
    expect(checkAccount(composed.normalize("NFD"))).toEqual(ok(composed));
  });
});

describe("checkDecisionNumber", () => {
  it("accepts a number as printed, spaces tidied", () => {
    expect(checkDecisionNumber("125/QĐ-STP")).toEqual(ok("125/QĐ-STP"));
    expect(checkDecisionNumber("  125 /  QĐ-UBND \n")).toEqual(ok("125 / QĐ-UBND"));
    expect(checkDecisionNumber("1")).toEqual(ok("1"));
  });

  it("normalises to NFC", () => {
    expect(checkDecisionNumber("12/Q\u0110-STP".normalize("NFD"))).toEqual(ok("12/QĐ-STP"));
    expect(checkDecisionNumber("12/QĐ-Sơ\u0309".normalize("NFD"))).toEqual(ok("12/QĐ-Sở"));
  });

  it("needs a digit", () => {
    expect(checkDecisionNumber("")).toEqual(no("no_digit"));
    expect(checkDecisionNumber("QĐ-STP")).toEqual(no("no_digit"));
    expect(checkDecisionNumber("không có")).toEqual(no("no_digit"));
  });

  it("takes at most 60 characters after tidying", () => {
    expect(DECISION_NUMBER_MAX).toBe(60);
    expect(checkDecisionNumber(`1${"x".repeat(59)}`)).toEqual(ok(`1${"x".repeat(59)}`));
    expect(checkDecisionNumber(`1${"x".repeat(60)}`)).toEqual(no("too_long"));
    expect(checkDecisionNumber(`  1${"x".repeat(59)}  `)).toEqual(ok(`1${"x".repeat(59)}`));
  });
});
