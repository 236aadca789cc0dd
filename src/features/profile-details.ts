import { Composer, InlineKeyboard, Keyboard } from "grammy";
import { INPUT } from "../../conversations/input.js";
import { enqueueNotices, registeredPerson } from "../../db/notices.js";
import { type DetailAnswer, findProfileDetails, saveDetail } from "../../db/profile-details.js";
import type { Nomination } from "../../db/schema.js";
import { findUnitById } from "../../db/units.js";
import { findUser, type UserWithUnit } from "../../db/users.js";
import type { BotContext } from "../context.js";
import type { AppDeps } from "../deps.js";
import {
  awardLine,
  checkAwards,
  checkDateOfBirth,
  checkDetailText,
  checkGender,
  DETAIL_MAX,
  DETAIL_STEPS,
  type DetailStep,
  dateOfBirthText,
  isSkip,
  MAX_AGE,
  MIN_AGE,
  mayFillDetails,
  missingSteps,
  nextStep,
  type ProfileDetails,
} from "../domain/profile-details.js";
import { toLocal } from "../domain/time.js";
import { escapeHtml, HTML } from "../html.js";
import type { Ask, InputDeps, InputReply } from "../input-answers.js";
import { noticeRows, sendSoon } from "../nominations/notices.js";
import { answerOnce, refuse } from "../paged-view.js";
import type { ReminderOutbox } from "../reminders/sender.js";
import type { Translate } from "../screen.js";

type DetailsAsk = Extract<Ask, { kind: "profile-details" }>;
type Deps = Pick<AppDeps, "db" | "campaign" | "clock" | "i18n">;

/** The button that starts the questions about `subjectId`, for the person or for their head. */
export function detailsButton(t: Translate, subjectId: number): InlineKeyboard {
  return new InlineKeyboard().text(t("pf-button"), `pf:s:${subjectId}`);
}

/** The person whose details the actor means to fill in, if the actor may: else the refusal's key. */
async function subjectFor(
  deps: Deps,
  actor: BotContext["actor"],
  subjectId: number,
): Promise<{ ok: true; subject: UserWithUnit } | { ok: false; key: string }> {
  if (!actor) return { ok: false, key: "pf-not-allowed" };
  const subject = await findUser(deps.db, subjectId);
  if (!subject) return { ok: false, key: "pf-not-registered" };
  const unit = await findUnitById(deps.db, subject.unit_id);
  const allowed = mayFillDetails(
    { telegramId: actor.telegramId, role: actor.role, unitId: actor.user?.unit_id ?? null },
    { telegramId: subject.telegram_id, unitId: subject.unit_id, officeProposes: unit?.office_proposes === 1 },
  );
  return allowed ? { ok: true, subject } : { ok: false, key: "pf-not-allowed" };
}

/** The details as lines "Ngày sinh: …", each "chưa có" where never answered. */
export function detailsLines(t: Translate, details: ProfileDetails | undefined): string {
  const none = t("pf-not-given");
  const text = (value: string | null | undefined) => (value ? escapeHtml(value) : none);
  const awards = details?.awards;
  const awardsText =
    awards === undefined || awards === null
      ? none
      : awards.length === 0
        ? t("pf-awards-none")
        : awards.map((award) => `\n• ${escapeHtml(awardLine(award))}`).join("");
  return t("pf-details", {
    dob: details?.dateOfBirth ? dateOfBirthText(details.dateOfBirth) : none,
    gender: details?.gender ? t(details.gender === "male" ? "pf-gender-male" : "pf-gender-female") : none,
    hometown: text(details?.hometown),
    qualification: text(details?.qualification),
    duties: text(details?.duties),
    awards: awardsText,
  });
}

/** The current value of one question, as shown under it ("hiện có: …"). */
function currentValue(
  t: Translate,
  details: ProfileDetails | undefined,
  step: DetailStep,
): string | undefined {
  if (!details) return undefined;
  switch (step) {
    case "dob":
      return details.dateOfBirth ? dateOfBirthText(details.dateOfBirth) : undefined;
    case "gender":
      return details.gender
        ? t(details.gender === "male" ? "pf-gender-male" : "pf-gender-female")
        : undefined;
    case "hometown":
    case "qualification":
    case "duties":
      return details[step] ?? undefined;
    case "awards":
      if (details.awards === null) return undefined;
      return details.awards.length === 0 ? t("pf-awards-none") : details.awards.map(awardLine).join("; ");
  }
}

