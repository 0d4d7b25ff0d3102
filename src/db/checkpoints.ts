import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { Logger } from "pino";
import type { Database } from "./client.js";

/** How often the checkpointer copies the write-ahead log back into the database file. */
export const CHECKPOINT_EVERY_MS = 1000;

/*
 * SQLite's automatic checkpoint runs inside whichever commit crosses 1,000 pages of log, so one
 * person's update now and then waits several milliseconds for a copy it did not ask for (it was
 * most of the bot's p99). Here a worker thread, with a connection of its own, does the copying
 * (PASSIVE: it never blocks a writer or a reader) and the bot's connection never does.
 */
const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma("busy_timeout = 5000");
const timer = setInterval(() => {
  try {
    db.pragma("wal_checkpoint(PASSIVE)");
  } catch (error) {
    parentPort.postMessage({ failed: String(error) });
  }
}, workerData.everyMs);
parentPort.on("message", () => {
  clearInterval(timer);
  try {
    db.pragma("wal_checkpoint(TRUNCATE)");
  } finally {
    db.close();
    parentPort.close();
  }
});
`;

export interface Checkpoints {
  /** Copies what is left, truncates the log and ends the thread. */
  stop(): Promise<void>;
}

/** Moves the database's checkpoints off the event loop (a file database only; memory has no log). */
export function checkpointInBackground(db: Database, logger: Logger, everyMs = CHECKPOINT_EVERY_MS): Checkpoints {
  const path = db.$client.name;
  if (db.$client.memory) return { stop: async () => undefined };
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { path, everyMs, driver: fileURLToPath(import.meta.resolve("better-sqlite3")) },
  });
  worker.unref();
  worker.on("message", (message: { failed?: string }) => {
    if (message.failed) logger.warn({ cause: message.failed }, "database checkpoint failed; the next one tries again");
  });
  worker.on("error", (error) => {
    logger.warn({ err: error }, "database checkpoints stopped; SQLite checkpoints by itself again");
    db.$client.pragma("wal_autocheckpoint = 1000");
  });
  db.$client.pragma("wal_autocheckpoint = 0");
  let stopped: Promise<void> | undefined;
  return {
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        worker.once("exit", () => resolve());
        worker.ref(); // the stop waits for the last checkpoint even when nothing else is left to run
        worker.postMessage("stop");
      }).then(() => {
        if (db.$client.open) db.$client.pragma("wal_autocheckpoint = 1000");
      });
      return stopped;
    },
  };
}
