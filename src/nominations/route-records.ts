import { InlineKeyboard } from "grammy";
import { applyMove, findNomination, listNominations, type NominationWithUnit } from "../../db/nominations.js";
import { findOpenRound, findRound } from "../../db/rounds.js";
import {
  deleteRouteDraft,
  findRouteDraft,
  findRouteRecord,
  insertRouteRecord,
  recordMovesOfUpdate,
  startRouteDraft,
  updateRouteDraft,
} from "../../db/route-records.js";
import type { Nomination, RouteDraft, RouteRecord } from "../../db/schema.js";
import type { Campaign } from "../campaign/schema.js";
import type { Actor } from "../context.js";
import type { AppDeps } from "../deps.js";
import { checkDecisionDate, checkDecisionNumber, decisionDateText } from "../domain/decisions.js";
import type { TransitionProblem } from "../domain/nominations.js";
import {
  checkSubmissionNumber,
  type RecordTask,
  recordTasks,
  routeProgress,
  tickedIds,
  toggleTick,
} from "../domain/route-records.js";
import { type FormRoute, routeOf, stepOf } from "../domain/routes.js";
import { toLocal } from "../domain/time.js";
import { escapeHtml } from "../html.js";
import { localised } from "../i18n.js";
import type { Screen, ViewContext } from "../screen.js";
import type { Refusal } from "./access.js";
import { formIndex, formName, formShort, formsInOrder, nomineeLabel, statusWord } from "./render.js";
import { officeMoveProblem } from "./review.js";

type Deps = Pick<AppDeps, "db" | "campaign" | "clock">;

/** A checklist holds at most this many nominations: with its three buttons, far under Telegram's 100. */
export const CHECKLIST_MAX = 80;

/** A record task as a button carries it: the form's index, the step it moves from, the step it moves to. */
export interface TaskRef {
  formId: string;
  route: FormRoute;
  task: RecordTask;
}

/** "rr:s:2:2:3": form 2, from step 2 to step 3 of its route; "d" for the refusal (declined). */
export function taskData(campaign: Campaign, ref: TaskRef): string {
  const fromAt = ref.route.steps.findIndex((step) => step.id === ref.task.from);
  const to =
    ref.task.kind === "decline" ? "d" : String(ref.route.steps.findIndex((s) => s.id === ref.task.to));
  return `rr:s:${formIndex(campaign, ref.formId)}:${fromAt}:${to}`;
}

export function taskOfData(campaign: Campaign, form: string, from: string, to: string): TaskRef | undefined {
  const formId = campaign.awardForms[Number(form)]?.id;
  const route = formId ? routeOf(campaign, formId) : undefined;
  if (!formId || !route) return undefined;
  const fromId = route.steps[Number(from)]?.id;
  const toId = to === "d" ? "declined" : route.steps[Number(to)]?.id;
  const task = recordTasks(route).find((t) => t.from === fromId && t.to === toId);
  return task ? { formId, route, task } : undefined;
}

function taskOfDraft(campaign: Campaign, draft: RouteDraft): TaskRef | undefined {
  const route = routeOf(campaign, draft.form_id);
  const task =
    route && recordTasks(route).find((t) => t.from === draft.from_status && t.to === draft.to_status);
  return route && task ? { formId: draft.form_id, route, task } : undefined;
}

/** Who issues the decision (the form's issuer, else its step's), or where the Tờ trình goes: in the record's words. */
export function partyOf(campaign: Campaign, ref: TaskRef): string | null {
  const step = stepOf(campaign, ref.task.to);
  if (ref.task.kind === "propose") return step?.sentTo?.vi ?? null;
  if (ref.task.kind === "decide") {
    const form = campaign.awardForms.find((f) => f.id === ref.formId);
    return form?.issuer?.vi ?? step?.issuer?.vi ?? null;
  }
  return null;
}

