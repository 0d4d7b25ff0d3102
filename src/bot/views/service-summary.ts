import { currentQuarter } from "../../domain/calendar.js";
import { serviceSummary } from "../../domain/observations.js";
import { servicesOf } from "../../domain/services.js";
import { COMPLIANCE, type Group } from "../../domain/types.js";
import type { Locale } from "../../i18n/locales.js";
import type { App } from "../app.js";
import type { T } from "../notify.js";
import { formatScore, quarterName, serviceName } from "./observation-card.js";

/**
 * The quarter's observations per service, for /status: how many, the average scores of
 * delivery and of resources, and the shares of each compliance answer.
 */
export function serviceSummaryLines(app: App, t: T, locale: Locale, group: Group, now: Date): string[] {
  const quarter = currentQuarter(now);
  const rows = serviceSummary(app.db, group.id, quarter);
  const title = quarterName(t, quarter);
  if (rows.length === 0) return [t("service-summary-none", { quarter: title })];
  const services = new Map(servicesOf(app.db, group.id, { withRetired: true }).map((s) => [s.id as number, s]));
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  const percent = (n: number, of: number) => Math.round((100 * n) / of);
  return [
    t("service-summary-title", { quarter: title, count: total }),
    ...rows.map((row) => {
      const service = services.get(row.serviceId);
      return t("service-summary-line", {
        service: service ? serviceName(t, locale, service) : "",
        count: row.count,
        quality: formatScore(locale, row.averageQuality),
        resources: formatScore(locale, row.averageResources),
        compliance: COMPLIANCE.filter((c) => row.compliance[c] > 0)
          .map((c) => t("service-summary-share", { answer: t(`obs-compliance-${c}`), percent: percent(row.compliance[c], row.count) }))
          .join(", "),
      });
    }),
  ];
}
