import { InlineKeyboard } from "grammy";
import type { App } from "./app.js";
import type { BotContext } from "./context.js";
import { deepLink } from "./keyboards.js";

/**
 * Opens a form in private chat: from a group chat, a button leading there (a form in the group
 * would catch other people's talk); in private, the form itself, any other one closed.
 */
export async function openInPrivate(app: App, ctx: BotContext, form: string, link: string, id: number): Promise<unknown> {
  if (ctx.chat?.type !== "private") return linkToPrivate(app, ctx, link, id);
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(form, id);
}

/** A button leading to the private chat, where the form opens through the deep link `<link>-<id>`. */
export function linkToPrivate(app: App, ctx: BotContext, link: string, id: number): Promise<unknown> {
  return ctx.reply(ctx.t("continue-in-private"), {
    reply_markup: new InlineKeyboard().url(ctx.t("continue-button"), deepLink(app.botUsername, `${link}-${id}`)),
  });
}
