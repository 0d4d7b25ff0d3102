import { createRequire } from "node:module";
import { Resvg } from "@resvg/resvg-js";
import type { Content, TDocumentDefinitions } from "pdfmake/interfaces.js";
import { FONTS, FONT_FILES } from "./fonts.js";
import type { PdfDefinition, PngOptions } from "./types.js";

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
  const full: TDocumentDefinitions = footerTemplate
    ? { ...rest, footer: (page: number, pages: number) => fillFooter(footerTemplate, page, pages) }
    : rest;
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
