import { Composer, InlineKeyboard } from "grammy";
import { deleteAwardDraft } from "../../db/award-drafts.js";
import { findNomination, listNominations, type NominationWithUnit } from "../../db/nominations.js";
import { latestRecords } from "../../db/route-records.js";
import type { BotContext } from "../context.js";
import type { AppDeps } from "../deps.js";
import { isBeforeCouncil } from "../domain/council-role.js";
import { nameMatches, searchKey } from "../domain/names.js";
import type { NominationStatus } from "../domain/nominations.js";
import { findMove, routeOf, stepOf } from "../domain/routes.js";
import { formatLocalDateTime } from "../domain/time.js";
import { canSeeNomination, scopeOfActor } from "../domain/visibility.js";
import { escapeHtml, shortenArgument } from "../html.js";
import { localised } from "../i18n.js";
import { latestRoundOr } from "../nominations/access.js";
import { awardStaleText } from "../nominations/award-view.js";
import { cardScreen, transitionProblemText } from "../nominations/card.js";
import { noticeOfMove, sendSoon } from "../nominations/notices.js";
import { decisionText, formName, formShort, nomineeLabel, statusWord } from "../nominations/render.js";
import { moveOn, recordAward, undoableMove } from "../nominations/review.js";
import { recordText, routeStepHtml } from "../nominations/route-records.js";
import { answerOnce, notify, refuse, showPage, showScreen } from "../paged-view.js";
import type { ReminderOutbox } from "../reminders/sender.js";
import { viewContext } from "../screen.js";
import { askFor } from "./ask.js";
import { beginRecord } from "./record.js";

const PER_PAGE = 10;
/** Callback data is at most 64 bytes: a filter typed after the command is cut to fit in the page buttons. */
const CALLBACK_BYTES = 64;

function fitBytes(prefix: string, text: string): string {
  // By code points, so that no character (an emoji) is cut in half.
  const kept = [...text];
  while (Buffer.byteLength(prefix + kept.join(""), "utf8") > CALLBACK_BYTES) kept.pop();
  return prefix + kept.join("");
}
/**
 * /nominations [number | form | name]: the Office sees every nomination, a head their unit's, an employee their own;
 * each can be opened, and on an opened one the Office moves it on with buttons.
 */
