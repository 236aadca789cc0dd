import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DB, migrateToLatest, openDatabase } from "../../../db/connection.js";
import { loadCampaign } from "../../../src/campaign/load.js";
import type { AppDeps } from "../../../src/deps.js";
import { areaKey } from "../../../src/domain/assessment.js";
import { createI18n } from "../../../src/i18n.js";
import { buildWorkbook, withWorkbookFile } from "../../../src/office/export.js";

const YEAR = 2026;
const AT = "2026-11-20T02:00:00.000Z";
/** Units of 700, 1,300 and 5 people: the export reads a few units at a time, about a thousand assessments each. */
const SIZES = [700, 1300, 5];
const GIVEN = ["Đạt", "An", "Dũng", "Ánh", "Bảo", "Yến", "Ðức", "Chi"];

type Deps = Pick<AppDeps, "db" | "campaign" | "clock" | "i18n">;
let db: DB;
let deps: Deps;
let parent: string;

/** Units with codes out of insertion order, people whose names sort differently by bytes and in Vietnamese. */
async function seed(): Promise<void> {
  await db
    .insertInto("rounds")
    .values({
      year: YEAR,
      campaign_id: deps.campaign.id,
      status: "open",
      deadline_at: "2027-01-04T17:00:00.000Z",
      opened_at: AT,
      opened_by: 1,
    })
    .execute();
  const codes = ["TTB", "PHC", "KT"];
  await db
    .insertInto("units")
    .values(codes.map((code, u) => ({ id: u + 1, code, name: `Đơn vị ${code}`, created_at: AT })))
    .execute();
  let telegramId = 1000;
  let assessmentId = 1;
  for (const [u, size] of SIZES.entries()) {
    const unitId = u + 1;
    const people = Array.from({ length: size }, (_, i) => ({
      telegram_id: telegramId++,
      full_name: `${GIVEN[(i * 5) % GIVEN.length]} ${String(size - i).padStart(4, "0")} ${codes[u]}`,
      position: "Chuyên viên",
      unit_id: unitId,
      role: "employee" as const,
      consented_at: AT,
      created_at: AT,
      updated_at: AT,
    }));
    const assessments = [
      ...people.map((person) => ({ subject: "individual" as const, subject_id: person.telegram_id })),
      { subject: "unit" as const, subject_id: unitId },
    ].map((row) => ({
      ...row,
      id: assessmentId++,
      round_year: YEAR,
      unit_id: unitId,
      status: "submitted" as const,
      started_at: AT,
      submitted_at: AT,
      updated_at: AT,
    }));
    for (let i = 0; i < people.length; i += 200) {
      await db
        .insertInto("users")
        .values(people.slice(i, i + 200))
        .execute();
    }
    for (let i = 0; i < assessments.length; i += 200) {
      const chunk = assessments.slice(i, i + 200);
      await db.insertInto("assessments").values(chunk).execute();
      // Each assessment's first reform area names whose it is, to check that answers land on their own row.
      await db
        .insertInto("assessment_items")
        .values(
          chunk.map((row) => ({
            assessment_id: row.id,
            item_key: areaKey(deps.campaign.reformAreas[0]?.id ?? ""),
            data: JSON.stringify({ text: `của ${row.subject} ${row.subject_id}` }),
            updated_at: AT,
          })),
        )
        .execute();
    }
  }
}

beforeAll(async () => {
  parent = mkdtempSync(join(tmpdir(), "thidua-export-test-"));
  db = openDatabase(":memory:");
  await migrateToLatest(db);
  deps = {
    db,
    campaign: loadCampaign(),
    clock: () => new Date("2027-01-06T09:00:00+07:00"),
    i18n: createI18n(),
  };
  await seed();
});

afterAll(async () => {
  await db.destroy();
  rmSync(parent, { recursive: true, force: true });
});

