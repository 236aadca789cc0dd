import type { Subject } from "../src/domain/assessment.js";
import type { DB } from "./connection.js";
import { precompile } from "./precompiled.js";

/** A chat's open question of a self-assessment, as `findSession` reads it. */
export interface OpenQuestion {
  chat_id: number;
  subject: Subject;
  /** The step key of the question (or "summary") the bot asked last. */
  asked_step: string;
  /** The message that shows it now (where its buttons are; the files' count, once a file came). */
  message_id: number | null;
  /**
   * The first message that showed this question, when it was asked again since (a problem, the files' count,
   * /assess again): what the person wrote before it was written before they saw the question. Null for a row
   * stored before it was kept.
   */
  shown_since: number | null;
}

/**
 * `asked_step` holds the step key and, after SINCE, the id of the first message that showed it: one column
 * more would need a migration of its own for a number only this file reads.
 */
const SINCE = "@";

function parseAsked(stored: string): { step: string; since: number | null } {
  const at = stored.lastIndexOf(SINCE);
  if (at < 0) return { step: stored, since: null };
  const since = Number(stored.slice(at + 1));
  return { step: stored.slice(0, at), since: Number.isInteger(since) ? since : null };
}

const sessionOf = precompile((db: DB, chatId: number) =>
  db.selectFrom("assessment_sessions").selectAll().where("chat_id", "=", chatId),
);

export async function findSession(db: DB, chatId: number): Promise<OpenQuestion | undefined> {
  const row = await sessionOf.first(db, chatId);
  if (!row) return undefined;
  const asked = parseAsked(row.asked_step);
  return {
    chat_id: row.chat_id,
    subject: row.subject,
    asked_step: asked.step,
    message_id: row.message_id,
    shown_since: asked.since ?? row.message_id,
  };
}

const upsertSession = precompile(
  (db: DB, chatId: number, subject: Subject, askedStep: string, messageId: number | null, at: string) => {
    const values = { subject, asked_step: askedStep, message_id: messageId, updated_at: at };
    return db
      .insertInto("assessment_sessions")
      .values({ chat_id: chatId, ...values })
      .onConflict((oc) => oc.column("chat_id").doUpdateSet(values));
  },
);

/**
 * Records the question just asked in a chat (and the message that asked it). Asked again (the same subject
 * and step), it keeps the message that showed it first.
 */
export async function saveSession(
  db: DB,
  session: {
    chatId: number;
    subject: Subject;
    askedStep: string;
    messageId: number | null;
    /** The question may have been on screen since this earlier message (asked by a process that died). */
    shownSince?: number | undefined;
  },
  now: Date,
  /** The chat's open question before this, when the caller read it in this update (none: null); else read. */
  known?: OpenQuestion | null,
): Promise<void> {
  const before = known === undefined ? await findSession(db, session.chatId) : (known ?? undefined);
  const askedAgain = before?.subject === session.subject && before.asked_step === session.askedStep;
  const since = askedAgain ? before.shown_since : (session.shownSince ?? session.messageId);
  await upsertSession.run(
    db,
    session.chatId,
    session.subject,
    since === null ? session.askedStep : `${session.askedStep}${SINCE}${since}`,
    session.messageId,
    now.toISOString(),
  );
}

export async function endSession(db: DB, chatId: number): Promise<boolean> {
  const result = await db.deleteFrom("assessment_sessions").where("chat_id", "=", chatId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
