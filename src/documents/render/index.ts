/**
 * The document renderer: PDFs (pdfmake, PT fonts) and PNG pictures of SVG (resvg), made in one
 * `node:worker_threads` worker so that rendering never stalls the bot's event loop.
 *
 *   const renderer = createRenderer();
 *   const pdf = await renderer.renderPdf(definition); // a pdfmake definition of plain data (types.ts)
 *   const png = await renderer.renderPng(svg, { width: 1200 });
 *   await renderer.close();                           // on shutdown
 *
 * The worker starts on the first request and is held only while requests are pending, so an
 * idle renderer never keeps the process alive. Requests are answered in order; a crashed
 * worker fails the pending requests and is started again by the next one. The same definition
 * gives the same bytes as long as RENDERER_VERSION is the same (put creationDate, and
 * creationDate on attached files, in the definition; nothing reads the clock).
 */
import { Worker } from "node:worker_threads";
import { packageVersion } from "./fonts.js";
import type { PdfDefinition, PngOptions, RenderJob, RenderReply } from "./types.js";

export type { PdfDefinition, PngOptions } from "./types.js";
export { FONTS, type FontFamily } from "./fonts.js";

/** What produced a document's bytes: stored beside each document, since other versions give other bytes. */
export const RENDERER_VERSION = [
  `pdfmake@${packageVersion("pdfmake")}`,
  `resvg@${packageVersion("@resvg/resvg-js")}`,
  `pt-fonts@${packageVersion("@expo-google-fonts/pt-serif")}`,
].join(" ");

export interface Renderer {
  renderPdf(definition: PdfDefinition): Promise<Uint8Array>;
  renderPng(svg: string, options?: PngOptions): Promise<Uint8Array>;
  /** Ends the worker; pending requests fail. A later request starts a new one. */
  close(): Promise<void>;
}

type Pending = { resolve: (bytes: Uint8Array) => void; reject: (error: Error) => void };

/** Under tsx or vitest this module is TypeScript, and the worker needs a JS entry that loads tsx. */
function workerUrl(): URL {
  const compiled = import.meta.url.endsWith(".js");
  return new URL(compiled ? "./worker.js" : "./worker-tsx.mjs", import.meta.url);
}

export function createRenderer(): Renderer {
  let worker: Worker | undefined;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const failAll = (error: Error) => {
    for (const request of pending.values()) request.reject(error);
    pending.clear();
  };

  const start = (): Worker => {
    const started = new Worker(workerUrl());
    started.on("message", (reply: RenderReply) => {
      const request = pending.get(reply.id);
      pending.delete(reply.id);
      if (pending.size === 0) started.unref();
      if (!request) return;
      if (reply.ok) request.resolve(reply.bytes);
      else request.reject(new Error(`rendering failed: ${reply.error}`));
    });
    started.on("error", (error) => {
      if (worker === started) worker = undefined;
      failAll(error);
    });
    started.on("exit", (code) => {
      if (worker === started) worker = undefined;
      failAll(new Error(`document renderer exited with code ${code}`));
    });
    return started;
  };

  const send = (request: RenderJob): Promise<Uint8Array> => {
    worker ??= start();
    worker.ref();
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker!.postMessage({ ...request, id });
    });
  };

  return {
    renderPdf: (definition) => send({ kind: "pdf", definition }),
    renderPng: (svg, options) => send({ kind: "png", svg, ...(options ? { options } : {}) }),
    async close() {
      const closing = worker;
      worker = undefined;
      if (closing) await closing.terminate();
      failAll(new Error("document renderer closed"));
    },
  };
}