const QUESTION: Record<DetailStep, string> = {
  dob: "pf-ask-dob",
  gender: "pf-ask-gender",
  hometown: "pf-ask-hometown",
  qualification: "pf-ask-qualification",
  duties: "pf-ask-duties",
  awards: "pf-ask-awards",
};

/** Gender is answered with its buttons; every question has "Bỏ qua" to keep what is stored. */
function questionKeyboard(t: Translate, step: DetailStep): Keyboard {
  const keyboard = new Keyboard();
  if (step === "gender") keyboard.text(t("pf-gender-male")).text(t("pf-gender-female")).row();
  return keyboard.text(t("pf-skip")).resized();
}

/** One question: whose details, which of six, what it asks and what is stored now. */
function question(
  t: Translate,
  subject: UserWithUnit,
  details: ProfileDetails | undefined,
  step: DetailStep,
): { text: string; keyboard: Keyboard } {
  const current = currentValue(t, details, step);
  const lines = [
    t("pf-question-head", {
      name: escapeHtml(subject.full_name),
      step: String(DETAIL_STEPS.indexOf(step) + 1),
      total: String(DETAIL_STEPS.length),
    }),
    t(QUESTION[step], { min: String(MIN_AGE), max: String(MAX_AGE) }),
  ];
  if (current) lines.push(t("pf-current", { value: escapeHtml(current) }));
  lines.push(t("pf-skip-hint"));
  return { text: lines.join("\n"), keyboard: questionKeyboard(t, step) };
}

/** Starts the questions about `subjectId`, each checked: the person, their head, or the Office for its units. */
async function startDetails(deps: Deps, ctx: BotContext, subjectId: number): Promise<void> {
  const found = await subjectFor(deps, ctx.actor, subjectId);
  if (!found.ok) return refuse(ctx, { ok: false, key: found.key });
  await answerOnce(ctx);
  const details = await findProfileDetails(deps.db, subjectId);
  const t: Translate = (key, vars) => ctx.t(key, vars);
  // A question asked before and never answered is replaced by this one.
  await ctx.conversation.exit(INPUT);
  const first = question(t, found.subject, details, "dob");
  await ctx.reply(`${t("pf-intro")}\n\n${first.text}`, { ...HTML, reply_markup: first.keyboard });
  const ask: DetailsAsk = { kind: "profile-details", subjectId, step: "dob" };
  await ctx.conversation.enter(INPUT, ask);
}

const DOB_REFUSAL: Record<"format" | "not_a_date" | "age", string> = {
  format: "pf-bad-dob-format",
  not_a_date: "pf-bad-dob-not-a-date",
  age: "pf-bad-dob-age",
};
const TEXT_REFUSAL: Record<"short" | "long" | "letters", string> = {
  short: "pf-bad-text-short",
  long: "pf-bad-text-long",
  letters: "pf-bad-text-letters",
};
const AWARDS_REFUSAL: Record<"many" | "line" | "year" | "form" | "decision", string> = {
  many: "pf-bad-awards-many",
  line: "pf-bad-awards-line",
  year: "pf-bad-awards-year",
  form: "pf-bad-awards-form",
  decision: "pf-bad-awards-decision",
};

/** The answer to one question, checked, or the refusal's key (with its words) to say before asking again. */
function readAnswer(
  deps: Deps,
  step: DetailStep,
  text: string,
): { ok: true; answer: DetailAnswer } | { ok: false; key: string; vars?: Record<string, string> } {
  const today = toLocal(deps.clock(), deps.campaign.timeZone);
  switch (step) {
    case "dob": {
      const checked = checkDateOfBirth(text, today);
      if (!checked.ok)
        return {
          ok: false,
          key: DOB_REFUSAL[checked.problem],
          vars: { min: String(MIN_AGE), max: String(MAX_AGE) },
        };
      return { ok: true, answer: { field: "date_of_birth", value: checked.date } };
    }
    case "gender": {
      const gender = checkGender(text);
      return gender
        ? { ok: true, answer: { field: "gender", value: gender } }
        : { ok: false, key: "pf-bad-gender" };
    }
    case "hometown":
    case "qualification":
    case "duties": {
      const checked = checkDetailText(text, DETAIL_MAX[step]);
      if (!checked.ok)
        return { ok: false, key: TEXT_REFUSAL[checked.problem], vars: { max: String(DETAIL_MAX[step]) } };
      return { ok: true, answer: { field: step, value: checked.text } };
    }
    case "awards": {
      const checked = checkAwards(text, today.year);
      if (!checked.ok)
        return {
          ok: false,
          key: AWARDS_REFUSAL[checked.problem],
          vars: { line: "line" in checked ? String(checked.line) : "", year: String(today.year) },
        };
      return { ok: true, answer: { field: "awards", value: checked.awards } };
    }
  }
}

