import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FakeUser } from "../bot-api-emulator.js";
import type { E2eWorld } from "../e2e-helpers.js";
import {
  areaText,
  type DrillPerson,
  historiesOf,
  misplacedOrMissing,
  openQuestions,
  openRoundWithUnit,
  REVIEW_STEPS,
  randomSource,
  readAssessments,
  repeatedSends,
  reviewStep,
  SEED,
  seeded,
  seedSubmittedNominations,
  startDrillWorld,
  step,
  until,
} from "./drill-kit.js";

const admin: FakeUser = { id: 9101, first_name: "Hà", language_code: "vi" };
const people: DrillPerson[] = [
  { user: { id: 9111, first_name: "Lan", language_code: "vi" }, who: "lan" },
  { user: { id: 9112, first_name: "Minh", language_code: "vi" }, who: "minh" },
  { user: { id: 9113, first_name: "Hoa", language_code: "vi" }, who: "hoa" },
  { user: { id: 9114, first_name: "Tùng", language_code: "vi" }, who: "tung" },
];
const FULL_NAMES = ["Nguyễn Thị Lan", "Lê Văn Minh", "Phạm Thị Hoa", "Đỗ Văn Tùng"];

let world: E2eWorld;

beforeEach(async () => {
  world = await startDrillWorld([admin.id]);
});
afterEach(() => world.stop());

/** Each restart costs a process start (about 2 s on CI's 2 cores): three keep the drill within its budget. */
const KILLS = 3;
/** Nominations the Office reviews while the people answer. */
const REVIEWED = 5;

describe(seeded("drill: SIGKILLs in the middle of self-assessments, uploads and the Office's review"), {
  timeout: 120_000,
}, () => {
  it("loses no answer, file or review move, puts none under another question, makes none twice, and repeats a send at most once per crash", async () => {
    const random = randomSource(SEED);
    world.emulator.useRandom(() => random.next());
    await world.startBot();
    await openRoundWithUnit(world, admin);
    for (const [index, person] of people.entries()) {
      const token = await world.createInvite(admin, "HCTP");
      await world.register(person.user, token, FULL_NAMES[index] ?? "", "Chuyên viên");
    }
    // Telegram misbehaving now and then while the people answer: a flood wait, an answer lost after delivery.
    world.emulator.injectFault({
      method: "sendMessage",
      fault: { kind: "too-many", retryAfter: 1 },
      probability: 0.02,
    });
    world.emulator.injectFault({
      method: "sendMessage",
      fault: { kind: "error-after" },
      probability: 0.01,
      times: 2,
    });
    const nominations = await seedSubmittedNominations(world, "HCTP", admin.id, REVIEWED);

    let finished = 0;
    const answering = people.map(async (person) => {
      while (await step(world, person)) {}
      finished++;
    });
    // Meanwhile the Office reviews the unit's nominations, one after the other, from each one's card.
    answering.push(
      (async () => {
        for (const id of nominations) while (await reviewStep(world, admin, id)) {}
        finished++;
      })(),
    );
    const actors = answering.length;
    // The killer: once the running process has handled a random number of updates (so that each process makes
    // progress, however slow the machine), SIGKILL it and start a new one at once.
    let kills = 0;
    while (kills < KILLS && finished < actors) {
      const bot = world.bots.at(-1);
      if (!bot) break;
      const handled = random.int(4, 30);
      await until(
        () => finished === actors || bot.logs().filter((l) => l.msg === "update handled").length >= handled,
        60_000,
      );
      if (finished === actors) break;
      await bot.kill("SIGKILL");
      kills++;
      await world.startBot();
    }
    await Promise.all(answering);
    await Promise.all(world.bots.map((bot) => bot.kill("SIGKILL")));
    expect(kills).toBeGreaterThan(0);
    const stored = await readAssessments(world);
    const problems = people.flatMap((person) => misplacedOrMissing(stored.get(person.user.id), person.who));
    expect(problems).toEqual([]);
    // Each nomination went each way once: no move lost, none made twice, no status skipped.
    const histories = await historiesOf(world, nominations);
    for (const id of nominations) {
      expect(histories.get(id)).toEqual(["draft", "submitted", ...REVIEW_STEPS]);
    }
    // A send whose answer was lost (a crash before its update was confirmed, or a 5xx after delivery) may go
    // out again, once; nothing else is sent twice.
    const lost = kills + world.emulator.faultsInjected("error-after");
    for (const person of people) expect(repeatedSends(world, person.user.id)).toBeLessThanOrEqual(lost);
    // No update failed on the way (nobody got the apology), and no question is left open after submitting.
    const apologies = world.emulator.calls.filter((call) =>
      String(call.payload.text).includes("bot vừa gặp lỗi"),
    );
    expect(apologies).toEqual([]);
    expect(await openQuestions(world)).toEqual([]);
  });
});

