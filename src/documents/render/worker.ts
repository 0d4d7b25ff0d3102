import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { parentPort } from "node:worker_threads";
import { pdfInThread, pngInThread, readPdfInThread } from "./engine.js";
import type { RenderReply, RenderRequest } from "./types.js";

const port = parentPort;
if (!port) throw new Error("the document renderer must run as a worker thread");

/**
 * When the bot's thread and the renderer both want a CPU, the bot goes first: on Linux this
 * thread gets a lower priority of its own (its id is the last part of /proc/thread-self).
 * Elsewhere it renders at the bot's priority.
 */
function yieldToTheBot(): void {
  try {
    const thread = Number(readlinkSync("/proc/thread-self").split("/").pop());
    if (thread > 0) setPriority(thread, 10);
  } catch {
    // Not Linux, or not allowed: nothing to do.
  }
}

yieldToTheBot();

port.on("message", async (request: RenderRequest) => {
  let reply: RenderReply;
  try {
    const result =
      request.kind === "pdf"
        ? await pdfInThread(request.definition)
        : request.kind === "png"
          ? pngInThread(request.svg, request.options)
          : await readPdfInThread(request.bytes);
    reply = { id: request.id, ok: true, result };
  } catch (error) {
    reply = { id: request.id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(reply);
});
