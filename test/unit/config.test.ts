import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";

const TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawq";

function configError(env: Record<string, string | undefined>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error("loadConfig accepted an invalid environment");
}

describe("loadConfig", () => {
  it("accepts a minimal environment and fills in the defaults", () => {
    const config = loadConfig({ BOT_TOKEN: TOKEN });
    expect(config).toEqual({
      botToken: TOKEN,
      botApiRoot: undefined,
      databasePath: "data/thidua.sqlite",
      officeAdminIds: [],
      logLevel: "info",
      campaignFile: undefined,
      sendLimits: true,
    });
  });

  it("reads every variable when all are set", () => {
    const config = loadConfig({
      BOT_TOKEN: TOKEN,
      BOT_API_ROOT: "http://127.0.0.1:8081",
      DATABASE_PATH: "/var/lib/thidua/db.sqlite",
      OFFICE_ADMIN_IDS: "111,222",
      LOG_LEVEL: "debug",
      CAMPAIGN_FILE: "campaigns/next.json",
      SEND_LIMITS: "off",
    });
    expect(config).toEqual({
      botToken: TOKEN,
      botApiRoot: "http://127.0.0.1:8081",
      databasePath: "/var/lib/thidua/db.sqlite",
      officeAdminIds: [111, 222],
      logLevel: "debug",
      campaignFile: "campaigns/next.json",
      sendLimits: false,
    });
  });

  it("ignores unrelated variables", () => {
    expect(loadConfig({ BOT_TOKEN: TOKEN, PATH: "/usr/bin", HOME: "/root" }).botToken).toBe(TOKEN);
  });

  describe("BOT_TOKEN", () => {
    it("is required, and the error names the variable and says to ask @BotFather", () => {
      const error = configError({});
      expect(error.message).toContain("BOT_TOKEN");
      expect(error.message).toContain("@BotFather");
    });

    it("treats an empty BOT_TOKEN as missing", () => {
      const error = configError({ BOT_TOKEN: "" });
      expect(error.message).toContain("BOT_TOKEN is missing");
      expect(error.message).toContain("@BotFather");
    });

    it.each([
      ["no colon", "123456789AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawq"],
      ["letters before the colon", "abc:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawq"],
      ["a secret that is too short", "123456789:AAHdqTcvCH1vGWJx"],
      ["a forbidden character", "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PAL/sawq"],
      ["a space inside", "123456789:AAHdqTcvCH1vGW xfSeofSAs0K5PALDsawq"],
    ])("rejects a malformed token (%s) without repeating it", (_label, badToken) => {
      const error = configError({ BOT_TOKEN: badToken });
      expect(error.message).toContain("BOT_TOKEN");
      expect(error.message).toContain("does not look like a bot token");
      expect(error.message).not.toContain(badToken);
      expect(error.message).not.toContain(badToken.split(":")[1]);
    });

    it("trims white space around the token", () => {
      expect(loadConfig({ BOT_TOKEN: `  ${TOKEN}\n` }).botToken).toBe(TOKEN);
    });
  });

  describe("BOT_API_ROOT", () => {
    it("accepts a URL", () => {
      expect(loadConfig({ BOT_TOKEN: TOKEN, BOT_API_ROOT: "https://bot-api.example.org" }).botApiRoot).toBe(
        "https://bot-api.example.org",
      );
    });

    it("rejects something that is not a URL, naming the variable", () => {
      const error = configError({ BOT_TOKEN: TOKEN, BOT_API_ROOT: "localhost 8081" });
      expect(error.message).toContain("BOT_API_ROOT");
      expect(error.message).toContain("must be a URL");
    });

    it("treats an empty value as unset", () => {
      expect(loadConfig({ BOT_TOKEN: TOKEN, BOT_API_ROOT: "" }).botApiRoot).toBeUndefined();
    });
  });

  describe("SEND_LIMITS", () => {
    it("refuses off without a local Bot API server, so the bot never floods Telegram itself", () => {
      const error = configError({ BOT_TOKEN: TOKEN, SEND_LIMITS: "off" });
      expect(error.message).toContain("SEND_LIMITS=off needs BOT_API_ROOT");
    });

    it("takes only on or off", () => {
      expect(configError({ BOT_TOKEN: TOKEN, SEND_LIMITS: "no" }).message).toContain(
        "SEND_LIMITS must be on or off",
      );
    });
  });

  describe("DATABASE_PATH", () => {
    it("defaults to data/thidua.sqlite when unset or empty", () => {
      expect(loadConfig({ BOT_TOKEN: TOKEN }).databasePath).toBe("data/thidua.sqlite");
      expect(loadConfig({ BOT_TOKEN: TOKEN, DATABASE_PATH: "" }).databasePath).toBe("data/thidua.sqlite");
    });

    it("rejects a path of only white space", () => {
      expect(configError({ BOT_TOKEN: TOKEN, DATABASE_PATH: "   " }).message).toContain("DATABASE_PATH");
    });
  });

  describe("OFFICE_ADMIN_IDS", () => {
    it.each([
      ["1, 22", [1, 22]],
      ["123456789", [123456789]],
      [" 5 ,, 6 ,", [5, 6]],
      ["", []],
    ])("parses %j", (raw, expected) => {
      expect(loadConfig({ BOT_TOKEN: TOKEN, OFFICE_ADMIN_IDS: raw }).officeAdminIds).toEqual(expected);
    });

    it("is an empty list when unset", () => {
      expect(loadConfig({ BOT_TOKEN: TOKEN }).officeAdminIds).toEqual([]);
    });

    it.each(["x", "1,x", "-5", "1.5", "@admin"])("rejects %j, naming the variable", (raw) => {
      const error = configError({ BOT_TOKEN: TOKEN, OFFICE_ADMIN_IDS: raw });
      expect(error.message).toContain("OFFICE_ADMIN_IDS");
      expect(error.message).toContain("not a numeric Telegram user id");
    });
  });

  describe("LOG_LEVEL", () => {
    it("defaults to info when unset or empty", () => {
      expect(loadConfig({ BOT_TOKEN: TOKEN }).logLevel).toBe("info");
      expect(loadConfig({ BOT_TOKEN: TOKEN, LOG_LEVEL: "" }).logLevel).toBe("info");
    });

    it.each(["fatal", "error", "warn", "info", "debug", "trace", "silent"])("accepts %s", (level) => {
      expect(loadConfig({ BOT_TOKEN: TOKEN, LOG_LEVEL: level }).logLevel).toBe(level);
    });

    it("rejects an unknown level and lists the allowed ones", () => {
      const error = configError({ BOT_TOKEN: TOKEN, LOG_LEVEL: "verbose" });
      expect(error.message).toContain("LOG_LEVEL");
      expect(error.message).toContain("fatal, error, warn, info, debug, trace, silent");
    });
  });

  it("reports every bad variable at once", () => {
    const error = configError({ BOT_API_ROOT: "nope", OFFICE_ADMIN_IDS: "x", LOG_LEVEL: "loud" });
    for (const variable of ["BOT_TOKEN", "BOT_API_ROOT", "OFFICE_ADMIN_IDS", "LOG_LEVEL"]) {
      expect(error.message).toContain(variable);
    }
  });

  it("treats an empty CAMPAIGN_FILE as unset", () => {
    expect(loadConfig({ BOT_TOKEN: TOKEN, CAMPAIGN_FILE: "" }).campaignFile).toBeUndefined();
  });
});
