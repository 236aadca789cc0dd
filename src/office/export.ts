import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Writable } from "node:stream";
import { setImmediate as nextTurn } from "node:timers/promises";
import { stringify } from "csv-stringify/sync";
import type ExcelJS from "exceljs";
import {
  countProofFilesOf,
  countRoundAssessments,
  listRoundAssessments,
  loadAnswersOf,
  type RoundAssessment,
} from "../../db/assessments.js";
import { latestMoves, listNominations, nomineePositions } from "../../db/nominations.js";
import { latestRecords } from "../../db/route-records.js";
import type { Language } from "../../db/schema.js";
import { formerNames } from "../../db/users.js";
import type { Campaign, Criterion } from "../campaign/schema.js";
import type { AppDeps } from "../deps.js";
import {
  type Answers,
  awaitsRating,
  type CriterionAnswer,
  questionnaireFor,
  type Subject,
} from "../domain/assessment.js";
import type { NominationStatus, NomineeKind } from "../domain/nominations.js";
import { isSystemStatus, type SystemStatus, stepOf } from "../domain/routes.js";
import { formatLocalDateTime, toLocal } from "../domain/time.js";
import type { DossierState, Progress } from "../domain/unit-status.js";
import { localised } from "../i18n.js";
import { routeStepText } from "../nominations/route-records.js";
import { roundSummaries } from "./round-status.js";

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
const NOMINATION_STATUS_KEYS: Record<SystemStatus, string> = {
  draft: "ex-status-draft",
  submitted: "ex-status-submitted",
  returned: "ex-status-returned",
  rejected: "ex-status-rejected",
  withdrawn: "ex-status-withdrawn",
  not_passed: "ex-status-not_passed",
  declined: "ex-status-declined",
};

/** A nomination's status in a cell: the statuses every route has in the export's words, a route step in its own. */
function statusCell(campaign: Campaign, t: Translate, language: Language, status: NominationStatus): string {
  if (isSystemStatus(status)) return t(NOMINATION_STATUS_KEYS[status]);
  const step = stepOf(campaign, status);
  const words = step ? localised(step.status, language) : status;
  return words.charAt(0).toLocaleUpperCase(language) + words.slice(1);
}

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

/** Words without variables are looked up once: an export asks for the same few tens of thousands of times. */
function translator(deps: Pick<Deps, "i18n">, language: Language): Translate {
  const words = new Map<string, string>();
  return (key, vars) => {
    if (vars) return deps.i18n.t(language, key, vars);
    let word = words.get(key);
    if (word === undefined) {
      word = deps.i18n.t(language, key);
      words.set(key, word);
    }
    return word;
  };
}

const yesNo = (t: Translate, value: boolean) => t(value ? "ex-yes" : "ex-no");

function localTime(deps: Pick<Deps, "campaign">, iso: string | null | undefined): string {
  return iso ? formatLocalDateTime(new Date(iso), deps.campaign.timeZone) : "";
}

const QUARTER_HOUR = 15 * 60_000;
const pad = (n: number) => String(n).padStart(2, "0");

/**
 * localTime for many instants: the zone's offset is looked up once per quarter hour (no zone changes its offset
 * in between), as formatting each instant in the zone cost more than half a second at 50,000 rows.
 */
function localTimes(timeZone: string): (iso: string | null) => string {
  const offsets = new Map<number, number>();
  return (iso) => {
    if (!iso) return "";
    const at = Date.parse(iso);
    const quarter = Math.floor(at / QUARTER_HOUR) * QUARTER_HOUR;
    let offset = offsets.get(quarter);
    if (offset === undefined) {
      const local = toLocal(new Date(quarter), timeZone);
      offset = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute) - quarter;
      offsets.set(quarter, offset);
    }
    const local = new Date(at + offset);
    return (
      `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())} ` +
      `${pad(local.getUTCDate())}/${pad(local.getUTCMonth() + 1)}/${local.getUTCFullYear()}`
    );
  };
}

