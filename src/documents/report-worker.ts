import { parentPort } from "node:worker_threads";
import { makeMovementReport, type ReportJob } from "./movement-report.js";

/**
 * The worker thread that makes a Báo cáo sơ kết / tổng kết: it counts through its own read-only connection,
 * draws the charts and fills the template, while the bot's thread keeps answering.
 */
parentPort?.on("message", (job: ReportJob) => {
  makeMovementReport(job).then(
    (made) => parentPort?.postMessage({ ok: true, ...made }),
    (error: unknown) =>
      parentPort?.postMessage({ ok: false, message: (error as Error).stack ?? String(error) }),
  );
});
