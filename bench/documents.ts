/**
 * Documents rendered while the bot works: the PDFs are made in the renderer's worker thread,
 * so the bot's event loop should stay as responsive as without them. Used by bench/run.ts,
 * which runs the membership mix once with rendering going on beside it.
 */
import { monitorEventLoopDelay, type IntervalHistogram } from "node:perf_hooks";
import { renderProtocolPdf, type DocumentApp } from "../src/bot/protocol-document.js";
import { loadTranslations } from "../src/bot/i18n.js";
import { sharedRenderer } from "../src/documents/render/index.js";
import { reportChartSvg } from "../src/bot/features/report.js";
import { reportPdfDefinition } from "../src/bot/report/pdf.js";
import { serviceNames } from "../src/bot/report/text.js";
import { speechIn } from "../src/bot/speech.js";
import { buildReport, yearPeriod } from "../src/domain/report.js";
import { servicesOf } from "../src/domain/services.js";
import { protocolId, type GroupId } from "../src/domain/types.js";
import type { Locale } from "../src/i18n/locales.js";
import { BOT_INFO } from "../tests/helpers/fake-telegram.js";
import { Harness } from "../tests/helpers/harness.js";
import { finalProtocol } from "../tests/helpers/protocols.js";

/** One document to render; returns its bytes. */
export type DocumentJob = () => Promise<Uint8Array | undefined>;

export interface DocumentFixture {
  /** What one rendering makes, by kind: the signed protocol (2 pages) and the year's report, in each language. */
  kinds: { name: string; render: DocumentJob }[];
  close(): void;
}

/**
 * A signed protocol made by the bot end to end (the test fixture), and the jobs that render it
 * and the group's report for the year, with its chart, as /report does.
 */
export async function documentFixture(): Promise<DocumentFixture> {
  const h = new Harness();
  const { protocol, group } = await finalProtocol(h, "ky");
  const app: DocumentApp = { db: h.db, t: loadTranslations("ky"), botUsername: BOT_INFO.username, renderer: sharedRenderer() };
  const id = protocolId(protocol);
  return {
    kinds: [
      { name: "protocol ky", render: () => renderProtocolPdf(app, id, "ky") },
      { name: "protocol ru", render: () => renderProtocolPdf(app, id, "ru") },
      { name: "report ky", render: () => renderReport(app, group.id, group.municipality.in("ky"), "ky", h.clock.now()) },
      { name: "report ru", render: () => renderReport(app, group.id, group.municipality.in("ru"), "ru", h.clock.now()) },
    ],
    close: () => h.close(),
  };
}

/** The year's report as /report renders it: figures, chart and PDF. */
function renderReport(app: DocumentApp, group: GroupId, municipality: string, locale: Locale, now: Date): Promise<Uint8Array> {
  const s = speechIn(app, locale);
  const report = buildReport(app.db, group, yearPeriod(now.getUTCFullYear()), now);
  const names = serviceNames(s, servicesOf(app.db, group, { withRetired: true }));
  return app.renderer.renderPdf(reportPdfDefinition(s, municipality, report, names, reportChartSvg(s, report, names)));
}

export interface DocumentLoad {
  documents: number;
  bytes: number;
  wallMs: number;
}

/** Renders `count` documents, cycling through the kinds, `inFlight` at a time (as many people asking at once). */
export async function renderDocuments(fixture: DocumentFixture, count: number, inFlight = 4): Promise<DocumentLoad> {
  let next = 0;
  let bytes = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      const kind = fixture.kinds[next++ % fixture.kinds.length]!;
      bytes += (await kind.render())?.length ?? 0;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return { documents: count, bytes, wallMs: performance.now() - started };
}

/** The event loop's delay, sampled every millisecond, over what runs between start and stop. */
export class LoopDelay {
  private readonly histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: 1 });

  start(): void {
    this.histogram.reset();
    this.histogram.enable();
  }

  stop(): { p50: number; p99: number; max: number } {
    this.histogram.disable();
    const ms = (ns: number) => ns / 1e6;
    return { p50: ms(this.histogram.percentile(50)), p99: ms(this.histogram.percentile(99)), max: ms(this.histogram.max) };
  }
}
