import type { Campaign } from "../campaign/schema.js";
import { NO_DATA } from "./achievement-report.js";
import { areaKey, criterionKey } from "./assessment.js";
import type { LocalDate } from "./calendar.js";
import { type DocumentHeading, documentHeading, documentText } from "./document-parts.js";

/**
 * The Báo cáo sơ kết (one year, a round) or tổng kết (the campaign's whole period) of the movement, from figures
 * counted per year and unit. The plan's contents (II.1–II.7) are its outline; each content reports what the
 * definition says the bot counts for it (`figures`), or "chưa có dữ liệu".
 *
 * "Criteria met" is reported two ways, as a report on the movement needs: per unit, how many sent
 * self-assessments meet every individual criterion (III.2.b); and per criterion, how many meet it.
 */

export type ReportScope = { kind: "so-ket"; year: number } | { kind: "tong-ket"; from: number; to: number };

export const scopeYears = (scope: ReportScope) =>
  scope.kind === "so-ket" ? { from: scope.year, to: scope.year } : { from: scope.from, to: scope.to };

/** The tổng kết covers the campaign definition's period. */
export const periodScope = (campaign: Campaign): ReportScope => ({
  kind: "tong-ket",
  from: campaign.period.from,
  to: campaign.period.to,
});

/** The years the line chart follows: from the period's start (or the year, if earlier) to the scope's end. */
export function trendYears(campaign: Campaign, scope: ReportScope): { from: number; to: number } {
  const { from, to } = scopeYears(scope);
  return { from: Math.min(campaign.period.from, from), to };
}

interface YearUnit {
  year: number;
  unitId: number;
  count: number;
}

/**
 * What the database counted: `sent`, `unitAssessments` and `nominations` for the trend's years (a superset of
 * the scope's), what comes from the answers (`allMet`, `criteriaMet`, `areas`) for the scope's years.
 */
export interface MovementFigures {
  units: ReadonlyArray<{ id: number; code: string; name: string }>;
  /** People registered in each unit now. */
  people: ReadonlyMap<number, number>;
  sent: readonly YearUnit[];
  allMet: readonly YearUnit[];
  criteriaMet: ReadonlyArray<YearUnit & { itemKey: string }>;
  areas: ReadonlyArray<{ year: number; itemKey: string; count: number }>;
  unitAssessments: ReadonlyArray<{ year: number; count: number }>;
  nominations: ReadonlyArray<
    YearUnit & { formId: string; nomineeKind: "individual" | "collective"; awarded: number }
  >;
}

export interface ReportSource {
  campaign: Campaign;
  scope: ReportScope;
  figures: MovementFigures;
  today: LocalDate;
}

export interface UnitRow {
  index: string;
  name: string;
  people: string;
  sent: string;
  allMet: string;
  nominated: string;
  awarded: string;
}

export interface ChartSpec {
  title: string;
  categories: string[];
  series: Array<{ name: string; values: number[] }>;
}

/** The data the template is filled with; its keys are the template's placeholders. */
export interface MovementReportData extends DocumentHeading {
  reportTitle: string;
  scopeText: string;
  organisation: string;
  office: string;
  unitCount: string;
  peopleCount: string;
  sentCount: string;
  unitAssessmentCount: string;
  allMetCount: string;
  contents: Array<{ code: string; title: string; result: string }>;
  criteria: Array<{ code: string; text: string; met: string; share: string }>;
  years: Array<{ year: string; sent: string; allMet: string; nominated: string; awarded: string }>;
  units: UnitRow[];
  forms: Array<{
    name: string;
    collectiveNominated: string;
    collectiveAwarded: string;
    individualNominated: string;
    individualAwarded: string;
  }>;
  noUnits: string;
  barChart: string;
  barCaption: string;
  lineChart: string;
  lineCaption: string;
}