/** Sheet 1: each active unit's progress in the round. */
async function unitsTable(deps: Deps, year: number, t: Translate, language: Language): Promise<Table> {
  const { campaign } = deps;
  // Counted in the database (as /status does), not every person of every unit loaded to be counted here.
  const units = await roundSummaries(deps, year, 0);
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
    { header: t("ex-col-position") },
    { header: t("ex-col-eligible") },
    { header: t("ex-col-reason") },
    { header: t("ex-col-result") },
    { header: t("ex-col-status") },
    { header: t("ex-col-last-change") },
    { header: t("ex-col-current-reason") },
    { header: t("ex-col-decision-number") },
    { header: t("ex-col-decision-date") },
    { header: t("ex-col-decision-issuer") },
    { header: t("rr-ex-col-route-step") },
    { header: t("rr-ex-col-record-number") },
    { header: t("rr-ex-col-record-date") },
  ];
  const [nominations, moves, positions, records] = await Promise.all([
    listNominations(deps.db, year),
    latestMoves(deps.db, year),
    nomineePositions(deps.db, year),
    latestRecords(deps.db, year),
  ]);
  const view = {
    t: (key: string, vars?: Record<string, string | number>) =>
      t(key, vars && Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, String(v)]))),
    language,
    campaign: deps.campaign,
  };
  const rows: Cell[][] = [];
  for (const nomination of nominations) {
    const last = moves.get(nomination.id);
    // Only the reason of the move that brought the nomination where it stands: once a returned nomination is
    // sent again, the return's reason is history (on its card), not why it is under review now.
    const currentReason = last?.reason ?? "";
    const form = deps.campaign.awardForms.find((candidate) => candidate.id === nomination.form_id);
    rows.push([
      nomination.id,
      nomination.unit_code,
      nomination.unit_name,
      form ? localised(form.name, language) : nomination.form_id,
      t(KIND_KEYS[nomination.nominee_kind]),
      nomination.nominee_name,
      positions.get(nomination.id) ?? "",
      yesNo(t, nomination.eligible === 1),
      nomination.reason ?? "",
      storedResult(nomination.result_summary),
      statusCell(deps.campaign, t, language, nomination.status),
      localTime(deps, last?.at ?? nomination.updated_at),
      currentReason,
      nomination.decision_number ?? "",
      nomination.decision_date ? decisionDate(nomination.decision_date) : "",
      nomination.decision_issuer ?? "",
      // Where it stands on its route ("3/4 Hội đồng … đã thông qua"), and the Tờ trình or decision it was moved with.
      routeStepText(view, nomination.form_id, nomination.status),
      records.get(nomination.id)?.number ?? "",
      decisionDateOrEmpty(records.get(nomination.id)?.date),
    ]);
  }
  return { name: t("ex-sheet-nominations"), columns, rows };
}

function decisionDateOrEmpty(value: string | undefined): string {
  return value ? decisionDate(value) : "";
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
          // "Chưa có kết quả xếp loại": not met yet, but not "không đạt" either.
          if (awaitsRating(criterion, answer)) return [t("ex-rating-pending"), t("ex-rating-pending")];
          const level = evidence.levels.find((candidate) => candidate.id === answer?.rating);
          return [met(answer), level ? localised(level.name, language) : (answer?.rating ?? NOT_ANSWERED)];
        },
      };
    case "initiative": {
      // One decision recognises many people's initiatives, so the same few come back row after row: each is
      // worded once (through Fluent, a few hundred milliseconds at 50,000 rows). Kept bounded all the same.
      const worded = new Map<string, string>();
      const wording = (answer: CriterionAnswer): string => {
        const key = JSON.stringify([answer.decisionNumber, answer.decisionDate, answer.council]);
        let text = worded.get(key);
        if (text === undefined) {
          const council = evidence.councils.find((candidate) => candidate.id === answer.council);
          text = t("ex-initiative", {
            number: answer.decisionNumber ?? NOT_ANSWERED,
            date: decisionDate(answer.decisionDate),
            council: council ? localised(council.name, language) : (answer.council ?? NOT_ANSWERED),
          });
          if (worded.size >= 10_000) worded.clear();
          worded.set(key, text);
        }
        // The name is each person's own (answers given before it was asked have none).
        return answer.initiativeName
          ? t("ex-initiative-named", { name: answer.initiativeName, decision: text })
          : text;
      };
      return {
        subject,
        criterion,
        columns: [metColumn, { header: t("ex-col-criterion-evidence", { code }), note }],
        cells: (answer) => (answer?.met === true ? [met(answer), wording(answer)] : [met(answer), ""]),
      };
    }
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

