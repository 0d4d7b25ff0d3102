import { GrammyError, InlineKeyboard } from "grammy";
import type { Message as SentMessage } from "grammy/types";
import { appointersOf } from "../domain/appointers.js";
import { currentLeader } from "../domain/leadership.js";
import { keepPending, type UnreachableReason } from "../domain/pending.js";
import type { Group, GroupId, UserId } from "../domain/types.js";
import { groupById } from "../domain/groups.js";
import { displayName, markUnreachable } from "../domain/users.js";
import { deepLink } from "./keyboards.js";
import type { Locale } from "../i18n/locales.js";
import type { App } from "./app.js";
import { bestEffort } from "./errors.js";
import { personLocale } from "./i18n.js";
import { speechIn, type T } from "./speech.js";

export type { T };

/** A message written once and rendered in each recipient's language. */
export interface Message {
  text: (t: T, locale: Locale) => string;
  keyboard?: (t: T, locale: Locale) => InlineKeyboard;
}

/** Telegram says 403 both when the person blocked the bot and when they never started it. */
export function unreachableReason(error: unknown): UnreachableReason | undefined {
  if (!(error instanceof GrammyError) || error.error_code !== 403) return undefined;
  return /blocked/i.test(error.description) ? "blocked" : "not-started";
}

/**
 * Sends a private message in the person's own language. A 403 (blocked, or never opened the
 * bot) marks them unreachable instead of failing the caller, and keeps the message for when
 * they start the bot; when it is about a group, the group learns that they should.
 * Returns whether it was delivered now.
 */
export async function notifyPerson(app: App, user: UserId, message: Message, about?: GroupId): Promise<boolean> {
  const locale = personLocale(app.db, user, app.defaultLocale);
  const { t } = speechIn(app, locale);
  const text = message.text(t, locale);
  const replyMarkup = message.keyboard?.(t, locale);
  try {
    await app.api.sendMessage(user, text, { reply_markup: replyMarkup });
    return true;
  } catch (error) {
    const reason = unreachableReason(error);
    if (!reason) throw error;
    const now = app.clock.now();
    markUnreachable(app.db, user, now);
    const first = keepPending(app.db, { user, group: about ?? null, text, replyMarkup, reason, now });
    app.logger.info({ user, reason }, "person unreachable in private; message kept");
    if (first && about !== undefined) await reportUnreachable(app, about, user, reason);
    return false;
  }
}

/**
 * Runs a send to a person in private in their language (a document, say); a 403 marks them
 * unreachable (false). What is sent this way can be asked for again, so nothing is kept.
 */
export async function deliverToPerson(app: App, user: UserId, send: (locale: Locale) => Promise<unknown>): Promise<boolean> {
  try {
    await send(personLocale(app.db, user, app.defaultLocale));
    return true;
  } catch (error) {
    const reason = unreachableReason(error);
    if (!reason) throw error;
    markUnreachable(app.db, user, app.clock.now());
    app.logger.info({ user, reason }, "person unreachable in private");
    return false;
  }
}

/**
 * Someone the group needs cannot be reached in private: the leader is told who and why, and
 * the group chat gets a button that opens the private chat, where what was kept waits for them.
 */
async function reportUnreachable(app: App, about: GroupId, user: UserId, reason: UnreachableReason): Promise<void> {
  const group = groupById(app.db, about);
  if (!group) return;
  const name = displayName(app.db, user) ?? String(user);
  const leader = currentLeader(app.db, group.id);
  if (leader && leader.userId !== user) {
    await notifyPerson(app, leader.userId, {
      text: (t) => t(`unreachable-to-leader-${reason}`, { name, municipality: group.municipality }),
    });
  }
  const notice = notifyGroup(app, group, {
    text: (t) => t("unreachable-in-group", { name }),
    keyboard: (t) => new InlineKeyboard().url(t("unreachable-open-button"), deepLink(app.botUsername, "inbox")),
  });
  await bestEffort(app.logger, "group chat unreachable", notice, { group: group.id });
}

/** Sends a message to the group's chat in the group's language. */
export async function notifyGroup(app: App, group: Group, message: Message): Promise<SentMessage.TextMessage> {
  const { t } = speechIn(app, group.locale);
  return app.api.sendMessage(group.chatId, message.text(t, group.locale), { reply_markup: message.keyboard?.(t, group.locale) });
}

/** Telegram's limit is 4096 characters; long documents go out in parts split at line ends. */
const PART_LENGTH = 4000;

export function splitLong(text: string): string[] {
  const parts: string[] = [];
  let current = "";
  for (const line of text.split("\n")) {
    for (let rest = line; ; ) {
      const room = PART_LENGTH - current.length - (current ? 1 : 0);
      if (rest.length <= room) {
        current = current ? `${current}\n${rest}` : rest;
        break;
      }
      if (current) {
        parts.push(current);
        current = "";
        continue;
      }
      parts.push(rest.slice(0, PART_LENGTH));
      rest = rest.slice(PART_LENGTH);
    }
  }
  if (current) parts.push(current);
  return parts;
}

/** Sends a long text in parts; the keyboard goes with the last part. Returns the last message. */
export async function sendLong(
  api: App["api"],
  chat: number,
  text: string,
  keyboard?: InlineKeyboard,
): Promise<SentMessage.TextMessage | undefined> {
  const parts = splitLong(text);
  let last: SentMessage.TextMessage | undefined;
  for (const [index, part] of parts.entries()) {
    last = await api.sendMessage(chat, part, index === parts.length - 1 && keyboard ? { reply_markup: keyboard } : {});
  }
  return last;
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
