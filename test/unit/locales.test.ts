import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { FluentBundle, FluentResource } from "@fluent/bundle";
import { describe, expect, it } from "vitest";
import type { Reminder, ReminderStatus, Role } from "../../db/schema.js";
import type { Unavailable } from "../../src/assessment/service.js";
import { SYSTEM_STATUSES } from "../../src/campaign/schema.js";
import type { AssessmentStatus, StartRefusal } from "../../src/domain/assessment.js";
import type { InviteProblem } from "../../src/domain/invites.js";
import type { TextProblem } from "../../src/domain/names.js";
import type { NomineeKind } from "../../src/domain/nominations.js";
import type { SlotKind } from "../../src/domain/reminders.js";
import type { ActorRole, CommandName } from "../../src/domain/roles.js";
import type { DeadlineStatus, RoundDeadlineProblem, RoundYearProblem } from "../../src/domain/rounds.js";
import type { UnitLock } from "../../src/domain/routes.js";
import type { DossierState, Progress } from "../../src/domain/unit-status.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const LOCALES = join(ROOT, "src", "locales");

function load(language: "vi" | "en") {
  const text = readFileSync(join(LOCALES, `${language}.ftl`), "utf8");
  const resource = new FluentResource(text);
  const bundle = new FluentBundle(language, { useIsolating: false });
  const errors = bundle.addResource(resource);
  // Every line that starts an entry ("id =" at column 0); the runtime parser silently drops broken ones.
  const declared = [...text.matchAll(/^(-?[A-Za-z][A-Za-z0-9_-]*)[ \t]*=/gm)].map((match) => match[1]);
  const ids = resource.body.map((entry) => entry.id);
  return { text, resource, bundle, errors, declared, ids };
}

const vi = load("vi");
const en = load("en");

/** The names of the variables a message uses ($name), anywhere in its pattern. */
function variables(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) {
    for (const item of node) variables(item, found);
  } else if (node && typeof node === "object") {
    const record = node as Record<string, unknown>;
    if (record.type === "var" && typeof record.name === "string") found.add(record.name);
    for (const value of Object.values(record)) variables(value, found);
  }
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".ts"))
    .map((name) => join(ROOT, dir, name));
}

/** The text of the first argument of the call whose "(" is at `open`, up to a top-level "," or ")". */
function firstArgument(text: string, open: number): string {
  let depth = 0;
  let quote: string | null = null;
  for (let index = open + 1; index < text.length; index++) {
    const char = text.charAt(index);
    if (quote) {
      if (char === "\\") index++;
      else if (char === quote) quote = null;
    } else if (char === '"' || char === "'" || char === "`") quote = char;
    else if (char === "(" || char === "[" || char === "{") depth++;
    else if (char === ")" || char === "]" || char === "}") {
      if (depth === 0) return text.slice(open + 1, index);
      depth--;
    } else if (char === "," && depth === 0) return text.slice(open + 1, index);
  }
  return "";
}

/**
 * Every key passed as a string literal to t(...) or ctx.t(...) in src/ and conversations/: the whole first
 * argument ("key"), or either branch of a conditional (cond ? "a" : "b"). Keys built with `${...}` are
 * checked by family below.
 */
