import { parentPort } from "node:worker_threads";
import { type ReportRenderInput, renderMovementReport } from "./movement-report-render.js";

/** The worker thread that draws the charts and fills the report, one job a message; the bot keeps answering. */
parentPort?.on("message", (input: ReportRenderInput) => {
  try {
    const bytes = renderMovementReport(input);
    parentPort?.postMessage({ ok: true, bytes });
  } catch (error) {
    parentPort?.postMessage({ ok: false, message: (error as Error).stack ?? String(error) });
  }
});
