import { InlineKeyboard } from "grammy";
import type { AgendaItem } from "../../db/council-meetings.js";
import type { NominationHistory } from "../../db/schema.js";
import type { Tie } from "../domain/council.js";
import { formatLocalDateTime } from "../domain/time.js";
import { escapeHtml } from "../html.js";
import { formIndex, formName, formShort, nomineeLabel, storedResultText } from "../nominations/render.js";
import { MESSAGE_LIMIT, paginate } from "../paging.js";
import type { Screen, ViewContext } from "../screen.js";
import type { Ballot, Counted, Minutes, MinutesItem } from "./meeting-service.js";

/** Room kept in each page for a page marker and the button line. */
const PAGE_LIMIT = MESSAGE_LIMIT - 200;

/** The Office's note on a nomination: what it wrote when it put the nomination where it stands (on the agenda). */
export function officeNote(history: readonly NominationHistory[], status: string): string | null {
  return (
    history.findLast((entry) => entry.by_role === "office" && entry.to_status === status)?.reason ?? null
  );
}

/** One nomination of the agenda as members read it: who, the unit, the form, the criteria met, the reasons. */
export function agendaEntry(c: ViewContext, item: AgendaItem, index: number, note: string | null): string {
  const lines = [
    c.t("cm-agenda-item", {
      n: index + 1,
      nominee: nomineeLabel(c.t, item),
      unit: escapeHtml(item.unit_name),
      form: escapeHtml(formShort(c.campaign, item.form_id, c.language)),
    }),
    c.t("cm-agenda-result", { result: storedResultText(c.t, item) }),
  ];
  if (item.reason) lines.push(c.t("cm-agenda-reason", { reason: escapeHtml(item.reason) }));
  if (note) lines.push(c.t("cm-agenda-note", { note: escapeHtml(note) }));
  return lines.join("\n");
}

/** The agenda in pages that fit a message each. */
export function agendaPages(
  c: ViewContext,
  header: string,
  agenda: readonly AgendaItem[],
  notes: ReadonlyMap<number, string | null>,
): string[] {
  const entries = agenda.map((item, index) => `${agendaEntry(c, item, index, notes.get(item.id) ?? null)}\n`);
  return paginate(header, entries, "", PAGE_LIMIT);
}

const voteMark = (vote: "agree" | "disagree" | undefined) =>
  vote === "agree" ? "👍" : vote === "disagree" ? "👎" : "▫️";

/** Nominations per page of a ballot: two buttons each, well within Telegram's hundred buttons and a message. */
export const BALLOT_PAGE = 15;

/** The page of a ballot that shows a nomination. */
export function ballotPageOf(ballot: Pick<Ballot, "agenda">, nominationId: number): number {
  const at = ballot.agenda.findIndex((item) => item.id === nominationId);
  return at === -1 ? 0 : Math.floor(at / BALLOT_PAGE);
}

/**
 * A member's ballot: each nomination with their vote and two buttons, a page at a time on a long agenda, then
 * the confirmation.
 */
export function ballotScreen(c: ViewContext, ballot: Ballot, requested = 0): Screen {
  const id = ballot.meeting.id;
  const pages = Math.max(1, Math.ceil(ballot.agenda.length / BALLOT_PAGE));
  const page = Math.min(Math.max(0, requested), pages - 1);
  const keyboard = new InlineKeyboard();
  const lines = [c.t("cm-ballot-title", { id: String(id) }), ""];
  for (const [index, item] of ballot.agenda.entries()) {
    if (Math.floor(index / BALLOT_PAGE) !== page) continue;
    const vote = ballot.votes.get(item.id);
    lines.push(
      `${voteMark(vote)} ${index + 1}. ${nomineeLabel(c.t, item)} — ${escapeHtml(formShort(c.campaign, item.form_id, c.language))}`,
    );
    keyboard
      .text(`${vote === "agree" ? "✅ " : ""}${index + 1}. 👍 ${c.t("cm-agree")}`, `cm:v:${id}:${item.id}:a`)
      .text(
        `${vote === "disagree" ? "✅ " : ""}${index + 1}. 👎 ${c.t("cm-disagree")}`,
        `cm:v:${id}:${item.id}:d`,
      )
      .row();
  }
  if (pages > 1) {
    if (page > 0) keyboard.text("◀", `cm:b:${id}:${page - 1}`);
    keyboard.text(c.t("page-of", { page: page + 1, pages }), `cm:b:${id}:${page}`);
    if (page < pages - 1) keyboard.text("▶", `cm:b:${id}:${page + 1}`);
    keyboard.row();
  }
  const missing = ballot.agenda.filter((item) => !ballot.votes.has(item.id)).length;
  lines.push(
    "",
    ballot.sent
      ? c.t("cm-ballot-sent")
      : missing > 0
        ? c.t("cm-ballot-missing", { count: missing })
        : c.t("cm-ballot-ready"),
  );
  if (!ballot.sent) keyboard.text(c.t("cm-confirm-button"), `cm:ok:${id}`);
  return { text: lines.join("\n"), keyboard };
}

