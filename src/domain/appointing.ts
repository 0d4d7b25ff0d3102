import type { Db } from "../db/client.js";
import { appointers } from "../db/schema.js";
import { appointerOffice, appointersOf } from "./appointers.js";
import { isUniqueViolation } from "./errors.js";
import { groupById, isClosed } from "./groups.js";
import { mayAddAppointer } from "./permissions.js";
import { OFFICES, type GroupId, type Office, type UserId } from "./types.js";

export type AddAppointerResult =
  | { ok: true; office: Office }
  | { ok: false; reason: "not-found" | "closed" | "not-allowed" | "already-appointer" | "offices-filled" };

/** An appointer names the holder of the other office (head ↔ council chair). */
export function addAppointer(db: Db, a: { group: GroupId; user: UserId; by: UserId; now: Date }): AddAppointerResult {
  const group = groupById(db, a.group);
  if (!group) return { ok: false, reason: "not-found" };
  if (isClosed(group, a.now)) return { ok: false, reason: "closed" };
  if (!mayAddAppointer(db, a.group, a.by)) return { ok: false, reason: "not-allowed" };
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
