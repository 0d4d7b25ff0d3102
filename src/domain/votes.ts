import { and, asc, desc, eq, isNull, lte } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { ballots, votes, voters } from "../db/schema.js";
import { outcomeOf, tallyOf, type Choice, type Outcome, type Tally } from "./ballots.js";
import { groupById, isClosed } from "./groups.js";
import { activeMembers } from "./members.js";
import { mayDraftProtocol, mayVote } from "./permissions.js";
import { moveProtocol } from "./protocol-status.js";
import { hasDecisions, protocolById, protocolContent, type Protocol } from "./protocols.js";
import { DEFAULT_VOTE_HOURS, MIN_MEMBERS } from "./rules.js";
import { freeze } from "./signing.js";
import { groupId as toGroupId, protocolId as toProtocolId, voteId as toVoteId, type GroupId, type ProtocolId, type UserId, type VoteId } from "./types.js";

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

function voteRow(db: Db, id: VoteId) {
  return db.select().from(votes).where(eq(votes.id, id)).get();
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
export function openVote(
  db: Db,
  o: { protocol: ProtocolId; by: UserId; now: Date; hours?: number },
): OpenResult {
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
  | { ok: true; vote: Vote; choice: Choice; closing: Closing | undefined }
  | { ok: false; reason: "not-found" | "closed" | "not-member" | "not-eligible" | "vote-closed"; closing?: Closing };

/**
 * A member's vote, or their changed vote: one ballot per voter per round (the primary key),
 * so concurrent presses leave one. The last missing ballot closes the round; so does a press
 * after the deadline, which is refused.
 */
export function castBallot(db: Db, c: { vote: VoteId; user: UserId; choice: Choice; now: Date }): CastResult {
  const vote = voteById(db, c.vote);
  const group = vote && groupById(db, vote.groupId);
  if (!vote || !group) return { ok: false, reason: "not-found" };
  const voter = mayVote(db, vote.groupId, vote.id, c.user);
  if (!voter.ok) return { ok: false, reason: voter.reason };
  if (vote.closedAt !== null) return { ok: false, reason: "vote-closed" };
  if (vote.deadline <= c.now || isClosed(group, c.now)) {
    return { ok: false, reason: "vote-closed", closing: settle(db, vote.id, c.now) };
  }
  const counted = db.transaction((tx) => {
    const open = tx.select({ closedAt: votes.closedAt }).from(votes).where(eq(votes.id, vote.id)).get();
    if (open?.closedAt !== null) return false;
    tx.insert(ballots)
      .values({ voteId: vote.id, memberId: voter.member.id, choice: c.choice, castAt: c.now })
      .onConflictDoUpdate({ target: [ballots.voteId, ballots.memberId], set: { choice: c.choice, castAt: c.now } })
      .run();
    return true;
  });
  if (!counted) return { ok: false, reason: "vote-closed" };
  const everyone = tallyOf(db, vote.id).notVoted.length === 0;
  return { ok: true, vote, choice: c.choice, closing: everyone ? settle(db, vote.id, c.now) : undefined };
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

/** Closes every round whose deadline has passed; the scheduler calls this, and the bot at start. */
export function closeDueVotes(db: Db, now: Date): Closing[] {
  const due = db
    .select({ id: votes.id })
    .from(votes)
    .where(and(isNull(votes.closedAt), lte(votes.deadline, now)))
    .all();
  return due.map((row) => settle(db, toVoteId(row.id), now)).filter((closing) => closing !== undefined);
}
