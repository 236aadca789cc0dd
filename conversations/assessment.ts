import { GrammyError, InlineKeyboard, type MiddlewareFn } from "grammy";
import { endSession, findSession, type OpenQuestion, saveSession } from "../db/assessment-sessions.js";
import type { DB } from "../db/connection.js";
import { inGroupCommit } from "../db/group-commit.js";
import { type AssessmentState, applyAnswer } from "../src/assessment/service.js";
import { currentView, viewOf } from "../src/assessment/view.js";
import type { BaseContext, BotContext } from "../src/context.js";
import type { AppDeps } from "../src/deps.js";
import { type AnswerInput, BUTTON_PREFIX, isFileRemoval } from "../src/domain/answering.js";
import type { Subject } from "../src/domain/assessment.js";
import { HTML } from "../src/html.js";
import { readsOf } from "../src/middleware/update-scope.js";
import { acknowledgePress, isCommand } from "./flow.js";

/** Reduces an update to plain data for the answer's interpretation. */
export function answerInput(ctx: Pick<BaseContext, "callbackQuery" | "message">): AnswerInput {
  const data = ctx.callbackQuery?.data;
  if (data !== undefined) return { type: "button", data };
  const message = ctx.message;
  if (message?.text !== undefined) return { type: "text", text: message.text };
  if (message?.document) {
    const d = message.document;
    return {
      type: "file",
      file: {
        fileId: d.file_id,
        uniqueId: d.file_unique_id,
        kind: "document",
        fileName: d.file_name,
        mimeType: d.mime_type,
        size: d.file_size,
      },
    };
  }
  const photo = message?.photo?.at(-1);
  if (photo) {
    return {
      type: "file",
      file: {
        fileId: photo.file_id,
        uniqueId: photo.file_unique_id,
        kind: "photo",
        mimeType: "image/jpeg",
        size: photo.file_size,
      },
    };
  }
  return { type: "other" };
}

/** Shows `text` in place of message `messageId`; undefined if Telegram would not (it is then sent anew). */
async function editInPlace(
  ctx: BaseContext,
  chatId: number,
  messageId: number,
  text: string,
  buttons: { reply_markup?: InlineKeyboard },
): Promise<{ message_id: number } | undefined> {
  const shown = await ctx.api.editMessageText(chatId, messageId, text, { ...HTML, ...buttons }).then(
    () => true,
    // The same file sent twice changes nothing on screen.
    (error: unknown) => error instanceof GrammyError && error.description.includes("not modified"),
  );
  return shown ? { message_id: messageId } : undefined;
}

/** Where a question is shown: in a new message (taking over from `replacing`), or in place of `messageId`. */
type Placement =
  /**
   * `lead`: a line said first, in the same message (what /assess says on opening). `shownSince`: the question
   * may have been on screen since this message already (see the "again" case below).
   */
  | { kind: "new"; replacing?: number; lead?: string; shownSince?: number }
  | { kind: "edit"; messageId: number };

/**
 * Asks the question the stored answers are at (or shows the summary) and records it as the chat's open
 * question; or says why the assessment cannot be done now, and closes it.
 */
export async function askCurrent(
  deps: AppDeps,
  ctx: BaseContext,
  subject: Subject,
  /** The assessment as the answer just taken left it, if known; otherwise it is read. */
  known?: AssessmentState,
  /** Where the question goes: a new message (the default), or in place of one already showing it. */
  place: Placement = { kind: "new" },
  /** The chat's open question as this update found it, when read already (saves reading it again). */
  openBefore?: OpenQuestion,
): Promise<void> {
  const actor = ctx.actor;
  const chatId = ctx.chat?.id;
  if (!actor || chatId === undefined) return;
  const view = known
    ? await viewOf(deps, known, actor.language)
    : await currentView({ ...deps, reads: readsOf(ctx.update) }, actor.telegramId, subject, actor.language);
  if (view.kind === "unavailable") {
    await endSession(deps.db, chatId);
    await ctx.reply(view.text, HTML);
    return;
  }
  const buttons = view.keyboard.flat().length > 0 ? { reply_markup: new InlineKeyboard(view.keyboard) } : {};
  let asked =
    place.kind === "edit" && view.kind === "question"
      ? await editInPlace(ctx, chatId, place.messageId, view.text, buttons)
      : undefined;
  if (!asked) {
    const lead = place.kind === "new" && place.lead ? [place.lead] : [];
    if (view.kind === "summary") {
      // The summary's pages fill a message each: the lead goes on its own.
      for (const page of [...lead, ...view.pages.slice(0, -1)]) await ctx.reply(page, HTML);
      asked = await ctx.reply(view.pages.at(-1) ?? "", { ...HTML, ...buttons });
    } else asked = await ctx.reply([...lead, view.text].join("\n\n"), { ...HTML, ...buttons });
  }
  if (place.kind === "new" && place.replacing !== undefined && place.replacing !== asked.message_id) {
    // The question this one takes over from keeps no buttons: one place to answer.
    await ctx.api.editMessageReplyMarkup(chatId, place.replacing).catch(() => undefined);
  }
  const session = {
    chatId,
    subject,
    askedStep: view.kind === "question" ? view.stepKey : "summary",
    messageId: asked.message_id,
    shownSince: place.kind === "new" ? place.shownSince : undefined,
  };
  // Recorded only once the question was sent: an answer is taken for the question on the person's screen.
  const save = (db: DB) => saveSession(db, session, deps.clock(), openBefore);
  await (ctx.lastWrite ? ctx.lastWrite(save) : save(deps.db));
}

