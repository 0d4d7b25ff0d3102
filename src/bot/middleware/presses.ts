import { GrammyError, type MiddlewareFn, type Transformer } from "grammy";
import type { Logger } from "pino";
import type { BotContext, FormContext } from "../context.js";

/** Telegram's words for a press that can no longer be answered (answered, or too old). */
const UNANSWERABLE = /query is too old|query ID is invalid|QUERY_ID_INVALID/i;

/**
 * Every button press is answered, whatever its handler did: when no handler answered it
 * (it failed, or the data matched nothing), an empty answer stops the spinner. A press that
 * can no longer be answered (handled again after a restart) is not an error.
 */
export function answerEveryPress(logger: Logger) {
  const answered = new Set<string>();
  const marking =
    (id: string): Transformer =>
    async (prev, method, payload, signal) => {
      if (method !== "answerCallbackQuery") return prev(method, payload, signal);
      answered.add(id);
      const result = await prev(method, payload, signal);
      if (!result.ok && result.error_code === 400 && UNANSWERABLE.test(result.description)) return { ok: true, result: true as never };
      return result;
    };
  const outside: MiddlewareFn<BotContext> = async (ctx, next) => {
    const id = ctx.callbackQuery?.id;
    if (id === undefined) return next();
    ctx.api.config.use(marking(id));
    try {
      await next();
    } finally {
      if (!answered.delete(id)) {
        await ctx.answerCallbackQuery().catch((error: unknown) => {
          if (!(error instanceof GrammyError)) logger.warn({ err: error }, "press not answered");
        });
      }
    }
  };
  /** Inside forms the context and its Api are new: the same mark, installed there. */
  const inside: MiddlewareFn<FormContext> = async (ctx, next) => {
    const id = ctx.callbackQuery?.id;
    if (id !== undefined) ctx.api.config.use(marking(id));
    await next();
  };
  return { outside, inside };
}
