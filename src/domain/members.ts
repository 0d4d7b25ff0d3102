import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { preparedQuery } from "../db/prepared.js";
import { appointers, groups, leaderAppointments, members, users } from "../db/schema.js";
import {
  groupId as toGroupId,
  isCategory,
  memberId as toMemberId,
  userId as toUserId,
  type Category,
  type Group,
  type GroupId,
  type Member,
  type MemberId,
  type UserId,
} from "./types.js";
import { groupById } from "./groups.js";

const memberColumns = {
  id: members.id,
  groupId: members.groupId,
  userId: members.userId,
  fullName: members.fullName,
  category: members.category,
  joinedAt: members.joinedAt,
  leftAt: members.leftAt,
  leaderSince: leaderAppointments.appointedAt,
  unreachableAt: users.unreachableAt,
};

type MemberRow = {
  id: number;
  groupId: number;
  userId: number;
  fullName: string;
  category: string;
  joinedAt: Date;
  leftAt: Date | null;
  leaderSince: Date | null;
  unreachableAt: Date | null;
};

function toMember(row: MemberRow): Member {
  return {
    id: toMemberId(row.id),
    groupId: toGroupId(row.groupId),
    userId: toUserId(row.userId),
    fullName: row.fullName,
    category: isCategory(row.category) ? row.category : "resident",
    joinedAt: row.joinedAt,
    leftAt: row.leftAt,
    isLeader: row.leaderSince !== null,
    unreachable: row.unreachableAt !== null,
  };
}

function memberQuery(db: Db) {
  return db
    .select(memberColumns)
    .from(members)
    .leftJoin(
      leaderAppointments,
      and(eq(leaderAppointments.memberId, members.id), isNull(leaderAppointments.endedAt)),
    )
    .innerJoin(users, eq(users.id, members.userId));
}

/** The group's current members: the leader first, then by name. */
const activeMembersQuery = preparedQuery((db) =>
  memberQuery(db)
    .where(and(eq(members.groupId, sql.placeholder("group")), isNull(members.leftAt)))
    .orderBy(sql`${leaderAppointments.id} is null`, asc(members.fullName))
    .prepare(),
);

export function activeMembers(db: Db, group: GroupId): Member[] {
  return activeMembersQuery(db).all({ group }).map(toMember);
}

export function countActiveMembers(db: Db, group: GroupId): number {
  const row = db
    .select({ n: sql<number>`count(*)` })
    .from(members)
    .where(and(eq(members.groupId, group), isNull(members.leftAt)))
    .get();
  return row?.n ?? 0;
}

const membershipQuery = preparedQuery((db) =>
  memberQuery(db)
    .where(and(eq(members.groupId, sql.placeholder("group")), eq(members.userId, sql.placeholder("user")), isNull(members.leftAt)))
    .prepare(),
);

export function activeMembership(db: Db, group: GroupId, user: UserId): Member | undefined {
  const row = membershipQuery(db).get({ group, user });
  return row && toMember(row);
}

export function memberById(db: Db, id: MemberId): Member | undefined {
  const row = memberQuery(db).where(eq(members.id, id)).get();
  return row && toMember(row);
}

/** Groups this person belongs to as a member or an appointer, by municipality. */
export function groupsOfUser(db: Db, user: UserId): Group[] {
  const ids = db
    .selectDistinct({ id: groups.id, municipality: groups.municipality })
    .from(groups)
    .leftJoin(members, and(eq(members.groupId, groups.id), eq(members.userId, user), isNull(members.leftAt)))
    .leftJoin(
      appointers,
      and(eq(appointers.groupId, groups.id), eq(appointers.userId, user), isNull(appointers.removedAt)),
    )
    .where(sql`${members.id} is not null or ${appointers.id} is not null`)
    .orderBy(groups.municipality)
    .all();
  return ids.map((row) => groupById(db, toGroupId(row.id))).filter((group) => group !== undefined);
}

export interface NewMember {
  group: GroupId;
  user: UserId;
  fullName: string;
  category: Category;
  requestId: number | null;
  now: Date;
}

/** Inserts a membership row; callers run it inside their transaction. */
export function insertMember(db: Db, m: NewMember): MemberId {
  const row = db
    .insert(members)
    .values({
      groupId: m.group,
      userId: m.user,
      fullName: m.fullName,
      category: m.category,
      requestId: m.requestId,
      joinedAt: m.now,
    })
    .returning({ id: members.id })
    .get();
  return toMemberId(row.id);
}