type NamedAssessment = RoundAssessment & { name: string };

/** The assessments of the round in these units, each with the name the sheet shows. */
async function namedAssessments(
  deps: Deps,
  year: number,
  unitIds: readonly number[],
  former: ReadonlyMap<number, string>,
): Promise<NamedAssessment[]> {
  const assessments = await listRoundAssessments(deps.db, year, unitIds);
  return assessments.map((row) => ({
    ...row,
    name:
      row.subject === "unit"
        ? row.unit_name
        : (row.full_name ?? former.get(row.subject_id) ?? String(row.subject_id)),
  }));
}

/** Units in code order, in groups of about `size` assessments (a bigger unit is a group of its own). */
function unitPages(
  counts: Array<{ unit_id: number; unit_code: string; count: number }>,
  size: number,
): number[][] {
  const pages: number[][] = [];
  let page: number[] = [];
  let inPage = 0;
  for (const unit of [...counts].sort((a, b) => compareCodes(a.unit_code, b.unit_code))) {
    if (page.length > 0 && inPage + unit.count > size) {
      pages.push(page);
      page = [];
      inPage = 0;
    }
    page.push(unit.unit_id);
    inPage += unit.count;
  }
  if (page.length > 0) pages.push(page);
  return pages;
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
    { header: t("ex-col-position") },
    { header: t("ex-col-subject-kind") },
    { header: t("ex-col-status") },
    { header: t("ex-col-submitted-at") },
    { header: t("ex-col-evidence-files") },
    ...criteria.flatMap((criterion) => criterion.columns),
    ...areas.map((area) => ({ header: t("ex-col-area", { area: localised(area.name, language) }) })),
  ];
  const noAnswers: Answers = { criteria: {}, areas: {} };
  const submittedAt = localTimes(campaign.timeZone);
  // Written with plain loops: at 50,000 rows the spread arrays of a flatMap were a good part of the garbage.
  const rowOf = (row: NamedAssessment, answers: Answers, files: number): Cell[] => {
    const kind: NomineeKind = row.subject === "unit" ? "collective" : "individual";
    const cells: Cell[] = [
      row.unit_code,
      row.name,
      row.position ?? "",
      t(KIND_KEYS[kind]),
      t(PROGRESS_KEYS[row.status]),
      submittedAt(row.submitted_at),
      files,
    ];
    for (const column of criteria) {
      if (column.subject === row.subject) cells.push(...column.cells(answers.criteria[column.criterion.id]));
      else for (let i = 0; i < column.columns.length; i++) cells.push("");
    }
    for (const area of areas) cells.push(skippable(t, answers.areas[area.id]?.text));
    return cells;
  };
  const byName = new Intl.Collator("vi");
  async function* chunks(): AsyncGenerator<Cell[][]> {
    const [counts, former] = await Promise.all([
      countRoundAssessments(deps.db, year),
      // Someone who erased their data: the assessment behind a kept nomination shows the name as it was.
      formerNames(deps.db),
    ]);
    // A few units at a time: the round's 50,000 assessments are never all in memory at once.
    for (const unitIds of unitPages(counts, ASSESSMENT_CHUNK)) {
      const named = await namedAssessments(deps, year, unitIds, former);
      // Unit by unit in code order (as the other sheets), the unit's own assessment first, then people by name.
      named.sort(
        (a, b) =>
          compareCodes(a.unit_code, b.unit_code) ||
          (a.subject === b.subject ? 0 : a.subject === "unit" ? -1 : 1) ||
          byName.compare(a.name, b.name),
      );
      for (let start = 0; start < named.length; start += ASSESSMENT_CHUNK) {
        const chunk = named.slice(start, start + ASSESSMENT_CHUNK);
        const ids = chunk.map((row) => row.id);
        const [answers, files] = await Promise.all([
          loadAnswersOf(deps.db, ids),
          countProofFilesOf(deps.db, ids),
        ]);
        yield chunk.map((row) => rowOf(row, answers.get(row.id) ?? noAnswers, files.get(row.id) ?? 0));
      }
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

/** Rows written between two looks at whether the zip has taken what was written: it keeps the waiting XML small. */
const ROWS_BETWEEN_WAITS = 200;

const CELL_STYLE: Partial<ExcelJS.Style> = { alignment: { vertical: "top", wrapText: true } };

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

/** archiver's PassThrough comes from readable-stream 2, which has only the internal state for a full buffer. */
type ZipInput = Writable & { _writableState?: { needDrain?: boolean; length?: number } };

/**
 * What the streamed sheet is to exceljs 4.4 (pinned) inside: the XML stream it writes to the zip, and whether the
 * columns and <sheetData> are written yet; and the workbook's style table.
 */
interface SheetInternals {
  stream?: { write(xml: Buffer): unknown; pipes?: ZipInput[] };
  startedData?: boolean;
}
interface WorkbookInternals {
  styles?: { addStyleModel(style: Partial<ExcelJS.Style>): number };
}

/**
 * Waits until the zip has taken what the sheet wrote so far. exceljs hands a sheet's XML to the zip through a
 * stream whose backpressure it ignores, so without this wait a sheet written faster than it is compressed piles
 * up in memory (a hundred MB and more at 50,000 rows). The stream is exceljs's own: reached through an internal.
 */
async function caughtUp(worksheet: ExcelJS.Worksheet): Promise<void> {
  const { stream } = worksheet as unknown as SheetInternals;
  for (const pipe of stream?.pipes ?? []) {
    if (pipe.writableNeedDrain ?? pipe._writableState?.needDrain) await once(pipe, "drain");
  }
}

/** A spreadsheet's column letters: A … Z, AA … */
function columnLetters(count: number): string[] {
  const letters: string[] = [];
  for (let n = 1; n <= count; n++) {
    let name = "";
    for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26))
      name = String.fromCharCode(65 + ((rest - 1) % 26)) + name;
    letters.push(name);
  }
  return letters;
}

