import type { FluentVariable } from "@fluent/bundle";
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { groups, members, meetings, sentReminders } from "../../db/schema.js";
import { shiftDays } from "../../domain/calendar.js";
import { atLocalTime, firstWorkingDay, nextQuarter, quarterDays, quarterAt, quarterRoman, type Quarter } from "../../domain/quarters.js";
import type { Reminder, ReminderKind, ReminderRule } from "../reminder.js";
import { scheduleMeetingButton } from "./buttons.js";
import { openGroupsWithLeaders, type GroupWithLeader } from "./open-groups.js";
import { quietWhileUnchanged } from "./quiet.js";

/** Days before a quarter's end on which a group without a meeting is warned. */
export const QUARTER_END_WARNINGS = [30, 14, 3] as const;

/** Reminders about the quarter go out at 10:00 local time. */
export const QUARTER_REMINDER_HOUR = 10;

/** The quarter as instants: from its first local midnight to the next quarter's. */
function quarterSpan(quarter: Quarter): { from: Date; to: Date } {
  return { from: atLocalTime(quarterDays(quarter).first, 0), to: atLocalTime(quarterDays(nextQuarter(quarter)).first, 0) };
}

/**
 * One quarter notice to every group: its key is `<prefix><group id><suffix>` for the group chat
 * and that plus `:u<leader>` for the leader. The same pieces build the keys here and in SQL.
 */
interface QuarterNotice {
  kind: ReminderKind;
  /** Remembers when the notice is owed to no group. */
  quiet: ReturnType<typeof quietWhileUnchanged>;
  prefix: string;
  suffix: string;
  text: string;
  vars: (entry: GroupWithLeader) => Record<string, FluentVariable>;
}

/**
 * Open groups, older than the reminder, with no meeting (not cancelled) starting in
 * [from, until), whose notice is not yet sent to both the group and its leader. The last part
 * keeps a tick that finds nothing new from building thousands of reminders only to drop them.
 */
function owed(db: Db, now: Date, dueAt: Date, from: Date, until: Date, notice: QuarterNotice): GroupWithLeader[] {
  const key = sql`${notice.prefix} || ${groups.id} || ${notice.suffix}`;
  // As time passes within one notice, groups only drop out (terms end, meetings are held).
  return notice.quiet(db, `${notice.prefix}${notice.suffix}@${dueAt.getTime()}`, () =>
    openGroupsWithLeaders(
      db,
      now,
      dueAt,
      sql`not exists (select 1 from ${meetings} where ${meetings.groupId} = ${groups.id} and ${meetings.cancelledAt} is null
      and ${meetings.startsAt} >= ${from.getTime()} and ${meetings.startsAt} < ${until.getTime()})
    and not (exists (select 1 from ${sentReminders} where ${sentReminders.key} = ${key})
      and (${members.userId} is null or exists (select 1 from ${sentReminders} where ${sentReminders.key} = ${key} || ':u' || ${members.userId})))`,
    ),
  );
}

/** The same words to the group chat and, in private with the button to schedule, to its leader. */
function toGroupAndLeader(entry: GroupWithLeader, notice: QuarterNotice): Reminder[] {
  const { group, leader } = entry;
  const key = `${notice.prefix}${group.id}${notice.suffix}`;
  const vars = notice.vars(entry);
  const text = (t: (key: string, vars?: Record<string, FluentVariable>) => string) => t(notice.text, vars);
  const reminders: Reminder[] = [{ key, kind: notice.kind, groupId: group.id, to: { group }, message: { text } }];
  if (leader !== undefined) {
    reminders.push({
      key: `${key}:u${leader}`,
      kind: notice.kind,
      groupId: group.id,
      to: { user: leader },
      message: { text, buttons: [scheduleMeetingButton(group.id)] },
    });
  }
  return reminders;
}

/**
 * From 10:00 on the quarter's first working day, while no meeting is scheduled in the quarter:
 * the quarter has begun and the statute asks for a meeting.
 */
const quietStart = quietWhileUnchanged();
export const quarterStart: ReminderRule = ({ db, now }) => {
  const quarter = quarterAt(now);
  const dueAt = atLocalTime(firstWorkingDay(quarter), QUARTER_REMINDER_HOUR);
  if (now < dueAt) return [];
  const { from, to } = quarterSpan(quarter);
  const notice: QuarterNotice = {
    kind: "quarter-start",
    quiet: quietStart,
    prefix: "quarter-start:g",
    suffix: `:${quarter}`,
    text: "reminder-quarter-start",
    vars: ({ group }) => ({ quarter: quarterRoman(quarter), year: quarter.slice(0, 4), municipality: group.municipality }),
  };
  return owed(db, now, dueAt, from, to, notice).flatMap((entry) => toGroupAndLeader(entry, notice));
};

/** The latest warning due (30, 14 or 3 days before the quarter ends), with its moment, if any. */
export function quarterEndWarning(now: Date): { days: number; dueAt: Date } | undefined {
  const next = quarterDays(nextQuarter(quarterAt(now))).first;
  return QUARTER_END_WARNINGS.map((days) => ({ days, dueAt: atLocalTime(shiftDays(next, -days), QUARTER_REMINDER_HOUR) }))
    .filter(({ dueAt }) => now >= dueAt)
    .pop();
}

/**
 * 30, 14 and 3 days before the quarter ends, while no meeting has been held in it. After
 * downtime only the latest warning goes: the earlier ones would no longer say anything true.
 */
const quietEnd = quietWhileUnchanged();
export const quarterEnd: ReminderRule = ({ db, now }) => {
  const warning = quarterEndWarning(now);
  if (!warning) return [];
  const { days, dueAt } = warning;
  const quarter = quarterAt(now);
  const notice: QuarterNotice = {
    kind: "quarter-end",
    quiet: quietEnd,
    prefix: `quarter-end-${days}:g`,
    suffix: `:${quarter}`,
    text: "reminder-quarter-end",
    vars: ({ group }) => ({ days, quarter: quarterRoman(quarter), municipality: group.municipality }),
  };
  return owed(db, now, dueAt, quarterSpan(quarter).from, now, notice).flatMap((entry) => toGroupAndLeader(entry, notice));
};
