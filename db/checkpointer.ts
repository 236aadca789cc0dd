import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

/** How often the background connection folds the write-ahead log back into the database. */
export const CHECKPOINT_EVERY_MS = 250;

/**
 * The checkpoints' part of a worker's code, plain CommonJS (so it runs the same compiled or through tsx), for
 * any worker that has `parentPort` and `workerData.sqlite` (better-sqlite3's path): `startCheckpoints` opens a
 * connection of its own to the file and checkpoints on a timer; `stopCheckpoints` checkpoints once more, closes
 * it and posts `{ checkpointsStopped: true }`; a failed checkpoint posts `{ checkpointError }`. A PASSIVE
 * checkpoint never blocks the bot's connection: it copies what no reader still needs and tries again later for
 * the rest.
 */
export const CHECKPOINT_WORKER_CODE = `
let checkpoints;
function startCheckpoints({ path, everyMs }) {
  const SQLite = require(workerData.sqlite);
  const db = new SQLite(path);
  db.pragma("busy_timeout = 5000");
  const checkpoint = () => {
    try {
      db.pragma("wal_checkpoint(PASSIVE)");
    } catch (error) {
      parentPort.postMessage({ checkpointError: String(error) });
    }
  };
  checkpoints = { db, checkpoint, timer: setInterval(checkpoint, everyMs) };
}
function stopCheckpoints() {
  if (!checkpoints) return;
  clearInterval(checkpoints.timer);
  checkpoints.checkpoint();
  checkpoints.db.close();
  checkpoints = undefined;
  parentPort.postMessage({ checkpointsStopped: true });
}
`;

/** A worker that does nothing but checkpoint the file at `workerData.path`. */
const WORKER_CODE = `
const { parentPort, workerData } = require("node:worker_threads");
${CHECKPOINT_WORKER_CODE}
startCheckpoints(workerData);
parentPort.on("message", (message) => {
  if (message !== "stop") return;
  stopCheckpoints();
  parentPort.close();
});
`;

/** Starts checkpointing the database at `path`; `onError` hears of a failed checkpoint. */
export type CheckpointStarter = (path: string, onError: (message: string) => void) => Checkpointer;

export interface Checkpointer {
  /** Checkpoints once more and closes the worker's connection. */
  stop(): Promise<void>;
}

/**
 * Moves SQLite's checkpoints off the bot's thread. With the default automatic checkpoint, every thousand pages
 * written, the commit that crosses the mark copies the log into the database and syncs it, in the middle of
 * someone's answer: that was about two fifths of the bot's time with 500 people answering at once. The caller
 * turns the automatic checkpoint off; `onError` hears of a failed checkpoint (say, to turn it back on).
 */
export function checkpointInBackground(path: string, onError: (message: string) => void): Checkpointer {
  const sqlite = createRequire(import.meta.url).resolve("better-sqlite3");
  const worker = new Worker(WORKER_CODE, {
    eval: true,
    workerData: { path, sqlite, everyMs: CHECKPOINT_EVERY_MS },
    // The bot's own loader flags (tsx) are not needed for plain CommonJS.
    execArgv: [],
  });
  worker.on("message", (message: { checkpointError?: string }) => {
    if (message.checkpointError) onError(message.checkpointError);
  });
  worker.on("error", (error) => onError(String(error)));
  // After the listeners, which would hold the process open again.
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
  return {
    async stop() {
      worker.postMessage("stop");
      await exited;
    },
  };
}
