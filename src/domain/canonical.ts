import { createHash } from "node:crypto";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { preparedQuery } from "../db/prepared.js";
import { ballots, groups, members, signatures, votes } from "../db/schema.js";
import { meetingById } from "./meetings.js";
import { coveredObservations } from "./protocol-observations.js";
import { protocolById, protocolContent } from "./protocols.js";
import type { ProtocolId } from "./types.js";

export function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** JSON with object keys sorted at every level: the same record always gives the same text. */
export function stableStringify(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${stableStringify(value[key]!)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

const groupQuery = preparedQuery((db) =>
  db
    .select({ municipality: groups.municipality })
    .from(groups)
    .where(eq(groups.id, sql.placeholder("id")))
    .prepare(),
);

const leaderQuery = preparedQuery((db) =>
  db
    .select({ name: members.fullName, category: members.category })
    .from(signatures)
    .innerJoin(members, eq(members.id, signatures.memberId))
    .where(and(eq(signatures.protocolId, sql.placeholder("protocol")), eq(signatures.role, "leader")))
    .prepare(),
);

const adoptingVoteQuery = preparedQuery((db) =>
  db
    .select()
    .from(votes)
    .where(and(eq(votes.protocolId, sql.placeholder("protocol")), eq(votes.outcome, "adopted")))
    .orderBy(desc(votes.id))
    .prepare(),
);

const ballotsQuery = preparedQuery((db) =>
  db
    .select({ member: members.id, name: members.fullName, choice: ballots.choice })
    .from(ballots)
    .innerJoin(members, eq(members.id, ballots.memberId))
    .where(eq(ballots.voteId, sql.placeholder("vote")))
    .orderBy(asc(members.id))
    .prepare(),
);

/**
 * The protocol as it is adopted and signed, every field of it: group, number, meeting, place,
 * leader, attendees, agenda with discussion and decisions, recommendations, the observations it
 * covers, and the adopting vote by name. Read from the stored records, so /verify can rebuild it at any time.
 */
export function canonicalRecord(db: Db, id: ProtocolId): Json {
  const protocol = protocolById(db, id);
  if (!protocol) throw new Error(`protocol ${id} not found`);
  const content = protocolContent(db, protocol);
  const meeting = meetingById(db, protocol.meetingId);
  const group = groupQuery(db).get({ id: protocol.groupId });
  const leader = leaderQuery(db).get({ protocol: id });
  const vote = adoptingVoteQuery(db).get({ protocol: id });
  const voteBallots = vote ? ballotsQuery(db).all({ vote: vote.id }) : [];
  return {
    format: 1,
    group: group?.municipality ?? "",
    number: protocol.number,
    year: protocol.year,
    heldOn: protocol.heldOn,
    startsAt: meeting ? meeting.startsAt.toISOString() : null,
    place: protocol.place,
    leader: leader ? { name: leader.name, category: leader.category } : null,
    attendees: content.attendees.map((p) => ({ member: p.memberId, name: p.name, category: p.category })),
    items: content.items.map((item) => ({ title: item.title, discussed: item.discussed, decided: item.decided })),
    recommendations: content.recommendations.map((r) => ({
      text: r.text,
      addressee: r.addressee,
      addresseeName: r.addresseeName,
      dueOn: r.dueOn,
    })),
    observations: coveredObservations(db, id).map((o) => ({
      id: o.id,
      observedOn: o.observedOn,
      service: o.serviceId,
      author: o.authorName,
      place: o.place,
      latitude: o.latitude,
      longitude: o.longitude,
      quality: o.quality,
      compliance: o.compliance,
      resources: o.resources,
      finding: o.finding,
      // Only when there is one, so that the records signed before voice findings keep their hash.
      ...(o.findingVoice === null ? {} : { findingVoice: o.findingVoice }),
      photos: o.photos,
    })),
    vote: vote
      ? {
          openedAt: vote.openedAt.toISOString(),
          closedAt: vote.closedAt?.toISOString() ?? null,
          outcome: vote.outcome,
          ballots: voteBallots.map((b) => ({ member: b.member, name: b.name, choice: b.choice })),
        }
      : null,
  };
}

export function canonicalText(db: Db, id: ProtocolId): string {
  return stableStringify(canonicalRecord(db, id));
}
