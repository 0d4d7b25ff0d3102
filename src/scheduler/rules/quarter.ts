import { and, gte, isNull, lt, lte, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { meetings, groups } from "../../db/schema.js";
import { atLocalTime, firstWorkingDay, nextQuarter, quarterDays, quarterOf, shiftDate, type Quarter } from "../../domain/quarters.js";
import type { Reminder, ReminderKind, ReminderRule } from "../reminder.js";
import { openGroupsWithLeaders, type GroupWithLeader } from "./open-groups.js";
import { scheduleMeetingButton } from "./buttons.js";

/** Days before a quarter's end on which a group without a meeting is warned. */
export const QUARTER_END_WARNINGS = [30, 14, 3] as const;

/** Reminders about the quarter go out at 10:00 local time. */
const REMINDER_HOUR = 10;

/** The quarter as instants: [its first local midnight, the next quarter's). */
function quarterSpan(quarter: Quarter): { from: Date; to: Date } {
  return {
    from: atLocalTime(quarterDays(quarter).first, 0),
    to: atLocalTime(quarterDays(nextQuarter(quarter)).first, 0),
  };
}

/** Groups with no meeting (not cancelled) starting in [from, until). */
function withoutMeeting(db: Db, now: Date, from: Date, until: Date): GroupWithLeader[] {
  const none = sql`not exists (select 1 from ${meetings} where ${meetings.groupId} = ${groups.id}
    and ${meetings.cancelledAt} is null and ${meetings.startsAt} >= ${from.getTime()} and ${meetings.startsAt} < ${until.getTime()})`;
  return openGroupsWithLeaders(db, now, none);
}

/** The same words to the group chat and, in private, to its leader. */
function toGroupAndLeader(
  entry: GroupWithLeader,
  kind: ReminderKind,
  key: string,
  text: string,
  vars: Record<string, string | number>,
): Reminder[] {
  const { group, leader } = entry;
  const message = { text: (t: (k: string, v?: Record<string, string | number>) => string) => t(text, vars) };
  const reminders: Reminder[] = [{ key, kind, groupId: group.id, to: { group }, message }];
  if (leader !== undefined) {
    reminders.push({
      key: `${key}:u${leader}`,
      kind,
      groupId: group.id,
      to: { user: leader },
      message: { ...message, keyboard: (t) => scheduleMeetingButton(t, group.id) },
    });
  }
  return reminders;
}

/**
 * From 10:00 on the quarter's first working day, while no meeting is scheduled in the quarter:
 * the quarter has begun and the statute asks for a meeting.
 */
export const quarterStart: ReminderRule = (db, now) => {
  const quarter = quarterOf(now);
  if (now < atLocalTime(firstWorkingDay(quarter), REMINDER_HOUR)) return [];
  const { from, to } = quarterSpan(quarter);
  return withoutMeeting(db, now, from, to).flatMap((entry) =>
    toGroupAndLeader(entry, "quarter-start", `quarter-start:g${entry.group.id}:${quarter}`, "reminder-quarter-start", {
      quarter: quarter.slice(-1),
      year: quarter.slice(0, 4),
      municipality: entry.group.municipality,
    }),
  );
};

/**
 * 30, 14 and 3 days before the quarter ends, while no meeting has been held in it. After
 * downtime only the latest warning goes: the earlier ones no longer say anything true.
 */
export const quarterEnd: ReminderRule = (db, now) => {
  const quarter = quarterOf(now);
  const { from, to } = quarterSpan(quarter);
  const next = quarterDays(nextQuarter(quarter)).first;
  const days = QUARTER_END_WARNINGS.filter((d) => now >= atLocalTime(shiftDate(next, -d), REMINDER_HOUR)).pop();
  if (days === undefined) return [];
  const held = now < to ? now : to;
  return withoutMeeting(db, now, from, held).flatMap((entry) =>
    toGroupAndLeader(entry, "quarter-end", `quarter-end-${days}:g${entry.group.id}:${quarter}`, "reminder-quarter-end", {
      days,
      quarter: quarter.slice(-1),
      municipality: entry.group.municipality,
    }),
  );
};
