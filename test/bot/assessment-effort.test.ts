import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findAssessment } from "../../db/assessments.js";
import { assessmentSteps } from "../bench/assessment-script.js";
import { createHarness, type Harness } from "../helpers/harness.js";
import { registerThroughBot } from "../helpers/scenarios.js";
import { user } from "../helpers/updates.js";

const admin = user(1001, "Admin");
const lan = user(2001, "Lan");
let h: Harness;

beforeEach(async () => {
  h = await createHarness({ officeAdminIds: [admin.id] });
  await registerThroughBot(h, admin, lan);
  await h.send(admin, "/round open 2026");
});
afterEach(() => h.close());

/**
 * What one whole self-assessment without files costs the person, counted as README.md reports it: each
 * message typed or button pressed is an action; each new message from the bot is a message (edits of a
 * question in place, to show the answer chosen, are not new messages).
 */
describe("the effort of one self-assessment", () => {
  it("takes the actions and bot messages README.md states", async () => {
    h.telegram.clear();
    const steps = assessmentSteps();
    for (const step of steps) {
      if (step.kind === "text") await h.send(lan, step.value);
      else await h.press(lan, step.value);
    }
    const assessment = await findAssessment(h.db, { year: 2026, subject: "individual", subjectId: lan.id });
    expect(assessment?.status).toBe("submitted");
    const messages = h.telegram.callsOf("sendMessage").filter((call) => call.payload.chat_id === lan.id);
    expect({ actions: steps.length, messages: messages.length }).toEqual({ actions: 27, messages: 27 });
  });
});
