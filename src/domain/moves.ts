/** What a person has in the open round that a move to another unit would carry away from their unit. */
export interface MoveStakes {
  /** Their own self-assessment, sent in the open round. */
  submittedAssessment: boolean;
  /** Nominations of them in the open round still standing (not rejected or withdrawn). */
  standingNominations: number;
}

/**
 * A move through an invite is the person's own tap, except where their unit has already counted on them in the
 * open round: then the Office confirms it, so that a sent self-assessment or a nomination does not change unit
 * unseen.
 */
export function moveNeedsOffice(stakes: MoveStakes | undefined): boolean {
  if (!stakes) return false;
  return stakes.submittedAssessment || stakes.standingNominations > 0;
}
