import { describe, expect, it } from "vitest";
import type { UnitState } from "../../../db/reminders.js";
import type { Language } from "../../../db/schema.js";
import { loadCampaign } from "../../../src/campaign/load.js";
import type { Owed } from "../../../src/domain/reminders.js";
import { createI18n, localised } from "../../../src/i18n.js";
import {
  digestLines,
  NAMES_SHOWN,
  owedLines,
  type ReminderContext,
  unitReminderText,
} from "../../../src/reminders/render.js";

const r: ReminderContext = {
  t: (key, vars) => `${key}${vars ? JSON.stringify(vars) : ""}`,
  language: "vi",
  year: 2026,
  deadline: new Date("2027-01-04T17:00:00Z"),
  now: new Date("2026-12-22T01:00:00Z"),
  timeZone: "Asia/Ho_Chi_Minh",
  documentName: (id) => `[${id}]`,
  formName: (id) => `{${id}}`,
};

/** Owes only what is given: by default nothing; as many people missing as are named, unless said. */
const owing = (change: Partial<Owed>): Owed => ({
  peopleMissing: change.peopleNotSubmitted?.length ?? 0,
  peopleNotSubmitted: [],
  peopleTotal: 0,
  unitAssessment: false,
  nominations: false,
  documents: [],
  dossier: null,
  ...change,
});

const manyPeople = (count: number) =>
  Array.from({ length: count }, (_, i) => ({ telegramId: i, fullName: `${"Nguyễn Văn ".repeat(7)}${i}` }));
const reportOf = (nomineeName: string, formId: string | null = null) => ({
  documentId: "bao-cao",
  nomineeName,
  formId,
});

