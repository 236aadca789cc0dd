import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { Api, GrammyError, HttpError, InputFile } from "grammy";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type BackgroundThread, startBackgroundThread } from "../../src/background-thread.js";
import { asGrammyFetch, type CallInit, type CallResponse, nodeHttpFetch } from "../../src/http-fetch.js";
import { BotApiEmulator, type FakeUser } from "../e2e/bot-api-emulator.js";

interface Received {
  method: string | undefined;
  url: string | undefined;
  headers: IncomingMessage["headers"];
  body: string;
}

/** A local server that records each request and answers with `answer`. */
async function serve(answer: (req: IncomingMessage, res: ServerResponse, body: string) => void) {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      received.push({ method: req.method, url: req.url, headers: req.headers, body });
      answer(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let thread: BackgroundThread;
beforeAll(() => {
  thread = startBackgroundThread();
});
afterAll(() => thread.stop());

type Fetch = (url: string, init?: CallInit) => Promise<CallResponse>;
/** The bot's two ways to make a Bot API call: on its own thread, and through its background thread. */
const transports: Array<{ name: string; fetch: Fetch }> = [
  { name: "nodeHttpFetch", fetch: (url, init) => nodeHttpFetch(url, init) },
  { name: "the background thread", fetch: (url, init) => thread.fetch(url, init) },
];

describe.each(transports)("$name", ({ fetch: call }) => {
  let server: Awaited<ReturnType<typeof serve>> | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it("posts a JSON body with its length and reads the JSON answer, whatever its status", async () => {
    server = await serve((_req, res, body) => {
      res.writeHead(body.includes("bad") ? 400 : 200, { "content-type": "application/json" });
      res.end(JSON.stringify({ ok: !body.includes("bad"), echo: JSON.parse(body) }));
    });
    const payload = JSON.stringify({ chat_id: 1, text: "Chào Lan — tiếng Việt có dấu" });
    const good = await call(`${server.url}/botTOKEN/sendMessage`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: payload,
    });
    expect(good.status).toBe(200);
    expect(good.ok).toBe(true);
    expect(await good.json()).toEqual({ ok: true, echo: JSON.parse(payload) });
    const received = server.received[0];
    expect(received?.method).toBe("POST");
    expect(received?.url).toBe("/botTOKEN/sendMessage");
    expect(received?.headers["content-type"]).toBe("application/json");
    expect(received?.headers["content-length"]).toBe(String(Buffer.byteLength(payload)));

    const bad = await call(`${server.url}/botTOKEN/sendMessage`, { method: "POST", body: '"bad"' });
    expect(bad.status).toBe(400);
    expect(bad.ok).toBe(false);
    expect(await bad.json()).toEqual({ ok: false, echo: "bad" });
  });

  it("pipes a streamed body (an upload's multipart form) to the server", async () => {
    server = await serve((_req, res) => res.end('{"ok":true}'));
    const parts = ["--b\r\n", "part one\r\n", "--b--\r\n"];
    const answer = await call(`${server.url}/botTOKEN/sendDocument`, {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=b" },
      body: Readable.from(parts),
    });
    expect(await answer.json()).toEqual({ ok: true });
    expect(server.received[0]?.body).toBe(parts.join(""));
    expect(server.received[0]?.headers["transfer-encoding"]).toBe("chunked");
  });

  it("rejects a call Node refuses to send (a header it cannot write), and makes the next one", async () => {
    server = await serve((_req, res) => res.end('{"ok":true}'));
    await expect(
      call(`${server.url}/botTOKEN/getMe`, { method: "POST", headers: { "x-bad": "a\nb" }, body: "{}" }),
    ).rejects.toThrow(/header/i);
    const next = await call(`${server.url}/botTOKEN/getMe`, { method: "POST", body: "{}" });
    expect(await next.json()).toEqual({ ok: true });
    expect(server.received).toHaveLength(1);
  });

  it("rejects when the answer is not JSON, and when the connection is reset", async () => {
    server = await serve((req, res) => {
      if (req.url?.endsWith("/reset")) return req.socket.destroy();
      res.writeHead(502, { "content-type": "text/html" });
      res.end("<html>Bad Gateway</html>");
    });
    const gateway = await call(`${server.url}/botTOKEN/html`, { method: "POST", body: "{}" });
    expect(gateway.status).toBe(502);
    await expect(gateway.json()).rejects.toThrow(SyntaxError);
    await expect(gateway.text()).resolves.toBe("<html>Bad Gateway</html>");
    await expect(call(`${server.url}/botTOKEN/reset`, { method: "POST", body: "{}" })).rejects.toThrow(
      /socket hang up|ECONNRESET/,
    );
  });

  it("keeps an API root's own path, and reaches each server of two on the same machine", async () => {
    server = await serve((_req, res) => res.end('{"ok":true,"result":1}'));
    const other = await serve((_req, res) => res.end('{"ok":true,"result":2}'));
    try {
      const first = await call(`${server.url}/telegram/botTOKEN/getMe`, {
        method: "POST",
        body: "{}",
      });
      const second = await call(`${other.url}/botTOKEN/getMe`, { method: "POST", body: "{}" });
      const again = await call(`${server.url}/botTOKEN/close`, { method: "POST", body: "{}" });
      expect([await first.json(), await second.json(), await again.json()]).toEqual([
        { ok: true, result: 1 },
        { ok: true, result: 2 },
        { ok: true, result: 1 },
      ]);
      expect(server.received.map((call) => call.url)).toEqual([
        "/telegram/botTOKEN/getMe",
        "/botTOKEN/close",
      ]);
      expect(server.received[0]?.headers.host).toBe(server.url.replace("http://", ""));
      expect(other.received.map((call) => call.url)).toEqual(["/botTOKEN/getMe"]);
    } finally {
      await other.close();
    }
  });

  it("refuses a root of another scheme, and the next call to a good one goes through", async () => {
    server = await serve((_req, res) => res.end('{"ok":true}'));
    await expect(call("ftp://127.0.0.1:9/botTOKEN/getMe", { method: "POST", body: "{}" })).rejects.toThrow(
      /protocol/i,
    );
    const next = await call(`${server.url}/botTOKEN/getMe`, { method: "POST", body: "{}" });
    expect(await next.json()).toEqual({ ok: true });
  });

  it("speaks TLS to an https root (Telegram's): a plain HTTP server fails the handshake", async () => {
    server = await serve((_req, res) => res.end('{"ok":true}'));
    const https = server.url.replace("http:", "https:");
    await expect(call(`${https}/botTOKEN/getMe`, { method: "POST", body: "{}" })).rejects.toThrow(
      /SSL|TLS|EPROTO|wrong version/i,
    );
    expect(server.received).toEqual([]);
  });

  it("stops a call when its signal aborts, without the token in the error", async () => {
    server = await serve(() => {
      // Never answers: only the abort ends the call.
    });
    const controller = new AbortController();
    const aborted = call(`${server.url}/bot123:SECRET/getUpdates`, {
      method: "POST",
      body: "{}",
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 20);
    const error = await aborted.then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(/aborted/);
    expect(error?.message).not.toContain("SECRET");
    const already = new AbortController();
    already.abort();
    await expect(
      call(`${server.url}/bot123:SECRET/getMe`, { body: "{}", signal: already.signal }),
    ).rejects.toThrow(/aborted/);
  });

  it("answers each of many calls made at once, and never sends one aborted in the turn it was made", async () => {
    server = await serve((_req, res, body) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(body);
    });
    const calls = Array.from({ length: 20 }, (_, i) =>
      call(`${server?.url}/botTOKEN/sendMessage`, { method: "POST", body: JSON.stringify({ i }) }),
    );
    const controller = new AbortController();
    const dropped = call(`${server.url}/botTOKEN/sendMessage`, {
      method: "POST",
      body: JSON.stringify({ i: "dropped" }),
      signal: controller.signal,
    });
    controller.abort();
    await expect(dropped).rejects.toThrow(/aborted/);
    const answers = await Promise.all(calls.map(async (c) => (await c).json()));
    expect(answers).toEqual(Array.from({ length: 20 }, (_, i) => ({ i })));
    // A request cut off after it was sent could still reach the server; this one never left.
    expect(server.received.map((r) => r.body)).not.toContain(JSON.stringify({ i: "dropped" }));
  });
});

describe.each(transports)("grammY over $name", ({ fetch: call }) => {
  let emulator: BotApiEmulator;
  const lan: FakeUser = { id: 501, first_name: "Lan", language_code: "vi" };
  beforeEach(async () => {
    emulator = await BotApiEmulator.start();
    emulator.addUser(lan);
  });
  afterEach(() => emulator.stop());

  const api = () => new Api(emulator.token, { fetch: asGrammyFetch(call), apiRoot: emulator.apiRoot });

  it("sends a message with buttons and a file, as Telegram stores them", async () => {
    const sent = await api().sendMessage(lan.id, "<b>Câu hỏi 1/6</b>", {
      parse_mode: "HTML",
      reply_markup: { inline_keyboard: [[{ text: "✅ Đạt", callback_data: "as:c:chap-hanh:met:yes" }]] },
    });
    expect(sent.chat.id).toBe(lan.id);
    const file = await api().sendDocument(
      lan.id,
      new InputFile(Buffer.from("%PDF-1.4 bản nháp"), "to-trinh.pdf"),
      { caption: "Tờ trình" },
    );
    const messages = emulator.messagesIn(lan.id);
    expect(messages.map((m) => m.text ?? m.caption)).toEqual(["<b>Câu hỏi 1/6</b>", "Tờ trình"]);
    expect(messages[0]?.reply_markup?.inline_keyboard?.[0]?.[0]?.callback_data).toBe(
      "as:c:chap-hanh:met:yes",
    );
    expect(file.document?.file_name).toBe("to-trinh.pdf");
    expect(emulator.fileContent(file.document?.file_id ?? "")?.toString("utf8")).toBe("%PDF-1.4 bản nháp");
  });

  it("gives grammY Telegram's refusals as GrammyError and a dead server as HttpError", async () => {
    const refused = await api()
      .sendMessage(999_999, "x")
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(GrammyError);
    const root = emulator.apiRoot;
    await emulator.stop();
    const gone = await new Api(emulator.token, { fetch: asGrammyFetch(call), apiRoot: root })
      .getMe()
      .catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(HttpError);
    emulator = await BotApiEmulator.start();
  });
});
