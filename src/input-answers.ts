import { InlineKeyboard, Keyboard } from "grammy";
import type { Document, InlineKeyboardButton } from "grammy/types";
import { saveAwardDraft } from "../db/award-drafts.js";
import { findNomination } from "../db/nominations.js";
import type { BotContext } from "./context.js";
import { afterClose } from "./council/meeting-flow.js";
import { breakTie } from "./council/meeting-service.js";
import type { AppDeps } from "./deps.js";
import { checkDecisionDate, checkDecisionNumber, checkIssuer, ISSUER_MAX } from "./domain/decisions.js";
import { FILE_SIZE_MB } from "./domain/evidence.js";
import type { NominationStatus, NomineeKind } from "./domain/nominations.js";
import type { DetailStep } from "./domain/profile-details.js";
import { awaitsDecision, routeOf } from "./domain/routes.js";
import { toLocal } from "./domain/time.js";
import {
  askNomineeReport,
  mineData,
  tellOfNomineeReport,
  uploadNomineeReport,
} from "./dossier/nominee-report.js";
import { offerNextFile } from "./dossier/offer.js";
import {
  type IncomingFile,
  proposerDossier,
  returnByOffice,
  reuseTargets,
  type UploadOutcome,
  uploadDocument,
} from "./dossier/service.js";
import { dossierScreen, nameFitsElsewhere, nextMissing, stillMissing } from "./dossier/view.js";
import { answerProfileDetails, askNomineeDetails } from "./features/profile-details.js";
import { escapeHtml } from "./html.js";
import { localised } from "./i18n.js";
import { type Refusal, unitRef } from "./nominations/access.js";
import { awardConfirmation, awardStaleText } from "./nominations/award-view.js";
import { cardScreen, transitionProblemText } from "./nominations/card.js";
import { noticeOfMove, noticeToHeads, sendSoon, type Told, toldKey } from "./nominations/notices.js";
import { formName, formShort, nomineeLabel } from "./nominations/render.js";
import { moveOn, undoMove } from "./nominations/review.js";
import { answerRecordStep } from "./nominations/route-records.js";
import { afterProposalKeyboard } from "./nominations/screens.js";
import { propose } from "./nominations/service.js";
import { deadlineProblemText, openRoundScreen, typedDeadline } from "./office/round-opening.js";
import type { ReminderOutbox } from "./reminders/sender.js";
import { viewContext } from "./screen.js";

/** What a question asked with a button waits for (kept in the conversation's state, so plain JSON). */
export type Ask =
  // `unitId`: the unit the Office proposes for (the Ban Giám đốc, the Văn phòng Sở); a head's own unit has none.
  | { kind: "nominate"; formId: string; nomineeKind: NomineeKind; nomineeId: number; unitId?: number }
  | { kind: "move"; nominationId: number; to: NominationStatus }
  | { kind: "return-dossier"; unitId: number }
  // `chained`: asked on its own after the file before it, so dropping it for another button says nothing.
  // `offered`: named on a screen of another errand (the form screen of /nominate): only a file answers it,
  // and only while that document is still missing; other messages go where they would have gone.
  | {
      kind: "upload";
      documentId: string;
      documentKey: string;
      unitId?: number;
      chained?: boolean;
      offered?: boolean;
    }
  // A nominee's own Báo cáo thành tích, asked by the button of the request they were sent.
  | { kind: "nominee-report"; nominationId: number }
  | { kind: "award"; nominationId: number; step: "number" | "date" | "issuer" }
  | { kind: "undo"; nominationId: number; historyId: number }
  | { kind: "round-deadline"; year: number }
  // The chair's reason for the nominations chosen among the tied at a quota's boundary.
  | {
      kind: "council-tie";
      meetingId: number;
      formId: string;
      nomineeKind: NomineeKind;
      chosen: number[];
    }
  | { kind: "record"; step: "number" | "date" | "reason" }
  // The details the Báo cáo thành tích needs, asked one by one of the person or their head.
  | { kind: "profile-details"; subjectId: number; step: DetailStep };

type ReplyMarkup = InlineKeyboard | Keyboard | { remove_keyboard: true };

