/**
 * The notice of a round opened, to everyone registered, at scale: seeds an SQLite file with 200 units × 250
 * people (test/bench/seed.ts) and times `enqueueNoticeToEveryone`, the one write the Office's /round open waits
 * for (the sending is the outbox's, within Telegram's limits). Run: node --import tsx test/bench/round-notice-bench.ts
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrateToLatest, openDatabase } from "../../db/connection.js";
import { enqueueNoticeToEveryone } from "../../db/notices.js";
import { PLANNER_FILL, seedBench } from "./seed.js";

const dir = mkdtempSync(join(tmpdir(), "round-notice-"));
try {
  const db = openDatabase(join(dir, "bench.sqlite"));
  await migrateToLatest(db);
  await seedBench(db, { units: 200, people: 50_000, rounds: 1, fill: PLANNER_FILL });
  const times: number[] = [];
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now();
    const written = await enqueueNoticeToEveryone(db, {
      year: 2026,
      key: `notice:round:open:2026:${run}`,
      messages: new Map([
        ["vi", "📢 Văn phòng Sở đã mở kỳ xét khen thưởng năm 2026."],
        ["en", "📢 The Office has opened the 2026 award round."],
      ]),
      except: 0,
      at: new Date().toISOString(),
    });
    times.push(performance.now() - t0);
    console.log(`run ${run + 1}: ${written} rows in ${times.at(-1)?.toFixed(0)} ms`);
  }
  await db.destroy();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
