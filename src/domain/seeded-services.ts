import { sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { preparedQuery } from "../db/prepared.js";
import { services } from "../db/schema.js";
import type { GroupId } from "./types.js";

/** The usual services of a rural municipality, offered to every new group. */
export const SEEDED_SERVICES = [
  "water",
  "waste",
  "lighting",
  "roads",
  "irrigation",
  "school",
  "kindergarten",
  "health",
  "culture",
] as const;

const seedQuery = preparedQuery((db) =>
  db
    .insert(services)
    .values(
      SEEDED_SERVICES.map((key, index) => ({
        groupId: sql.placeholder("group"),
        key,
        position: index + 1,
        createdAt: sql.placeholder("now"),
      })),
    )
    .onConflictDoNothing()
    .prepare(),
);

export function seedServices(db: Db, group: GroupId, now: Date): void {
  seedQuery(db).run({ group, now });
}
