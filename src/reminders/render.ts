import type { UnitState } from "../../db/reminders.js";
import type { Language } from "../../db/schema.js";
import type { Translate } from "../assessment/render.js";
import type { Owed } from "../domain/reminders.js";
import { type DeadlineStatus, deadlineStatus, deadlineStatusKey } from "../domain/rounds.js";
import { formatLocalDate } from "../domain/time.js";
import { escapeHtml } from "../html.js";

/**
 * Room for names and missing documents in one reminder, shared between the two lists (each gets half, or more
 * when the other needs less); the rest are counted (the head's /unit and the dossier show everything).
 */
const LIST_CHARACTERS = 2500;
/** What a name's line adds to the name: "   – " and its newline. */
const NAME_LINE_EXTRA = 6;

/**
 * The names a head's reminder can show at most: those, in name order, whose lines (unescaped) fit in the list's
 * whole room. Escaping only lengthens a name, so the names shown are always among them; the planner reads no
 * more names than these.
 */
export const NAMES_SHOWN = { room: LIST_CHARACTERS, perName: NAME_LINE_EXTRA } as const;
/** A return reason longer than this is cut: the dossier shows it whole. */
const REASON_CHARACTERS = 400;

export interface ReminderContext {
  t: Translate;
  language: Language;
  year: number;
  deadline: Date;
  now: Date;
  timeZone: string;
  /** A dossier document's name in the reader's language (plain text). */
  documentName: (documentId: string) => string;
  /** An award form's short name in the reader's language (plain text). */
  formName: (formId: string) => string;
}

/**
 * Where the deadline stands and its line, once per context: a slot renders hundreds of reminders from one
 * context, and working out dates in a time zone is what each of them cost most.
 */
const deadlines = new WeakMap<ReminderContext, { status: DeadlineStatus; line: string }>();

function deadlineOf(r: ReminderContext): { status: DeadlineStatus; line: string } {
  let known = deadlines.get(r);
  if (!known) {
    const status = deadlineStatus(r.now, r.deadline, r.timeZone);
    const line = r.t(`rm-deadline-${deadlineStatusKey(status)}`, {
      year: String(r.year),
      deadline: formatLocalDate(r.deadline, r.timeZone),
      days: "days" in status ? status.days : 0,
    });
    known = { status, line };
    deadlines.set(r, known);
  }
  return known;
}

/** Whether the deadline (the round's) has passed. */
export function isOverdue(r: ReminderContext): boolean {
  return deadlineOf(r).status.kind === "overdue";
}

/** "còn 14 ngày", "hôm nay là ngày cuối", "đã quá hạn 2 ngày", with the deadline's date. */
export function deadlineLine(r: ReminderContext): string {
  return deadlineOf(r).line;
}

/**
 * As many of `count` lines as fit in `room` characters (each with its newline), and how many did not fit. A
 * line is made only when it is looked at: a unit of 250 people shows the first hundred names or so.
 */
function fitting(
  count: number,
  line: (index: number) => string,
  room: number,
): { shown: string[]; more: number } {
  const shown: string[] = [];
  let left = room;
  for (let index = 0; index < count; index++) {
    const text = line(index);
    if (text.length + 1 > left) break;
    shown.push(text);
    left -= text.length + 1;
  }
  return { shown, more: count - shown.length };
}

const fittingLines = (lines: readonly string[], room: number) =>
  fitting(lines.length, (index) => lines[index] ?? "", room);

const size = (lines: readonly string[]) => lines.reduce((sum, line) => sum + line.length + 1, 0);

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/**
 * What the unit still owes, line by line. Names (of people who have not submitted, of nominees whose report is
 * missing) and the Office's return reason only where the reader may see them: the head's chat.
 */
