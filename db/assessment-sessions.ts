import type { Subject } from "../src/domain/assessment.js";
import type { DB } from "./connection.js";
import type { AssessmentSession } from "./schema.js";

export async function findSession(db: DB, chatId: number): Promise<AssessmentSession | undefined> {
  return db.selectFrom("assessment_sessions").selectAll().where("chat_id", "=", chatId).executeTakeFirst();
}

/** Records the question just asked in a chat (and the message that asked it). */
export async function saveSession(
  db: DB,
  session: { chatId: number; subject: Subject; askedStep: string; messageId: number | null },
  now: Date,
): Promise<void> {
  const values = {
    subject: session.subject,
    asked_step: session.askedStep,
    message_id: session.messageId,
    updated_at: now.toISOString(),
  };
  await db
    .insertInto("assessment_sessions")
    .values({ chat_id: session.chatId, ...values })
    .onConflict((oc) => oc.column("chat_id").doUpdateSet(values))
    .execute();
}

export async function endSession(db: DB, chatId: number): Promise<boolean> {
  const result = await db.deleteFrom("assessment_sessions").where("chat_id", "=", chatId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
