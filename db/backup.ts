import { existsSync, renameSync, rmSync } from "node:fs";
import SQLite from "better-sqlite3";

export interface BackupProgress {
  totalPages: number;
  remainingPages: number;
}

export interface BackupOptions {
  /** Pages copied per step (a page is 4 KB): between two steps the source is not even read. */
  pagesPerStep?: number;
  /** A pause between steps, to go gently on a busy disk (the backup's own process waits, nobody else). */
  pauseMs?: number;
  onProgress?: (progress: BackupProgress) => void;
}

export interface BackupResult {
  totalPages: number;
  /** Times the copy began again because the bot wrote meanwhile (the last time, it copies in one step). */
  restarts: number;
}

const ALL_REMAINING = 0x7fffffff;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

/**
 * Copies the database at `source` to `destination` with SQLite's online backup API, from a connection of its
 * own: each step reads a consistent snapshot and the write-ahead log lets the bot write meanwhile, so the
 * backup never holds the bot up. A write by the bot between two steps makes SQLite begin the copy again; from
 * the second beginning on, the rest is copied in one step (still only a read), so the backup always ends.
 * The copy is written beside the destination, checked (integrity_check), made one self-contained file
 * (journal_mode DELETE), and only then renamed to `destination`: a backup cut short never stands as one.
 */
export async function backupDatabase(
  source: string,
  destination: string,
  options: BackupOptions = {},
): Promise<BackupResult> {
  const pagesPerStep = options.pagesPerStep ?? 1000;
  const partial = `${destination}.part`;
  rmSync(partial, { force: true });
  const db = new SQLite(source, { fileMustExist: true });
  let restarts = 0;
  let lastRemaining = Number.POSITIVE_INFINITY;
  let totalPages = 0;
  try {
    const result = await db.backup(partial, {
      progress: (progress) => {
        totalPages = progress.totalPages;
        options.onProgress?.(progress);
        const restarted = progress.remainingPages > lastRemaining;
        lastRemaining = progress.remainingPages;
        if (restarted) restarts++;
        if (options.pauseMs) Atomics.wait(sleeper, 0, 0, options.pauseMs);
        return restarts > 0 ? ALL_REMAINING : pagesPerStep;
      },
    });
    totalPages = result.totalPages;
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    db.close();
  }
  const copy = new SQLite(partial);
  try {
    const integrity = copy.pragma("integrity_check", { simple: true });
    if (integrity !== "ok")
      throw new Error(`The backup copy failed its integrity check: ${String(integrity)}`);
    copy.pragma("journal_mode = DELETE");
  } catch (error) {
    copy.close();
    rmSync(partial, { force: true });
    throw error;
  }
  copy.close();
  for (const leftover of [`${partial}-wal`, `${partial}-shm`]) if (existsSync(leftover)) rmSync(leftover);
  renameSync(partial, destination);
  return { totalPages, restarts };
}
