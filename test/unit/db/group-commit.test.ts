import { sql } from "kysely";
import { beforeEach, describe, expect, it } from "vitest";
import { type DB, openDatabase } from "../../../db/connection.js";
import { inGroupCommit } from "../../../db/group-commit.js";

let db: DB;
beforeEach(async () => {
  db = openDatabase(":memory:");
  await sql`create table marks (id integer primary key)`.execute(db);
});

const mark = (id: number) => (trx: DB) => sql`insert into marks (id) values (${id})`.execute(trx);
const marks = async () =>
  (await sql<{ id: number }>`select id from marks order by id`.execute(db)).rows.map((row) => row.id);

describe("inGroupCommit", () => {
  it("writes a job alone at once, and the jobs that came meanwhile together in the next transaction", async () => {
    const transactions: DB[] = [];
    let finishFirst = () => {};
    const firstMayEnd = new Promise<void>((resolve) => {
      finishFirst = resolve;
    });
    const first = inGroupCommit(db, async (trx) => {
      transactions.push(trx);
      await mark(1)(trx);
      await firstMayEnd;
    });
    const later = [2, 3, 4].map((id) =>
      inGroupCommit(db, async (trx) => {
        transactions.push(trx);
        await mark(id)(trx);
        return id * 10;
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(transactions).toHaveLength(1);
    finishFirst();
    await first;
    expect(await Promise.all(later)).toEqual([20, 30, 40]);
    expect(transactions[1]).not.toBe(transactions[0]);
    expect(transactions[2]).toBe(transactions[1]);
    expect(transactions[3]).toBe(transactions[1]);
    expect(await marks()).toEqual([1, 2, 3, 4]);
  });

  it("once transactions are shared, writes the jobs that come in one turn together", async () => {
    const blocker = inGroupCommit(db, mark(1));
    const shared = [inGroupCommit(db, mark(2)), inGroupCommit(db, mark(3))];
    await Promise.all([blocker, ...shared]);
    const transactions: DB[] = [];
    const recorded = (id: number) => async (trx: DB) => {
      transactions.push(trx);
      await mark(id)(trx);
    };
    await Promise.all([inGroupCommit(db, recorded(4)), inGroupCommit(db, recorded(5))]);
    expect(transactions).toHaveLength(2);
    expect(transactions[1]).toBe(transactions[0]);
    expect(await marks()).toEqual([1, 2, 3, 4, 5]);
  });

  it("rolls back only the job that failed: the others in its transaction are kept", async () => {
    const blocker = inGroupCommit(db, mark(1));
    const jobs = [
      inGroupCommit(db, mark(2)),
      inGroupCommit(db, async (trx) => {
        await mark(3)(trx);
        throw new Error("refused");
      }),
      inGroupCommit(db, mark(4)),
    ];
    await blocker;
    const settled = await Promise.allSettled(jobs);
    expect(settled.map((outcome) => outcome.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(await marks()).toEqual([1, 2, 4]);
  });
});
