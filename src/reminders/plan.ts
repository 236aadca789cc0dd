import { InlineKeyboard } from "grammy";
import { roundExtensions } from "../../db/assessments.js";
import { headsOfUnit, officeRecipients } from "../../db/notices.js";
import {
  activeUnitIds,
  employeeRecipients,
  planEmployeeSlot,
  plannedSlots,
  planSlot,
  supersedeOlder,
  type UnitState,
  unitStates,
} from "../../db/reminders.js";
import { findOpenRound } from "../../db/rounds.js";
import type { Language, NewReminder, Round } from "../../db/schema.js";
import { findUnitById } from "../../db/units.js";
import type { Translate } from "../assessment/render.js";
import { translator } from "../assessment/view.js";
import type { Campaign } from "../campaign/schema.js";
import type { AppDeps } from "../deps.js";
import { criterionKey } from "../domain/assessment.js";
import {
  currentSlot,
  digestSlots,
  employeeSlots,
  extensionEndSlot,
  type Owed,
  owedBy,
  owesNothing,
  type Slot,
  unitSlots,
} from "../domain/reminders.js";
import { formatLocalDateTime } from "../domain/time.js";
import { unitStatus } from "../domain/unit-status.js";
import { escapeHtml } from "../html.js";
import { LANGUAGES, localised } from "../i18n.js";
import { privateChatKeyboard } from "../middleware/private-screens.js";
import { formShort } from "../nominations/render.js";
import { MESSAGE_LIMIT, paginate } from "../paging.js";
import {
  deadlineLine,
  digestLines,
  employeeAwaitingRatingText,
  employeeReminderText,
  isOverdue,
  NAMES_SHOWN,
  type ReminderContext,
  unitReminderText,
} from "./render.js";

type Deps = Pick<AppDeps, "db" | "campaign" | "i18n" | "officeAdminIds"> & {
  /** The bot's username, for the group reminder's button to the private chat; a dry run may have none. */
  botUsername?: string | undefined;
};

interface Planning {
  round: Round;
  deadline: Date;
  now: Date;
  states: UnitState[];
  /** One rendering context per language for the whole planning, not one per row. */
  contexts: Map<Language, ReminderContext>;
  /** `now` as stored: when each row is due and was created. */
  at: string;
  /** What each unit owes, worked out once for the unit reminders and the digest. */
  owed: Map<number, Owed>;
}

/** Units planned between two yields to the event loop, so that updates are answered while a slot is planned. */
const UNITS_PER_CHUNK = 10;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

function planning(round: Round, now: Date, states: UnitState[]): Planning {
  const at = now.toISOString();
  return {
    round,
    deadline: new Date(round.deadline_at),
    now,
    at,
    states,
    contexts: new Map(),
    owed: new Map(),
  };
}

function owedIn(deps: Deps, p: Planning, unit: UnitState): Owed {
  let owed = p.owed.get(unit.id);
  if (!owed) {
    owed = owedOf(deps.campaign, unit);
    p.owed.set(unit.id, owed);
  }
  return owed;
}

/** A translation without variables is the same words every time: looked up once per planning. */
function remembered(t: Translate): Translate {
  const plain = new Map<string, string>();
  return (key, variables) => {
    if (variables !== undefined) return t(key, variables);
    let text = plain.get(key);
    if (text === undefined) {
      text = t(key);
      plain.set(key, text);
    }
    return text;
  };
}

function context(deps: Deps, p: Planning, language: Language): ReminderContext {
  let r = p.contexts.get(language);
  if (!r) {
    r = {
      t: remembered(translator(deps, language)),
      language,
      year: p.round.year,
      deadline: p.deadline,
      now: p.now,
      timeZone: deps.campaign.timeZone,
      documentName: (documentId) => {
        const document = deps.campaign.dossier.documents.find((d) => d.id === documentId);
        return document ? localised(document.name, language) : documentId;
      },
      formName: (formId) => formShort(deps.campaign, formId, language),
    };
    p.contexts.set(language, r);
  }
  return r;
}

/** What a unit owes, by the same aggregation as /status and /pending. */
export function owedOf(campaign: Pick<Campaign, "awardForms" | "dossier">, state: UnitState): Owed {
  const forms = { awardForms: campaign.awardForms, documents: campaign.dossier.documents };
  // Whether the round is past its deadline changes only whether the unit counts as late, not what it owes.
  return owedBy(unitStatus(state.facts, forms, false));
}