describe("owedLines", () => {
  it("lists as many names as fit in a message and counts the rest", () => {
    const people = manyPeople(70);
    const lines = owedLines(
      r,
      owing({ peopleNotSubmitted: people, peopleTotal: 80, unitAssessment: true }),
      true,
    );
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
    const owed = owing({ peopleNotSubmitted: people, peopleTotal: 2 });
    expect(owedLines(r, owed, true)).toEqual([
      'rm-owed-people{"missing":2,"total":2}',
      "   – Nguyễn Thị &lt;Lan&gt;",
      "   – Lê Văn Minh",
    ]);
    expect(owedLines(r, owed, false)).toEqual(['rm-owed-people{"missing":2,"total":2}']);
  });

  it("asks for nominations and the dossier when the unit has proposed no one", () => {
    const owed = owing({ nominations: true, dossier: { returned: false, reason: null } });
    expect(owedLines(r, owed, true)).toEqual(["rm-owed-nominations", "rm-owed-dossier"]);
    expect(owedLines(r, owed, false)).toEqual(["rm-owed-nominations", "rm-owed-dossier"]);
  });

  it("names each missing document and whose it is for the head; only which documents for the group", () => {
    const owed = owing({
      documents: [
        { documentId: "to-trinh", nomineeName: null, formId: null },
        reportOf("Lê Văn <Minh>"),
        reportOf("Phạm Thị Hoa", "gk"),
      ],
      dossier: { returned: false, reason: null },
    });
    expect(owedLines(r, owed, true)).toEqual([
      'rm-owed-document{"document":"[to-trinh]"}',
      'rm-owed-document-of{"document":"[bao-cao]","nominee":"Lê Văn &lt;Minh&gt;"}',
      // Each nomination has its report: the form says which.
      'rm-owed-document-of{"document":"[bao-cao]","nominee":"Phạm Thị Hoa ({gk})"}',
      "rm-owed-dossier",
    ]);
    expect(owedLines(r, owed, false)).toEqual([
      'rm-owed-document{"document":"[to-trinh]"}',
      'rm-owed-document{"document":"[bao-cao]"}',
      "rm-owed-dossier",
    ]);
  });

  it("tells the head why the Office returned the dossier (escaped, cut when very long); not the group", () => {
    const returned = owing({ dossier: { returned: true, reason: "Thiếu <chữ ký> & dấu" } });
    expect(owedLines(r, returned, true)).toEqual([
      'rm-owed-dossier-returned{"reason":"Thiếu &lt;chữ ký&gt; &amp; dấu"}',
    ]);
    expect(owedLines(r, returned, false)).toEqual(["rm-owed-dossier"]);
    const long = owedLines(r, owing({ dossier: { returned: true, reason: "x".repeat(5000) } }), true);
    expect(long[0]?.length).toBeLessThan(500);
    expect(long[0]).toContain("…");
  });

  it("lists as many documents as fit and counts the rest", () => {
    const documents = Array.from({ length: 60 }, (_, i) => reportOf(`${"Trần Thị ".repeat(6)}${i}`));
    const lines = owedLines(r, owing({ documents }), true);
    const shown = lines.filter((line) => line.startsWith("rm-owed-document-of"));
    expect(shown.length).toBeGreaterThan(10);
    expect(shown.length).toBeLessThan(60);
    expect(lines.at(-1)).toBe(`   rm-and-more-documents{"count":${60 - shown.length}}`);
    expect(lines.join("\n").length).toBeLessThan(3000);
  });

  it("says the same when only the names that can show are known (as the planner reads them)", () => {
    // Short names with characters escaping lengthens, so that escaped lines fit fewer than the unescaped.
    const everyone = Array.from({ length: 400 }, (_, i) => ({ telegramId: i, fullName: `A&B <${i}>` }));
    let room: number = NAMES_SHOWN.room;
    const known = everyone.filter((person) => {
      room -= person.fullName.length + NAMES_SHOWN.perName;
      return room >= 0;
    });
    expect(known.length).toBeLessThan(everyone.length);
    for (const documents of [[], Array.from({ length: 30 }, (_, i) => reportOf(`Trần Thị ${i}`))]) {
      for (const withNames of [true, false]) {
        const all = owedLines(
          r,
          owing({ peopleNotSubmitted: everyone, peopleTotal: 500, documents }),
          withNames,
        );
        const first = owedLines(
          r,
          owing({ peopleNotSubmitted: known, peopleMissing: 400, peopleTotal: 500, documents }),
          withNames,
        );
        expect(first).toEqual(all);
      }
    }
  });

  it("shares the room between names and documents when both are long", () => {
    const documents = Array.from({ length: 60 }, (_, i) => reportOf(`${"Trần Thị ".repeat(6)}${i}`));
    const lines = owedLines(
      r,
      owing({ peopleNotSubmitted: manyPeople(70), peopleTotal: 70, documents }),
      true,
    );
    const names = lines.filter((line) => line.startsWith("   – "));
    const shown = lines.filter((line) => line.startsWith("rm-owed-document-of"));
    expect(names.length).toBeGreaterThan(10);
    expect(shown.length).toBeGreaterThan(10);
    expect(lines.join("\n").length).toBeLessThan(3000);
  });
});

