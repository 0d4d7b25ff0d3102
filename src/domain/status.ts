import type { Db } from "../db/client.js";
import { appointersOf } from "./appointers.js";
import { isClosed } from "./groups.js";
import { activeMembers } from "./members.js";
import { countPendingRequests } from "./requests.js";
import { MIN_MEMBERS } from "./rules.js";
import type { Appointer, Group, Member } from "./types.js";

export interface GroupStatus {
  group: Group;
  members: Member[];
  belowMinimum: boolean;
  leader: Member | undefined;
  appointers: Appointer[];
  pendingRequests: number;
  closed: boolean;
}

/** Everything a member has the right to know about the group's state, in one read. */
export function groupStatus(db: Db, group: Group, now: Date): GroupStatus {
  const list = activeMembers(db, group.id);
  return {
    group,
    members: list,
    belowMinimum: list.length < MIN_MEMBERS,
    leader: list.find((member) => member.isLeader),
    appointers: appointersOf(db, group.id),
    pendingRequests: countPendingRequests(db, group.id),
    closed: isClosed(group, now),
  };
}
