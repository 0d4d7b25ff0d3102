import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { TIME_ZONE } from "./rules.js";

/** The calendar date ("YYYY-MM-DD") of an instant in the municipality's time zone. */
export function localDate(instant: Date): string {
  return format(new TZDate(instant, TIME_ZONE), "yyyy-MM-dd");
}

/**
 * Reads a date as people type it: "31.12.2026", "31.12.26", "31/12/2026" or "2026-12-31".
 * Returns "YYYY-MM-DD" or undefined when it is not a real calendar date.
 */
export function parseDate(input: string): string | undefined {
  const text = input.trim();
  let day: number, month: number, year: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const local = /^(\d{1,2})[./](\d{1,2})[./](\d{2}|\d{4})$/.exec(text);
  if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else if (local) {
    [day, month, year] = [Number(local[1]), Number(local[2]), Number(local[3])];
    if (year < 100) year += 2000;
  } else {
    return undefined;
  }
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return undefined;
  }
  return date.toISOString().slice(0, 10);
}
