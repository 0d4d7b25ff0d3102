import type { Observation } from "../../domain/observations.js";
import { isOverdue, type Recommendation, type RecommendationEvent } from "../../domain/recommendations.js";
import type { Service } from "../../domain/types.js";
import { serviceName } from "../views/observation-card.js";
import { addressee } from "../views/protocol-text.js";
import { recommendationNumber } from "../views/recommendation-text.js";
import type { Speech } from "../speech.js";

/** A calendar date ("YYYY-MM-DD") kept apart from text, so each format writes it as a date. */
export interface Day {
  day: string;
}

export type Cell = string | number | Day | null;

/** One sheet of an export: its name, the header row in the asker's language, and the rows. */
export interface Table {
  name: string;
  headers: string[];
  rows: Cell[][];
}

export const isDay = (cell: Cell): cell is Day => typeof cell === "object" && cell !== null;

export function observationTable(s: Speech, list: readonly Observation[], services: ReadonlyMap<number, Service>): Table {
  const { t, locale } = s;
  const service = (id: number) => {
    const found = services.get(id);
    return found ? serviceName(t, locale, found) : "";
  };
  return {
    name: t("export-sheet-observations"),
    headers: (
      ["id", "date", "service", "place", "latitude", "longitude", "quality", "compliance", "resources", "finding", "author"] as const
    ).map((c) => t(`export-obs-${c}`)),
    rows: list.map((o) => [
      o.id,
      { day: o.observedOn },
      service(o.serviceId),
      o.place,
      o.latitude,
      o.longitude,
      o.quality,
      t(`obs-compliance-${o.compliance}`),
      o.resources,
      o.finding,
      o.authorName,
    ]),
  };
}

export function recommendationTable(
  s: Speech,
  list: readonly { r: Recommendation; last: RecommendationEvent | undefined }[],
  today: string,
): Table {
  const { t } = s;
  return {
    name: t("export-sheet-recommendations"),
    headers: (["number", "text", "addressee", "due", "status", "overdue", "answer", "changed"] as const).map((c) => t(`export-rec-${c}`)),
    rows: list.map(({ r, last }) => [
      recommendationNumber(r),
      r.text,
      addressee(s, r),
      { day: r.dueOn },
      t(`rec-status-${r.status}`),
      t(isOverdue(r, today) ? "export-yes" : "export-no"),
      last?.note ?? null,
      last ? { day: last.at.toISOString().slice(0, 10) } : null,
    ]),
  };
}
