import { Composer, InlineKeyboard } from "grammy";
import { endSession, findSession, saveSession } from "../db/assessment-sessions.js";
import type { DB } from "../db/connection.js";
import { inGroupCommit } from "../db/group-commit.js";
import { type AssessmentState, applyAnswer } from "../src/assessment/service.js";
import { currentView, viewOf } from "../src/assessment/view.js";
import type { BaseContext, BotContext } from "../src/context.js";
import type { AppDeps } from "../src/deps.js";
import { type AnswerInput, BUTTON_PREFIX } from "../src/domain/answering.js";
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
  let asked: { message_id: number };
  if (view.kind === "summary") {
    for (const page of view.pages.slice(0, -1)) await ctx.reply(page, HTML);
    asked = await ctx.reply(view.pages.at(-1) ?? "", { ...HTML, ...buttons });
  } else {
    asked = await ctx.reply(view.text, { ...HTML, ...buttons });
  }
  const session = {
    chatId,
    subject,
    askedStep: view.kind === "question" ? view.stepKey : "summary",
    messageId: asked.message_id,
  };
  // Recorded only once the question was sent: an answer is taken for the question on the person's screen.
  const save = (db: DB) => saveSession(db, session, deps.clock());
  await (ctx.lastWrite ? ctx.lastWrite(save) : save(deps.db));
}

/**
 * The self-assessment, for a person (`individual`) or, by its head, for a unit, as a plain handler rather
 * than a replayed conversation: the database holds every answer and the chat's open question, so each update
 * is one read-check-write of the stored assessment (in one transaction) and one reply. A command or a button
 * of another screen passes on to its own handler while the question stays open.
 */
export function assessmentFlow(deps: AppDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const chats = composer.chatType("private");

  chats.on(["callback_query:data", "message"], async (ctx, next) => {
    const data = ctx.callbackQuery?.data;
    if (data !== undefined ? !data.startsWith(BUTTON_PREFIX) : isCommand(ctx)) return next();
    const session = await findSession(deps.db, ctx.chat.id);
    if (!session) return next();
    const subject = session.subject;
    const input = answerInput(ctx);
    const outcome = await inGroupCommit(deps.db, (trx) =>
      applyAnswer(
        { ...deps, db: trx, reads: readsOf(ctx.update) },
        ctx.from.id,
        subject,
        input,
        ctx.update.update_id,
        session.asked_step,
      ),
    );
    switch (outcome.kind) {
      case "moved":
        await ctx.reply(ctx.t("as-moved"), HTML);
        return askCurrent(deps, ctx, subject);
      case "stale":
        // A button of a question already answered: the newer answer stands.
        await ctx.answerCallbackQuery({ text: ctx.t("as-stale"), show_alert: true });
        return;
      case "problem":
        if (ctx.callbackQuery) await ctx.answerCallbackQuery();
        await ctx.reply(ctx.t(outcome.key, outcome.vars), HTML);
        if (session.asked_step === "summary") return;
        return askCurrent(deps, ctx, subject);
      case "saved":
        if (ctx.callbackQuery) await acknowledgePress(ctx);
        else if (input.type === "file") await ctx.reply(ctx.t("as-file-received"), HTML);
        return askCurrent(deps, ctx, subject, outcome.state);
      case "submitted":
        await acknowledgePress(ctx);
        await endSession(deps.db, ctx.chat.id);
        await ctx.reply(ctx.t(outcome.firstTime ? "as-submitted" : "as-submitted-again", { subject }), HTML);
        return;
      case "stopped":
        await acknowledgePress(ctx);
        await endSession(deps.db, ctx.chat.id);
        await ctx.reply(ctx.t("as-stopped", { command: subject === "unit" ? "/unit" : "/assess" }), HTML);
        return;
      case "unavailable":
        // The deadline passed or the round closed meanwhile: say which, and close the question.
        if (ctx.callbackQuery) await ctx.answerCallbackQuery();
        return askCurrent(deps, ctx, subject);
    }
  });
  return composer;
}