// The characters exceljs escapes in a cell's text, and the control characters it drops (XML 1.0 forbids them).
// biome-ignore lint/suspicious/noControlCharactersInRegex: these control characters are the ones to find.
const XML_SPECIAL = /[<>&'"\x7F\x00-\x08\x0B-\x0C\x0E-\x1F]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above.
const XML_SPECIALS = /[<>&'"\x7F\x00-\x08\x0B-\x0C\x0E-\x1F]/g;
const XML_ESCAPES: Record<string, string> = {
  "<": "&lt;",
  ">": "&gt;",
  "&": "&amp;",
  "'": "&apos;",
  '"': "&quot;",
};
const xmlText = (text: string) =>
  XML_SPECIAL.test(text) ? text.replace(XML_SPECIALS, (char) => XML_ESCAPES[char] ?? "") : text;

/**
 * UTF-8 written straight into one buffer that grows as needed: at 50,000 rows, joining the XML into a string and
 * encoding that took more than twice as long.
 */
class Utf8Writer {
  private buffer = Buffer.allocUnsafe(1 << 20);
  private length = 0;

  write(text: string): void {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8, so that room is enough for all of it.
    const room = text.length * 3;
    if (this.length + room > this.buffer.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + room));
      this.buffer.copy(bigger, 0, 0, this.length);
      this.buffer = bigger;
    }
    this.length += this.buffer.write(text, this.length);
  }

  /** What was written, in a buffer of its own; the writer starts again empty. */
  take(): Buffer {
    const written = Buffer.from(this.buffer.subarray(0, this.length));
    this.length = 0;
    return written;
  }
}

