import { Composer, InlineKeyboard } from "grammy";
import { askCurrent } from "../../conversations/assessment.js";
import { findSession } from "../../db/assessment-sessions.js";
import { findAssessment, teamStatus } from "../../db/assessments.js";
import { inGroupCommit } from "../../db/group-commit.js";
import { findOpenRound, listRounds } from "../../db/rounds.js";
import { answersAreEmpty } from "../assessment/render.js";
import { type AssessmentState, individualStartRefusal, loadAssessment } from "../assessment/service.js";
import { teamLines } from "../assessment/team-view.js";
import { summaryView, translator, unavailableText } from "../assessment/view.js";
import type { BotContext } from "../context.js";
import type { AppDeps } from "../deps.js";
import { progress, type Subject } from "../domain/assessment.js";
import { formatLocalDateTime } from "../domain/time.js";
import { escapeHtml, HTML } from "../html.js";
import { readsOf } from "../middleware/update-scope.js";
import { statusWord } from "../nominations/render.js";
import { replyPaged } from "../paging.js";

const commandOf = (subject: Subject) => (subject === "unit" ? "/unit" : "/assess");

/** What opening an assessment says first: started, carried on, running already, or submitted (and changing). */
function openingKey(state: AssessmentState, running: boolean): string {
  if (state.assessment.status === "submitted") {
    return state.step.kind === "summary" ? "as-opened-submitted" : "as-editing-submitted";
  }
  if (running) return "as-already-running";
  return answersAreEmpty(state.answers) ? "as-intro" : "as-resume";
}

function openingVariables(state: AssessmentState): Record<string, string | number> {
  const { done, total } = progress(state.questionnaire, state.answers);
  return {
    subject: state.questionnaire.subject === "unit" ? "unit" : "individual",
    year: String(state.round.year),
    done,
    total,
    unit: escapeHtml(state.unitName),
    criteria: state.questionnaire.criteria.length,
  };
}

