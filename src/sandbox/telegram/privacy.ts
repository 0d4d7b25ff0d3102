import type { Message, UserFromGetMe } from "grammy/types";

const SERVICE_FIELDS = [
  "new_chat_members",
  "left_chat_member",
  "new_chat_title",
  "new_chat_photo",
  "group_chat_created",
  "supergroup_chat_created",
  "migrate_to_chat_id",
  "migrate_from_chat_id",
  "pinned_message",
] as const;

/** A command at the start of the text, addressed to no bot or to this one. */
function isCommandForBot(message: Message, me: UserFromGetMe): boolean {
  const text = message.text ?? message.caption ?? "";
  const entity = (message.entities ?? message.caption_entities ?? [])[0];
  if (entity?.type !== "bot_command" || entity.offset !== 0) return false;
  const addressee = text.slice(0, entity.length).split("@")[1];
  return addressee === undefined || addressee.toLowerCase() === me.username.toLowerCase();
}

/**
 * Privacy mode (Bot API, "Privacy mode"): in a group the bot receives commands meant for it,
 * replies to its own messages and service messages, and nothing else. Private chats are seen whole.
 */
export function isSeenByBot(message: Message, me: UserFromGetMe): boolean {
  if (message.chat.type === "private" || message.chat.type === "channel") return true;
  if (SERVICE_FIELDS.some((field) => field in message)) return true;
  if (message.reply_to_message?.from?.id === me.id) return true;
  return isCommandForBot(message, me);
}
