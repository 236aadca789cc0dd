import pino, { type Logger } from "pino";

export type { Logger };

/** JSON logs; the bot token is scrubbed from every message, however an error came to include it. */
export function createLogger(options: { level: string; botToken?: string }): Logger {
  const secret = options.botToken;
  const scrub = (text: string) => (secret ? text.split(secret).join("[bot token]") : text);
  return pino({
    level: options.level,
    base: undefined,
    serializers: {
      err: (error: unknown) => {
        const serialised = pino.stdSerializers.err(error as Error);
        return { ...serialised, message: scrub(serialised.message), stack: scrub(serialised.stack ?? "") };
      },
    },
    hooks: {
      logMethod(args, method) {
        method.apply(
          this,
          args.map((arg) => (typeof arg === "string" ? scrub(arg) : arg)) as Parameters<typeof method>,
        );
      },
    },
  });
}
