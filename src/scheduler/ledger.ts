import { and, eq, inArray, lt } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { groupReminderSettings, reminderMutes, sentReminders } from "../db/schema.js";
import { stateIs } from "../db/states.js";
import { maySwitchGroupReminders } from "../domain/permissions.js";
import type { GroupId, UserId } from "../domain/types.js";
import type { GroupChatKind, Reminder } from "./reminder.js";

export type Outcome = "sent" | "unreachable" | "failed";

/** SQLite takes at most 32,766 parameters a statement; stay well under. */
const CHUNK = 500;

/** Keys of these reminders that were already claimed (sent, or being sent). */
export function claimedKeys(db: Db, keys: readonly string[]): Set<string> {
  const claimed = new Set<string>();
  for (let i = 0; i < keys.length; i += CHUNK) {
    const chunk = keys.slice(i, i + CHUNK);
    for (const row of db.select({ key: sentReminders.key }).from(sentReminders).where(inArray(sentReminders.key, chunk)).all()) {
      claimed.add(row.key);
    }
  }
  return claimed;
}

/**
 * Claims a reminder before it is sent; false when someone (another tick, another process)
 * already has. Writing the claim first makes delivery at most once.
 */
export function claim(db: Db, reminder: Reminder, chatId: number, now: Date): boolean {
  const inserted = db
    .insert(sentReminders)
    .values({ key: reminder.key, kind: reminder.kind, groupId: reminder.groupId, chatId, claimedAt: now, outcome: "sending" })
    .onConflictDoNothing()
    .run();
  return inserted.changes > 0;
}

export function settle(db: Db, key: string, outcome: Outcome): void {
  db.update(sentReminders).set({ outcome }).where(eq(sentReminders.key, key)).run();
}

/** Telegram did not take the message (network, 5xx, a long flood wait): try again next tick. */
export function release(db: Db, key: string): void {
  db.delete(sentReminders)
    .where(and(eq(sentReminders.key, key), stateIs(sentReminders.outcome, "sending")))
    .run();
}

/**
 * Claims still "sending" long after they were made were cut short by a crash: they are
 * released, so the reminder goes out if it is still due (possibly twice, never lost).
 * Returns their keys.
 */
export function releaseStale(db: Db, claimedBefore: Date): string[] {
  return db
    .delete(sentReminders)
    .where(and(stateIs(sentReminders.outcome, "sending"), lt(sentReminders.claimedAt, claimedBefore)))
    .returning({ key: sentReminders.key })
    .all()
    .map((row) => row.key);
}

export function disabledGroupKinds(db: Db, group: GroupId): Set<string> {
  const rows = db
    .select({ kind: groupReminderSettings.kind })
    .from(groupReminderSettings)
    .where(and(eq(groupReminderSettings.groupId, group), eq(groupReminderSettings.enabled, false)))
    .all();
  return new Set(rows.map((row) => row.kind));
}

export type SwitchResult = { ok: true } | { ok: false; reason: "not-allowed" };

/** Turns one kind of group-chat reminder on or off, at the leader's word. */
export function setGroupKind(db: Db, s: { group: GroupId; kind: GroupChatKind; enabled: boolean; by: UserId }): SwitchResult {
  if (!maySwitchGroupReminders(db, s.group, s.by)) return { ok: false, reason: "not-allowed" };
  db.insert(groupReminderSettings)
    .values({ groupId: s.group, kind: s.kind, enabled: s.enabled })
    .onConflictDoUpdate({ target: [groupReminderSettings.groupId, groupReminderSettings.kind], set: { enabled: s.enabled } })
    .run();
  return { ok: true };
}

export function isMuted(db: Db, user: UserId): boolean {
  return db.select({ user: reminderMutes.userId }).from(reminderMutes).where(eq(reminderMutes.userId, user)).get() !== undefined;
}

export function setMuted(db: Db, user: UserId, muted: boolean, now: Date): void {
  if (muted) db.insert(reminderMutes).values({ userId: user, mutedAt: now }).onConflictDoNothing().run();
  else db.delete(reminderMutes).where(eq(reminderMutes.userId, user)).run();
}
