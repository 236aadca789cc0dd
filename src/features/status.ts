import { Composer, InlineKeyboard, InputFile } from "grammy";
import { teamStatus } from "../../db/assessments.js";
import { listNominations } from "../../db/nominations.js";
import { latestRecords } from "../../db/route-records.js";
import type { RouteRecord } from "../../db/schema.js";
import { findUnitByCode, findUnitById } from "../../db/units.js";
import { teamLines } from "../assessment/team-view.js";
import type { BotContext } from "../context.js";
import type { AppDeps } from "../deps.js";
import { draftLetterData } from "../documents/buttons.js";
import { MOVEMENT_REPORT_MENU } from "../documents/movement-report.js";
import { echoArgument, escapeHtml, HTML } from "../html.js";
import { officeOnly } from "../middleware/actor.js";
import { latestRoundOr } from "../nominations/access.js";
import { listData } from "../nominations/list-state.js";
import { nomineeLabel } from "../nominations/render.js";
import { recordText, routeStepHtml, routeSummaryLines } from "../nominations/route-records.js";
import { buildNominationsCsv, withWorkbookFile } from "../office/export.js";
import { roundStatuses, roundSummaries } from "../office/round-status.js";
import { showSentDossiers } from "../office/sent-dossiers.js";
import {
  PENDING_NAMES_MAX,
  pendingLines,
  quotaLines,
  statusLines,
  unitDetailLines,
} from "../office/status-view.js";
import { notify, refuse, showPage } from "../paged-view.js";
import { replyPaged } from "../paging.js";
import { viewContext } from "../screen.js";
import { movementReportFeature } from "./movement-report.js";

const UNITS_PER_PAGE = 8;

const peopleData = (unitId: number, page: number) => `st:pp:${unitId}:${page}`;

/**
 * The Office's view of the round: /status (every unit, or one with names), /pending (only what is missing),
 * /quota and /export. A unit head may ask /status for their own unit; nobody else sees a unit's data.
 */
