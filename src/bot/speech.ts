import type { Context } from "grammy";
import type { Locale } from "../i18n/locales.js";
import type { App } from "./app.js";
import type { BotContext } from "./context.js";
import { negotiateLocale } from "./i18n.js";
import { translator, type T } from "./notify.js";

/** The language of this update's answer, and its translations (dates need the locale too). */
export interface Speech {
  t: T;
  locale: Locale;
}

export function ctxLocale(app: App, ctx: Context): Locale {
  return negotiateLocale(app.db, app.defaultLocale, ctx);
}

export function speechOf(app: App, ctx: BotContext): Speech {
  const locale = ctxLocale(app, ctx);
  return { t: translator(app, locale), locale };
}

export function speechIn(app: App, locale: Locale): Speech {
  return { t: translator(app, locale), locale };
}
