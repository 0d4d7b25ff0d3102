import { and, asc, desc, eq, ne, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { preparedQuery } from "../db/prepared.js";
import { attendance, members, protocolComments, protocolItems, protocols, recommendations } from "../db/schema.js";
import { localDate } from "./calendar.js";
import { isUniqueViolation } from "./errors.js";
import { groupById, isClosed } from "./groups.js";
import { meetingById, type Meeting } from "./meetings.js";
import { activeMembership } from "./members.js";
import { mayComment, mayDraftProtocol } from "./permissions.js";
import { observationsToCover, writeObservationLinks } from "./protocol-observations.js";
import { isEditable, type ProtocolStatus } from "./protocol-status.js";
import {
  groupId as toGroupId,
  meetingId as toMeetingId,
  protocolId as toProtocolId,
  type Category,
  type GroupId,
  type MeetingId,
  type MemberId,
  type ProtocolId,
  type UserId,
} from "./types.js";

export const ADDRESSEES = ["head", "chair", "other"] as const;
export type Addressee = (typeof ADDRESSEES)[number];

export interface ItemRecord {
  title: string;
  discussed: string;
  /** Undefined when nothing was decided on this item. */
  decided: string | null;
}

export interface RecommendationInput {
  text: string;
  addressee: Addressee;
  addresseeName: string | null;
  dueOn: string;
}

export interface Protocol {
  id: ProtocolId;
  groupId: GroupId;
  meetingId: MeetingId;
  year: number;
  number: number;
  heldOn: string;
  place: string;
  status: ProtocolStatus;
  hash: string | null;
  canonicalText: string | null;
  signingMessageId: number | null;
}

export interface Person {
  memberId: MemberId;
  name: string;
  category: Category;
}

export interface Comment {
  author: string;
  text: string;
  at: Date;
}

/** A protocol with everything it says. */
export interface ProtocolContent extends Protocol {
  items: ItemRecord[];
  recommendations: RecommendationInput[];
  attendees: Person[];
}

function toProtocol(row: typeof protocols.$inferSelect): Protocol {
  return {
    id: toProtocolId(row.id),
    groupId: toGroupId(row.groupId),
    meetingId: toMeetingId(row.meetingId),
    year: row.year,
    number: row.number,
    heldOn: row.heldOn,
    place: row.place,
    status: row.status,
    hash: row.hash,
    canonicalText: row.canonicalText,
    signingMessageId: row.signingMessageId,
  };
}

const protocolQuery = preparedQuery((db) =>
  db
    .select()
    .from(protocols)
    .where(eq(protocols.id, sql.placeholder("id")))
    .prepare(),
);

export function protocolById(db: Db, id: ProtocolId): Protocol | undefined {
  const row = protocolQuery(db).get({ id });
  return row && toProtocol(row);
}

export function protocolByNumber(db: Db, group: GroupId, year: number, number: number): Protocol | undefined {
  const row = db
    .select()
    .from(protocols)
    .where(and(eq(protocols.groupId, group), eq(protocols.year, year), eq(protocols.number, number)))
    .get();
  return row && toProtocol(row);
}

/** The protocol in progress (not yet final), the newest if several. */
const inProgressQuery = preparedQuery((db) =>
  db
    .select()
    .from(protocols)
    .where(and(eq(protocols.groupId, sql.placeholder("group")), ne(protocols.status, "final")))
    .orderBy(desc(protocols.id))
    .limit(1)
    .prepare(),
);

export function protocolInProgress(db: Db, group: GroupId): Protocol | undefined {
  const row = inProgressQuery(db).get({ group });
  return row && toProtocol(row);
}

export function latestProtocol(db: Db, group: GroupId): Protocol | undefined {
  const row = db.select().from(protocols).where(eq(protocols.groupId, group)).orderBy(desc(protocols.id)).get();
  return row && toProtocol(row);
}

/** The attendees of a protocol's meeting, by member id (a stable order for the frozen text). */
const attendeesQuery = preparedQuery((db) =>
  db
    .select({ memberId: members.id, name: members.fullName, category: members.category })
    .from(attendance)
    .innerJoin(members, eq(members.id, attendance.memberId))
    .where(eq(attendance.meetingId, sql.placeholder("meeting")))
    .orderBy(asc(members.id))
    .prepare(),
);

export function protocolAttendees(db: Db, meeting: MeetingId): Person[] {
  return attendeesQuery(db)
    .all({ meeting })
    .map((row) => ({ memberId: row.memberId as MemberId, name: row.name, category: row.category as Category }));
}

const itemsQuery = preparedQuery((db) =>
  db
    .select({ title: protocolItems.title, discussed: protocolItems.discussed, decided: protocolItems.decided })
    .from(protocolItems)
    .where(eq(protocolItems.protocolId, sql.placeholder("protocol")))
    .orderBy(asc(protocolItems.position))
    .prepare(),
);

const recommendationsQuery = preparedQuery((db) =>
  db
    .select({
      text: recommendations.text,
      addressee: recommendations.addressee,
      addresseeName: recommendations.addresseeName,
      dueOn: recommendations.dueOn,
    })
    .from(recommendations)
    .where(eq(recommendations.protocolId, sql.placeholder("protocol")))
    .orderBy(asc(recommendations.position))
    .prepare(),
);

export function protocolContent(db: Db, protocol: Protocol): ProtocolContent {
  return {
    ...protocol,
    items: itemsQuery(db).all({ protocol: protocol.id }),
    recommendations: recommendationsQuery(db).all({ protocol: protocol.id }),
    attendees: protocolAttendees(db, protocol.meetingId),
  };
}

export function commentsOn(db: Db, protocol: ProtocolId): Comment[] {
  return db
    .select({ author: members.fullName, text: protocolComments.text, at: protocolComments.createdAt })
    .from(protocolComments)
    .innerJoin(members, eq(members.id, protocolComments.memberId))
    .where(eq(protocolComments.protocolId, protocol))
    .orderBy(asc(protocolComments.id))
    .all();
}

type Refusal = "not-found" | "closed" | "not-allowed";

export type DraftResult = { ok: true; protocol: Protocol } | { ok: false; reason: Refusal | "not-held" | "exists" };

/** Whether the leader may draft the protocol of this meeting now: it was held and has none yet. */
export function draftRefusal(db: Db, meeting: Meeting | undefined, by: UserId, now: Date): DraftResult | undefined {
  if (!meeting) return { ok: false, reason: "not-found" };
  const group = groupById(db, meeting.groupId);
  if (!group) return { ok: false, reason: "not-found" };
  if (isClosed(group, now)) return { ok: false, reason: "closed" };
  if (!mayDraftProtocol(db, meeting.groupId, by)) return { ok: false, reason: "not-allowed" };
  if (meeting.cancelled || !meeting.attendanceRecorded || meeting.startsAt > now) return { ok: false, reason: "not-held" };
  if (db.select({ id: protocols.id }).from(protocols).where(eq(protocols.meetingId, meeting.id)).get()) {
    return { ok: false, reason: "exists" };
  }
  return undefined;
}

/** The picked ids that the protocol may indeed cover. */
function coverable(db: Db, group: GroupId, meeting: MeetingId, protocol: ProtocolId, picked: readonly number[]): number[] {
  const allowed = new Set<number>(observationsToCover(db, group, meeting, protocol).map((o) => o.id));
  return picked.filter((id) => allowed.has(id));
}

function writeItems(db: Db, protocol: ProtocolId, items: readonly ItemRecord[]): void {
  db.delete(protocolItems).where(eq(protocolItems.protocolId, protocol)).run();
  if (items.length === 0) return;
  db.insert(protocolItems)
    .values(items.map((item, position) => ({ protocolId: protocol, position, ...item })))
    .run();
}

function writeRecommendations(db: Db, protocol: ProtocolId, recs: readonly RecommendationInput[]): void {
  db.delete(recommendations).where(eq(recommendations.protocolId, protocol)).run();
  if (recs.length === 0) return;
  db.insert(recommendations)
    .values(recs.map((rec, position) => ({ protocolId: protocol, position, ...rec })))
    .run();
}

/**
 * The leader drafts the protocol of a held meeting. It gets the next number of its group and
 * year (3/2026); the date and place come from the meeting, the attendees from its attendance.
 */
export function createDraft(
  db: Db,
  d: {
    meeting: MeetingId;
    by: UserId;
    items: readonly ItemRecord[];
    recommendations: readonly RecommendationInput[];
    /** Ids picked from observationsToCover; any others are ignored. */
    observations?: readonly number[];
    now: Date;
  },
): DraftResult {
  const meeting = meetingById(db, d.meeting);
  const refusal = draftRefusal(db, meeting, d.by, d.now);
  if (refusal || !meeting) return refusal ?? { ok: false, reason: "not-found" };
  const heldOn = localDate(meeting.startsAt);
  const year = Number(heldOn.slice(0, 4));
  try {
    const id = db.transaction((tx) => {
      const last = tx
        .select({ n: sql<number>`coalesce(max(${protocols.number}), 0)` })
        .from(protocols)
        .where(and(eq(protocols.groupId, meeting.groupId), eq(protocols.year, year)))
        .get();
      const row = tx
        .insert(protocols)
        .values({
          groupId: meeting.groupId,
          meetingId: meeting.id,
          year,
          number: (last?.n ?? 0) + 1,
          heldOn,
          place: meeting.place,
          status: "draft",
          createdBy: d.by,
          createdAt: d.now,
        })
        .returning({ id: protocols.id })
        .get();
      const protocol = toProtocolId(row.id);
      writeItems(tx, protocol, d.items);
      writeRecommendations(tx, protocol, d.recommendations);
      writeObservationLinks(tx, protocol, coverable(tx, meeting.groupId, meeting.id, protocol, d.observations ?? []));
      return protocol;
    });
    return { ok: true, protocol: protocolById(db, id)! };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "exists" };
    throw error;
  }
}

