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

export type MeetingTimeResult = { ok: true; at: Date } | { ok: false; reason: "unreadable" | "past" };

/** An instant from a local date ("YYYY-MM-DD") and a time of day in the municipality. */
export function localInstant(date: string, hours: number, minutes: number): Date {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return new Date(new TZDate(year, month - 1, day, hours, minutes, TIME_ZONE).getTime());
}

/**
 * Reads a meeting's date and time as people type them: "25.12 15:00" (this year),
 * "25.12.2026 15:00", or "15:00" for today; Asia/Bishkek time, not in the past.
 */
export function parseMeetingTime(input: string, now: Date): MeetingTimeResult {
  const match = /^(?:(\d{1,2}[./]\d{1,2}(?:[./](?:\d{2}|\d{4}))?)\s+)?(\d{1,2})[:.](\d{2})$/.exec(input.trim().replace(/\s+/g, " "));
  if (!match) return { ok: false, reason: "unreadable" };
  const [, day, hh, mm] = match;
  const hours = Number(hh);
  const minutes = Number(mm);
  if (hours > 23 || minutes > 59) return { ok: false, reason: "unreadable" };
  const today = localDate(now);
  const withYear = day && !/^\d{1,2}[./]\d{1,2}[./]/.test(day) ? `${day}.${today.slice(0, 4)}` : day;
  const date = withYear ? parseDate(withYear) : today;
  if (!date) return { ok: false, reason: "unreadable" };
  const at = localInstant(date, hours, minutes);
  return at.getTime() <= now.getTime() ? { ok: false, reason: "past" } : { ok: true, at };
}

/** The calendar quarter ("2026-Q4") a local date belongs to. */
export function quarterOf(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The time of day ("15:00") of an instant in the municipality. */
export function localTime(instant: Date): string {
  return format(new TZDate(instant, TIME_ZONE), "HH:mm");
}
