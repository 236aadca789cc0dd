import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findAssessment, loadAnswers } from "../../db/assessments.js";
import { answerWholeIndividualAssessment } from "../helpers/assessment-answers.js";
import { createHarness, type Harness } from "../helpers/harness.js";
import { registerThroughBot } from "../helpers/scenarios.js";
import { documentUpdate, textUpdate, user } from "../helpers/updates.js";

const admin = user(1001, "Admin");
const lan = user(2001, "Lan");
let h: Harness;

beforeEach(async () => {
  h = await createHarness({ officeAdminIds: [admin.id], now: "2026-11-28T09:00:00+07:00" });
  await registerThroughBot(h, admin, lan);
  await h.send(admin, "/round open 2026");
  await h.send(lan, "/assess");
});
afterEach(() => h.close());

const answers = async () => {
  const stored = await findAssessment(h.db, { year: 2026, subject: "individual", subjectId: lan.id });
  return loadAnswers(h.db, stored?.id ?? 0);
};

describe("an answer is taken only for the question on the person's screen", () => {
  it("does not store a text typed while the next question was on its way for that next question", async () => {
    await answerWholeIndividualAssessment(h, lan, { areas: false });
    expect(h.telegram.lastTextTo(lan.id)).toContain("Nội dung cải cách hành chính 1/6");
    // Both written while "1/6" is on screen (the second one, say, because the next question was slow to come):
    // Telegram numbers them before the bot's "2/6".
    const first = textUpdate(lan, "Rà soát 15 văn bản quy phạm pháp luật.");
    const second = textUpdate(lan, "Rà soát thêm 3 văn bản của Sở.");
    await h.feed(first);
    expect(h.telegram.lastTextTo(lan.id)).toContain("Nội dung cải cách hành chính 2/6");
    await h.feed(second);

    const said = h.telegram.textsTo(lan.id);
    expect(said.at(-2)).toContain("Câu hỏi đã thay đổi");
    expect(said.at(-1)).toContain("Nội dung cải cách hành chính 2/6");
    expect((await answers()).areas).toEqual({
      "the-che": { text: "Rà soát 15 văn bản quy phạm pháp luật." },
    });

    // Written after "2/6" was shown, the same words are taken for it.
    await h.send(lan, "Rà soát thêm 3 văn bản của Sở.");
    expect((await answers()).areas["thu-tuc-hanh-chinh"]).toEqual({ text: "Rà soát thêm 3 văn bản của Sở." });
  });

  it("takes every file of an album sent before the files' count came, for the question they were sent to", async () => {
    await h.press(lan, "as:c:chap-hanh:met:yes");
    await h.send(lan, "Chấp hành nghiêm kỷ luật, kỷ cương hành chính.");
    // Three files sent at once: Telegram numbers all three before the bot's count that the first one brings.
    const album = ["quyet-dinh.pdf", "bao-cao.pdf", "bang-so-lieu.pdf"].map((file_name) =>
      documentUpdate(lan, { file_name, mime_type: "application/pdf", file_size: 1000 }),
    );
    for (const file of album) await h.feed(file);

    expect(h.telegram.textsTo(lan.id).join("\n")).not.toContain("Câu hỏi đã thay đổi");
    const count = h.telegram.callsOf("editMessageText").at(-1)?.payload as { text: string };
    expect(count.text).toContain("Đã nhận <b>3</b> tệp minh chứng");
    const stored = await h.db.selectFrom("assessment_files").select("file_name").orderBy("id").execute();
    expect(stored.map((f) => f.file_name)).toEqual(["quyet-dinh.pdf", "bao-cao.pdf", "bang-so-lieu.pdf"]);
  });

  it("takes an answer written after a crash for the question a process that died may have shown", async () => {
    await answerWholeIndividualAssessment(h, lan, { areas: false });
    const onScreen = await h.db.selectFrom("assessment_sessions").selectAll().executeTakeFirstOrThrow();
    const answer = textUpdate(lan, "Rà soát 15 văn bản quy phạm pháp luật.");
    await h.feed(answer);
    expect(h.telegram.lastTextTo(lan.id)).toContain("Nội dung cải cách hành chính 2/6");
    // The process dies after "2/6" went out but before its update was done: neither the open question nor the
    // update's mark were written.
    await h.db.updateTable("assessment_sessions").set(onScreen).execute();
    await h.db.deleteFrom("processed_updates").where("update_id", "=", answer.update_id).execute();
    // The person answers the "2/6" on screen; the next process first handles the cut-short update again.
    const next = textUpdate(lan, "Công bố kịp thời 12 thủ tục hành chính.");
    await h.feed(answer);
    await h.feed(next);

    expect(h.telegram.textsTo(lan.id).join("\n")).not.toContain("Câu hỏi đã thay đổi");
    expect((await answers()).areas).toEqual({
      "the-che": { text: "Rà soát 15 văn bản quy phạm pháp luật." },
      "thu-tuc-hanh-chinh": { text: "Công bố kịp thời 12 thủ tục hành chính." },
    });
  });
});
