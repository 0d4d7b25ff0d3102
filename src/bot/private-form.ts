import { InlineKeyboard } from "grammy";
import type { App } from "./app.js";
import type { BotContext } from "./context.js";
import { deepLink } from "./keyboards.js";

/**
 * Opens a form in private chat: from a group chat, a button leading there (a form in the group
 * would catch other people's talk); in private, the form itself, any other one closed.
 */
export async function openInPrivate(app: App, ctx: BotContext, form: string, link: string, id: number): Promise<unknown> {
  if (ctx.chat?.type !== "private") {
    return ctx.reply(ctx.t("continue-in-private"), {
      reply_markup: new InlineKeyboard().url(ctx.t("continue-button"), deepLink(app.botUsername, `${link}-${id}`)),
    });
  }
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(form, id);
}
