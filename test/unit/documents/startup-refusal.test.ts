import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import PizZip from "pizzip";
import { afterAll, describe, expect, it } from "vitest";
import { BUNDLED_CAMPAIGN_FILE } from "../../../src/campaign/load.js";
import { TEMPLATES_DIRECTORY } from "../../../src/documents/templates.js";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "thidua-startup-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("start-up with a campaign definition pointing at a template", () => {
  it("stops before opening the database when the template lacks a placeholder, naming both", () => {
    const zip = new PizZip(readFileSync(join(TEMPLATES_DIRECTORY, "bao-cao-thanh-tich-tap-the.docx")));
    const xml = zip.file("word/document.xml")?.asText() ?? "";
    zip.file("word/document.xml", xml.split("{headName}").join("……"));
    const template = join(dir, "letterhead.docx");
    writeFileSync(template, zip.generate({ type: "nodebuffer" }));
    const definition = JSON.parse(readFileSync(BUNDLED_CAMPAIGN_FILE, "utf8")) as Record<string, unknown>;
    const campaignFile = join(dir, "campaign.json");
    writeFileSync(
      campaignFile,
      JSON.stringify({ ...definition, documents: { templates: { baoCaoThanhTichTapThe: template } } }),
    );
    const databasePath = join(dir, "never.sqlite");

    const run = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "src/main.ts")], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? "",
        BOT_TOKEN: "123456:TEST-TOKEN-abcdefghijklmnopqrstuvwxyz",
        OFFICE_ADMIN_IDS: "1001",
        CAMPAIGN_FILE: campaignFile,
        DATABASE_PATH: databasePath,
      },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.stderr).toContain(
      `Template ${template} (documents.templates.baoCaoThanhTichTapThe) lacks the placeholder {headName}`,
    );
    expect(run.status).toBe(1);
    expect(() => readFileSync(databasePath)).toThrow();
  });
});
