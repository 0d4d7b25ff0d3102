import { GrammyError, HttpError, type BotError } from "grammy";
import type { Logger } from "pino";
import { userId } from "../domain/types.js";
import { markUnreachable } from "../domain/users.js";
import type { App } from "./app.js";
import type { BotContext, FormContext } from "./context.js";
import type { TranslationVariables } from "./speech.js";

/** The Bot API could not be reached (after the bounded retries): worth trying the update again later. */
export function isTransportFailure(error: unknown): boolean {
  return error instanceof HttpError || (error instanceof Error && error.name === "FetchError");
}

/**
 * Tells the person why not, from the refusal's message id: the alert of the button they pressed,
 * in their own language (only they see it), or else a reply in the chat's language.
 */
export async function refuse(ctx: FormContext, key: string, vars?: TranslationVariables): Promise<void> {
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.personalSpeech.t(key, vars), show_alert: true });
  else await ctx.reply(ctx.speech.t(key, vars));
}

/** Telegram refuses an edit that would change nothing: the message already shows what was meant. */
export function isNotModified(error: unknown): boolean {
  return error instanceof GrammyError && error.error_code === 400 && /message is not modified/i.test(error.description);
}

/**
 * What follows a stored change (a notice, an edit, taking the buttons off a pressed message) is
 * best effort: when it fails, it is logged and the person's update still succeeds, as their
 * change is already kept. An edit that changed nothing is not a failure.
 */
export async function bestEffort(logger: Logger, what: string, work: Promise<unknown>, context?: object): Promise<void> {
  try {
    await work;
  } catch (error) {
    if (!isNotModified(error)) logger.warn({ ...context, err: error }, what);
  }
}

/**
 * The error boundary around each feature: Telegram's refusals are logged with the update id
 * and the person is told something went wrong, when that is possible. A network failure is
 * passed on: the update stays in the inbox and is handled again a little later.
 */
export function featureErrorHandler(app: App) {
  return async (error: BotError<BotContext>) => {
    const { ctx } = error;
    const cause = error.error;
    const update_id = ctx.update.update_id;
    if (cause instanceof GrammyError) {
      app.logger.error(
        { update_id, method: cause.method, code: cause.error_code, description: cause.description },
        "Telegram refused a call",
      );
      if (cause.error_code === 403 && ctx.chat?.type === "private" && ctx.from) {
        markUnreachable(app.db, userId(ctx.from.id), app.clock.now());
        return;
      }
    } else if (isTransportFailure(cause)) {
      app.logger.warn({ update_id, err: cause }, "Bot API unreachable; the update will be handled again");
      throw cause;
    } else {
      app.logger.error({ update_id, err: cause }, "handler failed");
    }
    if (!ctx.chat) return;
    await bestEffort(app.logger, "error not told", ctx.reply(ctx.t("error-generic")), { update_id });
  };
}
