import type { MiddlewareFn } from "grammy";
import type { Logger } from "pino";

/** One debug line per update: what it was, from whom, and how long it took. */
export function updateLog(logger: Logger): MiddlewareFn {
  return async (ctx, next) => {
    if (!logger.isLevelEnabled("debug")) return next();
    const started = performance.now();
    try {
      await next();
    } finally {
      const kind = Object.keys(ctx.update).find((key) => key !== "update_id");
      logger.debug(
        { update_id: ctx.update.update_id, kind, chat: ctx.chatId, user: ctx.from?.id, ms: +(performance.now() - started).toFixed(2) },
        "update",
      );
    }
  };
}
