import { describe, expect, it } from "vitest";
import { loadCampaign } from "../../../src/campaign/load.js";
import {
  checkSubmissionNumber,
  recordTasks,
  routeProgress,
  tickedIds,
  toggleTick,
} from "../../../src/domain/route-records.js";
import { type FormRoute, routeOf } from "../../../src/domain/routes.js";

const campaign = loadCampaign();
const routeFor = (formId: string): FormRoute => {
  const route = routeOf(campaign, formId);
  if (!route) throw new Error(`no route for ${formId}`);
  return route;
};

describe("recordTasks", () => {
  it("asks the Giấy khen for the Director's decision only, from the Council's pass", () => {
    expect(recordTasks(routeFor("giay-khen-giam-doc-so"))).toEqual([
      { from: "council_passed", to: "awarded", kind: "decide" },
    ]);
  });

  it("asks the province's form for the Sở's Tờ trình, then the decision or the refusal", () => {
    expect(recordTasks(routeFor("bang-khen-chu-tich-tinh"))).toEqual([
      { from: "council_passed", to: "province_proposed", kind: "propose" },
      { from: "province_proposed", to: "awarded", kind: "decide" },
      { from: "province_proposed", to: "declined", kind: "decline" },
    ]);
  });

  it("asks the Prime Minister's form for the province's proposal too, and a refusal at either level", () => {
    expect(recordTasks(routeFor("bang-khen-thu-tuong"))).toEqual([
      { from: "council_passed", to: "province_proposed", kind: "propose" },
      { from: "province_proposed", to: "national_proposed", kind: "propose" },
      { from: "province_proposed", to: "declined", kind: "decline" },
      { from: "national_proposed", to: "awarded", kind: "decide" },
      { from: "national_proposed", to: "declined", kind: "decline" },
    ]);
  });
});

describe("checkSubmissionNumber", () => {
  it.each([
    ["15/TTr-STP", "15/TTr-STP"],
    [" 15 / ttr - STP ", "15/TTr-STP"],
    ["045/TTR-UBND", "45/TTr-UBND"],
    ["7/TTr-SNV-TĐKT", "7/TTr-SNV-TĐKT"],
  ])("takes %j as %j", (typed, number) => {
    expect(checkSubmissionNumber(typed)).toEqual({ ok: true, number });
  });

  it.each([
    "",
    "TTr-STP",
    "15/QĐ-STP",
    "15/TTr-",
    "15/TTr STP",
    "abc/TTr-STP",
    "1234567/TTr-STP",
    "15/TTr-STP/x",
  ])("refuses %j", (typed) => {
    expect(checkSubmissionNumber(typed)).toEqual({ ok: false });
  });
});

describe("routeProgress", () => {
  const route = routeFor("giay-khen-giam-doc-so");

  it("counts a step's place from 1, of the route's steps", () => {
    expect(routeProgress(route, "under_review")).toEqual({ at: 1, of: 4 });
    expect(routeProgress(route, "council_passed")).toEqual({ at: 3, of: 4 });
    expect(routeProgress(route, "awarded")).toEqual({ at: 4, of: 4 });
  });

  it("has no place for a status off the route, or a step of another form's route", () => {
    for (const status of ["draft", "submitted", "returned", "declined", "not_passed", "province_proposed"])
      expect(routeProgress(route, status)).toBeNull();
  });
});

describe("the checklist", () => {
  it("ticks every nomination shown but those unticked", () => {
    expect(tickedIds([3, 1, 2], [])).toEqual([3, 1, 2]);
    expect(tickedIds([3, 1, 2], [1])).toEqual([3, 2]);
    expect(tickedIds([3, 1, 2], [3, 1, 2])).toEqual([]);
  });

  it("unticks and ticks again; a nomination not on the list changes nothing", () => {
    const shown = [4, 5, 6];
    const off = toggleTick(shown, [], 5);
    expect(off).toEqual([5]);
    expect(toggleTick(shown, off, 5)).toEqual([]);
    expect(toggleTick(shown, off, 9)).toEqual([5]);
  });
});
