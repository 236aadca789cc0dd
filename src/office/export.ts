import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Writable } from "node:stream";
import { setImmediate as nextTurn } from "node:timers/promises";
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { listRoundAssessments, loadAnswersOf, type RoundAssessment } from "../../db/assessments.js";
import { latestMoves, listNominations } from "../../db/nominations.js";
import type { Language } from "../../db/schema.js";
import { formerNames } from "../../db/users.js";
import type { Criterion } from "../campaign/schema.js";
import type { AppDeps } from "../deps.js";
import { type Answers, type CriterionAnswer, questionnaireFor, type Subject } from "../domain/assessment.js";
import type { NominationStatus, NomineeKind } from "../domain/nominations.js";
import { formatLocalDateTime } from "../domain/time.js";
import type { DossierState, Progress } from "../domain/unit-status.js";
import { localised } from "../i18n.js";
import { roundStatuses } from "./round-status.js";

type Deps = Pick<AppDeps, "db" | "campaign" | "clock" | "i18n">;
type Translate = (key: string, vars?: Record<string, string>) => string;
type Cell = string | number;

interface Column {
  header: string;
  /** Shown as a note on the header cell: the full text behind a short header (a criterion's wording). */
  note?: string;
}

/** One sheet of the export as plain data: the workbook and the CSV are both written from it. */
export interface Table {
  name: string;
  columns: Column[];
  rows: Cell[][];
}

/** Shown where a question has no answer yet. */
const NOT_ANSWERED = "—";

// The keys are spelt out (not built from the status) so that a search for a key finds its use.
const NOMINATION_STATUS_KEYS: Record<NominationStatus, string> = {
  draft: "ex-status-draft",
  submitted: "ex-status-submitted",
  under_review: "ex-status-under_review",
  recommended: "ex-status-recommended",
  awarded: "ex-status-awarded",
  returned: "ex-status-returned",
  rejected: "ex-status-rejected",
  withdrawn: "ex-status-withdrawn",
};

const DOSSIER_KEYS: Record<DossierState, string> = {
  not_started: "ex-dossier-not_started",
  open: "ex-dossier-open",
  submitted: "ex-dossier-submitted",
  returned: "ex-dossier-returned",
};

const PROGRESS_KEYS: Record<Progress, string> = {
  not_started: "ex-progress-not_started",
  in_progress: "ex-progress-in_progress",
  submitted: "ex-progress-submitted",
};

const KIND_KEYS: Record<NomineeKind, string> = {
  collective: "ex-kind-collective",
  individual: "ex-kind-individual",
};

function translator(deps: Pick<Deps, "i18n">, language: Language): Translate {
  return (key, vars) => deps.i18n.t(language, key, vars);
}

const yesNo = (t: Translate, value: boolean) => t(value ? "ex-yes" : "ex-no");

function localTime(deps: Pick<Deps, "campaign">, iso: string | null | undefined): string {
  return iso ? formatLocalDateTime(new Date(iso), deps.campaign.timeZone) : "";
}

/** Sheet 1: each active unit's progress in the round. */
async function unitsTable(deps: Deps, year: number, t: Translate, language: Language): Promise<Table> {
  const { campaign } = deps;
  const units = await roundStatuses(deps, year);
  const columns: Column[] = [
    { header: t("ex-col-unit-code") },
    { header: t("ex-col-unit-name") },
    { header: t("ex-col-people-submitted") },
    { header: t("ex-col-people-total") },
    { header: t("ex-col-unit-assessment") },
    ...campaign.awardForms.flatMap((form) => {
      const name = localised(form.name, language);
      return [
        { header: t("ex-col-form-collective", { form: name }) },
        { header: t("ex-col-form-individual", { form: name }) },
      ];
    }),
    { header: t("ex-col-documents-uploaded") },
    { header: t("ex-col-documents-required") },
    { header: t("ex-col-dossier") },
    { header: t("ex-col-late") },
  ];
  const rows = units.map(({ unit, status }): Cell[] => {
    return [
      unit.code,
      unit.name,
      status.peopleSubmitted,
      status.peopleTotal,
      t(PROGRESS_KEYS[status.unitAssessment]),
      ...status.nominationsByForm.flatMap((count) => [count.collective, count.individual]),
      status.documentsUploaded,
      status.documentsRequired,
      t(DOSSIER_KEYS[status.dossier]),
      yesNo(t, status.late),
    ];
  });
  return { name: t("ex-sheet-units"), columns, rows };
}

