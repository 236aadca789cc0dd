import { type Kysely, sql } from "kysely";

/**
 * The Council as a role: an invite may make the person who joins through it a member of the Hội đồng Thi đua -
 * Khen thưởng (`/invite <unit> council`), and the Council has one secretary at a time, as it has one chair.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("invites")
    .addColumn("council", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`CREATE UNIQUE INDEX council_one_secretary ON council_members (role) WHERE removed_at IS NULL AND role = 'secretary'`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX council_one_secretary`.execute(db);
  await db.schema.alterTable("invites").dropColumn("council").execute();
}