/** The words of what is recorded: the step's button (a Tờ trình, a decision), or the refusal. */
function actionText(c: ViewContext, ref: TaskRef): string {
  if (ref.task.kind === "decline") return c.t("rr-decline-action");
  const action = stepOf(c.campaign, ref.task.to)?.action;
  return action ? localised(action, c.language) : statusWord(c, ref.task.to);
}

/** /record: each record the open round's routes are waiting for, with how many nominations it would cover. */
export async function recordHomeScreen(deps: Deps, c: ViewContext): Promise<Screen> {
  const keyboard = new InlineKeyboard();
  const round = await findOpenRound(deps.db);
  if (!round) return { text: c.t("nm-no-round"), keyboard };
  const all = await listNominations(deps.db, round.year);
  const lines = [c.t("rr-home", { year: String(round.year) }), ""];
  let any = false;
  for (const form of formsInOrder(deps.campaign)) {
    const route = routeOf(deps.campaign, form.id);
    if (!route) continue;
    const tasks = recordTasks(route);
    const counts = tasks.map(
      (task) => all.filter((n) => n.form_id === form.id && n.status === task.from).length,
    );
    if (counts.every((n) => n === 0)) continue;
    lines.push(`<b>${escapeHtml(localised(form.name, c.language))}</b>`);
    tasks.forEach((task, i) => {
      const count = counts[i] ?? 0;
      if (count === 0) return;
      any = true;
      const ref = { formId: form.id, route, task };
      const action = actionText(c, ref);
      lines.push(
        c.t("rr-home-line", {
          action: escapeHtml(action),
          count,
          from: escapeHtml(statusWord(c, task.from)),
        }),
      );
      keyboard
        .text(
          `${action} · ${formShort(deps.campaign, form.id, c.language)} (${count})`,
          taskData(deps.campaign, ref),
        )
        .row();
    });
  }
  if (!any) return { text: c.t("rr-nothing", { year: String(round.year) }), keyboard };
  lines.push("", c.t("rr-home-help"));
  return { text: lines.join("\n"), keyboard };
}

/**
 * Starts an Office member's record for a task: the checklist holds every nomination of the open round standing
 * at the task's first status (or only `onlyId`, from a nomination's card), all ticked.
 */
export async function startRecord(
  deps: Deps,
  actor: Actor | undefined,
  ref: TaskRef,
  onlyId?: number,
): Promise<{ ok: true } | Refusal> {
  if (actor?.role !== "office") return { ok: false, key: "office-only" };
  const round = await findOpenRound(deps.db);
  if (!round) return { ok: false, key: "nm-no-round" };
  const standing = (await listNominations(deps.db, round.year, { formId: ref.formId })).filter(
    (n) => n.status === ref.task.from && (onlyId === undefined || n.id === onlyId),
  );
  if (standing.length === 0) return { ok: false, key: "rr-nothing-here" };
  await startRouteDraft(
    deps.db,
    {
      officeId: actor.telegramId,
      year: round.year,
      formId: ref.formId,
      from: ref.task.from,
      to: ref.task.to,
      nominationIds: standing.slice(0, CHECKLIST_MAX).map((n) => n.id),
    },
    deps.clock(),
  );
  return { ok: true };
}

interface LoadedDraft {
  draft: RouteDraft;
  ref: TaskRef;
  shown: NominationWithUnit[];
  ticked: number[];
  /** How many stand at the task's first status now: more than shown where the checklist was capped. */
  standing: number;
}

async function loadDraft(deps: Deps, officeId: number): Promise<LoadedDraft | undefined> {
  const draft = await findRouteDraft(deps.db, officeId);
  const ref = draft && taskOfDraft(deps.campaign, draft);
  if (!draft || !ref) return undefined;
  const ids = JSON.parse(draft.nomination_ids) as number[];
  const ofForm = await listNominations(deps.db, draft.round_year, { formId: draft.form_id });
  const byId = new Map(ofForm.map((n) => [n.id, n]));
  const standing = ofForm.filter((n) => n.status === draft.from_status).length;
  const shown = ids.flatMap((id) => {
    const n = byId.get(id);
    return n ? [n] : [];
  });
  return { draft, ref, shown, ticked: tickedIds(ids, JSON.parse(draft.unticked) as number[]), standing };
}