/** "3/6" from the nominee's assessment kept on the nomination (JSON {met, total, progress}). */
function storedResult(json: string): string {
  try {
    const result = JSON.parse(json) as { met?: unknown; total?: unknown };
    if (typeof result.met === "number" && typeof result.total === "number")
      return `${result.met}/${result.total}`;
  } catch {
    // An unreadable summary is shown as unknown below.
  }
  return NOT_ANSWERED;
}

/** Sheet 2 (and the CSV): every nomination of the round, with where it stands and its latest move. */
async function nominationsTable(deps: Deps, year: number, t: Translate, language: Language): Promise<Table> {
  const columns: Column[] = [
    { header: t("ex-col-nomination-id") },
    { header: t("ex-col-unit-code") },
    { header: t("ex-col-unit-name") },
    { header: t("ex-col-award-form") },
    { header: t("ex-col-nominee-kind") },
    { header: t("ex-col-nominee-name") },
    { header: t("ex-col-eligible") },
    { header: t("ex-col-reason") },
    { header: t("ex-col-result") },
    { header: t("ex-col-status") },
    { header: t("ex-col-last-change") },
    { header: t("ex-col-last-reason") },
    { header: t("ex-col-decision-number") },
    { header: t("ex-col-decision-date") },
    { header: t("ex-col-decision-issuer") },
  ];
  const [nominations, moves] = await Promise.all([
    listNominations(deps.db, year),
    latestMoves(deps.db, year),
  ]);
  const rows: Cell[][] = [];
  for (const nomination of nominations) {
    const last = moves.get(nomination.id);
    // The most recent reason anyone gave (a return, a rejection, or the head's own): a later move without
    // a reason, such as the corrected nomination sent again, does not hide why it was sent back.
    const lastReason = last?.reason ?? "";
    const form = deps.campaign.awardForms.find((candidate) => candidate.id === nomination.form_id);
    rows.push([
      nomination.id,
      nomination.unit_code,
      nomination.unit_name,
      form ? localised(form.name, language) : nomination.form_id,
      t(KIND_KEYS[nomination.nominee_kind]),
      nomination.nominee_name,
      yesNo(t, nomination.eligible === 1),
      nomination.reason ?? "",
      storedResult(nomination.result_summary),
      t(NOMINATION_STATUS_KEYS[nomination.status]),
      localTime(deps, last?.at ?? nomination.updated_at),
      lastReason,
      nomination.decision_number ?? "",
      nomination.decision_date ? decisionDate(nomination.decision_date) : "",
      nomination.decision_issuer ?? "",
    ]);
  }
  return { name: t("ex-sheet-nominations"), columns, rows };
}

/** yyyy-mm-dd (as a decision date is stored) as dd/mm/yyyy. */
function decisionDate(value: string | undefined): string {
  const match = value ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  return match ? `${match[3]}/${match[2]}/${match[1]}` : (value ?? NOT_ANSWERED);
}

interface CriterionColumns {
  subject: Subject;
  criterion: Criterion;
  columns: Column[];
  cells(answer: CriterionAnswer | undefined): Cell[];
}

/** A criterion's columns: met or not, then its evidence (the account, or the initiative's decision) or rating. */
function criterionColumns(
  t: Translate,
  language: Language,
  subject: Subject,
  criterion: Criterion,
): CriterionColumns {
  const { code } = criterion;
  const note = localised(criterion.text, language);
  const met = (answer: CriterionAnswer | undefined): Cell =>
    answer?.met === undefined ? NOT_ANSWERED : t(answer.met ? "ex-met" : "ex-not-met");
  const evidence = criterion.evidence;
  const metColumn: Column = { header: t("ex-col-criterion-met", { code }), note };
  switch (evidence.kind) {
    case "rating":
      return {
        subject,
        criterion,
        columns: [metColumn, { header: t("ex-col-criterion-rating", { code }), note }],
        cells: (answer) => {
          const level = evidence.levels.find((candidate) => candidate.id === answer?.rating);
          return [met(answer), level ? localised(level.name, language) : (answer?.rating ?? NOT_ANSWERED)];
        },
      };
    case "initiative":
      return {
        subject,
        criterion,
        columns: [metColumn, { header: t("ex-col-criterion-evidence", { code }), note }],
        cells: (answer) => {
          if (answer?.met !== true) return [met(answer), ""];
          const council = evidence.councils.find((candidate) => candidate.id === answer.council);
          return [
            met(answer),
            t("ex-initiative", {
              number: answer.decisionNumber ?? NOT_ANSWERED,
              date: decisionDate(answer.decisionDate),
              council: council ? localised(council.name, language) : (answer.council ?? NOT_ANSWERED),
            }),
          ];
        },
      };
    case "account":
      return {
        subject,
        criterion,
        columns: [metColumn, { header: t("ex-col-criterion-evidence", { code }), note }],
        cells: (answer) => [met(answer), skippable(t, answer?.account)],
      };
  }
}

