import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { FluentBundle, FluentResource } from "@fluent/bundle";
import { describe, expect, it } from "vitest";
import { BUNDLED_CAMPAIGN_FILE } from "../../src/campaign/load.js";

// What people read uses the plan's own words and its spelling (DESIGN.md, "The plan's words").
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const VI_FTL = readFileSync(join(ROOT, "src", "locales", "vi.ftl"), "utf8").normalize("NFC");
const PLAN = readFileSync(join(ROOT, "test", "fixtures", "plan-stp-cchc-2023-2025.txt"), "utf8");
const CAMPAIGN = JSON.parse(readFileSync(BUNDLED_CAMPAIGN_FILE, "utf8")) as unknown;

const squash = (text: string) => text.normalize("NFC").replace(/\s+/g, " ").trim();

/** Forms the plan does not use for what the bot means, each with the plan's word. */
const BANNED: [RegExp, string][] = [
  [/đề xuất/iu, "đề nghị"],
  [/nhận xem xét/iu, "Tiếp nhận, thẩm định"],
  [/chỉ tiêu/iu, "Số lượng khen thưởng"],
  [/hồ sơ thi đua/iu, "Hồ sơ đề nghị khen thưởng"],
  // A "đợt thi đua" is another legal form; the bot's round is "năm 2026" or "kỳ xét khen thưởng năm 2026".
  [/(?<!\p{L})đợt(?!\p{L})/iu, "năm …, kỳ xét khen thưởng năm …"],
  [/cán bộ/iu, "công chức, viên chức, người lao động"],
  [/sửa sau hạn/iu, "Gia hạn cho đơn vị"],
  [/hội đồng sáng kiến tỉnh/iu, "Hội đồng sáng kiến cấp tỉnh"],
  // The plan's tone marks: hóa, Ủy, xóa, hủy (not hoá, Uỷ, xoá, huỷ). Only a syllable ending in the
  // pair differs ("hoàn" is the same in both); in "qu" the u is part of the consonant ("quý").
  [/(?<!\p{L})\p{L}*?(?<![qQ])(?:[oO][áàảãạ]|[oO][éèẻẽẹ]|[uU][ýỳỷỹỵ])(?!\p{L})/u, "hóa, xóa, Ủy, hủy, khỏe"],
];

function offences(texts: string[]): string[] {
  const found: string[] = [];
  for (const text of texts) {
    for (const [pattern, instead] of BANNED) {
      const match = pattern.exec(text);
      if (match) found.push(`«${match[0]}» (use ${instead}) in: ${text.slice(0, 100)}`);
    }
  }
  return found;
}

/** Every Vietnamese text of the campaign definition (the values of its "vi" keys). */
function vietnamese(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) vietnamese(item, found);
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "vi" && typeof value === "string") found.push(value.normalize("NFC"));
      else vietnamese(value, found);
    }
  }
  return found;
}

describe("the plan's words", () => {
  it("the patterns catch the old forms and leave the plan's alone", () => {
    const old = [
      "đề xuất",
      "Nhận xem xét",
      "Chỉ tiêu toàn Sở",
      "Hồ sơ thi đua năm",
      "đợt thi đua",
      "Đợt năm",
    ];
    const oldTones = ["số hoá", "Uỷ ban", "xoá", "huỷ", "khoẻ", "hoà", "tuỳ", "luỹ"];
    for (const text of [...old, ...oldTones, "cán bộ, công chức", "Hội đồng sáng kiến tỉnh"]) {
      expect(offences([text]), text).toHaveLength(1);
    }
    const plans = [
      "hóa",
      "Ủy ban",
      "xóa",
      "hủy",
      "hoàn thành",
      "toàn",
      "hoạch",
      "quý",
      "quỹ",
      "đột phá",
      "khỏe",
    ];
    expect(offences(plans)).toEqual([]);
  });

  it("vi.ftl uses them everywhere", () => {
    const lines = VI_FTL.split("\n").filter((line) => !line.startsWith("#"));
    expect(offences(lines)).toEqual([]);
  });

  it("the campaign definition uses them, except where it quotes the plan word for word", () => {
    const plan = squash(PLAN);
    const own = vietnamese(CAMPAIGN).filter((text) => !plan.includes(squash(text)));
    expect(own.length).toBeGreaterThan(20);
    expect(offences(own)).toEqual([]);
  });

  it("names an initiative's decision by number and date, and the council that recognised it", () => {
    const bundle = new FluentBundle("vi", { useIsolating: false });
    expect(bundle.addResource(new FluentResource(VI_FTL))).toEqual([]);
    const councils = vietnamese(CAMPAIGN).filter((text) => text.startsWith("Hội đồng sáng kiến"));
    expect(councils).toContain("Hội đồng sáng kiến cấp tỉnh");
    for (const council of councils) {
      expect(council).toMatch(/^Hội đồng sáng kiến cấp /);
      for (const id of ["as-ev-initiative", "ex-initiative"]) {
        const message = bundle.getMessage(id);
        expect(message?.value, id).toBeTruthy();
        const args = { number: "125/QĐ-STP", date: "15/10/2026", council };
        const text = message?.value ? bundle.formatPattern(message.value, args) : "";
        expect(text, id).toBe(`Quyết định số 125/QĐ-STP ngày 15/10/2026 (${council} công nhận)`);
      }
    }
  });
});
