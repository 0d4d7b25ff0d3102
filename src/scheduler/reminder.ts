import type { Db } from "../db/client.js";
import type { GroupId, UserId, Group } from "../domain/types.js";
import type { Notice } from "./notifier.js";

/** The reminders of the statute's calendar (PRODUCT.md §5). */
export const REMINDER_KINDS = [
  "quarter-start",
  "quarter-end",
  "meeting-24h",
  "meeting-1h",
  "vote-24h",
  "signature-daily",
  "assignment-due",
  "assignment-overdue",
  "recommendation-overdue",
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** Kinds that go to the group chat, which the leader may turn off there. */
export const GROUP_CHAT_KINDS = ["quarter-start", "quarter-end", "meeting-24h", "meeting-1h"] as const satisfies readonly ReminderKind[];
export type GroupChatKind = (typeof GROUP_CHAT_KINDS)[number];
export const isGroupChatKind = (value: unknown): value is GroupChatKind =>
  typeof value === "string" && (GROUP_CHAT_KINDS as readonly string[]).includes(value);

export type Recipient = { group: Group } | { user: UserId };

/** One message the bot owes someone now. */
export interface Reminder {
  /** Unique for what, for whom and which quarter, meeting or protocol: sent at most once. */
  key: string;
  kind: ReminderKind;
  groupId: GroupId;
  to: Recipient;
  message: Notice;
}

/**
 * A reminder rule: what is due at `now` and still makes sense to send (a meeting reminder
 * after the meeting does not). Rules only read; the scheduler decides what is new.
 */
export type ReminderRule = (at: RuleContext) => Reminder[];

/** What a rule reads: the database and the time of the tick. */
export interface RuleContext {
  db: Db;
  now: Date;
}