/** A free-text answer: the text, "(skipped)" when the person chose to give none, empty when not reached yet. */
function skippable(t: Translate, text: string | null | undefined): string {
  if (text === null) return t("ex-skipped");
  return text ?? "";
}

/** Assessments whose answers are read in one query and written before the event loop gets a turn. */
const ASSESSMENT_CHUNK = 1000;

/**
 * Sheet 3: every assessment of the round, a person's or a unit's own. People and units answer different
 * criteria, so the individual criteria's columns come first, then the collective ones; a row fills its own.
 * Its rows come a chunk at a time: at 50,000 people the sheet is far too big to hold at once.
 */
function assessmentsSheet(deps: Deps, year: number, t: Translate, language: Language): Sheet {
  const { campaign } = deps;
  const criteria = (["individual", "unit"] as const).flatMap((subject) =>
    questionnaireFor(campaign, subject).criteria.map((criterion) =>
      criterionColumns(t, language, subject, criterion),
    ),
  );
  const areas = campaign.reformAreas;
  const columns: Column[] = [
    { header: t("ex-col-unit-code") },
    { header: t("ex-col-subject-name") },
    { header: t("ex-col-subject-kind") },
    { header: t("ex-col-status") },
    { header: t("ex-col-submitted-at") },
    ...criteria.flatMap((criterion) => criterion.columns),
    ...areas.map((area) => ({ header: t("ex-col-area", { area: localised(area.name, language) }) })),
  ];
  const noAnswers: Answers = { criteria: {}, areas: {} };
  const rowOf = (row: RoundAssessment & { name: string }, answers: Answers): Cell[] => {
    const kind: NomineeKind = row.subject === "unit" ? "collective" : "individual";
    return [
      row.unit_code,
      row.name,
      t(KIND_KEYS[kind]),
      t(PROGRESS_KEYS[row.status]),
      localTime(deps, row.submitted_at),
      ...criteria.flatMap((column) =>
        column.subject === row.subject
          ? column.cells(answers.criteria[column.criterion.id])
          : column.columns.map(() => ""),
      ),
      ...areas.map((area) => skippable(t, answers.areas[area.id]?.text)),
    ];
  };
  async function* chunks(): AsyncGenerator<Cell[][]> {
    const [assessments, former] = await Promise.all([
      listRoundAssessments(deps.db, year),
      // Someone who erased their data: the assessment behind a kept nomination shows the name as it was.
      formerNames(deps.db),
    ]);
    const named = assessments.map((row) => ({
      ...row,
      name:
        row.subject === "unit"
          ? row.unit_name
          : (row.full_name ?? former.get(row.subject_id) ?? String(row.subject_id)),
    }));
    // Unit by unit in code order (as the other sheets), the unit's own assessment first, then people by name.
    const byName = new Intl.Collator("vi");
    named.sort(
      (a, b) =>
        compareCodes(a.unit_code, b.unit_code) ||
        (a.subject === b.subject ? 0 : a.subject === "unit" ? -1 : 1) ||
        byName.compare(a.name, b.name),
    );
    for (let start = 0; start < named.length; start += ASSESSMENT_CHUNK) {
      const chunk = named.slice(start, start + ASSESSMENT_CHUNK);
      const answers = await loadAnswersOf(
        deps.db,
        chunk.map((row) => row.id),
      );
      yield chunk.map((row) => rowOf(row, answers.get(row.id) ?? noAnswers));
    }
  }
  return { name: t("ex-sheet-assessments"), columns, chunks: chunks() };
}

/** Codes in the database's order (binary), as the other sheets list units. */
const compareCodes = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const MIN_WIDTH = 8;
const MAX_WIDTH = 50;

