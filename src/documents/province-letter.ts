import type { DB } from "../../db/connection.js";
import type { Campaign } from "../campaign/schema.js";
import { isoDate } from "../domain/calendar.js";
import { provinceLetterData, sosProposal } from "../domain/province-letter.js";
import { toLocal } from "../domain/time.js";
import { fileNamePart, type GeneratedDocument } from "./achievement-report.js";
import { passedNominees } from "./council-results.js";
import { type DocumentTemplateSet, fillTemplate } from "./templates.js";

interface Deps {
  db: DB;
  campaign: Campaign;
  now: Date;
  templates: DocumentTemplateSet;
}

/**
 * The Sở's Tờ trình to the province for one form as a .docx draft: every nomination of the round waiting for
 * it (passed by the Council, not yet proposed), with the Council's vote on each and the annexed list.
 */
export async function provinceLetterDraft(
  deps: Deps,
  round: { year: number },
  formId: string,
): Promise<GeneratedDocument & { count: number }> {
  const proposal = sosProposal(deps.campaign, formId);
  const nominees = proposal ? await passedNominees(deps, round.year, formId, proposal.from) : [];
  const today = toLocal(deps.now, deps.campaign.timeZone);
  const data = provinceLetterData({ campaign: deps.campaign, formId, year: round.year, nominees, today });
  const form = deps.campaign.awardForms.find((candidate) => candidate.id === formId);
  const fileName = `ToTrinhSo_${fileNamePart(form?.code ?? formId)}_${round.year}_${isoDate(today)}.docx`;
  return { fileName, bytes: fillTemplate(deps.templates.toTrinhSo, data), count: nominees.length };
}
