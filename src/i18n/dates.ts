import { localDate, localTime } from "../domain/calendar.js";
import type { Locale } from "../domain/locale.js";

/** Kyrgyz month names in the possessive form official documents use: «28-марты». */
const KY_MONTHS = ["январы", "февралы", "марты", "апрели", "майы", "июну", "июлу", "августу", "сентябры", "октябры", "ноябры", "декабры"];

const RU_FORMAT = new Intl.DateTimeFormat("ru", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/**
 * A calendar date ("YYYY-MM-DD") in the official style of each language:
 * «2019-жылдын 28-марты» in Kyrgyz, «28 марта 2019 г.» in Russian.
 */
export function formatDate(locale: Locale, date: string): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  if (locale === "ky") return `${year}-жылдын ${day}-${KY_MONTHS[month - 1]}`;
  return RU_FORMAT.format(new Date(Date.UTC(year, month - 1, day)));
}

/**
 * A date and time of day in the municipality, as officials write it: «2026-жылдын 25-декабры,
 * саат 15:00», «25 декабря 2026 г. в 15:00». Kyrgyz sentences put it where it needs no case
 * ending (after a colon or in brackets).
 */
export function formatDateTime(locale: Locale, instant: Date): string {
  const date = formatDate(locale, localDate(instant));
  return locale === "ky" ? `${date}, саат ${localTime(instant)}` : `${date} в ${localTime(instant)}`;
}
