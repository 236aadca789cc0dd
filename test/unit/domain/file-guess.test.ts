import { describe, expect, it } from "vitest";
import { fileNameScore, rankByFileName } from "../../../src/domain/file-guess.js";

const letter = { id: "letter", documentNames: ["Tờ trình đề nghị khen thưởng", "Tờ trình"] };
const report = (nomineeName: string) => ({
  id: `report ${nomineeName}`,
  documentNames: ["Báo cáo thành tích của tập thể, cá nhân đề nghị khen thưởng", "Báo cáo thành tích"],
  nomineeName,
});
const slots = [letter, report("Nguyễn Thị Lan"), report("Lê Văn Minh")];
const ranked = (fileName: string) => rankByFileName(fileName, slots).map((slot) => slot.id);

describe("which document a file's name points to", () => {
  it("reads a document's name with or without marks, spaces or case", () => {
    expect(ranked("TỜ TRÌNH 2026.pdf")[0]).toBe("letter");
    expect(ranked("totrinh.pdf")[0]).toBe("letter");
    expect(ranked("to_trinh_de_nghi.docx")[0]).toBe("letter");
  });

  it("puts the nominee named in the file first, by the whole name or the given name", () => {
    expect(ranked("BCTT_Le_Van_Minh.pdf")[0]).toBe("report Lê Văn Minh");
    expect(ranked("bao cao thanh tich Lan.docx")[0]).toBe("report Nguyễn Thị Lan");
    expect(ranked("nguyenthilan.pdf")[0]).toBe("report Nguyễn Thị Lan");
  });

  it("keeps the dossier's order when the name tells nothing", () => {
    expect(ranked("scan0001.pdf")).toEqual(["letter", "report Nguyễn Thị Lan", "report Lê Văn Minh"]);
    expect(fileNameScore("scan0001.pdf", letter)).toBe(0);
  });
});
