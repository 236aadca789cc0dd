import { describe, expect, it } from "vitest";
import { loadCampaign } from "../../../src/campaign/load.js";
import type { Campaign } from "../../../src/campaign/schema.js";
import { beforeCouncil, hasCouncil } from "../../../src/domain/nomination-list.js";
import { routeOf } from "../../../src/domain/routes.js";

const campaign = loadCampaign();
const GIAY_KHEN = "giay-khen-giam-doc-so";
const CHU_TICH = "bang-khen-chu-tich-tinh";

describe("which nominations the danh sách puts before the Council", () => {
  it("takes those at the agenda's step or further on, and those the Council or the level above refused", () => {
    const route = routeOf(campaign, GIAY_KHEN);
    const listed = (status: string) => beforeCouncil(route, status);
    expect(["recommended", "council_passed", "awarded", "not_passed"].filter(listed)).toEqual([
      "recommended",
      "council_passed",
      "awarded",
      "not_passed",
    ]);
    expect(["draft", "submitted", "under_review", "returned", "rejected", "withdrawn"].some(listed)).toBe(
      false,
    );
    // The Director's Giấy khen has no proposal above the Council: nothing of it can be declined there.
    expect(listed("declined")).toBe(false);
    expect(beforeCouncil(routeOf(campaign, CHU_TICH), "declined")).toBe(true);
    expect(beforeCouncil(routeOf(campaign, CHU_TICH), "province_proposed")).toBe(true);
    expect(beforeCouncil(undefined, "recommended")).toBe(false);
  });

  it("has no list for a form whose route skips the Council", () => {
    const withoutCouncil: Campaign = {
      ...campaign,
      awardForms: campaign.awardForms.map((form) =>
        form.id === GIAY_KHEN
          ? { ...form, route: { steps: ["under_review", "awarded"], quotaFrom: "awarded" } }
          : form,
      ),
    };
    expect(hasCouncil(withoutCouncil, GIAY_KHEN)).toBe(false);
    expect(beforeCouncil(routeOf(withoutCouncil, GIAY_KHEN), "awarded")).toBe(false);
    expect(hasCouncil(withoutCouncil, CHU_TICH)).toBe(true);
  });
});
