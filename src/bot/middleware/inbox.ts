import type { MiddlewareFn } from "grammy";
import type { Inbox } from "../../delivery/inbox.js";
import type { BotContext, FormContext } from "../context.js";
import { formKey } from "../conversations/storage.js";

/**
 * Every update goes through the inbox: a done one delivered again is skipped; otherwise the
 * handlers run with `ctx.commit` (see InboxUnit) and the update is marked done after them. A
 * handler that throws leaves it undone, to be handled again (handlers are idempotent).
 */
export function inboxUpdates(inbox: Inbox): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const unit = inbox.begin(ctx.update, formKey(ctx));
    if (!unit) return;
    ctx.commit = (change) => unit.commit(change);
    try {
      await next();
    } catch (error) {
      unit.abandon();
      throw error;
    }
    await unit.finish();
  };
}

/** Inside forms the context and its Api are new: what is in hand is on record before their calls too. */
inboxUpdates.inside =
  (inbox: Inbox): MiddlewareFn<FormContext> =>
  async (ctx, next) => {
    ctx.api.config.use(inbox.storeBeforeCalls);
    await next();
  };