describe(seeded("drill: an answer typed to a re-sent question while the next one is held by a 429"), {
  timeout: 90_000,
}, () => {
  it("is not stored for the next question: the person is told the question changed and shown it", async () => {
    const [person] = people;
    if (!person) throw new Error("no person");
    await world.startBot();
    await openRoundWithUnit(world, admin);
    await world.register(
      person.user,
      await world.createInvite(admin, "HCTP"),
      "Nguyễn Thị Lan",
      "Chuyên viên",
    );
    const chat = person.user.id;
    const onScreen = (pattern: RegExp) => pattern.test(world.emulator.lastMessageIn(chat)?.plain_text ?? "");
    while (!onScreen(/Nội dung cải cách hành chính 1\/6/)) await step(world, person);
    await step(world, person);
    expect(onScreen(/Nội dung cải cách hành chính 2\/6/)).toBe(true);

    // /assess: its "2/6" reaches the chat, but Telegram's answer is lost; the process dies before it retries.
    world.emulator.injectFault({
      method: "sendMessage",
      chatId: chat,
      fault: { kind: "error-after" },
      times: 1,
    });
    let since = world.emulator.mark();
    const assess = world.emulator.sendText(person.user, "/assess");
    await world.emulator.waitForMessage(chat, (m) => /2\/6/.test(m.plain_text ?? ""), { since });
    await world.bots.at(-1)?.kill("SIGKILL");
    // Meanwhile the person answers the "2/6" on screen.
    world.emulator.sendText(person.user, areaText("thu-tuc-hanh-chinh", person.who));
    // The next process handles /assess again (and re-sends "2/6"), then the answer; its "3/6" meets a 429.
    world.emulator.injectFault({
      method: "sendMessage",
      chatId: chat,
      fault: { kind: "too-many", retryAfter: 2 },
      only: (payload) => String(payload.text).includes("3/6"),
      times: 1,
    });
    since = world.emulator.mark();
    await world.startBot();
    await world.emulator.waitForConfirmation(assess.update_id);
    const resent = await world.emulator.waitForMessage(chat, (m) => /2\/6/.test(m.plain_text ?? ""), {
      since,
    });
    await until(() => world.emulator.faultsInjected("too-many") === 1);
    // The "2/6" on screen is answered again (the person thinks the first answer got lost) before "3/6" comes.
    const typed = world.emulator.sendText(person.user, areaText("the-che-again", person.who));
    expect(typed.message_id).toBeGreaterThan(resent.message_id);
    await world.emulator.waitForConfirmation(typed.update_id);

    const said = world.emulator.messagesIn(chat).filter((m) => m.message_id > typed.message_id);
    expect(said.map((m) => m.plain_text ?? "").join("\n")).toMatch(/Câu hỏi đã thay đổi/);
    expect(world.emulator.lastMessageIn(chat)?.plain_text).toMatch(/Nội dung cải cách hành chính 3\/6/);
    await Promise.all(world.bots.map((bot) => bot.kill("SIGKILL")));
    const stored = (await readAssessments(world)).get(chat);
    expect(stored?.areas["thu-tuc-hanh-chinh"]).toEqual({ text: areaText("thu-tuc-hanh-chinh", person.who) });
    expect(stored?.areas["to-chuc-bo-may"]).toBeUndefined();
  });
});
