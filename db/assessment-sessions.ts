import type { Subject } from "../src/domain/assessment.js";
import type { DB } from "./connection.js";
import { precompile } from "./precompiled.js";
import type { AssessmentSession } from "./schema.js";

const sessionOf = precompile((db: DB, chatId: number) =>
  db.selectFrom("assessment_sessions").selectAll().where("chat_id", "=", chatId),
);

export async function findSession(db: DB, chatId: number): Promise<AssessmentSession | undefined> {
  return sessionOf.first(db, chatId);
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

/** Records the question just asked in a chat (and the message that asked it). */
export async function saveSession(
  db: DB,
  session: { chatId: number; subject: Subject; askedStep: string; messageId: number | null },
  now: Date,
): Promise<void> {
  await upsertSession.run(
    db,
    session.chatId,
    session.subject,
    session.askedStep,
    session.messageId,
    now.toISOString(),
  );
}

export async function endSession(db: DB, chatId: number): Promise<boolean> {
  const result = await db.deleteFrom("assessment_sessions").where("chat_id", "=", chatId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
