import { isLocale, type Locale } from "../domain/locale.js";

// The domain owns the list of languages; the bot side reads it from here too.
export { LOCALES, isLocale, type Locale } from "../domain/locale.js";

/** Maps a Telegram `language_code` (e.g. "ru-RU") to one of ours. */
export function localeFromTelegram(code: string | undefined): Locale | undefined {
  const base = code?.toLowerCase().split(/[-_]/)[0];
  return isLocale(base) ? base : undefined;
}
