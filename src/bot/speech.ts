import type { FluentVariable } from "@fluent/bundle";
import type { Locale } from "../i18n/locales.js";

/** Strings, numbers, and names that print in the message's language (LocalizedName). */
export type TranslationVariables = Record<string, FluentVariable>;

/** A translation function bound to one locale. */
export type T = (key: string, vars?: TranslationVariables) => string;

/**
 * One language to speak in: its translations, and the locale itself (dates need it too).
 * An update's is `ctx.speech`; a notice's is `speechIn(app, locale)` for its recipient.
 */
export interface Speech {
  t: T;
  locale: Locale;
}

export function speechIn(app: { t(locale: Locale, key: string, vars?: TranslationVariables): string }, locale: Locale): Speech {
  return { t: (key, vars) => app.t(locale, key, vars), locale };
}
