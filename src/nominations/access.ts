import { findExtension } from "../../db/assessments.js";
import { findDossier } from "../../db/dossiers.js";
import { findOpenRound, listRounds } from "../../db/rounds.js";
import type { Round } from "../../db/schema.js";
import { findUnitById } from "../../db/units.js";
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

/** A unit's access for whoever proposes for it: its head, or the Office for a unit it proposes. */
export interface ProposerAccess extends UnitAccess {
  /** Who proposes here: the unit's head, or the Office for the Ban Giám đốc and the Văn phòng Sở. */
  by: "unit_head" | "office";
  unitCode: string;
}

/**
 * What the speaker may do with a unit's nominations and dossier right now, as the one who proposes for it: a
 * unit head for their own unit; the Office for a unit it proposes (`/units office`: the Ban Giám đốc and the
 * Văn phòng Sở have no head above them), named by `unitId`. Nobody proposes for another unit. Checked on
 * every command and every press: a role, or a unit's proposer, can change while a button is on screen.
 */
export async function proposerAccess(
  deps: Deps,
  actor: Actor | undefined,
  unitId?: number,
): Promise<ProposerAccess | Refusal> {
  if (actor?.role === "office") {
    if (unitId === undefined) return { ok: false, key: "nm-office-pick-unit" };
    const unit = await findUnitById(deps.db, unitId);
    if (!unit) return { ok: false, key: "nm-stale-button" };
    // The Office does not propose people of a unit that has its head over them.
    if (!unit.office_proposes) return { ok: false, key: "nm-office-not-proposer", vars: { code: unit.code } };
    if (unit.archived_at) return { ok: false, key: "nm-office-unit-archived", vars: { code: unit.code } };
    const latest = await latestRoundOr(deps);
    if (!latest.ok) return latest;
    const access = await unitAccess(deps, latest.round, unit.id, unit.name);
    return { ...access, by: "office", unitCode: unit.code };
  }
  const user = actor?.user;
  if (!user || actor?.role !== "unit_head")
    return { ok: false, key: actor?.role === "guest" || !actor ? "nm-not-registered" : "nm-only-head" };
  if (unitId !== undefined && unitId !== user.unit_id) return { ok: false, key: "nm-head-other-unit" };
  if (user.unit_archived_at) return { ok: false, key: "nm-unit-archived" };
  const latest = await latestRoundOr(deps);
  if (!latest.ok) return latest;
  const access = await unitAccess(deps, latest.round, user.unit_id, user.unit_name);
  return { ...access, by: "unit_head", unitCode: user.unit_code };
}

/** The suffix of a proposer's buttons: none for a head (their own unit), "@<unit id>" for the Office. */
export function unitRef(access: Pick<ProposerAccess, "by" | "unitId">): string {
  return access.by === "office" ? `@${access.unitId}` : "";
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