export function nominationsFeature(deps: AppDeps, outbox: ReminderOutbox): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  /**
   * What was typed after the command: a nomination's number ("#3" or "3") opens it; a form by its code ("gk"),
   * its id, or whole words of its name such as "giấy khen"; anything else is a name. Whole words only, so that a
   * given name like "Thu" is not taken for "Thủ tướng".
   */
  function parseFilter(text: string): { formIds: string[]; query: string } {
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

  async function list(ctx: BotContext, filterText: string, page: number) {
    const scope = scopeOfActor(ctx.actor);
    if (scope.kind === "none") return notify(ctx, ctx.t("nl-guest"));
    const round = await latestRoundOr(deps);
    if (!round.ok) return refuse(ctx, round);
    const filter = parseFilter(filterText);
    const all = await listNominations(deps.db, round.round.year);
    const beforeCouncil = (n: NominationWithUnit) => {
      const route = scope.kind === "council" ? routeOf(deps.campaign, n.form_id) : undefined;
      return route !== undefined && isBeforeCouncil(route, n.status);
    };
    const shown = all.filter(
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
          nameMatches(n.unit_name, filter.query)),
    );
    const c = viewContext(deps, ctx);
    // Where each stands on its form's route, with the last Tờ trình or decision it was moved with.
    const records = await latestRecords(deps.db, round.round.year);
    const recordOf = (n: NominationWithUnit) => {
      const record = records.get(n.id);
      if (record) return ` · ${recordText(c, record)}`;
      return n.decision_number ? ` · ${escapeHtml(n.decision_number)}` : "";
    };
    const lineOf = (n: NominationWithUnit) =>
      `#${n.id} ${nomineeLabel(c.t, n)}${n.eligible ? "" : " ⚠️"} (<code>${escapeHtml(n.unit_code)}</code>) · ${escapeHtml(formShort(deps.campaign, n.form_id, c.language))} · ${routeStepHtml(c, n.form_id, n.status)}${recordOf(n)}`;
    const lines = shown.map(lineOf);
    const filterLabel = filter.formIds.length
      ? filter.formIds
          .map((id) =>
            localised(deps.campaign.awardForms.find((f) => f.id === id)?.name ?? { vi: id }, c.language),
          )
          .join(", ")
      : shortenArgument(filter.query);
    await showPage(
      ctx,
      {
        header: ctx.t(
          scope.kind === "all"
            ? "nl-header"
            : scope.kind === "council"
              ? "cn-nl-header"
              : scope.kind === "unit"
                ? "nl-header-unit"
                : "nl-header-own",
          {
            year: String(round.round.year),
            count: shown.length,
            filter: filterLabel ? ` · ${escapeHtml(filterLabel)}` : "",
          },
        ),
        lines: lines.length > 0 ? lines : [ctx.t("nl-none")],
        footer: lines.length > 0 ? ctx.t("nl-footer") : "",
        linesPerPage: PER_PAGE,
        pageData: (n) => fitBytes(`pg:nl:${n}:`, filterText.trim()),
        buttons: (index) => {
          const keyboard = new InlineKeyboard();
          shown.slice(index * PER_PAGE, (index + 1) * PER_PAGE).forEach((n, i) => {
            keyboard.text(`#${n.id} ${n.nominee_name}`.slice(0, 40), `no:${n.id}`);
            if (i % 2 === 1) keyboard.row();
          });
          return keyboard;
        },
      },
      page,
    );
  }

  feature.command("nominations", async (ctx) => {
    const number = /^#?\s*(\d{1,9})$/.exec(ctx.match.trim());
    if (!number) return list(ctx, ctx.match, 0);
    // The card checks who may see it, as a press on the list's button does.
    if (scopeOfActor(ctx.actor).kind === "none") return notify(ctx, ctx.t("nl-guest"));
    await showScreen(ctx, await cardScreen(deps, viewContext(deps, ctx), ctx.actor, Number(number[1])));
  });
  feature.callbackQuery(/^pg:nl:(\d+):(.*)$/, (ctx) => list(ctx, ctx.match[2] ?? "", Number(ctx.match[1])));

  feature.callbackQuery(/^no:(\d+)$/, async (ctx) => {
    await showScreen(ctx, await cardScreen(deps, viewContext(deps, ctx), ctx.actor, Number(ctx.match[1])));
  });

  feature.callbackQuery(/^nt:(\d+):([a-z_]+)$/, async (ctx) => {
    if (ctx.actor?.role !== "office") return notify(ctx, ctx.t("office-only"));
    const id = Number(ctx.match[1]);
    const to = ctx.match[2] as NominationStatus;
    const c = viewContext(deps, ctx);
    const nomination = await findNomination(deps.db, id);
    const route = nomination && routeOf(deps.campaign, nomination.form_id);
    if (!nomination || !route) return notify(ctx, ctx.t("nm-stale-button"));
    const move = findMove(route, nomination.status, to, "office");
    // Already there: moveOn below tells a move this very update made before a crash (its notices still owed)
    // from someone else's, which only shows the card.
    const alreadyThere = !move && nomination.status === to;
    if (!move && !alreadyThere)
      return notify(
        ctx,
        stepOf(deps.campaign, to)?.kind === "decision"
          ? await awardStaleText(deps, c, nomination)
          : ctx.t("nm-move-not-allowed"),
      );
    if (move?.kind === "decide") {
      return askFor(
        ctx,
        { kind: "award", nominationId: id, step: "number" },
        ctx.t("aw-ask-number", {
          nominee: nomineeLabel(c.t, nomination),
          form: escapeHtml(formName(deps.campaign, nomination.form_id, c.language)),
        }),
      );
    }
    // A Tờ trình is recorded as /record records it, for this one nomination.
    if (move?.kind === "propose") {
      const task = { from: move.from, to: move.to, kind: "propose" as const };
      return beginRecord(deps, ctx, { formId: nomination.form_id, route, task }, id);
    }
    // Asked only while the move is still possible (checked above): no reason typed in vain.
    if (move?.needsReason) {
      return askFor(
        ctx,
        { kind: "move", nominationId: id, to },
        ctx.t(`nm-ask-reason-${to}`, { nominee: escapeHtml(nomination.nominee_name) }),
      );
    }
    const outcome = await moveOn(deps, ctx.actor, {
      nominationId: id,
      to,
      reason: null,
      updateId: ctx.update.update_id,
    });
    if (!outcome.ok && alreadyThere) return showScreen(ctx, await cardScreen(deps, c, ctx.actor, id));
    if (!outcome.ok && "problem" in outcome)
      return notify(ctx, transitionProblemText(c, outcome.problem, outcome.nomination.form_id));
    if (!outcome.ok) return refuse(ctx, outcome);
    await noticeOfMove(
      deps,
      outcome.nomination,
      { historyId: outcome.historyId, to, reason: null },
      ctx.actor?.telegramId ?? 0,
    );
    sendSoon(outbox, ctx.api);
    await answerOnce(ctx, { text: ctx.t("nm-moved-toast", { status: statusWord(c, to) }) });
    await showScreen(ctx, await cardScreen(deps, c, ctx.actor, id));
  });

  feature.callbackQuery(/^aw:(ok|no):(\d+)$/, async (ctx) => {
    if (ctx.actor?.role !== "office") return notify(ctx, ctx.t("office-only"));
    const id = Number(ctx.match[2]);
    const c = viewContext(deps, ctx);
    if (ctx.match[1] === "no") {
      await deleteAwardDraft(deps.db, { nominationId: id, officeId: ctx.actor.telegramId });
      await answerOnce(ctx, { text: ctx.t("aw-dropped") });
      return showScreen(ctx, await cardScreen(deps, c, ctx.actor, id));
    }
    const outcome = await recordAward(deps, ctx.actor, id, ctx.update.update_id);
    if (!outcome.ok && "problem" in outcome)
      return notify(ctx, transitionProblemText(c, outcome.problem, outcome.nomination.form_id));
    if (!outcome.ok && outcome.key === "nm-already-awarded")
      return notify(
        ctx,
        ctx.t("nm-already-awarded", {
          by: escapeHtml(outcome.by ?? ctx.t("nm-by-office")),
          at: formatLocalDateTime(new Date(outcome.at), deps.campaign.timeZone),
          decision: outcome.decision ? decisionText(c.t, outcome.decision) : "—",
        }),
      );
    if (!outcome.ok) return refuse(ctx, outcome);
    await noticeOfMove(
      deps,
      outcome.nomination,
      {
        historyId: outcome.historyId,
        to: outcome.nomination.status,
        reason: null,
        decision: outcome.decision,
      },
      ctx.actor.telegramId,
    );
    sendSoon(outbox, ctx.api);
    await answerOnce(ctx, { text: ctx.t("aw-recorded-toast") });
    await showScreen(ctx, await cardScreen(deps, c, ctx.actor, id));
  });

  feature.callbackQuery(/^nu:(\d+):(\d+)$/, async (ctx) => {
    if (ctx.actor?.role !== "office") return notify(ctx, ctx.t("office-only"));
    const id = Number(ctx.match[1]);
    const historyId = Number(ctx.match[2]);
    const last = await undoableMove(deps, id);
    if (!last || last.id !== historyId) return notify(ctx, ctx.t("nm-undo-stale"));
    const nomination = await findNomination(deps.db, id);
    return askFor(
      ctx,
      { kind: "undo", nominationId: id, historyId },
      ctx.t("nm-ask-reason-undo", {
        nominee: escapeHtml(nomination?.nominee_name ?? ""),
        status: statusWord(viewContext(deps, ctx), last.to_status),
      }),
    );
  });
  return feature;
}