function literalKeys(): Map<string, string[]> {
  const keys = new Map<string, string[]>();
  for (const file of [...sourceFiles("src"), ...sourceFiles("conversations")]) {
    const text = readFileSync(file, "utf8");
    for (const call of text.matchAll(/(\bi18n\.)?\bt\(/g)) {
      // i18n.t(locale, key) takes the key second; ctx.t(key) first.
      let open = (call.index ?? 0) + call[0].length - 1;
      if (call[1]) open += firstArgument(text, open).length + 1;
      // Template literals (`role-${role}`) are left out: the strings inside them are not whole keys.
      const argument = firstArgument(text, open).replace(/`(?:[^`\\]|\\.)*`/g, "``");
      for (const literal of argument.matchAll(/(?:^|[?:])\s*(["'])([^"'\\]+)\1/g)) {
        const key = literal[2] as string;
        keys.set(key, [...(keys.get(key) ?? []), file.slice(ROOT.length)]);
      }
    }
  }
  return keys;
}

describe.each([
  ["vi", vi],
  ["en", en],
])("%s.ftl", (_language, locale) => {
  it("parses without dropping any entry", () => {
    expect(locale.ids.length).toBeGreaterThan(50);
    expect(locale.ids).toEqual(locale.declared);
  });

  it("has no line the parser would drop as junk (a left-over piece of an old value)", () => {
    // At column 0 there may be an entry, a comment, or the "}" that closes a select expression right after
    // its variants; anything else is junk that the runtime parser skips without a word.
    const lines = locale.text.split("\n");
    const junk = lines.filter((line, index) => {
      if (line === "" || /^[\s#]/.test(line) || /^-?[A-Za-z][A-Za-z0-9_-]*[ \t]*=/.test(line)) return false;
      const previous = lines.slice(0, index).findLast((before) => before.trim() !== "") ?? "";
      return !(line.startsWith("}") && /^\s+\*?\[[^\]]+\]/.test(previous));
    });
    expect(junk).toEqual([]);
  });

  it("has no duplicate ids", () => {
    expect(locale.errors).toEqual([]);
    expect(new Set(locale.ids).size).toBe(locale.ids.length);
  });

  it("gives every message a value", () => {
    for (const id of locale.ids) {
      if (id.startsWith("-")) continue;
      expect(locale.bundle.getMessage(id)?.value, id).toBeTruthy();
    }
  });
});

describe("the locale files together", () => {
  it("have exactly the same message ids", () => {
    expect([...en.ids].sort()).toEqual([...vi.ids].sort());
  });

  it("use the same variables in each message", () => {
    for (const id of vi.ids) {
      const inVi = [...variables(vi.bundle.getMessage(id))].sort();
      const inEn = [...variables(en.bundle.getMessage(id))].sort();
      expect(inEn, id).toEqual(inVi);
    }
  });
});

describe("keys used in the code", () => {
  const keys = literalKeys();

  it("finds the t(...) calls", () => {
    expect(keys.size).toBeGreaterThan(30);
    expect(keys.has("office-only")).toBe(true);
    expect(keys.has("reg-ask-name")).toBe(true);
    // both branches of ctx.t(cond ? "a" : "b"), but not the "registration" of a nested call
    expect(keys.has("cancel-registration")).toBe(true);
    expect(keys.has("cancel-done")).toBe(true);
    expect(keys.has("registration")).toBe(false);
  });

  it("exist in vi.ftl and en.ftl", () => {
    const missing = [...keys]
      .filter(([key]) => !vi.bundle.hasMessage(key) || !en.bundle.hasMessage(key))
      .map(([key, files]) => `${key} (${[...new Set(files)].join(", ")})`);
    expect(missing).toEqual([]);
  });

  it("has every message key that the domain names in a `key:` property", () => {
    const missing: string[] = [];
    for (const file of [...sourceFiles("src"), ...sourceFiles("conversations")]) {
      for (const match of readFileSync(file, "utf8").matchAll(/\bkey: "([a-z][a-z0-9_-]*)"/g)) {
        const key = match[1] as string;
        if (!vi.bundle.hasMessage(key) || !en.bundle.hasMessage(key))
          missing.push(`${key} (${file.slice(ROOT.length)})`);
      }
    }
    expect(missing).toEqual([]);
  });

  const deadlineKinds = Object.keys({ days_left: 1, last_day: 1, overdue: 1 } satisfies Record<
    DeadlineStatus["kind"],
    1
  >).map((kind) => kind.replace("_", "-"));
  const assessmentStatuses = Object.keys({ not_started: 1, in_progress: 1, submitted: 1 } satisfies Record<
    AssessmentStatus,
    1
  >);

  // Keys built from template literals: the Records make the compiler insist on every case of each type.
  const progresses = Object.keys({ not_started: 1, in_progress: 1, submitted: 1 } satisfies Record<
    Progress,
    1
  >);
  const nomineeKinds = Object.keys({ collective: 1, individual: 1 } satisfies Record<NomineeKind, 1>);
  const systemStatuses: string[] = [...SYSTEM_STATUSES];
  const families: Record<string, string[]> = {
    "role-": Object.keys({ guest: 1, employee: 1, unit_head: 1, office: 1 } satisfies Record<ActorRole, 1>),
    "invite-advice-": Object.keys({ employee: 1, unit_head: 1, office: 1 } satisfies Record<Role, 1>),
    "invite-problem-": Object.keys({
      unknown: 1,
      expired: 1,
      revoked: 1,
      used: 1,
      unit_archived: 1,
    } satisfies Record<InviteProblem, 1>),
    "rm-deadline-": deadlineKinds,
    "remind-slot-": Object.keys({ unit: 1, employee: 1, digest: 1 } satisfies Record<SlotKind, 1>),
    "remind-log-": Object.keys({
      pending: 1,
      sent: 1,
      superseded: 1,
      unreachable: 1,
      failed: 1,
    } satisfies Record<ReminderStatus, 1>),
    "remind-kind-": Object.keys({ unit: 1, group: 1, employee: 1, digest: 1, notice: 1 } satisfies Record<
      Reminder["kind"],
      1
    >),
    "as-unavailable-": Object.keys({
      not_registered: 1,
      not_unit_head: 1,
      no_open_round: 1,
      round_closed: 1,
      locked: 1,
    } satisfies Record<Unavailable, 1>),
    "myresult-none-": Object.keys({ round_closed: 1, decided: 1, deadline: 1 } satisfies Record<
      StartRefusal,
      1
    >),
    "unit-own-": assessmentStatuses,
    "unit-team-": assessmentStatuses,
    // The reasons the evidence checks give (src/domain/evidence.ts), as answering.ts turns them into keys.
    "as-text-": ["too_short", "too_long"],
    "as-decision-number-": ["no_digit", "too_long"],
    "as-decision-date-": ["bad_format", "no_such_date", "in_future"],
    "as-file-": ["wrong_type", "too_large"],
    "round-year-": Object.keys({
      not_a_year: 1,
      too_far_back: 1,
      too_far_ahead: 1,
    } satisfies Record<RoundYearProblem, 1>),
    "round-": deadlineKinds,
    "round-date-": Object.keys({ format: 1, not_a_date: 1, past: 1, too_far: 1 } satisfies Record<
      RoundDeadlineProblem,
      1
    >),
    "name-problem-": Object.keys({
      empty: 1,
      too_long: 1,
      too_short: 1,
      bad_characters: 1,
      one_word: 1,
      bad_word: 1,
      hidden_characters: 1,
    } satisfies Record<TextProblem, 1>),
    "position-problem-": Object.keys({
      empty: 1,
      too_long: 1,
      too_short: 1,
      bad_characters: 1,
      one_word: 1,
      bad_word: 1,
      hidden_characters: 1,
    } satisfies Record<TextProblem, 1>),
    "cmd-": Object.keys({
      start: 1,
      help: 1,
      me: 1,
      lang: 1,
      cancel: 1,
      units: 1,
      invite: 1,
      round: 1,
      assess: 1,
      myresult: 1,
      unit: 1,
      reopen: 1,
      remind: 1,
      nominate: 1,
      dossier: 1,
      nominations: 1,
      status: 1,
      pending: 1,
      quota: 1,
      record: 1,
      export: 1,
      docs: 1,
      council: 1,
    } satisfies Record<CommandName, 1>),
    // Nominations and dossiers (src/domain/nominations.ts, unit-status.ts), as the screens build their keys.
    "nm-status-": systemStatuses,
    "ex-status-": systemStatuses,
    // The Office's moves that are not a route step's own (those take the campaign's words).
    "nm-move-": ["returned", "rejected", "declined"],
    "nm-ask-reason-": ["returned", "rejected", "declined"],
    "nt-": [...systemStatuses.filter((s) => s !== "draft" && s !== "withdrawn"), "step", "awarded", "undone"],
    "ds-locked-": Object.keys({
      "with-office": 1,
      forwarded: 1,
      awarded: 1,
      rejected: 1,
      not_passed: 1,
      declined: 1,
      withdrawn: 1,
    } satisfies Record<UnitLock, 1>),
    "nm-locked-": ["forwarded", "awarded"],
    "nm-notice-": ["returned", "rejected"],
    "nm-result-": progresses,
    "st-own-": progresses,
    "st-people-": progresses,
    "nm-read-only-": ["closed", "submitted", "deadline"],
    "nm-over-quota-": nomineeKinds,
    "st-kind-": nomineeKinds,
    "nm-by-": [...Object.keys({ employee: 1, unit_head: 1, office: 1 } satisfies Record<Role, 1>), "council"],
    "st-dossier-": Object.keys({ not_started: 1, open: 1, submitted: 1, returned: 1 } satisfies Record<
      DossierState,
      1
    >),
    "ds-upload-": ["wrong_type", "too_large"],
    // /record (src/nominations/route-records.ts): per record kind, per typed step, per date problem.
    "rr-ask-number-": ["propose", "decide"],
    "rr-ask-date-": ["propose", "decide"],
    "rr-bad-number-": ["propose", "decide"],
    "rr-confirm-": ["propose", "decide", "reason"],
    "rr-ask-": ["number-again", "date-again", "reason-again"],
    "rr-bad-date-": ["format", "not_a_date", "future", "before_round"],
  };

  it.each(Object.entries(families))("has a message for every %s… key", (prefix, suffixes) => {
    for (const suffix of suffixes) {
      expect(vi.bundle.hasMessage(`${prefix}${suffix}`), `${prefix}${suffix}`).toBe(true);
      expect(en.bundle.hasMessage(`${prefix}${suffix}`), `${prefix}${suffix}`).toBe(true);
    }
  });
});
