import { Composer, InlineKeyboard } from "grammy";
import { INPUT } from "../../conversations/input.js";
import { documentVersions, type Sending } from "../../db/dossiers.js";
import { findNomination } from "../../db/nominations.js";
import type { DossierFile } from "../../db/schema.js";
import { findUnitByCode, findUnitById } from "../../db/units.js";
import type { BotContext } from "../context.js";
import type { AppDeps } from "../deps.js";
import { checkDossierFile, FILE_SIZE_MB } from "../domain/evidence.js";
import { parseReportKey, reportKey } from "../domain/nominations.js";
import { formatLocalDateTime } from "../domain/time.js";
import { sendingNotice } from "../dossier/changes-view.js";
import { currentReport, nomineeSlot } from "../dossier/nominee-report.js";
import {
  type DossierState,
  dossierFor,
  fileFor,
  proposerDossier,
  reuseReport,
  slotRefusal,
  submit,
  uploadDocument,
  versionsFor,
} from "../dossier/service.js";
import {
  dossierScreen,
  dropChoices,
  nextMissing,
  UNIT_DOCUMENT,
  versionsScreen,
  viewerOf,
} from "../dossier/view.js";
import { echoArgument, escapeHtml, HTML } from "../html.js";
import { localised } from "../i18n.js";
import { afterUpload, fileOf } from "../input-answers.js";
import { type ProposerAccess, unitRef } from "../nominations/access.js";
import { noticeOfMove, noticeToOffice, sendSoon } from "../nominations/notices.js";
import { formShort, nomineeLabel } from "../nominations/render.js";
import { showSentDossiers } from "../office/sent-dossiers.js";
import { answerOnce, notify, plainText, refuse, showScreen } from "../paged-view.js";
import type { ReminderOutbox } from "../reminders/sender.js";
import { viewContext } from "../screen.js";
import { askFor } from "./ask.js";

/** Buttons under "which document is this file?": the likeliest few, so the keyboard stays short. */
const DROP_CHOICES_SHOWN = 8;
/** "@<unit id>" ends the buttons the Office presses for a unit it proposes (the Ban Giám đốc, the Văn phòng Sở). */
const UNIT = "(?:@(\\d+))?$";
const unitOf = (part: string | undefined): number | undefined => (part ? Number(part) : undefined);
/** Where a proposer's dossier opens again: a head's own, or the unit's for the Office. */
const viewData = (access: Pick<ProposerAccess, "by" | "unitId">) =>
  access.by === "office" ? `ds:u:${access.unitId}` : "ds:view";

/**
 * /dossier: a head sees and completes the unit's dossier, then submits it; the Office does the same for the
 * units it proposes, and opens any unit's with `/dossier <unit code>`, gets its files back and can return it
 * with a reason.
 */
