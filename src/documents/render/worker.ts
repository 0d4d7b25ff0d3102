import { parentPort } from "node:worker_threads";
import { pdfInThread, pngInThread } from "./engine.js";
import type { RenderReply, RenderRequest } from "./types.js";

const port = parentPort;
if (!port) throw new Error("the document renderer must run as a worker thread");

port.on("message", async (request: RenderRequest) => {
  let reply: RenderReply;
  try {
    const bytes = request.kind === "pdf" ? await pdfInThread(request.definition) : pngInThread(request.svg, request.options);
    reply = { id: request.id, ok: true, bytes };
  } catch (error) {
    reply = { id: request.id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(reply, reply.ok ? [reply.bytes.buffer as ArrayBuffer] : []);
});
