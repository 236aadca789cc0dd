import { describe, expect, it } from "vitest";
import { erasurePlan } from "../../../src/domain/erasure.js";
import type { NominationStatus } from "../../../src/domain/nominations.js";

const n = (id: number, roundYear: number, status: NominationStatus) => ({ id, roundYear, status });

describe("erasurePlan", () => {
  it("keeps every nomination once sent, whatever became of it, and drops the drafts", () => {
    const nominations = [
      n(1, 2026, "awarded"),
      n(2, 2026, "draft"),
      n(3, 2025, "rejected"),
      n(4, 2026, "withdrawn"),
      n(5, 2026, "returned"),
    ];
    const plan = erasurePlan(nominations, [2026]);
    expect(plan.kept.map((x) => x.id)).toEqual([1, 3, 4, 5]);
    expect(plan.dropped.map((x) => x.id)).toEqual([2]);
    expect(plan.assessmentYearsKept).toEqual([2026]);
  });

  it("keeps a submitted self-assessment only behind a kept nomination of its round", () => {
    expect(erasurePlan([n(1, 2026, "draft")], [2026]).assessmentYearsKept).toEqual([]);
    expect(erasurePlan([n(1, 2025, "submitted")], [2025, 2026]).assessmentYearsKept).toEqual([2025]);
    expect(erasurePlan([], [2026])).toEqual({ kept: [], dropped: [], assessmentYearsKept: [] });
  });
});
