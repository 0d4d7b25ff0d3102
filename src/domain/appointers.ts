import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { preparedQuery } from "../db/prepared.js";
import { appointers, users } from "../db/schema.js";
import { isUniqueViolation } from "./errors.js";
import { groupById, isClosed } from "./groups.js";
import { OFFICES, userId as toUserId, type Appointer, type GroupId, type Office, type UserId } from "./types.js";

const statements = preparedQuery((db) => ({
  office: db
    .select({ office: appointers.office })
    .from(appointers)
    .where(
      and(
        eq(appointers.groupId, sql.placeholder("group")),
        eq(appointers.userId, sql.placeholder("user")),
        isNull(appointers.removedAt),
      ),
    )
    .prepare(),
  ofGroup: db
    .select({ userId: appointers.userId, office: appointers.office, first: users.firstName, last: users.lastName })
    .from(appointers)
    .innerJoin(users, eq(users.id, appointers.userId))
    .where(and(eq(appointers.groupId, sql.placeholder("group")), isNull(appointers.removedAt)))
    .orderBy(appointers.office)
    .prepare(),
}));

/** The office this person holds for the group, if they are one of its appointers. */
export function appointerOffice(db: Db, group: GroupId, user: UserId): Office | undefined {
  return statements(db).office.get({ group, user })?.office;
}

export function appointersOf(db: Db, group: GroupId): Appointer[] {
  return statements(db)
    .ofGroup.all({ group })
    .map((row) => ({
      userId: toUserId(row.userId),
      office: row.office,
      name: [row.first, row.last].filter(Boolean).join(" "),
    }));
}

export type AddAppointerResult =
  | { ok: true; office: Office }
  | { ok: false; reason: "not-found" | "closed" | "not-allowed" | "already-appointer" | "offices-filled" };

/** An appointer names the holder of the other office (head ↔ council chair). */
export function addAppointer(
  db: Db,
  a: { group: GroupId; user: UserId; by: UserId; now: Date },
): AddAppointerResult {
  const group = groupById(db, a.group);
  if (!group) return { ok: false, reason: "not-found" };
  if (isClosed(group, a.now)) return { ok: false, reason: "closed" };
  if (!appointerOffice(db, a.group, a.by)) return { ok: false, reason: "not-allowed" };
  if (appointerOffice(db, a.group, a.user)) return { ok: false, reason: "already-appointer" };
  const held = new Set(appointersOf(db, a.group).map((appointer) => appointer.office));
  const office = OFFICES.find((candidate) => !held.has(candidate));
  if (!office) return { ok: false, reason: "offices-filled" };
  try {
    db.insert(appointers).values({ groupId: a.group, userId: a.user, office, addedBy: a.by, addedAt: a.now }).run();
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "offices-filled" };
    throw error;
  }
  return { ok: true, office };
}
