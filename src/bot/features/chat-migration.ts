import { Composer } from "grammy";
import { moveGroupChat } from "../../domain/groups.js";
import { chatId } from "../../domain/types.js";
import type { App } from "../app.js";
import type { BotContext } from "../context.js";

/**
 * A group that becomes a supergroup gets a new chat id. Telegram tells both chats; either
 * message moves the records, and the second finds nothing left to move.
 */
export function chatMigrationFeature(app: App) {
  const composer = new Composer<BotContext>();
  composer.on("message:migrate_to_chat_id", (ctx) => {
    if (moveGroupChat(app.db, chatId(ctx.chat.id), chatId(ctx.msg.migrate_to_chat_id))) {
      app.logger.info({ from: ctx.chat.id, to: ctx.msg.migrate_to_chat_id }, "group chat moved");
    }
  });
  composer.on("message:migrate_from_chat_id", (ctx) => {
    moveGroupChat(app.db, chatId(ctx.msg.migrate_from_chat_id), chatId(ctx.chat.id));
  });
  return composer;
}
