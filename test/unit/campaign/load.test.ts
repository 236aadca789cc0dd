import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import {
  BUNDLED_CAMPAIGN_FILE,
  CampaignError,
  loadCampaign,
  parseCampaign,
} from "../../../src/campaign/load.js";

// A copy of the Department's plan (shared/plan/), kept with the tests so that they run from a bare clone.
const PLAN_FILE = fileURLToPath(new URL("../../fixtures/plan-stp-cchc-2023-2025.txt", import.meta.url));
const PLAN = readFileSync(PLAN_FILE, "utf8").normalize("NFC");

const squash = (text: string) => text.normalize("NFC").replace(/\s+/g, " ").trim();
const withoutFinalPunctuation = (text: string) => text.trim().replace(/[;.]$/, "");

/** The "- " bullets of the plan between two headings, without their final ";" or ".". */
function planBullets(from: string, to: string): string[] {
  const start = PLAN.indexOf(from);
  const end = PLAN.indexOf(to, start);
  expect(start).toBeGreaterThanOrEqual(0);
  expect(end).toBeGreaterThan(start);
  return PLAN.slice(start + from.length, end)
    .split("\n")
    .filter((line) => line.startsWith("- "))
    .map((line) => withoutFinalPunctuation(line.slice(2)));
}

const RAW = JSON.parse(readFileSync(BUNDLED_CAMPAIGN_FILE, "utf8")) as Record<string, unknown>;

// biome-ignore lint/suspicious/noExplicitAny: tests reach into the raw JSON to break it on purpose
type Raw = any;

function broken(change: (campaign: Raw) => void): Raw {
  const copy = structuredClone(RAW);
  change(copy);
  return copy;
}

function campaignError(data: unknown): CampaignError {
  try {
    parseCampaign(data, "test-definition.json");
  } catch (error) {
    expect(error).toBeInstanceOf(CampaignError);
    return error as CampaignError;
  }
  throw new Error("parseCampaign accepted an invalid definition");
}