/** Ticks or unticks a nomination of the member's checklist. */
export async function toggleRecordTick(deps: Deps, officeId: number, nominationId: number): Promise<boolean> {
  const draft = await findRouteDraft(deps.db, officeId);
  if (!draft) return false;
  const ids = JSON.parse(draft.nomination_ids) as number[];
  if (!ids.includes(nominationId)) return false;
  const unticked = toggleTick(ids, JSON.parse(draft.unticked) as number[], nominationId);
  await updateRouteDraft(deps.db, officeId, { unticked: JSON.stringify(unticked) }, deps.clock());
  return true;
}

function heading(c: ViewContext, loaded: LoadedDraft): string {
  return c.t("rr-checklist-title", {
    form: escapeHtml(formName(c.campaign, loaded.ref.formId, c.language)),
    action: escapeHtml(actionText(c, loaded.ref)),
    from: escapeHtml(statusWord(c, loaded.ref.task.from)),
  });
}

/** The checklist: every nomination a button to tick or untick, then go on or drop it. */
export async function checklistScreen(deps: Deps, c: ViewContext, officeId: number): Promise<Screen> {
  const keyboard = new InlineKeyboard();
  const loaded = await loadDraft(deps, officeId);
  if (!loaded) return { text: c.t("rr-no-draft"), keyboard };
  const ticked = new Set(loaded.ticked);
  for (const n of loaded.shown)
    keyboard
      .text(
        `${ticked.has(n.id) ? "✅" : "⬜"} #${n.id} ${n.nominee_name} · ${n.unit_code}`.slice(0, 60),
        `rr:t:${n.id}`,
      )
      .row();
  keyboard.text(c.t("rr-go-button", { count: ticked.size }), "rr:go").text(c.t("rr-drop-button"), "rr:x");
  return {
    text: [
      heading(c, loaded),
      c.t("rr-checklist-help", { ticked: ticked.size, total: loaded.shown.length }),
      // A long list is recorded in parts: each checklist holds the first CHECKLIST_MAX.
      ...(loaded.standing > loaded.shown.length
        ? [c.t("rr-checklist-more", { shown: loaded.shown.length, standing: loaded.standing })]
        : []),
    ].join("\n\n"),
    keyboard,
  };
}

/** What the Office is asked next for the ticked list: the record's number, or the refusal's reason; or a refusal. */
export async function firstQuestion(
  deps: Deps,
  c: ViewContext,
  officeId: number,
): Promise<{ ok: true; step: "number" | "reason"; prompt: string } | { ok: false; text: string }> {
  const loaded = await loadDraft(deps, officeId);
  if (!loaded) return { ok: false, text: c.t("rr-no-draft") };
  if (loaded.ticked.length === 0) return { ok: false, text: c.t("rr-none-ticked") };
  const head = heading(c, loaded);
  if (loaded.ref.task.kind === "decline")
    return {
      ok: true,
      step: "reason",
      prompt: `${head}\n\n${c.t("rr-ask-reason", { count: loaded.ticked.length })}`,
    };
  return {
    ok: true,
    step: "number",
    prompt: `${head}\n\n${c.t(`rr-ask-number-${loaded.ref.task.kind}`, { count: loaded.ticked.length })}`,
  };
}

export type RecordAnswer =
  | { kind: "again"; text: string }
  | { kind: "next"; step: "date"; text: string }
  | { kind: "confirm"; screen: Screen }
  | { kind: "gone"; text: string };

export const RECORD_REASON_MIN = 5;
export const RECORD_REASON_MAX = 500;

