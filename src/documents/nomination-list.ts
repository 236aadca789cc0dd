import { findAssessment, loadAnswers } from "../../db/assessments.js";
import type { DB } from "../../db/connection.js";
import { listNominations, nomineePositions } from "../../db/nominations.js";
import type { Campaign } from "../campaign/schema.js";
import { isoDate } from "../domain/calendar.js";
import { beforeCouncil, nominationListData } from "../domain/nomination-list.js";
import { routeOf } from "../domain/routes.js";
import { toLocal } from "../domain/time.js";
import { fileNamePart, type GeneratedDocument } from "./achievement-report.js";
import { type DocumentTemplateSet, fillTemplate } from "./templates.js";

interface Deps {
  db: DB;
  campaign: Campaign;
  now: Date;
  templates: DocumentTemplateSet;
}

/**
 * The danh sách đề nghị khen thưởng of one form in the round as a .docx draft: the nominations the Office put
 * before the Council, or moved further on, with each nominee's self-assessment as it stands.
 */
export async function nominationListDraft(
  deps: Deps,
  round: { year: number },
  formId: string,
): Promise<GeneratedDocument & { count: number }> {
  const route = routeOf(deps.campaign, formId);
  const [all, positions] = await Promise.all([
    listNominations(deps.db, round.year, { formId }),
    nomineePositions(deps.db, round.year),
  ]);
  const listed = all.filter((n) => beforeCouncil(route, n.status));
  const nominations = await Promise.all(
    listed.map(async (n) => {
      const individual = n.nominee_kind === "individual";
      const assessment = await findAssessment(deps.db, {
        year: round.year,
        subject: individual ? "individual" : "unit",
        subjectId: n.nominee_id,
      });
      return {
        nomineeKind: n.nominee_kind,
        nomineeName: n.nominee_name,
        position: positions.get(n.id),
        unitName: n.unit_name,
        answers: assessment ? await loadAnswers(deps.db, assessment.id) : undefined,
      };
    }),
  );
  const today = toLocal(deps.now, deps.campaign.timeZone);
  const data = nominationListData({
    campaign: deps.campaign,
    formId,
    roundYear: round.year,
    nominations,
    today,
  });
  const form = deps.campaign.awardForms.find((candidate) => candidate.id === formId);
  const fileName = `DanhSach_${fileNamePart(form?.code ?? formId)}_${round.year}_${isoDate(today)}.docx`;
  return { fileName, bytes: fillTemplate(deps.templates.danhSachDeNghi, data), count: listed.length };
}
