import type { MoveStakes } from "../src/domain/moves.js";
import { FALLEN } from "../src/domain/routes.js";
import type { DB } from "./connection.js";
import { joinCouncil } from "./council-members.js";
import { findInvite, spendInvite } from "./invites.js";
import type { MoveRequest, Role } from "./schema.js";

/** What the person has in round `year` that their unit counts on. */
export async function moveStakes(db: DB, telegramId: number, year: number): Promise<MoveStakes> {
  const [assessment, nominations] = await Promise.all([
    db
      .selectFrom("assessments")
      .select("id")
      .where("subject", "=", "individual")
      .where("subject_id", "=", telegramId)
      .where("round_year", "=", year)
      .where("status", "=", "submitted")
      .executeTakeFirst(),
    db
      .selectFrom("nominations")
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .where("nominee_kind", "=", "individual")
      .where("nominee_id", "=", telegramId)
      .where("round_year", "=", year)
      .where("status", "not in", [...FALLEN])
      .executeTakeFirstOrThrow(),
  ]);
  return { submittedAssessment: assessment !== undefined, standingNominations: Number(nominations.count) };
}

export interface MoveRequestWithNames extends MoveRequest {
  full_name: string;
  from_unit_name: string;
  to_unit_name: string;
}

export async function findMoveRequest(db: DB, id: number): Promise<MoveRequestWithNames | undefined> {
  return db
    .selectFrom("move_requests")
    .innerJoin("users", "users.telegram_id", "move_requests.telegram_id")
    .innerJoin("units as from_unit", "from_unit.id", "move_requests.from_unit_id")
    .innerJoin("units as to_unit", "to_unit.id", "move_requests.to_unit_id")
    .selectAll("move_requests")
    .select(["users.full_name", "from_unit.name as from_unit_name", "to_unit.name as to_unit_name"])
    .where("move_requests.id", "=", id)
    .executeTakeFirst();
}

/**
 * Files a person's request to move, spending the invite as a move would. A request already waiting is replaced
 * by the new one (the latest link they pressed is what they ask for). Returns its id.
 */
export async function fileMoveRequest(
  db: DB,
  request: {
    telegramId: number;
    fromUnitId: number;
    fromRole: Role;
    toUnitId: number;
    toRole: Role;
    inviteToken: string;
  },
  now: Date,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const at = now.toISOString();
    await trx
      .updateTable("move_requests")
      .set({ status: "withdrawn", decided_at: at })
      .where("telegram_id", "=", request.telegramId)
      .where("status", "=", "pending")
      .execute();
    const row = await trx
      .insertInto("move_requests")
      .values({
        telegram_id: request.telegramId,
        from_unit_id: request.fromUnitId,
        from_role: request.fromRole,
        to_unit_id: request.toUnitId,
        to_role: request.toRole,
        invite_token: request.inviteToken,
        status: "pending",
        requested_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await spendInvite(trx, request.inviteToken);
    return row.id;
  });
}

/**
 * The Office's word on a waiting request: approved moves the person (if they are still where they asked to
 * move from). False if the request was no longer waiting (decided by someone else, or replaced).
 */
export async function decideMoveRequest(
  db: DB,
  id: number,
  decision: { approve: boolean; by: number; byName: string | null },
  now: Date,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const at = now.toISOString();
    const request = await trx
      .selectFrom("move_requests")
      .selectAll()
      .where("id", "=", id)
      .where("status", "=", "pending")
      .executeTakeFirst();
    if (!request) return false;
    await trx
      .updateTable("move_requests")
      .set({
        status: decision.approve ? "approved" : "refused",
        decided_at: at,
        decided_by: decision.by,
        decided_by_name: decision.byName,
      })
      .where("id", "=", id)
      .execute();
    if (decision.approve) {
      await trx
        .updateTable("users")
        .set({ unit_id: request.to_unit_id, role: request.to_role, updated_at: at })
        .where("telegram_id", "=", request.telegram_id)
        .where("unit_id", "=", request.from_unit_id)
        .execute();
      // A move asked through a Council invite makes the person a member once the Office agrees to it.
      const invite = await findInvite(trx, request.invite_token);
      if (invite?.council) await joinCouncil(trx, request.telegram_id, invite.created_by, now);
    }
    return true;
  });
}
