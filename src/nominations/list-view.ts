import { InlineKeyboard } from "grammy";
import type { InlineKeyboardButton } from "grammy/types";
import { listNominations, type NominationWithUnit } from "../../db/nominations.js";
import { latestRecords } from "../../db/route-records.js";
import type { BotContext } from "../context.js";
import type { AppDeps } from "../deps.js";
import { isBeforeCouncil } from "../domain/council-role.js";
import { nameMatches, searchKey } from "../domain/names.js";
import type { NominationStatus } from "../domain/nominations.js";
import { bulkTargets, routeOf } from "../domain/routes.js";
import { canSeeNomination, scopeOfActor } from "../domain/visibility.js";
import { escapeHtml, shortenArgument } from "../html.js";
import { localised } from "../i18n.js";
import type { PagedView } from "../paged-view.js";
import type { ViewContext } from "../screen.js";
import { latestRoundOr, type Refusal } from "./access.js";
import { type ListState, listData, statusCode } from "./list-state.js";
import { formShort, moveButtonText, nomineeLabel, statusWord } from "./render.js";
import { recordText, routeStepHtml } from "./route-records.js";

const PER_PAGE = 10;
/** A list of one step shows more a page: each line is a tick, and a bulk move takes the ticks of one page. */
const STEP_PER_PAGE = 20;
export const TICKED = "☑️";
export const UNTICKED = "☐";

type Deps = Pick<AppDeps, "db" | "campaign" | "clock">;

/**
 * What was typed after the command: a form by its code ("gk"), its id, or whole words of its name such as
 * "giấy khen"; anything else is a name (of a nominee or a unit). Whole words only, so that a given name like
 * "Thu" is not taken for "Thủ tướng".
 */
function parseFilter(deps: Deps, text: string): { formIds: string[]; query: string } {
  const wanted = text.trim();
  if (!wanted) return { formIds: [], query: "" };
  const key = searchKey(wanted);
  const words = key.split(" ");
  const forms = deps.campaign.awardForms.filter(
    (form) =>
      form.code === key ||
      searchKey(form.id) === key ||
      [form.name.vi, form.name.en, form.short?.vi, form.short?.en].some((name) => {
        if (name === undefined) return false;
        const nameWords = searchKey(name).split(" ");
        return words.length >= 2 && words.every((word) => nameWords.includes(word));
      }),
  );
  return forms.length > 0 ? { formIds: forms.map((f) => f.id), query: "" } : { formIds: [], query: wanted };
}

export interface NominationList {
  ok: true;
  year: number;
  /** What the reader may see that matches the filter (and the step, for a list of one step), in list order. */
  shown: NominationWithUnit[];
  /** The same without the step: the list "▶ Tiếp" and the step buttons count in. */
  filtered: NominationWithUnit[];
  filterLabel: string;
}

/** The nominations a list shows its reader, or why it shows none. */
export async function loadNominationList(
  deps: Deps,
  ctx: BotContext,
  state: ListState,
): Promise<NominationList | Refusal> {
  const scope = scopeOfActor(ctx.actor);
  if (scope.kind === "none") return { ok: false, key: "nl-guest" };
  const round = await latestRoundOr(deps);
  if (!round.ok) return round;
  const filter = parseFilter(deps, state.filter);
  const all = await listNominations(deps.db, round.round.year);
  const beforeCouncil = (n: NominationWithUnit) => {
    const route = scope.kind === "council" ? routeOf(deps.campaign, n.form_id) : undefined;
    return route !== undefined && isBeforeCouncil(route, n.status);
  };
  const filtered = all.filter(
    (n) =>
      canSeeNomination(scope, {
        unitId: n.unit_id,
        nomineeKind: n.nominee_kind,
        nomineeId: n.nominee_id,
        beforeCouncil: beforeCouncil(n),
      }) &&
      (filter.formIds.length === 0 || filter.formIds.includes(n.form_id)) &&
      (filter.query === "" ||
        nameMatches(n.nominee_name, filter.query) ||
        nameMatches(n.unit_name, filter.query) ||
        searchKey(n.unit_code) === searchKey(filter.query)),
  );
  // A list of one step is the Office's, to move many at once.
  const shown =
    state.status === undefined || ctx.actor?.role !== "office"
      ? filtered
      : filtered.filter((n) => n.status === state.status);
  const filterLabel = filter.formIds.length
    ? filter.formIds
        .map((id) =>
          localised(
            deps.campaign.awardForms.find((f) => f.id === id)?.name ?? { vi: id },
            ctx.actor?.language ?? "vi",
          ),
        )
        .join(", ")
    : shortenArgument(filter.query);
  return { ok: true, year: round.round.year, shown, filtered, filterLabel };
}

/** Each step the Office can move many nominations on from, with how many of `list` stand there. */
export function bulkSteps(
  deps: Deps,
  nominations: readonly NominationWithUnit[],
): Array<{ status: NominationStatus; count: number }> {
  const counts = new Map<NominationStatus, number>();
  for (const n of nominations) {
    const route = routeOf(deps.campaign, n.form_id);
    if (route && bulkTargets(route, n.status).length > 0)
      counts.set(n.status, (counts.get(n.status) ?? 0) + 1);
  }
  // In the order of the campaign's statuses, so the buttons read along the route.
  return [...counts]
    .map(([status, count]) => ({ status, count }))
    .sort(
      (a, b) => Number(statusCode(deps.campaign, a.status)) - Number(statusCode(deps.campaign, b.status)),
    );
}

