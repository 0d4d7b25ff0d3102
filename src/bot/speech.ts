import type { Locale } from "../i18n/locales.js";
import type { App } from "./app.js";
import type { FormContext } from "./context.js";
import { contextLocale } from "./i18n.js";
import { translator, type T } from "./notify.js";

/** The language of this update's answer, and its translations (dates need the locale too). */
export interface Speech {
  t: T;
  locale: Locale;
}

/** The language this update is answered in (negotiated once per update), with its translations. */
export async function speechOf(app: App, ctx: FormContext): Promise<Speech> {
  return speechIn(app, await contextLocale(ctx, app.defaultLocale));
}

export function speechIn(app: Pick<App, "t">, locale: Locale): Speech {
  return { t: translator(app, locale), locale };
}
