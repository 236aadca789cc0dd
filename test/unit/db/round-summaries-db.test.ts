import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DB, migrateToLatest, openDatabase } from "../../../db/connection.js";
import { loadRoundFacts, loadRoundSummaries } from "../../../db/round-status.js";
import { loadCampaign } from "../../../src/campaign/load.js";
import { pendingItems, unitStatus } from "../../../src/domain/unit-status.js";
import { seedBench } from "../../bench/seed.js";

const campaign = loadCampaign();
const documents = { awardForms: campaign.awardForms, documents: campaign.dossier.documents };
const ROUNDS = [2025, 2026];

/**
 * /status and /pending count in SQL what they used to aggregate in JavaScript from every person listed
 * (`loadRoundFacts`, which the reminders and /status <code> still use): both must give each unit the same status.
 */
describe("loadRoundSummaries against loadRoundFacts", () => {
  let db: DB;
  beforeAll(async () => {
    db = openDatabase(":memory:");
    await migrateToLatest(db);
    await seedBench(db, { people: 400, units: 7, rounds: 2 });
    // A unit nobody belongs to.
    await db
      .insertInto("units")
      .values({ id: 100, code: "ZZ", name: "Phòng mới", created_at: "2026-11-01T00:00:00.000Z" })
      .execute();
  });
  afterAll(async () => {
    await db.destroy();
  });

  it("is given data with every case it has to get right", async () => {
    const moved = await db
      .selectFrom("assessments")
      .innerJoin("users", "users.telegram_id", "assessments.subject_id")
      .select("users.telegram_id")
      .where("assessments.subject", "=", "individual")
      .where("assessments.round_year", "=", 2026)
      .where("assessments.status", "=", "submitted")
      .whereRef("assessments.unit_id", "!=", "users.unit_id")
      .execute();
    expect(moved.length).toBeGreaterThan(0);
    const withoutAssessment = await db
      .selectFrom("users")
      .leftJoin("assessments", (join) =>
        join
          .onRef("assessments.subject_id", "=", "users.telegram_id")
          .on("assessments.subject", "=", "individual")
          .on("assessments.round_year", "=", 2026),
      )
      .select("users.telegram_id")
      .where("assessments.id", "is", null)
      .execute();
    expect(withoutAssessment.length).toBeGreaterThan(0);
    const statuses = await db.selectFrom("nominations").select("status").distinct().execute();
    expect(statuses.map((row) => row.status)).toEqual(expect.arrayContaining(["rejected", "withdrawn"]));
    const secondVersions = await db
      .selectFrom("dossier_file_versions")
      .select("id")
      .where("version", "=", 2)
      .execute();
    expect(secondVersions.length).toBeGreaterThan(0);
    const archived = await db.selectFrom("units").select("id").where("archived_at", "is not", null).execute();
    expect(archived).toHaveLength(1);
  });

  for (const year of ROUNDS)
    it(`gives every active unit the same status in ${year}, names in the same order`, async () => {
      const listed = await loadRoundFacts(db, year);
      const counted = await loadRoundSummaries(db, year, 1_000);
      expect(counted.map((u) => u.unit)).toEqual(listed.map((u) => u.unit));
      expect(counted.map((u) => u.unit.code)).toContain("ZZ");
      for (const [i, { facts }] of listed.entries()) {
        const summary = counted[i]?.facts;
        if (!summary) throw new Error("a unit is missing");
        expect(unitStatus(summary, documents, true)).toEqual(unitStatus(facts, documents, true));
        expect(unitStatus(summary, documents, false)).toEqual(unitStatus(facts, documents, false));
      }
    });

  it("reads only the first few names of who has not submitted, and counts all of them", async () => {
    const listed = await loadRoundFacts(db, 2026);
    const counted = await loadRoundSummaries(db, 2026, 3);
    let cut = 0;
    for (const [i, { facts }] of listed.entries()) {
      const full = unitStatus(facts, documents, false);
      const few = unitStatus(counted[i]?.facts ?? facts, documents, false);
      expect(few.peopleNotSubmitted).toEqual(full.peopleNotSubmitted.slice(0, 3));
      expect({ ...few, peopleNotSubmitted: [] }).toEqual({ ...full, peopleNotSubmitted: [] });
      const people = (items: ReturnType<typeof pendingItems>) => items.find((item) => item.kind === "people");
      const fewPeople = people(pendingItems(few));
      const fullPeople = people(pendingItems(full));
      expect(fewPeople && { ...fewPeople, names: [] }).toEqual(fullPeople && { ...fullPeople, names: [] });
      if (full.peopleNotSubmitted.length > 3) cut++;
    }
    expect(cut).toBeGreaterThan(0);
  });

  it("reads no names when asked for none", async () => {
    const counted = await loadRoundSummaries(db, 2026, 0);
    expect(counted.every((u) => u.facts.people.notSubmitted.length === 0)).toBe(true);
    expect(counted.some((u) => u.facts.people.total > u.facts.people.submitted)).toBe(true);
  });
});