export interface InputReply {
  messages: Array<{ text: string; extra: { reply_markup?: ReplyMarkup } }>;
  /** False while the answer was not usable and the question still stands. */
  done: boolean;
  /** The next question of the same errand (an award decision is asked field by field). */
  next?: Ask;
  /** The message was not for this question after all: it is dropped, and the message handled as usual. */
  passOn?: boolean;
}

export const REASON_MIN = 5;
export const REASON_MAX = 500;

export interface InputDeps extends AppDeps {
  outbox: ReminderOutbox;
}

const say = (text: string, keyboard?: ReplyMarkup, done = true): InputReply => ({
  messages: [{ text, extra: keyboard ? { reply_markup: keyboard } : {} }],
  done,
});

const refused = (ctx: BotContext, refusal: Refusal) => say(ctx.t(refusal.key, refusal.vars));

function checkReason(ctx: BotContext): { ok: true; reason: string } | { ok: false; reply: InputReply } {
  const text = ctx.message?.text?.trim();
  if (text === undefined) return { ok: false, reply: say(ctx.t("input-reason-text"), undefined, false) };
  if (text.length < REASON_MIN)
    return { ok: false, reply: say(ctx.t("input-reason-short"), undefined, false) };
  if (text.length > REASON_MAX)
    return { ok: false, reply: say(ctx.t("input-reason-long", { max: REASON_MAX }), undefined, false) };
  return { ok: true, reason: text };
}

/** Whether the unit's heads will hear of it; if not, the Office is asked to tell them itself. */
function toldText(ctx: BotContext, told: Told): string {
  return ctx.t(toldKey(told));
}

/** The document a message carries, as the dossier stores it. */
export function fileOf(message: { document?: Document } | undefined): IncomingFile | undefined {
  const d = message?.document;
  if (!d) return undefined;
  return {
    fileId: d.file_id,
    uniqueId: d.file_unique_id,
    fileName: d.file_name,
    mimeType: d.mime_type,
    size: d.file_size,
  };
}

/**
 * What the proposer sees once a file is in: the dossier, and on the same message what comes next: the next
 * missing file is asked for at once (`next`), or, with nothing missing, "📤 Nộp hồ sơ" comes first.
 */
export function afterUpload(
  deps: AppDeps,
  ctx: BotContext,
  outcome: Extract<UploadOutcome, { ok: true }>,
  unitId: number | undefined,
): InputReply {
  const c = viewContext(deps, ctx);
  const screen = dossierScreen(c, outcome.state);
  const next = nextMissing(c, outcome.state);
  const ready = outcome.state.missing.length === 0 && outcome.state.access.readOnly === null;
  // What comes next rides on the same message: the next file is asked for at once, or the dossier is
  // ready and "📤 Nộp hồ sơ" comes first.
  const isSubmit = (b: InlineKeyboardButton) => "callback_data" in b && b.callback_data.startsWith("ds:sub");
  const keyboard = ready
    ? new InlineKeyboard([
        // The message itself says what sending means, so this button sends at once, without a second question.
        [InlineKeyboard.text(ctx.t("ds-submit-button"), `ds:sub!${unitRef(outcome.state.access)}`)],
        ...screen.keyboard.inline_keyboard
          .map((row) => row.filter((b) => !isSubmit(b)))
          .filter((row) => row.length > 0),
      ])
    : screen.keyboard;
  const then = next
    ? `\n\n${ctx.t("ds-next-file", { document: next.label, size: FILE_SIZE_MB })}`
    : ready
      ? `\n\n${ctx.t("ds-all-in")}`
      : "";
  const reply: InputReply = {
    ...say(`${ctx.t("ds-uploaded", { version: outcome.added.version })}\n\n${screen.text}${then}`, keyboard),
    ...(next
      ? {
          done: false,
          next: {
            kind: "upload",
            documentId: next.documentId,
            documentKey: next.documentKey,
            chained: true,
            ...(unitId === undefined ? {} : { unitId }),
          },
        }
      : {}),
  };
  // The same person proposed for another form needs a report there too: offer this file in one tap.
  const others = reuseTargets(outcome.state, outcome.added);
  if (others.length > 0) {
    const keyboard = new InlineKeyboard();
    for (const other of others)
      keyboard
        .text(
          ctx.t("ds-reuse-button", { form: formShort(deps.campaign, other.form_id, c.language) }),
          `ds:re:${outcome.added.id}:${other.id}${unitRef(outcome.state.access)}`,
        )
        .row();
    reply.messages.push({ text: ctx.t("ds-reuse-offer"), extra: { reply_markup: keyboard } });
  }
  return reply;
}

