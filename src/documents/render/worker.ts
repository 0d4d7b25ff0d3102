import { parentPort } from "node:worker_threads";
import { pdfInThread, pngInThread, readPdfInThread } from "./engine.js";
import type { RenderReply, RenderRequest } from "./types.js";

const port = parentPort;
if (!port) throw new Error("the document renderer must run as a worker thread");

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
