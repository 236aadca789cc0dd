import type { DB } from "../../db/connection.js";
import {
  allCriteriaMetCounts,
  areaAccounts,
  assessmentsSent,
  criteriaMet,
  nominationCounts,
  peoplePerUnit,
  reportUnits,
  unitAssessmentsSent,
} from "../../db/movement-report.js";
import type { Campaign } from "../campaign/schema.js";
import { areaKey, criterionKey } from "../domain/assessment.js";
import { isoDate } from "../domain/calendar.js";
import {
  type MovementFigures,
  movementReportData,
  type ReportScope,
  reportFileName,
  trendYears,
} from "../domain/movement-report.js";
import { toLocal } from "../domain/time.js";
import type { ReportRenderInput } from "./movement-report-render.js";
import type { DocumentTemplateSet } from "./templates.js";

interface Deps {
  db: DB;
  campaign: Campaign;
  now: Date;
  templates: DocumentTemplateSet;
}

/** What the database counts for the report: a few GROUP BY queries over the trend's years. */
export async function movementFigures(
  db: DB,
  campaign: Campaign,
  scope: ReportScope,
): Promise<MovementFigures> {
  const { from, to } = trendYears(campaign, scope);
  const criteria = campaign.criteria.individual.map((criterion) => criterionKey(criterion.id));
  const areas = campaign.reformAreas.map((area) => areaKey(area.id));
  const [units, people, sent, allMet, met, areaRows, unitAssessments, nominations] = await Promise.all([
    reportUnits(db),
    peoplePerUnit(db),
    assessmentsSent(db, from, to),
    allCriteriaMetCounts(db, from, to, criteria),
    criteriaMet(db, from, to, criteria),
    areaAccounts(db, from, to, areas),
    unitAssessmentsSent(db, from, to),
    nominationCounts(db, from, to),
  ]);
  return { units, people, sent, allMet, criteriaMet: met, areas: areaRows, unitAssessments, nominations };
}

/** The report's file name and what its file is rendered from (in a worker: see report-runner.ts). */
export async function movementReportInput(
  deps: Deps,
  scope: ReportScope,
): Promise<{ fileName: string; input: ReportRenderInput }> {
  const today = toLocal(deps.now, deps.campaign.timeZone);
  const figures = await movementFigures(deps.db, deps.campaign, scope);
  const { data, charts } = movementReportData({ campaign: deps.campaign, scope, figures, today });
  return {
    fileName: reportFileName(scope, isoDate(today)),
    input: { template: deps.templates.baoCaoSoKetTongKet, data, charts },
  };
}

/** The menu of reports (from /status's "📄 Bản nháp" and /docs), a year's sơ kết, the period's tổng kết. */
export const MOVEMENT_REPORT_MENU = "dr:bc";
export const soKetData = (year: number) => `dr:sk:${year}`;
export const TONG_KET_DATA = "dr:tk";
export const MOVEMENT_REPORT_PATTERN = /^dr:(?:sk:(\d{4})|tk)$/;
