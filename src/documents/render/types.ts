import type { Content, TDocumentDefinitions } from "pdfmake/interfaces.js";

/**
 * A pdfmake document definition that can cross to the worker thread: plain data only. Instead
 * of a footer function, `footerTemplate` is content in which the strings "{{page}}" and
 * "{{pages}}" are replaced on each page. Attached files take a `data:` URL as `src`.
 * Fonts: "PTSerif" (the default), "PTSans", "PTMono" (see fonts.ts).
 */
export type PdfDefinition = Omit<TDocumentDefinitions, "footer" | "header" | "background"> & {
  footerTemplate?: Content;
};

export interface PngOptions {
  /** Width of the picture in pixels (1200 by default); the height follows the SVG's proportions. */
  width?: number;
  background?: string;
}

/** What a PDF holds, as read back: its metadata (custom keys included), attached files and text per page. */
export interface PdfContents {
  info: Record<string, string>;
  attachments: { name: string; bytes: Uint8Array }[];
  pages: string[];
}

export type RenderJob =
  | { kind: "pdf"; definition: PdfDefinition }
  | { kind: "png"; svg: string; options?: PngOptions }
  | { kind: "read"; bytes: Uint8Array };

export type RenderRequest = RenderJob & { id: number };

export type RenderReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };
