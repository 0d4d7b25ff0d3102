import { eq, lt, sql } from "drizzle-orm";
import type { MiddlewareFn } from "grammy";
import type { Db } from "../../db/client.js";
import { processedUpdates } from "../../db/schema.js";
import type { Clock } from "../app.js";

/** Telegram stops redelivering an update after a day; keep ids twice that. */
const KEEP_MS = 2 * 24 * 60 * 60 * 1000;
const PRUNE_EVERY = 1000;

/**
 * Delivery is at least once: a webhook retried or a poll repeated after a crash can bring the
 * same update again. Its id is recorded before handling, and a second copy changes nothing.
 */
export function dedupeUpdates(db: Db, clock: Clock): MiddlewareFn {
  const insert = db
    .insert(processedUpdates)
    .values({ updateId: sql.placeholder("id"), receivedAt: sql.placeholder("at") })
    .onConflictDoNothing()
    .prepare();
  let seen = 0;
  return async (ctx, next) => {
    const id = ctx.update.update_id;
    const now = clock.now();
    if (insert.run({ id, at: now }).changes === 0) return;
    if (++seen % PRUNE_EVERY === 0) {
      db.delete(processedUpdates).where(lt(processedUpdates.receivedAt, new Date(now.getTime() - KEEP_MS))).run();
    }
    try {
      await next();
    } catch (error) {
      // Not handled: let a redelivery try again.
      db.delete(processedUpdates).where(eq(processedUpdates.updateId, id)).run();
      throw error;
    }
  };
}
