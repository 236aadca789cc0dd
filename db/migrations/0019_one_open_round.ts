import { type Kysely, sql } from "kysely";

/**
 * One open round at a time, held by the database: two `/round open` at the same instant could both find no
 * other round open and both open theirs. A database that already has several open keeps open the latest year,
 * the one the bot already treats as the round people work in (`findOpenRound`), and closes the others now.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`UPDATE rounds SET status = 'closed', closed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    WHERE status = 'open' AND year < (SELECT MAX(year) FROM rounds WHERE status = 'open')`.execute(db);
  await sql`CREATE UNIQUE INDEX rounds_one_open ON rounds (status) WHERE status = 'open'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX rounds_one_open`.execute(db);
}
