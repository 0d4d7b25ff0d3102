import type { Db } from "../db/client.js";
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

export function seedServices(db: Db, group: GroupId, now: Date): void {
  db.insert(services)
    .values(SEEDED_SERVICES.map((key, index) => ({ groupId: group, key, position: index + 1, createdAt: now })))
    .onConflictDoNothing()
    .run();
}
