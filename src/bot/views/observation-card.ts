import type { ObservationDraft } from "../../domain/observations.js";
import type { Service } from "../../domain/types.js";
import { quarterRoman } from "../../domain/quarters.js";
import { formatDate } from "../../i18n/dates.js";
import type { Locale } from "../../i18n/locales.js";
import type { T } from "../notify.js";

type Named = Pick<Service, "key" | "nameKy" | "nameRu">;

/** A service's name in a language: the leader's own name for it, else the seeded one. */
export function serviceName(t: T, locale: Locale, service: Named): string {
  const own = locale === "ky" ? (service.nameKy ?? service.nameRu) : (service.nameRu ?? service.nameKy);
  return own ?? t(`service-${service.key ?? "unknown"}`);
}

/** A score or an average, with the decimal sign of the language. */
export function formatScore(locale: Locale, value: number): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
}

/** "2026-Q4" in words: «IV квартал 2026 г.», «2026-жылдын IV кварталы». */
export function quarterName(t: T, quarter: string): string {
  return t("obs-quarter", { year: quarter.split("-Q")[0] ?? "", roman: quarterRoman(quarter) });
}

export interface CardFacts {
  draft: Omit<ObservationDraft, "serviceId">;
  service: string;
  author?: string;
  withdrawn?: boolean;
  locked?: boolean;
}

/** An observation in full, as the summary before saving and as the record shows it. */
export function observationCard(t: T, locale: Locale, facts: CardFacts): string {
  const d = facts.draft;
  const location =
    d.latitude !== null && d.longitude !== null ? t("obs-card-location", { lat: d.latitude.toFixed(5), lon: d.longitude.toFixed(5) }) : "";
  const lines = [
    facts.withdrawn ? t("obs-card-withdrawn") : "",
    facts.locked ? t("obs-card-locked") : "",
    t("obs-card-service", { service: facts.service }),
    t("obs-card-date", { date: formatDate(locale, d.observedOn) }),
    d.place !== null ? t("obs-card-place", { place: d.place }) : "",
    location,
    t("obs-card-quality", { score: d.quality }),
    t("obs-card-compliance", { value: t(`obs-compliance-${d.compliance}`) }),
    t("obs-card-resources", { score: d.resources }),
    t("obs-card-finding", { finding: d.findingVoice === null ? d.finding : t("obs-finding-voice") }),
    t("obs-card-photos", { count: d.photos.length }),
    facts.author ? t("obs-card-author", { name: facts.author }) : "",
  ];
  return lines.filter((line) => line !== "").join("\n");
}

/** An observation in one line of a list: «1. 20 ноября 2026 г. — Питьевая вода: качество 3, …». */
export function observationLine(
  t: T,
  locale: Locale,
  o: Omit<ObservationDraft, "serviceId"> & { authorName: string },
  service: string,
  n: number,
): string {
  return t("obs-list-line", {
    n,
    date: formatDate(locale, o.observedOn),
    service,
    quality: o.quality,
    resources: o.resources,
    compliance: t(`obs-compliance-${o.compliance}`),
    author: o.authorName,
  });
}