type Loop = "contents" | "criteria" | "years" | "units" | "forms";
type Placeholder =
  | Exclude<keyof MovementReportData, Loop | "barChart" | "lineChart">
  | "%barChart"
  | "%lineChart"
  | `contents.${keyof MovementReportData["contents"][number]}`
  | `criteria.${keyof MovementReportData["criteria"][number]}`
  | `years.${keyof MovementReportData["years"][number]}`
  | `units.${keyof UnitRow}`
  | `forms.${keyof MovementReportData["forms"][number]}`;

/** The placeholders the template must hold; `{%barChart}` and `{%lineChart}` are the charts' images. */
export const MOVEMENT_REPORT_PLACEHOLDERS = [
  "parentBody",
  "issuingBody",
  "place",
  "day",
  "month",
  "year",
  "movement",
  "reportTitle",
  "scopeText",
  "organisation",
  "office",
  "unitCount",
  "peopleCount",
  "sentCount",
  "unitAssessmentCount",
  "allMetCount",
  "contents.code",
  "contents.title",
  "contents.result",
  "criteria.code",
  "criteria.text",
  "criteria.met",
  "criteria.share",
  "years.year",
  "years.sent",
  "years.allMet",
  "years.nominated",
  "years.awarded",
  "units.index",
  "units.name",
  "units.people",
  "units.sent",
  "units.allMet",
  "units.nominated",
  "units.awarded",
  "forms.name",
  "forms.collectiveNominated",
  "forms.collectiveAwarded",
  "forms.individualNominated",
  "forms.individualAwarded",
  "noUnits",
  "%barChart",
  "barCaption",
  "%lineChart",
  "lineCaption",
] as const satisfies readonly Placeholder[];

const NUMBER = new Intl.NumberFormat("vi-VN");
const PERCENT = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const number = (n: number) => NUMBER.format(n);
const share = (part: number, whole: number) =>
  whole > 0 ? `${PERCENT.format((part / whole) * 100)}%` : NO_DATA;

const sum = <T>(rows: readonly T[], value: (row: T) => number) =>
  rows.reduce((total, row) => total + value(row), 0);

/** The report's title words: "sơ kết năm 2026", "tổng kết giai đoạn 2023 - 2025". */
export function scopeWords(scope: ReportScope): { title: string; text: string } {
  return scope.kind === "so-ket"
    ? { title: `SƠ KẾT NĂM ${scope.year}`, text: `năm ${scope.year}` }
    : {
        title: `TỔNG KẾT GIAI ĐOẠN ${scope.from} - ${scope.to}`,
        text: `giai đoạn ${scope.from} - ${scope.to}`,
      };
}

/** The file's name: BaoCaoSoKet_2026_2026-12-02.docx, BaoCaoTongKet_2023-2025_2026-12-02.docx. */
export function reportFileName(scope: ReportScope, isoToday: string): string {
  return scope.kind === "so-ket"
    ? `BaoCaoSoKet_${scope.year}_${isoToday}.docx`
    : `BaoCaoTongKet_${scope.from}-${scope.to}_${isoToday}.docx`;
}

const formName = (campaign: Campaign, formId: string, short = false) => {
  const form = campaign.awardForms.find((candidate) => candidate.id === formId);
  if (!form) return documentText(formId);
  return documentText((short ? (form.short ?? form.name) : form.name).vi);
};

/** "GK Giám đốc Sở: 2\nBK Chủ tịch tỉnh: 1", per form in the definition's order; "0" when none. */
function perFormText(
  campaign: Campaign,
  rows: ReadonlyArray<{ formId: string; count: number; awarded: number }>,
  value: "count" | "awarded",
): string {
  const lines = campaign.awardForms.flatMap((form) => {
    const n = sum(
      rows.filter((row) => row.formId === form.id),
      (row) => row[value],
    );
    return n > 0 ? [`${formName(campaign, form.id, true)}: ${number(n)}`] : [];
  });
  return lines.length > 0 ? lines.join("\n") : "0";
}

