import { and, asc, desc, eq, lt, sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { stateIn } from "../db/states.js";
import { preparedQuery } from "../db/prepared.js";
import { protocols, recommendationEvents, recommendations, users } from "../db/schema.js";
import { groupById, isClosed } from "./groups.js";
import { mayChangeRecommendation } from "./permissions.js";
import type { Addressee } from "./protocols.js";
import { groupId as toGroupId, protocolId as toProtocolId, type GroupId, type ProtocolId, type UserId } from "./types.js";

/**
 * After the protocol is final its recommendations are tracked: sent → accepted or rejected;
 * accepted → in progress → done. Done and rejected are closed.
 */
export const RECOMMENDATION_STATUSES = ["sent", "accepted", "rejected", "in-progress", "done"] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];
export const isRecommendationStatus = (value: unknown): value is RecommendationStatus =>
  typeof value === "string" && (RECOMMENDATION_STATUSES as readonly string[]).includes(value);

export const OPEN_STATUSES = ["sent", "accepted", "in-progress"] as const satisfies readonly RecommendationStatus[];

/** What a recommendation can become: everything but where it starts. */
export type NextStatus = Exclude<RecommendationStatus, "sent">;

const NEXT: Record<RecommendationStatus, readonly NextStatus[]> = {
  sent: ["accepted", "rejected"],
  accepted: ["in-progress"],
  "in-progress": ["done"],
  rejected: [],
  done: [],
};

export function nextStatuses(status: RecommendationStatus): readonly NextStatus[] {
  return NEXT[status];
}

/** Whether a recommendation in `from` may be moved to `to`. */
export function isNextStatus(from: RecommendationStatus, to: RecommendationStatus): boolean {
  return (NEXT[from] as readonly RecommendationStatus[]).includes(to);
}

/** The addressee's answer recorded with a change; longer ones are refused by the form. */
export const NOTE_MAX_LENGTH = 1000;

export type RecommendationId = number & { readonly __recommendation: true };
export const recommendationId = (id: number) => id as RecommendationId;

export interface Recommendation {
  id: RecommendationId;
  groupId: GroupId;
  protocolId: ProtocolId;
  protocolNumber: number;
  protocolYear: number;
  position: number;
  text: string;
  addressee: Addressee;
  addresseeName: string | null;
  dueOn: string;
  status: RecommendationStatus;
}

export interface RecommendationEvent {
  from: RecommendationStatus;
  to: RecommendationStatus;
  note: string | null;
  by: string;
  at: Date;
}

/** Past its due date and neither done nor rejected. */
export function isOverdue(r: Pick<Recommendation, "dueOn" | "status">, today: string): boolean {
  return r.dueOn < today && (OPEN_STATUSES as readonly string[]).includes(r.status);
}

const columns = {
  id: recommendations.id,
  groupId: protocols.groupId,
  protocolId: protocols.id,
  protocolNumber: protocols.number,
  protocolYear: protocols.year,
  position: recommendations.position,
  text: recommendations.text,
  addressee: recommendations.addressee,
  addresseeName: recommendations.addresseeName,
  dueOn: recommendations.dueOn,
  status: recommendations.status,
};

type Row = Omit<Recommendation, "id" | "groupId" | "protocolId"> & { id: number; groupId: number; protocolId: number };

function toRecommendation(row: Row): Recommendation {
  return { ...row, id: recommendationId(row.id), groupId: toGroupId(row.groupId), protocolId: toProtocolId(row.protocolId) };
}

/** Recommendations of final protocols only: a draft's may still change. */
const tracked = (db: Db) =>
  db
    .select(columns)
    .from(recommendations)
    .innerJoin(protocols, and(eq(protocols.id, recommendations.protocolId), eq(protocols.status, "final")));

export function recommendationById(db: Db, id: number): Recommendation | undefined {
  const row = tracked(db).where(eq(recommendations.id, id)).get();
  return row && toRecommendation(row);
}

export function historyOf(db: Db, id: RecommendationId): RecommendationEvent[] {
  return db
    .select({
      from: recommendationEvents.fromStatus,
      to: recommendationEvents.toStatus,
      note: recommendationEvents.note,
      first: users.firstName,
      last: users.lastName,
      at: recommendationEvents.at,
    })
    .from(recommendationEvents)
    .innerJoin(users, eq(users.id, recommendationEvents.by))
    .where(eq(recommendationEvents.recommendationId, id))
    .orderBy(asc(recommendationEvents.id))
    .all()
    .map((row) => ({
      from: row.from as RecommendationStatus,
      to: row.to as RecommendationStatus,
      note: row.note,
      by: [row.first, row.last].filter(Boolean).join(" "),
      at: row.at,
    }));
}

/** Which recommendations a list shows. */
export type RecommendationView = "all" | "open" | "overdue";

export interface RecommendationFilter {
  group: GroupId;
  view: RecommendationView;
  addressee?: Addressee;
  protocol?: ProtocolId;
  /** Today's local date: what "overdue" is measured against. */
  today: string;
}

