import { listExtensions } from "../../db/assessments.js";
import { loadRoundFacts, type UnitRow } from "../../db/round-status.js";
import { findRound } from "../../db/rounds.js";
import type { AppDeps } from "../deps.js";
import { isLocked } from "../domain/assessment.js";
import { type UnitRoundFacts, type UnitStatus, unitStatus } from "../domain/unit-status.js";

export interface UnitWithStatus {
  unit: UnitRow;
  facts: UnitRoundFacts;
  status: UnitStatus;
}

/**
 * Every active unit's status in a round (or one unit's), as /status, /pending and the export all show it: a
 * unit is overdue once its own deadline passed, the round's or the Office's extension (/reopen) if later.
 */
export async function roundStatuses(
  deps: Pick<AppDeps, "db" | "campaign" | "clock">,
  year: number,
  unitId?: number,
): Promise<UnitWithStatus[]> {
  const now = deps.clock();
  const documents = { awardForms: deps.campaign.awardForms, documents: deps.campaign.dossier.documents };
  const [round, units, extensions] = await Promise.all([
    findRound(deps.db, year),
    loadRoundFacts(deps.db, year, unitId),
    listExtensions(deps.db, year),
  ]);
  return units.map(({ unit, facts }) => ({
    unit,
    facts,
    // Without a round there is no deadline yet, so nobody is overdue.
    status: unitStatus(
      facts,
      documents,
      round ? isLocked(now, new Date(round.deadline_at), extensions.get(unit.id) ?? null) : false,
    ),
  }));
}
