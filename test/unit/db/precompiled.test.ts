import { sql } from "kysely";
import { beforeEach, describe, expect, it } from "vitest";
import { atomically, type DB, openDatabase } from "../../../db/connection.js";
import { precompile } from "../../../db/precompiled.js";

interface Tables {
  people: { id: number; name: string; unit: string };
}

let db: DB;
beforeEach(async () => {
  db = openDatabase(":memory:");
  await sql`create table people (id integer primary key, name text not null, unit text not null)`.execute(db);
  await sql`insert into people (id, name, unit) values (1, 'Lan', 'HCTP'), (2, 'Minh', 'HCTP'), (3, 'Hoa', 'VP')`.execute(
    db,
  );
});

// The test's own table is not in the bot's schema: the builder sees it through a cast.
const people = (db: DB) => db as unknown as import("kysely").Kysely<Tables>;

describe("precompile", () => {
  it("fills each call's values into the query built once", async () => {
    const inUnit = precompile((db: DB, unit: string, after: number) =>
      people(db)
        .selectFrom("people")
        .select("name")
        .where("unit", "=", unit)
        .where("id", ">", after)
        .orderBy("id"),
    );
    expect(await inUnit.rows(db, "HCTP", 0)).toEqual([{ name: "Lan" }, { name: "Minh" }]);
    expect(await inUnit.rows(db, "HCTP", 1)).toEqual([{ name: "Minh" }]);
    expect(await inUnit.first(db, "VP", 0)).toEqual({ name: "Hoa" });
    expect(await inUnit.first(db, "KHAC", 0)).toBeUndefined();
  });

  it("keeps the values written in the query itself, and runs in a transaction", async () => {
    const rename = precompile((db: DB, id: number, name: string) =>
      people(db).updateTable("people").set({ name }).where("id", "=", id).where("unit", "=", "HCTP"),
    );
    await db.transaction().execute(async (trx) => {
      const changed = await rename.run(trx, 2, "Minh Anh");
      expect(changed.numAffectedRows).toBe(1n);
    });
    expect((await rename.run(db, 3, "Hoà")).numAffectedRows).toBe(0n);
    const names = await people(db).selectFrom("people").select("name").orderBy("id").execute();
    expect(names.map((row) => row.name)).toEqual(["Lan", "Minh Anh", "Hoa"]);
  });

  it("refuses a builder whose shape depends on an argument's value", async () => {
    const branching = precompile((db: DB, onlyHctp: boolean) => {
      const all = people(db).selectFrom("people").select("name");
      return onlyHctp ? all.where("unit", "=", "HCTP") : all;
    });
    await expect(branching.rows(db, false)).rejects.toThrow(/argument 0 is not used as a value/);
  });

  it("never runs inside another caller's open transaction: it waits for that transaction to end", async () => {
    const named = precompile((db: DB, id: number) =>
      people(db).selectFrom("people").select("name").where("id", "=", id),
    );
    // A transaction holds the connection across its awaits: the query waits for its end, not joining it.
    let commit = () => {};
    const open = new Promise<void>((resolve) => {
      commit = resolve;
    });
    let inserted = () => {};
    const written = new Promise<void>((resolve) => {
      inserted = resolve;
    });
    const transaction = db.transaction().execute(async (trx) => {
      await sql`insert into people (id, name, unit) values (4, 'Tùng', 'VP')`.execute(trx);
      inserted();
      await open;
      throw new Error("rolled back");
    });
    await written;
    const during = named.first(db, 4);
    commit();
    await expect(transaction).rejects.toThrow("rolled back");
    expect(await during).toBeUndefined();
  });

  it("waits its turn behind the queries that came before it, in order", async () => {
    const named = precompile((db: DB, id: number) =>
      people(db).selectFrom("people").select("name").where("id", "=", id),
    );
    let commit = () => {};
    const open = new Promise<void>((resolve) => {
      commit = resolve;
    });
    const transaction = atomically(db, async (trx) => {
      await sql`update people set name = 'Lan Anh' where id = 1`.execute(trx);
      await open;
    });
    await Promise.resolve();
    const order: string[] = [];
    const renamed = sql`update people set name = 'Lan Chi' where id = 1`
      .execute(db)
      .then(() => order.push("rename"));
    const read = named.first(db, 1).then((row) => {
      order.push("read");
      return row;
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(order).toEqual([]);
    commit();
    await transaction;
    // Run after the rename that was asked for first (before it, it would have read "Lan Anh").
    expect(await read).toEqual({ name: "Lan Chi" });
    await renamed;
    expect(order.sort()).toEqual(["read", "rename"]);
  });

  it("runs directly in a transaction of atomically, seeing that transaction's own writes", async () => {
    const named = precompile((db: DB, id: number) =>
      people(db).selectFrom("people").select("name").where("id", "=", id),
    );
    const seen = await atomically(db, async (trx) => {
      await sql`insert into people (id, name, unit) values (5, 'Quân', 'VP')`.execute(trx);
      return named.first(trx, 5);
    });
    expect(seen).toEqual({ name: "Quân" });
  });
});