describe("the head's reminder with the campaign's texts", () => {
  const campaign = loadCampaign();
  const i18n = createI18n();
  const context = (language: Language, now: string): ReminderContext => ({
    ...r,
    t: (key, vars) => i18n.t(language, key, vars),
    language,
    now: new Date(now),
    documentName: (id) => {
      const document = campaign.dossier.documents.find((d) => d.id === id);
      return document ? localised(document.name, language) : id;
    },
  });
  const unit = {
    id: 1,
    code: "HCTP",
    name: "Phòng Hành chính tư pháp và Bổ trợ tư pháp ".repeat(3).slice(0, 120),
  } as UnitState;

  it.each([
    ["vi", "2026-12-22T08:00:00+07:00"],
    ["en", "2026-12-22T08:00:00+07:00"],
    ["vi", "2027-01-06T08:00:00+07:00"],
    ["en", "2027-01-06T08:00:00+07:00"],
  ] as const)("stays within Telegram's 4,096 characters however much is owed (%s, %s)", (language, now) => {
    const owed = owing({
      peopleNotSubmitted: manyPeople(120).map((p) => ({ ...p, fullName: p.fullName.slice(0, 80) })),
      peopleTotal: 120,
      unitAssessment: true,
      documents: [
        { documentId: "to-trinh", nomineeName: null, formId: null },
        ...Array.from({ length: 80 }, (_, i) =>
          reportOf(`${"Nguyễn Thị Thanh ".repeat(5)}${i}`.slice(0, 80)),
        ),
      ],
      dossier: { returned: true, reason: "Thiếu chữ ký. ".repeat(400) },
    });
    const text = unitReminderText(context(language, now), unit, owed, true);
    expect(text.length).toBeLessThan(4096);
    expect(text).toContain(language === "vi" ? "Tờ trình đề nghị khen thưởng" : "Nomination letter");
  });

  it("names the buttons it has", () => {
    const vi = context("vi", "2026-12-22T08:00:00+07:00");
    const lastLine = (owed: Owed) => unitReminderText(vi, unit, owed, true).split("\n").at(-1);
    const dossier = { returned: false, reason: null };
    expect(lastLine(owing({ unitAssessment: true, dossier }))).toBe(
      "Bấm nút dưới đây để làm tự đánh giá tập thể, mở hồ sơ đề nghị khen thưởng hoặc xem tình hình tự đánh giá cá nhân.",
    );
    expect(lastLine(owing({ nominations: true, dossier }))).toBe(
      "Bấm nút dưới đây để mở hồ sơ đề nghị khen thưởng hoặc xem tình hình tự đánh giá cá nhân.",
    );
    expect(lastLine(owing({ unitAssessment: true }))).toBe(i18n.t("vi", "rm-unit-footer-head"));
    expect(lastLine(owing({ peopleNotSubmitted: manyPeople(1), peopleTotal: 1 }))).toBe(
      "Bấm nút dưới đây để xem tình hình tự đánh giá cá nhân.",
    );
    // The group is sent to /assess only while someone has not submitted.
    const group = (owed: Owed) => unitReminderText(vi, unit, owed, false).split("\n").at(-1);
    expect(group(owing({ peopleNotSubmitted: manyPeople(1), peopleTotal: 1, dossier }))).toBe(
      i18n.t("vi", "rm-unit-footer-group"),
    );
    expect(group(owing({ nominations: true, dossier }))).toBe(i18n.t("vi", "rm-unit-footer-group-head"));
  });
});

describe("digestLines", () => {
  const unit = (code: string) => ({ code }) as UnitState;

  it("counts what each unit misses, documents included, and says which are complete", () => {
    const lines = digestLines(r, [
      {
        unit: unit("HCTP"),
        owed: owing({
          peopleNotSubmitted: manyPeople(2),
          peopleTotal: 5,
          unitAssessment: true,
          nominations: true,
          dossier: { returned: false, reason: null },
        }),
      },
      {
        unit: unit("BTTP"),
        owed: owing({
          documents: [
            { documentId: "to-trinh", nomineeName: null, formId: null },
            reportOf("A"),
            reportOf("B"),
          ],
          dossier: { returned: true, reason: "Thiếu chữ ký" },
        }),
      },
      { unit: unit("PBGD"), owed: owing({}) },
    ]);
    expect(lines).toEqual([
      '• <code>HCTP</code>: rm-digest-people{"missing":2,"total":5}; rm-digest-unit-assessment; rm-digest-nominations; rm-digest-dossier',
      '• <code>BTTP</code>: rm-digest-documents{"count":3}; rm-digest-dossier-returned',
      'rm-digest-complete{"unit":"<code>PBGD</code>"}',
    ]);
  });
});