function nomineeOf(c: ViewContext, counted: Pick<Counted, "agenda">, nominationId: number): string {
  const item = counted.agenda.find((a) => a.id === nominationId);
  return item ? `${nomineeLabel(c.t, item)} (${escapeHtml(item.unit_code)})` : String(nominationId);
}

/** A name for a button: plain text, no HTML. */
function buttonName(counted: Pick<Counted, "agenda">, nominationId: number): string {
  const item = counted.agenda.find((a) => a.id === nominationId);
  return item ? `${item.nominee_name} (${item.unit_code})`.slice(0, 60) : String(nominationId);
}

/** The running count, for the chair: the ballots sent, and each nomination's votes among them. */
export function countScreen(c: ViewContext, counted: Counted): Screen {
  const lines = [
    c.t("cm-count-title", { id: String(counted.meeting.id) }),
    c.t("cm-count-ballots", {
      sent: counted.present.length,
      members: counted.members.length,
      needed: counted.tally.needed,
    }),
    "",
  ];
  for (const [index, n] of counted.tally.nominations.entries())
    lines.push(
      c.t("cm-count-line", {
        n: index + 1,
        nominee: nomineeOf(c, counted, n.nominationId),
        agree: n.agree,
        disagree: n.disagree,
      }),
    );
  const keyboard = new InlineKeyboard()
    .text(c.t("cm-refresh-button"), "cm:count")
    .text(c.t("cm-close-button"), "cm:close");
  return { text: lines.join("\n").slice(0, MESSAGE_LIMIT), keyboard };
}

/** A tie at a quota's boundary, for the chair: the tied with their votes, each a button to choose. */
export function tieScreen(
  c: ViewContext,
  meetingId: number,
  tie: Tie,
  counted: Pick<Counted, "agenda">,
  chosen: readonly number[],
): Screen {
  const fi = formIndex(c.campaign, tie.formId);
  const kind = tie.nomineeKind === "individual" ? "p" : "u";
  const lines = [
    c.t("cm-tie-title", {
      form: escapeHtml(formName(c.campaign, tie.formId, c.language)),
      kind: tie.nomineeKind,
      agree: tie.agree,
      slots: tie.slots,
      count: tie.candidates.length,
    }),
  ];
  const keyboard = new InlineKeyboard();
  for (const id of tie.candidates) {
    const picked = chosen.includes(id);
    lines.push(`${picked ? "☑️" : "▫️"} ${nomineeOf(c, counted, id)}`);
    if (!picked)
      keyboard
        .text(buttonName(counted, id), `cm:t:${meetingId}:${fi}:${kind}:${[...chosen, id].join(".")}`)
        .row();
  }
  if (chosen.length > 0) lines.push("", c.t("cm-tie-picked", { count: chosen.length, slots: tie.slots }));
  return { text: lines.join("\n"), keyboard };
}

function outcomeWord(c: ViewContext, item: MinutesItem): string {
  if (item.outcome === "passed") return c.t(item.chosenByChair ? "cm-outcome-chosen" : "cm-outcome-passed");
  return c.t(item.overQuota ? "cm-outcome-over-quota" : "cm-outcome-not-passed");
}

/** A nomination's line of the result: its votes, its rank, its outcome. */
function resultLine(c: ViewContext, item: MinutesItem): string {
  return c.t("cm-result-line", {
    nominee:
      item.nomineeKind === "collective"
        ? c.t("nm-collective-label", { name: escapeHtml(item.nominee) })
        : escapeHtml(item.nominee),
    unit: escapeHtml(item.unitCode),
    agree: item.agree,
    disagree: item.disagree,
    blank: item.blank > 0 ? c.t("cm-blank", { blank: item.blank }) : "",
    rank: item.rank === null ? "" : c.t("cm-rank", { rank: item.rank }),
    outcome: outcomeWord(c, item),
  });
}