function contentResult(
  campaign: Campaign,
  figures: ReadonlyArray<"participation" | "areas" | "initiatives">,
  counts: {
    people: number;
    sent: number;
    unitAssessments: number;
    allMet: number;
    areas: ReadonlyMap<string, number>;
    initiatives: number;
  },
): string {
  if (figures.length === 0 || counts.sent + counts.unitAssessments === 0) return NO_DATA;
  return figures
    .map((figure) => {
      switch (figure) {
        case "participation":
          return `Số lượt tự đánh giá của công chức, viên chức, người lao động đã gửi: ${number(counts.sent)} (số người đăng ký hiện nay: ${number(counts.people)}); số lượt tự đánh giá của tập thể đã gửi: ${number(counts.unitAssessments)}; số lượt đáp ứng đủ các tiêu chí thi đua đối với cá nhân: ${number(counts.allMet)}.`;
        case "areas":
          return `Số lượt tự đánh giá nêu kết quả theo từng nội dung cải cách hành chính: ${campaign.reformAreas
            .map(
              (area) => `${documentText(area.name.vi)}: ${number(counts.areas.get(areaKey(area.id)) ?? 0)}`,
            )
            .join("; ")}.`;
        case "initiatives":
          return `Số lượt tự đánh giá có sáng kiến, giải pháp trong cải cách hành chính được Hội đồng sáng kiến công nhận: ${number(counts.initiatives)}.`;
      }
      return NO_DATA;
    })
    .join("\n");
}

