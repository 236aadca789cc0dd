import { afterEach, describe, expect, it } from "vitest";
import { FakeTelegram } from "../helpers/fake-telegram.js";
import { createHarness, type Harness } from "../helpers/harness.js";
import { user } from "../helpers/updates.js";

const lan = user(2001, "Lan");
let h: Harness;
afterEach(() => h.close());

describe("delivery and logs", () => {
  it("retries a send that Telegram refused with 429, after retry_after", async () => {
    const telegram = new FakeTelegram();
    let refusals = 1;
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (url.endsWith("/sendMessage") && refusals > 0) {
        refusals--;
        return Response.json({
          ok: false,
          error_code: 429,
          description: "Too Many Requests: retry after 0",
          parameters: { retry_after: 0 },
        });
      }
      return telegram.fetch(input, init);
    };
    h = await createHarness({ telegram, fetch });
    await h.send(lan, "/start");
    expect(refusals).toBe(0);
    expect(h.telegram.lastTextTo(lan.id)).toContain("liên kết mời");
  });

  it("logs each update as JSON with its update id and user id, and not what the person typed", async () => {
    h = await createHarness();
    await h.send(lan, "/start bí-mật-không-được-ghi-log");
    const line = h.logLines.find((entry) => entry.msg === "update handled");
    expect(line).toMatchObject({ user_id: lan.id, kind: "message" });
    expect(typeof line?.update_id).toBe("number");
    expect(JSON.stringify(h.logLines)).not.toContain("bí-mật");
  });
});
