import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { preparedQuery } from "../db/prepared.js";
import { ballots, members, voters } from "../db/schema.js";
import { moreThanHalf } from "./rules.js";
import type { VoteId } from "./types.js";

export const CHOICES = ["for", "against", "abstain"] as const;
export type Choice = (typeof CHOICES)[number];
export const isChoice = (value: unknown): value is Choice => typeof value === "string" && (CHOICES as readonly string[]).includes(value);

export type Outcome = "adopted" | "rejected" | "no-quorum";

/** Votes by name, as they go into the protocol. */
export interface Tally {
  for: string[];
  against: string[];
  abstain: string[];
  /** Voters of the round who have not voted. */
  notVoted: string[];
  /** How many may vote in the round (the members when it opened). */
  voters: number;
}

const tallyQuery = preparedQuery((db) =>
  db
    .select({ name: members.fullName, choice: ballots.choice })
    .from(voters)
    .innerJoin(members, eq(members.id, voters.memberId))
    .leftJoin(ballots, and(eq(ballots.voteId, voters.voteId), eq(ballots.memberId, voters.memberId)))
    .where(eq(voters.voteId, sql.placeholder("vote")))
    .orderBy(asc(members.fullName), asc(members.id))
    .prepare(),
);

export function tallyOf(db: Db, vote: VoteId): Tally {
  const rows = tallyQuery(db).all({ vote });
  const named = (choice: Choice | null) => rows.filter((row) => row.choice === choice).map((row) => row.name);
  return { for: named("for"), against: named("against"), abstain: named("abstain"), notVoted: named(null), voters: rows.length };
}

export const castCount = (tally: Tally) => tally.for.length + tally.against.length + tally.abstain.length;

/** Quorum: more than half of the members voted; adopted: more than half of the votes cast are "for". */
export function outcomeOf(tally: Tally): Outcome {
  const cast = castCount(tally);
  if (!moreThanHalf(cast, tally.voters)) return "no-quorum";
  return moreThanHalf(tally.for.length, cast) ? "adopted" : "rejected";
}

/** Voters of a round who are still members and have not voted (for reminders and /status). */
export function waitingVoters(db: Db, vote: VoteId): string[] {
  return db
    .select({ name: members.fullName })
    .from(voters)
    .innerJoin(members, eq(members.id, voters.memberId))
    .leftJoin(ballots, and(eq(ballots.voteId, voters.voteId), eq(ballots.memberId, voters.memberId)))
    .where(and(eq(voters.voteId, vote), isNull(ballots.memberId), isNull(members.leftAt)))
    .orderBy(asc(members.fullName))
    .all()
    .map((row) => row.name);
}
