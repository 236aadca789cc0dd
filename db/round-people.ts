import type { DB } from "./connection.js";

/**
 * Per unit, how many people it has and how many submitted their self-assessment for the round, each person
 * counted in the unit they are in now (an assessment keeps the unit it was started in).
 */
export async function peopleCounts(
  db: DB,
  year: number,
): Promise<Map<number, { total: number; submitted: number }>> {
  const [totals, submitted] = await Promise.all([
    db
      .selectFrom("users")
      .select((eb) => ["users.unit_id", eb.fn.countAll<number>().as("n")])
      .groupBy("users.unit_id")
      .execute(),
    db
      .selectFrom("assessments")
      .innerJoin("users", "users.telegram_id", "assessments.subject_id")
      .select((eb) => ["users.unit_id", eb.fn.countAll<number>().as("n")])
      .where("assessments.round_year", "=", year)
      .where("assessments.subject", "=", "individual")
      .where("assessments.status", "=", "submitted")
      .groupBy("users.unit_id")
      .execute(),
  ]);
  const submittedOf = new Map(submitted.map((row) => [row.unit_id, Number(row.n)]));
  return new Map(
    totals.map((row) => [
      row.unit_id,
      { total: Number(row.n), submitted: submittedOf.get(row.unit_id) ?? 0 },
    ]),
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
            .where(({ not, exists, selectFrom }) =>
              not(
                exists(
                  selectFrom("assessments")
                    .select("assessments.id")
                    .whereRef("assessments.subject_id", "=", "u.telegram_id")
                    .where("assessments.subject", "=", "individual")
                    .where("assessments.round_year", "=", year)
                    .where("assessments.status", "=", "submitted"),
                ),
              ),
            )
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
