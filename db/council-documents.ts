import type { DB } from "./connection.js";

/** The positions of the individual nominees of these nominations, as their users' rows hold them now. */
export async function nomineePositions(
  db: DB,
  nominationIds: readonly number[],
): Promise<Map<number, string>> {
  if (nominationIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("nominations")
    .innerJoin("users", "users.telegram_id", "nominations.nominee_id")
    .select(["nominations.id", "users.position"])
    .where("nominations.id", "in", [...nominationIds])
    .where("nominations.nominee_kind", "=", "individual")
    .execute();
  return new Map(rows.flatMap((row) => (row.position ? [[row.id, row.position] as [number, string]] : [])));
}
