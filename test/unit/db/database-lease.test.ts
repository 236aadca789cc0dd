import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type DB, migrateToLatest, openDatabase } from "../../../db/connection.js";
import { acquireLease, releaseLease, renewLease } from "../../../db/database-lease.js";
import { isGoneFromThisHost } from "../../../src/database-lease.js";

const TTL = 30_000;
const T0 = new Date("2026-12-29T02:00:00.000Z");
const later = (ms: number) => new Date(T0.getTime() + ms);
const first = { holder: "first", pid: 101, host: "h1" };
const second = { holder: "second", pid: 202, host: "h1" };
const alive = () => false;

let db: DB;
beforeEach(async () => {
  db = openDatabase(":memory:");
  await migrateToLatest(db);
});
afterEach(() => db.destroy());

describe("the database lease", () => {
  it("refuses a second process while the first holds a fresh lease, naming the holder", async () => {
    expect(await acquireLease(db, first, T0, TTL, alive)).toEqual({ acquired: true });
    const refused = await acquireLease(db, second, later(TTL - 1), TTL, alive);
    expect(refused).toMatchObject({ acquired: false, heldBy: { holder: "first", pid: 101, host: "h1" } });
  });

  it("is kept by the heartbeat, and free once not renewed for its time", async () => {
    await acquireLease(db, first, T0, TTL, alive);
    expect(await renewLease(db, "first", later(TTL - 1000), TTL)).toBe(true);
    expect((await acquireLease(db, second, later(TTL + 1000), TTL, alive)).acquired).toBe(false);
    const taken = await acquireLease(db, second, later(2 * TTL), TTL, alive);
    expect(taken).toMatchObject({ acquired: true, tookOverFrom: { holder: "first" } });
    // The first, paused past its lease, learns that it lost it.
    expect(await renewLease(db, "first", later(2 * TTL + 1), TTL)).toBe(false);
  });

  it("is taken over at once from a holder that is gone (killed on this host)", async () => {
    await acquireLease(db, first, T0, TTL, alive);
    const taken = await acquireLease(db, second, later(1), TTL, (held) => held.holder === "first");
    expect(taken).toMatchObject({ acquired: true, tookOverFrom: { holder: "first" } });
  });

  it("is free at once after a clean stop", async () => {
    await acquireLease(db, first, T0, TTL, alive);
    await releaseLease(db, "first");
    expect(await acquireLease(db, second, later(1), TTL, alive)).toEqual({ acquired: true });
  });

  it("finds a process of this host gone only when it no longer exists", () => {
    const held = { holder: "x", pid: process.pid, host: "here", acquired_at: "", expires_at: "" };
    expect(isGoneFromThisHost(held, "here")).toBe(false);
    expect(isGoneFromThisHost({ ...held, pid: 2 ** 22 + 7 }, "here")).toBe(true);
    // On another host nothing can be known: the lease's expiry decides.
    expect(isGoneFromThisHost({ ...held, pid: 2 ** 22 + 7 }, "elsewhere")).toBe(false);
  });
});
