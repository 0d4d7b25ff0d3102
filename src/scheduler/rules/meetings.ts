import { and, gt, isNull, lte, sql } from "drizzle-orm";
import { meetings, sentReminders } from "../../db/schema.js";
import { groupById } from "../../domain/groups.js";
import { groupId } from "../../domain/types.js";
import { formatDateTime } from "../../i18n/dates.js";
import type { Reminder, ReminderRule } from "../reminder.js";

const HOUR = 60 * 60 * 1000;

/**
 * 24 hours and 1 hour before a scheduled meeting, to the group. Only the nearer one is due at
 * a time, and neither once the meeting has begun; a meeting scheduled later than a reminder's
 * moment does not get that reminder (its announcement has just been posted).
 */
export const meetingSoon: ReminderRule = ({ db, now }) => {
  // The reminder due now is the 1-hour one within the hour, else the 24-hour one: skipped here once sent.
  const key = sql`case when ${meetings.startsAt} <= ${now.getTime() + HOUR} then 'meeting-1h:m' else 'meeting-24h:m' end || ${meetings.id}`;
  const soon = db
    .select()
    .from(meetings)
    .where(
      and(
        isNull(meetings.cancelledAt),
        gt(meetings.startsAt, now),
        lte(meetings.startsAt, new Date(now.getTime() + 24 * HOUR)),
        sql`not exists (select 1 from ${sentReminders} where ${sentReminders.key} = ${key})`,
      ),
    )
    .all();
  return soon.flatMap((meeting): Reminder[] => {
    const lead = meeting.startsAt.getTime() - now.getTime() <= HOUR ? 1 : 24;
    if (meeting.createdAt.getTime() > meeting.startsAt.getTime() - lead * HOUR) return [];
    const group = groupById(db, groupId(meeting.groupId));
    if (!group) return [];
    const kind = lead === 1 ? "meeting-1h" : "meeting-24h";
    return [
      {
        key: `${kind}:m${meeting.id}`,
        kind,
        groupId: group.id,
        to: { group },
        message: {
          text: (t) => t(`reminder-${kind}`, { when: formatDateTime(group.locale, meeting.startsAt), place: meeting.place }),
        },
      },
    ];
  });
};
