import { findAssessment, loadAnswers } from "../../db/assessments.js";
import type { DB } from "../../db/connection.js";
import { profileDetails, unitHeadName } from "../../db/documents.js";
import type { Nomination } from "../../db/schema.js";
import { findUnitById } from "../../db/units.js";
import { findUser } from "../../db/users.js";
import type { Campaign } from "../campaign/schema.js";
import { type AchievementReportData, achievementReportData } from "../domain/achievement-report.js";
import type { Answers } from "../domain/assessment.js";
import { isoDate } from "../domain/calendar.js";
import { toLocal } from "../domain/time.js";
import { type DocumentTemplateSet, fillTemplate } from "./templates.js";

export interface GeneratedDocument {
  fileName: string;
  bytes: Buffer;
}

interface Deps {
  db: DB;
  campaign: Campaign;
  now: Date;
  templates: DocumentTemplateSet;
}

/** A name as a file name can hold it: "Nguyễn Thị Lan" → "Nguyen-Thi-Lan". */
export function fileNamePart(text: string): string {
  const plain = text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return plain || "x";
}

/** Everything the draft is made from, read from the database (a nominee who erased their data reads as unknown). */
async function reportData(
  deps: Deps,
  nomination: Nomination,
): Promise<{ data: AchievementReportData; unitCode: string }> {
  const individual = nomination.nominee_kind === "individual";
  const [unit, person, details, headName, assessment] = await Promise.all([
    findUnitById(deps.db, nomination.unit_id),
    individual ? findUser(deps.db, nomination.nominee_id) : undefined,
    individual ? profileDetails(deps.db, nomination.nominee_id) : {},
    unitHeadName(deps.db, nomination.unit_id),
    findAssessment(deps.db, {
      year: nomination.round_year,
      subject: individual ? "individual" : "unit",
      subjectId: individual ? nomination.nominee_id : nomination.unit_id,
    }),
  ]);
  const answers: Answers | undefined = assessment ? await loadAnswers(deps.db, assessment.id) : undefined;
  const data = achievementReportData({
    campaign: deps.campaign,
    nomination: {
      roundYear: nomination.round_year,
      formId: nomination.form_id,
      nomineeKind: nomination.nominee_kind,
      nomineeName: nomination.nominee_name,
    },
    unit: { code: unit?.code ?? "", name: unit?.name ?? nomination.nominee_name },
    position: person?.position,
    headName,
    profile: details,
    answers,
    today: toLocal(deps.now, deps.campaign.timeZone),
  });
  return { data, unitCode: unit?.code ?? "" };
}

/** The Báo cáo thành tích of a nomination as a .docx draft, named with the unit, the nominee and the day. */
export async function achievementReportDraft(deps: Deps, nomination: Nomination): Promise<GeneratedDocument> {
  const { data, unitCode } = await reportData(deps, nomination);
  const template =
    nomination.nominee_kind === "individual"
      ? deps.templates.baoCaoThanhTichCaNhan
      : deps.templates.baoCaoThanhTichTapThe;
  const today = toLocal(deps.now, deps.campaign.timeZone);
  const fileName = `BCTT_${fileNamePart(unitCode)}_${fileNamePart(nomination.nominee_name)}_${isoDate(today)}.docx`;
  return { fileName, bytes: fillTemplate(template, data) };
}
