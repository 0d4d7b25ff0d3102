import { and, desc, eq, lt, ne, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { preparedQuery } from "../db/prepared.js";
import { protocolObservations, protocols } from "../db/schema.js";
import { localDate } from "./calendar.js";
import { meetingById } from "./meetings.js";
import { observationById, observationsBetween, type Observation } from "./observations.js";
import { observationId, type GroupId, type MeetingId, type ProtocolId } from "./types.js";

/** Before any protocol, the period reaches back to the group's first observation. */
const BEGINNING = "0001-01-01";

/**
 * The observations a protocol may cover: those of the period since the previous protocol's
 * meeting up to this meeting's day, not already covered by another protocol.
 */
export function observationsToCover(db: Db, group: GroupId, meeting: MeetingId, protocol?: ProtocolId): Observation[] {
  const found = meetingById(db, meeting);
  if (!found) return [];
  const heldOn = localDate(found.startsAt);
  const previous = db
    .select({ heldOn: protocols.heldOn })
    .from(protocols)
    .where(and(eq(protocols.groupId, group), ne(protocols.meetingId, meeting), lt(protocols.heldOn, heldOn)))
    .orderBy(desc(protocols.heldOn))
    .get();
  const covered = new Set(
    db
      .select({ id: protocolObservations.observationId, protocol: protocolObservations.protocolId })
      .from(protocolObservations)
      .all()
      .filter((link) => link.protocol !== protocol)
      .map((link) => link.id),
  );
  return observationsBetween(db, group, previous?.heldOn ?? BEGINNING, heldOn).filter((o) => !covered.has(o.id));
}

/** The observations a protocol covers, in the order of their dates (one withdrawn meanwhile drops out). */
const linksQuery = preparedQuery((db) =>
  db
    .select({ id: protocolObservations.observationId })
    .from(protocolObservations)
    .where(eq(protocolObservations.protocolId, sql.placeholder("protocol")))
    .prepare(),
);

export function coveredObservations(db: Db, protocol: ProtocolId): Observation[] {
  return linksQuery(db)
    .all({ protocol })
    .map((row) => observationById(db, observationId(row.id)))
    .filter((o): o is Observation => o !== undefined && o.status === "active")
    .sort((a, b) => a.observedOn.localeCompare(b.observedOn) || a.id - b.id);
}

/** Replaces a draft's links (they lock only when the protocol is final). */
export function writeObservationLinks(db: Db, protocol: ProtocolId, ids: readonly number[]): void {
  db.delete(protocolObservations).where(eq(protocolObservations.protocolId, protocol)).run();
  if (ids.length === 0) return;
  db.insert(protocolObservations)
    .values([...new Set(ids)].map((id) => ({ protocolId: protocol, observationId: id })))
    .run();
}