/** A protocol of a group whose records may still change. */
function protocolOfOpenGroup(
  db: Db,
  id: ProtocolId,
  now: Date,
): { ok: true; protocol: Protocol } | { ok: false; reason: "not-found" | "closed" } {
  const protocol = protocolById(db, id);
  const group = protocol && groupById(db, protocol.groupId);
  if (!protocol || !group) return { ok: false, reason: "not-found" };
  if (isClosed(group, now)) return { ok: false, reason: "closed" };
  return { ok: true, protocol };
}

export type EditResult = { ok: true; protocol: Protocol } | { ok: false; reason: Refusal | "not-draft" };

/** Whether this person may change this protocol now: the leader, while it is a draft. */
export function editableDraft(db: Db, id: ProtocolId, by: UserId, now: Date): EditResult {
  const found = protocolOfOpenGroup(db, id, now);
  if (!found.ok) return found;
  const protocol = found.protocol;
  if (!mayDraftProtocol(db, protocol.groupId, by)) return { ok: false, reason: "not-allowed" };
  if (!isEditable(protocol.status)) return { ok: false, reason: "not-draft" };
  return { ok: true, protocol };
}

/** Revisions of a draft: an item's record, the recommendations, the place. */
export type Revision =
  | { part: "item"; position: number; title?: string; discussed: string; decided: string | null }
  | { part: "recommendations"; recommendations: readonly RecommendationInput[] }
  | { part: "place"; place: string }
  | { part: "observations"; observations: readonly number[] };

