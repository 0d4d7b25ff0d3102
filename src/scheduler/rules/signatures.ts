import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { InlineKeyboard } from "grammy";
import { members, protocols, signatures } from "../../db/schema.js";
import { localDate, shiftDays } from "../../domain/calendar.js";
import { atLocalTime } from "../../domain/quarters.js";
import { groupId, userId } from "../../domain/types.js";
import type { Reminder, ReminderRule } from "../reminder.js";

/** A protocol awaiting signatures reminds its signers daily for at most this many days. */
export const SIGNATURE_REMINDER_DAYS = 7;
const REMINDER_HOUR = 10;

/** Which daily reminder is due now for a protocol opened for signature at `opened` (1…7), if any. */
export function signatureDay(opened: Date, now: Date): number | undefined {
  const first = localDate(opened);
  for (let day = SIGNATURE_REMINDER_DAYS; day >= 1; day--) {
    const due = atLocalTime(shiftDays(first, day), REMINDER_HOUR);
    if (now >= due) return now < atLocalTime(shiftDays(first, day + 1), REMINDER_HOUR) ? day : undefined;
  }
  return undefined;
}

/**
 * Once a day at 10:00, from the day after a protocol was opened for signature and for at most a
 * week, to each required signer who has not signed, in private, with the Sign button.
 */
export const signaturesDue: ReminderRule = ({ db, now }) => {
  // One read for every protocol awaiting signatures and its signers who have not signed.
  const unsigned = db
    .select({ protocol: protocols.id, group: protocols.groupId, number: protocols.number, year: protocols.year, frozenAt: protocols.frozenAt, user: members.userId })
    .from(protocols)
    .innerJoin(signatures, and(eq(signatures.protocolId, protocols.id), isNull(signatures.signedAt)))
    .innerJoin(members, and(eq(members.id, signatures.memberId), isNull(members.leftAt)))
    .where(and(eq(protocols.status, "signing"), isNotNull(protocols.frozenAt)))
    .all();
  const days = new Map<number, number | undefined>();
  const dayOf = (opened: Date) => {
    if (!days.has(opened.getTime())) days.set(opened.getTime(), signatureDay(opened, now));
    return days.get(opened.getTime());
  };
  return unsigned.flatMap((row): Reminder[] => {
    const day = row.frozenAt && dayOf(row.frozenAt);
    if (!day) return [];
    return [
      {
        key: `sign-d${day}:p${row.protocol}:u${row.user}`,
        kind: "signature-daily",
        groupId: groupId(row.group),
        to: { user: userId(row.user) },
        message: {
          text: (t) => t("reminder-sign", { number: row.number, year: String(row.year), day, days: SIGNATURE_REMINDER_DAYS }),
          keyboard: (t) => new InlineKeyboard().text(t("reminder-sign-button"), `sg:${row.protocol}`),
        },
      },
    ];
  });
};