function row(
  p: Planning,
  slotKey: string,
  fields: Omit<NewReminder, "round_year" | "slot_key" | "due_at" | "status" | "created_at">,
): NewReminder {
  return {
    round_year: p.round.year,
    slot_key: slotKey,
    due_at: p.at,
    status: "pending",
    created_at: p.at,
    ...fields,
  };
}

/** The head's reminder (with names and buttons that open the unit's flows) and the bound group's (counts only). */
async function unitReminderRows(
  deps: Deps,
  p: Planning,
  slotKey: string,
  units: readonly UnitState[],
): Promise<NewReminder[]> {
  const rows: NewReminder[] = [];
  const pastDeadline = isOverdue(context(deps, p, "vi"));
  for (const [index, unit] of units.entries()) {
    if (index > 0 && index % UNITS_PER_CHUNK === 0) await yieldToEventLoop();
    const owed = owedIn(deps, p, unit);
    if (owesNothing(owed)) continue;
    // A dossier sent on time is never overdue: self-assessments still missing are late for their people, and
    // the Office sees them in /status and /pending; the unit is not told it is "quá hạn".
    if (pastDeadline && owed.dossier === null) continue;
    for (const head of unit.heads) {
      const r = context(deps, p, head.language);
      // The unit's self-assessment and its dossier only while they are owed; the staff list always.
      const keyboard = new InlineKeyboard();
      if (owed.unitAssessment) keyboard.text(r.t("unit-assess-button"), "unit:assess").row();
      keyboard.text(r.t("unit-team-button"), "unit:team");
      if (owed.dossier) keyboard.row().text(r.t("ds-open-button"), "ds:view");
      rows.push(
        row(p, slotKey, {
          kind: "unit",
          chat_id: head.telegramId,
          unit_id: unit.id,
          text: unitReminderText(r, unit, owed, true),
          reply_markup: JSON.stringify(keyboard),
        }),
      );
    }
    if (unit.groupChatId !== null) {
      const r = context(deps, p, "vi");
      // What is left is done in a private chat: a button opens it, at /assess while people have not submitted.
      // Past the deadline there is nothing to open until the Office reopens the unit.
      const keyboard =
        deps.botUsername && !pastDeadline
          ? privateChatKeyboard(r.t, deps.botUsername, owed.peopleMissing > 0 ? "assess" : undefined)
          : undefined;
      rows.push(
        row(p, slotKey, {
          kind: "group",
          chat_id: unit.groupChatId,
          unit_id: unit.id,
          text: unitReminderText(r, unit, owed, false),
          reply_markup: keyboard ? JSON.stringify(keyboard) : null,
        }),
      );
    }
  }
  return rows;
}

type Words = Map<Language, { text: string; reply_markup: string }>;

/** The employees' reminder in each language: everyone reading a language gets the same words. */
function employeeMessages(deps: Deps, p: Planning, text: (r: ReminderContext) => string): Words {
  return new Map(
    LANGUAGES.map((language) => {
      const r = context(deps, p, language);
      return [
        language,
        {
          text: text(r),
          reply_markup: JSON.stringify(new InlineKeyboard().text(r.t("rm-open-assessment"), "assess:start")),
        },
      ];
    }),
  );
}

/**
 * The individual criteria that may be answered "rating not known yet" (by their answers' keys), and the number of
 * the first, as the summary's "Sửa tiêu chí" button names it.
 */
function awaitingRatingCriteria(campaign: Campaign): { itemKeys: string[]; number: number } | undefined {
  const criteria = campaign.criteria.individual;
  const awaitable = criteria.filter((c) => c.evidence.kind === "rating" && c.evidence.pending !== undefined);
  const first = awaitable[0];
  if (!first) return undefined;
  return { itemKeys: awaitable.map((c) => criterionKey(c.id)), number: criteria.indexOf(first) + 1 };
}

/**
 * The employees' reminder to everyone in these units who has not submitted their self-assessment, and to those
 * who submitted it with the year's rating not known yet (their own words: add the rating). The database
 * writes the rows from the people themselves (`planEmployeeSlot`); a dry run lists them instead.
 */
