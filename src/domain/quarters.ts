import { TZDate } from "@date-fns/tz";
import { getDay } from "date-fns";
import { currentQuarter, shiftDays } from "./calendar.js";
import { TIME_ZONE } from "./rules.js";

/** A calendar quarter, like "2026-Q4" (Asia/Bishkek). */
export type Quarter = `${number}-Q${1 | 2 | 3 | 4}`;

/** The quarter an instant falls in, in Bishkek. */
export function quarterAt(instant: Date): Quarter {
  return currentQuarter(instant) as Quarter;
}

/** First and last calendar day of a quarter. */
export function quarterDays(quarter: Quarter): { first: string; last: string } {
  const [year, q] = quarter.split("-Q").map(Number) as [number, number];
  const firstMonth = (q - 1) * 3 + 1;
  const lastDay = new Date(Date.UTC(year, firstMonth + 2, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, "0");
  return { first: `${year}-${pad(firstMonth)}-01`, last: `${year}-${pad(firstMonth + 2)}-${pad(lastDay)}` };
}

/** The quarter's number as official documents write it: «IV». */
export function quarterRoman(quarter: string): string {
  return ["I", "II", "III", "IV"][Number(quarter.split("-Q")[1]) - 1] ?? "";
}

export function nextQuarter(quarter: Quarter): Quarter {
  const [year, q] = quarter.split("-Q").map(Number) as [number, number];
  return q === 4 ? `${year + 1}-Q1` : `${year}-Q${(q + 1) as 1 | 2 | 3 | 4}`;
}

/** Kyrgyzstan's fixed-date public holidays (month-day); the movable Ait days are not listed. */
const HOLIDAYS = new Set([
  "01-01",
  "01-07",
  "02-23",
  "03-08",
  "03-21",
  "03-22",
  "04-07",
  "05-01",
  "05-05",
  "05-09",
  "08-31",
  "11-07",
  "11-08",
]);

export function isWorkingDay(date: string): boolean {
  const weekday = getDay(new Date(`${date}T12:00:00Z`));
  return weekday !== 0 && weekday !== 6 && !HOLIDAYS.has(date.slice(5));
}

export function firstWorkingDay(quarter: Quarter): string {
  let day = quarterDays(quarter).first;
  while (!isWorkingDay(day)) day = shiftDays(day, 1);
  return day;
}

/** Time-zone arithmetic is slow and the scheduler asks about the same few days all the time. */
const instants = new Map<string, number>();
const REMEMBERED_INSTANTS = 10_000;

/** The instant of a local wall-clock time in Bishkek, e.g. ("2026-10-01", 10) → 04:00 UTC. */
export function atLocalTime(date: string, hour: number, minute = 0): Date {
  const key = `${date}T${hour}:${minute}`;
  let instant = instants.get(key);
  if (instant === undefined) {
    const [year, month, day] = date.split("-").map(Number) as [number, number, number];
    instant = new TZDate(year, month - 1, day, hour, minute, TIME_ZONE).getTime();
    if (instants.size >= REMEMBERED_INSTANTS) instants.clear();
    instants.set(key, instant);
  }
  return new Date(instant);
}

/** The local hour (0–23) of an instant in Bishkek. */
export function localHour(instant: Date): number {
  return new TZDate(instant, TIME_ZONE).getHours();
}