/** One typed answer of a record (its number, its date, a refusal's reason), checked and kept in the draft. */
export async function answerRecordStep(
  deps: Deps,
  c: ViewContext,
  officeId: number,
  step: "number" | "date" | "reason",
  text: string | undefined,
): Promise<RecordAnswer> {
  const loaded = await loadDraft(deps, officeId);
  if (!loaded) return { kind: "gone", text: c.t("rr-no-draft") };
  if (text === undefined) return { kind: "again", text: c.t(`rr-ask-${step}-again`) };
  const now = deps.clock();
  const kind = loaded.ref.task.kind;
  if (step === "number") {
    const checked = kind === "propose" ? checkSubmissionNumber(text) : checkDecisionNumber(text);
    if (!checked.ok) return { kind: "again", text: c.t(`rr-bad-number-${kind}`) };
    await updateRouteDraft(deps.db, officeId, { number: checked.number }, now);
    return { kind: "next", step: "date", text: c.t(`rr-ask-date-${kind}`) };
  }
  if (step === "date") {
    const checked = checkDecisionDate(text, toLocal(now, deps.campaign.timeZone), loaded.draft.round_year);
    if (!checked.ok)
      return {
        kind: "again",
        text: c.t(`rr-bad-date-${checked.problem}`, { year: String(loaded.draft.round_year) }),
      };
    await updateRouteDraft(deps.db, officeId, { date: checked.date }, now);
  } else {
    const reason = text.trim();
    if (reason.length < RECORD_REASON_MIN || reason.length > RECORD_REASON_MAX)
      return {
        kind: "again",
        text: c.t("rr-bad-reason", { min: RECORD_REASON_MIN, max: RECORD_REASON_MAX }),
      };
    await updateRouteDraft(deps.db, officeId, { reason }, now);
  }
  return { kind: "confirm", screen: await confirmScreen(deps, c, officeId) };
}

/** Room for a list of nominations in one message, beside the record's own lines (Telegram's limit is 4,096). */
const LIST_BUDGET = 3_200;

/** The nominations one a line; where long names would not fit in one message, their numbers only. */
export function fitList(items: ReadonlyArray<{ id: number; line: string }>): string {
  const full = items.map((item) => item.line).join("\n");
  return full.length <= LIST_BUDGET ? full : items.map((item) => `#${item.id}`).join(", ");
}

/** The record whole, with the names it covers, and the buttons to store it or drop it. */
export async function confirmScreen(deps: Deps, c: ViewContext, officeId: number): Promise<Screen> {
  const keyboard = new InlineKeyboard();
  const loaded = await loadDraft(deps, officeId);
  if (!loaded) return { text: c.t("rr-no-draft"), keyboard };
  const ticked = new Set(loaded.ticked);
  const names = fitList(
    loaded.shown
      .filter((n) => ticked.has(n.id))
      .map((n) => ({
        id: n.id,
        line: `• #${n.id} ${nomineeLabel(c.t, n)} (<code>${escapeHtml(n.unit_code)}</code>)`,
      })),
  );
  const { draft, ref } = loaded;
  const record =
    ref.task.kind === "decline"
      ? c.t("rr-confirm-reason", { reason: escapeHtml(draft.reason ?? "") })
      : c.t(`rr-confirm-${ref.task.kind}`, {
          number: escapeHtml(draft.number ?? "—"),
          date: draft.date ? decisionDateText(draft.date) : "—",
          party: escapeHtml(partyOf(c.campaign, ref) ?? "—"),
        });
  keyboard.text(c.t("rr-confirm-button"), "rr:ok").row().text(c.t("rr-drop-button"), "rr:x");
  return {
    text: [heading(c, loaded), record, c.t("rr-confirm-list", { count: ticked.size }), names].join("\n\n"),
    keyboard,
  };
}

/** A nomination moved by a record, as it is told to its people. */
export interface RecordedMove {
  nomination: Nomination;
  historyId: number;
}

export type RecordOutcome =
  | {
      ok: true;
      ref: TaskRef;
      record: RouteRecord | null;
      reason: string | null;
      moved: RecordedMove[];
      again: boolean;
    }
  | { ok: false; problem: TransitionProblem; nomination: Nomination }
  | Refusal;