describe("the streamed export", () => {
  it("pages through units in code order, each unit's own first, then its people in Vietnamese order, each with their own answers", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await buildWorkbook(deps, YEAR, "vi")) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Tự đánh giá");
    if (!sheet) throw new Error("no assessments sheet");
    const header = (sheet.getRow(1).values as unknown[]).map((value) => String(value ?? ""));
    const area = header.indexOf(`Lĩnh vực: ${deps.campaign.reformAreas[0]?.name.vi}`);
    expect(area).toBeGreaterThan(0);
    // The row's values start at 1, as cells are numbered: a header's index is its column.
    const kind = header.indexOf("Đối tượng");
    expect(kind).toBeGreaterThan(0);
    const rows: Array<{ unit: string; name: string; kind: string; answer: string }> = [];
    sheet.eachRow((row, number) => {
      if (number === 1) return;
      rows.push({
        unit: String(row.getCell(1).value),
        name: String(row.getCell(2).value),
        kind: String(row.getCell(kind).value),
        answer: String(row.getCell(area).value),
      });
    });
    expect(rows).toHaveLength(SIZES.reduce((sum, size) => sum + size + 1, 0));

    const collator = new Intl.Collator("vi");
    for (const [code, size] of [
      ["KT", 5],
      ["PHC", 1300],
      ["TTB", 700],
    ] as const) {
      const ofUnit = rows.filter((row) => row.unit === code);
      expect(ofUnit).toHaveLength(size + 1);
      expect(ofUnit[0]).toMatchObject({ name: `Đơn vị ${code}`, kind: "Tập thể" });
      const names = ofUnit.slice(1).map((row) => row.name);
      expect(names).toEqual([...names].sort(collator.compare));
    }
    expect([...new Set(rows.map((row) => row.unit))]).toEqual(["KT", "PHC", "TTB"]);

    const people = await db.selectFrom("users").select(["telegram_id", "full_name"]).execute();
    const idOf = new Map(people.map((person) => [person.full_name, person.telegram_id]));
    for (const row of rows) {
      if (row.kind === "Tập thể") expect(row.answer).toMatch(/^của unit \d+$/);
      else expect(row.answer).toBe(`của individual ${idOf.get(row.name)}`);
    }
  });

  it("keeps a typed answer as typed (markup characters, quotes, line breaks, emoji), less the control characters XML cannot hold", async () => {
    const key = areaKey(deps.campaign.reformAreas[0]?.id ?? "");
    const typed = `<b>A & B</b> "quoted" 'single'\nsecond line\ttab 😀 Đạt ${"\u0001\u001f\u007f"}end`;
    const kept = `<b>A & B</b> "quoted" 'single'\nsecond line\ttab 😀 Đạt end`;
    const person = await db
      .selectFrom("assessments")
      .select(["id", "subject_id"])
      .where("subject", "=", "individual")
      .orderBy("id")
      .executeTakeFirstOrThrow();
    const answer = (text: string) =>
      db
        .updateTable("assessment_items")
        .set({ data: JSON.stringify({ text }) })
        .where("assessment_id", "=", person.id)
        .where("item_key", "=", key)
        .execute();
    await answer(typed);
    try {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await buildWorkbook(deps, YEAR, "vi")) as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet("Tự đánh giá");
      if (!sheet) throw new Error("no assessments sheet");
      const header = (sheet.getRow(1).values as unknown[]).map((value) => String(value ?? ""));
      const area = header.indexOf(`Lĩnh vực: ${deps.campaign.reformAreas[0]?.name.vi}`);
      const name = await db
        .selectFrom("users")
        .select("full_name")
        .where("telegram_id", "=", person.subject_id)
        .executeTakeFirstOrThrow();
      const values: unknown[] = [];
      sheet.eachRow((row) => {
        if (row.getCell(2).value === name.full_name) values.push(row.getCell(area).value);
      });
      expect(values).toEqual([kept]);
    } finally {
      await answer(`của individual ${person.subject_id}`);
    }
  });

  it("hands the sender a file holding the workbook, and deletes it afterwards, also when sending fails", async () => {
    let seen = "";
    const size = await withWorkbookFile(
      deps,
      YEAR,
      "vi",
      async (path) => {
        seen = path;
        return statSync(path).size;
      },
      parent,
    );
    expect(seen).toMatch(/thi-dua-2026\.xlsx$/);
    expect(size).toBeGreaterThan(0);
    expect(readdirSync(parent)).toEqual([]);

    await expect(
      withWorkbookFile(
        deps,
        YEAR,
        "vi",
        async () => {
          throw new Error("Telegram did not answer");
        },
        parent,
      ),
    ).rejects.toThrow("Telegram did not answer");
    expect(readdirSync(parent)).toEqual([]);
  });

  it("deletes the half-written file when writing fails", async () => {
    const i18n = createI18n();
    const t = i18n.t.bind(i18n);
    i18n.t = ((language, key, vars) => {
      if (key === "ex-sheet-assessments") throw new Error("no such word");
      return t(language, key, vars);
    }) as typeof i18n.t;
    const broken: Deps = { ...deps, i18n };
    await expect(withWorkbookFile(broken, YEAR, "vi", async () => 0, parent)).rejects.toThrow("no such word");
    expect(readdirSync(parent)).toEqual([]);
  });
});
