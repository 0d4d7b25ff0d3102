import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { preparedQuery } from "../db/prepared.js";
import { forgetGroups, groupById, isClosed } from "./groups.js";
import { groups, termEndings } from "../db/schema.js";
import { mayEndTerm } from "./permissions.js";
import type { Group, GroupId, UserId } from "./types.js";

export const END_REASON_MAX_LENGTH = 500;

export type Writable = { ok: true; group: Group } | { ok: false; reason: "not-found" | "closed" };

/**
 * The one check every change to a group's records goes through: a group whose term has ended
 * is read-only (its records stay readable).
 */
export function writableGroup(db: Db, id: GroupId, now: Date): Writable {
  const group = groupById(db, id);
  if (!group) return { ok: false, reason: "not-found" };
  return isClosed(group, now) ? { ok: false, reason: "closed" } : { ok: true, group };
}

export interface TermEnding {
  endedBy: UserId;
  reason: string;
  endedAt: Date;
}

const endingQuery = preparedQuery((db) =>
  db
    .select()
    .from(termEndings)
    .where(eq(termEndings.groupId, sql.placeholder("group")))
    .prepare(),
);

export function termEndingOf(db: Db, group: GroupId): TermEnding | undefined {
  const row = endingQuery(db).get({ group });
  return row && { endedBy: row.endedBy as UserId, reason: row.reason, endedAt: row.endedAt };
}

export type EndTermResult = { ok: true; group: Group } | { ok: false; reason: "not-found" | "closed" | "not-allowed" };

/** An appointer ends the group's term, saying why; from then on the group is read-only. */
export function endTerm(db: Db, e: { group: GroupId; by: UserId; reason: string; now: Date }): EndTermResult {
  const writable = writableGroup(db, e.group, e.now);
  if (!writable.ok) return writable;
  if (!mayEndTerm(db, e.group, e.by)) return { ok: false, reason: "not-allowed" };
  db.transaction((tx) => {
    tx.update(groups).set({ endedAt: e.now }).where(eq(groups.id, e.group)).run();
    tx.insert(termEndings).values({ groupId: e.group, endedBy: e.by, reason: e.reason, endedAt: e.now }).run();
  });
  forgetGroups(db);
  return { ok: true, group: { ...writable.group, endedAt: e.now } };
}

/**
 * The statute: a group without a set term stops once it has reported its results. When its
 * final report is published, such a group is asked whether its work is done.
 */
export function asksWhetherDone(group: Group, now: Date): boolean {
  return group.termEndsOn === null && !isClosed(group, now);
}
