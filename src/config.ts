import { z } from "zod";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const telegramToken = z
  .string({ error: "is missing" })
  .trim()
  .regex(/^\d+:[A-Za-z0-9_-]{30,}$/, {
    error: "does not look like a bot token (digits, a colon, then at least 30 letters, digits, _ or -)",
  });

const officeAdminIds = z
  .string()
  .default("")
  .transform((raw, ctx) => {
    const parts = raw
      .split(",")
      .map((part) => part.trim())
      .filter((part) => part !== "");
    const ids: number[] = [];
    for (const part of parts) {
      if (!/^\d{1,15}$/.test(part)) {
        ctx.addIssue({ code: "custom", message: `"${part}" is not a numeric Telegram user id` });
        return z.NEVER;
      }
      ids.push(Number(part));
    }
    return ids;
  });

const envSchema = z.object({
  BOT_TOKEN: telegramToken,
  BOT_API_ROOT: z.url({ error: "must be a URL such as http://127.0.0.1:8081" }).optional(),
  DATABASE_PATH: z.string().trim().min(1).default("data/thidua.sqlite"),
  OFFICE_ADMIN_IDS: officeAdminIds,
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` }).default("info"),
  CAMPAIGN_FILE: z.string().trim().min(1).optional(),
  SEND_LIMITS: z.enum(["on", "off"], { error: "must be on or off" }).default("on"),
});

export interface Config {
  botToken: string;
  botApiRoot: string | undefined;
  databasePath: string;
  officeAdminIds: readonly number[];
  logLevel: (typeof LOG_LEVELS)[number];
  campaignFile: string | undefined;
  /** Off only against a local Bot API server (load tests): the bot then sends as fast as it can. */
  sendLimits: boolean;
}

const HOW_TO_FIX: Record<string, string> = {
  BOT_TOKEN:
    "Create a bot with @BotFather in Telegram (/newbot), copy the token it gives you and set BOT_TOKEN=<token> in the environment or in .env.",
  BOT_API_ROOT: "Leave it unset to use Telegram's servers, or give the address of a local Bot API server.",
  DATABASE_PATH: "Give a file path for the SQLite database, for example data/thidua.sqlite.",
  OFFICE_ADMIN_IDS:
    "Give comma-separated numeric Telegram user ids, for example OFFICE_ADMIN_IDS=123456789,987654321 (send /start to @userinfobot to learn yours).",
  CAMPAIGN_FILE: "Give the path of a campaign definition JSON file, or leave it unset for the bundled plan.",
  SEND_LIMITS:
    "Leave it unset: the bot keeps to Telegram's limits. off is for load tests against a local Bot API server (BOT_API_ROOT).",
};

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Parses the environment. The error never repeats BOT_TOKEN's value, so a bad token is not leaked. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const blankToUndefined = Object.fromEntries(
    Object.entries(env).map(([key, value]) => [key, value === "" ? undefined : value]),
  );
  const parsed = envSchema.safeParse(blankToUndefined);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const variable = String(issue.path[0] ?? "environment");
      const fix = HOW_TO_FIX[variable];
      return `- ${variable} ${issue.message}.${fix ? ` ${fix}` : ""}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const value = parsed.data;
  if (value.SEND_LIMITS === "off" && !value.BOT_API_ROOT) {
    throw new ConfigError(
      `Invalid configuration:\n- SEND_LIMITS=off needs BOT_API_ROOT. ${HOW_TO_FIX.SEND_LIMITS}`,
    );
  }
  return {
    botToken: value.BOT_TOKEN,
    botApiRoot: value.BOT_API_ROOT,
    databasePath: value.DATABASE_PATH,
    officeAdminIds: value.OFFICE_ADMIN_IDS,
    logLevel: value.LOG_LEVEL,
    campaignFile: value.CAMPAIGN_FILE,
    sendLimits: value.SEND_LIMITS === "on",
  };
}
