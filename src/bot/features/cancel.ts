import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import type { Feature } from "../feature.js";

/** /cancel: leaves whatever form is open; placed before the forms so they never take it as an answer. */
export function cancelFeature(): Feature {
  const composer = new Composer<BotContext>();
  composer.command("cancel", async (ctx) => {
    const open = Object.keys(ctx.conversation.active()).length > 0;
    await ctx.conversation.exitAll();
    await ctx.reply(ctx.t(open ? "cancel-done" : "cancel-nothing"), { reply_markup: { remove_keyboard: true } });
  });
  return { composer };
}