/** The steps a bulk move from a list of one step can take its ticked nominations to. */
export function bulkTargetsOf(deps: Deps, nominations: readonly NominationWithUnit[]): NominationStatus[] {
  const targets = new Set<NominationStatus>();
  for (const n of nominations) {
    const route = routeOf(deps.campaign, n.form_id);
    for (const to of route ? bulkTargets(route, n.status) : []) targets.add(to);
  }
  return [...targets];
}

/** A bulk move's button: the move's words and how many are ticked. */
export function bulkMoveLabel(c: ViewContext, to: NominationStatus, ticked: number): string {
  return `${moveButtonText(c, to)} (${ticked})`;
}

/** The nomination ids ticked in a list's keyboard (the message is where the ticks are kept). */
export function tickedIds(keyboard: readonly InlineKeyboardButton[][] | undefined): number[] {
  return (keyboard ?? []).flat().flatMap((button) => {
    const data = "callback_data" in button ? button.callback_data : undefined;
    const id = data ? /^nk:(\d+)$/.exec(data)?.[1] : undefined;
    return id && button.text.startsWith(TICKED) ? [Number(id)] : [];
  });
}

/** The list as pages: each nomination's line, and its buttons (a tick and "›" in a list of one step). */
export async function nominationListView(
  deps: Deps,
  c: ViewContext,
  ctx: BotContext,
  state: ListState,
  list: NominationList,
): Promise<PagedView> {
  const scope = scopeOfActor(ctx.actor);
  const office = ctx.actor?.role === "office";
  const oneStep = state.status !== undefined && office;
  // Where each stands on its form's route, with the last Tờ trình or decision it was moved with.
  const records = await latestRecords(deps.db, list.year);
  const recordOf = (n: NominationWithUnit) => {
    const record = records.get(n.id);
    if (record) return ` · ${recordText(c, record)}`;
    return n.decision_number ? ` · ${escapeHtml(n.decision_number)}` : "";
  };
  const lineOf = (n: NominationWithUnit) =>
    `#${n.id} ${nomineeLabel(c.t, n)}${n.eligible ? "" : " ⚠️"} (<code>${escapeHtml(n.unit_code)}</code>) · ${escapeHtml(formShort(deps.campaign, n.form_id, c.language))} · ${routeStepHtml(c, n.form_id, n.status)}${recordOf(n)}`;
  const lines = list.shown.map(lineOf);
  const perPage = oneStep ? STEP_PER_PAGE : PER_PAGE;
  const filter = list.filterLabel ? ` · ${escapeHtml(list.filterLabel)}` : "";
  const header = oneStep
    ? ctx.t("nl-header-step", {
        year: String(list.year),
        status: statusWord(c, state.status ?? ""),
        count: list.shown.length,
        filter,
      })
    : ctx.t(
        scope.kind === "all"
          ? "nl-header"
          : scope.kind === "council"
            ? "cn-nl-header"
            : scope.kind === "unit"
              ? "nl-header-unit"
              : "nl-header-own",
        { year: String(list.year), count: list.shown.length, filter },
      );
  const at = (page: number): ListState => ({ ...state, page, tickAll: false });
  return {
    header,
    lines: lines.length > 0 ? lines : [ctx.t(oneStep ? "nl-step-none" : "nl-none")],
    footer: lines.length === 0 ? "" : ctx.t(oneStep ? "nl-step-footer" : "nl-footer"),
    linesPerPage: perPage,
    pageData: (page) => listData(deps.campaign, "pg:", at(page)),
    buttons: (index) => {
      const keyboard = new InlineKeyboard();
      const page = list.shown.slice(index * perPage, (index + 1) * perPage);
      if (!oneStep) {
        page.forEach((n, i) => {
          keyboard.text(
            `#${n.id} ${n.nominee_name}`.slice(0, 40),
            listData(deps.campaign, `no:${n.id}:`, at(index)),
          );
          if (i % 2 === 1) keyboard.row();
        });
        if (office) {
          keyboard.row();
          for (const step of bulkSteps(deps, list.filtered))
            keyboard
              .text(
                ctx.t("nl-step-button", { status: statusWord(c, step.status), count: step.count }),
                listData(deps.campaign, "pg:", { page: 0, status: step.status, filter: state.filter }),
              )
              .row();
        }
        return keyboard;
      }
      const ticked = state.tickAll ? page.length : 0;
      for (const n of page)
        keyboard
          .text(`${state.tickAll ? TICKED : UNTICKED} #${n.id} ${n.nominee_name}`.slice(0, 44), `nk:${n.id}`)
          .text("›", listData(deps.campaign, `no:${n.id}:`, at(index)))
          .row();
      if (page.length > 0)
        keyboard.text(ctx.t("nl-tick-all"), "nk:all").text(ctx.t("nl-tick-none"), "nk:none").row();
      for (const to of bulkTargetsOf(deps, page))
        keyboard
          .text(
            bulkMoveLabel(c, to, ticked),
            listData(deps.campaign, `nb:${statusCode(deps.campaign, to)}:`, at(index)),
          )
          .row();
      keyboard.text(ctx.t("nl-all-steps"), listData(deps.campaign, "pg:", { page: 0, filter: state.filter }));
      return keyboard;
    },
  };
}
