import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { preparedQuery } from "../db/prepared.js";
import { members } from "../db/schema.js";
import { groupById, isClosed } from "./groups.js";
import { endLeadership } from "./leadership.js";
import { activeMembership, forgetMemberships } from "./members.js";
import type { GroupId, Member, UserId } from "./types.js";

const leaveQuery = preparedQuery((db) =>
  db
    .update(members)
    .set({ leftAt: sql.placeholder("now") as never })
    .where(and(eq(members.id, sql.placeholder("member")), isNull(members.leftAt)))
    .prepare(),
);

export type LeaveResult = { ok: true; member: Member } | { ok: false; reason: "not-found" | "closed" | "not-member" };

/**
 * The statute lets a member leave at any time, with nobody's approval. The membership row is
 * closed, not deleted, so what the member recorded, voted and signed stays in the record.
 */
export function leaveGroup(db: Db, l: { group: GroupId; user: UserId; now: Date }): LeaveResult {
  const group = groupById(db, l.group);
  if (!group) return { ok: false, reason: "not-found" };
  if (isClosed(group, l.now)) return { ok: false, reason: "closed" };
  const member = activeMembership(db, l.group, l.user);
  if (!member) return { ok: false, reason: "not-member" };
  forgetMemberships(db);
  db.transaction((tx) => {
    if (member.isLeader) endLeadership(tx, l.group, l.now);
    leaveQuery(tx).run({ member: member.id, now: l.now });
  });
  return { ok: true, member: { ...member, leftAt: l.now } };
}
