import type { DB } from "../../db/connection.js";
import {
  assessmentFigures,
  assessmentsSent,
  databaseFile,
  nominationCounts,
  openReadOnly,
  peoplePerUnit,
  reportUnits,
  unitAssessmentsSent,
} from "../../db/movement-report.js";
import type { Campaign } from "../campaign/schema.js";
import { areaKey, criterionKey } from "../domain/assessment.js";
import { isoDate, type LocalDate } from "../domain/calendar.js";
import {
  type MovementFigures,
  movementReportData,
  type ReportScope,
  reportFileName,
  scopeYears,
  trendYears,
} from "../domain/movement-report.js";
import { toLocal } from "../domain/time.js";
import type { DocumentTemplateSet } from "./templates.js";

/**
 * What the database counts for the report, a few GROUP BY queries: the answers (criteria met, reform areas)
 * over the scope's years only, the heaviest reading; what the line chart follows (sent, nominated, awarded)
 * over the trend's years, from an index and the nominations.
 */
export async function movementFigures(
  db: DB,
  campaign: Campaign,
  scope: ReportScope,
): Promise<MovementFigures> {
  const { from, to } = trendYears(campaign, scope);
  const own = scopeYears(scope);
  const criteria = campaign.criteria.individual.map((criterion) => criterionKey(criterion.id));
  const areas = campaign.reformAreas.map((area) => areaKey(area.id));
  const [units, people, sent, assessed, unitAssessments, nominations] = await Promise.all([
    reportUnits(db),
    peoplePerUnit(db),
    assessmentsSent(db, from, to),
    assessmentFigures(db, own.from, own.to, criteria, areas),
    unitAssessmentsSent(db, from, to),
    nominationCounts(db, from, to),
  ]);
  return { units, people, ...assessed, sent, unitAssessments, nominations };
}

/**
 * Everything a report is made from, as plain data that crosses to a worker thread: the database's file, which
 * the worker reads through a connection of its own, or (an in-memory database, in tests) the figures counted.
 */
export interface ReportJob {
  campaign: Campaign;
  scope: ReportScope;
  today: LocalDate;
  template: Uint8Array;
  source: { file: string } | { figures: MovementFigures };
}

export interface MadeReport {
  fileName: string;
  bytes: Buffer;
  unitCount: string;
}

interface Deps {
  db: DB;
  campaign: Campaign;
  now: Date;
  templates: DocumentTemplateSet;
}

export async function reportJob(deps: Deps, scope: ReportScope): Promise<ReportJob> {
  const file = await databaseFile(deps.db);
  return {
    campaign: deps.campaign,
    scope,
    today: toLocal(deps.now, deps.campaign.timeZone),
    template: deps.templates.baoCaoSoKetTongKet,
    source: file ? { file } : { figures: await movementFigures(deps.db, deps.campaign, scope) },
  };
}

/** The report's .docx: the figures counted (unless given), the data laid out, the charts drawn, the file filled. */
export async function makeMovementReport(job: ReportJob): Promise<MadeReport> {
  let figures: MovementFigures;
  if ("figures" in job.source) figures = job.source.figures;
  else {
    const db = openReadOnly(job.source.file);
    try {
      figures = await movementFigures(db, job.campaign, job.scope);
    } finally {
      await db.destroy();
    }
  }
  const { data, charts } = movementReportData({
    campaign: job.campaign,
    scope: job.scope,
    figures,
    today: job.today,
  });
  // Loaded here, not at start-up: the charts' libraries (ECharts, resvg) are large and only a report needs them.
  const { renderMovementReport } = await import("./movement-report-render.js");
  return {
    fileName: reportFileName(job.scope, isoDate(job.today)),
    bytes: renderMovementReport({ template: job.template, data, charts }),
    unitCount: data.unitCount,
  };
}

/** The menu of reports (from /status's "📄 Bản nháp" and /docs), a year's sơ kết, the period's tổng kết. */
export const MOVEMENT_REPORT_MENU = "dr:bc";
export const soKetData = (year: number) => `dr:sk:${year}`;
export const TONG_KET_DATA = "dr:tk";
export const MOVEMENT_REPORT_PATTERN = /^dr:(?:sk:(\d{4})|tk)$/;
