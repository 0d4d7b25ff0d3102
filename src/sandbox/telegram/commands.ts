import type { BotCommand, BotCommandScope } from "grammy/types";

/** Where a command menu is looked up for: a person in a chat, with their app language. */
export interface MenuViewer {
  chatId: number;
  chatType: "private" | "group" | "supergroup";
  userId: number;
  languageCode: string | undefined;
  isAdministrator: boolean;
}

type ScopeKey = string;

export function scopeKey(scope: BotCommandScope | undefined, languageCode?: string): ScopeKey {
  const s = (scope ?? { type: "default" }) as { type: string; chat_id?: number | string; user_id?: number };
  return `${s.type}|${s.chat_id ?? ""}|${s.user_id ?? ""}|${languageCode ?? ""}`;
}

/**
 * The scopes Telegram tries, in order, for a person viewing the menu (Bot API, "Determining
 * list of commands"): the first one that has commands set wins, each with the person's
 * language first and then without a language.
 */
function lookupOrder(v: MenuViewer): BotCommandScope[] {
  if (v.chatType === "private") {
    return [{ type: "chat", chat_id: v.chatId }, { type: "all_private_chats" }, { type: "default" }];
  }
  const admin = v.isAdministrator;
  return [
    { type: "chat_member", chat_id: v.chatId, user_id: v.userId },
    ...(admin ? [{ type: "chat_administrators", chat_id: v.chatId } as BotCommandScope] : []),
    { type: "chat", chat_id: v.chatId },
    ...(admin ? [{ type: "all_chat_administrators" } as BotCommandScope] : []),
    { type: "all_group_chats" },
    { type: "default" },
  ];
}

/** The bot's command menus as setMyCommands left them, by scope and language. */
export class CommandMenus {
  private readonly menus = new Map<ScopeKey, BotCommand[]>();

  set(commands: BotCommand[], scope?: BotCommandScope, languageCode?: string): void {
    const key = scopeKey(scope, languageCode);
    if (commands.length === 0) this.menus.delete(key);
    else
      this.menus.set(
        key,
        commands.map((c) => ({ command: c.command, description: c.description })),
      );
  }

  delete(scope?: BotCommandScope, languageCode?: string): void {
    this.menus.delete(scopeKey(scope, languageCode));
  }

  /** Becomes a copy of another bot's menus. */
  copyFrom(other: CommandMenus): void {
    this.menus.clear();
    for (const [key, commands] of other.menus)
      this.menus.set(
        key,
        commands.map((c) => ({ ...c })),
      );
  }

  /** getMyCommands: exactly the list of this scope and language, or none. */
  get(scope?: BotCommandScope, languageCode?: string): BotCommand[] {
    return this.menus.get(scopeKey(scope, languageCode)) ?? [];
  }

  /** What the person sees when they open the menu in that chat. */
  forViewer(viewer: MenuViewer): BotCommand[] {
    for (const scope of lookupOrder(viewer)) {
      const languages = viewer.languageCode ? [viewer.languageCode, undefined] : [undefined];
      for (const language of languages) {
        const found = this.menus.get(scopeKey(scope, language));
        if (found) return found;
      }
    }
    return [];
  }
}
