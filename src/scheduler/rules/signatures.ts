import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { InlineKeyboard } from "grammy";
import { members, protocols, signatures } from "../../db/schema.js";
import { localDate } from "../../domain/calendar.js";
import { atLocalTime, shiftDate } from "../../domain/quarters.js";
import { groupId, userId } from "../../domain/types.js";
import type { Reminder, ReminderRule } from "../reminder.js";

/** A protocol awaiting signatures reminds its signers daily for at most this many days. */
export const SIGNATURE_REMINDER_DAYS = 7;
const REMINDER_HOUR = 10;

/** Which daily reminder is due now for a protocol opened for signature at `opened` (1…7), if any. */
export function signatureDay(opened: Date, now: Date): number | undefined {
  const first = localDate(opened);
  for (let day = SIGNATURE_REMINDER_DAYS; day >= 1; day--) {
    const due = atLocalTime(shiftDate(first, day), REMINDER_HOUR);
    if (now >= due) return now < atLocalTime(shiftDate(first, day + 1), REMINDER_HOUR) ? day : undefined;
  }
  return undefined;
}

/**
 * Once a day at 10:00, from the day after a protocol was opened for signature and for at most a
 * week, to each required signer who has not signed, in private, with the Sign button.
 */
export const signaturesDue: ReminderRule = ({ db, now }) => {
  const open = db
    .select({ id: protocols.id, group: protocols.groupId, number: protocols.number, year: protocols.year, frozenAt: protocols.frozenAt })
    .from(protocols)
    .where(and(eq(protocols.status, "signing"), isNotNull(protocols.frozenAt)))
    .all();
  return open.flatMap((protocol) => {
    const day = protocol.frozenAt && signatureDay(protocol.frozenAt, now);
    if (!day) return [];
    const unsigned = db
      .select({ user: members.userId })
      .from(signatures)
      .innerJoin(members, eq(members.id, signatures.memberId))
      .where(and(eq(signatures.protocolId, protocol.id), isNull(signatures.signedAt), isNull(members.leftAt)))
      .all();
    return unsigned.map(
      ({ user }): Reminder => ({
        key: `sign-d${day}:p${protocol.id}:u${user}`,
        kind: "signature-daily",
        groupId: groupId(protocol.group),
        to: { user: userId(user) },
        message: {
          text: (t) => t("reminder-sign", { number: protocol.number, year: String(protocol.year), day, days: SIGNATURE_REMINDER_DAYS }),
          keyboard: (t) => new InlineKeyboard().text(t("reminder-sign-button"), `sg:${protocol.id}`),
        },
      }),
    );
  });
};
