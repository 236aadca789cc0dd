import { type Kysely, sql } from "kysely";

/**
 * Each award form's route is data (the campaign definition), so a nomination's status is a route step's id or
 * one of the statuses every route has: the fixed list in the `status` check goes. SQLite cannot drop a check,
 * so the table is rebuilt by SQLite's own procedure (new table, copy, drop, rename), which needs foreign keys
 * off: `migrateToLatest` turns them off around the migrations and checks every reference after. With them on,
 * dropping the old table would cascade to nomination_history.
 *
 * The Council: its members (a role beside the unit role), its meetings (agenda, ballots, votes, tie-breaks and
 * the minutes stored at closing), and the records of the route beyond the Sở: each Tờ trình and decision the
 * Office records, for the list of nominations it covers.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("nominations_routed")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("round_year", "integer", (c) => c.notNull().references("rounds.year"))
    .addColumn("unit_id", "integer", (c) => c.notNull().references("units.id"))
    .addColumn("form_id", "text", (c) => c.notNull())
    .addColumn("nominee_kind", "text", (c) =>
      c.notNull().check(sql`nominee_kind IN ('individual', 'collective')`),
    )
    .addColumn("nominee_id", "integer", (c) => c.notNull())
    .addColumn("nominee_name", "text", (c) => c.notNull())
    .addColumn("eligible", "integer", (c) => c.notNull())
    .addColumn("result_summary", "text", (c) => c.notNull())
    .addColumn("reason", "text")
    .addColumn("status", "text", (c) => c.notNull().check(sql`length(status) BETWEEN 1 AND 40`))
    .addColumn("created_by", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("decision_number", "text")
    .addColumn("decision_date", "text")
    .addColumn("decision_issuer", "text")
    .addUniqueConstraint("nominations_once_per_form", ["round_year", "form_id", "nominee_kind", "nominee_id"])
    .execute();
  await sql`INSERT INTO nominations_routed SELECT * FROM nominations`.execute(db);
  // A deleted draft's number is never given again: the sequence goes on from where it was.
  await sql`
    UPDATE sqlite_sequence SET seq = MAX(seq, (SELECT seq FROM sqlite_sequence WHERE name = 'nominations'))
    WHERE name = 'nominations_routed'`.execute(db);
  await sql`DROP TABLE nominations`.execute(db);
  await sql`ALTER TABLE nominations_routed RENAME TO nominations`.execute(db);
  await db.schema
    .createIndex("nominations_by_unit")
    .on("nominations")
    .columns(["round_year", "unit_id"])
    .execute();
  await db.schema
    .createIndex("nominations_by_form_status")
    .on("nominations")
    .columns(["round_year", "form_id", "status"])
    .execute();

  await db.schema
    .createTable("council_members")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("telegram_id", "integer", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull().check(sql`role IN ('member', 'chair', 'secretary')`))
    .addColumn("added_by", "integer", (c) => c.notNull())
    .addColumn("added_at", "text", (c) => c.notNull())
    .addColumn("removed_by", "integer")
    .addColumn("removed_at", "text")
    .execute();
  await sql`CREATE UNIQUE INDEX council_members_current ON council_members (telegram_id) WHERE removed_at IS NULL`.execute(
    db,
  );
  await sql`CREATE UNIQUE INDEX council_one_chair ON council_members (role) WHERE removed_at IS NULL AND role = 'chair'`.execute(
    db,
  );

  await db.schema
    .createTable("council_meetings")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("round_year", "integer", (c) => c.notNull().references("rounds.year"))
    /** JSON array of the award forms' ids on the agenda. */
    .addColumn("form_ids", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(sql`status IN ('open', 'tie_break', 'closed')`))
    /** JSON: the members entitled to vote when it opened [{id, name, role}]. */
    .addColumn("members", "text", (c) => c.notNull())
    .addColumn("opened_by", "integer", (c) => c.notNull())
    .addColumn("opened_by_name", "text")
    .addColumn("opened_at", "text", (c) => c.notNull())
    .addColumn("closed_by", "integer")
    .addColumn("closed_by_name", "text")
    .addColumn("closed_at", "text")
    /** JSON: the minutes at closing (who attended, each vote, the tally, the ranking, the tie-breaks). */
    .addColumn("minutes", "text")
    .addColumn("update_id", "integer")
    .execute();
  await sql`CREATE UNIQUE INDEX council_one_open_meeting ON council_meetings (round_year) WHERE status != 'closed'`.execute(
    db,
  );

  await db.schema
    .createTable("council_agenda")
    .addColumn("meeting_id", "integer", (c) => c.notNull().references("council_meetings.id"))
    .addColumn("nomination_id", "integer", (c) => c.notNull().references("nominations.id"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("council_agenda_pk", ["meeting_id", "nomination_id"])
    .execute();

  await db.schema
    .createTable("council_votes")
    .addColumn("meeting_id", "integer", (c) => c.notNull().references("council_meetings.id"))
    .addColumn("nomination_id", "integer", (c) => c.notNull())
    .addColumn("member_id", "integer", (c) => c.notNull())
    .addColumn("vote", "text", (c) => c.notNull().check(sql`vote IN ('agree', 'disagree')`))
    .addColumn("at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("council_votes_pk", ["meeting_id", "nomination_id", "member_id"])
    .execute();

  await db.schema
    .createTable("council_ballots")
    .addColumn("meeting_id", "integer", (c) => c.notNull().references("council_meetings.id"))
    .addColumn("member_id", "integer", (c) => c.notNull())
    /** Null while the member is changing a ballot sent before. */
    .addColumn("sent_at", "text")
    .addPrimaryKeyConstraint("council_ballots_pk", ["meeting_id", "member_id"])
    .execute();

  await db.schema
    .createTable("council_tie_breaks")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("meeting_id", "integer", (c) => c.notNull().references("council_meetings.id"))
    .addColumn("form_id", "text", (c) => c.notNull())
    .addColumn("nominee_kind", "text", (c) => c.notNull())
    /** JSON array of the nominations the chair chose among the tied. */
    .addColumn("chosen", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("by", "integer", (c) => c.notNull())
    .addColumn("by_name", "text")
    .addColumn("at", "text", (c) => c.notNull())
    .addUniqueConstraint("council_tie_breaks_once", ["meeting_id", "form_id", "nominee_kind"])
    .execute();

  await db.schema
    .createTable("route_records")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("round_year", "integer", (c) => c.notNull())
    .addColumn("form_id", "text", (c) => c.notNull())
    .addColumn("step_id", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind IN ('proposal', 'decision')`))
    .addColumn("number", "text", (c) => c.notNull())
    .addColumn("date", "text", (c) => c.notNull())
    /** Where a proposal was sent, or who issued a decision. */
    .addColumn("party", "text", (c) => c.notNull())
    /** JSON array of the nominations it covers. */
    .addColumn("nomination_ids", "text", (c) => c.notNull())
    .addColumn("by", "integer", (c) => c.notNull())
    .addColumn("by_name", "text")
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("update_id", "integer")
    .execute();
  await db.schema.alterTable("nomination_history").addColumn("record_id", "integer").execute();
}

export async function down(): Promise<void> {
  throw new Error(
    "0013_routes_and_council keeps the Council's votes and the route's records: it is not undone",
  );
}
