import { describe, expect, it } from "vitest";
import { owedLines, type ReminderContext } from "../../../src/reminders/render.js";

const r: ReminderContext = {
  t: (key, vars) => `${key}${vars ? JSON.stringify(vars) : ""}`,
  language: "vi",
  year: 2026,
  deadline: new Date("2027-01-04T17:00:00Z"),
  now: new Date("2026-12-22T01:00:00Z"),
  timeZone: "Asia/Ho_Chi_Minh",
};

describe("owedLines", () => {
  it("lists as many names as fit in a message and counts the rest", () => {
    const people = Array.from({ length: 70 }, (_, i) => ({
      telegramId: i,
      fullName: `${"Nguyễn Văn ".repeat(7)}${i}`,
    }));
    const lines = owedLines(r, { peopleNotSubmitted: people, peopleTotal: 80, unitAssessment: true }, true);
    const text = lines.join("\n");
    expect(text.length).toBeLessThan(3000);
    const names = lines.filter((line) => line.startsWith("   – "));
    expect(names.length).toBeGreaterThan(10);
    expect(names.length).toBeLessThan(70);
    expect(text).toContain(`rm-and-more{"count":${70 - names.length}}`);
    expect(lines.at(-1)).toBe("rm-owed-unit-assessment");
  });

  it("lists every name when they fit, and none for a group", () => {
    const people = [
      { telegramId: 1, fullName: "Nguyễn Thị <Lan>" },
      { telegramId: 2, fullName: "Lê Văn Minh" },
    ];
    const owed = { peopleNotSubmitted: people, peopleTotal: 2, unitAssessment: false };
    expect(owedLines(r, owed, true)).toEqual([
      'rm-owed-people{"missing":2,"total":2}',
      "   – Nguyễn Thị &lt;Lan&gt;",
      "   – Lê Văn Minh",
    ]);
    expect(owedLines(r, owed, false)).toEqual(['rm-owed-people{"missing":2,"total":2}']);
  });
});
