import { describe, expect, it } from "vitest";
import { loadCampaign } from "../../../src/campaign/load.js";
import {
  ballotData,
  type ClosedMeetingRecord,
  decisionData,
  directorForms,
  minutesData,
} from "../../../src/domain/council-documents.js";

const campaign = loadCampaign();
const GK = "giay-khen-giam-doc-so";
const BKT = "bang-khen-chu-tich-tinh";
const at = { year: 2026, month: 12, day: 1, hour: 9, minute: 5 };

const item = (
  nominationId: number,
  name: string,
  extra: Partial<ClosedMeetingRecord["items"][number]> = {},
): ClosedMeetingRecord["items"][number] => ({
  nominationId,
  formId: GK,
  nomineeKind: "individual",
  name,
  unitName: "Phòng Hành chính tư pháp",
  agree: 3,
  disagree: 0,
  blank: 0,
  rank: 1,
  reachedThreshold: true,
  outcome: "passed",
  overQuota: false,
  chosenByChair: false,
  ...extra,
});

function record(overrides: Partial<ClosedMeetingRecord> = {}): ClosedMeetingRecord {
  return {
    meetingId: 4,
    year: 2026,
    openedAt: at,
    closedAt: { ...at, hour: 11, minute: 0 },
    rule: { share: 2 / 3, inclusive: true, of: "members" },
    base: 3,
    needed: 2,
    members: [
      { id: 1, name: "Ủy Viên A", role: "member", present: true },
      { id: 2, name: "Chủ Tịch", role: "chair", present: true },
      { id: 3, name: null, role: "secretary", present: true },
    ],
    votes: [],
    items: [item(10, '=HYPERLINK("x")'), item(11, "Trượt", { outcome: "not_passed", agree: 1, rank: null })],
    groups: [{ formId: GK, nomineeKind: "individual", slotsLeft: null, ranking: [10] }],
    tieBreaks: [],
    ...overrides,
  };
}

describe("the Council's papers as data", () => {
  it("the minutes: the rule in words, the chair first, no one absent, no tie-break, a missing name left to fill", () => {
    const data = minutesData({ campaign, record: record() });
    expect(data.ruleText).toBe("từ 2/3 tổng số thành viên Hội đồng đồng ý");
    expect(data.present.map((p) => `${p.name} — ${p.role}`)).toEqual([
      "Chủ Tịch — Chủ tịch Hội đồng",
      "…………………… — Thư ký Hội đồng",
      "Ủy Viên A — Ủy viên",
    ]);
    expect([data.absent, data.noAbsent]).toEqual([[], "Không có."]);
    expect(data.noTieBreaks).toBe("Không có trường hợp bằng phiếu phải xét chọn.");
    expect([data.openedTime, data.closedTime, data.closedDate]).toEqual([
      "09 giờ 05",
      "11 giờ 00",
      "01/12/2026",
    ]);
    // Formula-like text stays text, as typed.
    expect(data.items[0]?.name).toBe('Cá nhân: =HYPERLINK("x")');
    expect(data.groups[0]).toMatchObject({ slots: "không giới hạn" });
    expect(data.groups[0]?.ranking.map((r) => [r.name, r.rank, r.result])).toEqual([
      ['Cá nhân: =HYPERLINK("x")', "1", "Đề nghị"],
      ["Cá nhân: Trượt", "—", "Không đề nghị"],
    ]);
    expect([data.passedCount, data.notPassedCount]).toEqual(["1", "1"]);
  });

  it("the Quyết định: only the form asked and only the passed; an empty part of the list says so", () => {
    expect(directorForms(campaign)).toEqual([GK]);
    const data = decisionData({
      campaign,
      record: record({
        items: [
          item(10, "Nguyễn Thị Lan", { position: "Chuyên viên" }),
          item(12, "Bằng Khen", { formId: BKT }),
          item(11, "Trượt", { outcome: "not_passed" }),
        ],
      }),
      formId: GK,
    });
    expect(data.individuals).toEqual([
      { index: "1", name: "Nguyễn Thị Lan", position: "Chuyên viên", unit: "Phòng Hành chính tư pháp" },
    ]);
    expect([data.collectives, data.noCollectives, data.noIndividuals]).toEqual([[], "Không có.", ""]);
    expect(data.summary).toBe("01 cá nhân");
    expect(data.formUpper).toBe("GIẤY KHEN CỦA GIÁM ĐỐC SỞ");
    expect(data.provinceUpper).toBe("ỦY BAN NHÂN DÂN TỈNH NINH BÌNH");
  });

  it("the ballots: one per member, the chair's first, each with the whole agenda", () => {
    const data = ballotData({
      campaign,
      meetingId: 4,
      year: 2026,
      members: record().members,
      agenda: [
        { nominationId: 1, formId: GK, nomineeKind: "collective", name: "Phòng A", unitName: "Phòng A" },
        { nominationId: 2, formId: BKT, nomineeKind: "individual", name: "Bình", unitName: "Phòng A" },
      ],
    });
    expect(data.ballots.map((b) => [b.memberRole, b.notFirst, b.items.length])).toEqual([
      ["Chủ tịch Hội đồng", false, 2],
      ["Thư ký Hội đồng", true, 2],
      ["Ủy viên", true, 2],
    ]);
    expect(data.ballots[0]?.items.map((i) => i.name)).toEqual(["Tập thể: Phòng A", "Cá nhân: Bình"]);
  });
});
