import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { memo } from "../db/memo.js";
import { preparedQuery } from "../db/prepared.js";
import { appointers, leaderAppointments, members, users } from "../db/schema.js";
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
    .leftJoin(leaderAppointments, and(eq(leaderAppointments.memberId, members.id), isNull(leaderAppointments.endedAt)))
    .innerJoin(users, eq(users.id, members.userId));
}

const statements = preparedQuery((db) => {
  const group = sql.placeholder("group");
  const user = sql.placeholder("user");
  return {
    active: memberQuery(db)
      .where(and(eq(members.groupId, group), isNull(members.leftAt)))
      .orderBy(sql`${leaderAppointments.id} is null`, asc(members.fullName))
      .prepare(),
    count: db
      .select({ n: sql<number>`count(*)` })
      .from(members)
      .where(and(eq(members.groupId, group), isNull(members.leftAt)))
      .prepare(),
    membership: memberQuery(db)
      .where(and(eq(members.groupId, group), eq(members.userId, user), isNull(members.leftAt)))
      .prepare(),
    byId: memberQuery(db)
      .where(eq(members.id, sql.placeholder("id")))
      .prepare(),
    // Both halves use an index on user_id; a join from groups would scan every group.
    groupIdsOfUser: db
      .select({ id: members.groupId })
      .from(members)
      .where(and(eq(members.userId, user), isNull(members.leftAt)))
      .union(
        db
          .select({ id: appointers.groupId })
          .from(appointers)
          .where(and(eq(appointers.userId, user), isNull(appointers.removedAt))),
      )
      .prepare(),
    insert: db
      .insert(members)
      .values({
        groupId: group,
        userId: user,
        fullName: sql.placeholder("fullName"),
        category: sql.placeholder("category"),
        requestId: sql.placeholder("request"),
        joinedAt: sql.placeholder("now"),
      })
      .returning({ id: members.id })
      .prepare(),
  };
});

/** The group's current members: the leader first, then by name. */
export function activeMembers(db: Db, group: GroupId): Member[] {
  return statements(db).active.all({ group }).map(toMember);
}

export function countActiveMembers(db: Db, group: GroupId): number {
  return statements(db).count.get({ group })?.n ?? 0;
}

/**
 * Memberships by `<group>:<user>`. A member carries names and the leader's mark, so every write
 * of members, leaders or people's names forgets them all (those writes are rare).
 */
const memberships = memo<string, Member | undefined>();

/** Called by the writers of members, leader appointments and people's names. */
export function forgetMemberships(db: Db): void {
  memberships.forget(db);
}

export function activeMembership(db: Db, group: GroupId, user: UserId): Member | undefined {
  return memberships.get(db, `${group}:${user}`, () => {
    const row = statements(db).membership.get({ group, user });
    return row && toMember(row);
  });
}

export function memberById(db: Db, id: MemberId): Member | undefined {
  const row = statements(db).byId.get({ id });
  return row && toMember(row);
}

/** Groups this person belongs to as a member or an appointer, by municipality. */
export function groupsOfUser(db: Db, user: UserId): Group[] {
  return statements(db)
    .groupIdsOfUser.all({ user })
    .map((row) => groupById(db, toGroupId(row.id)))
    .filter((group) => group !== undefined)
    .sort((a, b) => a.municipality.in("ky").localeCompare(b.municipality.in("ky")));
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
  memberships.forget(db);
  const row = statements(db).insert.get({
    group: m.group,
    user: m.user,
    fullName: m.fullName,
    category: m.category,
    request: m.requestId,
    now: m.now,
  })!;
  return toMemberId(row.id);
}