class Rollback extends Error {
  constructor(readonly outcome: RecordOutcome) {
    super("rollback");
  }
}

/**
 * Stores the member's record and moves every ticked nomination along its route, in one transaction: each move
 * is checked by the route engine (and the form's quota) against where the nomination stands now. If one has
 * moved since the checklist was shown, nothing is stored and the member is told which.
 */
export async function commitRecord(
  deps: Deps,
  actor: Actor | undefined,
  updateId: number,
): Promise<RecordOutcome> {
  if (actor?.role !== "office") return { ok: false, key: "office-only" };
  const officeId = actor.telegramId;
  try {
    return await deps.db.transaction().execute(async (trx): Promise<RecordOutcome> => {
      // The same press handled again after a crash: its record is made, its moves are there.
      const earlier = await recordMovesOfUpdate(trx, officeId, updateId);
      if (earlier.length > 0) return againOutcome(deps, trx, earlier);
      const draft = await findRouteDraft(trx, officeId);
      const ref = draft && taskOfDraft(deps.campaign, draft);
      if (!draft || !ref) return { ok: false, key: "rr-no-draft" };
      const round = await findRound(trx, draft.round_year);
      if (round?.status !== "open") return { ok: false, key: "nm-round-closed" };
      const ids = tickedIds(
        JSON.parse(draft.nomination_ids) as number[],
        JSON.parse(draft.unticked) as number[],
      );
      if (ids.length === 0) return { ok: false, key: "rr-none-ticked" };
      const party = partyOf(deps.campaign, ref);
      const kind = ref.task.kind;
      if (kind === "decline" ? !draft.reason : !draft.number || !draft.date || !party)
        return { ok: false, key: "rr-incomplete" };
      const nominations = await Promise.all(ids.map((id) => findNomination(trx, id)));
      const moved = nominations.filter((n) => n?.status !== ref.task.from);
      if (moved.length > 0) {
        await deleteRouteDraft(trx, officeId);
        return {
          ok: false,
          key: "rr-stale",
          vars: { names: moved.map((n) => escapeHtml(n?.nominee_name ?? "?")).join(", ") },
        };
      }
      const now = deps.clock();
      const recordId =
        kind === "decline"
          ? undefined
          : await insertRouteRecord(
              trx,
              {
                year: draft.round_year,
                formId: ref.formId,
                stepId: ref.task.to,
                kind: kind === "propose" ? "proposal" : "decision",
                number: draft.number ?? "",
                date: draft.date ?? "",
                party: party ?? "",
                nominationIds: ids,
                by: officeId,
                updateId,
              },
              now,
            );
      const done: RecordedMove[] = [];
      for (const nomination of nominations) {
        if (!nomination) continue;
        const problem = await officeMoveProblem(deps, trx, nomination, ref.task.to, draft.reason);
        if (problem === "no-form") throw new Rollback({ ok: false, key: "rr-no-draft" });
        if (problem) throw new Rollback({ ok: false, problem, nomination });
        const historyId = await applyMove(
          trx,
          {
            id: nomination.id,
            from: nomination.status,
            to: ref.task.to,
            by: officeId,
            byRole: "office",
            reason: kind === "decline" ? draft.reason : null,
            updateId,
            ...(kind === "decide"
              ? { decision: { number: draft.number ?? "", date: draft.date ?? "", issuer: party ?? "" } }
              : {}),
            ...(recordId !== undefined ? { recordId } : {}),
          },
          now,
        );
        if (historyId === undefined)
          throw new Rollback({
            ok: false,
            key: "rr-stale",
            vars: { names: escapeHtml(nomination.nominee_name) },
          });
        done.push({ nomination: (await findNomination(trx, nomination.id)) ?? nomination, historyId });
      }
      await deleteRouteDraft(trx, officeId);
      const record = recordId === undefined ? null : ((await findRouteRecord(trx, recordId)) ?? null);
      return {
        ok: true,
        ref,
        record,
        reason: kind === "decline" ? draft.reason : null,
        moved: done,
        again: false,
      };
    });
  } catch (error) {
    if (error instanceof Rollback) return error.outcome;
    throw error;
  }
}