async function employeeSlot(
  deps: Deps,
  p: Planning,
  slot: Slot,
  unitIds: readonly number[],
  dryRun: boolean,
): Promise<PlannedSlot> {
  const messages = employeeMessages(deps, p, employeeReminderText);
  const awaitable = awaitingRatingCriteria(deps.campaign);
  const awaiting = awaitable && {
    itemKeys: awaitable.itemKeys,
    messages: employeeMessages(deps, p, (r) => employeeAwaitingRatingText(r, awaitable.number)),
  };
  const expiresAt = slot.expiresAt?.toISOString() ?? null;
  if (!dryRun) {
    const written = await planEmployeeSlot(
      deps.db,
      p.round.year,
      slot.key,
      unitIds,
      { messages, ...(awaiting ? { awaitingRating: awaiting } : {}), dueAt: p.at, expiresAt },
      p.now,
      yieldToEventLoop,
    );
    return { slot, count: written ?? 0, rows: [] };
  }
  const rows: NewReminder[] = [];
  const keys = awaiting?.itemKeys ?? [];
  for (const person of await employeeRecipients(deps.db, p.round.year, unitIds, keys)) {
    const words = person.awaitingRating && awaiting ? awaiting.messages : messages;
    const message = words.get(person.language) ?? words.get("vi");
    if (!message) continue;
    rows.push({
      round_year: p.round.year,
      slot_key: slot.key,
      kind: "employee",
      chat_id: person.chatId,
      unit_id: person.unitId,
      text: message.text,
      reply_markup: message.reply_markup,
      due_at: p.at,
      expires_at: expiresAt,
      status: "pending",
      created_at: p.at,
    });
  }
  return { slot, count: rows.length, rows };
}

async function digestRows(deps: Deps, p: Planning, slotKey: string): Promise<NewReminder[]> {
  const office = await officeRecipients(deps.db, deps.officeAdminIds);
  const units = p.states.map((unit) => ({ unit, owed: owedIn(deps, p, unit) }));
  const complete = units.filter(({ owed }) => owesNothing(owed)).length;
  const dossiers = units.filter(({ owed }) => owed.dossier === null).length;
  const rows: NewReminder[] = [];
  // Every member of the Office reading a language gets the same pages: rendered once per language.
  const pagesIn = new Map<Language, string[]>();
  for (const { id: chatId, language } of office) {
    let pages = pagesIn.get(language);
    if (!pages) {
      const r = context(deps, p, language);
      const header = `${r.t("rm-digest-title", { dossiers, complete, total: units.length })}\n${deadlineLine(r)}`;
      pages = paginate(header, digestLines(r, units), "", MESSAGE_LIMIT - 100);
      pagesIn.set(language, pages);
      await yieldToEventLoop();
    }
    pages.forEach((text, page) => {
      rows.push(
        row(p, slotKey, { kind: "digest", chat_id: chatId, unit_id: null, page, text, reply_markup: null }),
      );
    });
  }
  return rows;
}

async function openPlanning(deps: Deps, now: Date): Promise<Planning | undefined> {
  const round = await findOpenRound(deps.db);
  if (!round) return undefined;
  return planning(round, now, await unitStates(deps.db, round.year, NAMES_SHOWN, yieldToEventLoop));
}

export interface PlannedSlot {
  slot: Slot;
  /** How many messages were planned (in a dry run, would be). */
  count: number;
  /**
   * The messages. The employees' are written by the database from the people themselves: listed only in a dry
   * run (in a real run, `rows` is empty for that slot and `count` says how many).
   */
  rows: NewReminder[];
}

/**
 * Plans the reminders due at `now`: for each kind, the latest slot already due (earlier ones missed while the
 * bot was down are superseded), once. Returns what was planned; with `dryRun` nothing is stored.
 */
