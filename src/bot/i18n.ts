import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { I18n } from "@grammyjs/i18n";
import type { Context } from "grammy";
import type { Db } from "../db/client.js";
import { groupByChat } from "../domain/groups.js";
import { chatId, userId, type UserId } from "../domain/types.js";
import { languagePreference } from "../domain/users.js";
import { isLocale, localeFromTelegram, type Locale } from "../i18n/locales.js";
import type { FormContext } from "./context.js";

export const LOCALES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../locales");

export type TranslationVariables = Record<string, string | number>;
export type Translate = (locale: Locale, key: string, variables?: TranslationVariables) => string;

/** A person's language for messages sent to them in private: their choice, Telegram's, the default. */
export function personLocale(db: Db, user: UserId, fallback: Locale): Locale {
  const preference = languagePreference(db, user);
  return preference.chosen ?? localeFromTelegram(preference.telegram) ?? fallback;
}

/**
 * The language of an update, read from the database each time (a session would fall back
 * silently inside forms): the group's language in a registered group chat, else the person's.
 */
export function negotiateLocale(db: Db, fallback: Locale, ctx: Context): Locale {
  const chat = ctx.chat;
  if (chat && chat.type !== "private") {
    const group = groupByChat(db, chatId(chat.id));
    if (group) return group.locale;
  }
  const from = ctx.from;
  if (!from) return fallback;
  const preference = languagePreference(db, userId(from.id));
  return preference.chosen ?? localeFromTelegram(from.language_code) ?? fallback;
}

export function createI18n(db: Db, defaultLocale: Locale): I18n<FormContext> {
  return new I18n<FormContext>({
    defaultLocale,
    directory: LOCALES_DIR,
    useSession: false,
    localeNegotiator: (ctx) => negotiateLocale(db, defaultLocale, ctx),
    fluentBundleOptions: { useIsolating: false },
  });
}

/** Translations alone, for what is written outside an update (command menus, notices). */
export function loadTranslations(defaultLocale: Locale): Translate {
  const i18n = new I18n<FormContext>({ defaultLocale, directory: LOCALES_DIR, fluentBundleOptions: { useIsolating: false } });
  return (locale, key, vars) => i18n.t(locale, key, vars);
}

/** The language an update is answered in, as one of ours. */
export async function contextLocale(ctx: FormContext, fallback: Locale): Promise<Locale> {
  const locale = await ctx.i18n.getLocale();
  return isLocale(locale) ? locale : fallback;
}