async function againOutcome(
  deps: Deps,
  db: Deps["db"],
  earlier: Awaited<ReturnType<typeof recordMovesOfUpdate>>,
): Promise<RecordOutcome> {
  const moved: RecordedMove[] = [];
  for (const move of earlier) {
    const nomination = await findNomination(db, move.nominationId);
    if (nomination) moved.push({ nomination, historyId: move.historyId });
  }
  const first = moved[0]?.nomination;
  const recordId = earlier[0]?.recordId;
  const record = recordId ? ((await findRouteRecord(db, recordId)) ?? null) : null;
  const route = first && routeOf(deps.campaign, first.form_id);
  const task = route && recordTasks(route).find((t) => t.to === first.status);
  if (!first || !route || !task) return { ok: false, key: "rr-no-draft" };
  return {
    ok: true,
    ref: { formId: first.form_id, route, task },
    record,
    reason: earlier[0]?.reason ?? null,
    moved,
    again: true,
  };
}

/** Where a nomination stands on its route, "3/4 Hội đồng Thi đua - Khen thưởng đã thông qua"; off the route, its status. */
export function routeStepText(c: ViewContext, formId: string, status: string): string {
  const route = routeOf(c.campaign, formId);
  const at = route ? routeProgress(route, status) : null;
  const word = statusWord(c, status);
  return at ? c.t("rr-route-step", { at: at.at, of: at.of, status: word }) : word;
}

/** Where a nomination stands in a list: "3/4 <i>Hội đồng … đã thông qua</i>"; off the route, its status in italics. */
export function routeStepHtml(c: ViewContext, formId: string, status: string): string {
  const route = routeOf(c.campaign, formId);
  const at = route ? routeProgress(route, status) : null;
  const word = `<i>${statusWord(c, status)}</i>`;
  return at ? `${at.at}/${at.of} ${word}` : word;
}

/** A record's number and date, "125/QĐ-STP ngày 15/01/2027" (HTML-escaped). */
export function recordText(c: ViewContext, record: Pick<RouteRecord, "number" | "date">): string {
  return c.t("rr-record-line", { number: escapeHtml(record.number), date: decisionDateText(record.date) });
}

/** A Tờ trình on a nomination's card: its number, date and where it went. */
export function proposalText(c: ViewContext, record: Pick<RouteRecord, "number" | "date" | "party">): string {
  return c.t("rr-card-proposal", {
    number: escapeHtml(record.number),
    date: decisionDateText(record.date),
    party: escapeHtml(record.party),
  });
}

/**
 * /status: for each form, how many nominations stand at each step of its route past the unit's sending (the
 * Office's review, the Council, the Tờ trình, the decision), and how many left it.
 */
export function routeSummaryLines(
  c: ViewContext,
  nominations: ReadonlyArray<Pick<Nomination, "form_id" | "status">>,
): string[] {
  const lines: string[] = [];
  for (const form of formsInOrder(c.campaign)) {
    const route = routeOf(c.campaign, form.id);
    if (!route) continue;
    const ofForm = nominations.filter((n) => n.form_id === form.id);
    const statuses = [...route.steps.map((step) => step.id), "not_passed", "declined", "rejected"];
    const parts = statuses.flatMap((status) => {
      const count = ofForm.filter((n) => n.status === status).length;
      return count > 0 ? [`${count} · ${routeStepText(c, form.id, status)}`] : [];
    });
    if (parts.length > 0)
      lines.push(`<b>${escapeHtml(formShort(c.campaign, form.id, c.language))}</b>: ${parts.join("; ")}`);
  }
  return lines.length > 0 ? [c.t("rr-status-routes"), ...lines] : [];
}
