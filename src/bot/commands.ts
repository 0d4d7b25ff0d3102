import type { BotCommand } from "grammy/types";
import type { Locale } from "../i18n/locales.js";
import type { Translate } from "./i18n.js";

/**
 * Who sees a command in a group chat's menu: everyone, only in a group not yet registered, only
 * the group's leader or its appointers (through their own chat-member menu), or nobody.
 */
export type GroupAudience = "everyone" | "unregistered" | "leader" | "appointer" | "nobody";

export interface MenuEntry {
  command: string;
  /** Shown in the private chat's menu. */
  private: boolean;
  group: GroupAudience;
}

/**
 * The command menu: one line per command, with who sees it. Its description is the message
 * `command-<name>` in each locale file.
 */
export const MENU = [
  { command: "start", private: true, group: "nobody" },
  { command: "help", private: true, group: "everyone" },
  { command: "join", private: true, group: "everyone" },
  { command: "members", private: true, group: "everyone" },
  { command: "status", private: true, group: "everyone" },
  { command: "observe", private: true, group: "everyone" },
  { command: "observations", private: true, group: "everyone" },
  { command: "services", private: true, group: "everyone" },
  { command: "meetings", private: true, group: "everyone" },
  { command: "protocol", private: true, group: "everyone" },
  { command: "verify", private: true, group: "everyone" },
  { command: "meeting", private: true, group: "leader" },
  { command: "attendance", private: true, group: "leader" },
  { command: "report", private: true, group: "everyone" },
  { command: "recommendations", private: true, group: "everyone" },
  { command: "export", private: true, group: "leader" },
  { command: "plan", private: true, group: "everyone" },
  { command: "assign", private: true, group: "leader" },
  { command: "assignments", private: true, group: "everyone" },
  { command: "inforequest", private: true, group: "leader" },
  { command: "inforequests", private: true, group: "everyone" },
  { command: "endterm", private: true, group: "appointer" },
  { command: "reminders", private: true, group: "everyone" },
  { command: "setup", private: false, group: "unregistered" },
  { command: "appoint", private: true, group: "appointer" },
  { command: "names", private: false, group: "appointer" },
  { command: "addappointer", private: false, group: "appointer" },
  { command: "leave", private: true, group: "everyone" },
  { command: "language", private: true, group: "everyone" },
  { command: "cancel", private: true, group: "nobody" },
] as const satisfies readonly MenuEntry[];

export type CommandName = (typeof MENU)[number]["command"];

function commands(t: Translate, locale: Locale, shown: (entry: MenuEntry) => boolean): BotCommand[] {
  return MENU.filter(shown).map((entry) => ({ command: entry.command, description: t(locale, `command-${entry.command}`) }));
}

/** The menu of a private chat. */
export function privateMenu(t: Translate, locale: Locale): BotCommand[] {
  return commands(t, locale, (entry) => entry.private);
}

/** The menu of a group chat, for everyone there or for someone with roles in its group. */
export function groupMenu(t: Translate, locale: Locale, roles: readonly GroupAudience[] = []): BotCommand[] {
  return commands(t, locale, (entry) => entry.group === "everyone" || roles.includes(entry.group));
}
