import type { Content, TableCell } from "pdfmake/interfaces.js";
import type { PdfDefinition } from "../../documents/render/index.js";
import type { Report } from "../../domain/report.js";
import { COMPLIANCE } from "../../domain/types.js";
import { formatDate, formatDateTime } from "../../i18n/dates.js";
import { formatScore } from "../views/observation-card.js";
import { addressee, protocolNumber } from "../views/protocol-text.js";
import { recommendationNumber } from "../views/recommendation-text.js";
import type { Speech } from "../speech.js";
import { periodName, type ServiceNames } from "./text.js";

const header = (cells: string[]): TableCell[] => cells.map((text) => ({ text, style: "th" }));

/** A table with a repeated header row, or a line saying there is nothing. */
function table(s: Speech, headers: string[], rows: (string | number | TableCell)[][], widths: (string | number)[]): Content {
  if (rows.length === 0) return { text: s.t("report-pdf-none"), style: "none" };
  return {
    table: {
      headerRows: 1,
      widths,
      body: [header(headers), ...rows.map((row) => row.map((cell) => (typeof cell === "object" ? cell : String(cell))))],
    },
    layout: "lightHorizontalLines",
    style: "table",
  };
}

/** A date kept on one line: pdfmake would break «2026-жылдын 1-ноябры» after a hyphen. */
const day = (text: string): TableCell => ({ text, noWrap: true });

const section = (title: string, ...body: Content[]): Content[] => [{ text: title, style: "h2" }, ...body];

/**
 * The report as a pdfmake document: the key figures, the chart, and the full tables. A pure
 * function of the report, so the same figures give the same bytes (the date is the report's).
 */
export function reportPdfDefinition(s: Speech, municipality: string, r: Report, names: ServiceNames, chartSvg: string): PdfDefinition {
  const { t, locale } = s;
  const score = (value: number) => formatScore(locale, value);
  const o = r.observations;
  const rec = r.recommendations;
  const c = r.composition;
  const final = r.protocols.filter((p) => p.status === "final").length;
  const content: Content[] = [
    { text: municipality, style: "caption" },
    { text: t("report-pdf-title", { period: periodName(s, r.period) }), style: "h1" },
    {
      text: t("report-dates", {
        from: formatDate(locale, r.period.first),
        to: formatDate(locale, r.period.last),
        asOf: formatDate(locale, r.asOf),
      }),
      style: "caption",
    },
    r.empty ? { text: t("report-empty"), margin: [0, 12, 0, 0] } : "",
    ...section(
      t("report-pdf-observations"),
      o.total === 0
        ? { text: t("report-no-observations") }
        : {
            stack: [
              t("report-observations", {
                count: o.total,
                services: o.services.length,
                quality: score(o.averageQuality ?? 0),
                resources: score(o.averageResources ?? 0),
              }),
              t("report-compliance", { ...o.compliance }),
            ],
          },
      ...(o.total === 0 ? [] : [{ svg: chartSvg, width: 500, margin: [0, 8, 0, 8] } as Content]),
      table(
        s,
        [
          t("report-pdf-service"),
          t("report-pdf-count"),
          t("report-pdf-quality"),
          t("report-pdf-resources"),
          ...COMPLIANCE.map((v) => t(`obs-compliance-${v}`)),
        ],
        o.services.map((f) => [
          names(f.serviceId),
          f.count,
          score(f.averageQuality),
          score(f.averageResources),
          ...COMPLIANCE.map((v) => f.compliance[v]),
        ]),
        ["*", "auto", "auto", "auto", "auto", "auto", "auto", "auto"],
      ),
    ),
    ...section(
      t("report-pdf-meetings"),
      { text: t("report-meetings", { held: r.meetings.held.length, met: r.meetings.quartersMet, quarters: r.meetings.quarters }) },
      table(
        s,
        [t("report-pdf-when"), t("report-pdf-place"), t("report-pdf-present")],
        r.meetings.held.map((m) => [day(formatDateTime(locale, m.startsAt)), m.place, m.present]),
        ["auto", "*", "auto"],
      ),
    ),
    ...section(
      t("report-pdf-protocols"),
      { text: t("report-protocols", { total: r.protocols.length, final, open: r.protocols.length - final }) },
      table(
        s,
        [t("report-pdf-number"), t("report-pdf-date"), t("report-pdf-status")],
        r.protocols.map((p) => [protocolNumber(p), day(formatDate(locale, p.heldOn)), t(`protocol-status-${p.status}`)]),
        ["auto", "auto", "*"],
      ),
    ),
    ...section(
      t("report-pdf-recommendations"),
      {
        text: t("report-recommendations", {
          total: rec.total,
          sent: rec.byStatus.sent,
          accepted: rec.byStatus.accepted,
          progress: rec.byStatus["in-progress"],
          done: rec.byStatus.done,
          rejected: rec.byStatus.rejected,
          overdue: rec.overdue.length,
        }),
      },
      table(
        s,
        [t("report-pdf-number"), t("report-pdf-recommendation"), t("report-pdf-addressee"), t("report-pdf-due"), t("report-pdf-status")],
        rec.all.map((x) => [
          day(recommendationNumber(x)),
          x.text,
          addressee(s, x),
          day(formatDate(locale, x.dueOn)),
          `${t(`rec-status-${x.status}`)}${rec.overdue.includes(x) ? ` — ${t("report-pdf-overdue")}` : ""}`,
        ]),
        ["auto", "*", "auto", "auto", "auto"],
      ),
    ),
    ...section(
      t("report-pdf-composition"),
      { text: t("report-composition", { joined: c.joined.length, left: c.left.length, members: c.membersAtEnd }) },
      c.joined.length > 0 ? { text: t("report-pdf-joined", { names: c.joined.join(", ") }) } : "",
      c.left.length > 0 ? { text: t("report-pdf-left", { names: c.left.join(", ") }) } : "",
      c.leaders.length > 0 ? { text: t("report-leaders", { names: c.leaders.join(", ") }) } : "",
    ),
  ];
  return {
    info: { title: t("report-pdf-title", { period: periodName(s, r.period) }), creationDate: new Date(`${r.asOf}T00:00:00Z`) },
    pageSize: "A4",
    pageMargins: [50, 50, 50, 50],
    defaultStyle: { font: "PTSerif", fontSize: 10, lineHeight: 1.2 },
    styles: {
      h1: { fontSize: 16, bold: true, margin: [0, 4, 0, 4] },
      h2: { fontSize: 13, bold: true, margin: [0, 14, 0, 4] },
      caption: { fontSize: 10, color: "#444" },
      table: { font: "PTSans", fontSize: 9, margin: [0, 6, 0, 0] },
      th: { bold: true },
      none: { italics: true, color: "#555", margin: [0, 4, 0, 0] },
    },
    content,
    footerTemplate: {
      text: `${municipality} · ${periodName(s, r.period)} · {{page}} / {{pages}}`,
      alignment: "center",
      fontSize: 8,
      font: "PTSans",
      color: "#666",
    },
  };
}
