import { and, eq, gte, isNull, lt, sql } from "drizzle-orm";
import { signData } from "../../callbacks/index.js";
import { members, protocols, sentReminders, signatures } from "../../db/schema.js";
import { localDate, shiftDays } from "../../domain/calendar.js";
import { atLocalTime } from "../../domain/quarters.js";
import { groupId, protocolId, userId } from "../../domain/types.js";
import type { ReminderRule } from "../reminder.js";
import { quietWhileUnchanged } from "./quiet.js";

/** A protocol awaiting signatures reminds its signers daily for at most this many days. */
export const SIGNATURE_REMINDER_DAYS = 7;
const REMINDER_HOUR = 10;

/**
 * Once a day at 10:00, from the day after a protocol was opened for signature and for at most a
 * week, to each required signer who has not signed, in private, with the Sign button. One read:
 * the day of each protocol's reminder (by the local day it was opened) and the signers not yet
 * reminded on that day are worked out in SQL.
 */
const quiet = quietWhileUnchanged();
export const signaturesDue: ReminderRule = ({ db, now }) => {
  const today = localDate(now);
  // The last 10:00 passed is on `base`; a protocol opened `day` days before it is at reminder `day`.
  const base = now >= atLocalTime(today, REMINDER_HOUR) ? today : shiftDays(today, -1);
  const openedOn = Array.from({ length: SIGNATURE_REMINDER_DAYS }, (_, i) => atLocalTime(shiftDays(base, -(i + 1)), 0).getTime());
  const day = sql<number>`case ${sql.join(
    openedOn.map((from, i) => sql`when ${protocols.frozenAt} >= ${from} then ${sql.raw(String(i + 1))}`),
    sql` `,
  )} end`;
  const key = sql`'sign-d' || ${day} || ':p' || ${protocols.id} || ':u' || ${members.userId}`;
  // Within one day's reminders nothing owed appears without a write.
  const owed = quiet(db, base, () =>
    db
      .select({
        protocol: protocols.id,
        group: protocols.groupId,
        number: protocols.number,
        year: protocols.year,
        user: members.userId,
        day,
      })
      .from(protocols)
      .innerJoin(signatures, and(eq(signatures.protocolId, protocols.id), isNull(signatures.signedAt)))
      .innerJoin(members, and(eq(members.id, signatures.memberId), isNull(members.leftAt)))
      .where(
        and(
          eq(protocols.status, "signing"),
          gte(protocols.frozenAt, new Date(openedOn.at(-1)!)),
          lt(protocols.frozenAt, atLocalTime(base, 0)),
          sql`not exists (select 1 from ${sentReminders} where ${sentReminders.key} = ${key})`,
        ),
      )
      .all(),
  );
  return owed.map((row) => ({
    key: `sign-d${row.day}:p${row.protocol}:u${row.user}`,
    kind: "signature-daily",
    groupId: groupId(row.group),
    to: { user: userId(row.user) },
    message: {
      text: (t) => t("reminder-sign", { number: row.number, year: String(row.year), day: row.day, days: SIGNATURE_REMINDER_DAYS }),
      buttons: [{ label: "reminder-sign-button", data: signData.pack({ protocol: protocolId(row.protocol) }) }],
    },
  }));
};
