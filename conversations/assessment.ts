import { InlineKeyboard } from "grammy";
import { applyAnswer } from "../src/assessment/service.js";
import { currentView } from "../src/assessment/view.js";
import type { FlowContext } from "../src/context.js";
import type { AppDeps } from "../src/deps.js";
import { type AnswerInput, BUTTON_PREFIX } from "../src/domain/answering.js";
import type { Subject } from "../src/domain/assessment.js";
import { HTML } from "../src/html.js";
import { acknowledgePress, type Flow, waitForAnswer } from "./flow.js";

/** Reduces an update to plain data for the answer's interpretation. */
export function answerInput(ctx: FlowContext): AnswerInput {
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
 * The self-assessment, for a person (`individual`) or, by its head, for a unit. The database holds every
 * answer; the flow only asks the question the stored answers are at, takes one answer, stores it and
 * rewinds to its start, so its replay log stays as short at the last question as at the first.
 */
export function assessmentFlow(deps: AppDeps) {
  return async function assessment(conversation: Flow, ctx: FlowContext, subject: Subject): Promise<void> {
    const actorId = ctx.from?.id;
    if (actorId === undefined) return;
    const top = conversation.checkpoint();
    const language = ctx.actor?.language ?? "vi";
    const view = await conversation.external(() => currentView(deps, actorId, subject, language));

    if (view.kind === "unavailable") {
      await ctx.reply(view.text, HTML);
      return;
    }
    const buttons =
      view.keyboard.flat().length > 0 ? { reply_markup: new InlineKeyboard(view.keyboard) } : {};
    if (view.kind === "summary") {
      for (const page of view.pages.slice(0, -1)) await ctx.reply(page, HTML);
      await ctx.reply(view.pages.at(-1) ?? "", { ...HTML, ...buttons });
    } else {
      await ctx.reply(view.text, { ...HTML, ...buttons });
    }

    for (;;) {
      const answer = await waitForAnswer(conversation, (data) => data.startsWith(BUTTON_PREFIX));
      const input = answerInput(answer);
      const updateId = answer.update.update_id;
      const asked = view.kind === "question" ? view.stepKey : "summary";
      const outcome = await conversation.external(() =>
        applyAnswer(deps, actorId, subject, input, updateId, asked),
      );
      const t = answer.t.bind(answer);
      switch (outcome.kind) {
        case "moved":
          await answer.reply(t("as-moved"), HTML);
          return conversation.rewind(top);
        case "stale":
          // A button of a question already answered: the newer answer stands.
          await answer.answerCallbackQuery({ text: t("as-stale"), show_alert: true });
          continue;
        case "problem":
          if (answer.callbackQuery) await answer.answerCallbackQuery();
          await answer.reply(t(outcome.key, outcome.vars), HTML);
          if (view.kind === "summary") continue;
          return conversation.rewind(top);
        case "saved":
          if (answer.callbackQuery) await acknowledgePress(answer);
          else if (input.type === "file") await answer.reply(t("as-file-received"), HTML);
          return conversation.rewind(top);
        case "submitted":
          await acknowledgePress(answer);
          await answer.reply(t(outcome.firstTime ? "as-submitted" : "as-submitted-again", { subject }), HTML);
          return;
        case "stopped":
          await acknowledgePress(answer);
          await answer.reply(t("as-stopped", { command: subject === "unit" ? "/unit" : "/assess" }), HTML);
          return;
        case "unavailable":
          // The deadline passed or the round closed meanwhile: the next pass says which, and ends.
          if (answer.callbackQuery) await answer.answerCallbackQuery();
          return conversation.rewind(top);
      }
    }
  };
}
