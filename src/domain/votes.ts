import { and, asc, count, desc, eq, isNull, lte, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { preparedQuery } from "../db/prepared.js";
import { ballots, groups, members, protocols, votes, voters } from "../db/schema.js";
import { outcomeOf, tallyOf, type Choice, type Outcome, type Tally } from "./ballots.js";
import { groupById, isClosed } from "./groups.js";
import { activeMembers } from "./members.js";
import { mayDraftProtocol, voterRefusal } from "./permissions.js";
import { moveProtocol } from "./protocol-status.js";
import { hasDecisions, protocolById, protocolContent, type Protocol } from "./protocols.js";
import { DEFAULT_VOTE_HOURS, MIN_MEMBERS } from "./rules.js";
import { freeze } from "./signing.js";
import {
  groupId as toGroupId,
  protocolId as toProtocolId,
  voteId as toVoteId,
  type GroupId,
  type ProtocolId,
  type UserId,
  type VoteId,
} from "./types.js";

export interface Vote {
  id: VoteId;
  protocolId: ProtocolId;
  groupId: GroupId;
  openedAt: Date;
  deadline: Date;
  messageId: number | null;
  closedAt: Date | null;
  outcome: Outcome | null;
}

/** What closing a round decided; the caller announces it. */
export interface Closing {
  vote: Vote;
  protocol: Protocol;
  tally: Tally;
  outcome: Outcome;
}

const HOUR_MS = 60 * 60 * 1000;

const voteQuery = preparedQuery((db) =>
  db
    .select()
    .from(votes)
    .where(eq(votes.id, sql.placeholder("id")))
    .prepare(),
);

function voteRow(db: Db, id: VoteId) {
  return voteQuery(db).get({ id });
}

export function voteById(db: Db, id: VoteId): Vote | undefined {
  const row = voteRow(db, id);
  const protocol = row && protocolById(db, toProtocolId(row.protocolId));
  if (!row || !protocol) return undefined;
  return {
    id: toVoteId(row.id),
    protocolId: protocol.id,
    groupId: toGroupId(protocol.groupId),
    openedAt: row.openedAt,
    deadline: row.deadline,
    messageId: row.messageId,
    closedAt: row.closedAt,
    outcome: row.outcome,
  };
}

/** The open round of a protocol, if it is being voted on. */
export function openVoteOf(db: Db, protocol: ProtocolId): Vote | undefined {
  const row = db
    .select({ id: votes.id })
    .from(votes)
    .where(and(eq(votes.protocolId, protocol), isNull(votes.closedAt)))
    .get();
  return row && voteById(db, toVoteId(row.id));
}

/** Every round of a protocol, oldest first: rejected rounds stay in its history. */
export function votesOf(db: Db, protocol: ProtocolId): Vote[] {
  return db
    .select({ id: votes.id })
    .from(votes)
    .where(eq(votes.protocolId, protocol))
    .orderBy(asc(votes.id))
    .all()
    .map((row) => voteById(db, toVoteId(row.id))!);
}

export function latestVoteOf(db: Db, protocol: ProtocolId): Vote | undefined {
  const row = db.select({ id: votes.id }).from(votes).where(eq(votes.protocolId, protocol)).orderBy(desc(votes.id)).get();
  return row && voteById(db, toVoteId(row.id));
}

export type OpenResult =
  | { ok: true; vote: Vote; protocol: Protocol }
  | {
      ok: false;
      reason: "not-found" | "closed" | "not-allowed" | "not-draft" | "below-minimum" | "no-decisions";
      members?: number;
    };

/**
 * The leader puts a draft to the vote. The statute's minimum of five members must be met, and
 * the draft must decide something. The members at this moment are the round's voters.
 */
export function openVote(db: Db, o: { protocol: ProtocolId; by: UserId; now: Date; hours?: number }): OpenResult {
  const protocol = protocolById(db, o.protocol);
  const group = protocol && groupById(db, protocol.groupId);
  if (!protocol || !group) return { ok: false, reason: "not-found" };
  if (isClosed(group, o.now)) return { ok: false, reason: "closed" };
  if (!mayDraftProtocol(db, protocol.groupId, o.by)) return { ok: false, reason: "not-allowed" };
  if (protocol.status !== "draft") return { ok: false, reason: "not-draft" };
  const electorate = activeMembers(db, protocol.groupId);
  if (electorate.length < MIN_MEMBERS) return { ok: false, reason: "below-minimum", members: electorate.length };
  if (!hasDecisions(protocolContent(db, protocol))) return { ok: false, reason: "no-decisions" };
  const deadline = new Date(o.now.getTime() + (o.hours ?? DEFAULT_VOTE_HOURS) * HOUR_MS);
  const id = db.transaction((tx) => {
    if (!moveProtocol(tx, protocol.id, "draft", "open-vote")) return undefined;
    const row = tx
      .insert(votes)
      .values({ protocolId: protocol.id, openedBy: o.by, openedAt: o.now, deadline })
      .returning({ id: votes.id })
      .get();
    tx.insert(voters)
      .values(electorate.map((member) => ({ voteId: row.id, memberId: member.id })))
      .run();
    return toVoteId(row.id);
  });
  if (id === undefined) return { ok: false, reason: "not-draft" };
  return { ok: true, vote: voteById(db, id)!, protocol: { ...protocol, status: "voting" } };
}

export function setVoteMessage(db: Db, id: VoteId, messageId: number): void {
  db.update(votes).set({ messageId }).where(eq(votes.id, id)).run();
}

/**
 * Closes a round once: counts it, and moves the protocol on (adopted → frozen for signature,
 * otherwise back to draft with this round kept). Undefined when it was already closed.
 */
function settle(db: Db, id: VoteId, now: Date): Closing | undefined {
  return db.transaction((tx) => {
    const tally = tallyOf(tx, id);
    const outcome = outcomeOf(tally);
    const closed = tx
      .update(votes)
      .set({ closedAt: now, outcome })
      .where(and(eq(votes.id, id), isNull(votes.closedAt)))
      .run();
    if (closed.changes === 0) return undefined;
    const vote = voteById(tx, id)!;
    moveProtocol(tx, vote.protocolId, "voting", outcome === "adopted" ? "adopt" : "reject");
    if (outcome === "adopted") freeze(tx, vote.protocolId, now);
    return { vote, protocol: protocolById(tx, vote.protocolId)!, tally, outcome };
  });
}

export type CastResult =
  | { ok: true; vote: VoteId; groupId: GroupId; choice: Choice; closing: Closing | undefined }
  | { ok: false; reason: "not-found" | "closed" | "not-member" | "not-eligible" | "vote-closed"; closing?: Closing };

/** Everything a ballot is checked against, in one read: the round, its group, the voter. */
const ballotContext = preparedQuery((db) =>
  db
    .select({
      groupId: protocols.groupId,
      closedAt: votes.closedAt,
      deadline: votes.deadline,
      endedAt: groups.endedAt,
      termEndsOn: groups.termEndsOn,
      memberId: members.id,
      eligible: voters.memberId,
    })
    .from(votes)
    .innerJoin(protocols, eq(protocols.id, votes.protocolId))
    .innerJoin(groups, eq(groups.id, protocols.groupId))
    .leftJoin(members, and(eq(members.groupId, protocols.groupId), eq(members.userId, sql.placeholder("user")), isNull(members.leftAt)))
    .leftJoin(voters, and(eq(voters.voteId, votes.id), eq(voters.memberId, members.id)))
    .where(eq(votes.id, sql.placeholder("vote")))
    .prepare(),
);

const stillOpen = preparedQuery((db) =>
  db
    .select({ id: votes.id })
    .from(votes)
    .where(and(eq(votes.id, sql.placeholder("vote")), isNull(votes.closedAt)))
    .prepare(),
);

const upsertBallot = preparedQuery((db) =>
  db
    .insert(ballots)
    .values({
      voteId: sql.placeholder("vote"),
      memberId: sql.placeholder("member"),
      choice: sql.placeholder("choice"),
      castAt: sql.placeholder("at"),
    })
    .onConflictDoUpdate({
      target: [ballots.voteId, ballots.memberId],
      set: { choice: sql`excluded.choice`, castAt: sql`excluded.cast_at` },
    })
    .prepare(),
);

/** Voters still members who have not voted: when none are left, the round is complete. */
const missingBallots = preparedQuery((db) =>
  db
    .select({ n: count() })
    .from(voters)
    .innerJoin(members, eq(members.id, voters.memberId))
    .leftJoin(ballots, and(eq(ballots.voteId, voters.voteId), eq(ballots.memberId, voters.memberId)))
    .where(and(eq(voters.voteId, sql.placeholder("vote")), isNull(ballots.memberId), isNull(members.leftAt)))
    .prepare(),
);

/**
 * A member's vote, or their changed vote: one ballot per voter per round (the primary key),
 * so concurrent presses leave one. The last missing ballot closes the round; so does a press
 * after the deadline, which is refused. The hot path of a busy vote: its reads are prepared.
 */
export function castBallot(db: Db, c: { vote: VoteId; user: UserId; choice: Choice; now: Date }): CastResult {
  const context = ballotContext(db).get({ vote: c.vote, user: c.user });
  if (!context) return { ok: false, reason: "not-found" };
  const refusal = voterRefusal({ activeMember: context.memberId !== null, listed: context.eligible !== null });
  if (refusal) return { ok: false, reason: refusal };
  if (context.closedAt !== null) return { ok: false, reason: "vote-closed" };
  if (context.deadline <= c.now || isClosed(context, c.now)) {
    return { ok: false, reason: "vote-closed", closing: settle(db, c.vote, c.now) };
  }
  const member = context.memberId!;
  const counted = db.transaction((tx) => {
    if (!stillOpen(tx).get({ vote: c.vote })) return false;
    upsertBallot(tx).run({ vote: c.vote, member, choice: c.choice, at: c.now });
    return true;
  });
  if (!counted) return { ok: false, reason: "vote-closed" };
  const everyone = (missingBallots(db).get({ vote: c.vote })?.n ?? 1) === 0;
  const groupId = toGroupId(context.groupId);
  return { ok: true, vote: c.vote, groupId, choice: c.choice, closing: everyone ? settle(db, c.vote, c.now) : undefined };
}

export type CloseResult = { ok: true; closing: Closing } | { ok: false; reason: "not-found" | "not-allowed" | "vote-closed" };

/** The leader closes the round before its deadline. */
export function closeVote(db: Db, c: { vote: VoteId; by: UserId; now: Date }): CloseResult {
  const vote = voteById(db, c.vote);
  if (!vote) return { ok: false, reason: "not-found" };
  if (!mayDraftProtocol(db, vote.groupId, c.by)) return { ok: false, reason: "not-allowed" };
  const closing = settle(db, vote.id, c.now);
  return closing ? { ok: true, closing } : { ok: false, reason: "vote-closed" };
}

const dueVotes = preparedQuery((db) => {
  const due = and(isNull(votes.closedAt), lte(votes.deadline, sql.placeholder("now")));
  const query = () => db.select({ id: votes.id }).from(votes).innerJoin(protocols, eq(protocols.id, votes.protocolId));
  return {
    all: query().where(due).prepare(),
    ofGroup: query()
      .where(and(due, eq(protocols.groupId, sql.placeholder("group"))))
      .prepare(),
  };
});

/**
 * Closes every round whose deadline has passed: the scheduler's tick and the bot at start close
 * them all; a person's command only those of the group in hand.
 */
export function closeDueVotes(db: Db, now: Date, group?: GroupId): Closing[] {
  // Instants compared through placeholders are bound as milliseconds (drizzle maps Dates only in values).
  const at = now.getTime();
  const due = group === undefined ? dueVotes(db).all.all({ now: at }) : dueVotes(db).ofGroup.all({ now: at, group });
  return due.map((row) => settle(db, toVoteId(row.id), now)).filter((closing) => closing !== undefined);
}
