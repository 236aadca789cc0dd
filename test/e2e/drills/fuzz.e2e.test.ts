import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeUser } from "../bot-api-emulator.js";
import { buttonsOf, type E2eWorld } from "../e2e-helpers.js";
import { openRoundWithUnit, type Random, randomSource, SEED, seeded, startDrillWorld } from "./drill-kit.js";

const admin: FakeUser = { id: 9301, first_name: "Hà", language_code: "vi" };
const registered: Array<{ user: FakeUser; fullName: string; role: "" | "head" }> = [
  { user: { id: 9311, first_name: "Lan", language_code: "vi" }, fullName: "Nguyễn Thị Lan", role: "" },
  { user: { id: 9312, first_name: "Minh", language_code: "en" }, fullName: "Lê Văn Minh", role: "" },
  { user: { id: 9313, first_name: "Bình", language_code: "vi" }, fullName: "Trần Văn Bình", role: "head" },
];
/** Strangers: people who never joined (some with no language, some in English). */
const strangers: FakeUser[] = [9321, 9322, 9323, 9324, 9325].map((id, index) => ({
  id,
  first_name: `Khách ${index}`,
  ...(index % 2 === 0 ? { language_code: "vi" } : index === 1 ? { language_code: "en" } : {}),
}));
const people = [...registered.map((p) => p.user), ...strangers];

/** 2,000 updates keep the drill within its share of CI (a few thousand were run by hand: DRILL_UPDATES). */
const UPDATES = Number(process.env.DRILL_UPDATES ?? 2000);

/** Pieces of hostile text: direction overrides, invisible and combining characters, markup, quotes, emoji. */
const PIECES = [
  "\u202E",
  "\u202D",
  "\u200B",
  "\u200D",
  "\u2060",
  "\uFEFF",
  "ㅤ",
  "\u3164",
  "\u0301\u0301\u0301",
  "👨‍👩‍👧‍👦",
  "🏳️‍🌈",
  "<b>",
  "</i>",
  "<a href='x'>",
  "&lt;",
  "&amp;",
  "&",
  '"',
  "'",
  "`",
  "\\",
  "\n",
  "\t",
  "%s",
  "$" + "{x}",
  "{{x}}",
  "{ $name }",
  "' OR 1=1 --",
  "NULL",
  "Nguyễn Văn A",
  "Đạt",
  "chưa đạt",
  "có",
  "không",
  "15/10/2026",
  "31/02/2026",
  "125/QĐ-STP",
  "HCTP",
  "2026",
  "-1",
  "9".repeat(30),
  "@thidua_test_bot",
  "𝕳𝖊𝖑𝖑𝖔",
  "٠١٢٣",
  "ﷺ",
  "ก่่่่่่่",
  "-",
  "_",
  "*",
  "|",
  " ",
  "   ",
];

const COMMANDS = [
  "/start",
  "/help",
  "/assess",
  "/unit",
  "/myresult",
  "/status",
  "/nominations",
  "/nominate",
  "/dossier",
  "/profile",
  "/lang",
  "/cancel",
  "/plan",
  "/round",
  "/units",
  "/invite",
  "/remind",
  "/reopen",
  "/record",
  "/council",
  "/documents",
  "/export",
  "/privacy",
  "/xyz",
  "/start@thidua_test_bot",
  "/help@other_bot",
];
const WORDS = [
  "open",
  "close",
  "list",
  "add",
  "head",
  "office",
  "now",
  "2026",
  "HCTP",
  "vi",
  "en",
  "all",
  "1",
];

const GARBAGE_DATA = [
  "as:c:chap-hanh:met:yes",
  "as:c:khong-co:met:yes",
  "as:summary:submit",
  "as:summary:edit:c:xep-loai",
  "as:c:chap-hanh:files:del:999999",
  "reg:consent:yes",
  "reg:end:confirm",
  "unit:assess",
  "unit:team",
  "nom:999:approve",
  "lang:xx",
  "page:-1",
  "x".repeat(64),
  "",
  ":",
  "as:",
];

function hostileText(random: Random): string {
  const long = random.next() < 0.05;
  const count = long ? random.int(30, 120) : random.int(1, 8);
  let text = "";
  for (let i = 0; i < count; i++) text += random.pick(PIECES);
  // Telegram never delivers an empty or blank-only message with no text at all: keep one visible character.
  return text.trim() === "" ? `${text}?` : text;
}

function command(random: Random): string {
  const words = [random.pick(COMMANDS)];
  for (let i = random.int(0, 3); i > 0; i--) {
    words.push(random.next() < 0.5 ? random.pick(WORDS) : hostileText(random).slice(0, 40));
  }
  return words.join(" ");
}

let world: E2eWorld;

beforeAll(async () => {
  world = await startDrillWorld([admin.id]);
  await world.startBot();
  await openRoundWithUnit(world, admin);
  for (const person of registered) {
    await world.register(
      person.user,
      await world.createInvite(admin, "HCTP", person.role),
      person.fullName,
      "Chuyên viên",
    );
  }
});
afterAll(() => world.stop());

describe(seeded(`drill: ${UPDATES} random updates`), { timeout: 180_000 }, () => {
  it("never stops the process, and answers every text and command", async () => {
    const random = randomSource(SEED);
    const seenData = new Set<string>(GARBAGE_DATA);
    const unanswered: string[] = [];
    let left = UPDATES;

    // Each person acts as people do, one update after the bot has handled the last; people act in parallel.
    const act = async (user: FakeUser) => {
      while (left > 0) {
        left--;
        const last = world.emulator.lastMessageIn(user.id);
        for (const data of last ? buttonsOf(last) : []) seenData.add(data);
        const roll = random.next();
        if (roll < 0.15 && last) {
          const data =
            random.next() < 0.5 ? random.pick(buttonsOf(last).concat("as:")) : random.pick([...seenData]);
          const { update_id } = world.emulator.pressButton(user, last, data, { force: true });
          await world.emulator.waitForConfirmation(update_id);
        } else if (roll < 0.25) {
          const { update_id } = world.emulator.sendDocument(user, {
            file_name: `${hostileText(random).slice(0, 30)}.${random.pick(["pdf", "docx", "exe", "jpg", ""])}`,
            mime_type: random.pick(["application/pdf", "application/x-msdownload", "image/jpeg", ""]),
            file_size: random.pick([1, 4096, 19_999_999, 20_000_001, 2_000_000_000]),
          });
          await world.emulator.waitForConfirmation(update_id);
        } else {
          const text = roll < 0.55 ? command(random) : hostileText(random);
          const sent = world.emulator.sendText(user, text);
          await world.emulator.waitForConfirmation(sent.update_id);
          const answer = world.emulator.lastMessageIn(user.id);
          if (!answer || answer.message_id < sent.message_id)
            unanswered.push(`${user.id}: ${JSON.stringify(text)}`);
        }
      }
    };
    const bot = world.bots.at(-1);
    let exited = false;
    void bot?.exited.then(() => {
      exited = true;
    });
    await Promise.all(people.map(act));

    expect(exited).toBe(false);
    expect(unanswered).toEqual([]);
    // No update failed: an apology is an answer, but a wrong one.
    const failures = (bot?.logs() ?? []).filter((line) => Number(line.level) >= 50).map((line) => line.msg);
    expect(failures).toEqual([]);
  });
});