/**
 * The self-assessment, for a person (`individual`) or, by its head, for a unit, as a plain handler rather
 * than a replayed conversation: the database holds every answer and the chat's open question, so each update
 * is one read-check-write of the stored assessment (in one transaction) and one reply. A command or a button
 * of another screen passes on to its own handler while the question stays open.
 */
export function assessmentFlow(deps: AppDeps): MiddlewareFn<BotContext> {
  // A plain check rather than grammY's filters (`chatType`, `on`): each builds a composer for every update,
  // and every update of the bot passes here.
  return async (ctx, next) => {
    const chatId = ctx.chat?.type === "private" ? ctx.chat.id : undefined;
    const from = ctx.from;
    const data = ctx.callbackQuery?.data;
    if (chatId === undefined || from === undefined || (data === undefined && !ctx.message)) return next();
    if (data !== undefined ? !data.startsWith(BUTTON_PREFIX) : isCommand(ctx)) return next();
    const session = await findSession(deps.db, chatId);
    if (!session) return next();
    const subject = session.subject;
    const input = answerInput(ctx);
    const outcome = await inGroupCommit(deps.db, (trx) =>
      applyAnswer(
        { ...deps, db: trx, reads: readsOf(ctx.update) },
        from.id,
        subject,
        input,
        ctx.update.update_id,
        {
          step: session.asked_step,
          writtenBefore:
            ctx.message !== undefined &&
            session.shown_since !== null &&
            ctx.message.message_id < session.shown_since,
        },
      ),
    );
    switch (outcome.kind) {
      case "moved":
        await ctx.reply(ctx.t(outcome.unseen ? "as-moved-unseen" : "as-moved"), HTML);
        return askCurrent(deps, ctx, subject, undefined, undefined, session);
      case "stale":
        // A button of a question already answered: the newer answer stands.
        await ctx.answerCallbackQuery({ text: ctx.t("as-stale"), show_alert: true });
        return;
      case "problem":
        if (ctx.callbackQuery) await ctx.answerCallbackQuery();
        await ctx.reply(ctx.t(outcome.key, outcome.vars), HTML);
        if (session.asked_step === "summary") return;
        return askCurrent(deps, ctx, subject, undefined, undefined, session);
      case "saved": {
        const shown = session.message_id ?? undefined;
        if (outcome.again) {
          // The process that stored this answer died before it was done: it may have shown the next question
          // already, so what the person wrote after this answer is taken for that question (but not before).
          if (ctx.callbackQuery) await acknowledgePress(ctx);
          const answeredIn = ctx.message?.message_id ?? ctx.callbackQuery?.message?.message_id;
          return askCurrent(
            deps,
            ctx,
            subject,
            undefined,
            { kind: "new", replacing: shown, shownSince: answeredIn },
            session,
          );
        }
        if (input.type === "file") {
          // One message counts the files: the first gets it, the next ones update it.
          const place: Placement =
            (outcome.filesBefore ?? 0) > 0 && shown !== undefined
              ? { kind: "edit", messageId: shown }
              : { kind: "new", replacing: shown };
          return askCurrent(deps, ctx, subject, outcome.state, place, session);
        }
        const pressedOn = ctx.callbackQuery?.message?.message_id;
        if (input.type === "button" && isFileRemoval(input.data) && pressedOn !== undefined) {
          await ctx.answerCallbackQuery({ text: ctx.t("as-file-removed") });
          return askCurrent(
            deps,
            ctx,
            subject,
            outcome.state,
            { kind: "edit", messageId: pressedOn },
            session,
          );
        }
        if (!ctx.callbackQuery) return askCurrent(deps, ctx, subject, outcome.state, undefined, session);
        // The press's acknowledgement (the spinner stopped, the choice shown on its question) and the next
        // question are sent at once: against Telegram each call is a round trip the person would wait for.
        await Promise.all([
          acknowledgePress(ctx),
          askCurrent(deps, ctx, subject, outcome.state, undefined, session),
        ]);
        return;
      }
      case "submitted":
        await acknowledgePress(ctx);
        await endSession(deps.db, chatId);
        await ctx.reply(ctx.t(outcome.firstTime ? "as-submitted" : "as-submitted-again", { subject }), HTML);
        return;
      case "stopped":
        await acknowledgePress(ctx);
        await endSession(deps.db, chatId);
        await ctx.reply(ctx.t("as-stopped", { command: subject === "unit" ? "/unit" : "/assess" }), HTML);
        return;
      case "unavailable":
        // The deadline passed or the round closed meanwhile: say which, and close the question.
        if (ctx.callbackQuery) await ctx.answerCallbackQuery();
        return askCurrent(deps, ctx, subject);
    }
  };
}
