import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { users } from "../db/schema.js";
import { isLocale, type Locale } from "../i18n/locales.js";
import type { UserId } from "./types.js";

export interface TelegramPerson {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

export interface LanguagePreference {
  chosen: Locale | undefined;
  telegram: string | undefined;
}

/** Records a person the bot has seen; writes only when something changed. */
export function rememberUser(db: Db, person: TelegramPerson): void {
  const row = {
    id: person.id,
    firstName: person.first_name,
    lastName: person.last_name ?? null,
    username: person.username ?? null,
    telegramLanguage: person.language_code ?? null,
  };
  db.insert(users)
    .values(row)
    .onConflictDoUpdate({
      target: users.id,
      set: {
        firstName: row.firstName,
        lastName: row.lastName,
        username: row.username,
        telegramLanguage: row.telegramLanguage,
      },
      setWhere: sql`${users.firstName} is not ${row.firstName}
        or ${users.lastName} is not ${row.lastName}
        or ${users.username} is not ${row.username}
        or ${users.telegramLanguage} is not ${row.telegramLanguage}`,
    })
    .run();
}

export function languagePreference(db: Db, id: UserId): LanguagePreference {
  const row = db
    .select({ chosen: users.chosenLocale, telegram: users.telegramLanguage })
    .from(users)
    .where(eq(users.id, id))
    .get();
  return { chosen: isLocale(row?.chosen) ? row.chosen : undefined, telegram: row?.telegram ?? undefined };
}

export function chooseLocale(db: Db, id: UserId, locale: Locale): void {
  db.update(users).set({ chosenLocale: locale }).where(eq(users.id, id)).run();
}

/** Telegram refused to deliver to this person (403): they blocked the bot or never opened it. */
export function markUnreachable(db: Db, id: UserId, now: Date): void {
  db.update(users).set({ unreachableAt: now }).where(eq(users.id, id)).run();
}

/** The person wrote to the bot in private, so private messages reach them again. */
export function markReachable(db: Db, id: UserId): void {
  db.update(users).set({ unreachableAt: null }).where(sql`${users.id} = ${id} and ${users.unreachableAt} is not null`).run();
}

export function displayName(db: Db, id: UserId): string | undefined {
  const row = db
    .select({ first: users.firstName, last: users.lastName })
    .from(users)
    .where(eq(users.id, id))
    .get();
  return row ? [row.first, row.last].filter(Boolean).join(" ") : undefined;
}
