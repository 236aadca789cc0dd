import type { DB } from "./connection.js";

/** Everyone who submitted their self-assessment for the round, by Telegram id. */
function submittedIds(db: DB, year: number) {
  return db
    .selectFrom("assessments")
    .select("assessments.subject_id")
    .where("assessments.round_year", "=", year)
    .where("assessments.subject", "=", "individual")
    .where("assessments.status", "=", "submitted");
}

/**
 * Per unit, how many people it has and how many submitted their self-assessment for the round, each person
 * counted in the unit they are in now (an assessment keeps the unit it was started in). One pass over the
 * people in unit order; the submitted ids are read once (SQLite keeps them in a temporary index).
 */
export async function peopleCounts(
  db: DB,
  year: number,
): Promise<Map<number, { total: number; submitted: number }>> {
  const rows = await db
    .selectFrom("users")
    .select((eb) => [
      "users.unit_id",
      eb.fn.countAll<number>().as("total"),
      eb.fn
        .sum<number>(eb.case().when("users.telegram_id", "in", submittedIds(db, year)).then(1).else(0).end())
        .as("submitted"),
    ])
    .groupBy("users.unit_id")
    .execute();
  return new Map(
    rows.map((row) => [row.unit_id, { total: Number(row.total), submitted: Number(row.submitted) }]),
  );
}

/**
 * Per active unit, the first `perUnit` people by name who have not submitted their self-assessment for the
 * round. Each unit's list is a subquery with a LIMIT, so that a unit's people are read in name order only until
 * enough are found, not all 50,000 ranked.
 */
export async function firstNotSubmitted(
  db: DB,
  year: number,
  perUnit: number,
): Promise<Array<{ unit_id: number; telegram_id: number; full_name: string }>> {
  return db
    .selectFrom("units")
    .innerJoin("users", (join) =>
      join.on((eb) =>
        eb(
          "users.telegram_id",
          "in",
          eb
            .selectFrom("users as u")
            .select("u.telegram_id")
            .whereRef("u.unit_id", "=", "units.id")
            .where("u.telegram_id", "not in", submittedIds(db, year))
            .orderBy("u.full_name")
            .orderBy("u.telegram_id")
            .limit(perUnit),
        ),
      ),
    )
    .select(["units.id as unit_id", "users.telegram_id", "users.full_name"])
    .where("units.archived_at", "is", null)
    .orderBy("units.id")
    .orderBy("users.full_name")
    .orderBy("users.telegram_id")
    .execute();
}