const openStatus = stateIn(recommendations.status, OPEN_STATUSES);

function filterWhere(f: RecommendationFilter): SQL | undefined {
  return and(
    eq(protocols.groupId, f.group),
    f.view === "all" ? undefined : openStatus,
    f.view === "overdue" ? lt(recommendations.dueOn, f.today) : undefined,
    f.addressee === undefined ? undefined : eq(recommendations.addressee, f.addressee),
    f.protocol === undefined ? undefined : eq(protocols.id, f.protocol),
  );
}

export interface RecommendationPage {
  items: Recommendation[];
  total: number;
}

/** The group's tracked recommendations, soonest due first. */
export function recommendationPage(db: Db, f: RecommendationFilter, page: number, size: number): RecommendationPage {
  const total =
    db
      .select({ n: sql<number>`count(*)` })
      .from(recommendations)
      .innerJoin(protocols, and(eq(protocols.id, recommendations.protocolId), eq(protocols.status, "final")))
      .where(filterWhere(f))
      .get()?.n ?? 0;
  const items = tracked(db)
    .where(filterWhere(f))
    .orderBy(asc(recommendations.dueOn), asc(recommendations.id))
    .limit(size)
    .offset(page * size)
    .all()
    .map(toRecommendation);
  return { items, total };
}

/** Every tracked recommendation of the group, in protocol order (exports, reports). */
export function groupRecommendations(db: Db, group: GroupId, where?: SQL): Recommendation[] {
  return tracked(db)
    .where(and(eq(protocols.groupId, group), where))
    .orderBy(asc(protocols.year), asc(protocols.number), asc(recommendations.position))
    .all()
    .map(toRecommendation);
}

const overdueQuery = preparedQuery((db) =>
  tracked(db)
    .where(and(eq(protocols.groupId, sql.placeholder("group")), openStatus, lt(recommendations.dueOn, sql.placeholder("today"))))
    .orderBy(asc(recommendations.dueOn), asc(recommendations.id))
    .prepare(),
);

/** The overdue ones of the group today, the longest overdue first (/status asks on every call). */
export function overdueRecommendations(db: Db, group: GroupId, today: string): Recommendation[] {
  return overdueQuery(db).all({ group, today }).map(toRecommendation);
}

/** Final protocols of the group that have recommendations, newest first (the list's filter). */
export function protocolsWithRecommendations(db: Db, group: GroupId): { id: ProtocolId; number: number; year: number }[] {
  return db
    .selectDistinct({ id: protocols.id, number: protocols.number, year: protocols.year })
    .from(protocols)
    .innerJoin(recommendations, eq(recommendations.protocolId, protocols.id))
    .where(and(eq(protocols.groupId, group), eq(protocols.status, "final")))
    .orderBy(desc(protocols.year), desc(protocols.number))
    .all()
    .map((row) => ({ ...row, id: toProtocolId(row.id) }));
}

export type ChangeRefusal = "not-found" | "closed" | "not-allowed" | "not-next" | "note-too-long";

export type ChangeResult = { ok: true; recommendation: Recommendation } | { ok: false; reason: ChangeRefusal };

/** Why this person may not move this recommendation to this status now, if they may not. */
export function changeRefusal(
  db: Db,
  r: Recommendation | undefined,
  to: RecommendationStatus,
  by: UserId,
  now: Date,
): ChangeRefusal | undefined {
  if (!r) return "not-found";
  const group = groupById(db, r.groupId);
  if (!group) return "not-found";
  if (isClosed(group, now)) return "closed";
  if (!mayChangeRecommendation(db, r.groupId, r.addressee, by)) return "not-allowed";
  if (!isNextStatus(r.status, to)) return "not-next";
  return undefined;
}

/**
 * Moves a recommendation to its next status, with a note (the addressee's answer) in its
 * history. The change is made only from the status it was read in: of two people pressing at
 * once, one wins and the other is told it has moved on.
 */
export function changeRecommendationStatus(
  db: Db,
  c: { id: number; to: RecommendationStatus; by: UserId; note: string | null; now: Date },
): ChangeResult {
  if (c.note !== null && c.note.length > NOTE_MAX_LENGTH) return { ok: false, reason: "note-too-long" };
  return db.transaction((tx) => {
    const r = recommendationById(tx, c.id);
    const refusal = changeRefusal(tx, r, c.to, c.by, c.now);
    if (refusal || !r) return { ok: false as const, reason: refusal ?? "not-found" };
    const moved = tx
      .update(recommendations)
      .set({ status: c.to })
      .where(and(eq(recommendations.id, r.id), eq(recommendations.status, r.status)))
      .run().changes;
    if (moved !== 1) return { ok: false as const, reason: "not-next" as const };
    tx.insert(recommendationEvents)
      .values({ recommendationId: r.id, fromStatus: r.status, toStatus: c.to, note: c.note, by: c.by, at: c.now })
      .run();
    return { ok: true as const, recommendation: { ...r, status: c.to } };
  });
}
