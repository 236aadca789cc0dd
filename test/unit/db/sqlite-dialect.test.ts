import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../../db/connection.js";
import { FifoMutex } from "../../../db/sqlite-dialect.js";

describe("FifoMutex", () => {
  it("hands the lock to waiters in the order they asked", async () => {
    const mutex = new FifoMutex();
    const order: number[] = [];
    await mutex.lock();
    const waiters = [1, 2, 3].map((n) =>
      mutex.lock().then(() => {
        order.push(n);
        mutex.unlock();
      }),
    );
    expect(order).toEqual([]);
    mutex.unlock();
    await Promise.all(waiters);
    expect(order).toEqual([1, 2, 3]);
  });

  it("is free again once the last holder lets go", async () => {
    const mutex = new FifoMutex();
    await mutex.lock();
    mutex.unlock();
    let taken = false;
    await mutex.lock().then(() => {
      taken = true;
    });
    expect(taken).toBe(true);
  });
});

describe("the database's single connection", () => {
  it("keeps a transaction whole while many queries wait for their turn", async () => {
    const db = openDatabase(":memory:");
    await sql`create table counter (n integer not null)`.execute(db);
    await sql`insert into counter (n) values (0)`.execute(db);
    const increment = () =>
      db.transaction().execute(async (trx) => {
        const { rows } = await sql<{ n: number }>`select n from counter`.execute(trx);
        await sql`update counter set n = ${(rows[0]?.n ?? 0) + 1}`.execute(trx);
      });
    const reads = Array.from({ length: 200 }, () => sql`select n from counter`.execute(db));
    await Promise.all([...Array.from({ length: 100 }, increment), ...reads]);
    const { rows } = await sql<{ n: number }>`select n from counter`.execute(db);
    expect(rows[0]?.n).toBe(100);
    await db.destroy();
  });
});
