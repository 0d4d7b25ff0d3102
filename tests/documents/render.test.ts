import { afterAll, describe, expect, it } from "vitest";
import { createRenderer, type PdfDefinition } from "../../src/documents/render/index.js";

const renderer = createRenderer();
afterAll(() => renderer.close());

const definition: PdfDefinition = {
  info: { title: "Ң ө ү", creationDate: new Date("2026-03-28T04:00:00Z") },
  defaultStyle: { font: "PTSerif" },
  content: [{ text: "Мин-Булак айыл аймагы: Ң ң Ө ө Ү ү" }, { qr: "https://t.me/bot?start=v_1", fit: 80 }],
  footerTemplate: { text: "{{page}} / {{pages}}", font: "PTMono" },
};

describe("document renderer", () => {
  it("renders the same definition to the same PDF bytes, in a worker thread", async () => {
    const [first, second] = await Promise.all([renderer.renderPdf(definition), renderer.renderPdf(definition)]);
    expect(Buffer.from(first.subarray(0, 5)).toString()).toBe("%PDF-");
    expect(Buffer.compare(first, second)).toBe(0);
  });

  it("renders an SVG to PNG", async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100"><text x="10" y="50">Ңөү</text></svg>';
    const png = await renderer.renderPng(svg, { width: 600 });
    expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join("")).toBe("PNG");
    expect(new DataView(png.buffer, png.byteOffset).getUint32(16)).toBe(600); // IHDR width
  });

  it("reports a bad definition as a failed promise and keeps working", async () => {
    await expect(renderer.renderPdf({ content: [{ image: "missing.png" }] } as PdfDefinition)).rejects.toThrow(/rendering failed/);
    const again = await renderer.renderPdf(definition);
    expect(again.length).toBeGreaterThan(1000);
  });
});
