import {
  type Agent,
  type ClientRequest,
  request as httpRequest,
  type IncomingMessage,
  type RequestOptions,
} from "node:http";
import { request as httpsRequest } from "node:https";
import type { Readable } from "node:stream";
import type { ApiClientOptions } from "grammy";

/** What grammY's client hands its `fetch`: a POST with a JSON string or a multipart stream, its agent and signal. */
export interface CallInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Readable;
  agent?: Agent;
  signal?: Pick<AbortSignal, "aborted" | "addEventListener" | "removeEventListener">;
}

/** The part of a fetch response grammY reads. */
export interface CallResponse {
  readonly status: number;
  readonly ok: boolean;
  json(): Promise<unknown>;
  text(): Promise<string>;
}

/**
 * grammY's `fetch` over Node's own http/https client: the bot's uploads (a multipart stream), and every call
 * should its background thread stop (src/background-thread.ts, which makes the JSON calls the same way).
 *
 * Why not grammY's default (node-fetch): under load its Request/Headers/Body objects, the abort-controller shim
 * and stream plumbing cost as much CPU as the bot's own work; measured in `test/bench/http-bench.ts`. grammY
 * reads nothing but the status and the JSON body, so this gives it exactly that, over the keep-alive agent
 * grammY already configures. A JSON call is one write of a known length; an upload's multipart stream is piped.
 */
export function nodeHttpFetch(url: string, init: CallInit = {}): Promise<CallResponse> {
  return new Promise((resolve, reject) => {
    const { signal, body } = init;
    if (signal?.aborted) return reject(new Error(`The request to ${redacted(url)} was aborted`));
    const headers = { ...init.headers };
    if (typeof body === "string") headers["content-length"] = String(Buffer.byteLength(body));
    const { origin, path } = target(url);
    const request: ClientRequest = origin.send({
      ...origin.options,
      path,
      method: init.method ?? "GET",
      headers,
      ...(init.agent ? { agent: init.agent } : {}),
    });
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener("abort", abort);
      outcome();
    };
    const fail = (error: Error) => finish(() => reject(error));
    function abort() {
      request.destroy(new Error(`The request to ${redacted(url)} was aborted`));
    }
    signal?.addEventListener("abort", abort);
    request.on("error", fail);
    request.on("response", (response: IncomingMessage) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", fail);
      response.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        finish(() => resolve(callResponse(response.statusCode ?? 0, text)));
      });
    });
    if (body === undefined || typeof body === "string") {
      request.end(body);
    } else {
      body.on("error", (error: Error) => request.destroy(error));
      body.pipe(request);
    }
  });
}

interface Origin {
  send: typeof httpRequest;
  options: Pick<RequestOptions, "protocol" | "hostname" | "port">;
}

const origins = new Map<string, Origin>();

/**
 * The call's origin, parsed once and kept, and its path. Handed a URL string, Node's client parses it anew
 * for every call: about 9 of the 47 µs of CPU a JSON call cost it here, measured against a local server.
 */
function target(url: string): { origin: Origin; path: string } {
  const pathAt = url.indexOf("/", url.indexOf("//") + 2);
  const base = pathAt < 0 ? url : url.slice(0, pathAt);
  let origin = origins.get(base);
  if (!origin) {
    const parsed = new URL(base);
    origin = {
      send: parsed.protocol === "https:" ? httpsRequest : httpRequest,
      options: {
        protocol: parsed.protocol,
        // [::1] as the URL writes it; Node's client wants the address alone.
        hostname: parsed.hostname.replace(/^\[(.*)\]$/, "$1"),
        ...(parsed.port ? { port: Number(parsed.port) } : {}),
      },
    };
    origins.set(base, origin);
  }
  return { origin, path: pathAt < 0 ? "/" : url.slice(pathAt) };
}

export function callResponse(status: number, text: string): CallResponse {
  return {
    status,
    ok: status >= 200 && status < 300,
    json: async () => JSON.parse(text) as unknown,
    text: async () => text,
  };
}

/** The URL without the bot's token (it is a path segment: /bot<token>/method). */
export function redacted(url: string): string {
  return url.replace(/\/bot[^/]+\//, "/bot<token>/");
}

/**
 * One of the bot's Bot API `fetch`es as grammY's client option, which types it as node-fetch's whole function:
 * grammY calls it with (url, init) and reads only `json()` of its answer.
 */
export function asGrammyFetch(
  fetch: (url: string, init?: CallInit) => Promise<CallResponse>,
): NonNullable<ApiClientOptions["fetch"]> {
  return fetch as unknown as NonNullable<ApiClientOptions["fetch"]>;
}
