import { stringify } from "csv-stringify/sync";
import writeXlsxFile, { type Cell as XlsxCell } from "write-excel-file/node";
import { isDay, type Cell, type Table } from "./tables.js";

const DATE_FORMAT = "dd.mm.yyyy";

/** Characters that make a spreadsheet read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell that Excel or LibreOffice would run as a formula is made plain text. */
export function safeText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const dotted = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

function xlsxCell(cell: Cell): XlsxCell {
  if (cell === null) return null;
  if (isDay(cell)) return { value: day(cell.day), type: Date, format: DATE_FORMAT };
  return typeof cell === "number" ? { value: cell, type: Number } : { value: cell, type: String };
}

/** One workbook, a sheet per table, the header row bold and frozen, dates as real dates. */
export async function toXlsx(tables: readonly Table[]): Promise<Buffer> {
  const sheets = tables.map((table) => ({
    sheet: table.name.slice(0, 31),
    stickyRowsCount: 1,
    columns: table.headers.map((header, i) => ({
      width: Math.min(60, Math.max(header.length, ...table.rows.map((row) => cellWidth(row[i] ?? null))) + 2),
    })),
    data: [
      table.headers.map((header): XlsxCell => ({ value: header, type: String, fontWeight: "bold" })),
      ...table.rows.map((row) => row.map(xlsxCell)),
    ],
  }));
  return writeXlsxFile(sheets).toBuffer();
}

function cellWidth(cell: Cell): number {
  if (cell === null) return 0;
  return isDay(cell) ? 10 : String(cell).length;
}

/** CSV as Excel opens it under Kyrgyz and Russian settings: UTF-8 with BOM, «;», CRLF. */
export function toCsv(table: Table): Buffer {
  const rows = table.rows.map((row) =>
    row.map((cell) =>
      cell === null ? "" : isDay(cell) ? dotted(cell.day) : typeof cell === "number" ? String(cell).replace(".", ",") : safeText(cell),
    ),
  );
  return Buffer.from(stringify([table.headers.map(safeText), ...rows], { bom: true, delimiter: ";", record_delimiter: "windows" }), "utf8");
}
