import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { preparedQuery } from "../db/prepared.js";
import { stateIs } from "../db/states.js";
import { membershipRequests } from "../db/schema.js";
import { isUniqueViolation } from "./errors.js";
import { groupById, isClosed } from "./groups.js";
import { activeMembership, insertMember } from "./members.js";
import { mayDecideRequests } from "./permissions.js";
import {
  groupId as toGroupId,
  requestId as toRequestId,
  userId as toUserId,
  type Category,
  type Group,
  type GroupId,
  type MemberId,
  type RequestId,
  type UserId,
} from "./types.js";

export type RequestStatus = "pending" | "approved" | "refused";

export interface MembershipRequest {
  id: RequestId;
  groupId: GroupId;
  userId: UserId;
  fullName: string;
  category: Category;
  status: RequestStatus;
}

function toRequest(row: typeof membershipRequests.$inferSelect): MembershipRequest {
  return {
    id: toRequestId(row.id),
    groupId: toGroupId(row.groupId),
    userId: toUserId(row.userId),
    fullName: row.fullName,
    category: row.category as Category,
    status: row.status,
  };
}

const statements = preparedQuery((db) => {
  const group = sql.placeholder("group");
  const pending = and(eq(membershipRequests.groupId, group), stateIs(membershipRequests.status, "pending"));
  return {
    byId: db
      .select()
      .from(membershipRequests)
      .where(eq(membershipRequests.id, sql.placeholder("id")))
      .prepare(),
    pendingOf: db
      .select()
      .from(membershipRequests)
      .where(and(pending, eq(membershipRequests.userId, sql.placeholder("user"))))
      .prepare(),
    pending: db.select().from(membershipRequests).where(pending).orderBy(membershipRequests.createdAt).prepare(),
    pendingCount: db.select({ n: sql<number>`count(*)` }).from(membershipRequests).where(pending).prepare(),
    file: db
      .insert(membershipRequests)
      .values({
        groupId: group,
        userId: sql.placeholder("user"),
        fullName: sql.placeholder("fullName"),
        category: sql.placeholder("category"),
        consentedAt: sql.placeholder("now"),
        status: "pending",
        createdAt: sql.placeholder("now"),
      })
      .returning()
      .prepare(),
    decide: db
      .update(membershipRequests)
      .set({
        status: sql.placeholder("status") as never,
        decidedBy: sql.placeholder("by") as never,
        decidedAt: sql.placeholder("now") as never,
      })
      .where(and(eq(membershipRequests.id, sql.placeholder("id")), stateIs(membershipRequests.status, "pending")))
      .prepare(),
  };
});

export function requestById(db: Db, id: RequestId): MembershipRequest | undefined {
  const row = statements(db).byId.get({ id });
  return row && toRequest(row);
}

export function pendingRequest(db: Db, group: GroupId, user: UserId): MembershipRequest | undefined {
  const row = statements(db).pendingOf.get({ group, user });
  return row && toRequest(row);
}

export function pendingRequests(db: Db, group: GroupId): MembershipRequest[] {
  return statements(db).pending.all({ group }).map(toRequest);
}

export function countPendingRequests(db: Db, group: GroupId): number {
  return statements(db).pendingCount.get({ group })?.n ?? 0;
}

export type JoinRefusal = "not-found" | "closed" | "already-member" | "already-pending";

/** Whether this person may ask to join now; asked before the form and again when it is sent. */
export function joinRefusal(db: Db, group: Group | undefined, user: UserId, now: Date): JoinRefusal | undefined {
  if (!group) return "not-found";
  if (isClosed(group, now)) return "closed";
  if (activeMembership(db, group.id, user)) return "already-member";
  if (pendingRequest(db, group.id, user)) return "already-pending";
  return undefined;
}

export type RequestResult = { ok: true; request: MembershipRequest } | { ok: false; reason: JoinRefusal };

/** Files a membership request with the consent the applicant gave in the form. */
export function requestMembership(
  db: Db,
  r: { group: GroupId; user: UserId; fullName: string; category: Category; now: Date },
): RequestResult {
  const refusal = joinRefusal(db, groupById(db, r.group), r.user, r.now);
  if (refusal) return { ok: false, reason: refusal };
  try {
    const row = statements(db).file.get({ group: r.group, user: r.user, fullName: r.fullName, category: r.category, now: r.now })!;
    return { ok: true, request: toRequest(row) };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "already-pending" };
    throw error;
  }
}

export type DecideResult =
  | { ok: true; request: MembershipRequest; member: MemberId | undefined }
  | { ok: false; reason: "not-found" | "closed" | "not-allowed" | "already-member"; request?: MembershipRequest }
  | { ok: false; reason: "already-decided"; request: MembershipRequest };

/** An appointer or the leader approves or refuses a pending request. */
export function decideRequest(db: Db, d: { request: RequestId; by: UserId; approve: boolean; now: Date }): DecideResult {
  const request = requestById(db, d.request);
  if (!request) return { ok: false, reason: "not-found" };
  const group = groupById(db, request.groupId);
  if (!group) return { ok: false, reason: "not-found" };
  if (!mayDecideRequests(db, request.groupId, d.by)) return { ok: false, reason: "not-allowed", request };
  if (request.status !== "pending") return { ok: false, reason: "already-decided", request };
  if (isClosed(group, d.now)) return { ok: false, reason: "closed", request };
  if (d.approve && activeMembership(db, request.groupId, request.userId)) {
    return { ok: false, reason: "already-member", request };
  }
  return db.transaction((tx) => {
    const status: RequestStatus = d.approve ? "approved" : "refused";
    const decided = statements(tx).decide.run({ id: d.request, status, by: d.by, now: d.now });
    if (decided.changes === 0) return { ok: false as const, reason: "already-decided" as const, request };
    let member: MemberId | undefined;
    if (d.approve) {
      member = insertMember(tx, {
        group: request.groupId,
        user: request.userId,
        fullName: request.fullName,
        category: request.category,
        requestId: request.id,
        now: d.now,
      });
    }
    return { ok: true as const, request: { ...request, status }, member };
  });
}
