import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { TIME_ZONE } from "./rules.js";

let lastMinute = Number.NaN;
let lastDate = "";

/** The calendar date ("YYYY-MM-DD") of an instant in the municipality's time zone. */
export function localDate(instant: Date): string {
  // Time-zone arithmetic is slow, and most calls ask about the same minute (the time in hand).
  const minute = Math.floor(instant.getTime() / 60_000);
  if (minute !== lastMinute) {
    lastMinute = minute;
    lastDate = format(new TZDate(instant, TIME_ZONE), "yyyy-MM-dd");
  }
  return lastDate;
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
 * Reads a meeting's date and time as people type them: "25.12 15:00" (the next 25 December),
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
  const date = day ? parseFutureDate(day, today) : today;
  if (!date) return { ok: false, reason: "unreadable" };
  const at = localInstant(date, hours, minutes);
  return at.getTime() <= now.getTime() ? { ok: false, reason: "past" } : { ok: true, at };
}

/** The time of day ("15:00") of an instant in the municipality. */
export function localTime(instant: Date): string {
  return format(new TZDate(instant, TIME_ZONE), "HH:mm");
}

/** The calendar quarter of a date, as "2026-Q4". */
export function quarterOf(day: string): string {
  const month = Number(day.slice(5, 7));
  return `${day.slice(0, 4)}-Q${Math.ceil(month / 3)}`;
}

/** A date moved by whole days (negative: back). */
export function shiftDays(day: string, days: number): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

/** The same day some years back (29 February becomes 28 February). */
export function yearsBefore(day: string, years: number): string {
  const year = Number(day.slice(0, 4)) - years;
  return parseDate(`${year}${day.slice(4)}`) ?? `${year}${day.slice(4, 8)}28`;
}

/**
 * A past date as people type it: a full date, or just day and month ("25.11"), which means the
 * latest such day not after today.
 */
export function parsePastDate(input: string, today: string): string | undefined {
  const short = /^(\d{1,2})[./](\d{1,2})$/.exec(input.trim());
  if (!short) return parseDate(input);
  const thisYear = Number(today.slice(0, 4));
  const candidate = parseDate(`${short[1]}.${short[2]}.${thisYear}`);
  if (candidate === undefined || candidate <= today) return candidate;
  return parseDate(`${short[1]}.${short[2]}.${thisYear - 1}`);
}

/**
 * A date where the future is expected (a due date, a term's end, a meeting): a full date as
 * typed, or just day and month ("15.01"), which means the next such day from today on.
 */
export function parseFutureDate(input: string, today: string): string | undefined {
  const short = /^(\d{1,2})[./](\d{1,2})$/.exec(input.trim());
  if (!short) return parseDate(input);
  const thisYear = Number(today.slice(0, 4));
  // 29 February comes back within eight years.
  for (let year = thisYear; year <= thisYear + 8; year++) {
    const candidate = parseDate(`${short[1]}.${short[2]}.${year}`);
    if (candidate !== undefined && candidate >= today) return candidate;
    if (candidate === undefined && (Number(short[2]) !== 2 || Number(short[1]) !== 29)) return undefined;
  }
  return undefined;
}

/** The calendar quarter an instant falls in, in the municipality's time zone. */
export function currentQuarter(now: Date): string {
  return quarterOf(localDate(now));
}
