import { createRequire } from "node:module";
import { Resvg } from "@resvg/resvg-js";
import type { Content, TDocumentDefinitions } from "pdfmake/interfaces.js";
import { FONTS, FONT_FILES } from "./fonts.js";
import type { PdfContents, PdfDefinition, PngOptions } from "./types.js";

// pdfmake's server build is CommonJS with a singleton; typed by @types/pdfmake.
const pdfmake = createRequire(import.meta.url)("pdfmake") as typeof import("pdfmake");
pdfmake.setFonts(FONTS);
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => FONT_FILES.has(path));

const PAGE = /\{\{page\}\}/g;
const PAGES = /\{\{pages\}\}/g;

/** The footer template with {{page}} and {{pages}} filled in for one page. */
function fillFooter(template: Content, page: number, pages: number): Content {
  return JSON.parse(JSON.stringify(template), (_key, value: unknown) =>
    typeof value === "string" ? value.replace(PAGE, String(page)).replace(PAGES, String(pages)) : value,
  ) as Content;
}

/** Renders a PDF in this thread (the worker calls this; nothing else should). */
export async function pdfInThread(definition: PdfDefinition): Promise<Uint8Array> {
  const { footerTemplate, ...rest } = definition;
  // PT Serif unless the definition says otherwise (pdfmake's own default, Roboto, is not installed).
  const styled: TDocumentDefinitions = { ...rest, defaultStyle: { font: "PTSerif", ...rest.defaultStyle } };
  const full: TDocumentDefinitions = footerTemplate
    ? { ...styled, footer: (page: number, pages: number) => fillFooter(footerTemplate, page, pages) }
    : styled;
  const buffer = await pdfmake.createPdf(full).getBuffer();
  return Uint8Array.prototype.slice.call(buffer);
}

/** Renders an SVG to PNG in this thread, with PT Sans and no system fonts. */
export function pngInThread(svg: string, options: PngOptions = {}): Uint8Array {
  const resvg = new Resvg(svg, {
    fitTo: { mode: "width", value: options.width ?? 1200 },
    background: options.background ?? "white",
    font: { loadSystemFonts: false, fontFiles: [FONTS.PTSans.normal, FONTS.PTSans.bold], defaultFontFamily: "PT Sans" },
  });
  return resvg.render().asPng();
}

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
let pdfjs: Promise<PdfJs> | undefined;

/** Reads a PDF back (metadata, attached files, text of each page); null when the bytes are not a PDF. */
export async function readPdfInThread(bytes: Uint8Array): Promise<PdfContents | null> {
  pdfjs ??= import("pdfjs-dist/legacy/build/pdf.mjs");
  const { getDocument } = await pdfjs;
  let doc: Awaited<ReturnType<PdfJs["getDocument"]>["promise"]>;
  try {
    doc = await getDocument({ data: bytes.slice(), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  } catch {
    return null;
  }
  try {
    const info = (await doc.getMetadata()).info as Record<string, unknown>;
    const custom = (info.Custom ?? {}) as Record<string, unknown>;
    const strings = Object.fromEntries(
      Object.entries({ ...info, ...custom }).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
    );
    const attached = ((await doc.getAttachments()) ?? {}) as Record<string, { filename: string; content: Uint8Array }>;
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      pages.push(content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : "")).join(""));
    }
    return {
      info: strings,
      attachments: Object.values(attached).map((file) => ({ name: file.filename, bytes: file.content })),
      pages,
    };
  } finally {
    await doc.destroy();
  }
}
