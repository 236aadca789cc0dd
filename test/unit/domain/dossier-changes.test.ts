import { describe, expect, it } from "vitest";
import { type DossierSnapshot, dossierChanges, hasChanges } from "../../../src/domain/dossier-changes.js";
import { reportKey } from "../../../src/domain/nominations.js";

const lan = { id: 1, name: "Nguyễn Thị Lan", kind: "individual" as const, formId: "gk" };
const minh = { id: 2, name: "Lê Văn Minh", kind: "individual" as const, formId: "gk" };
const unit = { id: 3, name: "Phòng Hành chính tư pháp", kind: "collective" as const, formId: "gk" };
const file = (documentId: string, documentKey: string, version: number, fileName: string | null) => ({
  documentId,
  documentKey,
  version,
  fileName,
});

const first: DossierSnapshot = {
  nominations: [
    { ...lan, status: "submitted" },
    { ...minh, status: "submitted" },
  ],
  files: [
    file("to-trinh", "", 1, "to-trinh.pdf"),
    file("bao-cao", reportKey(1), 1, "lan.pdf"),
    file("bao-cao", reportKey(2), 1, "minh.pdf"),
  ],
};

describe("dossierChanges", () => {
  it("finds nothing when the same dossier is sent again", () => {
    const changes = dossierChanges(first, first, [], reportKey);
    expect(hasChanges(changes)).toBe(false);
  });

  it("lists nominations added, withdrawn and corrected, and each document replaced with its old and new name", () => {
    const second: DossierSnapshot = {
      nominations: [
        { ...lan, status: "submitted" },
        { ...minh, status: "withdrawn" },
        { ...unit, status: "submitted" },
      ],
      files: [
        file("to-trinh", "", 2, "to-trinh-ky.pdf"),
        file("bao-cao", reportKey(1), 2, "lan-v2.pdf"),
        file("bao-cao", reportKey(2), 1, "minh.pdf"),
        file("bao-cao", reportKey(3), 1, "phong.pdf"),
      ],
    };
    const changes = dossierChanges(first, second, [1], reportKey);
    expect(changes.added.map((n) => n.name)).toEqual([unit.name]);
    expect(changes.withdrawn.map((n) => n.name)).toEqual([minh.name]);
    expect(changes.corrected.map((n) => n.name)).toEqual([lan.name]);
    expect(changes.replaced).toEqual([
      { documentId: "to-trinh", nominationId: null, oldName: "to-trinh.pdf", newName: "to-trinh-ky.pdf" },
      { documentId: "bao-cao", nominationId: 1, oldName: "lan.pdf", newName: "lan-v2.pdf" },
    ]);
    expect(hasChanges(changes)).toBe(true);
  });

  it("does not call a nomination corrected unless it was in the last sending", () => {
    const second: DossierSnapshot = {
      nominations: [...first.nominations, { ...unit, status: "submitted" }],
      files: first.files,
    };
    const changes = dossierChanges(first, second, [3], reportKey);
    expect(changes.corrected).toEqual([]);
    expect(changes.added.map((n) => n.id)).toEqual([3]);
  });
});

describe("a nomination the Office rejected since the last sending", () => {
  it("is not reported as withdrawn by the unit", () => {
    const second: DossierSnapshot = {
      nominations: [
        { ...lan, status: "rejected" },
        { ...minh, status: "submitted" },
      ],
      files: first.files,
    };
    const changes = dossierChanges(first, second, [2], reportKey);
    expect(changes.withdrawn).toEqual([]);
    expect(changes.corrected.map((n) => n.name)).toEqual([minh.name]);
  });
});
