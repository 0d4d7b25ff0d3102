import type { Middleware, MiddlewareFn } from "grammy";
import type { BotContext } from "./context.js";
import type { AnyDraftForm } from "./drafts/engine.js";

/** What a deep link `?start=<name>-<id>` opens in private chat. */
export type DeepLinks = Record<string, (ctx: BotContext, id: number) => Promise<unknown>>;

/**
 * What a feature gives the bot, each part optional: its handlers, its short forms
 * (conversations), what its deep links open, and its long forms (drafts). `createBot` puts
 * each part in its place; no feature reaches into another.
 */
export interface Feature {
  composer?: Middleware<BotContext>;
  forms?: readonly MiddlewareFn<BotContext>[];
  deepLinks?: DeepLinks;
  drafts?: readonly AnyDraftForm[];
}