/** Takes the answer to an asked question, acts on it with every check made again, and says what happened. */
export async function answerAsk(deps: InputDeps, ctx: BotContext, ask: Ask): Promise<InputReply> {
  const c = viewContext(deps, ctx);
  const updateId = ctx.update.update_id;
  switch (ask.kind) {
    case "upload": {
      const file = fileOf(ctx.message);
      if (!file && ask.offered && !ctx.message?.photo)
        return say(ctx.t("ds-offer-not-file"), undefined, false);
      if (!file)
        return say(ctx.t(ctx.message?.photo ? "ds-upload-photo" : "ds-upload-expected"), undefined, false);
      if (ask.offered) {
        // Offered, not asked: a file is not taken for it when the document was filled meanwhile (the nominee
        // sent their report), nor when its name says it is another one ("BCTT Lê Văn Minh.pdf" while the Tờ
        // trình is offered). A head is then asked which document it is; the Office picks it in the dossier.
        const state = await proposerDossier(deps, ctx.actor, ask.unitId);
        if (
          state.ok &&
          (!stillMissing(state, ask) || nameFitsElsewhere(c, state, file.fileName ?? "", ask))
        ) {
          if (ask.unitId === undefined) return { messages: [], done: true, passOn: true };
          return say(
            ctx.t("ds-offer-not-taken"),
            new InlineKeyboard().text(ctx.t("ds-open-button"), `ds:u:${ask.unitId}`),
          );
        }
      }
      const outcome = await uploadDocument(deps, ctx.actor, ask, file, updateId, ask.unitId);
      if (!outcome.ok && "problem" in outcome)
        return say(ctx.t(`ds-upload-${outcome.problem}`, { size: FILE_SIZE_MB }), undefined, false);
      if (!outcome.ok) return refused(ctx, outcome);
      return afterUpload(deps, ctx, outcome, ask.unitId);
    }
    case "nominee-report": {
      const file = fileOf(ctx.message);
      if (!file)
        return say(ctx.t(ctx.message?.photo ? "ds-upload-photo" : "ds-upload-expected"), undefined, false);
      const outcome = await uploadNomineeReport(deps, ctx.actor, ask.nominationId, file, updateId);
      if (!outcome.ok && "problem" in outcome)
        return say(ctx.t(`ds-upload-${outcome.problem}`, { size: FILE_SIZE_MB }), undefined, false);
      if (!outcome.ok) return refused(ctx, outcome);
      const told = await tellOfNomineeReport(deps, outcome);
      sendSoon(deps.outbox, ctx.api);
      return say(
        ctx.t("ds-mine-uploaded", { version: outcome.added.version, to: told }),
        new InlineKeyboard().text(ctx.t("ds-mine-again-button"), mineData(ask.nominationId)),
      );
    }
    case "nominate": {
      const checked = checkReason(ctx);
      if (!checked.ok) return checked.reply;
      const outcome = await propose(deps, ctx.actor, {
        formId: ask.formId,
        kind: ask.nomineeKind,
        id: ask.nomineeId,
        reason: checked.reason,
        updateId,
        unitId: ask.unitId,
      });
      if (!outcome.ok && "problem" in outcome) return say(ctx.t("input-reason-short"), undefined, false);
      if (!outcome.ok) return refused(ctx, outcome);
      const added = ctx.t("nm-added-with-reason", {
        name: nomineeLabel(c.t, {
          nominee_kind: outcome.candidate.kind,
          nominee_name: outcome.candidate.name,
        }),
        form: escapeHtml(formName(deps.campaign, ask.formId, c.language)),
        reason: escapeHtml(checked.reason),
      });
      // As on the form screen, the dossier's next missing file may just be sent now.
      const state = await proposerDossier(deps, ctx.actor, ask.unitId);
      const offer = state.ok ? offerNextFile(c, state) : undefined;
      const keyboard = afterProposalKeyboard(c, ask.formId, outcome.access);
      const reply: InputReply = offer
        ? { ...say(`${added}\n\n${offer.line}`, keyboard, false), next: offer.ask }
        : say(added, keyboard);
      // The offer to add the Báo cáo thành tích's details first: the list's buttons stay the last shown.
      const details = await askNomineeDetails(deps, ctx, outcome.nomination);
      if (await askNomineeReport(deps, outcome.nomination, ctx.actor?.telegramId))
        sendSoon(deps.outbox, ctx.api);
      if (details) reply.messages.unshift({ text: details.text, extra: { reply_markup: details.keyboard } });
      return reply;
    }
    case "move": {
      const checked = checkReason(ctx);
      if (!checked.ok) return checked.reply;
      const outcome = await moveOn(deps, ctx.actor, {
        nominationId: ask.nominationId,
        to: ask.to,
        reason: checked.reason,
        updateId,
      });
      if (!outcome.ok && "problem" in outcome) {
        const nomination = await findNomination(deps.db, ask.nominationId);
        return say(transitionProblemText(c, outcome.problem, nomination?.form_id ?? ""));
      }
      if (!outcome.ok) return refused(ctx, outcome);
      const n = outcome.nomination;
      const told = await noticeOfMove(
        deps,
        n,
        { historyId: outcome.historyId, to: ask.to, reason: outcome.reason },
        ctx.actor?.telegramId ?? 0,
      );
      sendSoon(deps.outbox, ctx.api);
      const card = await cardScreen(deps, c, ctx.actor, n.id);
      return say(`${toldText(ctx, told)}\n\n${card.text}`, card.keyboard);
    }
    case "return-dossier": {
      const checked = checkReason(ctx);
      if (!checked.ok) return checked.reply;
      const outcome = await returnByOffice(deps, ctx.actor, ask.unitId, checked.reason, updateId);
      if (!outcome.ok) return refused(ctx, outcome);
      const year = outcome.state.access.round.year;
      const screen = dossierScreen(c, outcome.state);
      // Another Office member returned it first: their reason stands, and this one is not sent.
      if (!outcome.moves) return say(`${ctx.t("ds-already-returned")}\n\n${screen.text}`, screen.keyboard);
      const told = await noticeToHeads(deps, {
        key: `notice:dossier-returned:${ask.unitId}:${outcome.state.dossier?.returned_at ?? updateId}`,
        year,
        unitId: ask.unitId,
        text: (language) =>
          deps.i18n.t(language, "ds-notice-returned", {
            year: String(year),
            reason: escapeHtml(checked.reason),
          }),
      });
      // Each nominee hears of their own nomination; the heads have the dossier's notice.
      for (const move of outcome.moves) {
        const nomination = await findNomination(deps.db, move.nominationId);
        if (nomination)
          await noticeOfMove(
            deps,
            nomination,
            { historyId: move.historyId, to: "returned", reason: checked.reason },
            ctx.actor?.telegramId ?? 0,
            "nominee",
          );
      }
      sendSoon(deps.outbox, ctx.api);
      return say(`${toldText(ctx, told)}\n\n${screen.text}`, screen.keyboard);
    }
    case "award":
      return answerAward(deps, ctx, ask);
    case "profile-details":
      return answerProfileDetails(deps, ctx, ask);
    case "council-tie": {
      const checked = checkReason(ctx);
      if (!checked.ok) return checked.reply;
      const outcome = await breakTie(deps, ctx.actor, { ...ask, reason: checked.reason });
      const said = await afterClose(deps, ctx, outcome);
      return {
        messages: said.map((m) => ({ text: m.text, extra: m.keyboard ? { reply_markup: m.keyboard } : {} })),
        done: true,
      };
    }
    case "record": {
      if (ctx.actor?.role !== "office") return say(ctx.t("office-only"));
      const answer = await answerRecordStep(deps, c, ctx.actor.telegramId, ask.step, ctx.message?.text);
      if (answer.kind === "again") return say(answer.text, undefined, false);
      if (answer.kind === "next")
        return { ...say(answer.text, undefined, false), next: { ...ask, step: answer.step } };
      if (answer.kind === "gone") return say(answer.text);
      return say(answer.screen.text, answer.screen.keyboard);
    }
    case "round-deadline": {
      if (ctx.actor?.role !== "office") return say(ctx.t("office-only"));
      const text = ctx.message?.text;
      if (text === undefined) return say(ctx.t("round-date-again"), undefined, false);
      const checked = typedDeadline(deps, ask.year, text);
      if (!checked.ok)
        return say(
          `${deadlineProblemText(deps, ctx, checked.problem, ask.year, text)}\n${ctx.t("round-date-again")}`,
          undefined,
          false,
        );
      const screen = await openRoundScreen(deps, ctx, ask.year, { kind: "date", deadline: checked.deadline });
      return say(screen.text, screen.keyboard);
    }
    case "undo": {
      const checked = checkReason(ctx);
      if (!checked.ok) return checked.reply;
      const outcome = await undoMove(deps, ctx.actor, {
        nominationId: ask.nominationId,
        historyId: ask.historyId,
        reason: checked.reason,
        updateId,
      });
      if (!outcome.ok) return refused(ctx, outcome);
      const undoneDecision = outcome.undone.decision;
      await noticeOfMove(
        deps,
        outcome.nomination,
        {
          historyId: outcome.historyId,
          to: outcome.to,
          reason: checked.reason,
          undoneFrom: outcome.undone.to_status,
          ...(undoneDecision ? { decision: JSON.parse(undoneDecision) } : {}),
        },
        ctx.actor?.telegramId ?? 0,
      );
      sendSoon(deps.outbox, ctx.api);
      const card = await cardScreen(deps, c, ctx.actor, outcome.nomination.id);
      return say(`${ctx.t("nm-undone")}\n\n${card.text}`, card.keyboard);
    }
  }
}