describe("the bundled campaign definition", () => {
  const campaign = loadCampaign();

  it("is the default file and loads", () => {
    expect(loadCampaign(BUNDLED_CAMPAIGN_FILE)).toEqual(campaign);
    expect(campaign.id).toBe("stp-cchc-2023-2025");
  });

  it("names the organisation after the 2025 merger and keeps the former name", () => {
    expect(campaign.organisation.name.vi).toBe("Sở Tư pháp tỉnh Ninh Bình");
    expect(campaign.organisation.formerNames).toEqual([
      {
        name: { vi: "Sở Tư pháp tỉnh Hà Nam", en: "Department of Justice of Hà Nam province" },
        until: "2025-07-01",
      },
    ]);
  });

  it("covers 2023-2025 in Asia/Ho_Chi_Minh", () => {
    expect(campaign.period).toEqual({ from: 2023, to: 2025 });
    expect(campaign.timeZone).toBe("Asia/Ho_Chi_Minh");
  });

  it("has the plan's 7 contents, II.1 to II.7, in the plan's words", () => {
    expect(campaign.contents.map((content) => content.code)).toEqual([
      "II.1",
      "II.2",
      "II.3",
      "II.4",
      "II.5",
      "II.6",
      "II.7",
    ]);
    const planText = squash(PLAN);
    for (const [index, content] of campaign.contents.entries()) {
      expect(planText).toContain(`${index + 1}. ${squash(content.text.vi)}`);
    }
  });

  it("has the 6 reform areas listed in content II.3", () => {
    expect(campaign.reformAreas.map((area) => area.id)).toEqual([
      "the-che",
      "thu-tuc-hanh-chinh",
      "to-chuc-bo-may",
      "che-do-cong-vu",
      "tai-chinh-cong",
      "chinh-quyen-so",
    ]);
    const contentII3 = squash(PLAN).toLocaleLowerCase("vi");
    for (const area of campaign.reformAreas) {
      expect(contentII3).toContain(area.name.vi.toLocaleLowerCase("vi"));
    }
  });

  it("has the plan's 3 collective criteria (III.2.a), word for word", () => {
    const bullets = planBullets("a) Đối với tập thể:", "b) Đối với cá nhân:");
    expect(bullets).toHaveLength(3);
    expect(campaign.criteria.collective.map((criterion) => criterion.text.vi)).toEqual(bullets);
  });

  it("has the plan's 6 individual criteria (III.2.b), word for word", () => {
    const bullets = planBullets("b) Đối với cá nhân:", "3. Công tác khen thưởng");
    expect(bullets).toHaveLength(6);
    expect(campaign.criteria.individual.map((criterion) => criterion.text.vi)).toEqual(bullets);
  });

  it("finds each criterion's text in the plan file, followed by ';' or '.'", () => {
    for (const criterion of [...campaign.criteria.collective, ...campaign.criteria.individual]) {
      const at = PLAN.indexOf(`- ${criterion.text.vi}`);
      expect(at, criterion.code).toBeGreaterThanOrEqual(0);
      expect([";", "."], criterion.code).toContain(PLAN.charAt(at + 2 + criterion.text.vi.length));
    }
    expect(PLAN).toContain("- Được đánh giá, xếp loại hoàn thành tốt nhiệm vụ trở lên.");
    expect(campaign.criteria.individual[5]?.text.vi).toBe(
      "Được đánh giá, xếp loại hoàn thành tốt nhiệm vụ trở lên",
    );
    expect(campaign.criteria.collective[0]?.text.vi).toBe(
      "Chấp hành tốt chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước; thực hiện nghiêm kỷ luật, kỷ cương hành chính",
    );
  });

  it("asks for the right evidence: initiatives recognised by a council, a rating of 'tốt' or better", () => {
    expect(campaign.criteria.collective[2]?.evidence.kind).toBe("initiative");
    expect(campaign.criteria.individual[3]?.evidence.kind).toBe("initiative");
    const rating = campaign.criteria.individual[5]?.evidence;
    expect(rating?.kind).toBe("rating");
    if (rating?.kind !== "rating") return;
    expect(rating.minimumLevel).toBe("tot");
    expect(rating.levels.find((level) => level.id === "tot")?.name.vi).toBe("Hoàn thành tốt nhiệm vụ");
  });

  it("has the 3 award forms; only the Director's Giấy khen has a quota (4 collectives, 10 individuals)", () => {
    expect(campaign.awardForms.map((form) => form.name.vi)).toEqual(
      planBullets("a) Hình thức khen thưởng", "b) Số lượng khen thưởng"),
    );
    expect(
      campaign.awardForms.map((form) => [form.id, form.level, form.quota.collective, form.quota.individual]),
    ).toEqual([
      ["bang-khen-thu-tuong", "national", null, null],
      ["bang-khen-chu-tich-tinh", "province", null, null],
      ["giay-khen-giam-doc-so", "department", 4, 10],
    ]);
    expect(campaign.awardForms[2]?.name.vi).toBe("Giấy khen của Giám đốc Sở");
    // What a person types after /nominations to name a form.
    expect(campaign.awardForms.map((form) => form.code)).toEqual(["bkttg", "bkt", "gk"]);
  });

  it("asks for the dossier documents of III.3.c", () => {
    expect(campaign.dossier.documents.map((document) => document.name.vi)).toEqual(
      planBullets("c) Hồ sơ đề nghị khen thưởng", "Hồ sơ đề nghị khen thưởng gửi về").map((bullet) =>
        bullet.replace(/ \(.*\)$/, ""),
      ),
    );
    // The plan's "gửi về Văn phòng tổng hợp" is "send to the Office (Văn phòng Sở), which compiles them":
    // III.4 names the Văn phòng Sở as the one that sums up and proposes; there is no "Văn phòng tổng hợp".
    expect(campaign.dossier.recipient).toEqual({ vi: "Văn phòng Sở", en: "the Department's Office" });
  });

  it("makes results due before 05/01 of the following year", () => {
    expect(campaign.deadline).toEqual({ month: 1, day: 5, yearsAfter: 1 });
  });
});

