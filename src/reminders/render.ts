import type { UnitState } from "../../db/reminders.js";
import type { Language } from "../../db/schema.js";
import type { Translate } from "../assessment/render.js";
import type { Owed } from "../domain/reminders.js";
import { type DeadlineStatus, deadlineStatus, deadlineStatusKey } from "../domain/rounds.js";
import { formatLocalDate } from "../domain/time.js";
import { escapeHtml } from "../html.js";

/** Room for names in one reminder; the rest are counted (the head's /unit shows everyone). */
const NAMES_CHARACTERS = 2500;

export interface ReminderContext {
  t: Translate;
  language: Language;
  year: number;
  deadline: Date;
  now: Date;
  timeZone: string;
}

/** "còn 14 ngày", "hôm nay là ngày cuối", "đã quá hạn 2 ngày", with the deadline's date. */
export function deadlineLine(r: ReminderContext): string {
  const status: DeadlineStatus = deadlineStatus(r.now, r.deadline, r.timeZone);
  return r.t(`rm-deadline-${deadlineStatusKey(status)}`, {
    year: String(r.year),
    deadline: formatLocalDate(r.deadline, r.timeZone),
    days: "days" in status ? status.days : 0,
  });
}

/** What the unit still owes, line by line; names only where the reader may see them (the head's chat). */
export function owedLines(r: ReminderContext, owed: Owed, withNames: boolean): string[] {
  const lines: string[] = [];
  const missing = owed.peopleNotSubmitted;
  if (missing.length > 0) {
    lines.push(r.t("rm-owed-people", { missing: missing.length, total: owed.peopleTotal }));
    if (withNames) {
      let room = NAMES_CHARACTERS;
      let shown = 0;
      for (const person of missing) {
        const line = `   – ${escapeHtml(person.fullName)}`;
        if (line.length > room) break;
        lines.push(line);
        room -= line.length + 1;
        shown++;
      }
      if (shown < missing.length) lines.push(`   ${r.t("rm-and-more", { count: missing.length - shown })}`);
    }
  }
  if (owed.unitAssessment) lines.push(r.t("rm-owed-unit-assessment"));
  return lines;
}

export function unitReminderText(r: ReminderContext, unit: UnitState, owed: Owed, forHead: boolean): string {
  // Past the deadline assessments are locked until the Office reopens the unit: say so, not "press the button".
  const overdue = deadlineStatus(r.now, r.deadline, r.timeZone).kind === "overdue";
  const footer = overdue
    ? "rm-unit-footer-overdue"
    : forHead
      ? "rm-unit-footer-head"
      : "rm-unit-footer-group";
  return [
    deadlineLine(r),
    "",
    r.t("rm-unit-owes", { unit: escapeHtml(unit.name) }),
    ...owedLines(r, owed, forHead),
    "",
    r.t(footer),
  ].join("\n");
}

export function employeeReminderText(r: ReminderContext): string {
  return `${deadlineLine(r)}\n\n${r.t("rm-employee")}`;
}

/** The Office's digest, one line per unit: complete, or what it misses. */
export function digestLines(
  r: ReminderContext,
  units: ReadonlyArray<{ unit: UnitState; owed: Owed }>,
): string[] {
  return units.map(({ unit, owed }) => {
    const parts: string[] = [];
    if (owed.peopleNotSubmitted.length > 0) {
      parts.push(
        r.t("rm-digest-people", { missing: owed.peopleNotSubmitted.length, total: owed.peopleTotal }),
      );
    }
    if (owed.unitAssessment) parts.push(r.t("rm-digest-unit-assessment"));
    const name = `<code>${escapeHtml(unit.code)}</code>`;
    return parts.length === 0 ? r.t("rm-digest-complete", { unit: name }) : `• ${name}: ${parts.join("; ")}`;
  });
}