export function statusFeature(deps: AppDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.use(movementReportFeature(deps));

  async function allUnits(ctx: BotContext, page: number) {
    const round = await latestRoundOr(deps);
    if (!round.ok) return refuse(ctx, round);
    // Counts only: no names are shown for all units.
    const units = await roundSummaries(deps, round.round.year, 0);
    const c = viewContext(deps, ctx);
    const count = (counted: (status: (typeof units)[number]["status"]) => number) =>
      units.reduce((sum, unit) => sum + counted(unit.status), 0);
    // Three separate facts: a unit's dossier, everything it owes, and each person's own self-assessment.
    const header = ctx.t("st-header", {
      year: String(round.round.year),
      total: units.length,
      dossiers: count((status) => (status.dossier === "submitted" ? 1 : 0)),
      complete: count((status) => (status.complete ? 1 : 0)),
      people: count((status) => status.peopleSubmitted),
      peopleTotal: count((status) => status.peopleTotal),
    });
    // Where the round's nominations stand on each form's route (the Council, the Tờ trình, the decision).
    const routes = routeSummaryLines(c, await listNominations(deps.db, round.round.year));
    await showPage(
      ctx,
      {
        header: routes.length > 0 ? [header, ...routes].join("\n") : header,
        lines: units.length > 0 ? statusLines(c, units) : [ctx.t("st-no-units")],
        footer: ctx.t("st-footer"),
        linesPerPage: UNITS_PER_PAGE,
        blankBetween: true,
        pageData: (n) => `pg:st:${n}`,
        // The Báo cáo sơ kết / tổng kết of the movement, drafted from these figures.
        buttons: () => new InlineKeyboard().text(ctx.t("doc-draft-button"), MOVEMENT_REPORT_MENU),
      },
      page,
    );
  }

  async function oneUnit(ctx: BotContext, code: string) {
    const actor = ctx.actor;
    const round = await latestRoundOr(deps);
    if (!round.ok) return refuse(ctx, round);
    const unit = await findUnitByCode(deps.db, code);
    // A head asking for another unit is told they see their own, whether or not that code exists.
    if (actor?.role !== "office" && unit?.id !== actor?.user?.unit_id)
      return notify(ctx, ctx.t("st-own-unit-only"));
    if (!unit) return notify(ctx, ctx.t("st-unknown-unit", { code: echoArgument(code) }));
    const [one] = await roundStatuses(deps, round.round.year, unit.id);
    if (!one) return notify(ctx, ctx.t("st-unit-archived", { code: escapeHtml(unit.code) }));
    const nominations = await listNominations(deps.db, round.round.year, { unitId: unit.id });
    const records = await latestRecords(deps.db, round.round.year);
    const c = viewContext(deps, ctx);
    const lines = unitDetailLines(
      c,
      one.unit,
      one.status,
      one.facts.people,
      nominations.map((n) => ({
        id: n.id,
        formId: n.form_id,
        label: nomineeLabel(c.t, n),
        status: n.status,
        step: routeStepHtml(c, n.form_id, n.status),
        eligible: n.eligible === 1,
        decision: records.has(n.id)
          ? recordText(c, records.get(n.id) as RouteRecord)
          : n.decision_number
            ? escapeHtml(n.decision_number)
            : null,
      })),
    );
    const buttons = actor?.role === "office" ? officeUnitButtons(ctx, unit) : undefined;
    await replyPaged(ctx, ctx.t("st-unit-header", { year: String(round.round.year) }), lines, "", buttons);
  }

  /**
   * Where the Office goes on from a unit's status: its dossier, its nominations (the /nominations list of the
   * unit's code), its people with their self-assessments, and the unit's Tờ trình draft (the head has it on
   * /dossier).
   */
  function officeUnitButtons(ctx: BotContext, unit: { id: number; code: string }): InlineKeyboard {
    return new InlineKeyboard()
      .text(ctx.t("nm-unit-dossier-button"), `ds:u:${unit.id}`)
      .row()
      .text(
        ctx.t("st-unit-nominations-button"),
        listData(deps.campaign, "pg:", { page: 0, filter: unit.code }),
      )
      .row()
      .text(ctx.t("st-unit-people-button"), peopleData(unit.id, 0))
      .row()
      .text(ctx.t("doc-letter-button"), draftLetterData(unit.id));
  }

  // The unit's people by the state of their self-assessment, paged in one message.
  feature.callbackQuery(/^st:pp:(\d+):(\d+)$/, officeOnly, async (ctx) => {
    const round = await latestRoundOr(deps);
    if (!round.ok) return refuse(ctx, round);
    const unit = await findUnitById(deps.db, Number(ctx.match[1]));
    if (!unit) return refuse(ctx, { ok: false, key: "nm-stale-button" });
    const team = await teamStatus(deps.db, round.round.year, unit.id);
    await showPage(
      ctx,
      {
        header: ctx.t("unit-team-header", {
          unit: escapeHtml(`${unit.name} (${unit.code})`),
          total: team.length,
        }),
        lines: teamLines(ctx.t.bind(ctx), team),
        pageData: (page) => peopleData(unit.id, page),
      },
      Number(ctx.match[2]),
    );
  });

  feature.command("status", async (ctx) => {
    const role = ctx.actor?.role;
    const code = ctx.match.trim();
    if (role === "office") return code ? oneUnit(ctx, code) : allUnits(ctx, 0);
    if (role === "unit_head" && ctx.actor?.user) return oneUnit(ctx, code || ctx.actor.user.unit_code);
    return ctx.reply(ctx.t(role === "employee" ? "st-employee" : "st-guest"), HTML);
  });
  feature.callbackQuery(/^pg:st:(\d+)$/, officeOnly, (ctx) => allUnits(ctx, Number(ctx.match[1])));
  // The pages of the Office's /dossier: the units whose dossier was sent.
  feature.callbackQuery(/^pg:dss:(\d+)$/, officeOnly, (ctx) =>
    showSentDossiers(deps, ctx, Number(ctx.match[1])),
  );

  async function pending(ctx: BotContext, page: number) {
    const round = await latestRoundOr(deps);
    if (!round.ok) return refuse(ctx, round);
    const units = await roundSummaries(deps, round.round.year, PENDING_NAMES_MAX);
    const lines = pendingLines(viewContext(deps, ctx), units);
    await showPage(
      ctx,
      {
        header: ctx.t("pd-header", {
          year: String(round.round.year),
          count: lines.length,
          total: units.length,
        }),
        lines: lines.length > 0 ? lines : [ctx.t("pd-nothing")],
        linesPerPage: UNITS_PER_PAGE,
        blankBetween: true,
        pageData: (n) => `pg:pd:${n}`,
      },
      page,
    );
  }
  feature.command("pending", officeOnly, (ctx) => pending(ctx, 0));
  feature.callbackQuery(/^pg:pd:(\d+)$/, officeOnly, (ctx) => pending(ctx, Number(ctx.match[1])));

  feature.command("quota", officeOnly, async (ctx) => {
    const round = await latestRoundOr(deps);
    if (!round.ok) return refuse(ctx, round);
    const nominations = await listNominations(deps.db, round.round.year);
    const lines = quotaLines(
      viewContext(deps, ctx),
      nominations.map((n) => ({ formId: n.form_id, nomineeKind: n.nominee_kind, status: n.status })),
    );
    await ctx.reply(
      [ctx.t("qt-header", { year: String(round.round.year) }), ...lines, ctx.t("qt-footer")].join("\n\n"),
      HTML,
    );
  });

  feature.command("export", officeOnly, async (ctx) => {
    const round = await latestRoundOr(deps);
    if (!round.ok) return refuse(ctx, round);
    const year = round.round.year;
    const language = ctx.actor?.language ?? "vi";
    const format = ctx.match.trim().toLowerCase();
    if (format !== "" && format !== "csv" && format !== "xlsx") return ctx.reply(ctx.t("ex-usage"), HTML);
    await ctx.replyWithChatAction("upload_document").catch(() => undefined);
    if (format === "csv") {
      const csv = Buffer.from(await buildNominationsCsv(deps, year, language), "utf8");
      await ctx.replyWithDocument(new InputFile(csv, `de-nghi-khen-thuong-${year}.csv`), {
        caption: ctx.t("ex-caption-csv", { year: String(year) }),
      });
      return;
    }
    // The workbook is streamed to a file and sent from it: at 50,000 people it is too big to build in memory.
    await withWorkbookFile(deps, year, language, (path) =>
      ctx.replyWithDocument(new InputFile(path, `thi-dua-${year}.xlsx`), {
        caption: ctx.t("ex-caption-xlsx", { year: String(year) }),
      }),
    );
  });
  return feature;
}