/** /assess and /myresult for everyone registered; /unit for unit heads. */
export function assessmentFeature(deps: AppDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const feature = composer.chatType("private");

  const start = async (ctx: BotContext, subject: Subject) => {
    const actor = ctx.actor;
    if (!actor) return;
    const t = translator(deps, actor.language);
    // In a group commit: the assessment may be created here, and 2,000 people may start at once.
    const loaded = await inGroupCommit(deps.db, (trx) =>
      loadAssessment({ ...deps, db: trx, reads: readsOf(ctx.update) }, actor.telegramId, subject),
    );
    if (!loaded.ok) {
      await ctx.reply(
        unavailableText(
          { t, language: actor.language, campaign: deps.campaign },
          loaded,
          undefined,
          deps.campaign.timeZone,
        ),
        HTML,
      );
      return;
    }
    const { state } = loaded;
    const open = await findSession(deps.db, actor.telegramId);
    const running = open?.subject === subject;
    // Another flow that was waiting (a registration, a profile change, a question) gives way to this one.
    await ctx.conversation.exitAll();
    if (open && !running) {
      // The other assessment's question loses its buttons: a press on it later would answer nothing.
      if (open.message_id !== null) {
        await ctx.api.editMessageReplyMarkup(open.chat_id, open.message_id).catch(() => undefined);
      }
      await ctx.reply(t("as-paused", { subject: open.subject, command: commandOf(open.subject) }), HTML);
    }
    // What opening says comes with the first question, in one message.
    const lead = state.locked ? undefined : t(openingKey(state, running), openingVariables(state));
    // Only its owner changes a person's own assessment, one update at a time: the state just read still
    // holds. A unit's may have moved meanwhile (another head answering), so it is read again.
    await askCurrent(deps, ctx, subject, subject === "individual" ? state : undefined, { kind: "new", lead });
  };

  feature.command("assess", (ctx) => start(ctx, "individual"));
  // The button under an employee's reminder.
  feature.callbackQuery("assess:start", async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup();
    await start(ctx, "individual");
  });

  feature.command("myresult", async (ctx) => {
    const actor = ctx.actor;
    if (!actor) return;
    const t = translator(deps, actor.language);
    if (!actor.user)
      return ctx.reply(
        unavailableText(
          { t, language: actor.language, campaign: deps.campaign },
          { problem: "not_registered" },
        ),
        HTML,
      );
    // The open round, or else the latest one: a closed round's assessment can still be read.
    const round = (await findOpenRound(deps.db)) ?? (await listRounds(deps.db))[0];
    if (!round)
      return ctx.reply(
        unavailableText(
          { t, language: actor.language, campaign: deps.campaign },
          { problem: "no_open_round" },
        ),
        HTML,
      );
    const existing = await findAssessment(deps.db, {
      year: round.year,
      subject: "individual",
      subjectId: actor.telegramId,
    });
    if (!existing) {
      // Point to /assess only when it would start one; else say why there is none and cannot be.
      const why = await individualStartRefusal(deps, actor.telegramId, round);
      const year = String(round.year);
      if (!why) return ctx.reply(t("myresult-none", { year }), HTML);
      return ctx.reply(
        t(`myresult-none-${why.refusal}`, {
          year,
          deadline: formatLocalDateTime(why.deadline, deps.campaign.timeZone),
          status: why.decided
            ? statusWord({ t, language: actor.language, campaign: deps.campaign }, why.decided)
            : "",
        }),
        HTML,
      );
    }
    const loaded = await loadAssessment(deps, actor.telegramId, "individual", round);
    if (!loaded.ok)
      return ctx.reply(
        unavailableText(
          { t, language: actor.language, campaign: deps.campaign },
          loaded,
          undefined,
          deps.campaign.timeZone,
        ),
        HTML,
      );
    const view = await summaryView(deps, loaded.state, t, actor.language);
    for (const page of view.pages) await ctx.reply(page, HTML);
  });

  feature.command("unit", async (ctx) => {
    const actor = ctx.actor;
    if (!actor) return;
    const t = translator(deps, actor.language);
    if (actor.user?.role !== "unit_head")
      return ctx.reply(
        unavailableText(
          { t, language: actor.language, campaign: deps.campaign },
          { problem: "not_unit_head" },
        ),
        HTML,
      );
    const round = await findOpenRound(deps.db);
    if (!round)
      return ctx.reply(
        unavailableText(
          { t, language: actor.language, campaign: deps.campaign },
          { problem: "no_open_round" },
        ),
        HTML,
      );
    const unitId = actor.user.unit_id;
    const [team, own] = await Promise.all([
      teamStatus(deps.db, round.year, unitId),
      findAssessment(deps.db, { year: round.year, subject: "unit", subjectId: unitId }),
    ]);
    const count = (status: string | null) => team.filter((member) => member.status === status).length;
    await ctx.reply(
      t("unit-panel", {
        unit: escapeHtml(actor.user.unit_name),
        year: String(round.year),
        own: t(`unit-own-${own?.status ?? "not_started"}`),
        submitted: count("submitted"),
        inProgress: count("in_progress"),
        notStarted: count(null),
        total: team.length,
      }),
      {
        ...HTML,
        reply_markup: new InlineKeyboard()
          .text(t("unit-assess-button"), "unit:assess")
          .row()
          .text(t("unit-team-button"), "unit:team"),
      },
    );
  });

  feature.callbackQuery("unit:assess", async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup();
    await start(ctx, "unit");
  });

  feature.callbackQuery("unit:team", async (ctx) => {
    await ctx.answerCallbackQuery();
    const actor = ctx.actor;
    const t = translator(deps, actor?.language ?? "vi");
    const c = { t, language: actor?.language ?? "vi", campaign: deps.campaign };
    if (actor?.user?.role !== "unit_head")
      return ctx.reply(unavailableText(c, { problem: "not_unit_head" }), HTML);
    const round = await findOpenRound(deps.db);
    if (!round) return ctx.reply(unavailableText(c, { problem: "no_open_round" }), HTML);
    const team = await teamStatus(deps.db, round.year, actor.user.unit_id);
    const lines = teamLines(t, team);
    await replyPaged(
      ctx,
      t("unit-team-header", { unit: escapeHtml(actor.user.unit_name), total: team.length }),
      lines,
    );
  });

  return composer;
}
