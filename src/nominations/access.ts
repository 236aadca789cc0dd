import { findExtension } from "../../db/assessments.js";
import { findDossier } from "../../db/dossiers.js";
import { findOpenRound, listRounds } from "../../db/rounds.js";
import type { Round } from "../../db/schema.js";
import type { Actor } from "../context.js";
import type { AppDeps } from "../deps.js";
import { isLocked, unitDeadline } from "../domain/assessment.js";

type Deps = Pick<AppDeps, "db" | "clock">;

/** A refusal: a message key (and its variables) that says why, and nothing of anyone's data. */
export interface Refusal {
  ok: false;
  key: string;
  vars?: Record<string, string | number>;
}

export interface UnitAccess {
  ok: true;
  round: Round;
  unitId: number;
  unitName: string;
  /** Why the unit cannot change its nominations or dossier now; null while it can. */
  readOnly: "closed" | "submitted" | "deadline" | null;
  /** Past the deadline, a dossier the Office returned may be corrected, but no one new proposed. */
  correctionsOnly: boolean;
  /** The round's deadline, or the unit's extension when the Office reopened it. */
  deadline: Date;
  pastDeadline: boolean;
}

/** The round to show: the open one, or else the latest, whose nominations and dossiers stay readable. */
export async function latestRoundOr(deps: Deps): Promise<{ ok: true; round: Round } | Refusal> {
  const round = (await findOpenRound(deps.db)) ?? (await listRounds(deps.db))[0];
  return round ? { ok: true, round } : { ok: false, key: "nm-no-round" };
}

/**
 * What a unit head may do with their unit's nominations and dossier right now. Checked on every command and
 * every press: a role can change while a button is on screen.
 */
export async function headAccess(deps: Deps, actor: Actor | undefined): Promise<UnitAccess | Refusal> {
  const user = actor?.user;
  // An Office admin from the configuration has no registration, yet is no guest: tell them who nominates.
  if (!user || actor?.role !== "unit_head")
    return { ok: false, key: actor?.role === "guest" || !actor ? "nm-not-registered" : "nm-only-head" };
  if (user.unit_archived_at) return { ok: false, key: "nm-unit-archived" };
  const latest = await latestRoundOr(deps);
  if (!latest.ok) return latest;
  return unitAccess(deps, latest.round, user.unit_id, user.unit_name);
}

export async function unitAccess(
  deps: Deps,
  round: Round,
  unitId: number,
  unitName: string,
): Promise<UnitAccess> {
  const now = deps.clock();
  const [dossier, extension] = await Promise.all([
    findDossier(deps.db, round.year, unitId),
    findExtension(deps.db, round.year, unitId),
  ]);
  const roundDeadline = new Date(round.deadline_at);
  const deadline = unitDeadline(roundDeadline, extension);
  const locked = isLocked(now, roundDeadline, extension);
  const returned = dossier?.status === "returned";
  // A dossier the Office returned may be corrected after the deadline: the Office asked for it.
  const readOnly =
    round.status === "closed"
      ? "closed"
      : dossier?.status === "submitted"
        ? "submitted"
        : locked && !returned
          ? "deadline"
          : null;
  return {
    ok: true,
    round,
    unitId,
    unitName,
    readOnly,
    correctionsOnly: readOnly === null && locked,
    deadline,
    pastDeadline: now.getTime() >= roundDeadline.getTime(),
  };
}
