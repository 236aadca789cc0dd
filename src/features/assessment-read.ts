import { Composer, InlineKeyboard } from "grammy";
import { findAssessment, findAssessmentById, listProofFiles } from "../../db/assessments.js";
import { findOpenRound, listRounds } from "../../db/rounds.js";
import type { Assessment, Round } from "../../db/schema.js";
import { findUnitById } from "../../db/units.js";
import { findUser } from "../../db/users.js";
import { READ_COMMAND, readOnlyPages } from "../assessment/read-view.js";
import type { BotContext } from "../context.js";
import { nomineeBeforeCouncil as nomineeBeforeCouncilNow } from "../council/agenda.js";
import type { AppDeps } from "../deps.js";
import type { Subject } from "../domain/assessment.js";
import { canSeeAssessment, scopeOfActor } from "../domain/visibility.js";
import { escapeHtml, HTML } from "../html.js";

/** The button that fetches one proof file of a self-assessment being read. */
const FILE_BUTTON = /^avf:(\d+):(\d+)$/;
/** A nomination card's button: the nominee's self-assessment (av:i:<person>) or the unit's own (av:u:<unit>). */
const OPEN_BUTTON = /^av:([iu]):(\d+)$/;

/**
 * Reading someone's self-assessment, read-only: a head their unit's people and the unit's own, the Office
 * everyone's, a person their own. Opened by /xem_<id> (the names in /unit and /status carry it) or a
 * nomination card's button; each proof file is fetched with its own button.
 */
export function assessmentReadFeature(deps: AppDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const feature = composer.chatType("private");

  /** Whether the reader may see it; a member of the Council while its subject's nomination is before the Council. */
  async function mayRead(
    ctx: BotContext,
    assessment: { subject: Subject; subjectId: number; unitId: number; year?: number },
  ): Promise<boolean> {
    const scope = scopeOfActor(ctx.actor);
    const nomineeBeforeCouncil =
      scope.kind === "council" && (await nomineeBeforeCouncilNow(deps, assessment));
    const { subject, subjectId, unitId } = assessment;
    return canSeeAssessment(scope, { subject, subjectId, unitId, nomineeBeforeCouncil });
  }

  /** The assessment of `subject`/`subjectId` in the open (else the latest) round, if the reader may see it. */
  async function readable(
    ctx: BotContext,
    subject: Subject,
    subjectId: number,
  ): Promise<
    | { ok: false; problem: string; year?: number }
    | { ok: true; round: Round; assessment: Assessment; unitId: number }
  > {
    const round = (await findOpenRound(deps.db)) ?? (await listRounds(deps.db))[0];
    if (!round) return { ok: false, problem: "av-none" };
    const assessment = await findAssessment(deps.db, { year: round.year, subject, subjectId });
    const unitId =
      assessment?.unit_id ?? (subject === "unit" ? subjectId : (await findUser(deps.db, subjectId))?.unit_id);
    // Whether it exists is said only to who may see it.
    if (unitId === undefined || !(await mayRead(ctx, { subject, subjectId, unitId })))
      return { ok: false, problem: "av-not-visible" };
    if (!assessment) return { ok: false, problem: "av-not-started", year: round.year };
    return { ok: true, round, assessment, unitId };
  }

  async function show(ctx: BotContext, subject: Subject, subjectId: number) {
    const found = await readable(ctx, subject, subjectId);
    if (!found.ok) return ctx.reply(ctx.t(found.problem, { year: String(found.year ?? "") }), HTML);
    const unit = await findUnitById(deps.db, found.unitId);
    const unitName = unit?.name ?? "";
    const person = subject === "individual" ? await findUser(deps.db, subjectId) : undefined;
    const whose =
      subject === "unit"
        ? ctx.t("av-whose-unit", { unit: escapeHtml(unitName) })
        : ctx.t("av-whose-person", {
            name: escapeHtml(person?.full_name ?? ""),
            position: person?.position ? `, ${escapeHtml(person.position)}` : "",
            unit: escapeHtml(unitName),
          });
    const { pages, files } = await readOnlyPages(
      deps,
      found.round,
      found.assessment,
      whose,
      unitName,
      ctx.actor?.language ?? "vi",
    );
    const keyboard = new InlineKeyboard();
    for (const [index, file] of files.entries()) {
      keyboard.text(`📎 ${index + 1}`, `avf:${found.assessment.id}:${file.id}`);
      if (index % 5 === 4) keyboard.row();
    }
    for (const [index, page] of pages.entries()) {
      const last = index === pages.length - 1;
      await ctx.reply(page, { ...HTML, ...(last && files.length > 0 ? { reply_markup: keyboard } : {}) });
    }
  }

  feature.hears(READ_COMMAND, (ctx) =>
    show(ctx, ctx.match[1] === "u" ? "unit" : "individual", Number(ctx.match[2])),
  );
  feature.callbackQuery(OPEN_BUTTON, async (ctx) => {
    await ctx.answerCallbackQuery();
    await show(ctx, ctx.match[1] === "u" ? "unit" : "individual", Number(ctx.match[2]));
  });
  feature.callbackQuery(FILE_BUTTON, async (ctx) => {
    const [assessmentId, fileId] = [Number(ctx.match[1]), Number(ctx.match[2])];
    const file = (await listProofFiles(deps.db, assessmentId)).find((f) => f.id === fileId);
    const assessment = file && (await findAssessmentById(deps.db, assessmentId));
    if (
      !file ||
      !assessment ||
      !(await mayRead(ctx, {
        subject: assessment.subject,
        subjectId: assessment.subject_id,
        unitId: assessment.unit_id,
        year: assessment.round_year,
      }))
    ) {
      return ctx.answerCallbackQuery({ text: ctx.t("av-not-visible"), show_alert: true });
    }
    await ctx.answerCallbackQuery();
    const caption = { caption: file.file_name ?? undefined };
    if (file.kind === "photo") await ctx.replyWithPhoto(file.file_id, caption);
    else await ctx.replyWithDocument(file.file_id, caption);
  });
  return composer;
}
