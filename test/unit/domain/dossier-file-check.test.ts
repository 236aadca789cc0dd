import { describe, expect, it } from "vitest";
import { checkDossierFile, FILE_SIZE_MAX } from "../../../src/domain/evidence.js";

const PDF = "application/pdf";
const DOC = "application/msword";
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const accepted = { ok: true, value: null };
const wrongType = { ok: false, reason: "wrong_type" };
const tooLarge = { ok: false, reason: "too_large" };

describe("checkDossierFile", () => {
  it.each([
    ["to-trinh.pdf", PDF],
    ["to-trinh.pdf", "application/octet-stream"],
    ["to-trinh.pdf", undefined],
    ["x.DOCX", "application/octet-stream"],
    ["x.DOCX", "image/jpeg"],
    ["y.doc", "application/x-unknown"],
    ["y.doc", undefined],
  ])("accepts %s (MIME %s) by its extension", (fileName, mimeType) => {
    expect(checkDossierFile({ fileName, mimeType, size: 100_000 })).toEqual(accepted);
  });

  it.each([
    ["x.exe", PDF],
    ["x.exe", DOCX],
    ["anh.jpg", "image/jpeg"],
    ["anh.jpg", PDF],
    ["anh.png", "image/png"],
    ["bang.xlsx", "application/vnd.ms-excel"],
    ["to-trinh.pdf.exe", PDF],
  ])("refuses %s (MIME %s): the name decides", (fileName, mimeType) => {
    expect(checkDossierFile({ fileName, mimeType, size: 100_000 })).toEqual(wrongType);
  });

  it.each([PDF, DOC, DOCX])("accepts a file without a name whose MIME type is %s", (mimeType) => {
    expect(checkDossierFile({ mimeType, size: 100_000 })).toEqual(accepted);
  });

  it.each(["image/jpeg", "image/png", "application/octet-stream", undefined])(
    "refuses a file without a name whose MIME type is %s",
    (mimeType) => {
      expect(checkDossierFile({ mimeType, size: 100_000 })).toEqual(wrongType);
    },
  );

  it("refuses a file over 20 MB and takes one of exactly 20 MB", () => {
    expect(FILE_SIZE_MAX).toBe(20 * 1024 * 1024);
    expect(checkDossierFile({ fileName: "bao-cao.pdf", mimeType: PDF, size: FILE_SIZE_MAX + 1 })).toEqual(
      tooLarge,
    );
    expect(checkDossierFile({ mimeType: DOCX, size: 25 * 1024 * 1024 })).toEqual(tooLarge);
    expect(checkDossierFile({ fileName: "bao-cao.pdf", mimeType: PDF, size: FILE_SIZE_MAX })).toEqual(
      accepted,
    );
  });
});
