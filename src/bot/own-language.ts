import { chooseLocale } from "../domain/users.js";
import type { Locale } from "../i18n/locales.js";
import type { App } from "./app.js";
import type { BotContext } from "./context.js";

/**
 * A person picks their own language: it is stored, this update is answered in it, and their
 * private chat's command menu follows it (Telegram's own choice follows the app's language).
 */
export async function chooseOwnLanguage(app: App, ctx: BotContext, locale: Locale): Promise<void> {
  if (!ctx.from) return;
  const user = ctx.person;
  chooseLocale(app.db, user, locale);
  await ctx.i18n.renegotiateLocale();
  app.menus.person(user, locale);
}
