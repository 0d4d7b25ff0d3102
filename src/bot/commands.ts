import { CommandGroup } from "@grammyjs/commands";
import type { Api } from "grammy";
import { LOCALES, type Locale } from "../i18n/locales.js";
import type { BotContext } from "./context.js";
import type { Translate } from "./i18n.js";

const MEETING_COMMANDS = ["meetings", "protocol", "verify", "meeting", "attendance"];
const RESULT_COMMANDS = ["report", "recommendations", "export"];
const OBSERVATION_COMMANDS = ["observe", "observations", "services"];
const PRIVATE_COMMANDS = ["start", "help", "join", "members", "status", ...OBSERVATION_COMMANDS, ...MEETING_COMMANDS, ...RESULT_COMMANDS, "reminders", "leave", "appoint", "language", "cancel"];
const GROUP_COMMANDS = ["help", "join", "members", "status", ...OBSERVATION_COMMANDS, ...MEETING_COMMANDS, ...RESULT_COMMANDS, "reminders", "setup", "names", "appoint", "addappointer", "leave", "language"];

/**
 * The command menu in each language and kind of chat. Telegram picks the list by the person's
 * app language; the default list is in the deployment's default language.
 */
export function commandMenu(t: Translate, defaultLocale: Locale): CommandGroup<BotContext> {
  const menu = new CommandGroup<BotContext>();
  for (const name of new Set([...PRIVATE_COMMANDS, ...GROUP_COMMANDS])) {
    const command = menu.command(name, t(defaultLocale, `command-${name}`));
    if (PRIVATE_COMMANDS.includes(name)) command.addToScope({ type: "all_private_chats" });
    if (GROUP_COMMANDS.includes(name)) command.addToScope({ type: "all_group_chats" });
    for (const locale of LOCALES) command.localize(locale, name, t(locale, `command-${name}`));
  }
  return menu;
}

export async function publishCommandMenu(api: Api, t: Translate, defaultLocale: Locale): Promise<void> {
  await commandMenu(t, defaultLocale).setCommands({ api });
}
