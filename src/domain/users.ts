import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { users } from "../db/schema.js";
import { memo } from "../db/memo.js";
import { preparedQuery } from "../db/prepared.js";
import { isLocale, type Locale } from "./locale.js";
import type { UserId } from "./types.js";
import { forgetMemberships } from "./members.js";

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

const statements = preparedQuery((db) => ({
  remember: db
    .insert(users)
    .values({
      id: sql.placeholder("id"),
      firstName: sql.placeholder("firstName"),
      lastName: sql.placeholder("lastName"),
      username: sql.placeholder("username"),
      telegramLanguage: sql.placeholder("telegramLanguage"),
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
  preference: db
    .select({ chosen: users.chosenLocale, telegram: users.telegramLanguage })
    .from(users)
    .where(eq(users.id, sql.placeholder("id")))
    .prepare(),
  unreachable: db
    .select({ at: users.unreachableAt })
    .from(users)
    .where(eq(users.id, sql.placeholder("id")))
    .prepare(),
  reachable: db
    .update(users)
    .set({ unreachableAt: null })
    .where(eq(users.id, sql.placeholder("id")))
    .prepare(),
  choose: db
    .update(users)
    .set({ chosenLocale: sql.placeholder("locale") as never })
    .where(eq(users.id, sql.placeholder("id")))
    .prepare(),
  name: db
    .select({ first: users.firstName, last: users.lastName })
    .from(users)
    .where(eq(users.id, sql.placeholder("id")))
    .prepare(),
}));

/** Each person's language preference and whether they are unreachable, as last written. */
const preferences = memo<number, LanguagePreference>();
const unreachable = memo<number, boolean>();

/** Records a person the bot has seen; writes only when something changed. */
export function rememberUser(db: Db, person: TelegramPerson): void {
  preferences.forget(db, person.id);
  forgetMemberships(db);
  statements(db).remember.run({
    id: person.id,
    firstName: person.first_name,
    lastName: person.last_name ?? null,
    username: person.username ?? null,
    telegramLanguage: person.language_code ?? null,
  });
}

export function languagePreference(db: Db, id: UserId): LanguagePreference {
  return preferences.get(db, id, () => {
    const row = statements(db).preference.get({ id });
    return { chosen: isLocale(row?.chosen) ? row.chosen : undefined, telegram: row?.telegram ?? undefined };
  });
}

export function chooseLocale(db: Db, id: UserId, locale: Locale): void {
  statements(db).choose.run({ id, locale });
  preferences.forget(db, id);
}

/** Telegram refused to deliver to this person (403): they blocked the bot or never opened it. */
export function markUnreachable(db: Db, id: UserId, now: Date): void {
  db.update(users).set({ unreachableAt: now }).where(eq(users.id, id)).run();
  unreachable.forget(db, id);
}

/** The person wrote to the bot in private, so private messages reach them again. */
export function markReachable(db: Db, id: UserId): void {
  // Most people are reachable, and remembered so: no statement at all.
  if (!unreachable.get(db, id, () => Boolean(statements(db).unreachable.get({ id })?.at))) return;
  statements(db).reachable.run({ id });
  unreachable.forget(db, id);
}

export function displayName(db: Db, id: UserId): string | undefined {
  const row = statements(db).name.get({ id });
  return row ? [row.first, row.last].filter(Boolean).join(" ") : undefined;
}
