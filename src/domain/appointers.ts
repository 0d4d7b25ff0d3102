import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { preparedQuery } from "../db/prepared.js";
import { appointers, users } from "../db/schema.js";
import { userId as toUserId, type Appointer, type GroupId, type Office, type UserId } from "./types.js";

const statements = preparedQuery((db) => ({
  office: db
    .select({ office: appointers.office })
    .from(appointers)
    .where(
      and(eq(appointers.groupId, sql.placeholder("group")), eq(appointers.userId, sql.placeholder("user")), isNull(appointers.removedAt)),
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
