import type { NominationStatus } from "./nominations.js";

/**
 * What erasing a person's data keeps: a nomination once sent to the Office is the Department's record (its
 * files, its history, a decision), kept under the name as it was; a draft never sent is only about the person
 * and goes. A submitted self-assessment stays where a kept nomination of that round rests on it.
 */
export interface ErasurePlan<N extends { id: number; roundYear: number; status: NominationStatus }> {
  kept: N[];
  dropped: N[];
  /** Rounds whose submitted self-assessment stays, behind a kept nomination. */
  assessmentYearsKept: number[];
}

export function erasurePlan<N extends { id: number; roundYear: number; status: NominationStatus }>(
  nominations: readonly N[],
  submittedAssessmentYears: readonly number[],
): ErasurePlan<N> {
  const kept = nominations.filter((n) => n.status !== "draft");
  const keptYears = new Set(kept.map((n) => n.roundYear));
  return {
    kept,
    dropped: nominations.filter((n) => n.status === "draft"),
    assessmentYearsKept: submittedAssessmentYears.filter((year) => keptYears.has(year)),
  };
}
