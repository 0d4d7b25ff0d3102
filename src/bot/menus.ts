import { createHash } from "node:crypto";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import type { Api } from "grammy";
import type { BotCommand, BotCommandScope } from "grammy/types";
import type { Logger } from "pino";
import type { Db } from "../db/client.js";
import { preparedQuery } from "../db/prepared.js";
import { groups, publishedMenus, users } from "../db/schema.js";
import { appointersOf } from "../domain/appointers.js";
import { groupById } from "../domain/groups.js";
import { currentLeader } from "../domain/leadership.js";
import type { GroupId, UserId } from "../domain/types.js";
import { LOCALES, isLocale, type Locale } from "../i18n/locales.js";
import { groupMenu, privateMenu, type GroupAudience } from "./commands.js";
import type { Translate } from "./i18n.js";

/** What publishing menus needs: the database, the Bot API and the translations. */
export interface MenuDeps {
  db: Db;
  api: Api;
  t: Translate;
  defaultLocale: Locale;
  logger: Logger;
  /** Abandons the calls in flight (a stop): nothing is logged or recorded for them. */
  signal?: ApiSignal;
}

/** The signal grammY's methods take (typed after its AbortController shim; a native one works). */
type ApiSignal = Parameters<Api["setMyCommands"]>[2];

interface Menu {
  scope: BotCommandScope;
  language?: Locale;
  commands: BotCommand[];
}

function scopeKey({ scope, language }: Pick<Menu, "scope" | "language">): string {
  const ids = "chat_id" in scope ? `:${scope.chat_id}${"user_id" in scope ? `:${scope.user_id}` : ""}` : "";
  return `${scope.type}${ids}${language ? `/${language}` : ""}`;
}

const digestOf = (commands: BotCommand[]) => createHash("sha256").update(JSON.stringify(commands)).digest("hex");

const statements = preparedQuery((db) => {
  const scope = sql.placeholder("scope");
  return {
    digest: db.select({ digest: publishedMenus.digest }).from(publishedMenus).where(eq(publishedMenus.scope, scope)).prepare(),
    record: db
      .insert(publishedMenus)
      .values({ scope, digest: sql.placeholder("digest"), chatId: sql.placeholder("chat"), userId: sql.placeholder("user") })
      .onConflictDoUpdate({ target: publishedMenus.scope, set: { digest: sql`excluded.digest` } })
      .prepare(),
    forget: db.delete(publishedMenus).where(eq(publishedMenus.scope, scope)).prepare(),
    memberMenus: db
      .select({ scope: publishedMenus.scope, userId: publishedMenus.userId })
      .from(publishedMenus)
      .where(and(eq(publishedMenus.chatId, sql.placeholder("chat")), isNotNull(publishedMenus.userId)))
      .prepare(),
  };
});

/** Sends a menu unless Telegram already has exactly this one; a refusal is logged, not thrown. */
async function publish(deps: MenuDeps, menu: Menu): Promise<void> {
  const key = scopeKey(menu);
  const digest = digestOf(menu.commands);
  const stored = statements(deps.db).digest.get({ scope: key });
  if (stored?.digest === digest) return;
  try {
    await deps.api.setMyCommands(menu.commands, { scope: menu.scope, language_code: menu.language }, deps.signal);
  } catch (error) {
    if (!deps.signal?.aborted) deps.logger.warn({ err: error, scope: key }, "command menu not set");
    return;
  }
  if (deps.signal?.aborted) return;
  statements(deps.db).record.run({
    scope: key,
    digest,
    chat: "chat_id" in menu.scope ? Number(menu.scope.chat_id) : null,
    user: "user_id" in menu.scope ? menu.scope.user_id : null,
  });
}

async function withdraw(deps: MenuDeps, scope: BotCommandScope, key: string): Promise<void> {
  try {
    await deps.api.deleteMyCommands({ scope }, deps.signal);
  } catch (error) {
    if (!deps.signal?.aborted) deps.logger.warn({ err: error, scope: key }, "command menu not removed");
    return;
  }
  if (deps.signal?.aborted) return;
  statements(deps.db).forget.run({ scope: key });
}

/** The menus for all private and all group chats, in each language and the default one. */
function globalMenus({ t, defaultLocale }: MenuDeps): Menu[] {
  return [undefined, ...LOCALES].flatMap((language) => [
    { scope: { type: "all_private_chats" }, language, commands: privateMenu(t, language ?? defaultLocale) },
    { scope: { type: "all_group_chats" }, language, commands: groupMenu(t, language ?? defaultLocale, ["unregistered"]) },
  ]);
}

/** A person's private chat shows the menu in the language they chose. */
export async function publishPersonMenu(deps: MenuDeps, user: UserId, locale: Locale): Promise<void> {
  await publish(deps, { scope: { type: "chat", chat_id: user }, commands: privateMenu(deps.t, locale) });
}

/**
 * A group chat's menu in the group's language, and for its leader and appointers their own
 * menu there with their extra commands; someone who lost their role gets the common one back.
 */
export async function publishGroupMenus(deps: MenuDeps, id: GroupId): Promise<void> {
  const group = groupById(deps.db, id);
  if (!group) return;
  const chat = group.chatId;
  await publish(deps, { scope: { type: "chat", chat_id: chat }, commands: groupMenu(deps.t, group.locale) });
  const roles = new Map<number, GroupAudience[]>();
  const leader = currentLeader(deps.db, id);
  if (leader) roles.set(leader.userId, ["leader"]);
  for (const appointer of appointersOf(deps.db, id)) roles.set(appointer.userId, [...(roles.get(appointer.userId) ?? []), "appointer"]);
  for (const [user, held] of roles) {
    await publish(deps, { scope: { type: "chat_member", chat_id: chat, user_id: user }, commands: groupMenu(deps.t, group.locale, held) });
  }
  const memberMenus = statements(deps.db).memberMenus.all({ chat });
  for (const stale of memberMenus.filter((row) => row.userId !== null && !roles.has(row.userId))) {
    await withdraw(deps, { type: "chat_member", chat_id: chat, user_id: stale.userId! }, stale.scope);
  }
}

/**
 * At start, each menu is sent only if it is new or its text changed since it was last sent (a
 * new command, a reworded one): first the common menus, then those of each group and of each
 * person who chose a language.
 */
export async function publishCommonMenus(deps: MenuDeps): Promise<void> {
  for (const menu of globalMenus(deps)) await publish(deps, menu);
}

export async function refreshChatMenus(deps: MenuDeps): Promise<void> {
  for (const { id } of deps.db.select({ id: groups.id }).from(groups).all()) await publishGroupMenus(deps, id as GroupId);
  const chosen = deps.db.select({ id: users.id, locale: users.chosenLocale }).from(users).where(isNotNull(users.chosenLocale)).all();
  for (const person of chosen) if (isLocale(person.locale)) await publishPersonMenu(deps, person.id as UserId, person.locale);
}
