/**
 * A horizontal bar chart as an SVG string: a row per category (a service), a bar per series
 * (quality of delivery, quality of resources) on a 0–max scale. Written by hand so the same
 * figures give the same picture, and long Kyrgyz names wrap instead of being cut.
 */
export interface BarChart {
  title: string;
  /** What each bar of a row means, with its colour. */
  series: readonly { label: string; color: string }[];
  rows: readonly { label: string; values: readonly number[]; note?: string }[];
  max: number;
  /** Shown instead of the bars when there are no rows. */
  empty: string;
  /** How a value is written beside its bar (the language's decimal sign). */
  format: (value: number) => string;
}

const WIDTH = 800;
const LABEL_WIDTH = 250;
const BAR = 16;
const GAP = 14;
const TOP = 70;
const LINE = 16;
const LABEL_CHARS = 30;
const FONT = "PT Sans";

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Splits a label into at most two lines of about LABEL_CHARS characters, at spaces. */
function wrap(label: string): string[] {
  if (label.length <= LABEL_CHARS) return [label];
  const cut = label.lastIndexOf(" ", LABEL_CHARS);
  const at = cut > 0 ? cut : LABEL_CHARS;
  const rest = label.slice(at).trim();
  return [label.slice(0, at), rest.length > LABEL_CHARS ? `${rest.slice(0, LABEL_CHARS - 1)}…` : rest];
}

export function barChartSvg(chart: BarChart): string {
  const plot = WIDTH - LABEL_WIDTH - 60;
  const rowHeight = Math.max(chart.series.length * BAR + GAP, 2 * LINE + GAP);
  const height = TOP + Math.max(1, chart.rows.length) * rowHeight + 40;
  const x = (value: number) => LABEL_WIDTH + (plot * Math.max(0, Math.min(value, chart.max))) / chart.max;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="${FONT}">`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    `<text x="20" y="30" font-size="20" font-weight="bold" fill="#222">${escapeXml(chart.title)}</text>`,
  ];
  chart.series.forEach((series, i) => {
    const left = 20 + i * 260;
    parts.push(
      `<rect x="${left}" y="44" width="14" height="14" fill="${series.color}"/>`,
      `<text x="${left + 20}" y="56" font-size="14" fill="#333">${escapeXml(series.label)}</text>`,
    );
  });
  if (chart.rows.length === 0) {
    parts.push(`<text x="${WIDTH / 2}" y="${TOP + 30}" font-size="16" fill="#555" text-anchor="middle">${escapeXml(chart.empty)}</text>`);
  }
  for (let tick = 0; tick <= chart.max; tick++) {
    const at = x(tick);
    parts.push(
      `<line x1="${at}" y1="${TOP - 6}" x2="${at}" y2="${height - 30}" stroke="#e3e3e3"/>`,
      `<text x="${at}" y="${height - 12}" font-size="12" fill="#666" text-anchor="middle">${tick}</text>`,
    );
  }
  chart.rows.forEach((row, r) => {
    const top = TOP + r * rowHeight;
    const lines = wrap(row.label);
    lines.forEach(
      (line, l) =>
        void parts.push(
          `<text x="${LABEL_WIDTH - 10}" y="${top + 13 + l * LINE}" font-size="14" fill="#222" text-anchor="end">${escapeXml(line)}</text>`,
        ),
    );
    if (row.note)
      parts.push(
        `<text x="${LABEL_WIDTH - 10}" y="${top + 13 + lines.length * LINE}" font-size="11" fill="#777" text-anchor="end">${escapeXml(row.note)}</text>`,
      );
    row.values.forEach((value, i) => {
      const y = top + i * BAR;
      const color = chart.series[i]?.color ?? "#999";
      parts.push(
        `<rect x="${LABEL_WIDTH}" y="${y}" width="${x(value) - LABEL_WIDTH}" height="${BAR - 3}" fill="${color}"/>`,
        `<text x="${x(value) + 5}" y="${y + BAR - 5}" font-size="12" fill="#333">${escapeXml(chart.format(value))}</text>`,
      );
    });
  });
  parts.push("</svg>");
  return parts.join("");
}
