import type { MiddlewareFn } from "grammy";
import { hasPending, markDelivered, waitingFor } from "../../domain/pending.js";
import { userId } from "../../domain/types.js";
import type { App } from "../app.js";

/**
 * What Telegram refused to deliver while a person had not started the bot (or had blocked it)
 * reaches them the first time they write to it in private, in the order it was meant.
 */
export function deliverPending(app: App): MiddlewareFn {
  return async (ctx, next) => {
    const from = ctx.from;
    if (ctx.chat?.type === "private" && from && hasPending(app.db, userId(from.id))) {
      // Marked once sent, so a failed send keeps it for the next time. A person's updates run one
      // at a time (sequentialize) and a redelivered update is dropped, so none goes twice.
      try {
        for (const message of waitingFor(app.db, userId(from.id))) {
          await ctx.api.sendMessage(from.id, message.text, message.replyMarkup ? { reply_markup: message.replyMarkup as never } : {});
          markDelivered(app.db, message.id, app.clock.now());
        }
      } catch (error) {
        // What is left waits for their next message; this one is still answered.
        app.logger.warn({ err: error, user: from.id }, "kept messages not delivered yet");
      }
    }
    await next();
  };
}
