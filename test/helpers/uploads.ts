import type { FakeTelegram } from "./fake-telegram.js";

/** A file the bot uploaded (multipart): its method, chat, file name, caption and bytes. */
export interface Upload {
  method: string;
  chatId: string | undefined;
  filename: string | undefined;
  caption: string | undefined;
  bytes: Buffer;
}

const FILE_PART = "content-type:application/octet-stream\r\n\r\n";

/**
 * A fetch for the bot that reads the multipart body grammY sends for an InputFile (sendDocument and the like),
 * hands it to `keep`, then lets the fake Telegram answer as for any call.
 */
export function recordingFetch(telegram: FakeTelegram, keep: (upload: Upload) => void): typeof fetch {
  return async (input, init) => {
    const body = init?.body;
    if (body === undefined || body === null || typeof body === "string") return telegram.fetch(input, init);
    const chunks: Buffer[] = [];
    for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(chunk));
    const raw = Buffer.concat(chunks);
    const text = raw.toString("utf8");
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const field = (name: string) => new RegExp(`name="${name}"\\r\\n\\r\\n([^\\r]*)`).exec(text)?.[1];
    const header = raw.indexOf(FILE_PART);
    keep({
      method: url.slice(url.lastIndexOf("/") + 1),
      chatId: field("chat_id"),
      filename: /;filename=([^\r\n]+)/.exec(text)?.[1],
      caption: field("caption"),
      bytes:
        header >= 0 ? raw.subarray(header + FILE_PART.length, raw.lastIndexOf("\r\n--")) : Buffer.alloc(0),
    });
    return telegram.fetch(input, { ...init, body: undefined });
  };
}
