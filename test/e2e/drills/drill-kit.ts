import { join } from "node:path";
import { loadAnswers } from "../../../db/assessments.js";
import { openDatabase } from "../../../db/connection.js";
import { addNomination, moveNomination } from "../../../db/nominations.js";
import { findUnitByCode } from "../../../db/units.js";
import { loadCampaign } from "../../../src/campaign/load.js";
import type { BotMessage, FakeUser } from "../bot-api-emulator.js";
import { buttonsOf, E2eWorld } from "../e2e-helpers.js";

/**
 * The drills' seed: DRILL_SEED replays a run (every random choice of the drill comes from it; the process's
 * own timing still varies). Each drill names it in its title, so a failure says how to replay it.
 */
export const SEED = Number(process.env.DRILL_SEED ?? Math.floor(Math.random() * 2 ** 31));

export const seeded = (label: string) => `${label} (seed ${SEED}: DRILL_SEED=${SEED} replays it)`;

/** mulberry32: a small, fast PRNG, enough for choosing faults and inputs. */
export function randomSource(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]) => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error("pick from an empty list");
      return item;
    },
  };
}

export interface Random {
  /** In [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
}

/** The process runs on the real clock: the round to open is the current year in Asia/Ho_Chi_Minh. */
export const YEAR = new Intl.DateTimeFormat("en", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric" }).format(
  new Date(),
);

export const CRITERIA = [
  "chap-hanh",
  "nhiem-vu-cchc",
  "van-ban-chi-dao",
  "sang-kien",
  "thu-tuc-hanh-chinh",
  "xep-loai",
] as const;

export const AREAS = [
  "the-che",
  "thu-tuc-hanh-chinh",
  "to-chuc-bo-may",
  "che-do-cong-vu",
  "tai-chinh-cong",
  "chinh-quyen-so",
] as const;

/** Criteria whose evidence this drill person sends a proof file for (named after the criterion). */
export const WITH_PROOF = new Set(["chap-hanh", "thu-tuc-hanh-chinh"]);

export const accountText = (criterion: string, who: string) =>
  `Giải trình tiêu chí ${criterion} của ${who}: đã thực hiện đầy đủ.`;
export const areaText = (area: string, who: string) => `Kết quả ${area} của ${who}.`;
export const proofName = (criterion: string, who: string) => `${criterion}-${who}.pdf`;

/** A drill's world: the bot without Telegram's send limits (a drill drives hundreds of steps a second). */
export function startDrillWorld(officeAdminIds: readonly number[]): Promise<E2eWorld> {
  return E2eWorld.start({ officeAdminIds, env: { SEND_LIMITS: "off", LOG_LEVEL: "info" } });
}

export async function openRoundWithUnit(world: E2eWorld, admin: FakeUser): Promise<void> {
  await world.say(admin, "/start", /giúp Văn phòng Sở tổ chức/);
  await world.say(admin, "/units add HCTP Phòng Hành chính tư pháp", /Đã thêm đơn vị HCTP/);
  await world.say(admin, `/round open ${YEAR}`, new RegExp(`Đã mở kỳ xét khen thưởng năm ${YEAR}`));
}

/** What the person does next, reading only the last message the bot shows them. */
export type Move =
  | { kind: "press"; message: BotMessage; data: string }
  | { kind: "type"; text: string }
  | { kind: "upload"; fileName: string }
  | { kind: "done" };

const QUESTION = /Tiêu chí (\d)\/6|Nội dung cải cách hành chính (\d)\/6/;

/**
 * A person doing their self-assessment the way a person does: looking at the bot's last message and answering
 * what it asks (every criterion met but the initiative, a proof file where WITH_PROOF says, every area with a
 * text naming it), so that each stored answer says which question it was typed for.
 */
export function nextMove(last: BotMessage | undefined, who: string): Move {
  if (!last) return { kind: "type", text: "/assess" };
  const text = last.plain_text ?? "";
  const buttons = buttonsOf(last);
  if (/Đã nộp/.test(text) && !buttons.includes("as:summary:submit")) return { kind: "done" };
  if (buttons.includes("as:summary:submit"))
    return { kind: "press", message: last, data: "as:summary:submit" };
  const stepButton = buttons.find((data) => data.startsWith("as:"));
  if (stepButton) {
    const [, kind, id, field] = stepButton.split(":");
    if (kind === "a") return { kind: "type", text: areaText(id ?? "", who) };
    if (field === "met") {
      const answer = id === "sang-kien" ? "no" : "yes";
      return { kind: "press", message: last, data: `as:c:${id}:met:${answer}` };
    }
    if (field === "rating") return { kind: "press", message: last, data: "as:c:xep-loai:rating:xuat-sac" };
    if (field === "account") return { kind: "press", message: last, data: `as:c:${id}:account:skip` };
    if (field === "files") {
      const fileName = proofName(id ?? "", who);
      if (WITH_PROOF.has(id ?? "") && !text.includes(fileName)) return { kind: "upload", fileName };
      return { kind: "press", message: last, data: `as:c:${id}:files:done` };
    }
  }
  const asked = QUESTION.exec(text);
  if (asked?.[1] && /tóm tắt/.test(text)) {
    return { kind: "type", text: accountText(CRITERIA[Number(asked[1]) - 1] ?? "", who) };
  }
  // Anything else (an apology, a question already answered, a notice): ask for the current question again.
  return { kind: "type", text: "/assess" };
}

export interface DrillPerson {
  user: FakeUser;
  /** The name answers are signed with (ASCII, so that file names and texts stay simple). */
  who: string;
}

/**
 * Makes `person`'s next move and waits until its update is handled (confirmed); a process killed meanwhile
 * leaves it unconfirmed, and the next process handles it. Returns false once the assessment is submitted.
 */
export async function step(world: E2eWorld, person: DrillPerson, timeoutMs = 60_000): Promise<boolean> {
  const move = nextMove(world.emulator.lastMessageIn(person.user.id), person.who);
  let updateId: number;
  switch (move.kind) {
    case "done":
      return false;
    case "press":
      updateId = world.emulator.pressButton(person.user, move.message, move.data).update_id;
      break;
    case "type":
      updateId = world.emulator.sendText(person.user, move.text).update_id;
      break;
    case "upload":
      updateId = world.emulator.sendDocument(person.user, {
        file_name: move.fileName,
        mime_type: "application/pdf",
        file_size: 4096,
      }).update_id;
      break;
  }
  await world.emulator.waitForConfirmation(updateId, timeoutMs);
  return true;
}

/** What the drill reads back from the database once the processes are gone. */
export interface StoredAssessment {
  status: string;
  criteria: Record<string, { met?: boolean; account?: string | null; filesDone?: boolean }>;
  areas: Record<string, { text?: string | null }>;
  files: Array<{ item_key: string; file_name: string | null }>;
}

export async function readAssessments(world: E2eWorld): Promise<Map<number, StoredAssessment>> {
  const db = openDatabase(join(world.dir, "thidua.sqlite"));
  try {
    const rows = await db
      .selectFrom("assessments")
      .select(["id", "subject_id", "status"])
      .where("subject", "=", "individual")
      .execute();
    const result = new Map<number, StoredAssessment>();
    for (const row of rows) {
      const answers = await loadAnswers(db, row.id);
      const files = await db
        .selectFrom("assessment_files")
        .select(["item_key", "file_name"])
        .where("assessment_id", "=", row.id)
        .orderBy("id")
        .execute();
      result.set(row.subject_id, {
        status: row.status,
        criteria: answers.criteria as StoredAssessment["criteria"],
        areas: answers.areas,
        files,
      });
    }
    return result;
  } finally {
    await db.destroy();
  }
}

/** The chats with a self-assessment question still open (none, once everyone has submitted). */
export async function openQuestions(world: E2eWorld): Promise<number[]> {
  const db = openDatabase(join(world.dir, "thidua.sqlite"));
  try {
    const rows = await db.selectFrom("assessment_sessions").select("chat_id").execute();
    return rows.map((row) => row.chat_id);
  } finally {
    await db.destroy();
  }
}

/**
 * Every answer of a finished drill assessment, where it belongs: each account and area text names its own
 * question and the person, each proof file its criterion; nothing missing, nothing twice. Returns the problems.
 */
export function misplacedOrMissing(stored: StoredAssessment | undefined, who: string): string[] {
  if (!stored) return [`${who}: no assessment`];
  const problems: string[] = [];
  if (stored.status !== "submitted") problems.push(`${who}: status ${stored.status}`);
  for (const id of CRITERIA) {
    const answer = stored.criteria[id];
    if (!answer) {
      problems.push(`${who}: criterion ${id} missing`);
      continue;
    }
    if (id === "sang-kien" || id === "xep-loai") continue;
    if (answer.account !== accountText(id, who)) problems.push(`${who}: ${id} account ${answer.account}`);
  }
  if (stored.criteria["sang-kien"]?.met !== false) problems.push(`${who}: sang-kien not "no"`);
  for (const id of AREAS) {
    const text = stored.areas[id]?.text;
    if (text !== areaText(id, who)) problems.push(`${who}: area ${id} is ${JSON.stringify(text)}`);
  }
  const expectedFiles = [...WITH_PROOF].map((id) => [`c:${id}`, proofName(id, who)].join(" ")).sort();
  const files = stored.files.map((f) => `${f.item_key} ${f.file_name}`).sort();
  if (JSON.stringify(files) !== JSON.stringify(expectedFiles)) {
    problems.push(`${who}: files ${JSON.stringify(files)}, expected ${JSON.stringify(expectedFiles)}`);
  }
  return problems;
}

/**
 * How many times the bot sent a message to a chat that repeats the one just before it there (the same text and
 * buttons, with nothing from the person between): a send repeated because its answer was lost.
 */
export function repeatedSends(world: E2eWorld, chatId: number): number {
  const messages = world.emulator.messagesIn(chatId);
  let repeats = 0;
  for (let i = 1; i < messages.length; i++) {
    const [before, now] = [messages[i - 1], messages[i]];
    if (!before || !now || now.message_id !== before.message_id + 1) continue;
    if (
      now.plain_text === before.plain_text &&
      JSON.stringify(buttonsOf(now)) === JSON.stringify(buttonsOf(before))
    )
      repeats++;
  }
  return repeats;
}

/** Waits until `condition` holds (checked every 10 ms); fails after `timeoutMs`. */
export async function until(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`condition not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Writes `count` nominations of nobody-registered individuals (Giấy khen, as a unit sent them: "submitted") of
 * the unit `unitCode` for the Office to review; through a connection of its own, beside the running bot.
 */
export async function seedSubmittedNominations(
  world: E2eWorld,
  unitCode: string,
  officeId: number,
  count: number,
): Promise<number[]> {
  const db = openDatabase(join(world.dir, "thidua.sqlite"));
  try {
    const unit = await findUnitByCode(db, unitCode);
    if (!unit) throw new Error(`no unit ${unitCode}`);
    const formId = loadCampaign().awardForms[2]?.id;
    if (!formId) throw new Error("the campaign has no third award form");
    const ids: number[] = [];
    const now = new Date();
    for (let n = 1; n <= count; n++) {
      const nomination = await addNomination(
        db,
        {
          year: Number(YEAR),
          unitId: unit.id,
          formId,
          nomineeKind: "individual",
          nomineeId: 9_900 + n,
          nomineeName: `Chuyên viên số ${n}`,
          eligible: true,
          resultSummary: JSON.stringify({ met: 6, total: 6, progress: "submitted" }),
          reason: null,
          by: officeId,
          byRole: "office",
          updateId: null,
        },
        now,
      );
      if (!nomination) throw new Error(`no nomination ${n}`);
      const move = {
        id: nomination.id,
        from: "draft",
        to: "submitted",
        by: officeId,
        byRole: "office",
      } as const;
      await moveNomination(db, { ...move, reason: null, updateId: null }, now);
      ids.push(nomination.id);
    }
    return ids;
  } finally {
    await db.destroy();
  }
}

/** The Office's review of one nomination: moved on from the card until it is "recommended" (đề nghị Hội đồng). */
export const REVIEW_STEPS = ["under_review", "recommended"] as const;

/**
 * The Office's next move on nomination `id`, reading the last message: press the card's button for the next
 * review step; open the card when it is not on screen; false once no step is left on the card.
 */
export async function reviewStep(world: E2eWorld, office: FakeUser, id: number): Promise<boolean> {
  const last = world.emulator.lastMessageIn(office.id);
  const buttons = last ? buttonsOf(last) : [];
  const onCard = buttons.some((data) => data === `no:${id}` || data.startsWith(`nt:${id}:`));
  const next = REVIEW_STEPS.map((to) => `nt:${id}:${to}`).find((data) => buttons.includes(data));
  let updateId: number;
  if (last && next) updateId = world.emulator.pressButton(office, last, next).update_id;
  else if (onCard) return false;
  else updateId = world.emulator.sendText(office, `/nominations ${id}`).update_id;
  await world.emulator.waitForConfirmation(updateId, 60_000);
  return true;
}

/** Each nomination's history, as the statuses it went to, oldest first. */
export async function historiesOf(world: E2eWorld, ids: readonly number[]): Promise<Map<number, string[]>> {
  const db = openDatabase(join(world.dir, "thidua.sqlite"));
  try {
    const result = new Map<number, string[]>();
    for (const id of ids) {
      const rows = await db
        .selectFrom("nomination_history")
        .select("to_status")
        .where("nomination_id", "=", id)
        .orderBy("id")
        .execute();
      result.set(
        id,
        rows.map((row) => row.to_status),
      );
    }
    return result;
  } finally {
    await db.destroy();
  }
}