/**
 * Rows as the sheet's XML, byte for byte as exceljs writes them from `addRow(values).commit()` with the style on
 * every cell (an empty text a blank cell, left out; a row with none left out), without its Row and Cell objects
 * for each row and cell: they were most of the export's time and garbage at 50,000 rows.
 */
function writeRowsXml(
  out: Utf8Writer,
  rows: readonly Cell[][],
  firstRow: number,
  letters: readonly string[],
  styleId: number,
): void {
  const style = styleId ? ` s="${styleId}"` : "";
  for (const [index, values] of rows.entries()) {
    let min = 0;
    let max = 0;
    for (let i = 0; i < values.length; i++) {
      if (values[i] === "" || values[i] === undefined) continue;
      if (min === 0) min = i + 1;
      max = i + 1;
    }
    if (min === 0) continue;
    const r = firstRow + index;
    // One string a row, then one write: the fewest calls for the least copying (a cell at a time cost more).
    let xml = `<row r="${r}" spans="${min}:${max}" x14ac:dyDescent="0.25">`;
    for (let i = min - 1; i < max; i++) {
      const value = values[i];
      if (value === "" || value === undefined) continue;
      xml +=
        typeof value === "number"
          ? `<c r="${letters[i]}${r}"${style}><v>${value}</v></c>`
          : `<c r="${letters[i]}${r}"${style} t="str"><v>${xmlText(value)}</v></c>`;
    }
    out.write(`${xml}</row>`);
  }
}

/**
 * Streams a sheet: the columns' widths must be written before the first row, so they are measured on the first
 * chunk (the whole of a small sheet; a thousand rows of the assessments, enough to size them, as long text wraps).
 * The header goes through exceljs (its bold font, the notes on it); the rows after it are written as XML (see
 * writeRowsXml). The event loop gets a turn between chunks, so the bot keeps answering while a big export is written.
 */
async function writeSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, sheet: Sheet): Promise<void> {
  const chunks = sheet.chunks[Symbol.asyncIterator]();
  let next = await chunks.next();
  const sample = next.done ? [] : next.value;
  const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: "frozen", ySplit: 1 }] });
  worksheet.columns = sheet.columns.map((column, index) => ({
    header: column.header,
    width: columnWidth(column, sample, index),
    style: CELL_STYLE,
  }));
  const header = worksheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: "middle", wrapText: true };
  sheet.columns.forEach((column, index) => {
    if (column.note) header.getCell(index + 1).note = column.note;
  });
  worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
  header.commit();
  const { stream, startedData } = worksheet as unknown as SheetInternals;
  const styles = (workbook as unknown as WorkbookInternals).styles;
  if (!stream || !startedData || !styles) throw new Error("exceljs's streamed worksheet is not as expected");
  // The id exceljs gave CELL_STYLE for the columns (it knows a style object it has seen by identity).
  const styleId = styles.addStyleModel(CELL_STYLE);
  const letters = columnLetters(sheet.columns.length);
  const out = new Utf8Writer();
  let rowNumber = 2;
  while (!next.done) {
    const rows = next.value;
    for (let start = 0; start < rows.length; start += ROWS_BETWEEN_WAITS) {
      writeRowsXml(out, rows.slice(start, start + ROWS_BETWEEN_WAITS), rowNumber + start, letters, styleId);
      stream.write(out.take());
      await caughtUp(worksheet);
    }
    rowNumber += rows.length;
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
  // Loaded on the first export, and only the streaming writer: the whole of exceljs took about 27 MB the bot
  // needs for nothing else, and 0.3 s to load (the writer alone: 16 MB, 0.13 s, once).
  const { default: WorkbookWriter } = await import("exceljs/lib/stream/xlsx/workbook-writer.js");
  const workbook = new WorkbookWriter({
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
  parent = tmpdir(),
): Promise<T> {
  const dir = await mkdtemp(join(parent, "thidua-export-"));
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
