import { Composer, InlineKeyboard } from "grammy";
import { findUnitByCode } from "../../db/units.js";
import { officeMembers } from "../../db/users.js";
import type { BotContext } from "../context.js";
import type { AppDeps } from "../deps.js";
import { FILE_SIZE_MB } from "../domain/evidence.js";
import { nomineeKey } from "../domain/nominations.js";
import { type DossierState, dossierFor, fileFor, submit } from "../dossier/service.js";
import { dossierScreen, UNIT_DOCUMENT } from "../dossier/view.js";
import { escapeHtml } from "../html.js";
import { localised } from "../i18n.js";
import { nomineeLabel } from "../nominations/render.js";
import { answerOnce, refuse, showScreen } from "../paged-view.js";
import { viewContext } from "../screen.js";
import { askFor } from "./ask.js";

/**
 * /dossier: a head sees and completes the unit's dossier, then submits it; the Office opens any unit's with
 * `/dossier <unit code>`, gets its files back and can return it with a reason.
 */
export function dossierFeature(deps: AppDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  async function show(ctx: BotContext, unitId?: number, page = 0) {
    const state = await dossierFor(deps, ctx.actor, unitId);
    if (!state.ok) return refuse(ctx, state);
    const office = ctx.actor?.role === "office" && unitId !== undefined;
    const screen = office
      ? dossierScreen(viewContext(deps, ctx), state, "office", page, (n) => `ds:u:${unitId}:${n}`)
      : dossierScreen(viewContext(deps, ctx), state, "head", page);
    await showScreen(ctx, screen);
  }

  feature.command("dossier", async (ctx) => {
    const code = ctx.match.trim();
    if (ctx.actor?.role === "office") {
      if (!code) return ctx.reply(ctx.t("ds-office-usage"));
      const unit = await findUnitByCode(deps.db, code);
      if (!unit)
        return ctx.reply(ctx.t("st-unknown-unit", { code: escapeHtml(code) }), { parse_mode: "HTML" });
      return show(ctx, unit.id);
    }
    return show(ctx);
  });
  feature.callbackQuery(/^ds:view(?::(\d+))?$/, (ctx) => show(ctx, undefined, Number(ctx.match[1] ?? 0)));
  feature.callbackQuery(/^ds:u:(\d+)(?::(\d+))?$/, (ctx) =>
    ctx.actor?.role === "office"
      ? show(ctx, Number(ctx.match[1]), Number(ctx.match[2] ?? 0))
      : refuse(ctx, { ok: false, key: "office-only" }),
  );

  feature.callbackQuery(/^ds:up:(\d+):(-|[pu]:\d+)$/, async (ctx) => {
    const state = await dossierFor(deps, ctx.actor);
    if (!state.ok) return refuse(ctx, state);
    if (state.access.readOnly)
      return refuse(ctx, { ok: false, key: `nm-read-only-${state.access.readOnly}` });
    const document = deps.campaign.dossier.documents[Number(ctx.match[1])];
    const key = ctx.match[2] === UNIT_DOCUMENT ? "" : (ctx.match[2] ?? "");
    const nominee = state.nominations.find((n) => nomineeKey(n.nominee_kind, n.nominee_id) === key);
    if (!document || (document.per === "nominee" && !nominee))
      return refuse(ctx, { ok: false, key: "nm-stale-button" });
    const language = ctx.actor?.language ?? "vi";
    await askFor(
      ctx,
      { kind: "upload", documentId: document.id, nomineeKey: key },
      ctx.t(nominee ? "ds-ask-file-of" : "ds-ask-file", {
        document: escapeHtml(localised(document.short ?? document.name, language)),
        nominee: nominee ? nomineeLabel(ctx.t.bind(ctx), nominee) : "",
        note: document.note ? ` ${escapeHtml(localised(document.note, language))}.` : "",
        size: FILE_SIZE_MB,
      }),
    );
  });

  feature.callbackQuery("ds:sub", async (ctx) => {
    const state = await dossierFor(deps, ctx.actor);
    if (!state.ok) return refuse(ctx, state);
    if (state.access.readOnly)
      return refuse(ctx, { ok: false, key: `nm-read-only-${state.access.readOnly}` });
    if (state.missing.length > 0)
      return refuse(ctx, { ok: false, key: "ds-missing-first", vars: { count: state.missing.length } });
    await answerOnce(ctx);
    const confirm = state.nominations.length === 0 ? "ds-confirm-empty" : "ds-confirm";
    await ctx.reply(ctx.t(confirm, { count: state.nominations.length }), {
      parse_mode: "HTML",
      reply_markup: new InlineKeyboard()
        .text(ctx.t("ds-confirm-button"), "ds:sub!")
        .text(ctx.t("ds-not-yet-button"), "ds:view"),
    });
  });

  feature.callbackQuery("ds:sub!", async (ctx) => {
    const outcome = await submit(deps, ctx.actor, ctx.update.update_id);
    if (!outcome.ok) return refuse(ctx, outcome);
    await answerOnce(ctx, { text: ctx.t(outcome.already ? "ds-already-submitted" : "ds-submitted-toast") });
    if (!outcome.already) await tellOffice(ctx, outcome.state);
    await showScreen(ctx, dossierScreen(viewContext(deps, ctx), outcome.state, "head"));
  });

  /** The Office hears of each dossier as it comes in, so nobody has to keep asking /status. */
  async function tellOffice(ctx: BotContext, state: DossierState) {
    const code = ctx.actor?.user?.unit_code ?? "";
    for (const member of await officeMembers(deps.db, deps.officeAdminIds)) {
      const text = deps.i18n.t(
        member.language,
        state.dossier?.late ? "ds-notice-submitted-late" : "ds-notice-submitted",
        {
          code: escapeHtml(code),
          unit: escapeHtml(state.access.unitName),
          year: String(state.access.round.year),
          count: state.nominations.length,
        },
      );
      await ctx.api.sendMessage(member.id, text, { parse_mode: "HTML" }).catch((error: unknown) => {
        ctx.log.warn({ err: error, office: member.id }, "could not tell the Office of a dossier");
      });
    }
  }

  feature.callbackQuery(/^ds:get:(\d+)$/, async (ctx) => {
    const outcome = await fileFor(deps, ctx.actor, Number(ctx.match[1]));
    if (!outcome.ok) return refuse(ctx, outcome);
    await answerOnce(ctx);
    await ctx.replyWithDocument(outcome.file.file_id);
  });

  feature.callbackQuery(/^ds:ret:(\d+)$/, async (ctx) => {
    if (ctx.actor?.role !== "office") return refuse(ctx, { ok: false, key: "office-only" });
    const unitId = Number(ctx.match[1]);
    const state = await dossierFor(deps, ctx.actor, unitId);
    if (!state.ok) return refuse(ctx, state);
    if (state.dossier?.status !== "submitted") return refuse(ctx, { ok: false, key: "ds-not-submitted" });
    await askFor(
      ctx,
      { kind: "return-dossier", unitId },
      ctx.t("ds-ask-return-reason", { unit: escapeHtml(state.access.unitName) }),
    );
  });
  return feature;
}
