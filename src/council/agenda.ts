import { listNominations, type NominationWithUnit } from "../../db/nominations.js";
import type { DossierFile, Nomination } from "../../db/schema.js";
import type { AppDeps } from "../deps.js";
import { isBeforeCouncil } from "../domain/council-role.js";
import { parseReportKey } from "../domain/nominations.js";
import { routeOf } from "../domain/routes.js";
import { latestRoundOr } from "../nominations/access.js";

type Deps = Pick<AppDeps, "db" | "campaign" | "clock">;

/**
 * What a member of the Council may read of other units: the nominations before the Council in the round shown
 * (the open one, else the latest), their nominees' self-assessments and their dossier files. Asked only for a
 * member's scope: everyone else's visibility does not depend on it.
 */
async function shownYear(deps: Deps): Promise<number | undefined> {
  const latest = await latestRoundOr(deps);
  return latest.ok ? latest.round.year : undefined;
}

function beforeCouncil(deps: Deps, nomination: Pick<Nomination, "form_id" | "status">): boolean {
  const route = routeOf(deps.campaign, nomination.form_id);
  return route !== undefined && isBeforeCouncil(route, nomination.status);
}

/** The Council's agenda and what it has decided, in the round shown. */
export async function councilAgenda(
  deps: Deps,
): Promise<{ year: number; nominations: NominationWithUnit[] } | undefined> {
  const year = await shownYear(deps);
  if (year === undefined) return undefined;
  const all = await listNominations(deps.db, year);
  return { year, nominations: all.filter((n) => beforeCouncil(deps, n)) };
}

/** Whether this nomination is before the Council in the round shown. */
export async function nominationBeforeCouncil(
  deps: Deps,
  nomination: Pick<Nomination, "form_id" | "status" | "round_year">,
): Promise<boolean> {
  return nomination.round_year === (await shownYear(deps)) && beforeCouncil(deps, nomination);
}

/** Whether a person (individual) or a unit (collective) is the nominee of a nomination before the Council. */
export async function nomineeBeforeCouncil(
  deps: Deps,
  nominee: { subject: "individual" | "unit"; subjectId: number; unitId: number; year?: number },
): Promise<boolean> {
  const year = await shownYear(deps);
  // An assessment of another year is not what the Council considers.
  if (year === undefined || (nominee.year !== undefined && nominee.year !== year)) return false;
  const kind = nominee.subject === "unit" ? "collective" : "individual";
  const nominations = await listNominations(deps.db, year, { unitId: nominee.unitId });
  return nominations.some(
    (n) => n.nominee_kind === kind && n.nominee_id === nominee.subjectId && beforeCouncil(deps, n),
  );
}

/**
 * Whether a member may fetch a dossier file: a nomination's own report while that nomination is before the
 * Council, or the unit's own documents (its Tờ trình) while one of its nominations is.
 */
export async function fileBeforeCouncil(
  deps: Deps,
  file: Pick<DossierFile, "round_year" | "unit_id" | "document_key">,
): Promise<boolean> {
  const year = await shownYear(deps);
  if (year === undefined || file.round_year !== year) return false;
  const nominations = await listNominations(deps.db, year, { unitId: file.unit_id });
  const nominationId = parseReportKey(file.document_key);
  if (nominationId !== null) return nominations.some((n) => n.id === nominationId && beforeCouncil(deps, n));
  return file.document_key === "" && nominations.some((n) => beforeCouncil(deps, n));
}
