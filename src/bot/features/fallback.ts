import { Composer } from "grammy";
import { groupByChat } from "../../domain/groups.js";
import { chatId } from "../../domain/types.js";
import type { App } from "../app.js";
import type { BotContext } from "../context.js";
import { refuse } from "../errors.js";
import type { Feature } from "../feature.js";

/** What no feature took: old buttons, unknown commands, stray messages in private. */
export function fallbackFeature(app: App): Feature {
  const composer = new Composer<BotContext>();
  composer.on("callback_query", (ctx) => refuse(ctx, "button-stale"));
  // The bot was added to a group: say how to start.
  composer.on("my_chat_member", async (ctx) => {
    const { old_chat_member: before, new_chat_member: after } = ctx.myChatMember;
    const joined = ["left", "kicked"].includes(before.status) && ["member", "administrator"].includes(after.status);
    if (!joined || ctx.chat.type === "private" || groupByChat(app.db, chatId(ctx.chat.id))) return;
    await ctx.reply(ctx.t("bot-added"));
  });
  composer.chatType("private").on("message", async (ctx) => {
    if (Object.keys(ctx.conversation.active()).length > 0) return;
    const isCommand = ctx.msg.entities?.[0]?.type === "bot_command" && ctx.msg.entities[0].offset === 0;
    await ctx.reply(ctx.t(isCommand ? "unknown-command" : "unknown-message"));
  });
  // In a group only commands addressed to the bot get an answer; people's talk is theirs.
  composer.chatType(["group", "supergroup"]).on("message:entities:bot_command", async (ctx) => {
    const text = ctx.msg.text ?? "";
    if (text.startsWith("/") && text.split(/\s/)[0]?.toLowerCase().endsWith(`@${app.botUsername.toLowerCase()}`)) {
      await ctx.reply(ctx.t("unknown-command"));
    }
  });
  return { composer };
}