export function dossierFeature(deps: AppDeps, outbox: ReminderOutbox): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  async function show(ctx: BotContext, unitId?: number, page = 0) {
    const state = await dossierFor(deps, ctx.actor, unitId);
    if (!state.ok) return refuse(ctx, state);
    const c = viewContext(deps, ctx);
    const screen = dossierScreen(c, state, page);
    // Its proposer can just send the first missing file: it is asked for on the same screen.
    const next = viewerOf(state.access) === "office" ? undefined : nextMissing(c, state);
    if (!next) return showScreen(ctx, screen);
    await ctx.conversation.exit(INPUT);
    await showScreen(ctx, {
      ...screen,
      text: `${screen.text}\n\n${ctx.t("ds-first-file", { document: next.label, size: FILE_SIZE_MB })}`,
    });
    await ctx.conversation.enter(INPUT, {
      kind: "upload",
      documentId: next.documentId,
      documentKey: next.documentKey,
      chained: true,
      ...(unitId === undefined ? {} : { unitId }),
    });
  }

  feature.command("dossier", async (ctx) => {
    const code = ctx.match.trim();
    if (ctx.actor?.role === "office") {
      // The units the Office makes the dossier for, and those whose dossier was sent, one tap each.
      if (!code) return showSentDossiers(deps, ctx, 0);
      const unit = await findUnitByCode(deps.db, code);
      if (!unit)
        return ctx.reply(ctx.t("st-unknown-unit", { code: echoArgument(code) }), { parse_mode: "HTML" });
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

  feature.callbackQuery(new RegExp(`^ds:up:(\\d+):(-|n:\\d+)${UNIT}`), async (ctx) => {
    const unitId = unitOf(ctx.match[3]);
    const state = await proposerDossier(deps, ctx.actor, unitId);
    if (!state.ok) return refuse(ctx, state);
    const document = deps.campaign.dossier.documents[Number(ctx.match[1])];
    const key = ctx.match[2] === UNIT_DOCUMENT ? "" : (ctx.match[2] ?? "");
    const nomination = state.all.find((n) => reportKey(n.id) === key);
    if (!document || (document.per === "nominee") !== (nomination !== undefined))
      return refuse(ctx, { ok: false, key: "nm-stale-button" });
    const refusal = slotRefusal(state, key);
    if (refusal) return refuse(ctx, refusal);
    const language = ctx.actor?.language ?? "vi";
    await askFor(
      ctx,
      {
        kind: "upload",
        documentId: document.id,
        documentKey: key,
        ...(unitId === undefined ? {} : { unitId }),
      },
      ctx.t(nomination ? "ds-ask-file-of" : "ds-ask-file", {
        document: escapeHtml(localised(document.short ?? document.name, language)),
        nominee: nomination
          ? `${nomineeLabel(ctx.t.bind(ctx), nomination)} (${escapeHtml(formShort(deps.campaign, nomination.form_id, language))})`
          : "",
        note: document.note ? ` ${escapeHtml(localised(document.note, language))}.` : "",
        size: FILE_SIZE_MB,
      }),
    );
  });

  // The same report used for the person's other nomination, in one tap.
  feature.callbackQuery(new RegExp(`^ds:re:(\\d+):(\\d+)${UNIT}`), async (ctx) => {
    const outcome = await reuseReport(
      deps,
      ctx.actor,
      Number(ctx.match[1]),
      Number(ctx.match[2]),
      ctx.update.update_id,
      unitOf(ctx.match[3]),
    );
    if (!outcome.ok && "problem" in outcome) return refuse(ctx, { ok: false, key: "nm-stale-button" });
    if (!outcome.ok) return refuse(ctx, outcome);
    await answerOnce(ctx, { text: ctx.t("ds-reused-toast") });
    await showScreen(ctx, dossierScreen(viewContext(deps, ctx), outcome.state));
  });

  feature.callbackQuery(/^ds:doc:(\d+)(?::(\d+))?$/, async (ctx) => {
    const fileId = Number(ctx.match[1]);
    const outcome = await versionsFor(deps, ctx.actor, fileId);
    if (!outcome.ok) return refuse(ctx, outcome);
    const unitId = outcome.versions[0]?.unit_id;
    const back =
      ctx.actor?.role === "office"
        ? `ds:u:${unitId}`
        : ctx.actor?.user?.role === "unit_head" && ctx.actor.user.unit_id === unitId
          ? "ds:view"
          : "cn:agenda";
    await showScreen(
      ctx,
      versionsScreen(
        viewContext(deps, ctx),
        outcome.versions,
        back,
        Number(ctx.match[2] ?? 0),
        (page) => `ds:doc:${fileId}:${page}`,
      ),
    );
  });

  feature.callbackQuery(new RegExp(`^ds:sub${UNIT}`), async (ctx) => {
    const state = await proposerDossier(deps, ctx.actor, unitOf(ctx.match[1]));
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
        .text(ctx.t("ds-confirm-button"), `ds:sub!${unitRef(state.access)}`)
        .text(ctx.t("ds-not-yet-button"), viewData(state.access)),
    });
  });

  feature.callbackQuery(new RegExp(`^ds:sub!${UNIT}`), async (ctx) => {
    const outcome = await submit(deps, ctx.actor, ctx.update.update_id, unitOf(ctx.match[1]));
    if (!outcome.ok) return refuse(ctx, outcome);
    await answerOnce(ctx, { text: ctx.t(outcome.again ? "ds-already-submitted" : "ds-submitted-toast") });
    if (outcome.sending) {
      await tellOfSending(ctx, outcome.state, outcome.sending);
      sendSoon(outbox, ctx.api);
    }
    await showScreen(ctx, dossierScreen(viewContext(deps, ctx), outcome.state));
  });

  /**
   * The Office hears of each dossier as it comes in (a resubmission with what changed), so nobody has to keep
   * asking /status; each nominee hears that their nomination was sent.
   */
  async function tellOfSending(
    ctx: BotContext,
    state: DossierState & { access: ProposerAccess },
    sending: Sending,
  ) {
    const code = state.access.unitCode;
    const year = state.access.round.year;
    const moverId = ctx.actor?.telegramId ?? 0;
    // The Office member who sent it for a unit the Office proposes knows already; the rest of the Office is told.
    await noticeToOffice(
      deps,
      {
        key: `notice:sent:${state.access.unitId}:${sending.number}`,
        year,
        unitId: state.access.unitId,
        text: (language) =>
          sendingNotice(deps, language, { code, unit: state.access.unitName, year }, sending),
      },
      moverId,
    );
    for (const move of sending.moved) {
      const nomination = state.nominations.find((n) => n.id === move.nominationId);
      if (nomination)
        await noticeOfMove(
          deps,
          nomination,
          { historyId: move.historyId, to: "submitted", reason: null },
          moverId,
        );
    }
  }

  // A file sent without pressing 📎 first: which document it is, one button each, the likeliest first.
  feature.chatType("private").on("message:document", async (ctx, next) => {
    if (ctx.actor?.user?.role !== "unit_head") return next();
    const state = await proposerDossier(deps, ctx.actor);
    if (!state.ok || state.access.readOnly) return next();
    const file = fileOf(ctx.message);
    const check = file && checkDossierFile(file);
    if (check && !check.ok)
      return ctx.reply(ctx.t(`ds-upload-${check.reason}`, { size: FILE_SIZE_MB }), HTML);
    const name = ctx.message.document.file_name ?? "";
    const choices = dropChoices(viewContext(deps, ctx), state, name);
    if (choices.length === 0) return next();
    const keyboard = new InlineKeyboard();
    for (const choice of choices.slice(0, DROP_CHOICES_SHOWN))
      keyboard
        .text(`📎 ${plainText(choice.label)}`, `ds:dr:${choice.documentIndex}:${choice.key || UNIT_DOCUMENT}`)
        .row();
    await ctx.reply(ctx.t("ds-which-document", { name: escapeHtml(name || ctx.t("ds-unnamed-file")) }), {
      ...HTML,
      reply_markup: keyboard,
      reply_parameters: { message_id: ctx.message.message_id, allow_sending_without_reply: true },
    });
  });

  feature.callbackQuery(/^ds:dr:(\d+):(-|n:\d+)$/, async (ctx) => {
    // The file is the message the question answered: Telegram hands it back with the press.
    const file = fileOf(ctx.callbackQuery.message?.reply_to_message);
    const document = deps.campaign.dossier.documents[Number(ctx.match[1])];
    if (!file || !document) return refuse(ctx, { ok: false, key: "nm-stale-button" });
    const key = ctx.match[2] === UNIT_DOCUMENT ? "" : (ctx.match[2] ?? "");
    const outcome = await uploadDocument(
      deps,
      ctx.actor,
      { documentId: document.id, documentKey: key },
      file,
      ctx.update.update_id,
    );
    if (!outcome.ok && "problem" in outcome)
      return notify(ctx, ctx.t(`ds-upload-${outcome.problem}`, { size: FILE_SIZE_MB }));
    if (!outcome.ok) return refuse(ctx, outcome);
    await answerOnce(ctx);
    // The question is answered: its buttons go, so the same file is not stored twice by a second tap.
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    const reply = afterUpload(deps, ctx, outcome, undefined);
    for (const message of reply.messages) await ctx.reply(message.text, { ...HTML, ...message.extra });
    if (reply.next) {
      await ctx.conversation.exit(INPUT);
      await ctx.conversation.enter(INPUT, reply.next);
    }
  });

  // The nominee's own Báo cáo thành tích, from the request they were sent when proposed.
  feature.callbackQuery(/^ds:mine:(\d+)$/, async (ctx) => {
    const nominationId = Number(ctx.match[1]);
    const slot = await nomineeSlot(deps, ctx.actor, nominationId);
    if (!slot.ok) return refuse(ctx, slot);
    const language = ctx.actor?.language ?? "vi";
    const current = await currentReport(deps, slot);
    await askFor(
      ctx,
      { kind: "nominee-report", nominationId },
      ctx.t("ds-mine-ask", {
        form: escapeHtml(formShort(deps.campaign, slot.nomination.form_id, language)),
        size: FILE_SIZE_MB,
        current: current
          ? `\n${ctx.t("ds-mine-current", {
              name: escapeHtml(current.file_name ?? ctx.t("ds-unnamed-file")),
              version: current.version,
            })}`
          : "",
      }),
    );
  });

  // "✅ Giữ bản này" under the notice of a nominee's file: it stays the current version; the dossier opens.
  feature.callbackQuery(/^ds:ok:(\d+)$/, async (ctx) => {
    const outcome = await fileFor(deps, ctx.actor, Number(ctx.match[1]));
    if (!outcome.ok) return refuse(ctx, outcome);
    const { file } = outcome;
    const [latest] = await documentVersions(deps.db, {
      year: file.round_year,
      unitId: file.unit_id,
      documentId: file.document_id,
      documentKey: file.document_key,
    });
    await answerOnce(ctx, { text: ctx.t(latest?.id === file.id ? "ds-kept-toast" : "ds-kept-superseded") });
    await show(ctx, ctx.actor?.role === "office" ? file.unit_id : undefined);
  });

  feature.callbackQuery(/^ds:get:(\d+)$/, async (ctx) => {
    const outcome = await fileFor(deps, ctx.actor, Number(ctx.match[1]));
    if (!outcome.ok) return refuse(ctx, outcome);
    await answerOnce(ctx);
    await ctx.replyWithDocument(outcome.file.file_id, { caption: await fileCaption(ctx, outcome.file) });
  });

  /** What a file sent back is, on the file itself: the document, its nominee, the unit, version and day. */
  async function fileCaption(ctx: BotContext, file: DossierFile): Promise<string> {
    const language = ctx.actor?.language ?? "vi";
    const document = deps.campaign.dossier.documents.find((d) => d.id === file.document_id);
    const nominationId = parseReportKey(file.document_key);
    const [unit, nomination] = await Promise.all([
      findUnitById(deps.db, file.unit_id),
      nominationId === null ? undefined : findNomination(deps.db, nominationId),
    ]);
    return ctx.t("ds-file-caption", {
      document: document ? localised(document.short ?? document.name, language) : file.document_id,
      nominee: nomination
        ? ` – ${plainText(nomineeLabel(ctx.t.bind(ctx), nomination))} (${formShort(deps.campaign, nomination.form_id, language)})`
        : "",
      unit: unit?.name ?? "",
      version: file.version,
      at: formatLocalDateTime(new Date(file.uploaded_at), deps.campaign.timeZone),
    });
  }

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
