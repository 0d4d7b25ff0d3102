import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { groups, meetings } from "../../db/schema.js";
import { atLocalTime, firstWorkingDay, nextQuarter, quarterDays, quarterOf, shiftDate, type Quarter } from "../../domain/quarters.js";
import type { Reminder, ReminderKind, ReminderRule } from "../reminder.js";
import { scheduleMeetingButton } from "./buttons.js";
import { openGroupsWithLeaders, type GroupWithLeader } from "./open-groups.js";

/** Days before a quarter's end on which a group without a meeting is warned. */
export const QUARTER_END_WARNINGS = [30, 14, 3] as const;

/** Reminders about the quarter go out at 10:00 local time. */
export const QUARTER_REMINDER_HOUR = 10;

/** The quarter as instants: from its first local midnight to the next quarter's. */
function quarterSpan(quarter: Quarter): { from: Date; to: Date } {
  return { from: atLocalTime(quarterDays(quarter).first, 0), to: atLocalTime(quarterDays(nextQuarter(quarter)).first, 0) };
}

/** Open groups, older than the reminder, with no meeting (not cancelled) starting in [from, until). */
function withoutMeeting(db: Db, now: Date, dueAt: Date, from: Date, until: Date): GroupWithLeader[] {
  return openGroupsWithLeaders(
    db,
    now,
    dueAt,
    sql`not exists (select 1 from ${meetings} where ${meetings.groupId} = ${groups.id} and ${meetings.cancelledAt} is null
      and ${meetings.startsAt} >= ${from.getTime()} and ${meetings.startsAt} < ${until.getTime()})`,
  );
}

interface QuarterNotice {
  kind: ReminderKind;
  key: string;
  text: string;
  vars: Record<string, string | number>;
}

/** The same words to the group chat and, in private with the button to schedule, to its leader. */
function toGroupAndLeader(entry: GroupWithLeader, notice: QuarterNotice, botUsername: string): Reminder[] {
  const { group, leader } = entry;
  const text = (t: (key: string, vars?: Record<string, string | number>) => string) => t(notice.text, notice.vars);
  const reminders: Reminder[] = [{ key: notice.key, kind: notice.kind, groupId: group.id, to: { group }, message: { text } }];
  if (leader !== undefined) {
    reminders.push({
      key: `${notice.key}:u${leader}`,
      kind: notice.kind,
      groupId: group.id,
      to: { user: leader },
      message: { text, keyboard: (t) => scheduleMeetingButton(t, botUsername, group.id) },
    });
  }
  return reminders;
}

/**
 * From 10:00 on the quarter's first working day, while no meeting is scheduled in the quarter:
 * the quarter has begun and the statute asks for a meeting.
 */
export const quarterStart: ReminderRule = ({ db, now, botUsername }) => {
  const quarter = quarterOf(now);
  const dueAt = atLocalTime(firstWorkingDay(quarter), QUARTER_REMINDER_HOUR);
  if (now < dueAt) return [];
  const { from, to } = quarterSpan(quarter);
  return withoutMeeting(db, now, dueAt, from, to).flatMap((entry) =>
    toGroupAndLeader(
      entry,
      {
        kind: "quarter-start",
        key: `quarter-start:g${entry.group.id}:${quarter}`,
        text: "reminder-quarter-start",
        vars: { quarter: quarter.slice(-1), year: quarter.slice(0, 4), municipality: entry.group.municipality },
      },
      botUsername,
    ),
  );
};

/** The latest warning due (30, 14 or 3 days before the quarter ends), with its moment, if any. */
export function quarterEndWarning(now: Date): { days: number; dueAt: Date } | undefined {
  const next = quarterDays(nextQuarter(quarterOf(now))).first;
  return QUARTER_END_WARNINGS.map((days) => ({ days, dueAt: atLocalTime(shiftDate(next, -days), QUARTER_REMINDER_HOUR) }))
    .filter(({ dueAt }) => now >= dueAt)
    .pop();
}

/**
 * 30, 14 and 3 days before the quarter ends, while no meeting has been held in it. After
 * downtime only the latest warning goes: the earlier ones would no longer say anything true.
 */
export const quarterEnd: ReminderRule = ({ db, now, botUsername }) => {
  const warning = quarterEndWarning(now);
  if (!warning) return [];
  const { days, dueAt } = warning;
  const quarter = quarterOf(now);
  const { from } = quarterSpan(quarter);
  return withoutMeeting(db, now, dueAt, from, now).flatMap((entry) =>
    toGroupAndLeader(
      entry,
      {
        kind: "quarter-end",
        key: `quarter-end-${days}:g${entry.group.id}:${quarter}`,
        text: "reminder-quarter-end",
        vars: { days, quarter: quarter.slice(-1), municipality: entry.group.municipality },
      },
      botUsername,
    ),
  );
};
