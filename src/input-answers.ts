import type { InlineKeyboard } from "grammy";
import type { DB } from "../db/connection.js";
import { findNomination } from "../db/nominations.js";
import type { Language } from "../db/schema.js";
import { getLanguage } from "../db/users.js";
import type { BotContext } from "./context.js";
import type { AppDeps } from "./deps.js";
import { FILE_SIZE_MB } from "./domain/evidence.js";
import type { NominationStatus, NomineeKind } from "./domain/nominations.js";
import { type IncomingFile, returnByOffice, uploadDocument } from "./dossier/service.js";
import { dossierScreen } from "./dossier/view.js";
import { escapeHtml } from "./html.js";
import type { Refusal } from "./nominations/access.js";
import { cardScreen, transitionProblemText } from "./nominations/card.js";
import { formName, nomineeLabel } from "./nominations/render.js";
import { moveOn } from "./nominations/review.js";
import { afterProposalKeyboard } from "./nominations/screens.js";
import { propose } from "./nominations/service.js";
import { viewContext } from "./screen.js";

/** What a question asked with a button waits for (kept in the conversation's state, so plain JSON). */
export type Ask =
  | { kind: "nominate"; formId: string; nomineeKind: NomineeKind; nomineeId: number }
  | { kind: "move"; nominationId: number; to: NominationStatus }
  | { kind: "return-dossier"; unitId: number }
  | { kind: "upload"; documentId: string; nomineeKey: string };

export interface InputReply {
  messages: Array<{ text: string; extra: { reply_markup?: InlineKeyboard } }>;
  /** False while the answer was not usable and the question still stands. */
  done: boolean;
}

export const REASON_MIN = 5;
export const REASON_MAX = 500;

type Deps = AppDeps;

const say = (text: string, keyboard?: InlineKeyboard, done = true): InputReply => ({
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

/** The unit's heads, each with their language, to tell them what the Office decided. */
async function headsOf(db: DB, unitId: number): Promise<Array<{ id: number; language: Language }>> {
  const heads = await db
    .selectFrom("users")
    .select("telegram_id")
    .where("unit_id", "=", unitId)
    .where("role", "=", "unit_head")
    .execute();
  return Promise.all(
    heads.map(async (h) => ({ id: h.telegram_id, language: (await getLanguage(db, h.telegram_id)) ?? "vi" })),
  );
}

/**
 * Tells a unit's heads in their own chat; returns how many could not be reached (blocked the bot, never
 * pressed Start), so the Office knows to call them.
 */
export async function notifyHeads(
  deps: Deps,
  ctx: BotContext,
  unitId: number,
  text: (language: Language) => string,
): Promise<{ reached: number; unreached: number }> {
  let reached = 0;
  let unreached = 0;
  for (const head of await headsOf(deps.db, unitId)) {
    try {
      await ctx.api.sendMessage(head.id, text(head.language), { parse_mode: "HTML" });
      reached++;
    } catch (error) {
      ctx.log.warn({ err: error, head: head.id }, "could not tell a unit head");
      unreached++;
    }
  }
  return { reached, unreached };
}

/** Whether the unit's heads got the Office's decision; if not, the Office is asked to tell them itself. */
function toldText(ctx: BotContext, told: { reached: number; unreached: number }): string {
  return ctx.t(told.unreached > 0 || told.reached === 0 ? "nm-head-not-told" : "nm-head-told");
}

function fileOf(ctx: BotContext): IncomingFile | undefined {
  const d = ctx.message?.document;
  if (!d) return undefined;
  return {
    fileId: d.file_id,
    uniqueId: d.file_unique_id,
    fileName: d.file_name,
    mimeType: d.mime_type,
    size: d.file_size,
  };
}

/** Takes the answer to an asked question, acts on it with every check made again, and says what happened. */
export async function answerAsk(deps: Deps, ctx: BotContext, ask: Ask): Promise<InputReply> {
  const c = viewContext(deps, ctx);
  const updateId = ctx.update.update_id;
  switch (ask.kind) {
    case "upload": {
      const file = fileOf(ctx);
      if (!file)
        return say(ctx.t(ctx.message?.photo ? "ds-upload-photo" : "ds-upload-expected"), undefined, false);
      const outcome = await uploadDocument(deps, ctx.actor, ask, file);
      if (!outcome.ok && "problem" in outcome)
        return say(ctx.t(`ds-upload-${outcome.problem}`, { size: FILE_SIZE_MB }), undefined, false);
      if (!outcome.ok) return refused(ctx, outcome);
      const screen = dossierScreen(c, outcome.state, "head");
      return say(`${ctx.t("ds-uploaded")}\n\n${screen.text}`, screen.keyboard);
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
      return say(added, afterProposalKeyboard(c, ask.formId));
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
      const told = await notifyHeads(deps, ctx, n.unit_id, (language) =>
        deps.i18n.t(language, `nm-notice-${ask.to}`, {
          nominee: escapeHtml(n.nominee_name),
          form: escapeHtml(formName(deps.campaign, n.form_id, language)),
          reason: escapeHtml(checked.reason),
        }),
      );
      const card = await cardScreen(deps, c, ctx.actor, n.id);
      return say(`${toldText(ctx, told)}\n\n${card.text}`, card.keyboard);
    }
    case "return-dossier": {
      const checked = checkReason(ctx);
      if (!checked.ok) return checked.reply;
      const outcome = await returnByOffice(deps, ctx.actor, ask.unitId, checked.reason, updateId);
      if (!outcome.ok) return refused(ctx, outcome);
      const year = outcome.state.access.round.year;
      const screen = dossierScreen(c, outcome.state, "office");
      // Another Office member returned it first: their reason stands, and this one is not sent.
      if (outcome.already) return say(`${ctx.t("ds-already-returned")}\n\n${screen.text}`, screen.keyboard);
      const told = await notifyHeads(deps, ctx, ask.unitId, (language) =>
        deps.i18n.t(language, "ds-notice-returned", {
          year: String(year),
          reason: escapeHtml(checked.reason),
        }),
      );
      return say(`${toldText(ctx, told)}\n\n${screen.text}`, screen.keyboard);
    }
  }
}
