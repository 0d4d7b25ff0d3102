import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { leaderAppointments } from "../db/schema.js";
import { activeMembers, forgetMemberships, memberById } from "./members.js";
import { groupById, isClosed } from "./groups.js";
import { mayAppointLeader } from "./permissions.js";
import type { GroupId, Member, MemberId, UserId } from "./types.js";

export function currentLeader(db: Db, group: GroupId): Member | undefined {
  return activeMembers(db, group).find((member) => member.isLeader);
}

export type AppointResult =
  | { ok: true; leader: Member; previous: Member | undefined }
  | { ok: false; reason: "not-found" | "closed" | "not-allowed" | "not-member" | "already-leader" };

/** Makes an active member the group's one leader, ending the previous leader's appointment. */
export function appointLeader(db: Db, a: { group: GroupId; member: MemberId; by: UserId; now: Date }): AppointResult {
  const group = groupById(db, a.group);
  if (!group) return { ok: false, reason: "not-found" };
  if (isClosed(group, a.now)) return { ok: false, reason: "closed" };
  if (!mayAppointLeader(db, a.group, a.by)) return { ok: false, reason: "not-allowed" };
  const member = memberById(db, a.member);
  if (!member || member.groupId !== a.group || member.leftAt !== null) return { ok: false, reason: "not-member" };
  if (member.isLeader) return { ok: false, reason: "already-leader" };
  forgetMemberships(db);
  return db.transaction((tx) => {
    const previous = currentLeader(tx, a.group);
    endLeadership(tx, a.group, a.now);
    tx.insert(leaderAppointments).values({ groupId: a.group, memberId: a.member, appointedBy: a.by, appointedAt: a.now }).run();
    return { ok: true as const, leader: { ...member, isLeader: true }, previous };
  });
}

/** Closes the current leader's appointment, if any (the leader left, or is replaced). */
export function endLeadership(db: Db, group: GroupId, now: Date): void {
  forgetMemberships(db);
  db.update(leaderAppointments)
    .set({ endedAt: now })
    .where(and(eq(leaderAppointments.groupId, group), isNull(leaderAppointments.endedAt)))
    .run();
}
