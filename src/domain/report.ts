import { and, asc, eq, gte, isNull, lt, lte, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { attendance, leaderAppointments, meetings, members, protocols } from "../db/schema.js";
import { localDate, localInstant, shiftDays } from "./calendar.js";
import type { ProtocolStatus } from "./protocol-status.js";
import { serviceSummary, type ServiceFigures } from "./observations.js";
import { quarterDays, type Quarter } from "./quarters.js";
import {
  isOverdue,
  RECOMMENDATION_STATUSES,
  type Recommendation,
  type RecommendationStatus,
  groupRecommendations,
} from "./recommendations.js";
import { COMPLIANCE, serviceId as toServiceId, type Compliance, type GroupId } from "./types.js";

/**
 * The group's report for a period (PRODUCT.md §6): the figures only, computed from the records,
 * for a message, a chart and a PDF to show. Each section is its own function, so a new one
 * (plans, assignments…) is one more field and one more function.
 */

/** A calendar quarter or a whole year (Asia/Bishkek), with its first and last day. */
export interface Period {
  kind: "quarter" | "year";
  year: number;
  /** 1–4 for a quarter. */
  quarter?: number;
  /** "2026-Q3" or "2026": stable, short, fit for callback data. */
  key: string;
  first: string;
  last: string;
}

export type PeriodResult = { ok: true; period: Period } | { ok: false; reason: "unreadable" | "future" };

const FIRST_YEAR = 2000;

export function quarterPeriod(year: number, quarter: number): Period {
  const { first, last } = quarterDays(`${year}-Q${quarter}` as Quarter);
  return { kind: "quarter", year, quarter, key: `${year}-Q${quarter}`, first, last };
}

export function yearPeriod(year: number): Period {
  return { kind: "year", year, key: String(year), first: `${year}-01-01`, last: `${year}-12-31` };
}

/**
 * What people type after /report: nothing (the current quarter), "2026-3" or "2026-Q3" (a
 * quarter), "2026" (a year). A period that has not begun is refused.
 */
export function parsePeriod(input: string, now: Date): PeriodResult {
  const text = input.trim();
  const today = localDate(now);
  let period: Period;
  if (text === "") {
    const month = Number(today.slice(5, 7));
    period = quarterPeriod(Number(today.slice(0, 4)), Math.ceil(month / 3));
  } else {
    const match = /^(\d{4})(?:[-/.\s]+(?:[QqКк])?(\d))?$/.exec(text);
    const year = Number(match?.[1]);
    const quarter = match?.[2] === undefined ? undefined : Number(match[2]);
    if (!match || year < FIRST_YEAR || (quarter !== undefined && (quarter < 1 || quarter > 4))) return { ok: false, reason: "unreadable" };
    period = quarter === undefined ? yearPeriod(year) : quarterPeriod(year, quarter);
  }
  return period.first > today ? { ok: false, reason: "future" } : { ok: true, period };
}

/** The key of callback data back to a period; undefined when it is not one. */
export function periodOfKey(key: string): Period | undefined {
  const match = /^(\d{4})(?:-Q([1-4]))?$/.exec(key);
  if (!match) return undefined;
  return match[2] ? quarterPeriod(Number(match[1]), Number(match[2])) : yearPeriod(Number(match[1]));
}

/** The quarters a period is made of. */
function quartersOf(period: Period): Period[] {
  return period.kind === "quarter" ? [period] : [1, 2, 3, 4].map((q) => quarterPeriod(period.year, q));
}

/** The quarters of a period that have begun by `today`. */
function quartersBegun(period: Period, today: string): Period[] {
  return quartersOf(period).filter((q) => q.first <= today);
}

/** The period as instants: from its first local midnight to the one after its last day. */
function span(period: Period): { from: number; to: number } {
  return { from: localInstant(period.first, 0, 0).getTime(), to: localInstant(shiftDays(period.last, 1), 0, 0).getTime() };
}

export interface ObservationFigures {
  total: number;
  averageQuality: number | null;
  averageResources: number | null;
  compliance: Record<Compliance, number>;
  /** Most observed first. */
  services: ServiceFigures[];
}

export interface HeldMeeting {
  startsAt: Date;
  place: string;
  present: number;
}

export interface MeetingFigures {
  held: HeldMeeting[];
  /** The statute: at least one meeting a quarter. Quarters of the period begun so far, and those with one. */
  quarters: number;
  quartersMet: number;
}

export interface ProtocolFigure {
  number: number;
  year: number;
  heldOn: string;
  status: ProtocolStatus;
}

export interface RecommendationFigures {
  total: number;
  byStatus: Record<RecommendationStatus, number>;
  overdue: Recommendation[];
  /** Every recommendation of the period's final protocols, for the full table. */
  all: Recommendation[];
}

export interface CompositionFigures {
  joined: string[];
  left: string[];
  /** Leaders appointed in the period, by name. */
  leaders: string[];
  /** Active members at the end of the period (or now, for a period not over). */
  membersAtEnd: number;
}

export interface Report {
  group: GroupId;
  period: Period;
  /** The local date the figures were taken on; overdue is judged against it. */
  asOf: string;
  observations: ObservationFigures;
  meetings: MeetingFigures;
  protocols: ProtocolFigure[];
  recommendations: RecommendationFigures;
  composition: CompositionFigures;
  /** Nothing at all happened in the period. */
  empty: boolean;
}

const zeroCompliance = (): Record<Compliance, number> => ({ yes: 0, partly: 0, no: 0, unknown: 0 });

/** Per service over the period's quarters: the quarters' summaries added up, weighted by count. */
export function observationFigures(db: Db, group: GroupId, period: Period): ObservationFigures {
  const sums = new Map<number, { count: number; quality: number; resources: number; compliance: Record<Compliance, number> }>();
  for (const quarter of quartersOf(period)) {
    for (const f of serviceSummary(db, group, quarter.key)) {
      const sum = sums.get(f.serviceId) ?? { count: 0, quality: 0, resources: 0, compliance: zeroCompliance() };
      sum.count += f.count;
      sum.quality += f.averageQuality * f.count;
      sum.resources += f.averageResources * f.count;
      for (const value of COMPLIANCE) sum.compliance[value] += f.compliance[value];
      sums.set(f.serviceId, sum);
    }
  }
  const services = [...sums.entries()]
    .map(([id, sum]) => ({
      serviceId: toServiceId(id),
      count: sum.count,
      averageQuality: sum.quality / sum.count,
      averageResources: sum.resources / sum.count,
      compliance: sum.compliance,
    }))
    .sort((a, b) => b.count - a.count || a.serviceId - b.serviceId);
  const total = services.reduce((n, f) => n + f.count, 0);
  const compliance = zeroCompliance();
  for (const f of services) for (const value of COMPLIANCE) compliance[value] += f.compliance[value];
  const average = (pick: (f: ServiceFigures) => number) =>
    total === 0 ? null : services.reduce((n, f) => n + pick(f) * f.count, 0) / total;
  return {
    total,
    averageQuality: average((f) => f.averageQuality),
    averageResources: average((f) => f.averageResources),
    compliance,
    services,
  };
}

/** Meetings held (not cancelled, begun by now) in the period, and the quarterly rule. */
export function meetingFigures(db: Db, group: GroupId, period: Period, now: Date): MeetingFigures {
  const heldIn = (p: Period) => {
    const { from, to } = span(p);
    return and(
      eq(meetings.groupId, group),
      isNull(meetings.cancelledAt),
      gte(meetings.startsAt, new Date(from)),
      lt(meetings.startsAt, new Date(Math.min(to, now.getTime() + 1))),
    );
  };
  const held = db
    .select({
      startsAt: meetings.startsAt,
      place: meetings.place,
      present: sql<number>`(select count(*) from ${attendance} where ${attendance.meetingId} = ${meetings.id})`,
    })
    .from(meetings)
    .where(heldIn(period))
    .orderBy(asc(meetings.startsAt))
    .all();
  const quarters = quartersBegun(period, localDate(now));
  const met = quarters.filter((q) => db.select({ id: meetings.id }).from(meetings).where(heldIn(q)).limit(1).get() !== undefined);
  return { held, quarters: quarters.length, quartersMet: met.length };
}

/** Protocols of meetings held in the period, in number order. */
export function protocolFigures(db: Db, group: GroupId, period: Period): ProtocolFigure[] {
  return db
    .select({ number: protocols.number, year: protocols.year, heldOn: protocols.heldOn, status: protocols.status })
    .from(protocols)
    .where(and(eq(protocols.groupId, group), gte(protocols.heldOn, period.first), lte(protocols.heldOn, period.last)))
    .orderBy(asc(protocols.year), asc(protocols.number))
    .all();
}

/** The recommendations of the period's final protocols, by status now, the overdue ones named. */
export function recommendationFigures(db: Db, group: GroupId, period: Period, today: string): RecommendationFigures {
  const all = groupRecommendations(db, group, and(gte(protocols.heldOn, period.first), lte(protocols.heldOn, period.last)));
  const byStatus = Object.fromEntries(RECOMMENDATION_STATUSES.map((status) => [status, 0])) as Record<RecommendationStatus, number>;
  for (const r of all) byStatus[r.status] += 1;
  return { total: all.length, byStatus, overdue: all.filter((r) => isOverdue(r, today)), all };
}

/** Who joined, who left and who was appointed leader in the period; the members at its end. */
export function compositionFigures(db: Db, group: GroupId, period: Period, now: Date): CompositionFigures {
  const { from, to } = span(period);
  const end = new Date(Math.min(to, now.getTime() + 1));
  const within = (column: SQLiteColumn) => and(gte(column, new Date(from)), lt(column, end));
  const names = (rows: { name: string }[]) => rows.map((row) => row.name);
  const joined = db
    .select({ name: members.fullName })
    .from(members)
    .where(and(eq(members.groupId, group), within(members.joinedAt)))
    .orderBy(asc(members.joinedAt))
    .all();
  const left = db
    .select({ name: members.fullName })
    .from(members)
    .where(and(eq(members.groupId, group), within(members.leftAt)))
    .orderBy(asc(members.leftAt))
    .all();
  const leaders = db
    .select({ name: members.fullName })
    .from(leaderAppointments)
    .innerJoin(members, eq(members.id, leaderAppointments.memberId))
    .where(and(eq(leaderAppointments.groupId, group), within(leaderAppointments.appointedAt)))
    .orderBy(asc(leaderAppointments.appointedAt))
    .all();
  const atEnd = db
    .select({ n: sql<number>`count(*)` })
    .from(members)
    .where(
      and(eq(members.groupId, group), lt(members.joinedAt, end), sql`(${members.leftAt} is null or ${members.leftAt} >= ${end.getTime()})`),
    )
    .get();
  return { joined: names(joined), left: names(left), leaders: names(leaders), membersAtEnd: atEnd?.n ?? 0 };
}

/** The whole report of a group for a period, as of `now`. */
export function buildReport(db: Db, group: GroupId, period: Period, now: Date): Report {
  const today = localDate(now);
  const report = {
    group,
    period,
    asOf: today,
    observations: observationFigures(db, group, period),
    meetings: meetingFigures(db, group, period, now),
    protocols: protocolFigures(db, group, period),
    recommendations: recommendationFigures(db, group, period, today),
    composition: compositionFigures(db, group, period, now),
  };
  const c = report.composition;
  const empty =
    report.observations.total === 0 &&
    report.meetings.held.length === 0 &&
    report.protocols.length === 0 &&
    report.recommendations.total === 0 &&
    c.joined.length + c.left.length + c.leaders.length === 0;
  return { ...report, empty };
}
