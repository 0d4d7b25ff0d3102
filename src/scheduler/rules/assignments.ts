import { and, eq, gt, isNull, lt, lte, or, sql } from "drizzle-orm";
import { assignmentReportData } from "../../callbacks/index.js";
import { assignments, groups, members, sentReminders } from "../../db/schema.js";
import { stateIn } from "../../db/states.js";
import { localDate, shiftDays } from "../../domain/calendar.js";
import { groupId, userId } from "../../domain/types.js";
import { formatDate } from "../../i18n/dates.js";
import type { Reminder, ReminderKind, ReminderRule, RuleContext } from "../reminder.js";

/** The reminder before the due date goes this many days ahead (the day before). */
export const ASSIGNMENT_NOTICE_DAYS = 1;

interface Due {
  kind: Extract<ReminderKind, "assignment-due" | "assignment-overdue">;
  text: string;
  /** The due dates this reminder is for, as a condition on assignments.due_on. */
  dueOn: (today: string) => ReturnType<typeof and>;
}

/**
 * Assignments the member still owes (given or accepted, in a group whose term runs, by a
 * member still in it) whose reminder of this kind is not yet in the ledger: all in one query.
 */
function owed({ db, now }: RuleContext, due: Due): Reminder[] {
  const today = localDate(now);
  const key = sql`${due.kind} || ':a' || ${assignments.id}`;
  const rows = db
    .select({ id: assignments.id, group: assignments.groupId, user: members.userId, task: assignments.task, dueOn: assignments.dueOn })
    .from(assignments)
    .innerJoin(members, and(eq(members.id, assignments.memberId), isNull(members.leftAt)))
    .innerJoin(groups, eq(groups.id, assignments.groupId))
    .where(
      and(
        stateIn(assignments.status, ["given", "accepted"]),
        due.dueOn(today),
        isNull(groups.endedAt),
        or(isNull(groups.termEndsOn), sql`${groups.termEndsOn} >= ${today}`),
        sql`not exists (select 1 from ${sentReminders} where ${sentReminders.key} = ${key})`,
      ),
    )
    .all();
  return rows.map(
    (row): Reminder => ({
      key: `${due.kind}:a${row.id}`,
      kind: due.kind,
      groupId: groupId(row.group),
      to: { user: userId(row.user) },
      message: {
        text: (t, locale) => t(due.text, { task: row.task, date: formatDate(locale, row.dueOn) }),
        buttons: [{ label: "assignment-report-button", data: assignmentReportData.pack({ assignment: row.id }) }],
      },
    }),
  );
}

/** Once, the day before an assignment is due (or on the day, when given that late). */
export const assignmentDue: ReminderRule = (at) =>
  owed(at, {
    kind: "assignment-due",
    text: "reminder-assignment-due",
    dueOn: (today) => and(gt(assignments.dueOn, shiftDays(today, -1)), lte(assignments.dueOn, shiftDays(today, ASSIGNMENT_NOTICE_DAYS))),
  });

/** Once, when the due date has passed without a report. */
export const assignmentOverdue: ReminderRule = (at) =>
  owed(at, { kind: "assignment-overdue", text: "reminder-assignment-overdue", dueOn: (today) => and(lt(assignments.dueOn, today)) });
