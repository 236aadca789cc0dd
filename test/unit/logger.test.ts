import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const LOGGER = new URL("../../src/logger.ts", import.meta.url).href;
const TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawq";

/**
 * The default destination is standard output, so these cases run in a child process (node --import tsx)
 * and the test reads the JSON lines it printed.
 */
function logLines(body: string, botToken: string | null = TOKEN): Record<string, unknown>[] {
  const script = [
    `import { createLogger } from ${JSON.stringify(LOGGER)};`,
    "const token = process.env.TEST_TOKEN;",
    "const log = createLogger({ level: 'info', botToken: process.env.TEST_LOGGER_TOKEN || undefined });",
    body,
  ].join("\n");
  const result = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, TEST_TOKEN: TOKEN, TEST_LOGGER_TOKEN: botToken ?? "" },
  });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  return result.stdout
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe("createLogger", () => {
  it("writes JSON lines at and above its level, without pid or hostname", () => {
    const [line, ...rest] = logLines("log.debug('hidden'); log.info({ unit: 'HCTP' }, 'shown');");
    expect(rest).toHaveLength(0);
    expect(line).toMatchObject({ level: 30, unit: "HCTP", msg: "shown" });
    expect(line).not.toHaveProperty("pid");
    expect(line).not.toHaveProperty("hostname");
  });

  it("scrubs the bot token from a logged message", () => {
    const output = logLines(
      [
        "log.info('calling https://api.telegram.org/bot' + token + '/getMe');",
        "log.warn({ attempt: 2 }, 'retrying with ' + token + ' (' + token + ')');",
        "log.info('token %s', token);",
      ].join("\n"),
    );
    expect(output.map((line) => line.msg)).toEqual([
      "calling https://api.telegram.org/bot[bot token]/getMe",
      "retrying with [bot token] ([bot token])",
      "token [bot token]",
    ]);
    expect(JSON.stringify(output)).not.toContain(TOKEN);
  });

  it("scrubs the bot token from an error's message and stack", () => {
    const [line] = logLines(
      "log.error({ err: new Error('request to https://api.telegram.org/bot' + token + '/getMe failed') }, 'failed');",
    );
    const err = line?.err as { type: string; message: string; stack: string };
    expect(err.type).toBe("Error");
    expect(err.message).toBe("request to https://api.telegram.org/bot[bot token]/getMe failed");
    expect(err.stack).toContain("Error: request to https://api.telegram.org/bot[bot token]/getMe failed");
    expect(err.stack).toContain("    at ");
    expect(line?.msg).toBe("failed");
    expect(JSON.stringify(line)).not.toContain(TOKEN);
  });

  it("scrubs the bot token from an error's cause", () => {
    const [line] = logLines(
      "log.error({ err: new Error('outer', { cause: new Error('inner ' + token) }) }, 'failed');",
    );
    const err = line?.err as { message: string; stack: string };
    expect(err.message).toBe("outer: inner [bot token]");
    expect(err.stack).toContain("caused by: Error: inner [bot token]");
    expect(JSON.stringify(line)).not.toContain(TOKEN);
  });

  it("scrubs an error passed as the first argument, with a message", () => {
    const [line] = logLines("log.error(new Error('bad ' + token), 'failed');");
    expect((line?.err as { message: string } | undefined)?.message).toBe("bad [bot token]");
    expect(JSON.stringify(line)).not.toContain(TOKEN);
  });

  it("leaves text alone when it has no token to scrub", () => {
    const [line] = logLines("log.info('calling ' + token);", null);
    expect(line?.msg).toBe(`calling ${TOKEN}`);
  });
});

describe("createLogger with a destination", () => {
  function capture() {
    const lines: string[] = [];
    const log = createLogger({
      level: "info",
      botToken: TOKEN,
      destination: { write: (line) => lines.push(line) },
    });
    return { log, lines };
  }

  it("scrubs the token from an error logged on its own and from a nested cause", () => {
    const { log, lines } = capture();
    log.error(new Error(`boom https://api.telegram.org/bot${TOKEN}/getMe`));
    const httpError = Object.assign(new Error("Network request for 'getMe' failed!"), {
      error: new Error(`connect ECONNREFUSED https://api.telegram.org/bot${TOKEN}/getMe`),
    });
    log.error({ err: httpError, url: `https://api.telegram.org/bot${TOKEN}/getMe` }, "update failed");
    expect(lines).toHaveLength(2);
    expect(lines.join("")).not.toContain(TOKEN);
    expect(lines.join("")).toContain("[bot token]");
  });
});
