import { sql } from "drizzle-orm";
import { recommendationCardData } from "../../callbacks/index.js";
import { localDate } from "../../domain/calendar.js";
import type { Addressee } from "../../domain/protocols.js";
import { groupId, userId } from "../../domain/types.js";
import { formatDate } from "../../i18n/dates.js";
import type { Reminder, ReminderRule } from "../reminder.js";

/** Overdue recommendations are reminded of once a week, at this hour, from the day after the due date. */
export const OVERDUE_REMINDER_HOUR = 10;
const HOUR = 60 * 60 * 1000;

interface OwedRow {
  id: number;
  text: string;
  dueOn: string;
  addressee: Addressee;
  addresseeName: string | null;
  number: number;
  year: number;
  groupId: number;
  user: number;
  week: number;
  days: number;
}

/**
 * Once a week per overdue recommendation (past due, neither done nor rejected), at 10:00 on
 * the 1st, 8th, 15th… day after its due date: to the leader and, when it is addressed to an
 * office, to the appointer holding it, in private. The key names the week, so a restart or a
 * second tick sends nothing twice; after downtime only the current week's goes. What was
 * already sent is left out in SQL, so a quiet tick builds nothing.
 */
export const recommendationsOverdue: ReminderRule = ({ db, now }) => {
  // The latest day whose 10:00 has passed: before 10:00 this week's reminder is not due yet.
  const day = localDate(new Date(now.getTime() - OVERDUE_REMINDER_HOUR * HOUR));
  const today = localDate(now);
  const rows = db.all<OwedRow>(sql`
    with owed as (
      select r.id, r.text, r.due_on as dueOn, r.addressee, r.addressee_name as addresseeName, p.number, p.year,
        g.id as groupId, cast(julianday(${day}) - julianday(r.due_on) as integer) as days,
        cast((julianday(${day}) - julianday(r.due_on) - 1) / 7 as integer) as week
      from recommendations r
      join protocols p on p.id = r.protocol_id and p.status = 'final'
      join groups g on g.id = p.group_id and g.ended_at is null and (g.term_ends_on is null or g.term_ends_on >= ${today})
      where r.status in ('sent', 'accepted', 'in-progress') and r.due_on < ${day}
    ),
    recipients as (
      select la.group_id, m.user_id as user, null as office
      from leader_appointments la join members m on m.id = la.member_id where la.ended_at is null
      union all
      select a.group_id, a.user_id, a.office from appointers a where a.removed_at is null
    )
    select owed.*, recipients.user from owed
    join recipients on recipients.group_id = owed.groupId and (recipients.office is null or recipients.office = owed.addressee)
    where not exists (select 1 from sent_reminders s where s.key = 'rec-overdue:r' || owed.id || ':w' || owed.week || ':u' || recipients.user)
  `);
  return rows.map(
    (row): Reminder => ({
      key: `rec-overdue:r${row.id}:w${row.week}:u${row.user}`,
      kind: "recommendation-overdue",
      groupId: groupId(row.groupId),
      to: { user: userId(row.user) },
      message: {
        text: (t, locale) =>
          t("reminder-recommendation-overdue", {
            number: row.number,
            year: String(row.year),
            text: row.text,
            addressee: row.addressee === "other" ? (row.addresseeName ?? "") : t(`addressee-${row.addressee}`),
            due: formatDate(locale, row.dueOn),
            days: row.days,
          }),
        buttons: [{ label: "reminder-recommendation-open", data: recommendationCardData.pack({ recommendation: row.id }) }],
      },
    }),
  );
};