/** Wide enough for the longest value (or header word) among `rows`, within bounds; longer text wraps. */
function columnWidth(column: Column, rows: Cell[][], index: number): number {
  const header = column.header;
  const longestWord = Math.max(...header.split(/\s+/).map((word) => word.length));
  const longestValue = rows.reduce((most, row) => Math.max(most, String(row[index] ?? "").length), 0);
  return Math.min(
    MAX_WIDTH,
    Math.max(MIN_WIDTH, longestWord + 2, Math.min(header.length, 24) + 2, longestValue + 2),
  );
}

/** A sheet whose rows come in chunks, so that a big one is never held whole. */
interface Sheet {
  name: string;
  columns: Column[];
  chunks: AsyncIterable<Cell[][]>;
}

async function* single(rows: Cell[][]): AsyncGenerator<Cell[][]> {
  yield rows;
}

const asSheet = (table: Table): Sheet => ({
  name: table.name,
  columns: table.columns,
  chunks: single(table.rows),
});

/**
 * Streams a sheet: the columns' widths must be written before the first row, so they are measured on the first
 * chunk (the whole of a small sheet; a thousand rows of the assessments, enough to size them, as long text wraps).
 * The event loop gets a turn between chunks, so the bot keeps answering while a big export is written.
 */
async function writeSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, sheet: Sheet): Promise<void> {
  const chunks = sheet.chunks[Symbol.asyncIterator]();
  let next = await chunks.next();
  const sample = next.done ? [] : next.value;
  const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: "frozen", ySplit: 1 }] });
  worksheet.columns = sheet.columns.map((column, index) => ({
    header: column.header,
    width: columnWidth(column, sample, index),
    style: { alignment: { vertical: "top", wrapText: true } },
  }));
  const header = worksheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: "middle", wrapText: true };
  sheet.columns.forEach((column, index) => {
    if (column.note) header.getCell(index + 1).note = column.note;
  });
  worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
  header.commit();
  while (!next.done) {
    for (const row of next.value) worksheet.addRow(row).commit();
    await nextTurn();
    next = await chunks.next();
  }
  worksheet.commit();
}

/** Writes the Office's workbook for a round to `stream`: units' status, nominations and self-assessments. */
export async function writeWorkbook(
  deps: Deps,
  year: number,
  language: Language,
  stream: Writable,
): Promise<void> {
  const t = translator(deps, language);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = "ThiĐua bot";
  workbook.created = deps.clock();
  await writeSheet(workbook, asSheet(await unitsTable(deps, year, t, language)));
  await writeSheet(workbook, asSheet(await nominationsTable(deps, year, t, language)));
  await writeSheet(workbook, assessmentsSheet(deps, year, t, language));
  await workbook.commit();
}

/**
 * Writes the workbook to a file of its own in the temporary directory, hands its path to `use` (to send it),
 * and deletes it afterwards, whether writing or sending succeeded or not.
 */
export async function withWorkbookFile<T>(
  deps: Deps,
  year: number,
  language: Language,
  use: (path: string) => Promise<T>,
): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), "thidua-export-"));
  try {
    const path = join(dir, `thi-dua-${year}.xlsx`);
    const file = createWriteStream(path);
    try {
      // The file's own error (a full disk) ends the wait too.
      await Promise.all([writeWorkbook(deps, year, language, file), once(file, "close")]);
    } finally {
      file.destroy();
    }
    return await use(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The whole workbook in memory: for tests and small rounds; the bot sends it from a file instead. */
export async function buildWorkbook(deps: Deps, year: number, language: Language): Promise<Buffer> {
  return withWorkbookFile(deps, year, language, (path) => readFile(path));
}

/**
 * A text that a spreadsheet would take for a formula (=, +, -, @, or a tab or return first) is kept as text by
 * a leading apostrophe: the names and reasons are typed by users, and Excel runs formulas from a CSV.
 */
function csvSafe(cell: Cell): Cell {
  return typeof cell === "string" && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** The nominations sheet as CSV for Excel: UTF-8 with a BOM (so Vietnamese shows right), CRLF lines. */
export async function buildNominationsCsv(deps: Deps, year: number, language: Language): Promise<string> {
  const table = await nominationsTable(deps, year, translator(deps, language), language);
  return stringify(
    [table.columns.map((column) => column.header), ...table.rows.map((row) => row.map(csvSafe))],
    {
      bom: true,
      record_delimiter: "windows",
    },
  );
}
