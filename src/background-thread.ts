import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import { CHECKPOINT_EVERY_MS, CHECKPOINT_WORKER_CODE, type CheckpointStarter } from "../db/checkpointer.js";
import { type CallInit, type CallResponse, callResponse, nodeHttpFetch, redacted } from "./http-fetch.js";

/**
 * The worker's code, plain CommonJS (so it runs the same compiled or through tsx). Two duties:
 * - the Bot API's JSON calls, over Node's http/https client with keep-alive agents of its own;
 * - SQLite's checkpoints, db/checkpointer.ts's part of a worker (`CHECKPOINT_WORKER_CODE`).
 */
const WORKER_CODE = `
const { parentPort, workerData } = require("node:worker_threads");
const http = require("node:http");
const https = require("node:https");
const clients = {
  "http:": { request: http.request, agent: new http.Agent({ keepAlive: true }) },
  "https:": { request: https.request, agent: new https.Agent({ keepAlive: true }) },
};
const calls = new Map();
// The answers of one turn go back in one message: fewer messages, and the bot's thread takes them in one turn.
let answers = [];
function sendAnswers() {
  parentPort.postMessage({ answers });
  answers = [];
}
function answer(message) {
  if (answers.length === 0) setImmediate(sendAnswers);
  answers.push(message);
}
function call({ id, url, method, headers, body }) {
  const client = clients[new URL(url).protocol];
  if (!client) return answer({ id, error: "unsupported protocol: " + url.slice(0, 8) });
  if (typeof body === "string") headers["content-length"] = String(Buffer.byteLength(body));
  let settled = false;
  const settle = (message) => {
    if (settled) return;
    settled = true;
    calls.delete(id);
    answer(message);
  };
  const request = client.request(url, { method, headers, agent: client.agent });
  calls.set(id, request);
  request.on("error", (error) => settle({ id, error: String(error.message), code: error.code }));
  request.on("response", (response) => {
    const chunks = [];
    response.on("data", (chunk) => chunks.push(chunk));
    response.on("error", (error) => settle({ id, error: String(error.message), code: error.code }));
    response.on("end", () => settle({ id, status: response.statusCode || 0, text: Buffer.concat(chunks).toString("utf8") }));
  });
  request.end(body);
}
${CHECKPOINT_WORKER_CODE}
parentPort.on("message", (message) => {
  if (message.calls) {
    for (const one of message.calls) {
      try {
        call(one);
      } catch (error) {
        // A call Node refuses before sending it (a malformed URL or header) fails alone; the thread goes on.
        answer({ id: one.id, error: String(error.message), code: error.code });
      }
    }
    return;
  }
  if (message.abort !== undefined) return calls.get(message.abort)?.destroy(new Error("aborted"));
  if (message.checkpoint) return startCheckpoints(message.checkpoint);
  if (message.stopCheckpoints) return stopCheckpoints();
  if (message.stop) {
    stopCheckpoints();
    for (const { agent } of Object.values(clients)) agent.destroy();
    parentPort.close();
  }
});
`;

interface OutgoingCall {
  id: number;
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
}
type CallAnswer = { id: number; status: number; text: string } | { id: number; error: string; code?: string };
type Answer = { answers: CallAnswer[] } | { checkpointError: string } | { checkpointsStopped: true };

export interface BackgroundThread {
  /** grammY's `fetch`: JSON calls go through the thread; an upload's multipart stream stays on this one. */
  fetch(url: string, init?: CallInit): Promise<CallResponse>;
  /** Starts the database's checkpoints on the thread (for `openDatabase`'s `backgroundCheckpoints`). */
  checkpoints: CheckpointStarter;
  /** Stops the checkpoints (one last one first) and the thread. */
  stop(): Promise<void>;
}

/**
 * One helper thread for what the bot's own thread need not wait on: sending the Bot API calls and reading their
 * answers (28% of the bot's CPU at 1,400 updates a second, in a CPU profile), and SQLite's checkpoints. One
 * thread for both, since each thread costs its own heap and the process is held to 150 MB.
 */
