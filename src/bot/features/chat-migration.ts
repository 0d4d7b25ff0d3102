import { Composer } from "grammy";
import { groupByChat, moveGroupChat } from "../../domain/groups.js";
import { chatId, type ChatId } from "../../domain/types.js";
import type { App } from "../app.js";
import type { BotContext } from "../context.js";
import type { Feature } from "../feature.js";

/** The group's menus belong to its old chat id: they are set again for the new one. */
function moveMenus(app: App, to: ChatId): void {
  const group = groupByChat(app.db, to);
  if (group) app.menus.group(group.id);
}

/**
 * A group that becomes a supergroup gets a new chat id. Telegram tells both chats; either
 * message moves the records, and the second finds nothing left to move.
 */
export function chatMigrationFeature(app: App): Feature {
  const composer = new Composer<BotContext>();
  composer.on("message:migrate_to_chat_id", async (ctx) => {
    const to = chatId(ctx.msg.migrate_to_chat_id);
    if (moveGroupChat(app.db, chatId(ctx.chat.id), to)) {
      app.logger.info({ from: ctx.chat.id, to }, "group chat moved");
      moveMenus(app, to);
    }
  });
  composer.on("message:migrate_from_chat_id", async (ctx) => {
    if (moveGroupChat(app.db, chatId(ctx.msg.migrate_from_chat_id), chatId(ctx.chat.id))) moveMenus(app, chatId(ctx.chat.id));
  });
  return { composer };
}
