import type { DB } from "../../db/connection.js";
import { unitHeadName } from "../../db/documents.js";
import { listNominations, nomineePositions } from "../../db/nominations.js";
import type { Campaign } from "../campaign/schema.js";
import { isoDate } from "../domain/calendar.js";
import { isStanding } from "../domain/routes.js";
import { toLocal } from "../domain/time.js";
import { unitLetterData } from "../domain/unit-letter.js";
import { fileNamePart, type GeneratedDocument } from "./achievement-report.js";
import { type DocumentTemplateSet, fillTemplate } from "./templates.js";

interface Deps {
  db: DB;
  campaign: Campaign;
  now: Date;
  templates: DocumentTemplateSet;
}

/**
 * The unit's Tờ trình đề nghị khen thưởng for the round as a .docx draft: its nominations still standing (drafts
 * included, since the Tờ trình goes into the dossier before it is sent), named with the unit and the day.
 */
export async function unitLetterDraft(
  deps: Deps,
  round: { year: number },
  unit: { id: number; code: string; name: string },
): Promise<GeneratedDocument> {
  const [all, positions, headName] = await Promise.all([
    listNominations(deps.db, round.year, { unitId: unit.id }),
    nomineePositions(deps.db, round.year),
    unitHeadName(deps.db, unit.id),
  ]);
  const today = toLocal(deps.now, deps.campaign.timeZone);
  const data = unitLetterData({
    campaign: deps.campaign,
    roundYear: round.year,
    unit,
    headName,
    nominations: all
      .filter((n) => isStanding(n.status))
      .map((n) => ({
        formId: n.form_id,
        nomineeKind: n.nominee_kind,
        nomineeName: n.nominee_name,
        position: positions.get(n.id),
        eligible: n.eligible === 1,
        resultSummary: n.result_summary,
        reason: n.reason,
      })),
    today,
  });
  const fileName = `ToTrinh_${fileNamePart(unit.code)}_${round.year}_${isoDate(today)}.docx`;
  return { fileName, bytes: fillTemplate(deps.templates.toTrinhDonVi, data) };
}
