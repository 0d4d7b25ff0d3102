/**
 * The document renderer: PDFs (pdfmake, PT fonts) and PNG pictures of SVG (resvg), made in one
 * `node:worker_threads` worker so that rendering never stalls the bot's event loop. It also
 * reads PDFs back (pdfjs), for files people send to be checked.
 *
 *   const renderer = createRenderer();
 *   const pdf = await renderer.renderPdf(definition); // a pdfmake definition of plain data (types.ts)
 *   const png = await renderer.renderPng(svg, { width: 1200 });
 *   const contents = await renderer.readPdf(bytes);    // { info, attachments, pages } or null
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
import type { PdfContents, PdfDefinition, PngOptions, RenderJob, RenderReply } from "./types.js";

export type { PdfContents, PdfDefinition, PngOptions } from "./types.js";
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
  /** Reads a PDF back: metadata, attached files, text per page; null when the bytes are not a PDF. */
  readPdf(bytes: Uint8Array): Promise<PdfContents | null>;
  /** Ends the worker; pending requests fail. A later request starts a new one. */
  close(): Promise<void>;
}

type Pending = { resolve: (result: never) => void; reject: (error: Error) => void };

/** Under tsx or vitest this module is TypeScript, and the worker needs a JS entry that loads tsx. */
function workerUrl(): URL {
  const compiled = import.meta.url.endsWith(".js");
  return new URL(compiled ? "./worker.js" : "./worker-tsx.mjs", import.meta.url);
}

let shared: Renderer | undefined;

/** The process's one renderer (the bot's, a script's); its worker starts on first use. */
export function sharedRenderer(): Renderer {
  shared ??= createRenderer();
  return shared;
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
      if (reply.ok) request.resolve(reply.result as never);
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

  const send = <T>(request: RenderJob): Promise<T> => {
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
    readPdf: (bytes) => send({ kind: "read", bytes }),
    async close() {
      const closing = worker;
      worker = undefined;
      if (closing) await closing.terminate();
      failAll(new Error("document renderer closed"));
    },
  };
}
