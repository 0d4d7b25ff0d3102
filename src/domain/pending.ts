import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { preparedQuery } from "../db/prepared.js";
import { pendingMessages } from "../db/schema.js";
import type { GroupId, UserId } from "./types.js";

/** Why Telegram refused: the person blocked the bot, or never started it. */
export type UnreachableReason = "blocked" | "not-started";

export interface PendingMessage {
  id: number;
  text: string;
  replyMarkup: unknown;
}

/** Keeps a private message Telegram refused; true when it is the first one waiting for them. */
export function keepPending(
  db: Db,
  p: { user: UserId; group: GroupId | null; text: string; replyMarkup: unknown; reason: UnreachableReason; now: Date },
): boolean {
  return db.transaction((tx) => {
    const waiting = tx
      .select({ n: sql<number>`count(*)` })
      .from(pendingMessages)
      .where(and(eq(pendingMessages.userId, p.user), isNull(pendingMessages.deliveredAt)))
      .get();
    tx.insert(pendingMessages)
      .values({
        userId: p.user,
        groupId: p.group,
        text: p.text,
        replyMarkup: p.replyMarkup === undefined ? null : JSON.stringify(p.replyMarkup),
        reason: p.reason,
        createdAt: p.now,
      })
      .run();
    return (waiting?.n ?? 0) === 0;
  });
}

export function waitingFor(db: Db, user: UserId): PendingMessage[] {
  return db
    .select({ id: pendingMessages.id, text: pendingMessages.text, replyMarkup: pendingMessages.replyMarkup })
    .from(pendingMessages)
    .where(and(eq(pendingMessages.userId, user), isNull(pendingMessages.deliveredAt)))
    .orderBy(asc(pendingMessages.id))
    .all()
    .map((row) => ({ id: row.id, text: row.text, replyMarkup: row.replyMarkup === null ? undefined : JSON.parse(row.replyMarkup) }));
}

/** Marks one message delivered. */
export function markDelivered(db: Db, id: number, now: Date): void {
  db.update(pendingMessages)
    .set({ deliveredAt: now })
    .where(and(eq(pendingMessages.id, id), isNull(pendingMessages.deliveredAt)))
    .run();
}

const waiting = preparedQuery((db) =>
  db
    .select({ id: pendingMessages.id })
    .from(pendingMessages)
    .where(and(eq(pendingMessages.userId, sql.placeholder("user")), isNull(pendingMessages.deliveredAt)))
    .limit(1)
    .prepare(),
);

/** Asked on every private update: prepared once, and answered from a partial index. */
export function hasPending(db: Db, user: UserId): boolean {
  return waiting(db).get({ user }) !== undefined;
}