export function startBackgroundThread(): BackgroundThread {
  const sqlite = createRequire(import.meta.url).resolve("better-sqlite3");
  const worker = new Worker(WORKER_CODE, { eval: true, workerData: { sqlite }, execArgv: [] });
  const pending = new Map<
    number,
    { resolve: (r: CallResponse) => void; reject: (e: Error) => void; url: string }
  >();
  let nextId = 1;
  let onCheckpointError: ((message: string) => void) | undefined;
  let checkpointsStopped: (() => void) | undefined;
  worker.on("message", (answer: Answer) => {
    if ("checkpointError" in answer) return onCheckpointError?.(answer.checkpointError);
    if ("checkpointsStopped" in answer) return checkpointsStopped?.();
    for (const one of answer.answers) settle(one);
  });
  const settle = (answer: CallAnswer) => {
    const waiting = pending.get(answer.id);
    if (!waiting) return;
    pending.delete(answer.id);
    if ("error" in answer) {
      const error = Object.assign(new Error(answer.error.replaceAll(waiting.url, redacted(waiting.url))), {
        code: answer.code,
      });
      waiting.reject(error);
    } else waiting.resolve(callResponse(answer.status, answer.text));
  };
  // Should the thread die, the calls on their way fail (grammY's retry sends them again) and the next ones are
  // made on this thread; the database's commits checkpoint again by themselves (`onCheckpointError`).
  let alive = true;
  const failAll = (error: Error) => {
    alive = false;
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };
  worker.on("error", (error) => {
    onCheckpointError?.(String(error));
    failAll(error);
  });
  const exited = new Promise<void>((resolve) =>
    worker.once("exit", () => {
      failAll(new Error("the background thread stopped"));
      resolve();
    }),
  );
  worker.unref();

  // The thread keeps the process alive only while a call is on its way (the checkpoints never do).
  const settled = () => {
    if (pending.size === 0) worker.unref();
  };
  // The calls of one turn (the updates of one poll, answered together) go to the thread in one message: a
  // message costs about as much as the call's own work there.
  let outgoing: OutgoingCall[] = [];
  const sendCalls = () => {
    if (outgoing.length === 0) return;
    worker.postMessage({ calls: outgoing });
    outgoing = [];
  };
  const fetch = (url: string, init: CallInit = {}): Promise<CallResponse> => {
    const { body, signal } = init;
    if (!alive || (body !== undefined && typeof body !== "string")) return nodeHttpFetch(url, init);
    if (signal?.aborted) return Promise.reject(new Error(`The request to ${redacted(url)} was aborted`));
    return new Promise<CallResponse>((resolve, reject) => {
      const id = nextId++;
      const abort = () => {
        const unsent = outgoing.findIndex((call) => call.id === id);
        if (unsent >= 0) outgoing.splice(unsent, 1);
        else worker.postMessage({ abort: id });
        pending.delete(id);
        settled();
        reject(new Error(`The request to ${redacted(url)} was aborted`));
      };
      signal?.addEventListener("abort", abort);
      pending.set(id, {
        url,
        resolve: (answer) => {
          signal?.removeEventListener("abort", abort);
          settled();
          resolve(answer);
        },
        reject: (error) => {
          signal?.removeEventListener("abort", abort);
          settled();
          reject(error);
        },
      });
      if (pending.size === 1) worker.ref();
      if (outgoing.length === 0) setImmediate(sendCalls);
      outgoing.push({ url, id, method: init.method ?? "GET", headers: { ...init.headers }, body });
    });
  };

  return {
    fetch,
    checkpoints: (path, onError) => {
      onCheckpointError = onError;
      worker.postMessage({ checkpoint: { path, everyMs: CHECKPOINT_EVERY_MS } });
      return {
        stop: () =>
          new Promise<void>((resolve) => {
            checkpointsStopped = resolve;
            worker.postMessage({ stopCheckpoints: true });
          }),
      };
    },
    async stop() {
      // Held open until the thread is gone: nothing else may be left to keep the process alive meanwhile.
      worker.ref();
      sendCalls();
      worker.postMessage({ stop: true });
      await exited;
    },
  };
}
