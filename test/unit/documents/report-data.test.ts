import { describe, expect, it } from "vitest";
import { loadCampaign } from "../../../src/campaign/load.js";
import { fillTemplate, loadDocumentTemplates } from "../../../src/documents/templates.js";
import { achievementReportData, NO_DATA, type ReportSource } from "../../../src/domain/achievement-report.js";
import { docxParagraphs } from "./docx-text.js";

const campaign = loadCampaign();

const source = (change: Partial<ReportSource> = {}): ReportSource => ({
  campaign,
  nomination: {
    roundYear: 2026,
    formId: "giay-khen-giam-doc-so",
    nomineeKind: "individual",
    nomineeName: "Nguyễn Thị Lan",
  },
  unit: { code: "HCTP", name: "Phòng Hành chính tư pháp" },
  position: "Chuyên viên",
  headName: "Trần Văn Bình",
  profile: {},
  answers: undefined,
  today: { year: 2026, month: 12, day: 1 },
  ...change,
});

describe("the Báo cáo thành tích's data", () => {
  it("takes the profile's own fields when it holds them, the awards received as the table's rows", () => {
    const data = achievementReportData(
      source({
        profile: {
          birthDate: "1988-03-09",
          gender: "Nữ",
          hometown: "Xã Liêm Tiết, tỉnh Ninh Bình",
          qualification: "Cử nhân Luật",
          duties: "Theo dõi công tác lý lịch tư pháp",
          awards: [
            { year: "2024", form: "Giấy khen của Giám đốc Sở", decision: "12/QĐ-STP ngày 10/01/2025" },
          ],
        },
      }),
    );
    expect(data).toMatchObject({
      birthDate: "09/03/1988",
      gender: "Nữ",
      hometown: "Xã Liêm Tiết, tỉnh Ninh Bình",
      qualification: "Cử nhân Luật",
      duties: "Theo dõi công tác lý lịch tư pháp",
      awards: [{ year: "2024", form: "Giấy khen của Giám đốc Sở", decision: "12/QĐ-STP ngày 10/01/2025" }],
    });
    const paragraphs = docxParagraphs(
      fillTemplate(loadDocumentTemplates(campaign).baoCaoThanhTichCaNhan, data),
    );
    expect(paragraphs).toContain("- Sinh ngày, tháng, năm: 09/03/1988; Giới tính: Nữ");
    expect(paragraphs).toContain("- Trình độ chuyên môn, nghiệp vụ: Cử nhân Luật");
    const table = paragraphs.slice(paragraphs.indexOf("Năm"));
    expect(table.slice(3, 6)).toEqual(["2024", "Giấy khen của Giám đốc Sở", "12/QĐ-STP ngày 10/01/2025"]);
  });

  it("reads 'chưa có dữ liệu' for what is missing, with three blank award rows", () => {
    const data = achievementReportData(source());
    expect([data.birthDate, data.gender, data.hometown, data.qualification, data.duties]).toEqual(
      Array(5).fill(NO_DATA),
    );
    expect(data.awards).toEqual(Array(3).fill({ year: "", form: "", decision: "" }));
    expect(data.noInitiatives).toBe(NO_DATA);
  });

  it("writes text in NFC, without characters a .docx cannot hold", () => {
    const decomposed = "Nguye\u0302\u0303n Thi\u0323 Lan\u0007";
    const data = achievementReportData(
      source({ nomination: { ...source().nomination, nomineeName: decomposed } }),
    );
    expect(data.fullName).toBe("Nguyễn Thị Lan");
  });

  it("leaves the place to fill where the definition names none", () => {
    const { place: _place, ...documents } = campaign.documents;
    expect(achievementReportData(source({ campaign: { ...campaign, documents } })).place).toBe("……………");
  });
});
