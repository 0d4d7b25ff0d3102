import { and, eq, gt, isNull, lte, sql } from "drizzle-orm";
import { ballotData } from "../../callbacks/index.js";
import { ballots, members, protocols, voters, votes } from "../../db/schema.js";
import { CHOICES } from "../../domain/ballots.js";
import { groupId, userId, voteId } from "../../domain/types.js";
import { formatDateTime } from "../../i18n/dates.js";
import type { Reminder, ReminderRule } from "../reminder.js";

const DAY = 24 * 60 * 60 * 1000;

/**
 * 24 hours before a vote closes, in private, to each member who may vote and has not: with the
 * ballot buttons, which work from a private chat as from the group's. A round opened for a day
 * or less gets no such reminder: its announcement, a minute old, already says when it closes.
 */
export const voteClosing: ReminderRule = ({ db, now }) => {
  // One read for every round closing within a day and its voters who have not voted.
  const waiting = db
    .select({
      vote: votes.id,
      deadline: votes.deadline,
      group: protocols.groupId,
      number: protocols.number,
      year: protocols.year,
      user: members.userId,
    })
    .from(votes)
    .innerJoin(protocols, eq(protocols.id, votes.protocolId))
    .innerJoin(voters, eq(voters.voteId, votes.id))
    .innerJoin(members, and(eq(members.id, voters.memberId), isNull(members.leftAt)))
    .leftJoin(ballots, and(eq(ballots.voteId, voters.voteId), eq(ballots.memberId, voters.memberId)))
    .where(
      and(
        isNull(votes.closedAt),
        gt(votes.deadline, now),
        lte(votes.deadline, new Date(now.getTime() + DAY)),
        sql`${votes.openedAt} < ${votes.deadline} - ${DAY}`,
        isNull(ballots.memberId),
      ),
    )
    .all();
  return waiting.map(
    (row): Reminder => ({
      key: `vote-24h:v${row.vote}:u${row.user}`,
      kind: "vote-24h",
      groupId: groupId(row.group),
      to: { user: userId(row.user) },
      message: {
        text: (t, locale) =>
          t("reminder-vote", { number: row.number, year: String(row.year), deadline: formatDateTime(locale, row.deadline) }),
        buttons: CHOICES.map((choice) => ({ label: `vote-${choice}`, data: ballotData.pack({ vote: voteId(row.vote), choice }) })),
      },
    }),
  );
};