/** The award decision, asked field by field and kept as a draft, then shown whole for the Office to confirm. */
async function answerAward(
  deps: InputDeps,
  ctx: BotContext,
  ask: Extract<Ask, { kind: "award" }>,
): Promise<InputReply> {
  const nomination = await findNomination(deps.db, ask.nominationId);
  if (!nomination || ctx.actor?.role !== "office") return say(ctx.t("nm-stale-button"));
  const route = nomination && routeOf(deps.campaign, nomination.form_id);
  if (!route || !awaitsDecision(route, nomination.status))
    return say(await awardStaleText(deps, viewContext(deps, ctx), nomination));
  const text = ctx.message?.text;
  if (text === undefined) return say(ctx.t(`aw-ask-${ask.step}-again`), undefined, false);
  const key = { nominationId: nomination.id, officeId: ctx.actor.telegramId };
  const now = deps.clock();
  switch (ask.step) {
    case "number": {
      const checked = checkDecisionNumber(text);
      if (!checked.ok) return say(ctx.t("aw-bad-number"), undefined, false);
      await saveAwardDraft(deps.db, key, "decision_number", checked.number, now);
      return { ...say(ctx.t("aw-ask-date"), undefined, false), next: { ...ask, step: "date" } };
    }
    case "date": {
      const checked = checkDecisionDate(text, toLocal(now, deps.campaign.timeZone), nomination.round_year);
      if (!checked.ok)
        return say(
          ctx.t(`aw-bad-date-${checked.problem}`, { year: String(nomination.round_year) }),
          undefined,
          false,
        );
      await saveAwardDraft(deps.db, key, "decision_date", checked.date, now);
      const form = deps.campaign.awardForms.find((f) => f.id === nomination.form_id);
      const usual = form?.issuer ? localised(form.issuer, ctx.actor.language) : undefined;
      const keyboard = usual ? new Keyboard().text(usual).oneTime().resized() : undefined;
      return { ...say(ctx.t("aw-ask-issuer"), keyboard, false), next: { ...ask, step: "issuer" } };
    }
    case "issuer": {
      const checked = checkIssuer(text);
      if (!checked.ok) return say(ctx.t("aw-bad-issuer", { max: ISSUER_MAX }), undefined, false);
      await saveAwardDraft(deps.db, key, "decision_issuer", checked.issuer, now);
      const confirmation = await awardConfirmation(deps, viewContext(deps, ctx), key);
      return {
        messages: [
          { text: ctx.t("aw-issuer-noted"), extra: { reply_markup: { remove_keyboard: true } } },
          { text: confirmation.text, extra: { reply_markup: confirmation.keyboard } },
        ],
        done: true,
      };
    }
  }
}
