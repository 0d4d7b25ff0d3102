import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { I18n } from "@grammyjs/i18n";
import type { Context, MiddlewareFn } from "grammy";
import type { Db } from "../db/client.js";
import { groupByChat } from "../domain/groups.js";
import { chatId, userId, type UserId } from "../domain/types.js";
import { languagePreference } from "../domain/users.js";
import { isLocale, localeFromTelegram, type Locale } from "../i18n/locales.js";
import type { FormContext } from "./context.js";
import { formKey } from "./conversations/storage.js";
import { rememberBundleMatches } from "./patches/fluent-matching.js";
import { speechIn, type Speech, type TranslationVariables } from "./speech.js";

export const LOCALES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../locales");

export type { TranslationVariables };
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
  return ownLocale(db, fallback, ctx);
}

/** The language of the person behind an update: their choice, else their Telegram app's. */
function ownLocale(db: Db, fallback: Locale, ctx: Context): Locale {
  const from = ctx.from;
  if (!from) return fallback;
  const preference = languagePreference(db, userId(from.id));
  return preference.chosen ?? localeFromTelegram(from.language_code) ?? fallback;
}

function newI18n(defaultLocale: Locale, localeNegotiator: (ctx: FormContext) => Locale): I18n<FormContext> {
  return rememberBundleMatches(
    new I18n<FormContext>({
      defaultLocale,
      directory: LOCALES_DIR,
      useSession: false,
      localeNegotiator,
      fluentBundleOptions: { useIsolating: false },
    }),
  );
}

export interface Translations {
  /** For updates: negotiates each update's language from the database. */
  outside: I18n<FormContext>;
  /** Records the language of the update in hand, for the forms it reaches. */
  remember: MiddlewareFn<FormContext>;
  /** For forms: the language of the update in hand, not looked up again for each replayed one. */
  inside: I18n<FormContext>;
  /** After `outside`: puts `ctx.speech`, `ctx.personalSpeech` and `ctx.person` on the update. */
  speakOutside: MiddlewareFn<FormContext>;
  /** After `inside`, in a form's plugins: the same for each context a form sees. */
  speakInside: MiddlewareFn<FormContext>;
}

/**
 * Each context's negotiated locale, remembered: the plugin's negotiation and `ctx.speech` read
 * the database once between them. `forget` makes the next read negotiate again.
 */
function rememberedLocales(negotiate: (ctx: FormContext) => Locale) {
  const known = new WeakMap<object, Locale>();
  return {
    localeOf(ctx: FormContext): Locale {
      let locale = known.get(ctx);
      if (locale === undefined) known.set(ctx, (locale = negotiate(ctx)));
      return locale;
    },
    forget: (ctx: FormContext) => known.delete(ctx),
  };
}

/**
 * `ctx.speech` in the update's language, `ctx.personalSpeech` in the person's own (read only when
 * used; in private, the same), and `ctx.person`. When a language changes, the plugin's
 * `renegotiateLocale` moves `ctx.speech` with it.
 */
function speaking(
  db: Db,
  fallback: Locale,
  i18n: I18n<FormContext>,
  locales: ReturnType<typeof rememberedLocales>,
): MiddlewareFn<FormContext> {
  const speech = (locale: Locale): Speech => speechIn(i18n, locale);
  return async (ctx, next) => {
    const renegotiate = ctx.i18n.renegotiateLocale;
    ctx.i18n.renegotiateLocale = () => {
      locales.forget(ctx);
      return renegotiate();
    };
    Object.defineProperties(ctx, {
      speech: { get: () => speech(locales.localeOf(ctx)), configurable: true },
      personalSpeech: { get: () => (ctx.chat?.type === "private" ? ctx.speech : speech(ownLocale(db, fallback, ctx))), configurable: true },
      person: {
        get: () => {
          if (!ctx.from) throw new Error("the update has no sender");
          return userId(ctx.from.id);
        },
        configurable: true,
      },
    });
    await next();
  };
}

/**
 * A form replays every update it has received on each new one; each replayed context would
 * negotiate its language again. They all belong to the same chat and person as the update in
 * hand (updates of one chat and person run one at a time), so they take its language.
 */
export function createI18n(db: Db, defaultLocale: Locale): Translations {
  const inHand = new Map<string, Locale>();
  const outsideLocales = rememberedLocales((ctx) => negotiateLocale(db, defaultLocale, ctx));
  const negotiate = outsideLocales.localeOf;
  const insideLocales = rememberedLocales((ctx) => inHand.get(formKey(ctx) ?? "") ?? negotiate(ctx));
  const outside = newI18n(defaultLocale, negotiate);
  const inside = newI18n(defaultLocale, insideLocales.localeOf);
  const remember: MiddlewareFn<FormContext> = async (ctx, next) => {
    const key = formKey(ctx);
    if (key === undefined) return next();
    const locale = await ctx.i18n.getLocale();
    inHand.set(key, isLocale(locale) ? locale : defaultLocale);
    try {
      await next();
    } finally {
      inHand.delete(key);
    }
  };
  const speakOutside = speaking(db, defaultLocale, outside, outsideLocales);
  const speakInside = speaking(db, defaultLocale, inside, insideLocales);
  return { outside, remember, inside, speakOutside, speakInside };
}

/** Translations alone, for what is written outside an update (command menus, notices). */
export function loadTranslations(defaultLocale: Locale): Translate {
  const i18n = newI18n(defaultLocale, () => defaultLocale);
  return (locale, key, vars) => i18n.t(locale, key, vars);
}
