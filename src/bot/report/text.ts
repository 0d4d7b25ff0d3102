import type { Period, Report } from "../../domain/report.js";
import type { Service } from "../../domain/types.js";
import { formatDate } from "../../i18n/dates.js";
import { formatScore, quarterName, serviceName } from "../views/observation-card.js";
import { recommendationListLine } from "../views/recommendation-text.js";
import type { Speech } from "../speech.js";

/** «IV квартал 2026 г.» or «2026 год», in each language. */
export function periodName({ t }: Speech, period: Period): string {
  return period.kind === "quarter" ? quarterName(t, period.key) : t("report-period-year", { year: String(period.year) });
}

/** A service's name, or nothing for one no longer in the list. */
export type ServiceNames = (id: number) => string;

export function serviceNames(s: Speech, services: readonly Service[]): ServiceNames {
  const byId = new Map(services.map((service) => [service.id as number, service]));
  return (id) => {
    const service = byId.get(id);
    return service ? serviceName(s.t, s.locale, service) : "";
  };
}

/** The message names this many overdue recommendations; the PDF names them all. */
const OVERDUE_NAMED = 10;

const score = (s: Speech, value: number | null) => (value === null ? "—" : formatScore(s.locale, value));

/** The report's key figures in a short message; the full tables go in the PDF. One function per section. */
const SECTIONS: readonly ((s: Speech, r: Report) => string[])[] = [
  (s, r) => {
    const o = r.observations;
    if (o.total === 0) return [s.t("report-no-observations")];
    return [
      s.t("report-observations", {
        count: o.total,
        services: o.services.length,
        quality: score(s, o.averageQuality),
        resources: score(s, o.averageResources),
      }),
      s.t("report-compliance", { ...o.compliance }),
    ];
  },
  (s, r) => [s.t("report-meetings", { held: r.meetings.held.length, met: r.meetings.quartersMet, quarters: r.meetings.quarters })],
  (s, r) => {
    const final = r.protocols.filter((p) => p.status === "final").length;
    return [s.t("report-protocols", { total: r.protocols.length, final, open: r.protocols.length - final })];
  },
  (s, r) => {
    const { total, byStatus, overdue } = r.recommendations;
    const counts = {
      sent: byStatus.sent,
      accepted: byStatus.accepted,
      progress: byStatus["in-progress"],
      done: byStatus.done,
      rejected: byStatus.rejected,
    };
    const named = overdue.slice(0, OVERDUE_NAMED).map((rec) => `• ${recommendationListLine(s, rec, r.asOf)}`);
    const rest = overdue.length - named.length;
    return [
      s.t("report-recommendations", { total, ...counts, overdue: overdue.length }),
      ...(named.length > 0 ? [s.t("report-overdue-title"), ...named] : []),
      ...(rest > 0 ? [s.t("report-overdue-more", { count: rest })] : []),
    ];
  },
  (s, r) => {
    const c = r.composition;
    return [
      s.t("report-composition", { joined: c.joined.length, left: c.left.length, members: c.membersAtEnd }),
      ...(c.leaders.length > 0 ? [s.t("report-leaders", { names: c.leaders.join(", ") })] : []),
    ];
  },
];

export function reportMessage(s: Speech, municipality: string, r: Report): string {
  const head = [
    s.t("report-title", { municipality, period: periodName(s, r.period) }),
    s.t("report-dates", {
      from: formatDate(s.locale, r.period.first),
      to: formatDate(s.locale, r.period.last),
      asOf: formatDate(s.locale, r.asOf),
    }),
    "",
  ];
  if (r.empty)
    return [
      ...head,
      s.t("report-empty"),
      s.t("report-meetings", { held: 0, met: r.meetings.quartersMet, quarters: r.meetings.quarters }),
    ].join("\n");
  return [...head, ...SECTIONS.flatMap((section) => section(s, r)), "", s.t("report-pdf-note")].join("\n");
}
