import { describe, expect, it } from "vitest";
import { loadCampaign } from "../../../src/campaign/load.js";
import { meetingDatesText } from "../../../src/domain/council-documents.js";
import {
  provinceForms,
  provinceLetterData,
  sosProposal,
  voteText,
} from "../../../src/domain/province-letter.js";

const campaign = loadCampaign();
const day = (d: number) => ({ year: 2026, month: 12, day: d });

describe("the Sở's Tờ trình to the province, as data", () => {
  it("is drafted for the forms whose route has the Sở's proposal, from the step before it", () => {
    expect(provinceForms(campaign)).toEqual(["bang-khen-thu-tuong", "bang-khen-chu-tich-tinh"]);
    expect(sosProposal(campaign, "bang-khen-thu-tuong")).toMatchObject({
      from: "council_passed",
      step: { id: "province_proposed" },
    });
    expect(sosProposal(campaign, "giay-khen-giam-doc-so")).toBeNull();
  });

  it("words each vote by the pass rule's base, and a pass without a vote on the bot", () => {
    expect(voteText({ meetingDate: day(1), agree: 5, base: 6, of: "present" })).toBe(
      "5/6 thành viên Hội đồng có mặt đồng ý (họp ngày 01/12/2026)",
    );
    expect(voteText({ meetingDate: day(5), agree: 5, base: 9, of: "members" })).toBe(
      "5/9 thành viên Hội đồng đồng ý (họp ngày 05/12/2026)",
    );
    expect(voteText(undefined)).toBe("Hội đồng đã thông qua (không có phiếu biểu quyết trên bot)");
  });

  it("names each meeting's day once, in order; dots where none is known", () => {
    expect(meetingDatesText([day(5), day(1), day(5)])).toBe("01/12/2026, ngày 05/12/2026");
    expect(meetingDatesText([])).toBe("……");
  });

  it("keeps names as plain text in NFC, and says none where a kind has nobody", () => {
    const decomposed = "Nguyễn <b>Lan</b>".normalize("NFD");
    const data = provinceLetterData({
      campaign,
      formId: "bang-khen-chu-tich-tinh",
      year: 2026,
      today: day(5),
      nominees: [
        {
          nominationId: 1,
          formId: "bang-khen-chu-tich-tinh",
          nomineeKind: "individual",
          name: decomposed,
          unitName: "Phòng =SUM(A1)",
          position: undefined,
        },
      ],
    });
    expect(data.individuals).toEqual([
      {
        index: "1",
        name: "Nguyễn <b>Lan</b>",
        position: "chưa có dữ liệu",
        unit: "Phòng =SUM(A1)",
        result: "Hội đồng đã thông qua (không có phiếu biểu quyết trên bot)",
      },
    ]);
    expect(data.individuals[0]?.name).toBe("Nguyễn <b>Lan</b>".normalize("NFC"));
    expect(data.collectives).toEqual([]);
    expect(data.noCollectives).toBe("Không có.");
    expect(data.summary).toBe("01 cá nhân");
    expect(data.meetingDates).toBe("……");
    expect(data.request).toBe("đề nghị Chủ tịch Ủy ban nhân dân tỉnh Ninh Bình tặng");
  });
});
