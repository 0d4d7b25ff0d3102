import { and, eq, gt, isNull, lte, sql } from "drizzle-orm";
import { InlineKeyboard } from "grammy";
import { ballots, members, protocols, voters, votes } from "../../db/schema.js";
import { CHOICES } from "../../domain/ballots.js";
import { groupId, userId } from "../../domain/types.js";
import { formatDateTime } from "../../i18n/dates.js";
import type { Reminder, ReminderRule } from "../reminder.js";

const DAY = 24 * 60 * 60 * 1000;

/**
 * 24 hours before a vote closes, in private, to each member who may vote and has not: with the
 * ballot buttons, which work from a private chat as from the group's. A round opened for less
 * than a day gets no such reminder.
 */
export const voteClosing: ReminderRule = ({ db, now }) => {
  const closing = db
    .select({ vote: votes.id, deadline: votes.deadline, group: protocols.groupId, number: protocols.number, year: protocols.year })
    .from(votes)
    .innerJoin(protocols, eq(protocols.id, votes.protocolId))
    .where(
      and(
        isNull(votes.closedAt),
        gt(votes.deadline, now),
        lte(votes.deadline, new Date(now.getTime() + DAY)),
        sql`${votes.openedAt} <= ${votes.deadline} - ${DAY}`,
      ),
    )
    .all();
  return closing.flatMap((round) => {
    const waiting = db
      .select({ user: members.userId })
      .from(voters)
      .innerJoin(members, eq(members.id, voters.memberId))
      .leftJoin(ballots, and(eq(ballots.voteId, voters.voteId), eq(ballots.memberId, voters.memberId)))
      .where(and(eq(voters.voteId, round.vote), isNull(ballots.memberId), isNull(members.leftAt)))
      .all();
    return waiting.map(
      ({ user }): Reminder => ({
        key: `vote-24h:v${round.vote}:u${user}`,
        kind: "vote-24h",
        groupId: groupId(round.group),
        to: { user: userId(user) },
        message: {
          text: (t, locale) => t("reminder-vote", { number: round.number, year: String(round.year), deadline: formatDateTime(locale, round.deadline) }),
          keyboard: (t) => {
            const keyboard = new InlineKeyboard();
            for (const choice of CHOICES) keyboard.text(t(`vote-${choice}`), `v:${round.vote}:${choice}`);
            return keyboard;
          },
        },
      }),
    );
  });
};