export async function planDueReminders(
  deps: Deps,
  now: Date,
  options: { dryRun?: boolean } = {},
): Promise<PlannedSlot[]> {
  const round = await findOpenRound(deps.db);
  if (!round) return [];
  const { campaign } = deps;
  const schedule = campaign.reminders;
  const deadline = new Date(round.deadline_at);
  const openedAt = new Date(round.opened_at);
  const done = await plannedSlots(deps.db, round.year);
  const due = [
    {
      slot: currentSlot(unitSlots(deadline, schedule, campaign.timeZone), now, openedAt),
      supersedes: ["unit", "group"],
    },
    {
      slot: currentSlot(employeeSlots(deadline, schedule, campaign.timeZone), now, openedAt),
      supersedes: ["employee"],
    },
    {
      slot: currentSlot(digestSlots(deadline, schedule, campaign.timeZone), now, openedAt),
      supersedes: ["digest"],
    },
  ].filter(
    (entry): entry is { slot: Slot; supersedes: Array<NewReminder["kind"]> } =>
      entry.slot !== undefined && !done.has(entry.slot.key),
  );
  const dryRun = options.dryRun ?? false;
  if (!dryRun) await planExtensionEnds(deps, round, now, done);
  // Most ticks find nothing due: what units owe is read only when a slot is to be planned.
  if (due.length === 0) return [];
  // The units and their people are read only for a unit or digest slot; the employees' needs only which units.
  const states = due.some(({ slot }) => slot.kind !== "employee")
    ? await unitStates(deps.db, round.year, NAMES_SHOWN, yieldToEventLoop)
    : undefined;
  const p = planning(round, now, states ?? []);
  const unitIds = states ? states.map((unit) => unit.id) : await activeUnitIds(deps.db);
  if (!dryRun) {
    // Before anything of this run is written: the kinds of the slots due are distinct, so superseding one slot's
    // older reminders never touches another's, and each update scans the few rows still waiting, not this run's.
    for (const { slot, supersedes } of due) await supersedeOlder(deps.db, round.year, supersedes, slot.key);
  }
  const planned: PlannedSlot[] = [];
  for (const { slot } of due) {
    if (slot.kind === "employee") {
      planned.push(await employeeSlot(deps, p, slot, unitIds, dryRun));
      continue;
    }
    const rows =
      slot.kind === "unit"
        ? await unitReminderRows(deps, p, slot.key, p.states)
        : await digestRows(deps, p, slot.key);
    const expiresAt = slot.expiresAt?.toISOString() ?? null;
    for (const reminder of rows) reminder.expires_at = expiresAt;
    planned.push({ slot, count: rows.length, rows });
    if (dryRun) continue;
    await planSlot(deps.db, round.year, slot.key, rows, now, yieldToEventLoop);
  }
  return planned;
}

/**
 * A unit's heads are told a week before its extension (/reopen) ends, once, at the schedule's hour; a slot
 * missed while the bot was down is planned when it comes back, until the extension has ended.
 */
async function planExtensionEnds(
  deps: Deps,
  round: Round,
  now: Date,
  done: ReadonlySet<string>,
): Promise<void> {
  const zone = deps.campaign.timeZone;
  for (const extension of await roundExtensions(deps.db, round.year)) {
    const slot = extensionEndSlot(extension, deps.campaign.reminders, zone);
    if (!slot || done.has(slot.key) || now < slot.sendAt || now >= slot.expiresAt) continue;
    const [heads, unit] = await Promise.all([
      headsOfUnit(deps.db, extension.unitId),
      findUnitById(deps.db, extension.unitId),
    ]);
    const at = now.toISOString();
    const rows = heads.map(
      (head): NewReminder => ({
        round_year: round.year,
        slot_key: slot.key,
        kind: "notice",
        chat_id: head.id,
        unit_id: extension.unitId,
        text: deps.i18n.t(head.language, "nt-extension-ending", {
          unit: escapeHtml(unit ? `${unit.name} (${unit.code})` : String(extension.unitId)),
          year: String(round.year),
          until: formatLocalDateTime(extension.until, zone),
        }),
        reply_markup: JSON.stringify(
          new InlineKeyboard().text(deps.i18n.t(head.language, "ds-open-button"), "ds:view"),
        ),
        due_at: at,
        expires_at: slot.expiresAt.toISOString(),
        status: "pending",
        created_at: at,
      }),
    );
    await planSlot(deps.db, round.year, slot.key, rows, now);
  }
}

/** /remind now: the "what is missing" reminders of every unit that owes something (or of one unit), at once. */
export async function planRemindersNow(
  deps: Deps,
  now: Date,
  request: { updateId: number; unitId?: number | undefined },
): Promise<NewReminder[] | undefined> {
  const p = await openPlanning(deps, now);
  if (!p) return undefined;
  const { updateId, unitId } = request;
  // Named after the command's update: if the command is handled again after a crash, it is not planned twice.
  const key = `manual:update:${updateId}`;
  const units = p.states.filter((unit) => unitId === undefined || unit.id === unitId);
  const rows = await unitReminderRows(deps, p, key, units);
  await planSlot(deps.db, p.round.year, key, rows, now, yieldToEventLoop);
  return rows;
}
