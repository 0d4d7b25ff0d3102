import { GrammyError, type InlineKeyboard } from "grammy";
import { appointersOf } from "../domain/appointers.js";
import { currentLeader } from "../domain/leadership.js";
import type { Group, UserId } from "../domain/types.js";
import { markUnreachable } from "../domain/users.js";
import type { Locale } from "../i18n/locales.js";
import type { App } from "./app.js";
import { personLocale, type TranslationVariables } from "./i18n.js";

/** A translation function bound to one locale. */
export type T = (key: string, vars?: TranslationVariables) => string;

/** A message written once and rendered in each recipient's language. */
export interface Message {
  text: (t: T) => string;
  keyboard?: (t: T) => InlineKeyboard;
}

export function translator(app: App, locale: Locale): T {
  return (key, vars) => app.t(locale, key, vars);
}

/**
 * Sends a private message in the person's own language. A 403 (blocked, or never opened the
 * bot) marks them unreachable instead of failing the caller; returns whether it was delivered.
 */
export async function notifyPerson(app: App, user: UserId, message: Message): Promise<boolean> {
  const t = translator(app, personLocale(app.db, user, app.defaultLocale));
  try {
    await app.api.sendMessage(user, message.text(t), { reply_markup: message.keyboard?.(t) });
    return true;
  } catch (error) {
    if (error instanceof GrammyError && error.error_code === 403) {
      markUnreachable(app.db, user, app.clock.now());
      app.logger.info({ user }, "person unreachable in private");
      return false;
    }
    throw error;
  }
}

/** Sends a message to the group's chat in the group's language. */
export async function notifyGroup(app: App, group: Group, message: Message): Promise<void> {
  const t = translator(app, group.locale);
  await app.api.sendMessage(group.chatId, message.text(t), { reply_markup: message.keyboard?.(t) });
}

/** The people who receive what concerns the whole group: its appointers, and the leader if asked. */
export function officials(app: App, group: Group, withLeader: boolean): UserId[] {
  const people = new Set(appointersOf(app.db, group.id).map((appointer) => appointer.userId));
  if (withLeader) {
    const leader = currentLeader(app.db, group.id);
    if (leader) people.add(leader.userId);
  }
  return [...people];
}