export function reviseDraft(db: Db, r: { protocol: ProtocolId; by: UserId; now: Date; revision: Revision }): EditResult {
  const editable = editableDraft(db, r.protocol, r.by, r.now);
  if (!editable.ok) return editable;
  const change = r.revision;
  // The status is checked again inside the write: a vote opened meanwhile wins.
  return db.transaction((tx) => {
    const still = tx.select({ status: protocols.status }).from(protocols).where(eq(protocols.id, r.protocol)).get();
    if (still?.status !== "draft") return { ok: false as const, reason: "not-draft" as const };
    if (change.part === "item") {
      tx.update(protocolItems)
        .set({ title: change.title, discussed: change.discussed, decided: change.decided })
        .where(and(eq(protocolItems.protocolId, r.protocol), eq(protocolItems.position, change.position)))
        .run();
    } else if (change.part === "recommendations") {
      writeRecommendations(tx, r.protocol, change.recommendations);
    } else if (change.part === "observations") {
      const { groupId, meetingId } = editable.protocol;
      writeObservationLinks(tx, r.protocol, coverable(tx, groupId, meetingId, r.protocol, change.observations));
    } else {
      tx.update(protocols).set({ place: change.place }).where(eq(protocols.id, r.protocol)).run();
    }
    return { ok: true as const, protocol: editable.protocol };
  });
}

export type CommentResult = { ok: true; protocol: Protocol } | { ok: false; reason: "not-found" | "closed" | "not-member" | "not-draft" };

/** Whether this person may comment on this protocol now: a member, while it is a draft. */
export function commentRefusal(db: Db, id: ProtocolId, user: UserId, now: Date): CommentResult {
  const found = protocolOfOpenGroup(db, id, now);
  if (!found.ok) return found;
  const protocol = found.protocol;
  if (!mayComment(db, protocol.groupId, user)) return { ok: false, reason: "not-member" };
  if (!isEditable(protocol.status)) return { ok: false, reason: "not-draft" };
  return { ok: true, protocol };
}

export function addComment(db: Db, c: { protocol: ProtocolId; user: UserId; text: string; now: Date }): CommentResult {
  const allowed = commentRefusal(db, c.protocol, c.user, c.now);
  if (!allowed.ok) return allowed;
  const member = activeMembership(db, allowed.protocol.groupId, c.user)!;
  db.insert(protocolComments).values({ protocolId: c.protocol, memberId: member.id, text: c.text, createdAt: c.now }).run();
  return allowed;
}

/** Items with a decision: a protocol without any cannot be put to the vote. */
export function hasDecisions(content: ProtocolContent): boolean {
  return content.items.some((item) => item.decided !== null);
}

const signingMessageUpdate = preparedQuery((db) =>
  db
    .update(protocols)
    .set({ signingMessageId: sql`${sql.placeholder("message")}` })
    .where(eq(protocols.id, sql.placeholder("id")))
    .prepare(),
);

export function setSigningMessage(db: Db, id: ProtocolId, messageId: number): void {
  signingMessageUpdate(db).run({ id, message: messageId });
}
