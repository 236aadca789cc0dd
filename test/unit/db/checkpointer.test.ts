import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../../db/connection.js";
import { startBackgroundThread } from "../../../src/background-thread.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const CONNECTION = fileURLToPath(new URL("../../../db/connection.ts", import.meta.url));

/** Runs the script `code(dir)` writes, through tsx; its output, once it has exited by itself with status 0. */
function runsToItsEnd(code: (dir: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), "thidua-ckpt-"));
  dirs.push(dir);
  const script = join(dir, "script.mts");
  writeFileSync(script, code(dir));
  const run = spawnSync(process.execPath, ["--import", "tsx", script], { encoding: "utf8", timeout: 30_000 });
  expect(run.signal).toBeNull();
  expect(run.status).toBe(0);
  return run.stdout;
}

describe("background checkpoints", () => {
  it.each([
    { on: "their own thread", thread: () => undefined },
    { on: "the bot's background thread", thread: startBackgroundThread },
  ])(
    "fold what the bot wrote into the database file while the bot's commits leave the log alone, on $on",
    async ({ thread }) => {
      const dir = mkdtempSync(join(tmpdir(), "thidua-ckpt-"));
      dirs.push(dir);
      const path = join(dir, "bot.sqlite");
      const background = thread();
      const db = openDatabase(path, { backgroundCheckpoints: background?.checkpoints ?? true });
      await sql`create table answers (id integer primary key, text text not null)`.execute(db);
      const before = statSync(path).size;
      // About 2 MB, past the thousand pages at which a commit would checkpoint by itself.
      for (let batch = 0; batch < 20; batch++) {
        await db.transaction().execute(async (trx) => {
          for (let i = 0; i < 50; i++)
            await sql`insert into answers (text) values (${"x".repeat(2000)})`.execute(trx);
        });
      }
      const { rows } = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(db);
      expect(rows[0]?.wal_autocheckpoint).toBe(0);
      await until(() => statSync(path).size > before + 1_000_000);
      const count = await sql<{ n: number }>`select count(*) as n from answers`.execute(db);
      expect(count.rows[0]?.n).toBe(1000);
      await db.destroy();
      await background?.stop();
    },
  );

  it("are not used unless asked for: a script's connection checkpoints in its commits", async () => {
    const dir = mkdtempSync(join(tmpdir(), "thidua-ckpt-"));
    dirs.push(dir);
    const db = openDatabase(join(dir, "script.sqlite"));
    const { rows } = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(db);
    expect(rows[0]?.wal_autocheckpoint).toBe(1000);
    await db.destroy();
  });

  it("let a process that closed its database exit by itself", () => {
    const stdout = runsToItsEnd(
      (dir) => `import { openDatabase } from ${JSON.stringify(CONNECTION)};
const db = openDatabase(${JSON.stringify(join(dir, "exit.sqlite"))}, { backgroundCheckpoints: true });
await db.selectNoFrom((eb) => eb.val(1).as("one")).execute();
await new Promise((resolve) => setTimeout(resolve, 600));
await db.destroy();
console.log("closed");`,
    );
    expect(stdout).toContain("closed");
  });

  it("let a process whose calls are answered exit by itself, with the background thread's checkpoints on", () => {
    const thread = fileURLToPath(new URL("../../../src/background-thread.ts", import.meta.url));
    const stdout = runsToItsEnd(
      (dir) => `import { createServer } from "node:http";
import { openDatabase } from ${JSON.stringify(CONNECTION)};
import { startBackgroundThread } from ${JSON.stringify(thread)};
const server = createServer((_req, res) => res.end('{"ok":true}')).listen(0, "127.0.0.1");
await new Promise((resolve) => server.once("listening", resolve));
const background = startBackgroundThread();
const db = openDatabase(${JSON.stringify(join(dir, "exit.sqlite"))}, { backgroundCheckpoints: background.checkpoints });
const answer = await background.fetch("http://127.0.0.1:" + server.address().port + "/botT/getMe", { method: "POST", body: "{}" });
console.log(JSON.stringify(await answer.json()));
server.close();
await new Promise((resolve) => setTimeout(resolve, 600));
await db.destroy();
console.log("closed");`,
    );
    expect(stdout).toContain('{"ok":true}');
    expect(stdout).toContain("closed");
  });
});
