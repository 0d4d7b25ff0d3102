import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { preparedQuery } from "../db/prepared.js";
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

const upsertUser = preparedQuery((db) =>
  db
    .insert(users)
    .values({
      id: sql.placeholder("id"),
      firstName: sql.placeholder("first"),
      lastName: sql.placeholder("last"),
      username: sql.placeholder("username"),
      telegramLanguage: sql.placeholder("language"),
    })
    .onConflictDoUpdate({
      target: users.id,
      set: {
        firstName: sql`excluded.first_name`,
        lastName: sql`excluded.last_name`,
        username: sql`excluded.username`,
        telegramLanguage: sql`excluded.telegram_language`,
      },
      setWhere: sql`${users.firstName} is not excluded.first_name
        or ${users.lastName} is not excluded.last_name
        or ${users.username} is not excluded.username
        or ${users.telegramLanguage} is not excluded.telegram_language`,
    })
    .prepare(),
);

/** Records a person the bot has seen; writes only when something changed. */
export function rememberUser(db: Db, person: TelegramPerson): void {
  upsertUser(db).run({
    id: person.id,
    first: person.first_name,
    last: person.last_name ?? null,
    username: person.username ?? null,
    language: person.language_code ?? null,
  });
}

const preferenceQuery = preparedQuery((db) =>
  db
    .select({ chosen: users.chosenLocale, telegram: users.telegramLanguage })
    .from(users)
    .where(eq(users.id, sql.placeholder("id")))
    .prepare(),
);

export function languagePreference(db: Db, id: UserId): LanguagePreference {
  const row = preferenceQuery(db).get({ id });
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
const reachableUpdate = preparedQuery((db) =>
  db
    .update(users)
    .set({ unreachableAt: null })
    .where(sql`${users.id} = ${sql.placeholder("id")} and ${users.unreachableAt} is not null`)
    .prepare(),
);

export function markReachable(db: Db, id: UserId): void {
  reachableUpdate(db).run({ id });
}

export function displayName(db: Db, id: UserId): string | undefined {
  const row = db
    .select({ first: users.firstName, last: users.lastName })
    .from(users)
    .where(eq(users.id, id))
    .get();
  return row ? [row.first, row.last].filter(Boolean).join(" ") : undefined;
}