export function movementReportData(source: ReportSource): {
  data: MovementReportData;
  charts: { bar: ChartSpec; line: ChartSpec };
} {
  const { campaign, scope, figures } = source;
  const { from, to } = scopeYears(scope);
  const inScope = <T extends { year: number }>(rows: readonly T[]) =>
    rows.filter((row) => row.year >= from && row.year <= to);
  const sent = inScope(figures.sent);
  const allMet = inScope(figures.allMet);
  const criteriaMet = inScope(figures.criteriaMet);
  const nominations = inScope(figures.nominations);
  const unitAssessments = sum(inScope(figures.unitAssessments), (row) => row.count);
  const people = sum(figures.units, (unit) => figures.people.get(unit.id) ?? 0);
  const sentTotal = sum(sent, (row) => row.count);
  const allMetTotal = sum(allMet, (row) => row.count);
  const individual = campaign.criteria.individual;
  const metOf = (criterionId: string) =>
    sum(
      criteriaMet.filter((row) => row.itemKey === criterionKey(criterionId)),
      (row) => row.count,
    );
  const areas = new Map<string, number>();
  for (const row of inScope(figures.areas)) areas.set(row.itemKey, (areas.get(row.itemKey) ?? 0) + row.count);
  const initiatives = sum(
    individual.filter((criterion) => criterion.evidence.kind === "initiative"),
    (criterion) => metOf(criterion.id),
  );

  const words = scopeWords(scope);
  const organisation = campaign.organisation.name.vi.normalize("NFC");
  const heading = documentHeading(campaign, organisation, source.today);
  const place = campaign.documents.place?.normalize("NFC");

  const unitCount = (rows: readonly YearUnit[], unitId: number) =>
    sum(
      rows.filter((row) => row.unitId === unitId),
      (row) => row.count,
    );
  const units: UnitRow[] = figures.units.map((unit, at) => {
    const own = nominations.filter((row) => row.unitId === unit.id);
    return {
      index: String(at + 1),
      name: documentText(unit.name),
      people: number(figures.people.get(unit.id) ?? 0),
      sent: number(unitCount(sent, unit.id)),
      allMet: number(unitCount(allMet, unit.id)),
      nominated: perFormText(campaign, own, "count"),
      awarded: perFormText(campaign, own, "awarded"),
    };
  });

  const ofForm = (formId: string, kind: "individual" | "collective", value: "count" | "awarded") =>
    number(
      sum(
        nominations.filter((row) => row.formId === formId && row.nomineeKind === kind),
        (row) => row[value],
      ),
    );
  const forms = campaign.awardForms.map((form) => ({
    name: formName(campaign, form.id),
    collectiveNominated: ofForm(form.id, "collective", "count"),
    collectiveAwarded: ofForm(form.id, "collective", "awarded"),
    individualNominated: ofForm(form.id, "individual", "count"),
    individualAwarded: ofForm(form.id, "individual", "awarded"),
  }));

  const yearList = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const perYear = (year: number, rows: ReadonlyArray<{ year: number; count: number }>) =>
    sum(
      rows.filter((row) => row.year === year),
      (row) => row.count,
    );
  const awardedIn = (year: number) =>
    sum(
      figures.nominations.filter((row) => row.year === year),
      (row) => row.awarded,
    );
  const years = yearList.map((year) => ({
    year: String(year),
    sent: number(perYear(year, sent)),
    allMet: number(perYear(year, allMet)),
    nominated: number(perYear(year, nominations)),
    awarded: number(awardedIn(year)),
  }));

  const trend = trendYears(campaign, scope);
  const trendList = Array.from({ length: trend.to - trend.from + 1 }, (_, i) => trend.from + i);
  const line: ChartSpec = {
    title: `Kết quả qua các năm ${trend.from === trend.to ? trend.to : `${trend.from} - ${trend.to}`}`,
    categories: trendList.map(String),
    series: [
      { name: "Tự đánh giá đã gửi", values: trendList.map((year) => perYear(year, figures.sent)) },
      {
        name: "Được đề nghị khen thưởng",
        values: trendList.map((year) => perYear(year, figures.nominations)),
      },
      { name: "Được khen thưởng", values: trendList.map(awardedIn) },
    ],
  };
  const bar: ChartSpec = {
    title: `Đề nghị và khen thưởng theo hình thức, ${words.text}`,
    categories: campaign.awardForms.map((form) => formName(campaign, form.id, true)),
    series: [
      {
        name: "Được đề nghị",
        values: campaign.awardForms.map((form) =>
          sum(
            nominations.filter((row) => row.formId === form.id),
            (row) => row.count,
          ),
        ),
      },
      {
        name: "Được khen thưởng",
        values: campaign.awardForms.map((form) =>
          sum(
            nominations.filter((row) => row.formId === form.id),
            (row) => row.awarded,
          ),
        ),
      },
    ],
  };

  const data: MovementReportData = {
    ...heading,
    // Nghị định 30/2020 lets the body above the issuer be shortened: it keeps the heading's left column to a line.
    parentBody: place ? `UBND TỈNH ${place.toLocaleUpperCase("vi")}` : "………………………",
    reportTitle: words.title,
    scopeText: words.text,
    organisation,
    office: campaign.organisation.office.vi.normalize("NFC"),
    unitCount: number(figures.units.length),
    peopleCount: number(people),
    sentCount: number(sentTotal),
    unitAssessmentCount: number(unitAssessments),
    allMetCount: number(allMetTotal),
    contents: campaign.contents.map((content) => ({
      code: documentText(content.code),
      title: documentText((content.short ?? content.text).vi),
      result: contentResult(campaign, content.figures, {
        people,
        sent: sentTotal,
        unitAssessments,
        allMet: allMetTotal,
        areas,
        initiatives,
      }),
    })),
    criteria: individual.map((criterion) => ({
      code: documentText(criterion.code),
      text: documentText(criterion.text.vi),
      met: number(metOf(criterion.id)),
      share: share(metOf(criterion.id), sentTotal),
    })),
    years,
    units,
    forms,
    noUnits: units.length === 0 ? NO_DATA : "",
    barChart: "bar",
    barCaption: `Biểu đồ 2. ${bar.title}`,
    lineChart: "line",
    lineCaption: `Biểu đồ 1. ${line.title}`,
  };
  return { data, charts: { bar, line } };
}
