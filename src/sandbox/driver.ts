import type { InlineKeyboardButton, Message } from "grammy/types";
import type { EmbeddedTelegram } from "./telegram/telegram.js";

const buttons = (message: Message): InlineKeyboardButton[] => (message.reply_markup?.inline_keyboard ?? []).flat();

/** Someone acting through the embedded Telegram as a person would: typing, replying, pressing, following links. */
export class Driver {
  constructor(private readonly tg: EmbeddedTelegram) {}

  say(user: number, chat: number, text: string): Promise<Message> {
    return this.tg.send(user, chat, { text });
  }

  /** Answers the bot's newest message in the chat as a reply (what a forced reply makes people do). */
  answer(user: number, chat: number, text: string): Promise<Message> {
    const fromBot = this.tg
      .messages(chat)
      .filter((m) => m.from?.id === this.tg.me.id)
      .pop();
    return this.tg.send(user, chat, { text, replyTo: fromBot?.message_id });
  }

  /** Presses the newest button in the chat whose callback data or label matches. */
  async press(user: number, chat: number, match: string | RegExp, by: "data" | "label" = "data"): Promise<void> {
    const fits = (b: InlineKeyboardButton) => {
      const value = by === "data" ? ("callback_data" in b ? b.callback_data : undefined) : b.text;
      return (
        value !== undefined && (typeof match === "string" ? (by === "data" ? value === match : value.includes(match)) : match.test(value))
      );
    };
    for (const message of this.tg.messages(chat).reverse()) {
      const button = buttons(message).find(fits);
      if (button && "callback_data" in button) {
        await this.tg.press(user, chat, message.message_id, button.callback_data);
        return;
      }
    }
    throw new Error(`no button ${String(match)} in chat ${chat}`);
  }

  /** Follows the newest link button in the chat whose address matches. */
  async follow(user: number, chat: number, match: RegExp): Promise<void> {
    for (const message of this.tg.messages(chat).reverse()) {
      const button = buttons(message).find((b) => "url" in b && match.test(b.url));
      if (button && "url" in button) {
        await this.tg.openLink(user, button.url);
        if (this.tg.pendingStart.has(user)) await this.tg.start(user);
        return;
      }
    }
    throw new Error(`no link ${String(match)} in chat ${chat}`);
  }
}