/**
 * Takes the answer to one question: stored at once if it passes, refused with the reason and asked again if
 * not (nothing stored changes), kept as it was on "Bỏ qua". After the last, the whole as it now stands.
 */
export async function answerProfileDetails(
  deps: InputDeps,
  ctx: BotContext,
  ask: DetailsAsk,
): Promise<InputReply> {
  const found = await subjectFor(deps, ctx.actor, ask.subjectId);
  const remove = { remove_keyboard: true as const };
  if (!found.ok)
    return { messages: [{ text: ctx.t(found.key), extra: { reply_markup: remove } }], done: true };
  const t: Translate = (key, vars) => ctx.t(key, vars);
  const text = ctx.message?.text;
  const again = async (refusal: string): Promise<InputReply> => {
    const asked = question(t, found.subject, await findProfileDetails(deps.db, ask.subjectId), ask.step);
    return {
      messages: [{ text: `${refusal}\n\n${asked.text}`, extra: { reply_markup: asked.keyboard } }],
      done: false,
    };
  };
  if (text === undefined) return again(ctx.t("pf-text-expected"));
  if (!isSkip(text)) {
    const read = readAnswer(deps, ask.step, text);
    if (!read.ok) return again(ctx.t(read.key, read.vars));
    await saveDetail(deps.db, ask.subjectId, read.answer, ctx.actor?.telegramId ?? 0, deps.clock());
  }
  const details = await findProfileDetails(deps.db, ask.subjectId);
  const step = nextStep(ask.step);
  if (step) {
    const asked = question(t, found.subject, details, step);
    return {
      messages: [{ text: asked.text, extra: { reply_markup: asked.keyboard } }],
      done: false,
      next: { ...ask, step },
    };
  }
  const missing = missingSteps(details).length;
  const summary = [
    ctx.t("pf-summary", { name: escapeHtml(found.subject.full_name) }),
    detailsLines(t, details),
    ...(missing > 0 ? [ctx.t("pf-summary-missing", { count: missing })] : []),
  ].join("\n\n");
  return { messages: [{ text: summary, extra: { reply_markup: remove } }], done: true };
}

/**
 * After a person is proposed: where their profile lacks what the Báo cáo thành tích needs, the person is asked
 * through the outbox (once a round, however many forms they are proposed for), and the proposer gets the
 * message with the button to fill it in themselves. Undefined when nothing is missing or it is a collective.
 */
export async function askNomineeDetails(
  deps: Deps & { outbox: ReminderOutbox },
  ctx: BotContext,
  nomination: Pick<Nomination, "round_year" | "unit_id" | "nominee_kind" | "nominee_id" | "nominee_name">,
): Promise<{ text: string; keyboard: InlineKeyboard } | undefined> {
  if (nomination.nominee_kind !== "individual") return undefined;
  const missing = missingSteps(await findProfileDetails(deps.db, nomination.nominee_id));
  if (missing.length === 0) return undefined;
  const proposerId = ctx.actor?.telegramId;
  const nominee = await registeredPerson(deps.db, nomination.nominee_id);
  if (nominee && nominee.id !== proposerId) {
    const rows = noticeRows(
      deps,
      {
        key: `notice:pf-ask:${nomination.round_year}`,
        year: nomination.round_year,
        unitId: nomination.unit_id,
        text: (language) => deps.i18n.t(language, "pf-notice-nominee", { count: missing.length }),
      },
      [nominee],
    ).map((row) => ({
      ...row,
      reply_markup: JSON.stringify(
        detailsButton((key, vars) => deps.i18n.t(nominee.language, key, vars), nominee.id),
      ),
    }));
    await enqueueNotices(deps.db, rows);
    sendSoon(deps.outbox, ctx.api);
  }
  const self = nominee?.id === proposerId;
  return {
    text: ctx.t(self ? "pf-offer-self" : "pf-offer-head", {
      name: escapeHtml(nomination.nominee_name),
      count: missing.length,
      told: nominee ? "yes" : "no",
    }),
    keyboard: detailsButton((key, vars) => ctx.t(key, vars), nomination.nominee_id),
  };
}

/** The button that starts the questions: from the nominee's notice, the head's offer, or /me. */
export function profileDetailsFeature(deps: AppDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer
    .chatType("private")
    .callbackQuery(/^pf:s:(\d+)$/, (ctx) => startDetails(deps, ctx, Number(ctx.match[1])));
  return composer;
}
