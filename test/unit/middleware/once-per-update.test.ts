import type { Context } from "grammy";
import type { Update } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type DB, migrateToLatest, openDatabase } from "../../../db/connection.js";
import { finishUpdate } from "../../../db/processed-updates.js";
import type { BaseContext } from "../../../src/context.js";
import { oncePerUpdate } from "../../../src/middleware/once-per-update.js";

const now = new Date("2026-12-02T09:00:00+07:00");
let db: DB;

beforeEach(async () => {
  db = openDatabase(":memory:");
  await migrateToLatest(db);
});
afterEach(() => db.destroy());

/** Runs the middleware on update `id` and tells whether the update was handled (reached `next`). */
function runner(middleware: ReturnType<typeof oncePerUpdate>) {
  return async (id: number, work?: () => Promise<void>): Promise<boolean> => {
    let handled = false;
    const ctx = {
      update: { update_id: id } as Update,
      log: { info: () => undefined },
    } as unknown as BaseContext & Context;
    await middleware(ctx, async () => {
      handled = true;
      await work?.();
    });
    return handled;
  };
}

describe("oncePerUpdate", () => {
  it("ignores an update handled before it started, and takes the next one", async () => {
    await finishUpdate(db, 10, now, now);
    const take = runner(oncePerUpdate({ db, clock: () => now }));
    expect(await take(10)).toBe(false);
    expect(await take(11)).toBe(true);
  });

  it("ignores an update it handled itself when it comes again", async () => {
    const take = runner(oncePerUpdate({ db, clock: () => now }));
    expect(await take(5)).toBe(true);
    expect(await take(6)).toBe(true);
    expect(await take(5)).toBe(false);
    expect(await take(6)).toBe(false);
  });

  it("handles again an update whose handling was cut short", async () => {
    const take = runner(oncePerUpdate({ db, clock: () => now }));
    await expect(
      take(7, async () => {
        throw new Error("killed");
      }),
    ).rejects.toThrow("killed");
    // The mark is written when an update is done; a handling cut short leaves none (as a killed process).
    await db.deleteFrom("processed_updates").where("update_id", "=", 7).execute();
    expect(await take(8)).toBe(true);
    expect(await take(7)).toBe(true);
  });

  it("reads nothing for an update newer than every one stored and taken", async () => {
    const take = runner(oncePerUpdate({ db, clock: () => now }));
    expect(await take(20)).toBe(true);
    // Written behind its back: only the absence of a read lets update 50 through.
    await finishUpdate(db, 50, now, now);
    expect(await take(50)).toBe(true);
    // An older id is looked up.
    await finishUpdate(db, 30, now, now);
    expect(await take(30)).toBe(false);
  });
});
