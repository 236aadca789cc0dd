import type { TeamMemberStatus } from "../../db/assessments.js";
import { escapeHtml } from "../html.js";
import type { Translate } from "../screen.js";
import { readCommand } from "./read-view.js";

/**
 * A unit's people by the state of their own self-assessment, each started one with the command that opens it
 * read-only: the head's "Tình hình tự đánh giá cá nhân" and the Office's people button on /status <unit>.
 */
export function teamLines(t: Translate, team: readonly TeamMemberStatus[]): string[] {
  const lines: string[] = [];
  for (const status of ["submitted", "in_progress", null] as const) {
    const members = team.filter((member) => member.status === status);
    lines.push(t(`unit-team-${status ?? "not_started"}`, { count: members.length }));
    lines.push(
      ...members.map(
        (member) =>
          `• ${escapeHtml(member.full_name)}${member.status ? ` · ${readCommand("individual", member.telegram_id)}` : ""}`,
      ),
    );
    lines.push("");
  }
  return lines;
}
