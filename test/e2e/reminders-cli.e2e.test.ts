import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type DB, migrateToLatest, openDatabase } from "../../db/connection.js";
import { addDocumentVersion, submitDossier } from "../../db/dossiers.js";
import { addNomination } from "../../db/nominations.js";
import { loadCampaign } from "../../src/campaign/load.js";
import { reportKeyFor } from "../helpers/scenarios.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const AT = "2026-12-29T08:00:00+07:00";
const OFFICE = 1001;
const HEAD = 2000;
const EMPLOYEE = 2001;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run reminders -- <args>` as npm runs it: node with tsx, from the project's folder. */
function runCli(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "src/reminders-cli.ts", ...args],
      { cwd: ROOT, env: { PATH: process.env.PATH ?? "", ...env }, timeout: 30_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : null) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

let dir: string;
let dbPath: string;

/**
 * The bot's database as it would be some days into the round: one unit with its head and an employee,
 * neither of whom has submitted anything, and round 2026 open since `openedAt`, due before 05/01/2027.
 */
async function seed(openedAt: string, plannedSlots: string[] = []): Promise<void> {
  const db = openDatabase(dbPath);
  try {
    await migrateToLatest(db);
    const created = "2026-11-01T02:00:00.000Z";
    const unit = await db
      .insertInto("units")
      .values({
        code: "HCTP",
        name: "Phòng Hành chính tư pháp",
        archived_at: null,
        created_at: created,
        group_chat_id: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const person = (telegram_id: number, full_name: string, role: "unit_head" | "employee") => ({
      telegram_id,
      full_name,
      position: role === "unit_head" ? "Trưởng phòng" : "Chuyên viên",
      unit_id: unit.id,
      role,
      consented_at: created,
      created_at: created,
      updated_at: created,
    });
    await db
      .insertInto("users")
      .values([person(HEAD, "Trần Văn Bình", "unit_head"), person(EMPLOYEE, "Nguyễn Thị Lan", "employee")])
      .execute();
    await db
      .insertInto("rounds")
      .values({
        year: 2026,
        campaign_id: loadCampaign().id,
        status: "open",
        deadline_at: "2027-01-04T17:00:00.000Z",
        opened_at: openedAt,
        opened_by: OFFICE,
        closed_at: null,
      })
      .execute();
    for (const slot_key of plannedSlots) {
      await db
        .insertInto("reminder_slots")
        .values({ round_year: 2026, slot_key, planned_at: created })
        .execute();
    }
  } finally {
    await db.destroy();
  }
}

async function withDb<T>(read: (db: DB) => Promise<T>): Promise<T> {
  const db = openDatabase(dbPath);
  try {
    return await read(db);
  } finally {
    await db.destroy();
  }
}

const outboxRows = () => withDb((db) => db.selectFrom("reminder_outbox").selectAll().execute());
const slotKeys = () =>
  withDb(async (db) =>
    (await db.selectFrom("reminder_slots").select("slot_key").orderBy("slot_key").execute()).map(
      (r) => r.slot_key,
    ),
  );

/** The printed sections: each slot's header line and the recipients listed under it. */
function sections(stdout: string): Array<{ header: string; recipients: string[] }> {
  const result: Array<{ header: string; recipients: string[] }> = [];
  for (const line of stdout.split("\n")) {
    if (line.startsWith("== ")) result.push({ header: line, recipients: [] });
    else if (line.startsWith("-- to ")) result.at(-1)?.recipients.push(line);
  }
  return result;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "thidua-reminders-cli-"));
  dbPath = join(dir, "thidua.sqlite");
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("npm run reminders -- --at <ISO> --dry-run", () => {
  it("prints the 7-day reminder for the head (with the employee's name) and the Office's digest, storing nothing", async () => {
    // Opened after the 14-day mark (22/12), so the employees' 14-day reminder was never due in this round,
    // and their 3-day one (02/01) is not due yet.
    await seed("2026-12-23T02:00:00.000Z");
    const run = await runCli(["--at", AT, "--dry-run"], {
      DATABASE_PATH: dbPath,
      OFFICE_ADMIN_IDS: String(OFFICE),
    });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      "Reminders due at 08:00 29/12/2026 (Asia/Ho_Chi_Minh), dry run: nothing is sent or stored.",
    );
    expect(sections(run.stdout)).toEqual([
      {
        header: "== unit:before:7 (due 08:00 29/12/2026): 1 message(s)",
        recipients: [`-- to unit chat ${HEAD}`],
      },
      {
        header: "== digest:2026-12-29 (due 08:00 29/12/2026): 1 message(s)",
        recipients: [`-- to digest chat ${OFFICE}`],
      },
    ]);
    const headText = run.stdout.slice(
      run.stdout.indexOf(`-- to unit chat ${HEAD}`),
      run.stdout.indexOf("== digest"),
    );
    // The 7-day slot (7 days before 05/01); "còn 6 ngày" counts the days after today up to the last day, 04/01,
    // as deadlineStatus does everywhere in the bot.
    expect(headText).toContain("Hồ sơ đề nghị khen thưởng năm 2026: còn 6 ngày (hạn: trước ngày 05/01/2027)");
    expect(headText).toContain("Phòng Hành chính tư pháp còn thiếu:");
    expect(headText).toContain("2/2 người chưa nộp tự đánh giá");
    expect(headText).toContain("– Nguyễn Thị Lan");
    expect(headText).toContain("Chưa nộp tự đánh giá tập thể của đơn vị");
    expect(headText).toContain("Chưa đề nghị khen thưởng");
    expect(headText).toContain("Chưa nộp hồ sơ đề nghị khen thưởng");
    // Tags are stripped for the terminal.
    expect(headText).not.toMatch(/<\/?b>/);
    const digest = run.stdout.slice(run.stdout.indexOf(`-- to digest chat ${OFFICE}`));
    expect(digest).toContain(
      "Tổng hợp hồ sơ đề nghị khen thưởng: 0/1 đơn vị đã nộp hồ sơ; 0/1 đơn vị đã hoàn thành mọi việc.",
    );
    expect(digest).toContain(
      "HCTP: 2/2 người chưa nộp tự đánh giá; chưa nộp tự đánh giá tập thể; chưa đề nghị khen thưởng; chưa nộp hồ sơ",
    );
    // The employee gets no reminder of their own that day.
    expect(run.stdout).not.toContain(`chat ${EMPLOYEE}`);

    expect(await outboxRows()).toEqual([]);
    expect(await slotKeys()).toEqual([]);

    // Nothing was stored, so the same preview again prints the same.
    const again = await runCli(["--at", AT, "--dry-run"], {
      DATABASE_PATH: dbPath,
      OFFICE_ADMIN_IDS: String(OFFICE),
    });
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(run.stdout);
  });

  it("without OFFICE_ADMIN_IDS (and no Office member in the database) prints no digest", async () => {
    await seed("2026-12-23T02:00:00.000Z");
    const run = await runCli(["--at", AT, "--dry-run"], { DATABASE_PATH: dbPath });
    expect(run.code).toBe(0);
    expect(sections(run.stdout)).toEqual([
      {
        header: "== unit:before:7 (due 08:00 29/12/2026): 1 message(s)",
        recipients: [`-- to unit chat ${HEAD}`],
      },
      { header: "== digest:2026-12-29 (due 08:00 29/12/2026): 0 message(s)", recipients: [] },
    ]);
    expect(await outboxRows()).toEqual([]);
  });

  it("reads what the bot already planned: slots it has sent are not shown again", async () => {
    // Opened in November; the bot has been running and planned every slot up to 28/12.
    const done = ["unit:before:30", "unit:before:14", "employee:before:14", "digest:2026-12-28"];
    await seed("2026-11-02T02:00:00.000Z", done);
    const run = await runCli(["--at", AT, "--dry-run"], {
      DATABASE_PATH: dbPath,
      OFFICE_ADMIN_IDS: String(OFFICE),
    });
    expect(run.code).toBe(0);
    expect(sections(run.stdout).map((s) => s.header)).toEqual([
      "== unit:before:7 (due 08:00 29/12/2026): 1 message(s)",
      "== digest:2026-12-29 (due 08:00 29/12/2026): 1 message(s)",
    ]);
    expect(run.stdout).not.toContain(`chat ${EMPLOYEE}`);
    expect(await slotKeys()).toEqual([...done].sort());
    expect(await outboxRows()).toEqual([]);

    // Once the 7-day slot and today's digest are planned too, there is nothing left to preview.
    await withDb(async (db) => {
      for (const slot_key of ["unit:before:7", "digest:2026-12-29"]) {
        await db
          .insertInto("reminder_slots")
          .values({ round_year: 2026, slot_key, planned_at: "2026-12-29T01:00:00.000Z" })
          .execute();
      }
    });
    const later = await runCli(["--at", AT, "--dry-run"], {
      DATABASE_PATH: dbPath,
      OFFICE_ADMIN_IDS: String(OFFICE),
    });
    expect(later.code).toBe(0);
    expect(later.stdout).toContain("Nothing would be sent");
    expect(sections(later.stdout)).toEqual([]);
  });

  it("names the missing dossier documents, and reminds no one once the unit has sent everything", async () => {
    await seed("2026-12-23T02:00:00.000Z");
    const env = { DATABASE_PATH: dbPath, OFFICE_ADMIN_IDS: String(OFFICE) };
    const at = "2026-12-20T02:00:00.000Z";
    const unitId = await withDb(async (db) => {
      const { id } = await db.selectFrom("units").select("id").executeTakeFirstOrThrow();
      await addNomination(
        db,
        {
          year: 2026,
          unitId: id,
          formId: "giay-khen-giam-doc-so",
          nomineeKind: "individual",
          nomineeId: EMPLOYEE,
          nomineeName: "Nguyễn Thị Lan",
          eligible: true,
          resultSummary: "5/5",
          reason: null,
          by: HEAD,
          byRole: "unit_head",
          updateId: null,
        },
        new Date(at),
      );
      return id;
    });
    const run = await runCli(["--at", AT, "--dry-run"], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("• Thiếu: Tờ trình đề nghị khen thưởng");
    expect(run.stdout).toContain(
      "• Thiếu: Báo cáo thành tích của tập thể, cá nhân đề nghị khen thưởng – Nguyễn Thị Lan",
    );
    expect(run.stdout).toContain("thiếu 2 tài liệu hồ sơ");

    // Everyone and the unit submit, the documents are uploaded and the dossier is sent.
    await withDb(async (db) => {
      const submitted = (subject: "individual" | "unit", subjectId: number) => ({
        round_year: 2026,
        subject,
        subject_id: subjectId,
        unit_id: unitId,
        status: "submitted" as const,
        started_at: at,
        submitted_at: at,
        updated_at: at,
        edit_item: null,
        edit_backup: null,
        last_update_id: null,
      });
      await db
        .insertInto("assessments")
        .values([submitted("individual", HEAD), submitted("individual", EMPLOYEE), submitted("unit", unitId)])
        .execute();
      for (const [documentId, nomineeKey] of [
        ["to-trinh", ""],
        ["bao-cao-thanh-tich", `p:${EMPLOYEE}`],
      ] as const) {
        await addDocumentVersion(
          db,
          {
            year: 2026,
            unitId,
            documentId,
            documentKey: await reportKeyFor(db, 2026, unitId, nomineeKey),
            fileId: `file-${documentId}`,
            fileUniqueId: `unique-${documentId}`,
            fileName: `${documentId}.pdf`,
            mimeType: "application/pdf",
            fileSize: 1000,
            by: HEAD,
            updateId: null,
          },
          new Date(at),
        );
      }
      const sent = await submitDossier(
        db,
        2026,
        unitId,
        { id: HEAD, role: "unit_head", updateId: null },
        false,
        new Date(at),
      );
      expect(sent?.number).toBe(1);
    });
    const done = await runCli(["--at", AT, "--dry-run"], env);
    expect(done.code).toBe(0);
    expect(sections(done.stdout)).toEqual([
      { header: "== unit:before:7 (due 08:00 29/12/2026): 0 message(s)", recipients: [] },
      {
        header: "== digest:2026-12-29 (due 08:00 29/12/2026): 1 message(s)",
        recipients: [`-- to digest chat ${OFFICE}`],
      },
    ]);
    expect(done.stdout).toContain("(nobody owes anything)");
    expect(done.stdout).toContain(
      "Tổng hợp hồ sơ đề nghị khen thưởng: 1/1 đơn vị đã nộp hồ sơ; 1/1 đơn vị đã hoàn thành mọi việc.",
    );
    expect(done.stdout).toContain("HCTP: đã hoàn thành");
  });

  it("refuses to run without --dry-run: exit 2 with the usage", async () => {
    await seed("2026-12-23T02:00:00.000Z");
    const run = await runCli(["--at", AT], { DATABASE_PATH: dbPath });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Only --dry-run is supported");
    expect(run.stderr).toContain("Usage: npm run reminders -- --at <ISO instant");
    expect(run.stdout).toBe("");
    expect(await outboxRows()).toEqual([]);
  });

  it.each([["not-a-date"], ["2026-13-45T08:00:00+07:00"]])(
    "exits 2 with the usage for --at %s",
    async (at) => {
      await seed("2026-12-23T02:00:00.000Z");
      const run = await runCli(["--at", at, "--dry-run"], { DATABASE_PATH: dbPath });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(
        `--at needs an ISO instant with its offset, e.g. 2026-12-29T08:00:00+07:00; got ${at}.`,
      );
      expect(run.stderr).toContain("Usage: npm run reminders");
      expect(run.stdout).toBe("");
    },
  );

  it("exits 2 with the usage when --at is missing", async () => {
    await seed("2026-12-23T02:00:00.000Z");
    const run = await runCli(["--dry-run"], { DATABASE_PATH: dbPath });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      "--at needs an ISO instant with its offset, e.g. 2026-12-29T08:00:00+07:00; got nothing.",
    );
  });
});
