import { listExtensions } from "../../db/assessments.js";
import { loadRoundFacts, loadRoundSummaries, type UnitRow } from "../../db/round-status.js";
import { findRound } from "../../db/rounds.js";
import type { AppDeps } from "../deps.js";
import { isLocked } from "../domain/assessment.js";
import {
  type UnitRoundFacts,
  type UnitRoundSummary,
  type UnitStatus,
  unitStatus,
} from "../domain/unit-status.js";

export interface UnitWithStatus {
  unit: UnitRow;
  facts: UnitRoundFacts;
  status: UnitStatus;
}

type Deps = Pick<AppDeps, "db" | "campaign" | "clock">;

/**
 * Every active unit's status in a round (or one unit's), as /status <code> and the export show it, every
 * person listed: a unit is overdue once its own deadline passed, the round's or the Office's extension
 * (/reopen) if later.
 */
export async function roundStatuses(deps: Deps, year: number, unitId?: number): Promise<UnitWithStatus[]> {
  const [units, statusOf] = await Promise.all([
    loadRoundFacts(deps.db, year, unitId),
    statusMaker(deps, year),
  ]);
  return units.map(({ unit, facts }) => ({ unit, facts, status: statusOf(unit.id, facts) }));
}

/**
 * Every active unit's status in a round with its people counted in the database, for /status and /pending:
 * `peopleNotSubmitted` holds only the first `namesPerUnit` by name.
 */
export async function roundSummaries(
  deps: Deps,
  year: number,
  namesPerUnit: number,
): Promise<Array<{ unit: UnitRow; status: UnitStatus }>> {
  const [units, statusOf] = await Promise.all([
    loadRoundSummaries(deps.db, year, namesPerUnit),
    statusMaker(deps, year),
  ]);
  return units.map(({ unit, facts }) => ({ unit, status: statusOf(unit.id, facts) }));
}

async function statusMaker(
  deps: Deps,
  year: number,
): Promise<(unitId: number, facts: UnitRoundFacts | UnitRoundSummary) => UnitStatus> {
  const now = deps.clock();
  const documents = { awardForms: deps.campaign.awardForms, documents: deps.campaign.dossier.documents };
  const [round, extensions] = await Promise.all([findRound(deps.db, year), listExtensions(deps.db, year)]);
  return (unitId, facts) =>
    unitStatus(
      facts,
      documents,
      // Without a round there is no deadline yet, so nobody is overdue.
      round ? isLocked(now, new Date(round.deadline_at), extensions.get(unitId) ?? null) : false,
    );
}
