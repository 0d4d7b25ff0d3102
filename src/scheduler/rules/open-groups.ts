import { and, eq, gte, isNull, lte, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { groups, leaderAppointments, members } from "../../db/schema.js";
import { localDate } from "../../domain/calendar.js";
import { groupNames } from "../../domain/groups.js";
import { chatId, groupId, userId, type Group, type UserId } from "../../domain/types.js";

export interface GroupWithLeader {
  group: Group;
  leader: UserId | undefined;
}

/**
 * Groups still working (not ended, term not over) that existed when a reminder fell due, each
 * with its leader's user id, in one read.
 */
export function openGroupsWithLeaders(db: Db, now: Date, dueAt: Date, where = sql`1 = 1`): GroupWithLeader[] {
  const today = localDate(now);
  return db
    .select({
      id: groups.id,
      chatId: groups.chatId,
      municipality: groups.municipality,
      municipalityRu: groups.municipalityRu,
      areaKy: groups.areaKy,
      areaRu: groups.areaRu,
      locale: groups.locale,
      termEndsOn: groups.termEndsOn,
      leader: members.userId,
    })
    .from(groups)
    .leftJoin(leaderAppointments, and(eq(leaderAppointments.groupId, groups.id), isNull(leaderAppointments.endedAt)))
    .leftJoin(members, eq(members.id, leaderAppointments.memberId))
    .where(and(isNull(groups.endedAt), or(isNull(groups.termEndsOn), gte(groups.termEndsOn, today)), lte(groups.createdAt, dueAt), where))
    .all()
    .map((row) => ({
      group: {
        id: groupId(row.id),
        chatId: chatId(row.chatId),
        ...groupNames(row),
        locale: row.locale,
        termEndsOn: row.termEndsOn,
        endedAt: null,
      },
      leader: row.leader === null ? undefined : userId(row.leader),
    }));
}