export function owedLines(r: ReminderContext, owed: Owed, withNames: boolean): string[] {
  const lines: string[] = [];
  const named = owed.peopleNotSubmitted;
  const nameLine = (index: number) => `   – ${escapeHtml(named[index]?.fullName ?? "")}`;
  const documents = withNames
    ? owed.documents.map((doc) => {
        const document = escapeHtml(r.documentName(doc.documentId));
        return doc.nomineeName === null
          ? r.t("rm-owed-document", { document })
          : r.t("rm-owed-document-of", {
              document,
              nominee: `${
                doc.collective
                  ? r.t("nm-collective-label", { name: escapeHtml(doc.nomineeName) })
                  : escapeHtml(doc.nomineeName)
              }${doc.formId ? ` (${escapeHtml(r.formName(doc.formId))})` : ""}`,
            });
      })
    : // The group learns which documents are missing, not whose.
      [...new Set(owed.documents.map((doc) => doc.documentId))].map((id) =>
        r.t("rm-owed-document", { document: escapeHtml(r.documentName(id)) }),
      );
  const half = Math.floor(LIST_CHARACTERS / 2);
  const namesRoom = Math.max(half, LIST_CHARACTERS - size(documents));
  // Of the names known (all, or as many as can show), as many as fit; the others are counted.
  const namesShown = fitting(withNames ? named.length : 0, nameLine, namesRoom);
  const namesMore = withNames ? owed.peopleMissing - namesShown.shown.length : 0;
  const documentsShown = fittingLines(documents, LIST_CHARACTERS - size(namesShown.shown));

  if (owed.peopleMissing > 0) {
    lines.push(r.t("rm-owed-people", { missing: owed.peopleMissing, total: owed.peopleTotal }));
    lines.push(...namesShown.shown);
    if (namesMore > 0) lines.push(`   ${r.t("rm-and-more", { count: namesMore })}`);
  }
  if (owed.unitAssessment) lines.push(r.t("rm-owed-unit-assessment"));
  if (owed.nominations) lines.push(r.t("rm-owed-nominations"));
  lines.push(...documentsShown.shown);
  if (documentsShown.more > 0)
    lines.push(`   ${r.t("rm-and-more-documents", { count: documentsShown.more })}`);
  if (owed.dossier) {
    lines.push(
      owed.dossier.returned && withNames
        ? r.t("rm-owed-dossier-returned", {
            reason: escapeHtml(cut(owed.dossier.reason ?? "", REASON_CHARACTERS)),
          })
        : r.t("rm-owed-dossier"),
    );
  }
  return lines;
}

/** The last line: what to do next, for the head the buttons the reminder has (see `unitReminderRows`). */
function footer(r: ReminderContext, owed: Owed, forHead: boolean): string {
  // Past the deadline assessments are locked until the Office reopens the unit: say so, not "press the button".
  if (isOverdue(r)) return r.t("rm-unit-footer-overdue");
  if (!forHead) {
    // The group's members can act only on their own self-assessments; the rest is the head's.
    return r.t(owed.peopleMissing > 0 ? "rm-unit-footer-group" : "rm-unit-footer-group-head");
  }
  if (owed.dossier === null && owed.unitAssessment) return r.t("rm-unit-footer-head");
  return r.t("rm-unit-footer-head-buttons", {
    open: owed.dossier === null ? "team" : owed.unitAssessment ? "all" : "dossier",
  });
}

export function unitReminderText(r: ReminderContext, unit: UnitState, owed: Owed, forHead: boolean): string {
  return [
    deadlineLine(r),
    "",
    r.t("rm-unit-owes", { unit: escapeHtml(unit.name) }),
    ...owedLines(r, owed, forHead),
    "",
    footer(r, owed, forHead),
  ].join("\n");
}

export function employeeReminderText(r: ReminderContext): string {
  return `${deadlineLine(r)}\n\n${r.t("rm-employee")}`;
}

/** To someone who submitted with the year's rating not known yet: add it (criterion `number`) before the deadline. */
export function employeeAwaitingRatingText(r: ReminderContext, number: number): string {
  return `${deadlineLine(r)}\n\n${r.t("rm-employee-awaiting-rating", { n: number, year: String(r.year) })}`;
}

/** The Office's digest, one line per unit: complete, or what it misses (counts only). */
export function digestLines(
  r: ReminderContext,
  units: ReadonlyArray<{ unit: UnitState; owed: Owed }>,
): string[] {
  return units.map(({ unit, owed }) => {
    const parts: string[] = [];
    if (owed.peopleMissing > 0) {
      parts.push(r.t("rm-digest-people", { missing: owed.peopleMissing, total: owed.peopleTotal }));
    }
    if (owed.unitAssessment) parts.push(r.t("rm-digest-unit-assessment"));
    if (owed.nominations) parts.push(r.t("rm-digest-nominations"));
    if (owed.documents.length > 0) parts.push(r.t("rm-digest-documents", { count: owed.documents.length }));
    if (owed.dossier)
      parts.push(r.t(owed.dossier.returned ? "rm-digest-dossier-returned" : "rm-digest-dossier"));
    const name = `<code>${escapeHtml(unit.code)}</code>`;
    return parts.length === 0 ? r.t("rm-digest-complete", { unit: name }) : `• ${name}: ${parts.join("; ")}`;
  });
}