/** The result by form and kind, ranked, with who did not vote. */
export function resultLines(c: ViewContext, minutes: Minutes): string[] {
  const lines: string[] = [];
  for (const group of minutes.groups) {
    const items = minutes.items.filter(
      (i) => i.formId === group.formId && i.nomineeKind === group.nomineeKind,
    );
    // Most votes first; of equal votes, the one the chair chose first.
    const passedFirst = (i: MinutesItem) => (i.outcome === "passed" ? 0 : 1);
    const ranked = [
      ...group.ranking
        .flatMap((id) => items.filter((i) => i.nominationId === id))
        .sort((x, y) => y.agree - x.agree || passedFirst(x) - passedFirst(y)),
      ...items.filter((i) => !group.ranking.includes(i.nominationId)),
    ];
    lines.push(
      "",
      c.t("cm-result-group", {
        form: escapeHtml(formName(c.campaign, group.formId, c.language)),
        kind: group.nomineeKind,
        slots: group.slotsLeft === null ? "none" : String(group.slotsLeft),
      }),
    );
    for (const item of ranked) lines.push(resultLine(c, item));
  }
  for (const broken of minutes.tieBreaks)
    lines.push(
      "",
      c.t("cm-result-tie-break", {
        form: escapeHtml(formShort(c.campaign, broken.formId, c.language)),
        chosen: broken.chosen
          .map((id) => escapeHtml(minutes.items.find((i) => i.nominationId === id)?.nominee ?? String(id)))
          .join(", "),
        by: escapeHtml(broken.by ?? "—"),
        reason: escapeHtml(broken.reason),
      }),
    );
  const absent = minutes.members.filter((m) => !m.present);
  lines.push(
    "",
    absent.length === 0
      ? c.t("cm-result-all-voted")
      : c.t("cm-result-absent", { names: absent.map((m) => escapeHtml(m.name ?? String(m.id))).join(", ") }),
  );
  for (const left of minutes.leftAgenda)
    lines.push(c.t("cm-result-left-agenda", { nominee: escapeHtml(left.nominee) }));
  return lines;
}

export function resultHeader(c: ViewContext, minutes: Minutes): string {
  const present = minutes.members.filter((m) => m.present).length;
  return [
    c.t("cm-result-title", { id: String(minutes.meetingId), year: String(minutes.year) }),
    c.t("cm-result-attendance", {
      present,
      members: minutes.members.length,
      needed: minutes.needed,
      base: minutes.base,
    }),
  ].join("\n");
}

/** The minutes: the result, then who attended, and every member's vote on each nomination. */
export function minutesPages(c: ViewContext, minutes: Minutes): string[] {
  const tz = c.campaign.timeZone;
  const name = (id: number) => escapeHtml(minutes.members.find((m) => m.id === id)?.name ?? String(id));
  const header = [
    c.t("cm-minutes-title", { id: String(minutes.meetingId), year: String(minutes.year) }),
    c.t("cm-minutes-times", {
      opened: formatLocalDateTime(new Date(minutes.openedAt), tz),
      openedBy: escapeHtml(minutes.openedBy ?? c.t("nm-by-office")),
      closed: formatLocalDateTime(new Date(minutes.closedAt), tz),
      closedBy: escapeHtml(minutes.closedBy ?? c.t("nm-by-office")),
    }),
    c.t("cm-minutes-present", {
      names:
        minutes.members
          .filter((m) => m.present)
          .map((m) => name(m.id))
          .join(", ") || "—",
    }),
  ].join("\n");
  const votes = minutes.items.map((item) => {
    // In the Council's order (the chair, the secretary, then by name), as the attendance.
    const of = (vote: "agree" | "disagree") =>
      minutes.members
        .filter((m) =>
          minutes.votes.some(
            (v) => v.nominationId === item.nominationId && v.memberId === m.id && v.vote === vote,
          ),
        )
        .map((m) => name(m.id))
        .join(", ") || "—";
    return c.t("cm-minutes-votes", {
      nominee: escapeHtml(item.nominee),
      agree: of("agree"),
      disagree: of("disagree"),
    });
  });
  return paginate(
    header,
    [...resultLines(c, minutes), "", c.t("cm-minutes-votes-title"), ...votes],
    "",
    PAGE_LIMIT,
  );
}

/** What a head or a nominee is told: the outcome of each of their nominations. */
export function outcomeNotice(c: ViewContext, minutes: Minutes, items: readonly MinutesItem[]): string {
  const lines = [c.t("cm-notice-title", { year: String(minutes.year) })];
  for (const item of items)
    lines.push(
      c.t("cm-notice-line", {
        nominee:
          item.nomineeKind === "collective"
            ? c.t("nm-collective-label", { name: escapeHtml(item.nominee) })
            : escapeHtml(item.nominee),
        form: escapeHtml(formName(c.campaign, item.formId, c.language)),
        outcome: outcomeWord(c, item),
      }),
    );
  return lines.join("\n").slice(0, MESSAGE_LIMIT - 100);
}