describe("parseCampaign", () => {
  it("accepts an unchanged copy of the bundled JSON", () => {
    expect(parseCampaign(structuredClone(RAW), "copy").id).toBe("stp-cchc-2023-2025");
  });

  it("defaults formerNames to an empty list", () => {
    const campaign = parseCampaign(
      broken((c) => {
        delete c.organisation.formerNames;
      }),
      "copy",
    );
    expect(campaign.organisation.formerNames).toEqual([]);
  });

  it.each<[string, string, (campaign: Raw) => void]>([
    [
      "a criterion without Vietnamese text",
      "criteria.individual[3].text.vi",
      (c) => {
        delete c.criteria.individual[3].text.vi;
      },
    ],
    [
      "a criterion with empty Vietnamese text",
      "criteria.collective[1].text.vi",
      (c) => {
        c.criteria.collective[1].text.vi = "";
      },
    ],
    [
      "a deadline month of 13",
      "deadline.month",
      (c) => {
        c.deadline.month = 13;
      },
    ],
    [
      "a deadline day of 0",
      "deadline.day",
      (c) => {
        c.deadline.day = 0;
      },
    ],
    [
      "a rating whose minimum is not one of its levels",
      "criteria.individual[5].evidence.minimumLevel",
      (c) => {
        c.criteria.individual[5].evidence.minimumLevel = "gioi";
      },
    ],
    [
      "a rating level named like the pending answer's button",
      "criteria.individual[5].evidence.levels",
      (c) => {
        c.criteria.individual[5].evidence.levels[3].id = "pending";
      },
    ],
    [
      "6 contents",
      "contents",
      (c) => {
        c.contents.pop();
      },
    ],
    [
      "8 contents",
      "contents",
      (c) => {
        c.contents.push(c.contents[0]);
      },
    ],
    [
      "an unknown time zone",
      "timeZone",
      (c) => {
        c.timeZone = "Asia/Hanoi_City";
      },
    ],
    [
      "a period that ends before it starts",
      "period.to",
      (c) => {
        c.period.to = 2022;
      },
    ],
    [
      "a negative quota",
      "awardForms[2].quota.individual",
      (c) => {
        c.awardForms[2].quota.individual = -1;
      },
    ],
    [
      "an unknown award level",
      "awardForms[0].level",
      (c) => {
        c.awardForms[0].level = "galactic";
      },
    ],
    [
      "an unknown evidence kind",
      "criteria.collective[0].evidence.kind",
      (c) => {
        c.criteria.collective[0].evidence.kind = "photo";
      },
    ],
    [
      "a rating asked of units, whose criteria have none (the form would be out of every unit's reach)",
      "awardForms[1].considerWhen.collective.minimumRating",
      (c) => {
        c.awardForms[1].considerWhen = { collective: { allCriteria: true, minimumRating: "xuat-sac" } };
      },
    ],
    [
      "an initiative council no criterion of that kind names",
      "awardForms[0].considerWhen.individual.initiativeCouncils",
      (c) => {
        c.awardForms[0].considerWhen = { individual: { initiativeCouncils: ["trung-uong"] } };
      },
    ],
    [
      "more criteria met than there are",
      "awardForms[2].considerWhen.collective.minimumCriteriaMet",
      (c) => {
        c.awardForms[2].considerWhen = { collective: { minimumCriteriaMet: 4 } };
      },
    ],
    [
      "an award form without a code to type",
      "awardForms[1].code",
      (c) => {
        delete c.awardForms[1].code;
      },
    ],
    [
      "an award form code that is a number (it would be taken for a nomination's)",
      "awardForms[0].code",
      (c) => {
        c.awardForms[0].code = "3";
      },
    ],
    [
      "two award forms with the same code",
      "awardForms[2].code",
      (c) => {
        c.awardForms[2].code = c.awardForms[0].code;
      },
    ],
    [
      "an award form code that is another form's id",
      "awardForms[0].code",
      (c) => {
        c.awardForms[0].code = "giay-khen-giam-doc-so";
      },
    ],
    [
      "an id with capitals",
      "reformAreas[1].id",
      (c) => {
        c.reformAreas[1].id = "Thu-Tuc";
      },
    ],
  ])("rejects %s, naming %s", (_label, path, change) => {
    const error = campaignError(broken(change));
    expect(error.message).toContain("test-definition.json");
    expect(error.message).toContain(`- ${path}:`);
  });

  it("rejects a duplicate criterion id, naming the second one", () => {
    const error = campaignError(
      broken((c) => {
        c.criteria.individual[2].id = "chap-hanh";
      }),
    );
    expect(error.message).toContain("- criteria.individual[2].id:");
    expect(error.message).toContain('duplicate id "chap-hanh"');
    expect(error.message).not.toContain("criteria.individual[0].id");
  });

  it("allows the same criterion id in the collective and the individual lists", () => {
    const campaign = parseCampaign(structuredClone(RAW), "copy");
    expect(campaign.criteria.collective[0]?.id).toBe(campaign.criteria.individual[0]?.id);
  });

  it("lists every problem, not only the first", () => {
    const error = campaignError(
      broken((c) => {
        c.deadline.month = 0;
        delete c.criteria.individual[3].text.vi;
      }),
    );
    expect(error.message).toContain("deadline.month");
    expect(error.message).toContain("criteria.individual[3].text.vi");
  });

  it("rejects something that is not an object at all", () => {
    expect(campaignError(null).message).toContain("(root)");
  });
});

describe("loadCampaign", () => {
  const dir = mkdtempSync(join(tmpdir(), "thidua-campaign-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("loads a valid definition from another file", () => {
    const file = join(dir, "next.json");
    writeFileSync(file, JSON.stringify(broken((c) => (c.id = "next-movement"))));
    expect(loadCampaign(file).id).toBe("next-movement");
  });

  it("throws CampaignError naming a missing file", () => {
    const file = join(dir, "missing.json");
    expect(() => loadCampaign(file)).toThrow(CampaignError);
    expect(() => loadCampaign(file)).toThrow(file);
  });

  it("throws CampaignError naming a file that is not JSON", () => {
    const file = join(dir, "bad.json");
    writeFileSync(file, "{ this is not JSON");
    expect(() => loadCampaign(file)).toThrow(CampaignError);
    expect(() => loadCampaign(file)).toThrow(file);
  });

  it("throws CampaignError naming the file and the field of an invalid definition", () => {
    const file = join(dir, "invalid.json");
    writeFileSync(file, JSON.stringify(broken((c) => (c.deadline.yearsAfter = 2))));
    expect(() => loadCampaign(file)).toThrow(CampaignError);
    expect(() => loadCampaign(file)).toThrow(
      new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[\\s\\S]*deadline\\.yearsAfter`),
    );
  });
});
