import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../helpers/harness.js";
import { registerThroughBot } from "../helpers/scenarios.js";
import { groupTextUpdate, type TestUser, textUpdate, user } from "../helpers/updates.js";

const admin = user(1001, "Admin");
const head = user(2000, "Bình");
const lan = user(2001, "Lan");
const GROUP = -5001;
/** Telegram refuses a message longer than this (the fake Telegram too, as the real one does). */
const TELEGRAM_LIMIT = 4096;
/** An argument as long as a command's message may be: "/status " and 4,088 more characters. */
const LONG = "Ư".repeat(4090);
const LONG_WORDS = `${"Nguyễn ".repeat(584)}Văn`;
/** Each of these grows four or five times when escaped for HTML. */
const LONG_MARKUP = "<&>".repeat(1363);

let h: Harness;

// One bot for every command: a refused argument changes nothing, so each command finds the same state.
beforeAll(async () => {
  h = await createHarness({ officeAdminIds: [admin.id], now: "2026-12-01T09:00:00+07:00" });
  await registerThroughBot(h, admin, head, { role: "unit_head", fullName: "Trần Văn Bình" });
  await registerThroughBot(h, admin, lan, { fullName: "Nguyễn Thị Lan" });
  await h.send(admin, "/round open 2026");
});
afterAll(() => h.close());

/** What the bot sent in answer to `text`: each message within Telegram's limit, and none an apology. */
async function answersTo(person: TestUser, text: string, chatId = person.id): Promise<string[]> {
  h.telegram.clear();
  await h.feed(chatId === person.id ? textUpdate(person, text) : groupTextUpdate(person, chatId, text));
  const sent = h.telegram.calls.filter((call) => ["sendMessage", "editMessageText"].includes(call.method));
  const texts = sent.map((call) => String(call.payload.text));
  return texts;
}

const OFFICE_COMMANDS = [
  "/status",
  "/nominations",
  "/remind now",
  "/remind",
  "/reopen",
  "/invite",
  "/invite HCTP",
  "/dossier",
  "/nominate",
  "/units",
  "/units add",
  "/units add HCTP2",
  "/units rename",
  "/units rename HCTP",
  "/units archive",
  "/units restore",
  "/round",
  "/round open",
  "/round open 2026",
  "/round close",
  "/record",
  "/pending",
  "/quota",
  "/export",
  "/docs",
  "/council",
  "/council add",
  "/council remove",
  "/council chair",
  "/council meet",
  "/help",
  "/plan",
  "/lang",
  "/me",
  "/start",
  "/cancel",
];
const HEAD_COMMANDS = ["/nominate", "/dossier", "/status", "/nominations", "/unit", "/assess", "/myresult"];

describe("a command with a 4,090-character argument", () => {
  it.each(OFFICE_COMMANDS)("%s from the Office gets a reply Telegram takes", async (command) => {
    for (const argument of [LONG, LONG_WORDS, LONG_MARKUP]) {
      const texts = await answersTo(admin, `${command} ${argument}`.slice(0, TELEGRAM_LIMIT));
      expect(texts.length, command).toBeGreaterThan(0);
      for (const text of texts) {
        expect(text.length, command).toBeLessThan(TELEGRAM_LIMIT);
        expect(text, command).not.toContain("Xin lỗi Anh/Chị, bot vừa gặp lỗi");
      }
    }
  });

  it.each(HEAD_COMMANDS)("%s from a unit head gets a reply Telegram takes", async (command) => {
    for (const argument of [LONG, LONG_WORDS, LONG_MARKUP]) {
      const texts = await answersTo(head, `${command} ${argument}`.slice(0, TELEGRAM_LIMIT));
      expect(texts.length, command).toBeGreaterThan(0);
      for (const text of texts) {
        expect(text.length, command).toBeLessThan(TELEGRAM_LIMIT);
        expect(text, command).not.toContain("Xin lỗi Anh/Chị, bot vừa gặp lỗi");
      }
    }
  });

  it.each(["/bind", "/unbind"])("%s in a group gets a reply Telegram takes", async (command) => {
    for (const person of [admin, head, lan]) {
      const texts = await answersTo(person, `${command} ${LONG_MARKUP}`.slice(0, TELEGRAM_LIMIT), GROUP);
      expect(texts.length, command).toBeGreaterThan(0);
      for (const text of texts) expect(text.length, command).toBeLessThan(TELEGRAM_LIMIT);
    }
  });
});

describe("the argument a reply repeats", () => {
  it("is cut to 64 characters with an ellipsis, then escaped", async () => {
    const [statusReply] = await answersTo(admin, `/status ${LONG}`);
    expect(statusReply).toContain(`<code>${"Ư".repeat(63)}…</code>`);
    const [markupReply] = await answersTo(admin, `/reopen ${LONG_MARKUP}`);
    expect(markupReply).toContain(`<code>${"&lt;&amp;&gt;".repeat(21)}…</code>`);
  });
});
