import { isOverdue, type Recommendation, type RecommendationEvent } from "../../domain/recommendations.js";
import { formatDate, formatDateTime } from "../../i18n/dates.js";
import { addressee, protocolNumber } from "./protocol-text.js";
import type { Speech } from "../speech.js";

/** «3/2026-2»: the protocol's number and the recommendation's place in it. */
export const recommendationNumber = (r: Recommendation) =>
  `${protocolNumber({ number: r.protocolNumber, year: r.protocolYear })}-${r.position + 1}`;

/** One line of a list: number, text, addressee, due date, status, and the overdue mark. */
export function recommendationListLine(s: Speech, r: Recommendation, today: string): string {
  return s.t(isOverdue(r, today) ? "rec-line-overdue" : "rec-line", {
    number: recommendationNumber(r),
    text: r.text,
    addressee: addressee(s, r),
    due: formatDate(s.locale, r.dueOn),
    status: s.t(`rec-status-${r.status}`),
  });
}

/** A recommendation in full, with its history of answers. */
export function recommendationCard(s: Speech, r: Recommendation, history: readonly RecommendationEvent[], today: string): string {
  const { t, locale } = s;
  const events = history.map((e) =>
    t(e.note ? "rec-history-line-note" : "rec-history-line", {
      when: formatDateTime(locale, e.at),
      by: e.by,
      status: t(`rec-status-${e.to}`),
      note: e.note ?? "",
    }),
  );
  return [
    t("rec-card-title", { number: recommendationNumber(r) }),
    r.text,
    t("rec-card-addressee", { addressee: addressee(s, r) }),
    t("rec-card-due", { due: formatDate(locale, r.dueOn) }),
    t("rec-card-status", { status: t(`rec-status-${r.status}`) }),
    isOverdue(r, today) ? t("rec-card-overdue") : "",
    events.length > 0 ? `\n${t("rec-card-history")}\n${events.join("\n")}` : "",
  ]
    .filter((line) => line !== "")
    .join("\n");
}

/** At most this many overdue recommendations are named in /status; the rest are counted. */
const STATUS_OVERDUE_SHOWN = 5;

/** The overdue recommendations, named, for /status (nothing when there are none). */
export function overdueStatusLines(s: Speech, overdue: readonly Recommendation[], today: string): string[] {
  if (overdue.length === 0) return [];
  const shown = overdue.slice(0, STATUS_OVERDUE_SHOWN).map((r) => `• ${recommendationListLine(s, r, today)}`);
  const rest = overdue.length - shown.length;
  return [s.t("status-overdue-title", { count: overdue.length }), ...shown, rest > 0 ? s.t("status-overdue-more", { count: rest }) : ""];
}
