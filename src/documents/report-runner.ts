import { Worker } from "node:worker_threads";
import type { MadeReport, ReportJob } from "./movement-report.js";

/** Makes the report's file; the bot's default makes it in a worker thread. */
export type ReportRenderer = (job: ReportJob) => Promise<MadeReport>;

type WorkerAnswer =
  | ({ ok: true } & Omit<MadeReport, "bytes"> & { bytes: Uint8Array })
  | { ok: false; message: string };

// Run from source (tsx, vitest) the worker is a .ts file: it registers tsx's loader first, then imports it.
const fromSource = import.meta.url.endsWith(".ts");
const WORKER_URL = new URL(fromSource ? "./report-worker.ts" : "./report-worker.js", import.meta.url);
const startWorker = () =>
  fromSource
    ? new Worker(
        `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL.href)}); });`,
        { eval: true },
      )
    : new Worker(WORKER_URL);

/**
 * Makes the report in a worker thread of its own, ended when the file is made: the counting over every answer
 * of the period, the charts and the zip take seconds of CPU at 200 units and 50,000 people, which the bot's
 * event loop does not wait through.
 */
export const renderInWorker: ReportRenderer = (job) =>
  new Promise((resolve, reject) => {
    const worker = startWorker();
    let settled = false;
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      action();
      void worker.terminate();
    };
    worker.once("message", (answer: WorkerAnswer) =>
      settle(() =>
        answer.ok
          ? resolve({
              fileName: answer.fileName,
              unitCount: answer.unitCount,
              bytes: Buffer.from(answer.bytes.buffer, answer.bytes.byteOffset, answer.bytes.byteLength),
            })
          : reject(new Error(`report worker: ${answer.message}`)),
      ),
    );
    worker.once("error", (error) => settle(() => reject(error)));
    worker.once("exit", (code) => settle(() => reject(new Error(`report worker exited with code ${code}`))));
    worker.postMessage(job);
  });
